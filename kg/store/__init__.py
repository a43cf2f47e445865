"""The embedded, on-disk knowledge-graph store (pyoxigraph), one concern per module.

A store is a directory holding a pyoxigraph (RocksDB) database with one named graph per
article, plus two graphs the store keeps up to date by itself on every read-write open.

- :mod:`kg.store.opening`: where a store lives (``--store``, ``$CKG_STORE``) and how it
  is opened (:func:`open_store`, :func:`open_store_for_reading`);
- :mod:`kg.store.lock`: readers and writers of one directory kept apart (file locks);
- :mod:`kg.store.terms`: terms, quads and graphs between rdflib and pyoxigraph;
- :mod:`kg.store.replace`: whole named graphs replaced in ONE transaction
  (:func:`replace_graphs`; :class:`kg.writer.GraphWriter` batches many);
- :mod:`kg.store.managed`: the managed graphs, rebuilt when their sources change:
  the ontology with its hierarchies closed (:mod:`kg.store.closure`) and the reference
  graph of known entities (:mod:`kg.store.reference`);
- :mod:`kg.store.articles`: the articles a store holds (:func:`find_article`);
- :mod:`kg.store.summary`: what a store holds, in figures (``ckg summary``).

The names below are re-exported here, so ``from kg.store import open_store`` is the way
to use them; the modules say what each part does.

>>> import tempfile, pyoxigraph as ox
>>> from rdflib import Graph, Literal, URIRef
>>> with tempfile.TemporaryDirectory() as d:
...     store = open_store(d + "/s")
...     g = Graph(identifier=URIRef("https://example.org/g"))
...     _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
...     replace_graphs(store, {g.identifier: rdflib_quads(g)})
...     replace_graphs(store, {g.identifier: rdflib_quads(g)})  # replaced, not duplicated
...     len(list(store.quads_for_pattern(None, None, None, ox.NamedNode("https://example.org/g"))))
1
"""

from __future__ import annotations

from kg.store.articles import article_graphs, find_article
from kg.store.closure import hierarchy_closure
from kg.store.managed import META_FILE, managed_graphs, sync_managed_graphs
from kg.store.opening import (
    STORE_ENV,
    default_store_path,
    open_store,
    open_store_for_reading,
    resolve_store_path,
)
from kg.store.replace import replace_graphs
from kg.store.terms import graph_quads, rdflib_graph, rdflib_quads, to_ox, to_rdflib

__all__ = [
    "META_FILE",
    "STORE_ENV",
    "article_graphs",
    "default_store_path",
    "find_article",
    "graph_quads",
    "hierarchy_closure",
    "managed_graphs",
    "open_store",
    "open_store_for_reading",
    "rdflib_graph",
    "rdflib_quads",
    "replace_graphs",
    "resolve_store_path",
    "sync_managed_graphs",
    "to_ox",
    "to_rdflib",
]
