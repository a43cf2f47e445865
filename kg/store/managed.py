"""The graphs a store keeps up to date by itself: the ontology and the reference graph.

On every read-write open (:func:`kg.store.open_store`), :func:`sync_managed_graphs`
brings two graphs up to date:

- :data:`~kg.namespaces.ONTOLOGY_GRAPH`: the project's OWL ontology with its class and
  property hierarchies closed (:mod:`kg.store.closure`);
- :data:`~kg.namespaces.REFERENCE_GRAPH`: known entities, labels, Wikidata links and
  coordinates (:mod:`kg.store.reference`).

Each is rebuilt only when the files it is built from changed (a fingerprint of
:func:`~kg.store.closure.ontology_sources` and
:func:`~kg.store.reference.reference_sources`), and rewritten only when its content
changed. The fingerprint and the content hashes live in a small JSON file beside the
database (:data:`META_FILE`), invisible to SPARQL.

>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as d:
...     store = ox.Store()  # in memory; the record goes to directory d
...     first = sync_managed_graphs(store, Path(d))
...     again = sync_managed_graphs(store, Path(d))
...     current = graphs_current(Path(d))
>>> [g.rsplit("/", 1)[-1] for g in first], again, current
(['ontology', 'reference'], [], True)
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.namespaces import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kg.serialize import canonical_quads
from kg.store.closure import ontology_graph, ontology_sources
from kg.store.reference import reference_graph, reference_sources
from kg.store.replace import replace_graphs
from kg.store.terms import rdflib_quads

__all__ = ["META_FILE", "graphs_current", "managed_graphs", "sync_managed_graphs"]

#: File beside the database that records the content hashes of the managed graphs.
META_FILE = "conflict-kg-store.json"
_EMPTY = hashlib.sha256(b"").hexdigest()
# Version of how the managed graphs are built from their sources: a store written by an
# older version rebuilds them (format 2 added the hierarchy closure).
_FORMAT = 2


def managed_graphs() -> dict[URIRef, Graph]:
    """The graphs the store maintains itself: the ontology (with its hierarchies closed,
    :func:`~kg.store.closure.hierarchy_closure`) and reference data."""
    return {ONTOLOGY_GRAPH: ontology_graph(), REFERENCE_GRAPH: reference_graph()}


def _content_hash(quads: Iterable[ox.Quad]) -> str:
    lines = sorted(str(q) for q in canonical_quads(quads))
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _sources_fingerprint() -> str:
    """A digest of the files the managed graphs are built from (ontology, dictionaries,
    extraction code), so that an unchanged installation skips rebuilding them."""
    digest = hashlib.sha256()
    for path in ontology_sources() + reference_sources():
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _read_meta(where: Path) -> dict[str, object]:
    try:
        meta = json.loads((where / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def graphs_current(where: Path) -> bool:
    """Whether the store in ``where`` last built its managed graphs from the files
    installed now, the way this version builds them (reads only the record)."""
    meta = _read_meta(where)
    return meta.get("format") == _FORMAT and meta.get("sources") == _sources_fingerprint()


def sync_managed_graphs(store: ox.Store, where: Path) -> list[URIRef]:
    """Bring the ontology and reference graphs up to date; return the graphs refreshed.

    The graphs are rebuilt only when their sources changed (or a graph is missing), and
    rewritten only when their content changed.
    """
    meta_path = where / META_FILE
    meta = _read_meta(where)
    hashes: dict[str, str] = dict(meta.get("graphs", {}))  # type: ignore[call-overload]
    sources = _sources_fingerprint()
    present = all(
        store.contains_named_graph(ox.NamedNode(name)) or hashes.get(name) == _EMPTY
        for name in (str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH))
    )
    if meta.get("sources") == sources and meta.get("format") == _FORMAT and present:
        return []
    refreshed: list[URIRef] = []
    for name, graph in managed_graphs().items():
        quads = rdflib_quads(graph, name)
        digest = _content_hash(quads)
        stored = store.contains_named_graph(ox.NamedNode(str(name)))
        if hashes.get(str(name)) == digest and (stored or not quads):
            continue
        replace_graphs(store, {name: quads})
        hashes[str(name)] = digest
        refreshed.append(name)
    tmp = meta_path.with_suffix(".tmp")
    doc = {"format": _FORMAT, "sources": sources, "graphs": hashes}
    tmp.write_text(json.dumps(doc, indent=1, sort_keys=True))
    os.replace(tmp, meta_path)
    return refreshed
