"""Extraction on every core: articles in, their graphs out, in input order.

:class:`ExtractionPool` is what ``ckg extract`` and ``ckg ingest`` extract through. With
``jobs=1`` it extracts in this process, as before. With ``jobs=N`` it extracts in up to N
worker processes, each of which loads the models (HanTa's tagger, the parser in
``kg/data/models/parser-de``, the dictionary) once, when it starts, and then takes one
article at a time. Results come back in input order whatever order the workers finish
in, and they are the same graphs (same triples) as one process makes, so what is written
from them is the same, byte for byte.

Why processes of our own (``multiprocessing`` with the *spawn* start method), not
``concurrent.futures.ProcessPoolExecutor`` or ``multiprocessing.Pool``:

- A worker that dies (killed, out of memory, a crash in native code) must be reported
  with the article it was extracting. ``ProcessPoolExecutor`` fails every pending task
  alike (``BrokenProcessPool``) without saying which one the dead worker held, and
  ``multiprocessing.Pool`` replaces the worker and waits forever for the lost task. Here
  each worker holds one article at a time, so the article of a dead worker is known.
- *spawn*, not *fork*: ``ckg ingest`` has the store open while it extracts (RocksDB's
  background threads, the flock of :mod:`kg.store.lock`); a forked child would inherit
  both, and forking a threaded process is unsafe. A spawned worker starts a fresh
  interpreter and inherits nothing but its pipe. (*forkserver* would do too, but exists
  on POSIX only; the start-up it saves is small beside loading the models.)
- Only an idle worker is sent an article, so a worker never blocks writing a result
  while the parent blocks writing it the next article.

At most ``4 * jobs`` articles are read ahead of the one being handed back, so memory
stays bounded however long the input. Bad input stays per article: an exception raised
while extracting one article is handed back with it (:meth:`Extracted.graph` raises it,
as a call in this process would), and the rest goes on. A dead worker stops the run with
:class:`WorkerCrashed`, which names the article; the other workers are ended, nothing
hangs. Ctrl-C reaches the parent only (workers ignore SIGINT), which ends the workers.

Spawned workers import the main module again (as Python's ``multiprocessing`` does on
every platform where fork is not used), so a script that uses ``jobs > 1`` needs the
usual ``if __name__ == "__main__":`` guard; the ``ckg`` command has it.

>>> from kg.articles import parse_article_text
>>> art = parse_article_text("date 2022-03-04 Test\\nKiew – Die Ukraine und Russland haben "
...     "sich in Istanbul auf eine Waffenruhe geeinigt.\\n", identifier="t.txt", origin="t.txt")
>>> with ExtractionPool(jobs=1) as pool:
...     (done,) = pool.extract([art])
>>> done.article.identifier, len(done.graph()) > 10
('t.txt', True)
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Sequence, Set
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from rdflib import Graph
from rdflib.term import IdentifiedNode, Node

from kg.articles import Article, Rejected
from kg.errors import CkgError

__all__ = ["Extracted", "ExtractionPool", "WorkerCrashed", "default_jobs"]

#: Articles read ahead per job: enough that the other workers go on while one works on a
#: long article (results are handed back in input order only), few enough that memory
#: stays bounded (each is a text and, once done, its graph).
_AHEAD_PER_JOB = 4
#: Seconds a worker is given to stop after being told to, before it is terminated.
_STOP_SECONDS = 5.0


def default_jobs() -> int:
    """The number of cores this process may use: ``--jobs``'s default.

    ``os.process_cpu_count()`` (Python 3.13+) honours the CPU affinity mask; before
    3.13 the mask is read where the platform has one, else ``os.cpu_count()``.

    >>> default_jobs() >= 1
    True
    """
    counter = getattr(os, "process_cpu_count", None)
    if counter is not None:
        count = counter()
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:
        count = os.cpu_count()
    return max(1, count or 1)


class WorkerCrashed(CkgError):
    """A worker process died while extracting an article (named in the message)."""


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker, attached as its ``__cause__``."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Extracted:
    """One article and the outcome of its extraction: :meth:`graph` returns its named
    graph, or raises what the extraction raised."""

    article: Article
    _graph: Graph | None = field(default=None, repr=False)
    _error: BaseException | None = field(default=None, repr=False)

    def graph(self) -> Graph:
        """The article's named graph; raises the extraction's exception if it failed."""
        if self._error is not None:
            raise self._error
        assert self._graph is not None
        return self._graph


class ExtractionPool:
    """Extract articles with ``jobs`` processes (1: in this process); see the module
    documentation. Use it as a context manager: leaving the block ends the workers.

    ``extra_dictionaries``: actor dictionaries (TSV) added to the shipped one, as
    ``ckg extract --dictionary`` gives them.
    """

    def __init__(self, *, jobs: int = 1, extra_dictionaries: Sequence[Path] = ()) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.jobs = jobs
        self._extra = tuple(Path(p) for p in extra_dictionaries)
        self._local: Any = None  # the in-process extractor (jobs=1), built when first used
        self._workers: list[_Worker] = []
        self._context = multiprocessing.get_context("spawn")

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """End the workers: idle ones are told to stop, busy ones are terminated."""
        workers, self._workers = self._workers, []
        for w in workers:
            if w.task is None and w.process.is_alive():
                try:
                    w.conn.send(None)
                except OSError:  # it died meanwhile; terminated below
                    w.process.terminate()
            else:
                w.process.terminate()
        for w in workers:
            w.process.join(_STOP_SECONDS)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()

    # --- the public calls ---------------------------------------------------------------

    def extract(self, items: Iterable[Article | Rejected]) -> Iterator[Extracted | Rejected]:
        """Each item in input order: a :class:`Rejected` as it came, an article as
        :class:`Extracted`. Raises :class:`WorkerCrashed` if a worker dies."""
        if self.jobs == 1:
            yield from self._extract_here(items)
        else:
            yield from self._extract_in_workers(items)

    def reference_graph(self, *, only: Set[Node] | None = None) -> Graph:
        """The reference graph of known entities (``only``: just those among these nodes),
        as :meth:`kg.extract.Extractor.reference_graph` gives it."""
        if self.jobs == 1:
            graph: Graph = self._extractor().reference_graph(only=only)
            return graph
        idle = self._idle_workers(1)
        if not idle:
            raise RuntimeError("reference_graph() called while articles are being extracted")
        worker = idle[0]
        worker.give(("reference", only), "the reference graph")
        wait([worker.conn, worker.process.sentinel])
        message = worker.receive()
        if message[0] != "ok":
            _raise(message)
        return _unpack(message[1])

    # --- in this process ----------------------------------------------------------------

    def _extractor(self) -> Any:
        if self._local is None:
            from kg.extract import Extractor, default_extractor

            # the shipped dictionary: the process-wide extractor, shared with the store's
            # reference graph, so that it is loaded once (as before --jobs)
            self._local = (
                Extractor(extra_dictionaries=self._extra) if self._extra else default_extractor()
            )
        return self._local

    def _extract_here(self, items: Iterable[Article | Rejected]) -> Iterator[Extracted | Rejected]:
        for item in items:
            if isinstance(item, Rejected):
                yield item
                continue
            extractor = self._extractor()  # a broken dictionary stops the run, as before
            try:
                graph = extractor.extract(item)
            except Exception as err:  # handed to the caller with its article, as a worker's
                yield Extracted(item, _error=err)
            else:
                yield Extracted(item, _graph=graph)

    # --- in worker processes ------------------------------------------------------------

    def _extract_in_workers(
        self, items: Iterable[Article | Rejected]
    ) -> Iterator[Extracted | Rejected]:
        source = iter(items)
        window = _AHEAD_PER_JOB * self.jobs
        ahead: deque[int] = deque()  # indices read and not yet handed back, in order
        held: dict[int, Article | Rejected] = {}
        done: dict[int, Extracted | Rejected] = {}
        waiting: deque[int] = deque()  # articles read, not yet given to a worker
        count = 0
        exhausted = False
        while True:
            while not exhausted and len(ahead) < window:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                ahead.append(count)
                held[count] = item
                if isinstance(item, Rejected):
                    done[count] = item
                else:
                    waiting.append(count)
                count += 1
            for worker in self._idle_workers(len(waiting)):
                index = waiting.popleft()
                article = held[index]
                assert isinstance(article, Article)
                worker.give(("extract", article), article.origin, index)
            if not ahead:
                return
            if ahead[0] in done:  # handed back only in input order
                index = ahead.popleft()
                del held[index]
                yield done.pop(index)
                continue
            for worker, message in self._next_messages():
                index = worker.index
                worker.task = None
                article = held[index]
                assert isinstance(article, Article)
                if message[0] == "ok":
                    done[index] = Extracted(article, _graph=_unpack(message[1]))
                elif message[0] == "error":
                    done[index] = Extracted(article, _error=_with_remote_trace(message))
                else:
                    _raise(message)

    def _idle_workers(self, wanted: int) -> list[_Worker]:
        """Up to ``wanted`` idle workers, starting new ones while fewer than ``jobs`` run.

        All are started before any is sent work: a worker reads its first article only
        once its models are loaded, and a long article fills the pipe, so sending blocks
        until then; the other workers are loading meanwhile, not waiting to be started.
        """
        idle = [w for w in self._workers if w.task is None][:wanted]
        while len(idle) < wanted and len(self._workers) < self.jobs:
            idle.append(self._start_worker())
        return idle

    def _start_worker(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_serve,
            args=(child, self._extra),
            name=f"ckg-extract-{len(self._workers) + 1}",
            daemon=True,  # never outlives the parent's normal exit
        )
        with _sigint_ignored():  # inherited: a Ctrl-C while it starts is not its to handle
            process.start()
        child.close()  # the worker's end: once it dies, reading our end gives EOF
        worker = _Worker(process, parent)
        self._workers.append(worker)
        return worker

    def _next_messages(self) -> list[tuple[_Worker, tuple[Any, ...]]]:
        """Wait until a busy worker answers (or dies); every answer ready."""
        busy = [w for w in self._workers if w.task is not None]
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
        return [(w, w.receive()) for w in busy if w.conn in ready or w.process.sentinel in ready]


@dataclass
class _Worker:
    """A worker process, its end of the pipe, and the article it holds (if any)."""

    process: BaseProcess
    conn: Connection
    task: str | None = None  # what it is extracting (for messages); None when idle
    index: int = -1

    def give(self, request: tuple[str, Any], label: str, index: int = -1) -> None:
        """Send it ``request`` (it must be idle); ``label`` names the work in messages."""
        self.task, self.index = label, index
        try:
            self.conn.send(request)
        except OSError:  # it died while idle (killed): say so, naming what it was given
            self.receive()

    def receive(self) -> tuple[Any, ...]:
        """Its answer, once its pipe or its process sentinel is ready;
        :class:`WorkerCrashed` (naming the article) if it died instead of answering."""
        try:
            if self.conn.poll():  # an answer sent just before dying still counts
                message: tuple[Any, ...] = self.conn.recv()
                return message
        except (EOFError, OSError):
            pass
        self.process.join(_STOP_SECONDS)
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                how = f"killed by {signal.Signals(-code).name}"
            except ValueError:
                how = f"killed by signal {-code}"
        else:
            how = f"exit code {code}"
        raise WorkerCrashed(
            f"{self.task}: the worker process extracting it (pid {self.process.pid}) died "
            f"({how}); the run stopped there"
        )


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored while a worker is started (a spawned process inherits that), so
    that Ctrl-C never interrupts a worker, not even before it has set up its handler."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


# --- inside a worker ---------------------------------------------------------------------


def _serve(conn: Connection, extra: tuple[Path, ...]) -> None:
    """A worker's life: load the models once, then extract what the parent sends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        from kg.extract import Extractor

        extractor = Extractor(extra_dictionaries=extra)
    except BaseException as err:
        conn.send(("fatal", _portable(err), traceback.format_exc()))
        return
    while True:
        try:
            request = conn.recv()
        except EOFError:  # the parent is gone
            return
        if request is None:
            return
        kind, payload = request
        try:
            if kind == "extract":
                graph = extractor.extract(payload)
            else:
                graph = extractor.reference_graph(only=payload)
            answer: tuple[Any, ...] = ("ok", _pack(graph))
        except Exception as err:
            answer = ("error", _portable(err), traceback.format_exc())
        try:
            conn.send(answer)
        except OSError:  # the parent is gone
            return


def _pack(graph: Graph) -> tuple[IdentifiedNode, list[tuple[Node, Node, Node]]]:
    # The triples, not the Graph: pickling rdflib's in-memory store (its indexes) and
    # reading it back costs about twice as much as rebuilding from the triples.
    return graph.identifier, list(graph)


def _unpack(packed: tuple[IdentifiedNode, list[tuple[Node, Node, Node]]]) -> Graph:
    identifier, triples = packed
    graph = Graph(identifier=identifier)
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return graph


def _portable(err: BaseException) -> BaseException:
    """``err`` if it survives pickling (type and message intact), else a stand-in."""
    try:
        pickle.loads(pickle.dumps(err))
    except Exception:
        return RuntimeError(f"{type(err).__name__}: {err}")
    return err


def _with_remote_trace(message: tuple[Any, ...]) -> BaseException:
    _kind, error, trace = message
    error.__cause__ = RemoteTraceback(f"\n'''\n{trace}'''")
    return error


def _raise(message: tuple[Any, ...]) -> None:
    raise _with_remote_trace(message)
