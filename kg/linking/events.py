"""Link events from different sources that describe the same real-world event: the store
operations (``ckg relink``, the ingest hook, ``ckg unlink``).

Reports of one event form a *cluster* (:mod:`kg.linking.clusters`: blocked candidates,
scored by :func:`kg.linking.features.score_pair`, joined at or above the threshold, a
researcher's rejection never bridged), stored in :data:`LINKS_GRAPH` as one
``ckg:EventCluster`` node with its members and a spanning tree of ``ckg:EventLink``
evidence, ``ckg:sameEventAs`` along each link (:mod:`kg.linking.links_graph`). The links
grow with the reports: 300 copies of one article give one cluster of 300 members and 299
links per event, where pairs would be 44 850.

Article graphs are never rewritten. Events of one origin (one article, one imported
record) are never linked to each other directly. A pair a researcher rejected
(``ckg unlink``, stored as ``ckg:differentEventFrom`` in the annotations graph) never
ends in one cluster, not even through other reports.

Linking a few graphs (:func:`link_articles_events`) recomputes only the clusters they can
touch, the *region*: their events, the events that may link to them, the clusters these
are in, and (a rejection splits a cluster in parts that are only known together) the
clusters of the events rejected with any of these. In a store linked this way
throughout, the result is the one a whole :func:`relink` gives, and the same whether
articles are linked one by one or in a batch (the tests compare them).

Links are derived data, written after the articles they come from. ``ckg ingest`` enters
each article it writes in the journal :data:`kg.writer.PENDING_GRAPH`, atomically with the
article; linking removes the entries once the links are written, and a write too large
for one transaction, like :func:`relink`, enters the links graph itself (a whole relink
is then owed). Whatever a kill leaves in the journal is linked by the next linking call
(:func:`link_articles_events`, which ``ckg ingest`` makes at its start through
:func:`link_pending_events`, and ``ckg import`` for every file), so the links end as a
run without the kill would have left them.

>>> link_pending_events(ox.Store())
{}
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pyoxigraph as ox

from kg.linking.clusters import (
    DEFAULT_THRESHOLD,
    EventCluster,
    EventLink,
    SameEventGraph,
    candidate_pairs,
    link_iri,
)
from kg.linking.features import DEFAULT_WEIGHTS, EventRecord, TypeHierarchy, Weights
from kg.linking.links_graph import (
    cluster_node_quads,
    cluster_quads,
    clusters_of,
    decimal,
    evidence_quads,
    link_quads,
    link_thresholds,
    node_quads,
    stored_links,
)
from kg.linking.store_io import (
    LinkingVocabulary,
    default_vocabulary,
    nn,
    read_events,
    replace_quads,
)
from kg.namespaces import ANNOTATIONS_GRAPH, CKG, LINKS_GRAPH, RDF
from kg.writer import (
    JOURNAL_PENDING,
    MAX_BATCH_QUADS,
    PENDING_GRAPH,
    clear_journal,
    journal_entries,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "EventCluster",
    "EventLink",
    "candidate_pairs",
    "find_clusters",
    "find_links",
    "link_article_events",
    "link_articles_events",
    "link_iri",
    "link_pending_events",
    "link_quads",
    "rejected_pairs",
    "relink",
    "stored_links",
    "unlink",
]

#: Kept for callers of the earlier name (a decimal literal as the store keeps it).
_dec = decimal


def find_clusters(
    records: Sequence[EventRecord],
    *,
    hierarchy: TypeHierarchy,
    threshold: float = DEFAULT_THRESHOLD,
    rejected: Collection[frozenset[str]] = (),
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[EventCluster]:
    """The clusters of ``records`` (see :mod:`kg.linking.clusters`)."""
    graph = SameEventGraph(
        records, hierarchy=hierarchy, threshold=threshold, rejected=rejected, weights=weights
    )
    return graph.clusters()


def find_links(
    records: Sequence[EventRecord],
    *,
    hierarchy: TypeHierarchy,
    threshold: float = DEFAULT_THRESHOLD,
    rejected: Collection[frozenset[str]] = (),
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[EventLink]:
    """The links the clusters of ``records`` keep as evidence, sorted by pair."""
    clusters = find_clusters(
        records, hierarchy=hierarchy, threshold=threshold, rejected=rejected, weights=weights
    )
    return sorted((link for c in clusters for link in c.links), key=lambda x: (x.event1, x.event2))


def rejected_pairs(store: ox.Store) -> set[frozenset[str]]:
    """Pairs a researcher said are different events (``ckg:differentEventFrom``)."""
    return {
        frozenset((q.subject.value, q.object.value))  # type: ignore[union-attr]
        for q in store.quads_for_pattern(
            None, nn(CKG.differentEventFrom), None, nn(ANNOTATIONS_GRAPH)
        )
        if isinstance(q.object, ox.NamedNode)
    }


def relink(
    store: ox.Store,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    vocabulary: LinkingVocabulary | None = None,
) -> list[EventLink]:
    """Recompute every same-event cluster in the store (after a threshold change, say).

    The links graph is cleared and refilled; researchers' annotations (including
    rejected links) are kept and respected. Every link pending in the journal is
    rebuilt with the rest, and the journal is emptied. Returns the links stored.
    """
    vocab = vocabulary or default_vocabulary()
    clusters = find_clusters(
        read_events(store, vocab),
        hierarchy=vocab.hierarchy,
        threshold=threshold,
        rejected=rejected_pairs(store),
    )
    quads = [q for c in clusters for q in cluster_quads(c, threshold=threshold)]
    # Clear, then bulk load (much faster than a transactional extend for large stores).
    # The journal entry for the links graph (with the threshold) makes the next linking
    # call finish the job if a kill lands in between.
    _owe_relink(store, threshold)
    store.clear_graph(nn(LINKS_GRAPH))
    store.bulk_extend(quads)
    clear_journal(store, PENDING_GRAPH, journal_entries(store, PENDING_GRAPH))
    return sorted((x for c in clusters for x in c.links), key=lambda x: (x.event1, x.event2))


def _pairs_before_clusters(store: ox.Store) -> bool:
    """Whether the links graph holds links but no cluster: a store linked pair by pair,
    before clusters, which the next linking call relinks whole (once).

    >>> _pairs_before_clusters(ox.Store())
    False
    """
    g, rdf_type = nn(LINKS_GRAPH), nn(RDF.type)
    if not any(True for _ in store.quads_for_pattern(None, rdf_type, nn(CKG.EventLink), g)):
        return False
    return not any(True for _ in store.quads_for_pattern(None, rdf_type, nn(CKG.EventCluster), g))


def _owe_relink(store: ox.Store, threshold: float) -> None:
    """Enter the links graph in the journal: a whole relink is owed until it is removed."""
    store.add(ox.Quad(nn(LINKS_GRAPH), JOURNAL_PENDING, decimal(threshold), PENDING_GRAPH))


def _interrupted_relink(store: ox.Store) -> float | None:
    """The threshold of a :func:`relink` a kill interrupted, if one was.

    >>> _interrupted_relink(ox.Store()) is None
    True
    """
    for q in store.quads_for_pattern(nn(LINKS_GRAPH), JOURNAL_PENDING, None, PENDING_GRAPH):
        try:
            return float(q.object.value)  # type: ignore[union-attr]
        except ValueError:
            return DEFAULT_THRESHOLD
    return None


def link_pending_events(
    store: ox.Store,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    vocabulary: LinkingVocabulary | None = None,
) -> dict[str, list[EventLink]]:
    """Bring the links up to date for what an interrupted run left in the journal
    (:data:`kg.writer.PENDING_GRAPH`): the graphs written but not linked, or the whole
    links graph when a :func:`relink` (or a large write) was cut short (redone with its
    threshold).

    Returns the links of each graph linked (empty when nothing was pending, or after a
    whole relink). ``ckg ingest`` calls it first, so that a second run of an input the
    store already holds ("unchanged") still repairs the links.
    """
    return link_articles_events(store, [], threshold=threshold, vocabulary=vocabulary)


def link_article_events(
    store: ox.Store,
    article_iri: str,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    vocabulary: LinkingVocabulary | None = None,
) -> list[EventLink]:
    """Link the events of one source graph (an article) to the events already stored.

    Call it after the article is written. Returns, for each of its events that reports
    an event already reported, its best link to an earlier report.
    :func:`link_articles_events` does the same for many articles at once.
    """
    linked = link_articles_events(store, [article_iri], threshold=threshold, vocabulary=vocabulary)
    return linked[str(article_iri)]


def link_articles_events(
    store: ox.Store,
    article_iris: Sequence[str],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    vocabulary: LinkingVocabulary | None = None,
) -> dict[str, list[EventLink]]:
    """Link the events of several source graphs (articles) to the events already stored,
    and to each other: the ingest hook, called once per written batch.

    The store is read once for the whole batch (the batch's events, the events whose
    dates meet theirs, the clusters they touch), and those clusters are replaced (one
    transaction unless they run to hundreds of thousands of quads).
    Returns, for each article, the links it brought: for each of its events that reports
    an event reported before it (stored, or earlier in ``article_iris``), its best link
    to such a report. The counts are the same as one call per article.

    Graphs left pending in the journal by an interrupted run are linked in the same pass,
    before ``article_iris`` (and are keys of the result too); the journal entries of
    every graph linked are removed once the links are written (see the module
    documentation).
    """
    vocab = vocabulary or default_vocabulary()
    if _pairs_before_clusters(store):
        relink(store, threshold=threshold, vocabulary=vocab)
    if not store.contains_named_graph(PENDING_GRAPH):  # nothing left by a kill: the rule
        left: list[str] = []
    else:
        relink_threshold = _interrupted_relink(store)
        if relink_threshold is not None:
            relink(store, threshold=relink_threshold, vocabulary=vocab)
        left = journal_entries(store, PENDING_GRAPH)
    asked = [str(a) for a in article_iris]
    order = {a: i for i, a in enumerate([*(g for g in left if g not in asked), *asked])}
    result = _link_graphs(store, order, threshold=threshold, vocabulary=vocab)
    if left:
        clear_journal(store, PENDING_GRAPH, order)
    return result


def _link_graphs(
    store: ox.Store,
    order: dict[str, int],
    *,
    threshold: float,
    vocabulary: LinkingVocabulary,
) -> dict[str, list[EventLink]]:
    """The work of :func:`link_articles_events` for the graphs of ``order`` (graph ->
    position), without the journal."""
    vocab = vocabulary
    result: dict[str, list[EventLink]] = {a: [] for a in order}
    own = read_events(store, vocab, graphs=list(order))
    if not own:
        return result
    focus = {r.iri for r in own}
    windows = [r.date for r in own if r.date is not None]
    near = {r.iri: r for r in (read_events(store, vocab, windows=windows) if windows else [])}
    near.update((r.iri, r) for r in own)
    rejected = rejected_pairs(store)
    # Scoring only the batch's pairs finds what it may touch; the region around it is
    # then linked whole, as a relink would.
    probe = SameEventGraph(
        near.values(), hierarchy=vocab.hierarchy, threshold=threshold, focus=focus
    )
    graph = _recluster(
        store,
        focus | probe.neighbours(focus),
        near,
        rejected=rejected,
        threshold=threshold,
        vocabulary=vocab,
        rewritten=focus,
    )
    for link in sorted(graph.first_matches(order).values(), key=lambda x: (x.event1, x.event2)):
        later = max(
            (graph.records[e] for e in (link.event1, link.event2)),
            key=lambda r: (order.get(r.graph, -1), r.iri),
        )
        result[later.graph].append(link)
    return result


def _region(
    store: ox.Store, seeds: Collection[str], rejected: Collection[frozenset[str]]
) -> set[str]:
    """``seeds``, the members of their stored clusters, and (repeatedly) the events
    rejected with any of these and their clusters: a whole set of clusters to redo.

    Why the rejected partners: a rejection splits one component of linked pairs into
    clusters that each hold an event of a rejected pair, so a component is found whole
    by following its rejections.
    """
    partners: dict[str, set[str]] = {}
    for pair in rejected:
        for e in pair:
            partners.setdefault(e, set()).update(pair - {e})
    region: set[str] = set()
    todo = sorted(seeds)
    while todo:
        batch = [e for e in dict.fromkeys(todo) if e not in region]
        region.update(batch)
        todo = [m for members in clusters_of(store, batch).values() for m in members]
        todo += [p for e in batch for p in sorted(partners.get(e, ()))]
    return region


def _graphs_of(store: ox.Store, events: Collection[str]) -> set[str]:
    """The source graphs in which these events are typed."""
    out: set[str] = set()
    rdf_type = nn(RDF.type)
    for e in sorted(events):
        for q in store.quads_for_pattern(nn(e), rdf_type, None, None):
            out.add(str(getattr(q.graph_name, "value", "")))
    return out - {str(LINKS_GRAPH), str(ANNOTATIONS_GRAPH), ""}


def _recluster(
    store: ox.Store,
    seeds: Collection[str],
    known: dict[str, EventRecord],
    *,
    rejected: Collection[frozenset[str]],
    threshold: float,
    vocabulary: LinkingVocabulary,
    rewritten: Collection[str] = (),
    max_quads: int = MAX_BATCH_QUADS,
) -> SameEventGraph:
    """Recompute and rewrite the clusters of the region around ``seeds`` (see
    :func:`_region`); ``known`` holds records already read, ``rewritten`` the events of
    graphs written since they were last linked. Returns the region's graph."""
    region = _region(store, seeds, rejected)
    missing = region - known.keys()
    if missing:
        extra = read_events(
            store, vocabulary, graphs=sorted(_graphs_of(store, missing)), only=missing
        )
        known = {**known, **{r.iri: r for r in extra}}
    # Members whose event is gone (an article replaced or removed) drop out here.
    records = [known[e] for e in sorted(region) if e in known]
    graph = SameEventGraph(
        records, hierarchy=vocabulary.hierarchy, threshold=threshold, rejected=rejected
    )
    _write_clusters(
        store,
        clusters_of(store, region),
        graph.clusters(),
        rewritten=rewritten,
        threshold=threshold,
        max_quads=max_quads,
    )
    return graph


def _write_clusters(
    store: ox.Store,
    old: Collection[str],
    clusters: Sequence[EventCluster],
    *,
    rewritten: Collection[str] = (),
    threshold: float,
    max_quads: int = MAX_BATCH_QUADS,
) -> None:
    """Replace the stored clusters ``old`` (IRIs) by ``clusters``, writing only the
    difference: the cluster nodes, and the evidence of the links that are new, gone, or
    made again (an event in ``rewritten``, or another threshold). A link kept as it was
    is neither read nor written, so adding one report to a cluster of 300 writes one
    link, not 300.

    Up to ``max_quads`` (:data:`kg.writer.MAX_BATCH_QUADS`) quads this is one transaction
    (or one atomic bulk ingestion). Beyond that (one transaction of a million quads took
    minutes) a whole relink is entered in the journal first, the stale quads are removed,
    and the clusters added in chunks of whole clusters, each chunk atomic; the journal
    entry goes last. A kill in between leaves the relink owed, which the next linking
    call does.
    """
    old_nodes = node_quads(store, old)
    cluster_link = nn(CKG.clusterLink)
    old_links = {
        str(getattr(q.object, "value", "")) for q in old_nodes if q.predicate == cluster_link
    }
    new_links = {link.iri: link for c in clusters for link in c.links}
    stored = link_thresholds(store, old_links & new_links.keys())
    again = set(rewritten)
    same = decimal(threshold).value
    kept = {
        iri
        for iri, t in stored.items()
        if t == same and new_links[iri].event1 not in again and new_links[iri].event2 not in again
    }
    remove = [*old_nodes, *evidence_quads(store, old_links - kept)]
    groups = [
        cluster_node_quads(c)
        + [
            q
            for link in c.links
            if link.iri not in kept
            for q in link_quads(link, threshold=threshold)
        ]
        for c in clusters
    ]
    if sum(len(g) for g in groups) <= max_quads:
        replace_quads(store, remove=remove, add=[q for g in groups for q in g])
        return
    _owe_relink(store, threshold)
    new = {q for g in groups for q in g}
    present = set(remove)
    stale = [q for q in remove if q not in new]
    if stale:
        replace_quads(store, remove=stale, add=[])
    chunk: list[ox.Quad] = []
    for group in groups:
        fresh = [q for q in group if q not in present]
        if chunk and len(chunk) + len(fresh) > max_quads:
            replace_quads(store, remove=[], add=chunk)
            chunk = []
        chunk += fresh
    replace_quads(store, remove=[], add=chunk)
    clear_journal(store, PENDING_GRAPH, [str(LINKS_GRAPH)])


def _stored_threshold(store: ox.Store, events: Collection[str]) -> float:
    """The threshold the stored links of these events were made with (else the default).

    >>> _stored_threshold(ox.Store(), ["http://x/a"]) == DEFAULT_THRESHOLD
    True
    """
    g, linked, threshold = nn(LINKS_GRAPH), nn(CKG.linkedEvent), nn(CKG.linkThreshold)
    for e in sorted(events):
        for q in store.quads_for_pattern(None, linked, nn(e), g):
            for t in store.quads_for_pattern(q.subject, threshold, None, g):
                return float(t.object.value)  # type: ignore[union-attr]
    return DEFAULT_THRESHOLD


def unlink(
    store: ox.Store,
    e1: str,
    e2: str,
    *,
    note: str = "",
    creator: str | None = None,
    vocabulary: LinkingVocabulary | None = None,
) -> bool:
    """Record that a researcher rejected the link of two events, and split their cluster.

    The rejection is an annotation ``e1 ckg:differentEventFrom e2`` (motivation
    ``oa:moderating``); the cluster holding both is recomputed at once (with the
    threshold its links were made with) so that no chain of other reports joins them,
    and :func:`relink` and the ingest hook respect it from then on. Returns whether the
    two were in one cluster. Unknown IRIs raise :class:`kg.errors.InputError` and
    nothing changes.
    """
    from kg.linking.annotations import LinkPredicate, add_annotation, resolve_iri

    vocab = vocabulary or default_vocabulary()
    a, b = resolve_iri(e1), resolve_iri(e2)
    add_annotation(
        store,
        a,
        LinkPredicate.DIFFERENT_EVENT,
        b,
        note=note or "same-event link rejected",
        creator=creator,
    )
    threshold = _stored_threshold(store, [a, b])
    if _pairs_before_clusters(store):
        relink(store, threshold=threshold, vocabulary=vocab)
    together = any(b in members for members in clusters_of(store, [a]).values())
    _recluster(
        store,
        {a, b},
        {},
        rejected=rejected_pairs(store),
        threshold=threshold,
        vocabulary=vocab,
    )
    return together
