"""Streaming imports: a file read a line at a time, its events committed in whole batches.

:class:`LineSource` reads a file lazily, one line (``\\n``-terminated) at a time, each
decoded alone: a line that is not UTF-8 or is longer than :data:`MAX_LINE_BYTES` is a
problem of that line, and the next is read. The importers turn lines into
:class:`~kg.linking.importers.common.SourceEvent` values and error messages, also lazily;
:func:`import_records` takes them and writes the events in batches of ``batch_rows``, each
batch one atomic write (``Store.bulk_extend`` or one transaction), before reading on. So
memory holds one batch at a time, whatever the size of the file, and a kill loses at most
the batch being read: what is stored is always a prefix of the file's events, batch by
batch. Re-importing a file replaces its graph: the old one is removed, a piece at a time,
just before the first batch is written (a file without a good record leaves it as it was).

A place keeps the first coordinates the file gives it (``geo:lat`` / ``geo:long``): a
place named by thousands of rows gets one pair, not thousands.

>>> import pyoxigraph as ox, tempfile
>>> from pathlib import Path
>>> path = Path(tempfile.mkdtemp()) / "f.tsv"
>>> _ = path.write_bytes(b"a\\r\\n\\xff\\nc")
>>> [(n, text, problem) for n, text, problem in LineSource(path)]
[(1, 'a', None), (2, None, 'not UTF-8 text (byte 0 of the line)'), (3, 'c', None)]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO, TextIO

import pyoxigraph as ox

from kg.errors import InputError
from kg.linking.importers.common import (
    ImportResult,
    Mappings,
    SourceEvent,
    batch_graph,
    event_quads,
)
from kg.linking.store_io import nn, replace_quads
from kg.namespaces import GEO
from kg.writer import JOURNAL_PENDING, PENDING_GRAPH

__all__ = [
    "BATCH_ROWS",
    "MAX_LINE_BYTES",
    "ImportProgress",
    "LineSource",
    "import_records",
    "progress_printer",
]

#: Records per batch: each batch is one atomic write. 5 000 GDELT rows make about 90 000
#: quads, a few MB in memory, and enough for pyoxigraph's bulk loader to pay off
#: (:data:`kg.writer.BULK_MIN_QUADS`) without nearing its limit (``MAX_BATCH_QUADS``).
BATCH_ROWS = 5_000
#: Longest line read (bytes). A GDELT row is under 2 KB; 61 cells of the longest cell an
#: importer accepts (``MAX_CELL_CHARS``) would be 2 MB. A longer line is a broken file (no
#: line ends), and is skipped in pieces rather than read whole.
MAX_LINE_BYTES = 8 * 1024 * 1024

_LAT, _LONG = nn(GEO.lat), nn(GEO.long)
_TRUE = ox.Literal(True)


class LineSource:
    """The lines of ``path``, read lazily: ``(number, text, None)`` or ``(number, None,
    problem)``. :attr:`bytes_read` of :attr:`size` tell how far reading has come."""

    def __init__(self, path: str | Path, *, max_bytes: int = MAX_LINE_BYTES) -> None:
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.bytes_read = 0
        try:
            self.size = self.path.stat().st_size
        except OSError as err:
            raise InputError(f"{self.path}: cannot read: {err.strerror or err}") from err

    def __iter__(self) -> Iterator[tuple[int, str | None, str | None]]:
        try:
            fh = self.path.open("rb")
        except OSError as err:
            raise InputError(f"{self.path}: cannot read: {err.strerror or err}") from err
        with fh:
            number = 0
            while raw := fh.readline(self.max_bytes + 1):
                number += 1
                self.bytes_read += len(raw)
                if len(raw) > self.max_bytes and not raw.endswith(b"\n"):
                    self._skip_rest(fh)
                    yield number, None, f"longer than {self.max_bytes:,} bytes; skipped"
                    continue
                raw = raw.removesuffix(b"\n").removesuffix(b"\r")
                if number == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as err:
                    yield number, None, f"not UTF-8 text (byte {err.start} of the line)"
                    continue
                yield number, text, None

    def _skip_rest(self, fh: BinaryIO) -> None:
        """Read on to the end of an over-long line, a bounded piece at a time."""
        while piece := fh.readline(self.max_bytes):
            self.bytes_read += len(piece)
            if piece.endswith(b"\n"):
                return


@dataclass(frozen=True)
class ImportProgress:
    """How far an import has come, reported after each batch is committed."""

    path: str
    events: int
    problems: int
    done_bytes: int
    total_bytes: int

    def __str__(self) -> str:
        share = f"{100 * self.done_bytes / self.total_bytes:3.0f}% " if self.total_bytes else ""
        return f"{self.path}: {share}{self.events:,} events, {self.problems:,} refused"


def progress_printer(stream: TextIO | None = None) -> Callable[[ImportProgress], None]:
    """A callback that rewrites one progress line on ``stream`` (stderr) if it is a
    terminal, and prints nothing otherwise (logs stay clean; the summary follows).

    >>> import io
    >>> show = progress_printer(io.StringIO())  # not a terminal: silent
    >>> show(ImportProgress("f.tsv", 5000, 2, 50, 100))
    """
    out = stream if stream is not None else sys.stderr
    enabled = bool(getattr(out, "isatty", lambda: False)())

    def show(progress: ImportProgress) -> None:
        if enabled:
            end = progress.done_bytes >= progress.total_bytes
            out.write("\r" + str(progress)[:100].ljust(100) + ("\r" + " " * 100 + "\r") * end)
            out.flush()

    return show


def import_records(
    store: ox.Store,
    records: Iterable[SourceEvent | str],
    *,
    fmt: str,
    path: Path,
    mappings: Mappings,
    batch_rows: int = BATCH_ROWS,
    journal: bool = False,
    on_error: Callable[[str], object] | None = None,
    on_progress: Callable[[ImportProgress], object] | None = None,
    source: LineSource | None = None,
) -> ImportResult:
    """Write the events of ``records`` (error messages among them are reported) into the
    file's graph, ``batch_rows`` events to a batch, each batch committed before the next
    record is read; see the module documentation.

    ``journal``: enter the graph in the journal of graphs whose links are pending
    (:data:`kg.writer.PENDING_GRAPH`) with each batch, for the linker to clear.
    ``on_error``: called with each message as it comes (else kept in the result's
    ``errors``); ``on_progress``: called after each batch; ``source``: the lines read, for
    the progress in bytes.
    """
    if batch_rows < 1:
        raise ValueError("batch_rows must be at least 1")
    result = ImportResult(str(path), batch_graph(fmt, path))
    graph = nn(result.graph)
    batch: list[SourceEvent] = []
    state = {"first": True}

    def report(*, done: bool = False) -> None:
        if on_progress is not None:
            total = source.size if source is not None else 0
            read = total if done else source.bytes_read if source is not None else 0
            on_progress(ImportProgress(str(path), result.events, result.refused, read, total))

    def commit() -> None:
        if state["first"]:
            _clear(store, graph)  # a re-import replaces the file's graph
        state["first"] = False
        quads = _batch_quads(store, batch, fmt=fmt, path=path, graph=graph, mappings=mappings)
        if journal:
            quads.append(ox.Quad(graph, JOURNAL_PENDING, _TRUE, PENDING_GRAPH))
        replace_quads(store, remove=[], add=quads)
        result.events += len(batch)
        batch.clear()
        report()

    for record in records:
        if isinstance(record, str):
            result.refused += 1
            if on_error is not None:
                on_error(record)
            else:
                result.errors.append(record)
            continue
        batch.append(record)
        if len(batch) >= batch_rows:
            commit()
    if batch:
        commit()
    report(done=True)
    return result


def _clear(store: ox.Store, graph: ox.NamedNode, *, piece: int = 50_000) -> None:
    """Remove the graph's quads a piece at a time: ``Store.remove_graph`` is one
    transaction, which holds every quad of the graph in memory (over 1 GB for the graph
    of 200 000 GDELT rows). The deletions are flushed after each piece; unflushed, they
    grew memory as much (RocksDB keeps them in memory tables until then)."""
    while chunk := list(islice(store.quads_for_pattern(None, None, None, graph), piece)):
        for quad in chunk:
            store.remove(quad)
        store.flush()


def _batch_quads(
    store: ox.Store,
    events: list[SourceEvent],
    *,
    fmt: str,
    path: Path,
    graph: ox.NamedNode,
    mappings: Mappings,
) -> list[ox.Quad]:
    """The quads of a batch (each once); a place's coordinates only where neither the
    store's graph nor an earlier event of the batch gave it some."""
    placed: set[ox.NamedNode | ox.BlankNode | ox.Triple] = set()
    quads: dict[ox.Quad, None] = {}
    for ev in events:
        mine = event_quads(ev, fmt=fmt, path=path, graph=graph.value, mappings=mappings)
        given = {q.subject for q in mine if q.predicate == _LAT}
        fresh = {
            place
            for place in given - placed
            if next(store.quads_for_pattern(place, _LAT, None, graph), None) is None
        }
        placed |= given
        for q in mine:
            if q.predicate in (_LAT, _LONG) and q.subject not in fresh:
                continue
            quads[q] = None
    return list(quads)
