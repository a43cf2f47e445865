"""Same-event clusters in the links graph (:data:`kg.namespaces.LINKS_GRAPH`): their
quads, and reading them back.

One cluster of ``n`` reports is, in the links graph (linear in ``n``)::

    id:cluster/<hash> a ckg:EventCluster ;          # IRI from its first member
        ckg:clusterMember e1, e2, … en ;
        ckg:clusterLink id:link/<e1,e2>, … ;        # n - 1: a spanning tree of pairs
    id:link/<e1,e2> a ckg:EventLink ;               # the evidence of one pair
        ckg:linkedEvent e1, e2 ; ckg:linkScore 0.975 ; ckg:linkThreshold 0.6 ;
        ckg:sharedActor … ; ckg:matchedFeature id:link/<e1,e2>/type, … .
    e1 ckg:sameEventAs e2 . e2 ckg:sameEventAs e1 .  # along each link, both directions

So ``ckg:sameEventAs`` holds along the links, and the property is symmetric and
transitive: ``?a ckg:sameEventAs+ ?b`` (or ``?c ckg:clusterMember ?a, ?b``) gives every
pair of reports of one event, without the store holding the ``n²`` pairs.
:func:`same_event_pairs` lists them on demand.

>>> import pyoxigraph as ox
>>> from kg.linking.features import LinkScore
>>> link = EventLink("http://x/a", "http://x/b", LinkScore(1.0, ()))
>>> store = ox.Store()
>>> store.extend(cluster_quads(EventCluster(("http://x/a", "http://x/b"), (link,)),
...     threshold=0.6))
>>> stored_clusters(store)[0][1], list(same_event_pairs(store))
(('http://x/a', 'http://x/b'), [('http://x/a', 'http://x/b')])
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

import pyoxigraph as ox

from kg.linking.clusters import EventCluster, EventLink
from kg.linking.store_io import nn
from kg.namespaces import CKG, LINKS_GRAPH, RDF, RDFS, XSD

__all__ = [
    "cluster_node_quads",
    "cluster_quads",
    "clusters_of",
    "decimal",
    "evidence_quads",
    "link_quads",
    "link_thresholds",
    "node_quads",
    "same_event_pairs",
    "stored_clusters",
    "stored_links",
]

_DECIMAL = nn(XSD.decimal)


def decimal(x: float) -> ox.Literal:
    """``x`` to three places, in the canonical form the store keeps (``1``, ``0.25``): the
    links written are then equal to the links read back, and relinking changes nothing.

    >>> decimal(1.0).value, decimal(0.25).value, decimal(2 / 3).value
    ('1', '0.25', '0.667')
    """
    return ox.Literal(f"{x:.3f}".rstrip("0").rstrip("."), datatype=_DECIMAL)


class _T:
    """Constant terms of the link quads, built once (pyoxigraph terms are immutable)."""

    g = nn(LINKS_GRAPH)
    same = nn(CKG.sameEventAs)
    type_ = nn(RDF.type)
    cluster = nn(CKG.EventCluster)
    member = nn(CKG.clusterMember)
    cluster_link = nn(CKG.clusterLink)
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
        ox.Quad(node, t.score, decimal(link.score.score), g),
        ox.Quad(node, t.threshold, decimal(threshold), g),
    ]
    for actor in sorted(link.score.shared_actors):
        quads.append(ox.Quad(node, t.shared, nn(actor), g))
    for f in link.score.features:
        fnode = nn(f"{link.iri}/{f.name}")
        quads += [
            ox.Quad(node, t.matched, fnode, g),
            ox.Quad(fnode, t.type_, t.feature, g),
            ox.Quad(fnode, t.fname, ox.Literal(f.name), g),
            ox.Quad(fnode, t.fscore, decimal(f.score), g),
            ox.Quad(fnode, t.fweight, decimal(f.weight), g),
            ox.Quad(fnode, t.comment, ox.Literal(f.detail), g),
        ]
    return quads


def cluster_node_quads(cluster: EventCluster) -> list[ox.Quad]:
    """The quads of a cluster's node: its type, members and links (not their evidence)."""
    t, g = _T, _T.g
    node = nn(cluster.iri)
    quads = [ox.Quad(node, t.type_, t.cluster, g)]
    quads += [ox.Quad(node, t.member, nn(m), g) for m in cluster.members]
    quads += [ox.Quad(node, t.cluster_link, nn(link.iri), g) for link in cluster.links]
    return quads


def cluster_quads(cluster: EventCluster, *, threshold: float) -> list[ox.Quad]:
    """The quads of one cluster: its node, members, links and their evidence."""
    quads = cluster_node_quads(cluster)
    for link in cluster.links:
        quads += link_quads(link, threshold=threshold)
    return quads


def _value(term: object) -> str:
    return str(getattr(term, "value", term))


def clusters_of(store: ox.Store, events: Collection[str]) -> dict[str, tuple[str, ...]]:
    """The stored clusters with a member in ``events``: cluster IRI -> its members.

    >>> clusters_of(ox.Store(), ["http://x/a"])
    {}
    """
    t = _T
    found: dict[str, tuple[str, ...]] = {}
    for e in sorted(events):
        for q in store.quads_for_pattern(None, t.member, nn(e), t.g):
            c = _value(q.subject)
            if c not in found:
                found[c] = tuple(
                    sorted(
                        _value(m.object)
                        for m in store.quads_for_pattern(q.subject, t.member, None, t.g)
                    )
                )
    return found


def node_quads(store: ox.Store, clusters: Collection[str]) -> list[ox.Quad]:
    """The stored quads of these cluster nodes (type, members, links)."""
    return [q for c in sorted(clusters) for q in store.quads_for_pattern(nn(c), None, None, _T.g)]


def evidence_quads(store: ox.Store, links: Collection[str]) -> list[ox.Quad]:
    """Every stored quad of these links: the evidence node, its features, and the
    ``ckg:sameEventAs`` of its pair (both directions)."""
    t = _T
    out: list[ox.Quad] = []
    for link in sorted(links):
        node = nn(link)
        events = []
        for q in store.quads_for_pattern(node, None, None, t.g):
            out.append(q)
            if q.predicate == t.matched:
                out += store.quads_for_pattern(q.object, None, None, t.g)  # type: ignore[arg-type]
            elif q.predicate == t.linked:
                events.append(q.object)
        if len(events) == 2:
            a, b = events
            out += store.quads_for_pattern(a, t.same, b, t.g)  # type: ignore[arg-type]
            out += store.quads_for_pattern(b, t.same, a, t.g)  # type: ignore[arg-type]
    return out


def link_thresholds(store: ox.Store, links: Collection[str]) -> dict[str, str]:
    """The stored ``ckg:linkThreshold`` of these links (lexical form), by link IRI."""
    t = _T
    return {
        link: _value(q.object)
        for link in sorted(links)
        for q in store.quads_for_pattern(nn(link), t.threshold, None, t.g)
    }


def stored_clusters(store: ox.Store) -> list[tuple[str, tuple[str, ...]]]:
    """The clusters in the store: (cluster IRI, sorted members), sorted.

    >>> stored_clusters(ox.Store())
    []
    """
    t = _T
    members: dict[str, list[str]] = {}
    for q in store.quads_for_pattern(None, t.member, None, t.g):
        members.setdefault(_value(q.subject), []).append(_value(q.object))
    return sorted((c, tuple(sorted(m))) for c, m in members.items())


def same_event_pairs(store: ox.Store) -> Iterator[tuple[str, str]]:
    """Every pair of reports of one event (``a < b``), materialised on demand from the
    clusters: what ``?a ckg:sameEventAs+ ?b`` answers, without storing it."""
    for _cluster, members in stored_clusters(store):
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                yield a, b


def stored_links(store: ox.Store) -> list[tuple[str, str, float]]:
    """The links (evidence of pairs) in the store: (event1, event2, score), sorted.

    >>> stored_links(ox.Store())
    []
    """
    t = _T
    out = []
    for q in store.quads_for_pattern(None, t.type_, t.event_link, t.g):
        events = sorted(
            _value(x.object) for x in store.quads_for_pattern(q.subject, t.linked, None, t.g)
        )
        scores = [
            float(_value(x.object)) for x in store.quads_for_pattern(q.subject, t.score, None, t.g)
        ]
        if len(events) == 2:
            out.append((events[0], events[1], scores[0] if scores else 0.0))
    return sorted(out)
