"""Export the store (or one article) as TriG, N-Quads, Turtle or JSON-LD, byte-for-byte
deterministic.

Blank nodes get canonical labels (RDFC-1.0, via pyoxigraph) and quads are written in
sorted order (:func:`kg.serialize.serialize_quads`, the serializer ``ckg extract`` uses
too), so the same graphs always give the same bytes, whatever labels the store gave its
blank nodes. ``trig``, ``nq`` and ``jsonld`` keep every named graph. ``ttl`` has
no graph names: it writes one article's graph (``article=``), or else the union of all
graphs, which is the default graph every query sees (:mod:`kg.dataset`); a triple stated
in several graphs is written once. JSON-LD carries a context of the project's prefixes
(:mod:`kg.jsonld`). An empty store gives no bytes (``ckg export`` refuses to write that).

>>> import tempfile
>>> from kg.store import open_store
>>> with tempfile.TemporaryDirectory() as d:
...     store = open_store(d + "/s")
...     ttl = export_store(store, "ttl")
...     jsonld = export_store(store, "jsonld")
>>> b"owl:Class" in ttl
True
>>> import json
>>> json.loads(jsonld)["@context"]["ckg"]
'https://w3id.org/conflict-kg/ontology#'
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.serialize import RdfSyntax, serialize_quads
from kg.store import find_article

__all__ = ["ExportFormat", "export_store"]

#: Formats ``ckg export`` writes: every syntax of :class:`kg.serialize.RdfSyntax`.
ExportFormat = RdfSyntax


def export_store(
    store: ox.Store, fmt: ExportFormat | str = ExportFormat.TRIG, *, article: str | None = None
) -> bytes:
    """The store's named graphs (or one article's graph) serialized in ``fmt``
    (:func:`kg.serialize.serialize_quads`)."""
    fmt = ExportFormat(fmt)
    if article is not None:
        name: ox.NamedNode | ox.DefaultGraph | None = ox.NamedNode(
            str(find_article(store, article))
        )
    else:
        name = None
    return serialize_quads(store.quads_for_pattern(None, None, None, name), fmt)
