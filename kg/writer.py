"""The store's write path for many graphs: whole named graphs, batched, each batch atomic.

:class:`GraphWriter` takes *units* (one article's graph, or every graph of one file) and
writes each unit whole or not at all, also when the process is killed half-way:

- A unit of graphs the store does not hold yet joins a pending batch. A large batch is
  written with pyoxigraph's bulk loader (``Store.bulk_extend``), which sorts the quads into
  one file per index and adds all of them to RocksDB in ONE ``IngestExternalFiles`` call;
  RocksDB applies such an ingestion atomically across column families. The loader only
  splits its input at 1,000,000 quads, so batches are kept well below that
  (:data:`MAX_BATCH_QUADS`). This is the fast path: about the speed of a bare ``bulk_load``
  (``bench/bench_store.py``). A small batch is written in one transaction
  (``Store.extend``): each bulk ingestion costs tens of milliseconds and leaves files for
  RocksDB to merge, so below :data:`BULK_MIN_QUADS` a transaction is faster.
- A unit that replaces a graph already in the store, or that is larger than a batch, is
  written at once in its own transaction (:func:`kg.store.replace_graphs`), after the
  pending batch, so units are applied in the order they were given.

Either way a batch is all or nothing: a kill loses at most the batch in flight, never
part of a unit. A batch is written when it reaches ``max_quads`` quads or is
``max_seconds`` old (so a long run commits as it goes), on :meth:`GraphWriter.flush` and
when the ``with`` block ends. ``on_commit`` is called with the graph names of every batch
or transaction written, in order: the point from which those graphs are durable.

Blank nodes are made local to their unit (two files that both say ``_:b0`` do not share
a node), with labels derived from the unit's graph names, so output stays deterministic.

Derived data (the same-event links computed from the articles) is written after the
articles, in a transaction of its own, so a kill can land in between. With ``journal``
(:data:`PENDING_GRAPH`) the writer records each graph it writes as *pending* in that
journal graph, in the SAME atomic write as the graph; whoever derives data from the graph
removes the entry when the derived data is written (:func:`clear_journal`), and a later
run finds what an interrupted one left undone (:func:`journal_entries`) and redoes it.

>>> store = ox.Store()  # in memory here; on disk in the store directory in use
>>> g = ox.NamedNode("https://example.org/g")
>>> a, p = ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p")
>>> done = []
>>> with GraphWriter(store, on_commit=done.extend) as writer:
...     writer.put({g: [ox.Quad(a, p, ox.Literal("x"), g)]})
...     g in writer, len(store)
(True, 0)
>>> done, len(store)
(['https://example.org/g'], 1)
>>> with GraphWriter(store, journal=PENDING_GRAPH) as writer:
...     writer.put({g: [ox.Quad(a, p, ox.Literal("y"), g)]})
>>> journal_entries(store, PENDING_GRAPH)
['https://example.org/g']
>>> clear_journal(store, PENDING_GRAPH, [g.value]); journal_entries(store, PENDING_GRAPH)
[]
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any, Self

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from kg.namespaces import ID
from kg.store import replace_graphs

__all__ = [
    "BULK_MIN_QUADS",
    "DEFAULT_BATCH_QUADS",
    "DEFAULT_BATCH_SECONDS",
    "JOURNAL_PENDING",
    "MAX_BATCH_QUADS",
    "PENDING_GRAPH",
    "GraphWriter",
    "clear_journal",
    "journal_entries",
    "journal_unit",
]

#: Default number of quads after which a pending batch is written.
DEFAULT_BATCH_QUADS = 200_000
#: Largest batch: pyoxigraph's bulk loader splits its input (and so its atomicity) at
#: 1,000,000 quads; half of that leaves room for its de-duplication and blank nodes.
MAX_BATCH_QUADS = 500_000
#: Default age in seconds after which a pending batch is written.
DEFAULT_BATCH_SECONDS = 2.0
#: Smallest batch written by the bulk loader; smaller ones are one transaction. Measured
#: (pyoxigraph 0.5, 400k quads): batches of ~1,000 quads took 18.6 s by bulk ingestion
#: and 8.7 s by transactions; batches of ~40,000 quads 1.4 s against 3.5 s.
BULK_MIN_QUADS = 20_000
#: The journal of graphs whose derived data (same-event links) is not written yet: one
#: entry ``<graph> JOURNAL_PENDING true`` each, empty (and absent) once all is derived.
PENDING_GRAPH = ox.NamedNode(str(ID["graph/pending"]))
#: The predicate of a journal entry.
JOURNAL_PENDING = ox.NamedNode(str(ID["graph/pending#pending"]))
_TRUE = ox.Literal(True)


def _name(name: Node | ox.NamedNode | str) -> ox.NamedNode:
    if isinstance(name, ox.NamedNode):
        return name
    return ox.NamedNode(str(name))


class GraphWriter:
    """Write whole named graphs to ``store``: new graphs in atomic batches, replacements
    in their own transaction. See the module documentation.

    ``max_quads`` (at most :data:`MAX_BATCH_QUADS`) and ``max_seconds`` bound a pending
    batch; ``on_commit`` receives the graph names (IRIs as strings) of each write.
    ``journal``: a graph (:data:`PENDING_GRAPH`) in which every graph written is entered
    as pending, atomically with it; the caller clears the entries (:func:`clear_journal`).
    """

    def __init__(
        self,
        store: ox.Store,
        *,
        max_quads: int = DEFAULT_BATCH_QUADS,
        max_seconds: float = DEFAULT_BATCH_SECONDS,
        on_commit: Callable[[list[str]], object] | None = None,
        journal: ox.NamedNode | None = None,
    ) -> None:
        if not 0 < max_quads <= MAX_BATCH_QUADS:
            raise ValueError(f"max_quads must be between 1 and {MAX_BATCH_QUADS}")
        self._store = store
        self._max_quads = max_quads
        self._max_seconds = max_seconds
        self._on_commit = on_commit
        self._journal = journal
        self._pending: dict[str, list[ox.Quad]] = {}
        self._size = 0
        self._since: float | None = None
        #: Number of batches written by the bulk loader (each leaves files to merge).
        self.bulk_batches = 0

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        # Units already handed over are whole: write them also when the caller stopped on
        # an error of its own (a bad article, Ctrl-C), so nothing extracted is lost.
        self.flush()

    def __contains__(self, name: object) -> bool:
        """Whether a graph of this name waits in the pending batch."""
        return str(getattr(name, "value", name)) in self._pending

    @property
    def pending(self) -> int:
        """Number of quads waiting in the pending batch."""
        return self._size

    def put(self, graphs: Mapping[Node | ox.NamedNode | str, Sequence[ox.Quad]]) -> None:
        """Add one unit: every graph of ``graphs`` replaces the store's graph of that name,
        all of them together or none. The quads' own graph names are ignored."""
        if not graphs:
            return
        names = [_name(n) for n in graphs]
        local = _with_local_blank_nodes(names, graphs.values())
        total = sum(len(q) for q in local.values())
        fresh = (
            total <= self._max_quads
            and all(n.value not in self._pending for n in names)
            and not any(self._store.contains_named_graph(n) for n in names)
        )
        if not fresh:
            self.flush()
            unit: dict[Node, Sequence[ox.Quad]] = {URIRef(n): q for n, q in local.items()}
            if self._journal is not None:  # replaced with the unit, in its transaction
                unit.update(journal_unit(self._store, self._journal, list(local)))
            replace_graphs(self._store, unit)
            self._committed([n.value for n in names])
            return
        if self._size + total > self._max_quads:
            self.flush()
        for n, quads in zip(names, local.values(), strict=True):
            self._pending[n.value] = quads
        self._size += total
        if self._since is None:
            self._since = time.monotonic()
        if self._size >= self._max_quads or time.monotonic() - self._since >= self._max_seconds:
            self.flush()

    def flush(self) -> list[str]:
        """Write the pending batch now; return the names of the graphs written."""
        if not self._pending:
            return []
        pending, size = self._pending, self._size
        self._pending, self._size, self._since = {}, 0, None
        groups = list(pending.values())
        if self._journal is not None:  # the entries go in the batch's atomic write
            groups.append([_entry(ox.NamedNode(n), self._journal) for n in pending])
        if size >= BULK_MIN_QUADS:
            self._store.bulk_extend(_chain(groups))
            self.bulk_batches += 1
        else:
            self._store.extend(_chain(groups))
        for name, quads in pending.items():
            if not quads:  # an empty graph is still a graph, as a replacement would record it
                self._store.add_graph(ox.NamedNode(name))
        names = list(pending)
        self._committed(names)
        return names

    def _committed(self, names: list[str]) -> None:
        if self._on_commit is not None:
            self._on_commit(names)


def _entry(name: ox.NamedNode, journal: ox.NamedNode) -> ox.Quad:
    return ox.Quad(name, JOURNAL_PENDING, _TRUE, journal)


def journal_entries(store: ox.Store, journal: ox.NamedNode = PENDING_GRAPH) -> list[str]:
    """The graphs entered as pending in ``journal``, sorted.

    >>> journal_entries(ox.Store())
    []
    """
    return sorted(
        q.subject.value
        for q in store.quads_for_pattern(None, JOURNAL_PENDING, None, journal)
        if isinstance(q.subject, ox.NamedNode)
    )


def journal_unit(
    store: ox.Store, journal: ox.NamedNode, names: Iterable[str]
) -> dict[Node, list[ox.Quad]]:
    """The journal graph with ``names`` entered, as a graph for
    :func:`kg.store.replace_graphs` to replace in the same transaction as the graphs.

    >>> unit = journal_unit(ox.Store(), PENDING_GRAPH, ["http://x/a"])
    >>> [(str(g).rsplit("/", 1)[-1], len(quads)) for g, quads in unit.items()]
    [('pending', 1)]
    """
    quads = list(store.quads_for_pattern(None, None, None, journal))
    quads += [_entry(ox.NamedNode(n), journal) for n in names]
    return {URIRef(journal.value): list(dict.fromkeys(quads))}


def clear_journal(
    store: ox.Store, journal: ox.NamedNode = PENDING_GRAPH, names: Iterable[str] = ()
) -> None:
    """Remove the entries of ``names`` (one transaction); drop the journal once empty.

    Call it after the derived data of these graphs is written: a kill before leaves the
    entries, and the next run derives the data again (which must therefore be
    idempotent, as linking is).
    """
    wanted = set(names)
    entries = [
        q
        for q in store.quads_for_pattern(None, JOURNAL_PENDING, None, journal)
        if getattr(q.subject, "value", None) in wanted
    ]
    if entries:
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in entries)
        store.update(f"DELETE DATA {{ GRAPH {journal} {{\n{body}\n}} }}")
    if store.contains_named_graph(journal) and not any(
        True for _ in store.quads_for_pattern(None, None, None, journal)
    ):
        store.remove_graph(journal)


def _with_local_blank_nodes(
    names: list[ox.NamedNode], groups: Iterable[Sequence[ox.Quad]]
) -> dict[str, list[ox.Quad]]:
    """The unit's quads, each in its graph, with blank nodes local to the unit.

    Parsers keep blank node labels as written (``_:b0``), and the store keeps the labels
    it is given, so two files that both say ``_:b0`` would share one node. Each label is
    replaced by a digest of the unit's graph names and the label: distinct across units,
    the same when the same unit is written again (deterministic output).
    """
    scope = "\0".join(sorted(n.value for n in names))
    fresh: dict[str, ox.BlankNode] = {}

    def local(term: Any) -> Any:
        if not isinstance(term, ox.BlankNode):
            return term
        node = fresh.get(term.value)
        if node is None:
            digest = hashlib.sha256(f"{scope}\0{term.value}".encode()).hexdigest()[:32]
            node = fresh[term.value] = ox.BlankNode(digest)
        return node

    return {
        n.value: [ox.Quad(local(q.subject), q.predicate, local(q.object), n) for q in quads]
        for n, quads in zip(names, groups, strict=True)
    }


def _chain(groups: Iterable[list[ox.Quad]]) -> Iterable[ox.Quad]:
    for quads in groups:
        yield from quads
