"""Time, memory and fairness limits: a pool of killable worker processes.

pyoxigraph cannot cancel a running query, and a thread cannot be stopped, so every
query runs in a **worker process**. The HTTP thread sends the job down a pipe and waits
at most the time limit; if no answer comes, it kills the worker (SIGKILL), starts a
fresh one in its place and answers 503. Each worker runs under an address-space cap
(``RLIMIT_AS``, :attr:`Limits.worker_memory`): a query that needs more fails its
allocation, the worker dies, is replaced, and the request gets 503. Other requests run
in the other workers, so a runaway query costs one worker for at most ``timeout``
seconds and nothing else.

The pool starts serving once its workers have loaded their libraries (each says
``READY``), so a request's time limit is never spent starting one; a replacement
started after a kill is waited for by its next job, within that job's limit.

Requests that find no worker for them wait in a **bounded queue**; when
:attr:`Limits.queue_size` requests already wait, the next one is answered at once with
503 and ``Retry-After``. Waiting counts towards the time limit. One **client** (one
remote address) runs at most :attr:`Limits.per_client` jobs at once (default: all
workers but one), so a single client cannot take every worker; its further requests
wait in the queue like anybody else's.

Updates (``--allow-update``) go to a separate single writer process, so they are
serialized; killing it mid-update aborts the update's transaction (RocksDB is crash-safe
and pyoxigraph's updates are atomic).

>>> lane = _Lane([], per_client=1, queue_size=0)
>>> lane.acquire("10.0.0.1", deadline=0.0).status
503
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from kg.server.execute import Job, Reply
from kg.server.worker import READY, worker_main

__all__ = ["Limits", "WorkerPool"]

# "spawn": the server process has threads, and forking a threaded process is unsafe.
_CONTEXT = multiprocessing.get_context("spawn")
_MB = 1024 * 1024
# Seconds to wait at start for the workers to be ready; a slower one is waited for by
# its first job instead.
_STARTUP = 60.0


@dataclass(frozen=True)
class Limits:
    """Per-request and per-connection limits of the endpoint.

    >>> Limits().timeout, Limits().max_results, Limits().worker_memory // 2**20
    (30.0, 100000, 2048)
    """

    timeout: float = 30.0  # seconds, from receipt of the request to the answer
    max_results: int = 100_000  # rows (SELECT) or triples (CONSTRUCT/DESCRIBE)
    max_body: int = 10 * _MB  # bytes of a POST body
    worker_memory: int = 2048 * _MB  # bytes of address space per worker process (0: none)
    queue_size: int = 32  # requests waiting for a worker before 503 at once
    per_client: int = 0  # jobs one client runs at once (0: all workers but one)
    client_timeout: float = 20.0  # seconds to receive one request (line, headers, body)
    max_connections: int = 100  # open connections; more are answered 503 and closed


class _Worker:
    def __init__(self, store_path: Path, writer: bool, memory: int) -> None:
        parent, child = _CONTEXT.Pipe()
        self.conn: Connection = parent
        self.writer = writer
        self.process: BaseProcess = _CONTEXT.Process(
            target=worker_main, args=(child, str(store_path), writer, memory), daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False  # until the worker's READY has been read

    def await_ready(self, timeout: float) -> bool:
        """Read the worker's READY if it comes within ``timeout`` s; whether it is ready."""
        try:
            if not self.ready and self.conn.poll(max(0.0, timeout)):
                self.ready = self.conn.recv() == READY
        except (EOFError, OSError):  # it died starting: its first job finds out and says so
            pass
        return self.ready

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


def _busy(message: str, retry_after: int = 1) -> Reply:
    reply = Reply.error(503, message)
    return Reply(reply.status, reply.media_type, reply.body, (("Retry-After", str(retry_after)),))


class _Lane:
    """Idle workers of one kind, the clients running on them, and the requests waiting."""

    def __init__(self, workers: list[_Worker], *, per_client: int, queue_size: int) -> None:
        self.idle = workers
        self.per_client = per_client
        self.queue_size = queue_size
        self.waiting = 0
        self.running: Counter[str] = Counter()
        self.cond = threading.Condition()

    def _can_start(self, client: str) -> bool:
        return bool(self.idle) and self.running[client] < self.per_client

    def acquire(self, client: str, *, deadline: float) -> _Worker | Reply:
        """A worker for ``client``, or the 503 reply if none comes in time or the queue is full."""
        with self.cond:
            if not self._can_start(client):
                if self.waiting >= self.queue_size:
                    return _busy(
                        f"the server is busy ({self.waiting} requests already wait for a "
                        f"worker); try again shortly"
                    )
                self.waiting += 1
                try:
                    while not self._can_start(client):
                        remaining = deadline - time.monotonic()
                        if remaining <= 0:
                            return _busy(
                                "no worker became free for this request within the time "
                                "limit; try again shortly"
                            )
                        self.cond.wait(remaining)
                finally:
                    self.waiting -= 1
            self.running[client] += 1
            return self.idle.pop()

    def release(self, client: str, worker: _Worker) -> None:
        """Give ``worker`` (or its replacement) back and wake the waiting requests."""
        with self.cond:
            self.idle.append(worker)
            self.running[client] -= 1
            if not self.running[client]:
                del self.running[client]
            self.cond.notify_all()

    def drain(self) -> list[_Worker]:
        with self.cond:
            workers, self.idle = self.idle, []
            return workers


class WorkerPool:
    """``size`` reader processes (plus one writer if ``writer``) that run jobs with a deadline."""

    def __init__(
        self,
        store_path: Path,
        *,
        size: int = 2,
        writer: bool = False,
        limits: Limits | None = None,
    ) -> None:
        self.store_path = store_path
        self.limits = limits or Limits()
        size = max(1, size)
        per_client = self.limits.per_client or max(1, size - 1)
        memory = self.limits.worker_memory
        self._readers = _Lane(
            [_Worker(store_path, False, memory) for _ in range(size)],
            per_client=per_client,
            queue_size=self.limits.queue_size,
        )
        self._writers = _Lane(
            [_Worker(store_path, True, memory)] if writer else [],
            per_client=1,
            queue_size=self.limits.queue_size,
        )
        self._all_writer = writer
        # Serve only once the workers have loaded their libraries (a second or two, in
        # parallel), so that no request's time limit is spent on starting them.
        deadline = time.monotonic() + _STARTUP
        for lane in (self._readers, self._writers):
            for worker in lane.idle:
                worker.await_ready(deadline - time.monotonic())

    def run(self, job: Job, *, timeout: float, client: str = "") -> Reply:
        """Run ``job`` in a worker; 503 if it takes longer than ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        is_update = job.kind == "update"
        if is_update and not self._all_writer:
            return Reply.error(403, "SPARQL Update is not allowed (start with --allow-update)")
        lane = self._writers if is_update else self._readers
        acquired = lane.acquire(client, deadline=deadline)
        if isinstance(acquired, Reply):
            return acquired
        worker = acquired
        try:
            worker.conn.send(job)
            worker.await_ready(deadline - time.monotonic())  # a replacement may be starting
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                reply: Reply = worker.conn.recv()
            else:
                worker = self._replace(worker)
                what = "update" if is_update else "query"
                reply = _busy(
                    f"the {what} exceeded the time limit of {timeout:g} s and was stopped"
                )
        except (EOFError, OSError):
            worker.process.join(2)  # so that its exit code tells why it died
            reply = self._died(worker)
            worker = self._replace(worker)
        finally:
            lane.release(client, worker)
        return reply

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        return _Worker(self.store_path, worker.writer, self.limits.worker_memory)

    def _died(self, worker: _Worker) -> Reply:
        code = worker.process.exitcode
        if code in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGKILL) and (
            self.limits.worker_memory
        ):
            return _busy(
                f"the request needed more than the memory limit of "
                f"{self.limits.worker_memory // _MB} MB per worker and was stopped"
            )
        return Reply.error(500, f"the worker process died while running the request ({code})")

    def close(self) -> None:
        """Kill every worker (idle ones; busy ones are killed by their daemon flag on exit)."""
        for lane in (self._readers, self._writers):
            for worker in lane.drain():
                worker.kill()
