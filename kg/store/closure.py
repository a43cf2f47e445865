"""The ontology graph as a store keeps it: the ontology with its hierarchies closed.

The store's ontology graph (:data:`~kg.namespaces.ONTOLOGY_GRAPH`) holds the RDFS closure
of the class and property hierarchies written out (:func:`hierarchy_closure`), so that
queries follow sub-classes and sub-properties with ONE plain ``rdfs:subClassOf`` /
``rdfs:subPropertyOf`` pattern, on any SPARQL store, without property paths.
:mod:`kg.store.managed` keeps it current.

>>> closed = ontology_graph()
>>> from kg.namespaces import CKG
>>> (CKG.Negotiation, RDFS.subClassOf, CKG.Event) in closed  # Negotiation ⊑ Meeting ⊑ Event
True
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph, URIRef

from kg.namespaces import OWL, RDF, RDFS
from kg.resources import ontology_files

__all__ = ["hierarchy_closure", "ontology_graph", "ontology_sources"]

_CLASS_TYPES = (OWL.Class, RDFS.Class)
_PROPERTY_TYPES = (
    RDF.Property,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
)


def ontology_sources() -> list[Path]:
    """The files the ontology graph is built from (the ontology's Turtle files, sorted)."""
    return list(ontology_files())


def ontology_graph() -> Graph:
    """The ontology graph the store holds: the ontology files, hierarchies closed."""
    # Imported here, not above: kg.ontology brings owlready2, which only a rebuild needs.
    from kg.ontology import load_ontology

    return hierarchy_closure(load_ontology())


def _closure(graph: Graph, relation: URIRef, kinds: Sequence[URIRef]) -> set[tuple[URIRef, URIRef]]:
    """Every (sub, super) pair of IRIs with sub ``relation*`` super (reflexive, transitive)."""
    supers: dict[URIRef, set[URIRef]] = {}
    for kind in kinds:
        for node in graph.subjects(RDF.type, kind):
            if isinstance(node, URIRef):
                supers.setdefault(node, set())
    for sub, sup in graph.subject_objects(relation):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            supers.setdefault(sub, set()).add(sup)
            supers.setdefault(sup, set())
    pairs: set[tuple[URIRef, URIRef]] = set()
    for start in supers:
        seen = {start}
        todo = [start]
        while todo:
            for sup in supers[todo.pop()]:
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        pairs.update((start, sup) for sup in seen)
    return pairs


def hierarchy_closure(graph: Graph) -> Graph:
    """A copy of an ontology graph with its class and property hierarchies closed.

    Adds ``C rdfs:subClassOf D`` whenever ``C rdfs:subClassOf* D`` (reflexive: every class
    declared or used in the hierarchy is its own sub-class), and the same for
    ``rdfs:subPropertyOf``. RDFS semantics entail each added triple (rules rdfs5, rdfs6,
    rdfs10, rdfs11), so no answer changes meaning; queries then need no property path
    (Virtuoso 7.2 loses rows when a ``*`` path over this graph is joined with other
    graphs). Only IRIs are closed: anonymous classes (OWL restrictions) stay as they are.

    >>> g = Graph()
    >>> a, b, c = (URIRef(f"https://example.org/{x}") for x in "abc")
    >>> _ = g.add((a, RDFS.subClassOf, b)).add((b, RDFS.subClassOf, c))
    >>> closed = hierarchy_closure(g)
    >>> sorted(str(o)[-1] for o in closed.objects(a, RDFS.subClassOf))
    ['a', 'b', 'c']
    >>> len(closed), len(g)
    (6, 2)
    """
    closed = Graph(identifier=graph.identifier)
    for prefix, namespace in graph.namespaces():
        closed.bind(prefix, namespace, override=True)
    for triple in graph:
        closed.add(triple)
    for relation, kinds in (
        (RDFS.subClassOf, _CLASS_TYPES),
        (RDFS.subPropertyOf, _PROPERTY_TYPES),
    ):
        for sub, sup in _closure(graph, relation, kinds):
            closed.add((sub, relation, sup))
    return closed
