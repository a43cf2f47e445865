"""Readers and writers of one store directory, kept apart by advisory file locks.

pyoxigraph (0.5) offers no way to read a RocksDB directory while another process writes
it: ``Store.read_only`` beside a live writer is "undefined behavior" (in practice corrupt
reads, runaway memory, aborts), and there is no secondary or snapshot-following handle.
So conflict-kg's own processes agree on a lock protocol (``fcntl.flock``, Linux and other
POSIX systems), with two files inside the store directory:

- ``conflict-kg.lock``: a **writer** (``ckg ingest``, ``load``, ``remove``, ``relink``,
  ``import``, ``link``, the update worker of ``ckg serve --allow-update``: everything
  that opens the store read-write through :func:`kg.store.open_store`) holds it
  exclusively for as long as its read-write handle is open (RocksDB may flush and
  compact in the background at any moment while it is), a **reader** (``ckg query``,
  ``articles``, ``export``, each query of a ``ckg serve`` worker) holds it shared for
  the duration of its read;
- ``conflict-kg.gate``: a turnstile, so that a stream of overlapping readers cannot
  starve a waiting writer: the writer holds it exclusively from the moment it starts
  waiting, readers pass it (shared) only to take the main lock. It also records the
  writer's process id and a generation number that grows with each writer, which tells
  a long-lived reader (a server worker) to reopen its read-only handle.

Readers wait at most :func:`read_timeout` seconds (``$CKG_LOCK_TIMEOUT``, default 5)
and then fail with :class:`StoreBusy` ("the store ... is being written by another
process (pid N); try again"): exit 1 on the command line, 503 with ``Retry-After`` at
the endpoint. Writers wait at most :func:`write_timeout` seconds
(``$CKG_WRITE_LOCK_TIMEOUT``, default 120) for readers to finish, but no longer than a
reader for another writer: then "store ... is in use by another process (pid N)".

Locks are counted per directory within a process: a process that writes may also read
(and a reader may become a writer: its shared lock is converted). Processes that open
the directory with pyoxigraph directly, not through :mod:`kg.store`, take no part.

:func:`kg.store.open_store` ties a lock to the handle it returns (pyoxigraph stores take
no weak references and no subclasses): a read-write handle's lock is released once
RocksDB's own lock on the directory's ``LOCK`` file is gone from ``/proc/locks``
(:func:`tie_writer`; the database is closed first, and dropping the handle closes it at
once, as before), a read-only handle's once nobody else references it (:func:`tie`).
A background thread looks every 10 ms while any is held.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     with hold(d, exclusive=True):
...         with hold(d, exclusive=False):  # the writing process may read
...             mode(d)
...     mode(d)
'exclusive'
"""

from __future__ import annotations

import atexit
import errno
import fcntl
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from kg.errors import CkgError

__all__ = [
    "GATE_FILE",
    "LOCK_FILE",
    "LOCK_TIMEOUT_ENV",
    "WRITE_LOCK_TIMEOUT_ENV",
    "StoreBusy",
    "acquire",
    "generation",
    "hold",
    "mode",
    "read_timeout",
    "release",
    "tie",
    "tie_writer",
    "write_timeout",
]

LOCK_FILE = "conflict-kg.lock"
GATE_FILE = "conflict-kg.gate"
#: Seconds a reader waits for a writer to finish (default 5).
LOCK_TIMEOUT_ENV = "CKG_LOCK_TIMEOUT"
#: Seconds a writer waits for readers to finish (default 120).
WRITE_LOCK_TIMEOUT_ENV = "CKG_WRITE_LOCK_TIMEOUT"
_POLL = 0.01
#: Seconds between looks for handles nobody uses any more.
_REAP_EVERY = 0.01
_NOT_WRITABLE = (errno.ENOENT, errno.EACCES, errno.EROFS, errno.EPERM)


class StoreBusy(CkgError):
    """The lock could not be had in time; the message names the other process."""


def _env_seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value >= 0 else default


def read_timeout() -> float:
    """Seconds a reader waits for a writer: ``$CKG_LOCK_TIMEOUT``, else 5."""
    return _env_seconds(LOCK_TIMEOUT_ENV, 5.0)


def write_timeout() -> float:
    """Seconds a writer waits for readers: ``$CKG_WRITE_LOCK_TIMEOUT``, else 120."""
    return _env_seconds(WRITE_LOCK_TIMEOUT_ENV, 120.0)


@dataclass
class _Held:
    gate: int
    main: int
    shared: int = 0
    exclusive: int = 0


_registry: dict[str, _Held] = {}
_mutex = threading.RLock()


def _key(where: str | Path) -> str:
    return os.path.realpath(where)


def _open(path: str) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as err:
        if err.errno not in (errno.EACCES, errno.EROFS, errno.EPERM):
            raise
        # A store on a read-only mount or directory: nobody can write it, but a lock
        # file left by its writers can still be locked shared.
        return os.open(path, os.O_RDONLY | os.O_CLOEXEC)


def _writer_record(key: str) -> tuple[int | None, int]:
    """(pid, generation) written in the gate file by the last writer."""
    try:
        with open(os.path.join(key, GATE_FILE), encoding="ascii") as f:
            parts = f.read(64).split()
        return int(parts[0]), int(parts[1])
    except (OSError, ValueError, IndexError):
        return None, 0


def generation(where: str | Path) -> int:
    """A number that changes each time a writer takes the store (0 if none ever did)."""
    return _writer_record(_key(where))[1]


def _holders(path: str) -> list[int]:
    """The processes holding a flock on ``path`` (from ``/proc/locks``; [] elsewhere)."""
    try:
        inode = os.stat(path).st_ino
        with open("/proc/locks", encoding="ascii") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    pids: list[int] = []
    for line in lines:
        fields = line.split()
        if "->" in fields:  # a waiter, not a holder
            continue
        if len(fields) >= 6 and fields[1] == "FLOCK":
            try:
                pid, ino = int(fields[4]), int(fields[5].rsplit(":", 1)[1])
            except (ValueError, IndexError):
                continue
            if ino == inode and pid != os.getpid() and pid not in pids:
                pids.append(pid)
    return pids


def _busy(key: str, name: str, exclusive: bool, waited: float) -> StoreBusy:
    if exclusive:
        pids = _holders(os.path.join(key, LOCK_FILE)) or _holders(os.path.join(key, GATE_FILE))
        who = f" (pid {', '.join(map(str, pids))})" if pids else ""
        return StoreBusy(
            f"the store {name} is being used by another process{who} and was not free "
            f"within {waited:g} s; try again (${WRITE_LOCK_TIMEOUT_ENV} sets the wait)"
        )
    pid = _writer_record(key)[0]
    holders = _holders(os.path.join(key, GATE_FILE)) or _holders(os.path.join(key, LOCK_FILE))
    if holders:
        pid = holders[0]
    who = f" (pid {pid})" if pid else ""
    return StoreBusy(f"the store {name} is being written by another process{who}; try again")


def _in_use(key: str, name: str) -> StoreBusy:
    pid = _writer_record(key)[0]
    holders = _holders(os.path.join(key, GATE_FILE))
    if holders:
        pid = holders[0]
    who = f" (pid {pid})" if pid else ""
    return StoreBusy(
        f"store {name} is in use by another process{who} writing it; "
        "wait for it, stop it or use --store"
    )


def _flock(fd: int, operation: int, deadline: float) -> bool:
    while True:
        try:
            fcntl.flock(fd, operation | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(_POLL)


def _take(key: str, name: str, held: _Held, exclusive: bool, timeout: float) -> None:
    """Take the files' locks for ``held`` (a first lock, or shared -> exclusive)."""
    deadline = time.monotonic() + timeout
    if exclusive:
        writer_deadline = time.monotonic() + min(timeout, read_timeout())
        while True:
            try:
                fcntl.flock(held.gate, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                pass
            try:  # readers pass the gate shared, for a moment; a writer holds it
                fcntl.flock(held.gate, fcntl.LOCK_SH | fcntl.LOCK_NB)
                fcntl.flock(held.gate, fcntl.LOCK_UN)
            except BlockingIOError:
                # Another writer: wait for it no longer than a reader would (it may be
                # a reader bringing the managed graphs up to date), then refuse.
                if time.monotonic() >= writer_deadline:
                    raise _in_use(key, name) from None
            if time.monotonic() >= deadline:
                raise _busy(key, name, True, timeout)
            time.sleep(_POLL)
        if not _flock(held.main, fcntl.LOCK_EX, deadline):
            fcntl.flock(held.gate, fcntl.LOCK_UN)
            if held.shared:  # a failed conversion drops the shared lock (flock(2))
                _flock(held.main, fcntl.LOCK_SH, time.monotonic() + read_timeout())
            raise _busy(key, name, True, timeout)
        _pid, gen = _writer_record(key)
        record = f"{os.getpid()} {gen + 1}\n".ljust(32).encode("ascii")
        with suppress(OSError):  # opened read-only: nobody can write the store anyway
            os.pwrite(held.gate, record, 0)
        return
    if not _flock(held.gate, fcntl.LOCK_SH, deadline):
        raise _busy(key, name, False, timeout)
    try:
        if not _flock(held.main, fcntl.LOCK_SH, deadline):
            raise _busy(key, name, False, timeout)
    finally:
        fcntl.flock(held.gate, fcntl.LOCK_UN)


def acquire(where: str | Path, *, exclusive: bool, timeout: float | None = None) -> str:
    """Take the store's lock (shared or exclusive); return a token for :func:`release`.

    ``timeout`` defaults to :func:`read_timeout` / :func:`write_timeout`; past it,
    :class:`StoreBusy`. The directory must exist.
    """
    if timeout is None:
        timeout = write_timeout() if exclusive else read_timeout()
    key = _key(where)
    with _mutex:
        held = _registry.get(key)
        if held is None:
            try:
                gate = _open(os.path.join(key, GATE_FILE))
            except OSError as err:
                if not exclusive and err.errno in _NOT_WRITABLE:
                    return ""  # no lock file and none can be made: nobody can write here
                raise
            try:
                main = _open(os.path.join(key, LOCK_FILE))
            except OSError as err:
                os.close(gate)
                if not exclusive and err.errno in _NOT_WRITABLE:
                    return ""
                raise
            held = _Held(gate, main)
            try:
                _take(key, str(where), held, exclusive, timeout)
            except BaseException:
                os.close(gate)
                os.close(main)
                raise
            _registry[key] = held
        elif exclusive and not held.exclusive:
            _take(key, str(where), held, True, timeout)  # converts this process's shared lock
        if exclusive:
            held.exclusive += 1
        else:
            held.shared += 1
    return key + ("\0x" if exclusive else "\0s")


def release(token: str) -> None:
    """Give back one lock taken with :func:`acquire`."""
    key, kind = token.rsplit("\0", 1)
    with _mutex:
        held = _registry.get(key)
        if held is None:
            return
        if kind == "x":
            held.exclusive = max(0, held.exclusive - 1)
        else:
            held.shared = max(0, held.shared - 1)
        if held.exclusive:
            return
        if held.shared:
            # Down to readers in this process: let other readers in again.
            fcntl.flock(held.main, fcntl.LOCK_SH)
            fcntl.flock(held.gate, fcntl.LOCK_UN)
            return
        del _registry[key]
        fcntl.flock(held.main, fcntl.LOCK_UN)
        fcntl.flock(held.gate, fcntl.LOCK_UN)
        os.close(held.main)
        os.close(held.gate)


def mode(where: str | Path) -> str | None:
    """``"exclusive"``, ``"shared"`` or None: what this process holds on ``where``."""
    with _mutex:
        held = _registry.get(_key(where))
    if held is None:
        return None
    return "exclusive" if held.exclusive else "shared"


@contextmanager
def hold(where: str | Path, *, exclusive: bool, timeout: float | None = None) -> Iterator[None]:
    """The store's lock for the duration of a ``with`` block."""
    token = acquire(where, exclusive=exclusive, timeout=timeout)
    try:
        yield
    finally:
        release(token)


# --- locks that last as long as a store handle ------------------------------------------

_tied: list[tuple[object, str]] = []
# Read-write handles, known by the inode of their RocksDB LOCK file.
_writers: list[tuple[int, str]] = []
_reaper: threading.Thread | None = None
# References to a tied handle when nobody else has one: the list's tuple, and
# getrefcount's own argument.
_UNREFERENCED = 2


def tie(handle: object, token: str) -> None:
    """Release ``token`` (a shared lock) once the read-only ``handle`` (a pyoxigraph
    store, which allows no weak references or subclasses) is referenced by nobody else:
    it is dropped first (which closes it), then its lock is released. A background
    thread looks every 10 ms; :func:`reap` does it at once; process exit releases all."""
    with _mutex:
        _tied.append((handle, token))
        _start_reaper()


def tie_writer(where: str | Path, token: str) -> None:
    """Release ``token`` (an exclusive lock) once this process no longer has the store
    in ``where`` open read-write: RocksDB's own lock on its ``LOCK`` file (a POSIX lock,
    listed in ``/proc/locks``) is gone, so the database is closed. No reference to the
    handle is kept: dropping it closes the database at once, as without the lock.
    Where ``/proc/locks`` cannot be read, the lock is kept until the process ends."""
    try:
        inode = os.stat(os.path.join(where, "LOCK")).st_ino
    except OSError:
        return
    with _mutex:
        _writers.append((inode, token))
        _start_reaper()


def _start_reaper() -> None:
    global _reaper
    if _reaper is None or not _reaper.is_alive():
        _reaper = threading.Thread(target=_reap_loop, name="ckg-store-locks", daemon=True)
        _reaper.start()


def _own_posix_locks() -> set[int] | None:
    try:
        with open("/proc/locks", encoding="ascii") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    me = str(os.getpid())
    inodes: set[int] = set()
    for line in lines:
        fields = line.split()
        if len(fields) >= 6 and fields[1] == "POSIX" and fields[4] == me:
            with suppress(ValueError, IndexError):
                inodes.add(int(fields[5].rsplit(":", 1)[1]))
    return inodes


def reap() -> None:
    """Release the locks of handles this process closed or no longer uses."""
    with _mutex:
        dead = [i for i, (h, _t) in enumerate(_tied) if sys.getrefcount(h) <= _UNREFERENCED + 1]
        tokens = []
        for i in reversed(dead):
            _h, token = _tied.pop(i)
            del _h  # the last reference: the handle is closed here
            tokens.append(token)
        if _writers:
            held = _own_posix_locks()
            if held is not None:
                for i in reversed(range(len(_writers))):
                    if _writers[i][0] not in held:
                        tokens.append(_writers.pop(i)[1])
        for token in tokens:
            release(token)


def _reap_loop() -> None:
    while True:
        time.sleep(_REAP_EVERY)
        reap()
        with _mutex:
            if not _tied and not _writers:
                return


@atexit.register
def _release_all() -> None:
    with _mutex:
        while _tied:
            _h, token = _tied.pop()
            del _h
            release(token)


_orphans: list[object] = []


def _forget_in_child() -> None:
    # A forked child shares the parent's open lock files: closing its copies (without
    # unlocking, which would unlock the parent's) leaves the parent's locks as they are.
    # Its copies of the parent's handles are kept, never closed, so the child writes
    # nothing to the parent's database.
    global _mutex, _reaper
    _mutex = threading.RLock()
    _reaper = None
    for held in _registry.values():
        for fd in (held.gate, held.main):
            with suppress(OSError):
                os.close(fd)
    _registry.clear()
    _orphans.extend(h for h, _t in _tied)
    _tied.clear()
    _writers.clear()


os.register_at_fork(after_in_child=_forget_in_child)
