"""Export the store (or one article) as TriG, N-Quads, Turtle or JSON-LD, byte-for-byte
deterministic.

Blank nodes get canonical labels (RDFC-1.0, via pyoxigraph) and quads are written in
sorted order, so the same graphs always give the same bytes, whatever labels the store
gave its blank nodes. ``trig``, ``nq`` and ``jsonld`` keep every named graph. ``ttl`` has
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

from enum import StrEnum

import pyoxigraph as ox

from kg.jsonld import jsonld_from_expanded
from kg.namespaces import PREFIXES
from kg.store import find_article

__all__ = ["ExportFormat", "export_store"]


class ExportFormat(StrEnum):
    """Formats ``ckg export`` writes."""

    TRIG = "trig"
    NQ = "nq"
    TTL = "ttl"
    JSONLD = "jsonld"


_RDF = {
    ExportFormat.TRIG: ox.RdfFormat.TRIG,
    ExportFormat.NQ: ox.RdfFormat.N_QUADS,
    ExportFormat.TTL: ox.RdfFormat.TURTLE,
    ExportFormat.JSONLD: ox.RdfFormat.JSON_LD,
}


def _sort_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def export_store(
    store: ox.Store, fmt: ExportFormat | str = ExportFormat.TRIG, *, article: str | None = None
) -> bytes:
    """The store's named graphs (or one article's graph) serialized in ``fmt``."""
    fmt = ExportFormat(fmt)
    if article is not None:
        name: ox.NamedNode | ox.DefaultGraph | None = ox.NamedNode(
            str(find_article(store, article))
        )
    else:
        name = None
    quads = list(store.quads_for_pattern(None, None, None, name))
    dataset = ox.Dataset(quads)
    # Blank node labels are unique across the dataset, so merging its graphs for Turtle
    # below keeps blank nodes of different graphs apart.
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    ordered = sorted(dataset, key=_sort_key)
    if not ordered:
        return b""
    if fmt is ExportFormat.NQ:
        return "".join(f"{q} .\n" for q in ordered).encode("utf-8")
    if fmt is ExportFormat.TTL:
        triples = sorted(
            {q.triple for q in ordered},
            key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
        )
        return _bytes(ox.serialize(triples, format=_RDF[fmt], prefixes=PREFIXES))
    if fmt is ExportFormat.JSONLD:
        return jsonld_from_expanded(_bytes(ox.serialize(ordered, format=_RDF[fmt])))
    return _bytes(ox.serialize(ordered, format=_RDF[fmt], prefixes=PREFIXES))


def _bytes(data: bytes | None) -> bytes:
    return data or b""
