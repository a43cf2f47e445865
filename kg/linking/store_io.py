"""Read what the linker needs from a pyoxigraph store, and write quads atomically.

Reading goes through ``quads_for_pattern`` (no SPARQL text), in two phases: a cheap scan
of every event's graph, classes and date, then the details (actors, places, topics,
provenance) of the events that can matter.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> replace_quads(store, remove=[], add=[ox.Quad(ox.NamedNode("http://x/a"),
...     ox.NamedNode("http://x/p"), ox.Literal("1"), ox.NamedNode("http://x/g"))])
>>> len(store)
1
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.errors import CkgError
from kg.linking.features import DateSpan, EventRecord, TypeHierarchy
from kg.namespaces import (
    ANNOTATIONS_GRAPH,
    CKG,
    DCTERMS,
    LINKS_GRAPH,
    ONTOLOGY_GRAPH,
    PROV,
    RDF,
    RDFS,
    REFERENCE_GRAPH,
)
from kg.resources import ontology_files
from kg.writer import BULK_MIN_QUADS, MAX_BATCH_QUADS, PENDING_GRAPH

__all__ = [
    "LinkingVocabulary",
    "default_vocabulary",
    "read_events",
    "replace_quads",
    "vocabulary_from_graph",
]

_NOT_SOURCES = {
    str(LINKS_GRAPH),
    str(ANNOTATIONS_GRAPH),
    str(REFERENCE_GRAPH),
    str(ONTOLOGY_GRAPH),
    PENDING_GRAPH.value,  # the journal of graphs whose links are pending (kg.writer)
}


def nn(iri: object) -> ox.NamedNode:
    """A pyoxigraph IRI from an rdflib term or a string."""
    return ox.NamedNode(str(iri))


@dataclass(frozen=True)
class LinkingVocabulary:
    """The ontology terms the linker reads: event classes and actor role properties."""

    hierarchy: TypeHierarchy
    roles: frozenset[str]


def vocabulary_from_graph(graph: rdflib.Graph) -> LinkingVocabulary:
    """Event classes (``rdfs:subClassOf*`` ``ckg:Event``) and roles (``ckg:hasActor``)."""
    parents: dict[str, set[str]] = defaultdict(set)
    root = CKG.Event
    for cls in graph.transitive_subjects(RDFS.subClassOf, root):
        if cls == root or not isinstance(cls, rdflib.URIRef):
            continue
        for sup in graph.objects(cls, RDFS.subClassOf):
            if isinstance(sup, rdflib.URIRef) and (
                sup == root or root in set(graph.transitive_objects(sup, RDFS.subClassOf))
            ):
                parents[str(cls)].add(str(sup))
    roles = {str(p) for p in graph.transitive_subjects(RDFS.subPropertyOf, CKG.hasActor)}
    roles.add(str(CKG.hasActor))
    return LinkingVocabulary(TypeHierarchy(parents, root=str(root)), frozenset(roles))


@lru_cache(maxsize=4)
def _vocabulary_from_files(files: tuple[tuple[str, float], ...]) -> LinkingVocabulary:
    g = rdflib.Graph()
    for path, _mtime in files:
        g.parse(path, format="turtle")
    return vocabulary_from_graph(g)


def default_vocabulary() -> LinkingVocabulary:
    """The vocabulary from the installed ontology files (cached while they are unchanged)."""
    files = [p for p in ontology_files() if p.is_file()]
    if not any(p.name == "conflict-kg.ttl" for p in files):
        raise CkgError("ontology/conflict-kg.ttl not found: the linker needs the event classes")
    return _vocabulary_from_files(tuple((str(p), Path(p).stat().st_mtime) for p in files))


def replace_quads(store: ox.Store, *, remove: Sequence[ox.Quad], add: Sequence[ox.Quad]) -> None:
    """Remove and add quads in one transaction: a quad in both lists is left alone; only
    additions are one ``Store.extend`` (or, when many, one atomic bulk ingestion, as
    :class:`kg.writer.GraphWriter` writes), else one SPARQL update of serialised terms.

    Terms are written by pyoxigraph's own N-Triples serialisation, so no text is pasted
    unescaped into the update.
    """

    def block(quads: Iterable[ox.Quad]) -> str:
        by_graph: dict[str, list[str]] = defaultdict(list)
        for q in quads:
            by_graph[str(q.graph_name)].append(f"{q.subject} {q.predicate} {q.object} .")
        return "\n".join(f"GRAPH {g} {{\n" + "\n".join(t) + "\n}" for g, t in by_graph.items())

    # Only the difference is written: relinking mostly re-derives the links it removes,
    # and a SPARQL update of 100,000 quads takes tens of seconds to parse and apply.
    keep = set(remove) & set(add)
    remove = [q for q in remove if q not in keep]
    add = [q for q in dict.fromkeys(add) if q not in keep]
    if not remove:
        if BULK_MIN_QUADS <= len(add) <= MAX_BATCH_QUADS:
            store.bulk_extend(add)  # one atomic ingestion, several times faster (kg.writer)
        elif add:
            store.extend(add)  # one transaction too, without a query text to parse
        return
    parts = ["DELETE DATA {\n" + block(remove) + "\n}"]
    if add:
        parts.append("INSERT DATA {\n" + block(add) + "\n}")
    store.update(" ;\n".join(parts))


def _value(term: object) -> str:
    return str(getattr(term, "value", term))


def read_events(
    store: ox.Store,
    vocabulary: LinkingVocabulary,
    *,
    windows: Sequence[DateSpan] | None = None,
    graph: str | None = None,
    graphs: Collection[str] | None = None,
    only: Collection[str] | None = None,
    tolerance_days: int = 2,
) -> list[EventRecord]:
    """Every event in the store's source graphs, as :class:`EventRecord` (sorted by IRI).

    ``windows``: keep only events whose date span meets one of these spans (widened by
    ``tolerance_days``), so that linking one article need not read the whole store.
    ``graph`` / ``graphs``: keep only the events of this / these named graphs; only those
    graphs are read, so reading a few articles costs the same in any size of store.
    ``only``: keep only the events of these IRIs (the details of no other are read).
    An event without ``ckg:date`` gets the window of 30 days before its report's date.
    """
    from datetime import timedelta

    hierarchy = vocabulary.hierarchy
    wanted = sorted({*(graphs or ()), *((graph,) if graph is not None else ())})
    scopes: list[ox.NamedNode | None] = (
        [nn(g) for g in wanted] if graph is not None or graphs is not None else [None]
    )
    classes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for cls in sorted(hierarchy.classes):
        for scope in scopes:
            for q in store.quads_for_pattern(None, nn(RDF.type), nn(cls), scope):
                g = _value(q.graph_name)
                if g in _NOT_SOURCES or not isinstance(q.subject, ox.NamedNode):
                    continue
                classes[(q.subject.value, g)].add(cls)
    if not classes:
        return []

    dates: dict[tuple[str, str], DateSpan] = {}
    report_dates: dict[str, DateSpan] = {}
    for scope in scopes:
        for q in store.quads_for_pattern(None, nn(CKG.date), None, scope):
            key = (_value(q.subject), _value(q.graph_name))
            if key in classes:
                span = DateSpan.parse(_value(q.object))
                if span and (
                    key not in dates or span.end - span.start < dates[key].end - dates[key].start
                ):
                    dates[key] = span
        for q in store.quads_for_pattern(None, nn(DCTERMS.date), None, scope):
            g = _value(q.graph_name)
            if _value(q.subject) == g:
                span = DateSpan.parse(_value(q.object))
                if span:
                    report_dates[g] = span
    for key in classes:
        if key not in dates and key[1] in report_dates:
            dates[key] = DateSpan.before_report(report_dates[key[1]])

    keys = sorted(classes)
    if only is not None:
        wanted_events = set(only)
        keys = [k for k in keys if k[0] in wanted_events]
    if windows is not None:
        tol = timedelta(days=tolerance_days)
        keys = [
            k
            for k in keys
            if k in dates
            and any(
                dates[k].start <= w.end + tol and w.start - tol <= dates[k].end for w in windows
            )
        ]

    affiliation = _affiliations(store)
    roles = vocabulary.roles
    loc, about, derived = nn(CKG.location), nn(CKG.about), nn(PROV.wasDerivedFrom)
    records = []
    for iri, g in keys:
        actors: set[tuple[str, str]] = set()
        places: set[str] = set()
        topics: set[str] = set()
        origin = g
        gnode = nn(g)
        for q in store.quads_for_pattern(nn(iri), None, None, gnode):
            p = q.predicate.value
            if p in roles and isinstance(q.object, ox.NamedNode):
                actors.add((p, q.object.value))
            elif q.predicate == loc:
                places.add(_value(q.object))
            elif q.predicate == about:
                obj = q.object
                topics.add(obj.value if isinstance(obj, ox.NamedNode) else _value(obj).lower())
            elif (
                q.predicate == derived
                and isinstance(q.object, ox.NamedNode)
                and any(
                    True
                    for _ in store.quads_for_pattern(
                        q.object, nn(RDF.type), nn(CKG.SourceRecord), gnode
                    )
                )
            ):
                origin = q.object.value
        # A bare ckg:hasActor next to a specific role for the same actor adds nothing.
        specific = {a for r, a in actors if r != str(CKG.hasActor)}
        actors = {(r, a) for r, a in actors if r != str(CKG.hasActor) or a not in specific}
        projected = set()
        for _, a in actors:
            projected |= affiliation.get(a, {a})
        records.append(
            EventRecord(
                iri,
                g,
                frozenset(classes[(iri, g)]),
                frozenset(actors),
                dates.get((iri, g)),
                frozenset(places),
                frozenset(topics),
                origin,
                frozenset(projected),
            )
        )
    return records


def _affiliations(store: ox.Store) -> dict[str, set[str]]:
    """Person → the states/organisations they hold an office of (``ckg:Position``)."""
    holders: dict[str, set[str]] = defaultdict(set)
    for q in store.quads_for_pattern(None, nn(CKG.holder), None, None):
        holders[_value(q.subject)].add(_value(q.object))
    result: dict[str, set[str]] = defaultdict(set)
    for q in store.quads_for_pattern(None, nn(CKG["of"]), None, None):
        for person in holders.get(_value(q.subject), ()):
            result[person].add(_value(q.object))
    return dict(result)
