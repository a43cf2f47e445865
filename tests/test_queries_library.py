"""The saved queries (queries/*.rq): documentation, and their actual answers.

Each query is checked twice: on the hand-written contract fixture
(tests/data/contract-sample.trig, exact answers: the queries' semantics), and on the
example article and the dev corpus after real extraction and ingestion (answers the gold
files in ../shared/corpus/gold require).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from store_fixtures import CORPUS, EXAMPLE, fixture_store, ingested_store, rows_matching, texts

from kg.query import (
    ParamKind,
    load_saved_query,
    query_variables,
    run_query,
    saved_queries,
    set_slice,
)
from kg.store import open_store

NAMES = [
    "actor-events",
    "ceasefire-demands",
    "claims",
    "events-by-month",
    "mediators",
    "meetings-calls",
    "members",
    "offices",
    "shared-actors",
    "sources",
    "timeline",
    "timeline-events",
]
PUTIN_DEMAND = (
    "Russlands Präsident Wladimir Putin hat die Konfliktparteien zur Vereinbarung einer "
    "Waffenruhe aufgefordert und die Vermittlung seines Landes angeboten."
)


@pytest.fixture(scope="module")
def fixture(tmp_path_factory):
    return fixture_store(tmp_path_factory.mktemp("fixture") / "store")


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    return ingested_store(tmp_path_factory.mktemp("example") / "store", [EXAMPLE])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"dev corpus not present at {CORPUS}")
    return ingested_store(tmp_path_factory.mktemp("corpus") / "store", sorted(CORPUS.glob("*.txt")))


def run(store, name, **params):
    return run_query(store, load_saved_query(name), params=params)


# --- documentation ---------------------------------------------------------------------------


def test_library_has_every_required_query():
    assert set(NAMES) <= {q.name for q in saved_queries()}


@pytest.mark.parametrize("name", NAMES)
def test_header_documents_the_query(name):
    q = load_saved_query(name)
    assert q.title and q.description and q.example.startswith(f"ckg query {name}")
    variables = query_variables(q.text)
    for p in q.params:
        if p.kind in (ParamKind.LIMIT, ParamKind.PAGE):  # numbers of the one LIMIT clause
            assert set_slice(q.text, name=name, limit=None, page=2) != q.text
        else:
            assert p.name in variables, f"{name}: documented ?{p.name} is not a variable"
        assert p.meaning and p.example
    for used in re.findall(r"--param (\w+)=", q.example):
        assert used in {p.name for p in q.params}


@pytest.mark.parametrize("name", NAMES)
def test_runs_on_an_empty_store_with_its_documented_example_params(tmp_path, name):
    q = load_saved_query(name)
    store = open_store(tmp_path / "s")
    params = dict(re.findall(r"--param (\w+)=(\S+)", q.example))
    result = run_query(store, q, params=params)
    assert result.form == "SELECT" and result.rows == []


# --- semantics, on the contract fixture ---------------------------------------------------


def test_mediators_fixture(fixture):
    r = run(fixture, "mediators")
    got = {(str(row["mediatorLabel"]), str(row["involvement"])) for row in r.rows}
    assert got == {
        ("International Committee of the Red Cross", "mediated"),
        ("OSCE Minsk Group", "mediated"),
        ("Russia", "offered to mediate"),
        ("Russia", "mediated"),
        ("United States", "mediated"),
        ("African Union", "mediated"),
        ("Uhuru Kenyatta", "mediated"),
    }
    # the ICRC's mediation is tied to no conflict: listed, with an empty conflict
    icrc = rows_matching(r, mediatorLabel="Red Cross")
    assert [row["inConflict"] for row in icrc] == [None]


def test_mediators_conflict_param_restricts_without_misattributing(fixture):
    r = run(fixture, "mediators", conflict="id:entity/tigray-war")
    assert sorted(texts(r, "mediatorLabel")) == ["African Union", "Uhuru Kenyatta"]
    assert set(texts(r, "inConflict")) == {"https://w3id.org/conflict-kg/id/entity/tigray-war"}


def test_ceasefire_demands_fixture(fixture):
    r = run(fixture, "ceasefire-demands")
    pairs = [(str(row["demanderLabel"]), str(row["addresseeLabel"])) for row in r.rows]
    assert pairs == [("Vladimir Putin", "Armenia"), ("Vladimir Putin", "Azerbaijan")]
    assert set(texts(r, "sentence")) == {PUTIN_DEMAND}
    assert set(texts(r, "date")) == {"2020-10"}
    text = (CORPUS / "2020-10-moskau-verhandlungen.txt").read_text(encoding="utf-8")
    row = r.rows[0]
    assert text[int(row["start"]) : int(row["end"])] == PUTIN_DEMAND


def test_members_fixture(fixture):
    r = run(fixture, "members", org="id:entity/csto")
    got = {(str(row["memberLabel"]), str(row["status"])) for row in r.rows}
    assert got == {
        ("Armenia", "member"),
        ("Azerbaijan", "not a member"),
        ("Nagorno-Karabakh", "not a member"),
    }


def test_timeline_fixture_is_in_date_order(fixture):
    r = run(fixture, "timeline", conflict="id:entity/nagorno-karabakh-conflict")
    dates = [str(d) for d in r.column("date") if d is not None]
    assert dates == sorted(dates) and len(dates) == 11
    assert texts(r, "type")[-2:] == [
        "https://w3id.org/conflict-kg/ontology#CeasefireAgreement",
        "https://w3id.org/conflict-kg/ontology#Deployment",
    ]
    # a Negotiation is listed as a Negotiation only, not also as a Meeting
    negotiation = rows_matching(r, event="2020-10-moskau-verhandlungen/d1145d983a94")
    assert [str(row["type"]).rsplit("#")[-1] for row in negotiation] == ["Negotiation"]
    assert "tigray" not in " ".join(texts(r, "event") + texts(r, "article"))


def test_actor_events_fixture(fixture):
    r = run(fixture, "actor-events", actor="id:entity/vladimir-putin")
    got = sorted(
        (str(row["type"]).rsplit("#")[-1], str(row["role"]).rsplit("#")[-1]) for row in r.rows
    )
    assert got == [
        ("CeasefireAgreement", "participant"),
        ("CeasefireDemand", "agent"),
        ("PhoneCall", "agent"),
        ("PhoneCall", "agent"),
        ("Statement", "agent"),
        ("Statement", "agent"),
    ]


def test_meetings_calls_fixture(fixture):
    r = run(fixture, "meetings-calls", type="ckg:PhoneCall")
    pairs = {frozenset((str(row["actor1Label"]), str(row["actor2Label"]))) for row in r.rows}
    assert pairs == {
        frozenset(("Vladimir Putin", "Ilham Aliyev")),
        frozenset(("Vladimir Putin", "Nikol Pashinyan")),
    }
    everything = run(fixture, "meetings-calls")
    assert rows_matching(everything, actor1Label="Mike Pompeo", actor2Label="Zohrab")
    assert len(everything.rows) == 14


def test_offices_fixture(fixture):
    r = run(fixture, "offices", of="id:entity/armenia")
    assert {(str(row["holderLabel"]), str(row["roleLabel"])) for row in r.rows} == {
        ("Nikol Pashinyan", "Prime Minister")
    }
    assert len(r.rows) == 2  # stated in two articles
    every = run(fixture, "offices")
    assert rows_matching(every, holderLabel="Guterres", roleLabel="Secretary-General")


def test_claims_fixture(fixture):
    r = run(fixture, "claims")
    kinds = sorted((str(row["kind"]), str(row["claimantLabel"])) for row in r.rows)
    assert kinds == [
        ("accusation", "Armenia"),
        ("accusation", "Azerbaijan"),
        ("claimed event", "Armenia"),
        ("claimed event", "Azerbaijan"),
    ]
    accusation = rows_matching(r, kind="accusation", claimantLabel="Armenia")[0]
    assert str(accusation["accusedLabel"]) == "Azerbaijan"
    assert str(accusation["allegedType"]).endswith("#MilitaryAction")
    assert str(accusation["status"]) == "claimed"
    # a claimed event has no accused filled in from elsewhere
    assert all(row["accused"] is None for row in rows_matching(r, kind="claimed event"))


def test_events_by_month_fixture(fixture):
    r = run(fixture, "events-by-month")
    counts = {
        (str(row["month"]), str(row["type"]).rsplit("#")[-1]): int(row["events"]) for row in r.rows
    }
    assert counts[("2020-10", "Meeting")] == 4
    assert counts[("2020-10", "PhoneCall")] == 2
    assert counts[("undated", "MilitaryAction")] == 2
    assert sum(counts.values()) == 30


def test_sources_fixture_offsets_quote_the_article(fixture):
    r = run(fixture, "sources")
    assert len({str(e) for e in r.column("event")}) == 30
    for row in r.rows:
        text = (CORPUS / str(row["identifier"])).read_text(encoding="utf-8")
        assert text[int(row["start"]) : int(row["end"])] == str(row["sentence"])


def test_sources_event_param(fixture):
    iri = "<https://w3id.org/conflict-kg/id/event/2020-10-moskau-verhandlungen/2ccb76ac1114>"
    r = run(fixture, "sources", event=iri)
    assert texts(r, "sentence") == [PUTIN_DEMAND]
    assert [float(c) for c in r.column("confidence")] == [0.9]


def test_shared_actors_fixture(fixture):
    r = run(fixture, "shared-actors")
    counts = {str(row["actorLabel"]): int(row["articles"]) for row in r.rows}
    assert counts["Azerbaijan"] == 4 and counts["Armenia"] == 3 and counts["Vladimir Putin"] == 2
    assert "African Union" not in counts
    assert min(counts.values()) >= 2


# --- actual answers after real extraction: the example article ---------------------------------


def test_ceasefire_demands_example(example):
    r = run(example, "ceasefire-demands")
    putin = rows_matching(r, demanderLabel="Putin", addresseeLabel="Armenia")
    assert putin, r.rows
    assert str(putin[0]["sentence"]) == PUTIN_DEMAND
    assert str(putin[0]["date"]).startswith("2020-10")
    assert rows_matching(r, demanderLabel="Putin", addresseeLabel="Azerbaijan")


def test_members_example(example):
    r = run(example, "members", org="id:entity/csto")
    got = {(str(row["memberLabel"]), str(row["status"])) for row in r.rows}
    assert ("Armenia", "member") in got
    assert ("Azerbaijan", "not a member") in got
    assert ("Azerbaijan", "member") not in got


def test_offices_example(example):
    r = run(example, "offices")
    assert rows_matching(r, holderLabel="Putin", roleLabel="President", ofLabel="Russia")
    assert rows_matching(r, holderLabel="Pashinyan", roleLabel="Prime Minister", ofLabel="Armenia")
    assert rows_matching(r, holderLabel="Bayramov", roleLabel="Foreign Minister")


def test_actor_events_example(example):
    r = run(example, "actor-events", actor="id:entity/vladimir-putin")
    types = {str(t).rsplit("#")[-1] for t in r.column("type")}
    assert {"CeasefireDemand", "PhoneCall", "Statement"} <= types
    assert set(texts(r, "actor")) == {"https://w3id.org/conflict-kg/id/entity/vladimir-putin"}


def test_mediators_example(example):
    r = run(example, "mediators")
    assert rows_matching(r, mediatorLabel="Putin|Russia", involvement="offered")


def test_events_by_month_example(example):
    r = run(example, "events-by-month")
    months = set(texts(r, "month"))
    assert months <= {"2020-09", "2020-10", "undated"}
    demand = [row for row in r.rows if str(row["type"]).endswith("#CeasefireDemand")]
    assert demand and demand[0]["month"] is not None and str(demand[0]["month"]) == "2020-10"


def test_sources_example_offsets_quote_the_article(example):
    r = run(example, "sources")
    text = EXAMPLE.read_text(encoding="utf-8")
    assert len(r.rows) >= 5
    for row in r.rows:
        assert text[int(row["start"]) : int(row["end"])] == str(row["sentence"])


def test_meetings_calls_example(example):
    r = run(example, "meetings-calls")
    calls: dict[str, str] = {}
    for row in rows_matching(r, type="PhoneCall"):
        who = f"{row['actor1Label']} {row['actor2Label']}"
        calls[str(row["event"])] = calls.get(str(row["event"]), "") + who
    assert calls and all("Putin" in actors for actors in calls.values())  # Putin phoned
    assert rows_matching(r, type="Negotiation", actor1Label="Bayramov", actor2Label="Mnatsakanyan")


def test_meetings_calls_example_gold_pairs(example):
    r = run(example, "meetings-calls")
    assert rows_matching(r, type="#Meeting$", actor1Label="Armenia", actor2Label="Azerbaijan")
    assert rows_matching(r, type="PhoneCall", actor1Label="Aliyev", actor2Label="Putin")


def test_timeline_example_is_ordered(example):
    r = run(example, "timeline")
    by_conflict: dict[str, list[str]] = {}
    for row in r.rows:
        by_conflict.setdefault(str(row["conflict"]), []).append(str(row["date"] or ""))
    assert by_conflict, "no event of the example is tied to a conflict"
    assert all(d == sorted(d) for d in by_conflict.values())


# --- actual answers after real extraction: the dev corpus -------------------------------------


def test_mediators_corpus(corpus):
    r = run(corpus, "mediators")
    labels = " | ".join(texts(r, "mediatorLabel"))
    for who in ("Minsk", "United States", "African Union"):
        assert re.search(who, labels), f"{who} missing among mediators: {labels}"


def test_claims_corpus(corpus):
    r = run(corpus, "claims")
    assert rows_matching(r, kind="accusation", claimantLabel="Armenia|Azerbaijan")


def test_shared_actors_corpus(corpus):
    r = run(corpus, "shared-actors")
    counts = {str(row["actorLabel"]): int(row["articles"]) for row in r.rows}
    assert counts.get("Armenia", 0) >= 3 and counts.get("Azerbaijan", 0) >= 3
    assert counts.get("Vladimir Putin", 0) >= 2


def test_offices_corpus(corpus):
    r = run(corpus, "offices")
    assert rows_matching(r, holderLabel="Guterres", roleLabel="Secretary", ofLabel="United Nations")
    assert rows_matching(r, holderLabel="Trump", roleLabel="President", ofLabel="United States")


def test_timeline_corpus(corpus):
    r = run(corpus, "timeline", conflict="id:entity/nagorno-karabakh-conflict")
    dates = [str(d) for d in r.column("date") if d is not None]
    assert dates == sorted(dates)
    agreements = rows_matching(r, type="CeasefireAgreement")
    assert {str(row["date"])[:10] for row in agreements} >= {"2020-10-10", "2020-10-25"}


def test_sources_corpus_offsets(corpus):
    r = run(corpus, "sources")
    articles = {p.name: p.read_text(encoding="utf-8") for p in Path(CORPUS).glob("*.txt")}
    # every article of the corpus has events, and each event's source is in its article
    assert {str(i) for i in r.column("identifier")} == set(articles)
    for row in r.rows:
        text = articles[str(row["identifier"])]
        assert text[int(row["start"]) : int(row["end"])] == str(row["sentence"])


def test_events_by_month_corpus(corpus):
    r = run(corpus, "events-by-month")
    months = set(texts(r, "month"))
    assert {"2020-10", "2020-11", "2022-11"} <= months
