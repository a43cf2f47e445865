"""The saved query timeline-events: every dated event, by conflict, actor and date window."""

from __future__ import annotations

import pytest
from store_fixtures import EXAMPLE, fixture_store, ingested_store

from kg.query import load_saved_query, run_query

E = "https://w3id.org/conflict-kg/id/entity/"


@pytest.fixture(scope="module")
def fixture(tmp_path_factory):
    return fixture_store(tmp_path_factory.mktemp("fixture") / "store")


def run(store, **params):
    return run_query(store, load_saved_query("timeline-events"), params=params)


def _events(result) -> set[str]:
    return {str(row["event"]) for row in result.rows}


def test_every_dated_event_not_only_those_of_a_conflict(fixture):
    every = run(fixture)
    dated = run_query(
        fixture,
        """SELECT DISTINCT ?event WHERE { GRAPH ?g { ?event ckg:date ?date } }""",
    )
    assert _events(every) == {str(row["event"]) for row in dated.rows}
    conflict = run_query(fixture, load_saved_query("timeline"))
    tied = {str(row["event"]) for row in conflict.rows if row["date"] is not None}
    assert tied < _events(every)  # the conflict timeline's dated events are a part of it
    dates = [str(row["date"]) for row in every.rows]
    assert dates == sorted(dates)


def test_conflict_parameter_keeps_the_conflicts_events(fixture):
    r = run(fixture, conflict="id:entity/nagorno-karabakh-conflict")
    assert r.rows and {str(row["inConflict"]) for row in r.rows} == {
        E + "nagorno-karabakh-conflict"
    }
    assert _events(r) <= _events(run(fixture))


def test_actor_parameter_keeps_the_events_the_actor_has_a_role_in(fixture):
    r = run(fixture, actor="id:entity/armenia")
    assert r.rows and all("Armenia" in str(row["actors"]) for row in r.rows)
    # all actors of the event are still listed, not only the one asked for
    assert any(str(row["actors"]) != "Armenia" for row in r.rows)


def test_date_window_keeps_what_overlaps_it(fixture):
    r = run(fixture, **{"from": "2020-10-10", "to": "2020-10-12"})
    dates = {str(row["date"]) for row in r.rows}
    # a month overlaps any window inside it; days outside the window do not
    assert "2020-10" in dates
    assert all(d == "2020-10" or "2020-10-10" <= d <= "2020-10-12" for d in dates)
    later = {str(row["date"]) for row in run(fixture, **{"from": "2020-11"}).rows}
    assert later and all(d >= "2020-11" for d in later)


def test_example_article_after_real_extraction(tmp_path):
    store = ingested_store(tmp_path / "store", [EXAMPLE])
    r = run(store)
    conflict = run_query(store, load_saved_query("timeline"))
    assert {str(row["event"]) for row in conflict.rows if row["date"] is not None} < _events(r)
    assert any("Moscow" in str(row["places"]) for row in r.rows)
