"""Read-only commands (``query``, ``articles``, ``export``) work while others use the store.

A real ``ckg serve`` runs on a free loopback port and another process holds the store
open read-write (as ``ckg ingest`` or ``ckg serve --allow-update`` does while writing);
the read-only commands still answer, from the same data the server gives.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_fixtures import CKG, running_server
from store_fixtures import fixture_store

from kg.store import META_FILE, open_store, open_store_for_reading

DEMAND = "https://w3id.org/conflict-kg/id/event/2020-10-moskau-verhandlungen/2ccb76ac1114"
HOLD = (
    "import sys, pyoxigraph as ox\n"
    "s = ox.Store(sys.argv[1])\n"
    "print('holding', flush=True)\n"
    "sys.stdin.read()\n"
)


def _ckg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CKG, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ro") / "store"
    store = fixture_store(path)
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def server(store_dir) -> Iterator[str]:
    with running_server(store_dir) as base:
        yield base


@pytest.fixture
def writer(store_dir) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the store open read-write (its lock taken)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(store_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        yield proc
    finally:
        proc.communicate(timeout=10)


def test_writer_really_locks_the_store(store_dir, writer):
    result = _ckg("remove", "--store", str(store_dir), "nothing")
    assert result.returncode != 0
    assert "is in use by another process" in result.stderr


def test_query_articles_export_while_served_and_written(store_dir, server, writer):
    ours = _ckg("query", "ceasefire-demands", "--store", str(store_dir), "--format", "json")
    assert ours.returncode == 0, ours.stderr
    events = [row["event"] for row in json.loads(ours.stdout)["results"]["bindings"]]
    assert {e["value"] for e in events} == {DEMAND}
    text = (Path(__file__).resolve().parents[1] / "queries" / "ceasefire-demands.rq").read_text()
    url = f"{server}/sparql?" + urllib.parse.urlencode({"query": text})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        served = json.load(response)["results"]["bindings"]
    assert [row["event"]["value"] for row in served] == [e["value"] for e in events]

    listed = _ckg("articles", "--store", str(store_dir), "--format", "tsv")
    assert listed.returncode == 0, listed.stderr
    assert "2020-10-moskau-verhandlungen.txt" in listed.stdout

    exported = _ckg("export", "--store", str(store_dir), "--format", "nq")
    assert exported.returncode == 0, exported.stderr
    assert f"<{DEMAND}> " in exported.stdout


def test_reading_a_directory_that_is_not_a_store_is_a_clear_error(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = _ckg("query", "claims", "--store", str(tmp_path))
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == (
        f"ckg query: error: {tmp_path} is not a store (it holds other files); "
        "use an empty or new directory"
    )


def test_a_store_of_an_older_version_is_brought_up_to_date_when_not_locked(tmp_path):
    path = tmp_path / "store"
    open_store(path).flush()
    meta = json.loads((path / META_FILE).read_text())
    meta["format"] = 1
    (path / META_FILE).write_text(json.dumps(meta))
    store = open_store_for_reading(path)
    store.update("INSERT DATA { <urn:x> <urn:p> <urn:o> }")  # read-write: it was upgraded
    del store
    assert json.loads((path / META_FILE).read_text())["format"] != 1
    store = open_store_for_reading(path)  # current now: read-only
    with pytest.raises(RuntimeError, match="read-write"):
        store.update("INSERT DATA { <urn:y> <urn:p> <urn:o> }")
