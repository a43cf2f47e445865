"""Time and size limits: a pool of killable worker processes.

pyoxigraph cannot cancel a running query, and a thread cannot be stopped, so every
query runs in a **worker process**. The HTTP thread sends the job down a pipe and waits
at most the time limit; if no answer comes, it kills the worker (SIGKILL), starts a
fresh one in its place and answers 503. Other requests run in the other workers, so a
runaway query costs one worker for at most ``timeout`` seconds and nothing else.
Waiting for a free worker counts towards the same limit.

Updates (``--allow-update``) go to a separate single writer process, so they are
serialized; killing it mid-update aborts the update's transaction (RocksDB is crash-safe
and pyoxigraph's updates are atomic).
"""

from __future__ import annotations

import multiprocessing
import queue
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from kg.server.execute import Job, Reply
from kg.server.worker import worker_main

__all__ = ["Limits", "WorkerPool"]

# "spawn": the server process has threads, and forking a threaded process is unsafe.
_CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class Limits:
    """Per-request limits of the endpoint.

    >>> Limits().timeout, Limits().max_results
    (30.0, 100000)
    """

    timeout: float = 30.0  # seconds, from receipt of the request to the answer
    max_results: int = 100_000  # rows (SELECT) or triples (CONSTRUCT/DESCRIBE)
    max_body: int = 10 * 1024 * 1024  # bytes of a POST body


class _Worker:
    def __init__(self, store_path: Path, writer: bool) -> None:
        parent, child = _CONTEXT.Pipe()
        self.conn: Connection = parent
        self.process: BaseProcess = _CONTEXT.Process(
            target=worker_main, args=(child, str(store_path), writer), daemon=True
        )
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """``size`` reader processes (plus one writer if ``writer``) that run jobs with a deadline."""

    def __init__(self, store_path: Path, *, size: int = 2, writer: bool = False) -> None:
        self.store_path = store_path
        self._readers: queue.Queue[_Worker] = queue.Queue()
        self._writers: queue.Queue[_Worker] = queue.Queue()
        for _ in range(max(1, size)):
            self._readers.put(_Worker(store_path, writer=False))
        if writer:
            self._writers.put(_Worker(store_path, writer=True))
        self._all_writer = writer

    def run(self, job: Job, *, timeout: float) -> Reply:
        """Run ``job`` in a worker; 503 if it takes longer than ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        is_update = job.kind == "update"
        idle = self._writers if is_update else self._readers
        if is_update and not self._all_writer:
            return Reply.error(403, "SPARQL Update is not allowed (start with --allow-update)")
        try:
            worker = idle.get(timeout=timeout)
        except queue.Empty:
            return Reply.error(
                503, f"all workers stayed busy for the time limit of {timeout:g} s; try again"
            )
        try:
            worker.conn.send(job)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                reply: Reply = worker.conn.recv()
                idle.put(worker)
                return reply
        except (EOFError, OSError, BrokenPipeError):
            worker.kill()
            idle.put(_Worker(self.store_path, writer=is_update))
            return Reply.error(500, "the worker process died while running the request")
        worker.kill()
        idle.put(_Worker(self.store_path, writer=is_update))
        what = "update" if is_update else "query"
        return Reply.error(
            503, f"the {what} exceeded the time limit of {timeout:g} s and was stopped"
        )

    def close(self) -> None:
        """Kill every worker (idle ones; busy ones are killed by their daemon flag on exit)."""
        for q in (self._readers, self._writers):
            while True:
                try:
                    q.get_nowait().kill()
                except queue.Empty:
                    break
