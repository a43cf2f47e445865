"""Replace whole named graphs of a store in ONE transaction.

:func:`replace_graphs` is the store's only way of replacing graphs (:class:`kg.writer.GraphWriter`
uses it for replacements, the managed graphs are refreshed with it): a single SPARQL update
(``DROP SILENT GRAPH ...; INSERT DATA {...}``) when a graph is already there, else a single
``Store.extend``. pyoxigraph applies each as one transaction ("either the full operation
succeeds, or nothing is written"), so a graph is wholly replaced or left as it was, even if
the process is killed half-way (``tests/test_store_ingest.py`` kills an ingest with
SIGKILL to check).

>>> from rdflib import URIRef
>>> g = ox.NamedNode("https://example.org/g")
>>> a, p = ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p")
>>> store = ox.Store()
>>> replace_graphs(store, {URIRef(g.value): [ox.Quad(a, p, ox.Literal("x"), g)]})
>>> replace_graphs(store, {URIRef(g.value): [ox.Quad(a, p, ox.Literal("y"), g)]})
>>> [str(q.object) for q in store]  # replaced, not added to
['"y"']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pyoxigraph as ox
from rdflib.term import Node

from kg.store.terms import to_ox

__all__ = ["replace_graphs"]


def replace_graphs(store: ox.Store, graphs: Mapping[Node, Sequence[ox.Quad]]) -> None:
    """Replace each named graph by the given quads, all in ONE transaction.

    The quads' own graph names are ignored: each goes to the graph it is listed under.
    Blank nodes are taken as given: labels shared between graphs are one node (the SPARQL
    path used for replacements renames them). :class:`kg.writer.GraphWriter` makes them
    local to each unit first.
    """
    if not graphs:
        return
    names = [ox.NamedNode(str(name)) for name in graphs]
    if not any(store.contains_named_graph(n) for n in names):
        # Nothing to replace: Store.extend is one transaction too, and needs no SPARQL text.
        store.extend(
            ox.Quad(q.subject, q.predicate, q.object, n)
            for n, quads in zip(names, graphs.values(), strict=True)
            for q in quads
        )
        for n, quads in zip(names, graphs.values(), strict=True):
            if not quads:  # an empty graph is recorded as a graph, as DROP/INSERT would
                store.add_graph(n)
        return
    parts: list[str] = []
    inserts: list[str] = []
    for name, quads in graphs.items():
        g = str(to_ox(name))
        parts.append(f"DROP SILENT GRAPH {g}")
        if quads:
            body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
            inserts.append(f"GRAPH {g} {{\n{body} .\n}}")
    if inserts:
        parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
    store.update(" ;\n".join(parts))
