"""Derived data after a kill (issue 11, item 6): same-event links are written after the
articles they come from, so ``kill -9`` can land between the two. Each article is entered
in a journal (``kg.writer.PENDING_GRAPH``) atomically with it and cleared once linked; the
next ``ckg ingest`` (even of the same, now "unchanged", input) or ``ckg import`` links
what the journal names, and the links graph ends as a run without the kill leaves it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from store_fixtures import CORPUS, REPO

from kg.articles import Article, read_articles
from kg.cli import main
from kg.ingest import ingest_articles
from kg.linking import link_pending_events, relink
from kg.linking.importers import import_files
from kg.namespaces import LINKS_GRAPH
from kg.store import open_store
from kg.writer import JOURNAL_PENDING, PENDING_GRAPH, GraphWriter, journal_entries

LINKS = ox.NamedNode(str(LINKS_GRAPH))
EX = "https://example.org/"

#: The ingest to kill. A slow linker (a pause before each batch's linking, announced on
#: stdout) gives the kill room between a committed batch and its links.
KILLED_INGEST = textwrap.dedent(
    """
    import sys, time
    import kg.linking
    from kg.articles import read_articles
    from kg.ingest import ingest_articles
    from kg.store import open_store

    real = kg.linking.link_articles_events

    def slow_link(store, names, **options):
        print("linking", flush=True)
        time.sleep(0.3)
        return real(store, names, **options)

    kg.linking.link_articles_events = slow_link

    class Say:
        def advance(self, label=""):
            print("done " + label, flush=True)
        def close(self):
            pass

    ingest_articles(
        open_store(sys.argv[1]), read_articles([sys.argv[2]]), progress=Say(),
        max_batch_seconds=0.5,
    )
    print("finished", flush=True)
    """
)


def _links(store: ox.Store) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, LINKS)}


def _copies(path: Path, copies: int = 2) -> Path:
    """Every dev-corpus article ``copies`` times, copies side by side (one batch holds
    reports of the same events, which link to each other)."""
    articles = [a for a in read_articles(sorted(CORPUS.glob("*.txt"))) if isinstance(a, Article)]
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            for c in range(copies):
                rec = {"id": f"c{c}-{a.identifier}", "date": a.date, "title": a.title}
                f.write(json.dumps({**rec, "text": a.text}, ensure_ascii=False) + "\n")
    return path


def _kill_ingest(store: Path, batch: Path, *, after: str, count: int, delay: float) -> None:
    """Run the ingest and SIGKILL it ``delay`` s after its ``count``-th ``after`` line."""
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_INGEST, str(store), str(batch)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdout is not None
    seen = 0
    try:
        while seen < count:
            line = proc.stdout.readline().strip()
            assert line and line != "finished", "ingest ended before it could be killed"
            seen += line.startswith(after)
        time.sleep(delay)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="dev corpus not present")


@needs_corpus
def test_kill_9_during_ingest_then_ingest_again_gives_the_links_of_a_clean_run(tmp_path, capsys):
    batch = _copies(tmp_path / "batch.jsonl")
    clean = open_store(tmp_path / "clean")
    report = ingest_articles(clean, read_articles([batch]))
    expected = _links(clean)
    assert report.links > 50 and len(expected) > 1000
    assert journal_entries(clean) == [] and not clean.contains_named_graph(PENDING_GRAPH)
    del clean

    # the first batch committed, its links not; later; anywhere in a batch's work
    moments = [("linking", 1, 0.0), ("linking", 3, 0.1), ("done", 12, 0.25)]
    repaired = 0
    for i, (after, count, delay) in enumerate(moments):
        path = tmp_path / f"killed-{i}"
        _kill_ingest(path, batch, after=after, count=count, delay=delay)
        assert main(["ingest", "--store", str(path), str(batch)]) == 0
        err = capsys.readouterr().err
        repaired += "an interrupted run had left unlinked" in err
        store = open_store(path)
        assert journal_entries(store) == [], (after, count)
        assert _links(store) == expected, (after, count, delay)
        del store
    assert repaired >= 2  # the two kills inside a batch's linking left work to redo

    # the journal is read before any article: a third run has nothing left to link
    assert main(["ingest", "--store", str(tmp_path / "killed-0"), str(batch)]) == 0
    assert "interrupted" not in capsys.readouterr().err


@needs_corpus
def test_kill_9_during_ingest_then_import_repairs_the_links(tmp_path):
    """``ckg import`` links what the journal names too, with its own file's events."""
    batch = _copies(tmp_path / "batch.jsonl")
    gdelt = REPO / "examples" / "imports" / "gdelt-karabakh.export.tsv"
    path = tmp_path / "killed"
    _kill_ingest(path, batch, after="linking", count=2, delay=0.0)
    store = open_store(path)
    pending = journal_entries(store)
    assert pending, "the kill landed outside a batch's linking"
    import_files(store, [gdelt], fmt="gdelt")
    assert journal_entries(store) == []
    linked = _links(store)
    relink(store)  # every link recomputed from scratch: nothing is missing or extra
    assert _links(store) == linked


def test_an_interrupted_relink_is_finished_by_the_next_linking_call(tmp_path):
    """``relink`` enters the links graph in the journal (with its threshold) while it
    clears and refills it: a kill in between leaves no links, and no way to know."""
    from kg.linking.events import _dec

    store = open_store(tmp_path / "s")
    store.add(ox.Quad(LINKS, JOURNAL_PENDING, _dec(0.7), PENDING_GRAPH))
    store.add(ox.Quad(ox.NamedNode(EX + "stale"), ox.NamedNode(EX + "p"), ox.Literal("x"), LINKS))
    assert link_pending_events(store) == {}
    assert _links(store) == set() and journal_entries(store) == []
    assert not store.contains_named_graph(PENDING_GRAPH)


def test_the_writer_enters_each_graph_in_the_journal_with_the_graph(tmp_path):
    """New graphs (batched) and replacements (own transaction) both carry their entry."""
    store = ox.Store(str(tmp_path / "s"))
    p = ox.NamedNode(EX + "p")
    a, b = ox.NamedNode(EX + "a"), ox.NamedNode(EX + "b")
    store.add(ox.Quad(a, p, ox.Literal("old"), a))
    seen: list[list[str]] = []

    def check(names: list[str]) -> None:  # called once a write is committed
        seen.append(journal_entries(store))

    with GraphWriter(store, journal=PENDING_GRAPH, on_commit=check) as writer:
        writer.put({b: [ox.Quad(a, p, ox.Literal("new"), b)]})
        writer.put({a: [ox.Quad(a, p, ox.Literal("v2"), a)]})  # a replacement
    assert seen == [[b.value], [a.value, b.value]]
    assert [q.object.value for q in store.quads_for_pattern(None, None, None, a)] == ["v2"]
    with GraphWriter(store) as writer:  # no journal: no entries
        writer.put({ox.NamedNode(EX + "c"): [ox.Quad(a, p, ox.Literal("c"), b)]})
    assert journal_entries(store) == [a.value, b.value]
