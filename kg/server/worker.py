"""What runs inside a worker process: the store handle and the job loop.

A reading worker opens the store **read-only** (``pyoxigraph.Store.read_only``) and
keeps that handle between jobs; each job runs under the store's **shared lock**
(:mod:`kg.store.lock`), so never while a conflict-kg writer (``ckg ingest``, ``load``,
``remove``, the update worker) has the store open: pyoxigraph calls reading beside a
live writer undefined, and it did fail (corruption errors, runaway memory). A job waits
for a writer at most ``$CKG_LOCK_TIMEOUT`` seconds (5) and is then answered 503 with
``Retry-After`` and "the store ... is being written by another process (pid N); try
again". A read-only RocksDB handle is a snapshot taken when it is opened, so under the
lock, before each job, the worker reopens it when a writer has taken the store since
(the lock's generation number) or the directory changed (the names, sizes and mtimes of
``CURRENT``, ``MANIFEST-*`` and the write-ahead ``*.log`` files, for writers that do not
take part in the lock): newly ingested articles are visible to the next query. Should a
read still fail with ``OSError``, the worker reopens once and retries.

The writing worker (only with ``ckg serve --allow-update``) takes the lock exclusively
and opens the store read-write for each update, closing it before the lock is released.

Every worker first caps its own address space (``RLIMIT_AS``) at the configured memory
limit, so a query that would grow without bound fails an allocation and ends the worker
(the pool replaces it and answers 503) instead of starving the machine.
"""

from __future__ import annotations

import os
import resource
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg.errors import CkgError
from kg.server.execute import Job, Reply, execute, execute_update
from kg.server.linked_data import resource_reply
from kg.store.lock import StoreBusy, generation, hold

__all__ = ["READY", "RETRY_AFTER", "StoreHandle", "cap_memory", "run_job", "worker_main"]

#: Seconds a client is asked to wait (``Retry-After``) when a writer holds the store.
RETRY_AFTER = 5
#: What a worker sends once, before its first answer: it is ready for jobs.
READY = "ready"


def _signature(path: Path) -> tuple[tuple[str, int, int], ...]:
    entries = []
    with os.scandir(path) as it:
        for entry in it:
            name = entry.name
            if name == "CURRENT" or name.startswith("MANIFEST-") or name.endswith(".log"):
                st = entry.stat()
                entries.append((name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(entries))


class StoreHandle:
    """A read-only store that reopens itself when the directory changed on disk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._store: ox.Store | None = None
        self._signature: tuple[tuple[str, int, int], ...] = ()
        self._generation = -1

    def get(self, *, force_reopen: bool = False) -> ox.Store:
        """The store as of now (reopened if something was committed since last time).

        Call it, and use the store, only while holding the store's shared lock."""
        signature = _signature(self.path)
        gen = generation(self.path)
        changed = signature != self._signature or gen != self._generation
        if self._store is None or force_reopen or changed:
            self._store = None  # drop the old handle before opening the new one
            self._store = ox.Store.read_only(str(self.path))
            self._signature = signature
            self._generation = gen
        return self._store


def _busy(err: StoreBusy) -> Reply:
    reply = Reply.error(503, str(err))
    return Reply(reply.status, reply.media_type, reply.body, (("Retry-After", str(RETRY_AFTER)),))


def _explorer(store: ox.Store, job: Job) -> Reply:
    from kg.query import load_saved_query, run_query
    from viz import explorer_page  # imported here: only explorer requests need NetworkX

    try:
        if job.text:
            try:
                saved = load_saved_query(job.text)
            except CkgError as err:  # no saved query of that name
                return Reply.error(404, str(err))
            result = run_query(store, saved, params=dict(job.params))
            if result.graph is None:
                return Reply.error(
                    400, f"saved query '{job.text}' is not a CONSTRUCT query; cannot explore it"
                )
            title = f"conflict-kg: {job.text}" + "".join(f" {k}={v}" for k, v in job.params)
            page = explorer_page(result.graph, view=job.view, title=title)
        else:
            page = explorer_page(store, view=job.view, title="conflict-kg")
    except CkgError as err:  # e.g. an unknown view
        return Reply.error(400, str(err))
    return Reply(200, "text/html; charset=utf-8", page.encode())


def run_job(handle: StoreHandle | Path, job: Job) -> Reply:
    """Run one job: queries, explorer and IRI pages on ``handle``, updates on ``Path``.

    Each runs under the store's lock (shared for reads, exclusive for updates); a store
    held by a writer past the wait is answered 503 with ``Retry-After``."""
    if isinstance(handle, Path):  # the writer: open read-write only for this update
        try:
            with hold(handle, exclusive=True):
                try:
                    store = ox.Store(str(handle))
                except OSError as err:
                    return Reply.error(
                        503, f"cannot open the store for writing (is it in use?): {err}"
                    )
                try:
                    return execute_update(store, job)
                finally:
                    del store  # closed before the lock is released
        except StoreBusy as err:
            return _busy(err)
    run = {"explorer": _explorer, "resource": resource_reply}.get(job.kind, execute)
    try:
        with hold(handle.path, exclusive=False):
            try:
                return run(handle.get(), job)
            except OSError:
                # A writer outside the lock protocol may have compacted files away under
                # this snapshot: reopen and retry once.
                try:
                    return run(handle.get(force_reopen=True), job)
                except OSError as err:
                    return Reply.error(500, f"cannot read the store: {err}")
    except StoreBusy as err:
        return _busy(err)


def cap_memory(limit: int) -> None:
    """Cap this process's address space at ``limit`` bytes (0 or less: leave it alone).

    The cap only ever lowers the hard limit an administrator set.
    """
    if limit <= 0:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def worker_main(conn: Connection, store_path: str, writer: bool, memory: int = 0) -> None:
    """Serve jobs from ``conn`` until the other end closes (the entry of a worker process).

    ``memory`` caps the worker's address space in bytes (see :func:`cap_memory`).
    """
    cap_memory(memory)
    path = Path(store_path)
    handle: StoreHandle | Path = path if writer else StoreHandle(path)
    conn.send(READY)  # the libraries are loaded: a job's time limit starts counting now
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = run_job(handle, job)
        except MemoryError:
            reply = Reply.error(503, "the request needed more than the worker's memory limit")
        except Exception as err:  # a bug must not kill the worker silently
            reply = Reply.error(500, f"internal error: {type(err).__name__}: {err}")
        conn.send(reply)
