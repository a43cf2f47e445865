"""The batched graph writer (kg.writer): whole graphs, in order, atomic under kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest

from kg.writer import BULK_MIN_QUADS, MAX_BATCH_QUADS, GraphWriter

EX = "https://example.org/"


def _graph(name: str, n: int, *, tag: str = "v1") -> tuple[ox.NamedNode, list[ox.Quad]]:
    g = ox.NamedNode(EX + name)
    p = ox.NamedNode(EX + "p")
    return g, [ox.Quad(ox.NamedNode(f"{EX}{name}/s{i}"), p, ox.Literal(tag), g) for i in range(n)]


def _values(store: ox.Store, g: ox.NamedNode) -> list[str]:
    return sorted(q.object.value for q in store.quads_for_pattern(None, None, None, g))


def test_new_graphs_wait_for_the_batch_and_commit_in_order(tmp_path):
    store = ox.Store(str(tmp_path / "s"))
    done: list[str] = []
    writer = GraphWriter(store, max_quads=100, max_seconds=3600, on_commit=done.extend)
    a, qa = _graph("a", 40)
    b, qb = _graph("b", 40)
    c, qc = _graph("c", 40)
    writer.put({a: qa})
    writer.put({b: qb})
    assert a in writer and b in writer and len(store) == 0 and writer.pending == 80
    writer.put({c: qc})  # 120 > 100: a and b are written first, c waits
    assert done == [a.value, b.value] and len(store) == 80 and c in writer
    assert writer.flush() == [c.value]
    assert done == [a.value, b.value, c.value] and len(store) == 120
    assert writer.flush() == []


def test_a_replacement_is_written_after_the_pending_batch(tmp_path):
    store = ox.Store(str(tmp_path / "s"))
    a, qa = _graph("a", 5)
    store.extend(qa)
    done: list[str] = []
    with GraphWriter(store, max_seconds=3600, on_commit=done.extend) as writer:
        b, qb = _graph("b", 3)
        writer.put({b: qb})
        _, qa2 = _graph("a", 2, tag="v2")
        writer.put({a: qa2})  # a is in the store: its own transaction, after b
        assert done == [b.value, a.value]
        # the same new graph twice: the second replaces the first, nothing is duplicated
        c, qc = _graph("c", 4)
        writer.put({c: qc})
        _, qc2 = _graph("c", 1, tag="v2")
        writer.put({c: qc2})
    assert _values(store, a) == ["v2", "v2"]
    assert _values(store, c) == ["v2"]
    assert len(store) == 3 + 2 + 1


def test_a_unit_is_never_split_and_big_units_use_a_transaction(tmp_path):
    store = ox.Store(str(tmp_path / "s"))
    done: list[str] = []
    with GraphWriter(store, max_quads=10, max_seconds=3600, on_commit=done.append) as writer:
        a, qa = _graph("a", 6)
        b, qb = _graph("b", 6)
        writer.put({a: qa, b: qb})  # 12 > 10: one transaction for both
        assert done == [[a.value, b.value]] and len(store) == 12
        e = ox.NamedNode(EX + "empty")
        writer.put({e: []})
    assert store.contains_named_graph(e)  # an empty graph is recorded as a graph


def test_small_batches_are_one_transaction_large_ones_bulk(tmp_path):
    store = ox.Store(str(tmp_path / "s"))
    with GraphWriter(store, max_seconds=3600) as writer:
        a, qa = _graph("a", 10)
        writer.put({a: qa})
        writer.flush()
        assert writer.bulk_batches == 0 and len(store) == 10
        b, qb = _graph("b", BULK_MIN_QUADS)
        writer.put({b: qb})
        writer.flush()
        assert writer.bulk_batches == 1 and len(store) == 10 + BULK_MIN_QUADS


def test_blank_nodes_of_two_graphs_stay_apart(tmp_path):
    store = ox.Store(str(tmp_path / "s"))
    p = ox.NamedNode(EX + "p")
    with GraphWriter(store) as writer:
        for name in ("a", "b"):
            g = ox.NamedNode(EX + name)
            parsed = ox.parse(f'_:x <{EX}p> "{name}" .', format=ox.RdfFormat.N_TRIPLES)
            writer.put({g: [ox.Quad(t.subject, t.predicate, t.object, g) for t in parsed]})
    subjects = {q.subject for q in store.quads_for_pattern(None, p, None)}
    assert len(subjects) == 2


def test_batch_bounds_are_checked(tmp_path):
    store = ox.Store(str(tmp_path / "s"))
    with pytest.raises(ValueError, match="max_quads"):
        GraphWriter(store, max_quads=MAX_BATCH_QUADS + 1)


WRITE_FOREVER = textwrap.dedent(
    """
    import sys
    import pyoxigraph as ox
    from kg.writer import GraphWriter

    store = ox.Store(sys.argv[1])
    p = ox.NamedNode("https://example.org/p")
    def say(names):
        print(names[-1], flush=True)
    with GraphWriter(store, max_quads=60_000, max_seconds=3600, on_commit=say) as writer:
        for i in range(10_000):
            g = ox.NamedNode(f"https://example.org/g{i}")
            writer.put({g: [ox.Quad(ox.NamedNode(f"https://example.org/g{i}/s{j}"), p,
                                    ox.Literal(str(j)), g) for j in range(997)]})
    """
)


def test_kill_9_during_bulk_batches_leaves_whole_graphs(tmp_path):
    """Kill the writer while it writes 60k-quad batches: every graph in the store has all
    of its 997 quads, and every graph reported committed is there."""
    path = tmp_path / "s"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITE_FOREVER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    last = [proc.stdout.readline().strip() for _ in range(3)][-1]
    assert last.startswith("https://example.org/g")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    store = ox.Store(str(path))
    counts: dict[str, int] = {}
    for q in store.quads_for_pattern(None, None, None, None):
        counts[q.graph_name.value] = counts.get(q.graph_name.value, 0) + 1  # type: ignore[union-attr]
    assert last in counts
    assert 3 * 60 <= len(counts) < 10_000
    assert set(counts.values()) == {997}
