"""Link events from different sources that describe the same real-world event.

Candidates are *blocked* first (same type family, date spans within two days of each
other), then scored by :func:`kg.linking.features.score_pair`. A pair at or above the
threshold becomes

* ``e1 ckg:sameEventAs e2`` and ``e2 ckg:sameEventAs e1`` in :data:`LINKS_GRAPH` (both
  directions, so that queries without a reasoner see them; the property is symmetric and
  transitive in the ontology: use ``ckg:sameEventAs+`` for the whole cluster), and
* an evidence node ``id:link/<hash>`` (``ckg:EventLink``, IRI from the ordered pair) with
  ``ckg:linkedEvent`` both events, ``ckg:linkScore``, ``ckg:linkThreshold``,
  ``ckg:sharedActor``, and one ``ckg:matchedFeature`` node per feature
  (``ckg:featureName``, ``ckg:featureScore``, ``ckg:featureWeight``, ``rdfs:comment``).

Article graphs are never rewritten. Events of one origin (one article, one imported
record) are never linked to each other. A pair a researcher rejected (``ckg unlink``,
stored as ``ckg:differentEventFrom`` in the annotations graph) is never linked again.

Links are derived data, written after the articles they come from. ``ckg ingest`` enters
each article it writes in the journal :data:`kg.writer.PENDING_GRAPH`, atomically with the
article; linking removes the entries once the links are written, and
:func:`relink` enters the links graph itself while it rebuilds it. Whatever a kill leaves
in the journal is linked by the next linking call (:func:`link_articles_events`, which
``ckg ingest`` makes at its start through :func:`link_pending_events`, and ``ckg import``
for every file), so the links end as a run without the kill would have left them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

import pyoxigraph as ox

from kg.iris import fact_iri
from kg.linking.features import (
    DEFAULT_WEIGHTS,
    EventRecord,
    LinkScore,
    TypeHierarchy,
    Weights,
    score_pair,
)
from kg.linking.store_io import (
    LinkingVocabulary,
    default_vocabulary,
    nn,
    read_events,
    replace_quads,
)
from kg.namespaces import ANNOTATIONS_GRAPH, CKG, LINKS_GRAPH, RDF, RDFS, XSD
from kg.writer import (
    JOURNAL_PENDING,
    MAX_BATCH_QUADS,
    PENDING_GRAPH,
    clear_journal,
    journal_entries,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "EventLink",
    "candidate_pairs",
    "find_links",
    "link_article_events",
    "link_articles_events",
    "link_iri",
    "link_pending_events",
    "link_quads",
    "rejected_pairs",
    "relink",
    "remove_link",
    "stored_links",
    "unlink",
]

#: Score at or above which two events are linked (0..1); ``--threshold`` overrides it.
DEFAULT_THRESHOLD = 0.6
#: Day tolerance of the date blocking (matches the date feature's largest gap).
_BLOCK_TOLERANCE = timedelta(days=2)


@dataclass(frozen=True)
class EventLink:
    """A same-event link: the ordered pair (``event1 < event2``) and its evidence."""

    event1: str
    event2: str
    score: LinkScore

    @property
    def iri(self) -> str:
        """The evidence node's IRI (deterministic from the ordered pair)."""
        return str(link_iri(self.event1, self.event2))


def link_iri(e1: str, e2: str) -> str:
    """The evidence IRI of a pair, the same whichever order it is given in.

    >>> link_iri("http://x/b", "http://x/a") == link_iri("http://x/a", "http://x/b")
    True
    """
    a, b = sorted((str(e1), str(e2)))
    return str(fact_iri("link", a, b))


def candidate_pairs(
    records: Sequence[EventRecord],
    hierarchy: TypeHierarchy,
    *,
    focus: set[str] | None = None,
) -> Iterable[tuple[EventRecord, EventRecord]]:
    """Pairs worth scoring: same type family, a shared (projected) actor, dates within the
    tolerance, other origin.

    With ``focus`` only pairs with at least one event in it. Each pair once, ordered.
    """
    families: dict[str, list[EventRecord]] = defaultdict(list)
    bare: list[EventRecord] = []
    for r in records:
        if r.date is None:
            continue  # neither a date nor a dated report: nothing to block on
        specific = hierarchy.specific(r.classes)
        fams = {hierarchy.family(c) for c in specific if c != hierarchy.root}
        if not fams:
            bare.append(r)
        for f in fams:
            families[f].append(r)
    if bare:
        for f in list(families):
            families[f].extend(bare)
        families[hierarchy.root].extend(bare)
    # Within a family, bucket by (projected) actor: the actor feature rules out pairs
    # without a shared actor anyway, so only co-bucketed events are compared.
    seen: set[tuple[str, str]] = set()
    for fam in sorted(families):
        buckets: dict[str, list[EventRecord]] = defaultdict(list)
        for r in families[fam]:
            for actor in r.projected:
                buckets[actor].append(r)
        for actor in sorted(buckets):
            members = sorted(buckets[actor], key=lambda r: (r.date.start, r.iri))  # type: ignore[union-attr]
            for i, a in enumerate(members):
                assert a.date is not None
                limit = a.date.end + _BLOCK_TOLERANCE
                for b in members[i + 1 :]:
                    assert b.date is not None
                    if b.date.start > limit:
                        break
                    if a.origin == b.origin or a.iri == b.iri:
                        continue
                    if focus is not None and a.iri not in focus and b.iri not in focus:
                        continue
                    pair = (a, b) if a.iri < b.iri else (b, a)
                    key = (pair[0].iri, pair[1].iri)
                    if key not in seen:
                        seen.add(key)
                        yield pair


def find_links(
    records: Sequence[EventRecord],
    *,
    hierarchy: TypeHierarchy,
    threshold: float = DEFAULT_THRESHOLD,
    rejected: set[frozenset[str]] | None = None,
    focus: set[str] | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[EventLink]:
    """Score the candidate pairs and keep those at or above ``threshold`` (sorted)."""
    rejected = rejected or set()
    links = []
    for a, b in candidate_pairs(records, hierarchy, focus=focus):
        if frozenset((a.iri, b.iri)) in rejected:
            continue
        s = score_pair(a, b, hierarchy=hierarchy, weights=weights)
        if s.gate is None and s.score >= threshold:
            links.append(EventLink(a.iri, b.iri, s))
    return sorted(links, key=lambda link: (link.event1, link.event2))


_DECIMAL = nn(XSD.decimal)


def _dec(x: float) -> ox.Literal:
    """``x`` to three places, in the canonical form the store keeps (``1``, ``0.25``): the
    links written are then equal to the links read back, and relinking changes nothing.

    >>> _dec(1.0).value, _dec(0.25).value, _dec(2 / 3).value
    ('1', '0.25', '0.667')
    """
    return ox.Literal(f"{x:.3f}".rstrip("0").rstrip("."), datatype=_DECIMAL)


class _T:
    """Constant terms of the link quads, built once (pyoxigraph terms are immutable)."""

    g = nn(LINKS_GRAPH)
    same = nn(CKG.sameEventAs)
    type_ = nn(RDF.type)
    event_link = nn(CKG.EventLink)
    linked = nn(CKG.linkedEvent)
    score = nn(CKG.linkScore)
    threshold = nn(CKG.linkThreshold)
    shared = nn(CKG.sharedActor)
    matched = nn(CKG.matchedFeature)
    feature = nn(CKG.LinkFeature)
    fname = nn(CKG.featureName)
    fscore = nn(CKG.featureScore)
    fweight = nn(CKG.featureWeight)
    comment = nn(RDFS.comment)


def link_quads(link: EventLink, *, threshold: float) -> list[ox.Quad]:
    """The quads of one link and its evidence, all in :data:`LINKS_GRAPH`."""
    t, g = _T, _T.g
    node = nn(link.iri)
    e1, e2 = nn(link.event1), nn(link.event2)
    quads = [
        ox.Quad(e1, t.same, e2, g),
        ox.Quad(e2, t.same, e1, g),
        ox.Quad(node, t.type_, t.event_link, g),
        ox.Quad(node, t.linked, e1, g),
        ox.Quad(node, t.linked, e2, g),
        ox.Quad(node, t.score, _dec(link.score.score), g),
        ox.Quad(node, t.threshold, _dec(threshold), g),
    ]
    for actor in sorted(link.score.shared_actors):
        quads.append(ox.Quad(node, t.shared, nn(actor), g))
    for f in link.score.features:
        fnode = nn(f"{link.iri}/{f.name}")
        quads += [
            ox.Quad(node, t.matched, fnode, g),
            ox.Quad(fnode, t.type_, t.feature, g),
            ox.Quad(fnode, t.fname, ox.Literal(f.name), g),
            ox.Quad(fnode, t.fscore, _dec(f.score), g),
            ox.Quad(fnode, t.fweight, _dec(f.weight), g),
            ox.Quad(fnode, t.comment, ox.Literal(f.detail), g),
        ]
    return quads


def rejected_pairs(store: ox.Store) -> set[frozenset[str]]:
    """Pairs a researcher said are different events (``ckg:differentEventFrom``)."""
    return {
        frozenset((q.subject.value, q.object.value))  # type: ignore[union-attr]
        for q in store.quads_for_pattern(
            None, nn(CKG.differentEventFrom), None, nn(ANNOTATIONS_GRAPH)
        )
        if isinstance(q.object, ox.NamedNode)
    }


def stored_links(store: ox.Store) -> list[tuple[str, str, float]]:
    """The links in the store: (event1, event2, score), sorted.

    >>> stored_links(ox.Store())
    []
    """
    g = nn(LINKS_GRAPH)
    out = []
    for q in store.quads_for_pattern(None, nn(RDF.type), nn(CKG.EventLink), g):
        events = sorted(
            x.object.value  # type: ignore[union-attr]
            for x in store.quads_for_pattern(q.subject, nn(CKG.linkedEvent), None, g)
        )
        scores = [
            float(x.object.value)  # type: ignore[union-attr]
            for x in store.quads_for_pattern(q.subject, nn(CKG.linkScore), None, g)
        ]
        if len(events) == 2:
            out.append((events[0], events[1], scores[0] if scores else 0.0))
    return sorted(out)


def relink(
    store: ox.Store,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    vocabulary: LinkingVocabulary | None = None,
) -> list[EventLink]:
    """Recompute every same-event link in the store (after a threshold change, say).

    The links graph is cleared and refilled; researchers' annotations (including
    rejected links) are kept and respected. Every link pending in the journal is
    rebuilt with the rest, and the journal is emptied.
    """
    vocab = vocabulary or default_vocabulary()
    records = read_events(store, vocab)
    links = find_links(
        records, hierarchy=vocab.hierarchy, threshold=threshold, rejected=rejected_pairs(store)
    )
    quads = [q for link in links for q in link_quads(link, threshold=threshold)]
    # Clear, then bulk load (much faster than a transactional extend for large stores).
    # The journal entry for the links graph (with the threshold) makes the next linking
    # call finish the job if a kill lands in between.
    store.add(ox.Quad(nn(LINKS_GRAPH), JOURNAL_PENDING, _dec(threshold), PENDING_GRAPH))
    store.clear_graph(nn(LINKS_GRAPH))
    store.bulk_extend(quads)
    clear_journal(store, PENDING_GRAPH, journal_entries(store, PENDING_GRAPH))
    return links


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
    links graph when a :func:`relink` was cut short (redone with its threshold).

    Returns the links of each graph linked (empty when nothing was pending, or after a
    whole relink). ``ckg ingest`` calls it first, so that a second run of an input the
    store already holds ("unchanged") still repairs the links.

    >>> link_pending_events(ox.Store())
    {}
    """
    return link_articles_events(store, [], threshold=threshold, vocabulary=vocabulary)


def _existing_link_quads(store: ox.Store, events: set[str]) -> list[ox.Quad]:
    """Every quad of the links graph about links that involve one of ``events``."""
    g = nn(LINKS_GRAPH)
    nodes: set[str] = set()
    out: list[ox.Quad] = []
    for e in sorted(events):
        for q in store.quads_for_pattern(None, nn(CKG.linkedEvent), nn(e), g):
            nodes.add(q.subject.value)  # type: ignore[union-attr]
        out += list(store.quads_for_pattern(nn(e), nn(CKG.sameEventAs), None, g))
        out += list(store.quads_for_pattern(None, nn(CKG.sameEventAs), nn(e), g))
    for node in sorted(nodes):
        for q in store.quads_for_pattern(nn(node), nn(CKG.matchedFeature), None, g):
            out += list(store.quads_for_pattern(q.object, None, None, g))  # type: ignore[arg-type]
        out += list(store.quads_for_pattern(nn(node), None, None, g))
    return list(dict.fromkeys(out))


def link_article_events(
    store: ox.Store,
    article_iri: str,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    vocabulary: LinkingVocabulary | None = None,
) -> list[EventLink]:
    """Link the events of one source graph (an article) to the events already stored.

    Call it after the article is written. Earlier links of these events are replaced, in
    one transaction. Returns the new links. :func:`link_articles_events` does the same
    for many articles at once.
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

    The store is read once for the whole batch (the batch's events, then the events whose
    dates meet theirs), and the links of these events are replaced (see
    :func:`_write_links`: each link whole; a batch's links in one transaction unless
    they run to hundreds of thousands of quads).
    Returns, for each article, the links it brought: a link between two articles of the
    batch is listed once, under the later one in ``article_iris`` (as if they had been
    linked one after the other). The links made are the same as one call per article.

    Graphs left pending in the journal by an interrupted run are linked in the same pass,
    before ``article_iris`` (and are keys of the result too); the journal entries of
    every graph linked are removed once the links are written (see the module
    documentation).
    """
    vocab = vocabulary or default_vocabulary()
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
    windows = [r.date for r in own if r.date is not None]
    records = read_events(store, vocab, windows=windows) if windows else own
    focus = {r.iri for r in own}
    graph_of = {r.iri: r.graph for r in own}
    links = find_links(
        records,
        hierarchy=vocab.hierarchy,
        threshold=threshold,
        rejected=rejected_pairs(store),
        focus=focus,
    )
    _write_links(store, _existing_link_quads(store, focus), links, threshold=threshold)
    for link in links:
        sides = [graph_of[e] for e in (link.event1, link.event2) if e in graph_of]
        result[max(sides, key=order.__getitem__)].append(link)
    return result


def _write_links(
    store: ox.Store,
    old: list[ox.Quad],
    links: Sequence[EventLink],
    *,
    threshold: float,
    max_quads: int = MAX_BATCH_QUADS,
) -> None:
    """Replace the link quads ``old`` by those of ``links``, writing only the difference.

    Up to ``max_quads`` (:data:`kg.writer.MAX_BATCH_QUADS`) quads this is one transaction
    (or one atomic bulk ingestion). Beyond that (a story told by hundreds of articles
    makes cliques of links) the stale quads are removed first and the new links added in
    chunks of whole links, each chunk atomic: a kill in between leaves some of these
    links unwritten, never half a link, and the graphs' journal entries (removed only
    after this) make the next linking call write them. One transaction of a million
    quads took minutes.
    """
    groups = [link_quads(link, threshold=threshold) for link in links]
    if sum(len(g) for g in groups) <= max_quads:
        replace_quads(store, remove=old, add=[q for g in groups for q in g])
        return
    new = {q for g in groups for q in g}
    present = set(old)
    stale = [q for q in old if q not in new]
    if stale:
        replace_quads(store, remove=stale, add=[])
    chunk: list[ox.Quad] = []
    for group in groups:
        fresh = [q for q in group if q not in present]
        if len(chunk) + len(fresh) > max_quads:
            replace_quads(store, remove=[], add=chunk)
            chunk = []
        chunk += fresh
    replace_quads(store, remove=[], add=chunk)


def remove_link(store: ox.Store, e1: str, e2: str) -> bool:
    """Remove the link between two events (both directions and its evidence).

    Returns whether there was one.
    """
    g = nn(LINKS_GRAPH)
    node = nn(link_iri(e1, e2))
    quads = list(store.quads_for_pattern(node, None, None, g))
    for q in store.quads_for_pattern(node, nn(CKG.matchedFeature), None, g):
        quads += list(store.quads_for_pattern(q.object, None, None, g))  # type: ignore[arg-type]
    same = nn(CKG.sameEventAs)
    quads += list(store.quads_for_pattern(nn(e1), same, nn(e2), g))
    quads += list(store.quads_for_pattern(nn(e2), same, nn(e1), g))
    if quads:
        replace_quads(store, remove=list(dict.fromkeys(quads)), add=[])
    return bool(quads)


def unlink(
    store: ox.Store,
    e1: str,
    e2: str,
    *,
    note: str = "",
    creator: str | None = None,
) -> bool:
    """Remove the link between two events and record that a researcher rejected it.

    The rejection is an annotation ``e1 ckg:differentEventFrom e2`` (motivation
    ``oa:moderating``), so :func:`relink` and the ingest hook never bring the link back.
    Returns whether a stored link was removed. Unknown IRIs raise
    :class:`kg.errors.InputError` and nothing changes.
    """
    from kg.linking.annotations import LinkPredicate, add_annotation, resolve_iri

    a, b = resolve_iri(e1), resolve_iri(e2)
    add_annotation(
        store,
        a,
        LinkPredicate.DIFFERENT_EVENT,
        b,
        note=note or "same-event link rejected",
        creator=creator,
    )
    return remove_link(store, a, b)
