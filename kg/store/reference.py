"""The reference graph: known entities, their labels, Wikidata links and coordinates.

The store's reference graph (:data:`~kg.namespaces.REFERENCE_GRAPH`) is what the
extraction knows about entities independently of any article: every entity of the
dictionaries with its labels, types and ``owl:sameAs`` (built by
:func:`kg.extract.reference_graph`, with the labels of the role concepts), plus the
coordinates of places (:func:`kg.gazetteer.coordinates_graph`). :mod:`kg.store.managed`
keeps it current; :func:`reference_sources` names the files it is built from, so that an
unchanged installation skips rebuilding it.

>>> sources = reference_sources()
>>> sources[-1].parent == EXTRACTION_DIR, any(p.suffix == ".tsv" for p in sources)
(True, True)
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.gazetteer import coordinates_graph
from kg.resources import data_dir

__all__ = ["EXTRACTION_DIR", "reference_graph", "reference_sources"]

#: The extraction package's directory. The reference graph is built by its code, so a
#: changed extractor must rebuild it; the code is located, not imported, because whether
#: a store is current is checked on every open, also by read-only commands, and importing
#: the extraction pipeline costs 0.1-0.2 s (tests/test_store_modules.py checks that this
#: is the package's directory).
EXTRACTION_DIR = Path(__file__).resolve().parent.parent / "extract"


def reference_graph() -> Graph:
    """The reference graph as extraction builds it, with the places' coordinates."""
    from kg.extract import reference_graph as extracted  # the pipeline: imported when needed

    return extracted() + coordinates_graph()  # geo:lat/long (issue 12)


def reference_sources() -> list[Path]:
    """The files the reference graph is built from, in a fixed order: the dictionaries and
    patterns (``kg/data``: ``.tsv``, ``.yaml``, ``.ttl``), then the extraction code."""
    paths = sorted(p for p in data_dir().rglob("*") if p.suffix in {".tsv", ".yaml", ".ttl"})
    return paths + sorted(EXTRACTION_DIR.glob("*.py"))
