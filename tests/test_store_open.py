"""Opening the store: location, managed graphs, and the faults (locked, not writable,
not a store)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest
from store_fixtures import fixture_store

from kg.cli import main
from kg.errors import CkgError
from kg.namespaces import CKG, ONTOLOGY_GRAPH, RDFS, REFERENCE_GRAPH
from kg.store import META_FILE, default_store_path, open_store

HOLDER = textwrap.dedent(
    """
    import sys, time
    from kg.store import open_store
    store = open_store(sys.argv[1])
    print("ready", flush=True)
    time.sleep(60)
    """
)


def _count(store, graph) -> int:
    return len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))))


def test_default_path_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CKG_STORE", str(tmp_path / "mine"))
    assert default_store_path() == tmp_path / "mine"
    monkeypatch.delenv("CKG_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_store_path() == tmp_path / "xdg" / "conflict-kg" / "store"


def test_new_store_holds_ontology_and_reference_graphs(tmp_path):
    store = open_store(tmp_path / "a" / "b" / "store")
    event = ox.Quad(
        ox.NamedNode(str(CKG.CeasefireDemand)),
        ox.NamedNode(str(RDFS.subClassOf)),
        ox.NamedNode(str(CKG.Demand)),
        ox.NamedNode(str(ONTOLOGY_GRAPH)),
    )
    assert event in store
    assert _count(store, REFERENCE_GRAPH) > 100  # the actor dictionary's entities
    assert (tmp_path / "a" / "b" / "store" / META_FILE).is_file()


def test_managed_graphs_are_refreshed_when_changed(tmp_path):
    path = tmp_path / "store"
    store = open_store(path)
    before = _count(store, ONTOLOGY_GRAPH)
    store.update(f"DELETE WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{CKG.CeasefireDemand}> ?p ?o }} }}")
    store.remove_graph(ox.NamedNode(str(REFERENCE_GRAPH)))
    assert _count(store, ONTOLOGY_GRAPH) < before
    del store
    # Sources unchanged but a graph is missing: rebuilt.
    store = open_store(path)
    assert _count(store, REFERENCE_GRAPH) > 100
    del store
    # Sources changed (as after an upgrade): the ontology is rebuilt and rewritten.
    meta = json.loads((path / META_FILE).read_text())
    meta["sources"] = "older"
    meta["graphs"][str(ONTOLOGY_GRAPH)] = "older"
    (path / META_FILE).write_text(json.dumps(meta))
    store = open_store(path)
    assert _count(store, ONTOLOGY_GRAPH) == before


def test_locked_store_is_a_clear_error_and_stays_intact(tmp_path, capsys):
    path = tmp_path / "store"
    store = fixture_store(path)
    articles = len(list(store.named_graphs()))
    del store
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(CkgError, match=r"is in use by another process.*use --store"):
            open_store(path)
        assert main(["remove", "--store", str(path), "2020-10-moskau-verhandlungen"]) == 1
        err = capsys.readouterr().err
        assert f"ckg remove: error: store {path} is in use by another process" in err
        # a reader beside a live writer is refused at once with the writer's pid (reading
        # beside a writer is undefined in pyoxigraph: it must not answer wrongly)
        assert main(["articles", "--store", str(path), "--format", "tsv"]) == 1
        err = capsys.readouterr().err
        assert "is being written by another process (pid" in err and "try again" in err
    finally:
        holder.kill()
        holder.wait()
    assert len(list(open_store(path, read_only=True).named_graphs())) == articles
    assert len(list(open_store(path).named_graphs())) == articles


def test_store_path_under_a_file_is_not_writable(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(CkgError, match=r"store .*file/store is not writable: .*Not a directory"):
        open_store(blocker / "store")
    with pytest.raises(CkgError, match="is not writable: it exists and is not a directory"):
        open_store(blocker)


def test_read_only_directory_is_not_writable(tmp_path):
    if os.geteuid() == 0:
        # root ignores permission bits; sysfs refuses new directories even to root
        with pytest.raises(
            CkgError, match=r"store /sys/ckg-store is not writable: .*not permitted"
        ):
            open_store("/sys/ckg-store")
        return
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        with pytest.raises(CkgError, match=r"not writable: .*Permission denied"):
            open_store(parent / "store")
    finally:
        parent.chmod(0o700)


def test_directory_with_other_files_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("my notes")
    with pytest.raises(CkgError, match="is not a store"):
        open_store(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_read_only_open_of_a_missing_store(tmp_path):
    with pytest.raises(CkgError, match="no store at"):
        open_store(tmp_path / "nothing", read_only=True)
