"""Terms and quads between rdflib and pyoxigraph, and graphs read out of a store.

Extraction builds rdflib graphs; the store is pyoxigraph. These functions convert one
term (:func:`to_ox`, :func:`to_rdflib`), a whole graph (:func:`rdflib_quads`), and read
one named graph back (:func:`graph_quads`, :func:`rdflib_graph`).

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph(identifier=URIRef("https://example.org/g"))
>>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
>>> store = ox.Store()
>>> store.extend(rdflib_quads(g))
>>> rdflib_graph(store, g.identifier).isomorphic(g)
True
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

__all__ = ["graph_quads", "rdflib_graph", "rdflib_quads", "to_ox", "to_rdflib"]


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term.

    >>> to_ox(Literal("Armenien", lang="de"))
    <Literal value=Armenien language=de>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def to_rdflib(term: object) -> Node:
    """The rdflib term for a pyoxigraph term (plain strings stay plain ``xsd:string``).

    >>> to_rdflib(ox.Literal("0.9", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")))
    rdflib.term.Literal('0.9', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")


def rdflib_quads(graph: Graph, name: Node | None = None) -> list[ox.Quad]:
    """The triples of an rdflib graph as pyoxigraph quads in graph ``name``
    (default: the graph's identifier).

    >>> g = Graph(identifier=URIRef("https://example.org/g"))
    >>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), BNode("b")))
    >>> [str(q) for q in rdflib_quads(g)]
    ['<https://example.org/a> <https://example.org/p> _:b <https://example.org/g>']
    """
    g = to_ox(name if name is not None else graph.identifier)
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph]  # type: ignore[arg-type]


def graph_quads(store: ox.Store, name: URIRef | ox.NamedNode) -> list[ox.Quad]:
    """Every quad of one named graph of the store.

    >>> graph_quads(ox.Store(), URIRef("https://example.org/g"))
    []
    """
    g = name if isinstance(name, ox.NamedNode) else ox.NamedNode(str(name))
    return list(store.quads_for_pattern(None, None, None, g))


def rdflib_graph(store: ox.Store, name: URIRef) -> Graph:
    """One named graph of the store as an rdflib :class:`~rdflib.Graph` (a copy)."""
    graph = Graph(identifier=name)
    for q in graph_quads(store, name):
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph
