"""Same-event linking: features on hand-made cases, the fixture store, relink/unlink, hook."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.linking import (
    DEFAULT_THRESHOLD,
    link_article_events,
    relink,
    stored_clusters,
    stored_links,
    unlink,
)
from kg.linking.features import DateSpan, EventRecord, score_pair
from kg.linking.store_io import default_vocabulary
from kg.namespaces import CKG, ID, LINKS_GRAPH

DATA = Path(__file__).parent / "data"
E = "https://w3id.org/conflict-kg/id/entity/"
P = str(CKG.participant)


def ev(
    iri: str, graph: str, cls: str, actors: list[str], date: str, place: str = ""
) -> EventRecord:
    return EventRecord(
        iri,
        graph,
        frozenset({str(CKG[cls])}),
        frozenset((P, E + a) for a in actors),
        DateSpan.parse(date),
        frozenset({E + place} if place else ()),
    )


@pytest.fixture(scope="module")
def hierarchy():
    return default_vocabulary().hierarchy


@pytest.fixture()
def store() -> ox.Store:
    s = ox.Store()
    s.load(path=str(DATA / "linking-sample.trig"), format=ox.RdfFormat.TRIG)
    return s


def test_same_talks_with_different_wording_and_precision_link(hierarchy) -> None:
    a = ev("a", "g1", "Meeting", ["armenia", "azerbaijan"], "2020-10-09", "moscow")
    b = ev("b", "g2", "Negotiation", ["armenia", "azerbaijan"], "2020-10", "moscow")
    s = score_pair(a, b, hierarchy=hierarchy)
    assert s.gate is None and s.score >= DEFAULT_THRESHOLD
    assert {f.name for f in s.features} == {"type", "actors", "date", "place", "about"}


def test_ceasefires_a_fortnight_apart_do_not_link(hierarchy) -> None:
    a = ev("a", "g1", "CeasefireAgreement", ["armenia", "azerbaijan"], "2020-10-10")
    b = ev("b", "g2", "CeasefireAgreement", ["armenia", "azerbaijan"], "2020-10-25")
    assert score_pair(a, b, hierarchy=hierarchy).gate == "date"


def test_different_actors_do_not_link(hierarchy) -> None:
    a = ev("a", "g1", "Meeting", ["armenia", "azerbaijan"], "2020-10-09", "moscow")
    b = ev("b", "g2", "Meeting", ["ethiopia", "tplf"], "2020-10-09", "moscow")
    assert score_pair(a, b, hierarchy=hierarchy).gate == "actors"


def test_incompatible_types_do_not_link(hierarchy) -> None:
    a = ev("a", "g1", "Meeting", ["armenia"], "2020-10-09")
    b = ev("b", "g2", "MilitaryAction", ["armenia"], "2020-10-09")
    assert score_pair(a, b, hierarchy=hierarchy).gate == "type"
    c = ev("c", "g2", "Agreement", ["armenia"], "2020-10-09")
    d = ev("d", "g1", "CeasefireAgreement", ["armenia"], "2020-10-09")
    assert hierarchy.compatibility(c.classes, d.classes) == 0.75


def test_relink_on_fixture_links_moscow_talks_not_ceasefires(store: ox.Store) -> None:
    links = relink(store)
    pairs = {(link.event1.rsplit("/", 1)[-1], link.event2.rsplit("/", 1)[-1]) for link in links}
    assert ("m1", "h2") in pairs and ("m1", "h3") in pairs
    ceasefires = {"h1", "w1", "d1"}
    assert not any(a in ceasefires and b in ceasefires for a, b in pairs)
    assert all(a.split("/")[-2] != b.split("/")[-2] for a, b, _ in stored_links(store))
    # both directions and the evidence node are in the links graph only
    m1, h3 = str(ID["event/moskau/m1"]), str(ID["event/waffenruhe-10/h3"])
    same = list(
        store.quads_for_pattern(
            ox.NamedNode(h3), ox.NamedNode(str(CKG.sameEventAs)), ox.NamedNode(m1), None
        )
    )
    assert [str(q.graph_name.value) for q in same] == [str(LINKS_GRAPH)]  # type: ignore[union-attr]
    assert len(stored_links(store)) == len(links)


def test_relink_is_deterministic_and_threshold_matters(store: ox.Store) -> None:
    first = sorted(
        str(q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(LINKS_GRAPH)))
    )
    relink(store)
    a = sorted(
        str(q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(LINKS_GRAPH)))
    )
    relink(store)
    b = sorted(
        str(q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(LINKS_GRAPH)))
    )
    assert first == [] and a == b and a
    assert len(relink(store, threshold=0.8)) < len(relink(store, threshold=0.6))


def test_unlink_removes_and_relink_keeps_it_out(store: ox.Store) -> None:
    relink(store)
    m1, h2 = str(ID["event/moskau/m1"]), str(ID["event/waffenruhe-10/h2"])
    assert any((a, b) == (m1, h2) for a, b, _ in stored_links(store))
    assert unlink(store, "id:event/moskau/m1", "id:event/waffenruhe-10/h2", creator="tester")
    assert not any((a, b) == (m1, h2) for a, b, _ in stored_links(store))
    relink(store)
    assert not any((a, b) == (m1, h2) for a, b, _ in stored_links(store))


def test_hook_links_one_article_against_the_rest(store: ox.Store) -> None:
    links = link_article_events(store, str(ID["article/waffenruhe-10"]))
    assert links and all("waffenruhe-10" in (x.event1 + x.event2) for x in links)
    again = link_article_events(store, str(ID["article/waffenruhe-10"]))
    assert [x.iri for x in again] == [x.iri for x in links]
    # Each event's best link is evidence of its cluster; a cluster of n reports keeps
    # n - 1 links (here h2 also matches moskau/m2, which joins m1's cluster through it).
    stored = stored_links(store)
    assert {(x.event1, x.event2) for x in links} <= {(a, b) for a, b, _ in stored}
    assert len(stored) == sum(len(members) - 1 for _, members in stored_clusters(store))


def test_links_as_written_equal_links_as_stored(tmp_path):
    """Regression: scores were written as "1.000" and kept by the store as "1", so linking
    a batch again removed and re-added every evidence quad (tens of seconds for a large
    batch) instead of changing nothing."""
    from store_fixtures import CORPUS

    from kg.articles import read_articles
    from kg.ingest import ingest_articles
    from kg.linking.events import find_clusters, rejected_pairs
    from kg.linking.links_graph import cluster_quads
    from kg.linking.store_io import read_events
    from kg.store import graph_quads, open_store

    s = open_store(tmp_path / "s")
    ingest_articles(s, read_articles(sorted(CORPUS.glob("*.txt"))))
    stored = set(graph_quads(s, ox.NamedNode(str(LINKS_GRAPH))))
    vocab = default_vocabulary()
    records = read_events(s, vocab)
    clusters = find_clusters(records, hierarchy=vocab.hierarchy, rejected=rejected_pairs(s))
    written = {q for c in clusters for q in cluster_quads(c, threshold=DEFAULT_THRESHOLD)}
    assert stored and written == stored


def test_links_written_in_chunks_equal_links_written_at_once(tmp_path):
    """Past the batch size, a relink is owed in the journal, the stale quads are removed
    and the clusters added in chunks of whole clusters: the links graph ends up the same
    as with one transaction, and nothing is left owed."""
    from store_fixtures import CORPUS

    from kg.articles import read_articles
    from kg.ingest import ingest_articles
    from kg.linking.clusters import EventCluster, EventLink
    from kg.linking.events import _write_clusters, find_clusters
    from kg.linking.features import LinkScore
    from kg.linking.links_graph import cluster_quads
    from kg.linking.store_io import read_events
    from kg.store import graph_quads, open_store
    from kg.writer import journal_entries

    s = open_store(tmp_path / "s")
    ingest_articles(s, read_articles(sorted(CORPUS.glob("*.txt"))), link=False)
    vocab = default_vocabulary()
    records = read_events(s, vocab)
    clusters = find_clusters(records, hierarchy=vocab.hierarchy)
    assert len(clusters) >= 2
    g = ox.NamedNode(str(LINKS_GRAPH))
    a, b = clusters[0].members[:2]
    stale = EventCluster((a, b), (EventLink(a, b, LinkScore(0.5, ())),))
    s.extend(cluster_quads(stale, threshold=DEFAULT_THRESHOLD))
    _write_clusters(s, [stale.iri], clusters, threshold=DEFAULT_THRESHOLD)
    at_once = set(graph_quads(s, g))
    s.update(f"DROP GRAPH <{LINKS_GRAPH}>")
    s.extend(cluster_quads(stale, threshold=DEFAULT_THRESHOLD))
    _write_clusters(s, [stale.iri], clusters, threshold=DEFAULT_THRESHOLD, max_quads=10)
    assert set(graph_quads(s, g)) == at_once
    assert set(cluster_quads(stale, threshold=DEFAULT_THRESHOLD)) - at_once
    assert at_once == {q for c in clusters for q in cluster_quads(c, threshold=DEFAULT_THRESHOLD)}
    assert len(at_once) > 10 and journal_entries(s) == []
