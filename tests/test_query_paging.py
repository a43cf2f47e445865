"""Date windows, limits and pages of the saved queries that can return the whole graph.

A hand-made store of four articles whose events have known dates and actors, so that each
assertion names the rows a window or a page must give: through the library
(``kg.query.run_query``) and through ``ckg serve`` (the bound text from
``/queries/NAME.rq?...`` run by SPARQLWrapper at ``/sparql``, as the query page does).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, URIRef
from serve_fixtures import running_server
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.errors import UsageError
from kg.query import ParamKind, load_saved_query, prepare_query, run_query
from kg.store import open_store

ID = "https://w3id.org/conflict-kg/id/"
CKG = "https://w3id.org/conflict-kg/ontology#"
A, B, C = (f"{ID}entity/{x}" for x in ("alpha-land", "beta-land", "gamma-land"))

# article: (events as (name, class, date or None, [(role, actor)]))
ARTICLES = {
    "a1": [("e1", "PhoneCall", "2020-10-05", [("agent", A), ("addressee", B)])],
    "a2": [("e2", "Meeting", "2020-11-20", [("participant", A), ("participant", C)])],
    "a3": [("e3", "Meeting", "2021-03", [("agent", A), ("addressee", B)])],
    "a4": [("e4", "Statement", None, [("agent", A)])],
}


def _trig() -> str:
    out = []
    for slug, events in ARTICLES.items():
        art = f"<{ID}article/{slug}>"
        lines = [f'{art} a <{CKG}Article> ; <http://purl.org/dc/terms/identifier> "{slug}.txt" .']
        actors = set()
        for name, cls, date, roles in events:
            ev = f"<{ID}event/{slug}/{name}>"
            lines.append(f"{ev} a <{CKG}{cls}> .")
            if date:
                kind = "date" if len(date) == 10 else "gYearMonth"
                lines.append(
                    f'{ev} <{CKG}date> "{date}"^^<http://www.w3.org/2001/XMLSchema#{kind}> .'
                )
            for role, actor in roles:
                lines.append(f"{ev} <{CKG}{role}> <{actor}> .")
                actors.add(actor)
        if slug == "a4":  # a standing fact: shown beside every page of A's events
            lines.append(f"<{A}> <{CKG}memberOf> <{ID}entity/delta-union> .")
        for actor in sorted(actors):
            label = actor.rsplit("/", 1)[1].replace("-", " ").title()
            lines.append(f'<{actor}> <http://www.w3.org/2000/01/rdf-schema#label> "{label}"@en .')
        out.append(f"{art} {{\n" + "\n".join(lines) + "\n}\n")
    return "\n".join(out)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("paging") / "store"
    store = open_store(path)
    store.load(_trig().encode(), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def store(store_dir) -> Iterator[ox.Store]:
    yield open_store(store_dir, read_only=True)


def run(store, name, **params):
    return run_query(store, load_saved_query(name), params=params)


def column(result, name) -> list[str]:
    return [str(row[name]) for row in result.rows]


def events_of(graph) -> set[str]:
    """The events (subjects typed with a ckg class other than Article) of a CONSTRUCT."""
    return {
        str(s).rsplit("/", 1)[1]
        for s, o in graph.subject_objects(RDF.type)
        if "/event/" in str(s) and str(o).startswith(CKG)
    }


# --- the parameters are declared with their kinds -----------------------------------------


@pytest.mark.parametrize(
    "name", ["shared-actors", "meetings-calls", "explorer-actor", "timeline-events", "actor-events"]
)
def test_whole_graph_queries_take_a_window_a_limit_and_a_page(name):
    kinds = {p.name: p.kind for p in load_saved_query(name).params}
    assert kinds["from"] is kinds["to"] is ParamKind.DATE
    assert kinds["limit"] is ParamKind.LIMIT and kinds["page"] is ParamKind.PAGE


@pytest.mark.parametrize(
    ("param", "value", "message"),
    [
        ("from", "2020-13", "?from must be a date YYYY, YYYY-MM or YYYY-MM-DD"),
        ("to", "yesterday", "?to must be a date"),
        ("from", '2020"} ; DROP ALL ; {"', "?from must be a date"),
        ("limit", "0", "?limit must be a whole number from 1 to 10,000, not '0'"),
        ("limit", "10001", "?limit must be a whole number from 1 to 10,000"),
        ("limit", "5 OFFSET 9", "?limit must be a whole number"),
        ("page", "-1", "?page must be a whole number from 1 to 1,000,000"),
    ],
)
def test_a_bad_value_is_refused_with_the_query_and_parameter_named(param, value, message):
    with pytest.raises(UsageError, match=r"^query shared-actors: ") as err:
        prepare_query(load_saved_query("shared-actors"), {param: value})
    assert message in str(err.value)


def test_limit_and_page_set_the_one_limit_clause():
    text = prepare_query(load_saved_query("meetings-calls"), {"limit": "7", "page": "3"})
    assert "LIMIT 7 OFFSET 14" in text and text.count("LIMIT") == 1


def test_a_parameter_reaches_the_sub_query_that_chooses_the_page():
    text = prepare_query(load_saved_query("explorer-actor"), {"actor": "id:entity/alpha-land"})
    binding = f"VALUES ?actor {{ <{A}> }}"
    page_query = text[text.index("SELECT ?g ?event ?actor") :]
    assert text.count(binding) == 4  # the query, its two parts, the page of events inside
    assert binding in page_query[: page_query.index("LIMIT")]


# --- the rows: library -------------------------------------------------------------------


def test_shared_actors_window_leaves_out_events_outside_it(store):
    every = run(store, "shared-actors")
    assert column(every, "actor") == [A, B]  # C is in one article only
    assert [int(row["articles"].toPython()) for row in every.rows] == [4, 2]
    window = run(store, "shared-actors", **{"from": "2020-10", "to": "2020-11"})
    # a3 (2021-03) and a4 (undated) are outside: A has a1 and a2, B only a1
    assert column(window, "actor") == [A]
    assert window.rows[0]["identifiers"] is not None
    assert sorted(str(window.rows[0]["identifiers"]).split(" | ")) == ["a1.txt", "a2.txt"]


def test_shared_actors_pages_follow_each_other(store):
    first = run(store, "shared-actors", limit="1")
    second = run(store, "shared-actors", limit="1", page="2")
    third = run(store, "shared-actors", limit="1", page="3")
    assert column(first, "actor") == [A] and column(second, "actor") == [B]
    assert third.rows == []


def test_meetings_calls_window_and_pages(store):
    window = run(store, "meetings-calls", **{"from": "2020-11", "to": "2020-12-31"})
    assert {str(e).rsplit("/", 1)[1] for e in window.column("event")} == {"e2"}
    # a month overlaps a window that starts inside it
    march = run(store, "meetings-calls", **{"from": "2021-03-15"})
    assert {str(e).rsplit("/", 1)[1] for e in march.column("event")} == {"e3"}
    pages = [
        {
            str(e).rsplit("/", 1)[1]
            for e in run(store, "meetings-calls", limit="1", page=p).column("event")
        }
        for p in ("1", "2", "3", "4")
    ]
    assert pages == [{"e1"}, {"e2"}, {"e3"}, set()]  # date order, no overlap, then nothing


def test_explorer_actor_latest_events_first_then_older_pages(store):
    def page(n, **more):
        result = run(
            store, "explorer-actor", actor="id:entity/alpha-land", limit="2", page=n, **more
        )
        assert result.graph is not None
        return events_of(result.graph)

    assert page("1") == {"e3", "e2"}  # the two latest
    assert page("2") == {"e1", "e4"}  # then the older one and the undated one
    assert page("3") == set()
    assert page("1", to="2020-10") == {"e1"}
    everything = run(store, "explorer-actor", actor="id:entity/alpha-land")
    assert events_of(everything.graph) == {"e1", "e2", "e3", "e4"}
    # the actor's label comes with its events, from their articles
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    first = run(store, "explorer-actor", actor="id:entity/alpha-land", limit="1").graph
    assert first is not None and (URIRef(A), label, None) in first
    last = run(store, "explorer-actor", actor="id:entity/alpha-land", page="3").graph
    assert last is not None and (URIRef(A), URIRef(f"{CKG}memberOf"), None) in last


def test_actor_events_window_and_pages(store):
    def events(**params):
        result = run(store, "actor-events", actor="id:entity/alpha-land", **params)
        return [str(e).rsplit("/", 1)[1] for e in result.column("event")]

    assert events() == ["e4", "e1", "e2", "e3"]  # undated first, then by date
    assert events(**{"from": "2020-11", "to": "2020-12"}) == ["e2"]
    assert events(limit="2") + events(limit="2", page="2") == events()


def test_timeline_events_pages(store):
    every = column(run(store, "timeline-events"), "event")
    assert [e.rsplit("/", 1)[1] for e in every] == ["e1", "e2", "e3"]  # dated only
    two = run(store, "timeline-events", limit="2", page="2")
    assert [e.rsplit("/", 1)[1] for e in column(two, "event")] == ["e3"]


# --- the rows: through ckg serve ---------------------------------------------------------


@pytest.fixture(scope="module")
def base(store_dir) -> Iterator[str]:
    with running_server(store_dir) as url:
        yield url


def _bound(base: str, name: str, **params: str) -> str:
    url = f"{base}/queries/{name}.rq?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url) as response:
        return response.read().decode()


def _select(base: str, text: str) -> list[dict]:
    client = SPARQLWrapper(f"{base}/sparql")
    client.setQuery(text)
    client.setReturnFormat(JSON)
    return client.queryAndConvert()["results"]["bindings"]  # type: ignore[index]


def test_endpoint_window_and_pages(base):
    window = _select(base, _bound(base, "shared-actors", **{"from": "2020-10", "to": "2020-11"}))
    assert [row["actor"]["value"] for row in window] == [A]
    pages = [
        [
            row["event"]["value"]
            for row in _select(base, _bound(base, "meetings-calls", limit="2", page=p))
        ]
        for p in ("1", "2")
    ]
    assert [e.rsplit("/", 1)[1] for e in pages[0]] == ["e1", "e2"]
    assert [e.rsplit("/", 1)[1] for e in pages[1]] == ["e3"]


def test_endpoint_refuses_a_bad_value_with_400(base):
    with pytest.raises(urllib.error.HTTPError) as err:
        _bound(base, "meetings-calls", limit="all")
    assert err.value.code == 400
    assert "?limit must be a whole number" in err.value.read().decode()
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{base}/explorer?query=explorer-actor&from=last-week")
    assert err.value.code == 400
    assert "?from must be a date" in err.value.read().decode()
