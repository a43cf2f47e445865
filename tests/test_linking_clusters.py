"""Same-event links that grow with the reports, not with their pairs (issue 11, item 9).

Wire copy repeated by many outlets is the normal case: 300 copies of one article are
stored as one cluster per event (its members and a spanning tree of evidence), not as
the 44 850 pairs per event that pairwise links made. ``ckg:sameEventAs`` stays
answerable (``ckg:sameEventAs+`` gives every pair), and a researcher's unlink splits the
cluster so that no chain of other reports joins the two again.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import pytest
from store_fixtures import EXAMPLE

from kg.articles import Article, read_articles
from kg.ingest import ingest_articles
from kg.linking import (
    link_articles_events,
    relink,
    same_event_pairs,
    stored_clusters,
    stored_links,
    unlink,
)
from kg.linking.clusters import SameEventGraph, candidate_pairs, link_iri
from kg.linking.events import rejected_pairs
from kg.linking.features import score_pair
from kg.linking.links_graph import evidence_quads, link_quads
from kg.linking.store_io import default_vocabulary, read_events
from kg.namespaces import CKG, ID, LINKS_GRAPH, RDF
from kg.store import graph_quads, open_store, rdflib_quads
from kg.writer import PENDING_GRAPH, GraphWriter, journal_entries

LINKS = ox.NamedNode(str(LINKS_GRAPH))
COPIES = 300
CLUSTER_PAIRS = """PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
SELECT (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?c ckg:clusterMember ?a, ?b } FILTER (?a != ?b)
}"""
REACHED = """PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE {{
  GRAPH ?g {{ <{a}> ckg:sameEventAs+ ?b }} FILTER (?b != <{a}>)
}}"""


def _copies(path: Path, copies: int, *, first: int = 0) -> Path:
    """``copies`` copies of the example article, as JSON Lines records."""
    [article] = [a for a in read_articles([EXAMPLE]) if isinstance(a, Article)]
    with path.open("w", encoding="utf-8") as f:
        for c in range(first, first + copies):
            record = {"id": f"copy-{c:03d}", "date": article.date, "title": article.title}
            f.write(json.dumps({**record, "text": article.text}, ensure_ascii=False) + "\n")
    return path


@lru_cache(maxsize=1)
def _extracted() -> tuple[tuple[str, str, str], ...]:
    """The example article as record ``copy-000`` extracts, as N-Triples terms."""
    from kg.extract import extract_article

    [article] = [a for a in read_articles([EXAMPLE]) if isinstance(a, Article)]
    graph = extract_article(replace(article, identifier="copy-000"))
    return tuple((str(q.subject), str(q.predicate), str(q.object)) for q in rdflib_quads(graph))


def _write_copies(
    store: ox.Store, copies: int, *, first: int = 0, batch: int = 200_000
) -> dict[str, int]:
    """Write copies ``first``.. of the example article as ``ckg ingest`` writes what it
    extracts (batches entered in the journal, the link hook once per batch), extracting
    it once: record ``copy-NNN`` gives the graph of ``copy-000`` with its IRIs renamed.
    Returns the links each copy brought, by graph."""
    linked: dict[str, int] = {}

    def commit(names: list[str]) -> None:
        for name, links in link_articles_events(store, names).items():
            linked[name] = len(links)

    terms = _extracted()
    with GraphWriter(store, max_quads=batch, journal=PENDING_GRAPH, on_commit=commit) as writer:
        for c in range(first, first + copies):
            name = f"copy-{c:03d}"
            text = "\n".join(f"{s} {p} {o} ." for s, p, o in terms).replace("copy-000", name)
            g = ox.NamedNode(str(ID[f"article/{name}"]))
            quads = [
                ox.Quad(t.subject, t.predicate, t.object, g)
                for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)
            ]
            writer.put({g: quads})
    return linked


def _count(store: ox.Store, cls: object) -> int:
    return sum(
        1
        for _ in store.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(cls)), LINKS
        )
    )


@pytest.fixture(scope="module")
def copies_store() -> ox.Store:
    store = ox.Store()
    linked = _write_copies(store, COPIES)
    assert len(linked) == COPIES and journal_entries(store) == []
    return store


def test_300_copies_give_link_records_linear_in_300(copies_store) -> None:
    store = copies_store
    vocab = default_vocabulary()
    records = read_events(store, vocab)
    clusters = stored_clusters(store)
    links = stored_links(store)
    # Each linkable event of the article is reported 300 times: one cluster of its 300
    # reports (or of 600, where two events of the article are the same one), kept with
    # one link per member beyond the first, where pairs were 44 850 per event.
    assert clusters and all(len(members) % COPIES == 0 for _, members in clusters)
    assert len(links) == _count(store, CKG.EventLink) == sum(len(m) - 1 for _, m in clusters)
    assert _count(store, CKG.EventCluster) == len(clusters)
    assert len(links) < len(records)  # fewer link records than reports
    # What pairwise links were: every pair of reports of an event, scored and kept. The
    # copies are alike, so that is the pairs between two copies times C(300, 2).
    two = [r for r in records if r.graph.endswith(("/copy-000", "/copy-001"))]
    between_two = sum(
        1
        for a, b in candidate_pairs(two, vocab.hierarchy)
        if (s := score_pair(a, b, hierarchy=vocab.hierarchy)).gate is None and s.score >= 0.6
    )
    pairs = between_two * COPIES * (COPIES - 1) // 2
    assert pairs >= 100 * len(links)
    # The links graph holds a bounded number of quads per report.
    per_link = len(evidence_quads(store, [link_iri(*links[0][:2])]))
    quads = len(graph_quads(store, LINKS))
    assert quads <= len(links) * (per_link + 3)
    print(
        f"{COPIES} copies, {len(records)} events, {len(clusters)} clusters: "
        f"{len(links)} link records, {quads} quads; pairwise: {pairs} link records, "
        f"about {pairs * per_link} quads"
    )


def test_same_event_as_answers_every_pair_of_a_cluster(copies_store) -> None:
    store = copies_store
    clusters = stored_clusters(store)
    expected = sum(len(m) * (len(m) - 1) for _, m in clusters)  # ordered pairs
    [row] = list(store.query(CLUSTER_PAIRS))  # type: ignore[arg-type]
    assert int(row["n"].value) == expected  # type: ignore[union-attr]
    assert sum(1 for _ in same_event_pairs(store)) == expected // 2
    # ckg:sameEventAs+ from one report reaches every other report of its event
    for _, members in clusters[:3]:
        [row] = list(store.query(REACHED.format(a=members[0])))  # type: ignore[arg-type]
        assert int(row["n"].value) == len(members) - 1  # type: ignore[union-attr]


def test_each_copy_counts_its_events_that_report_an_earlier_report(copies_store) -> None:
    """``ckg ingest``'s "links": each later copy counts one per linked event (its best
    link to an earlier report)."""
    store = copies_store
    before = stored_clusters(store)
    linked = sum(len(m) for _, m in before) // COPIES  # linked events of one copy
    more = _write_copies(store, 2, first=COPIES)
    assert list(more.values()) == [linked, linked]
    after = stored_clusters(store)
    assert [len(m) for _, m in after] == [len(m) // COPIES * (COPIES + 2) for _, m in before]


def test_batches_and_relink_give_the_same_clusters(tmp_path) -> None:
    """Linked in batches of a few copies (incremental: only the clusters touched are
    redone), the links graph is what a whole relink writes."""
    store = ox.Store()
    _write_copies(store, 40, batch=2000)
    batched = set(graph_quads(store, LINKS))
    relink(store)
    assert set(graph_quads(store, LINKS)) == batched and batched
    assert journal_entries(store) == []


def test_unlink_splits_the_cluster_and_stays_effective(tmp_path) -> None:
    """Before clusters, unlinking one pair left it joined through the other copies."""
    store = open_store(tmp_path / "s")
    ingest_articles(store, read_articles([_copies(tmp_path / "c.jsonl", 5)]))
    [(_, members), *_] = stored_clusters(store)
    a, c = members[0], members[2]
    assert unlink(store, a, c, note="different talks", creator="tester")

    def together() -> bool:
        return any({a, c} <= set(m) for _, m in stored_clusters(store))

    def ask() -> bool:
        return bool(store.query(f"ASK {{ GRAPH ?g {{ <{a}> <{CKG.sameEventAs}>+ <{c}> }} }}"))

    assert not together() and not ask()
    # the other copies join a (all pairs score alike, and a comes first): c is left alone
    assert [len(m) for _, m in stored_clusters(store) if a in m or c in m] == [4]
    relink(store)
    assert not together() and not ask()
    ingest_articles(store, read_articles([_copies(tmp_path / "d.jsonl", 3, first=5)]))
    assert not together() and not ask()
    assert frozenset((a, c)) in rejected_pairs(store)
    # the unlink is not undone by linking the same graphs again
    link_articles_events(store, sorted({r.graph for r in read_events(store, default_vocabulary())}))
    assert not together() and not ask()


def test_pairs_stored_before_clusters_are_relinked_once(tmp_path) -> None:
    """A links graph written pair by pair (before clusters) becomes clusters at the next
    linking call, and no pair is left beside them."""
    from kg.linking.features import LinkScore

    store = open_store(tmp_path / "s")
    ingest_articles(store, read_articles([_copies(tmp_path / "c.jsonl", 4)]))
    clustered = set(graph_quads(store, LINKS))
    vocab = default_vocabulary()
    records = read_events(store, vocab)
    store.clear_graph(LINKS)
    old = []
    for a, b in candidate_pairs(records, vocab.hierarchy):
        s = score_pair(a, b, hierarchy=vocab.hierarchy)
        if s.gate is None and s.score >= 0.6:
            from kg.linking.clusters import EventLink

            link = EventLink(a.iri, b.iri, LinkScore(s.score, s.features, None, s.shared_actors))
            old += link_quads(link, threshold=0.6)
    store.extend(old)
    assert _count(store, CKG.EventCluster) == 0 and _count(store, CKG.EventLink) > 3
    link_articles_events(store, [])
    assert set(graph_quads(store, LINKS)) == clustered


def test_a_rejected_pair_in_a_component_splits_it_best_first() -> None:
    """Pure clustering: a chain a–b–c of one event, and a–c rejected: c stays with b only
    if b–c scores above a–b; the pair itself never joins."""
    from kg.linking.features import DateSpan, EventRecord, TypeHierarchy

    h = TypeHierarchy({str(CKG.Meeting): set()}, root=str(CKG.Event))
    part = str(CKG.participant)

    def ev(iri: str, day: str, place: str) -> EventRecord:
        return EventRecord(
            iri,
            "g-" + iri,
            frozenset({str(CKG.Meeting)}),
            frozenset({(part, "x:armenia"), (part, "x:azerbaijan")}),
            DateSpan.parse(day),
            frozenset({place}),
        )

    a, b, c = (
        ev("a", "2020-10-09", "x:moscow"),
        ev("b", "2020-10-09", "x:moscow"),
        ev("c", "2020-10-10", "x:moscow"),
    )
    whole = SameEventGraph([a, b, c], hierarchy=h).clusters()
    assert [x.members for x in whole] == [("a", "b", "c")] and len(whole[0].links) == 2
    split = SameEventGraph([a, b, c], hierarchy=h, rejected={frozenset({"a", "c"})}).clusters()
    assert [x.members for x in split] == [("a", "b")]  # a–b (same day) beats b–c


def test_clusters_conform_to_the_shapes_and_a_lone_member_does_not() -> None:
    from rdflib import Graph

    from kg.ontology import load_ontology
    from kg.shapes import load_shapes, validate

    store = ox.Store()
    _write_copies(store, 3)
    text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=LINKS)
    onto, shapes = load_ontology(), load_shapes()
    report = validate(Graph().parse(data=text, format="nt"), ontology=onto, shapes=shapes)
    assert report.conforms, report.text()
    [(cluster, members)] = stored_clusters(store)[:1]
    lone = "\n".join(
        line
        for line in text.decode().splitlines()
        if not any(line.startswith(f"<{cluster}> <{CKG.clusterMember}> <{m}>") for m in members[1:])
    )
    report = validate(Graph().parse(data=lone, format="nt"), ontology=onto, shapes=shapes)
    assert not report.conforms and "two or more ckg:clusterMember" in report.text()
