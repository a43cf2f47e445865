"""The store package: its names still importable from kg.store, and a changed extractor
still rebuilding the managed graphs (the reference graph is built by extraction code)."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pyoxigraph as ox

import kg.extract
import kg.store
from kg.namespaces import REFERENCE_GRAPH
from kg.store import META_FILE, open_store
from kg.store import reference as reference_module
from kg.store.managed import graphs_current

#: Every name kg.store offered before it became a package: callers import them from it.
PUBLIC = [
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


def test_every_public_name_is_importable_from_kg_store():
    assert sorted(kg.store.__all__) == PUBLIC
    for name in PUBLIC:
        value = getattr(kg.store, name)
        if callable(value):  # defined in one of the package's modules, re-exported
            assert value.__module__.startswith("kg.store."), name


def test_lock_and_summary_are_modules_of_the_package():
    assert importlib.import_module("kg.store.lock").StoreBusy
    assert importlib.import_module("kg.store.summary").summarize_store


def test_extraction_dir_is_the_extraction_packages():
    assert Path(kg.extract.__file__).resolve().parent == reference_module.EXTRACTION_DIR


def test_a_changed_extractor_makes_the_store_rebuild_its_managed_graphs(tmp_path, monkeypatch):
    """The extraction code is a source of the reference graph: editing it makes the store
    out of date (read-only commands then open it read-write once), and the next
    read-write open brings it up to date."""
    code = tmp_path / "extract"
    shutil.copytree(reference_module.EXTRACTION_DIR, code)
    monkeypatch.setattr(reference_module, "EXTRACTION_DIR", code)
    where = tmp_path / "store"
    first = open_store(where)
    del first  # created, and closed again
    assert graphs_current(where)
    recorded = (where / META_FILE).read_text()

    with (code / "pipeline.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert not graphs_current(where)

    store = open_store(where)
    assert graphs_current(where)
    assert (where / META_FILE).read_text() != recorded  # the new fingerprint is recorded
    assert store.contains_named_graph(ox.NamedNode(str(REFERENCE_GRAPH)))
