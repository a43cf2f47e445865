"""Where a store lives and how it is opened: read-write, read-only, or for reading.

A store is a directory holding a pyoxigraph (RocksDB) database with one named graph per
article, beside the managed graphs (:mod:`kg.store.managed`) that a read-write open brings
up to date. :func:`resolve_store_path` picks the directory (``--store``, else
``$CKG_STORE``, else ``~/.local/share/conflict-kg/store``); :func:`open_store` and
:func:`open_store_for_reading` open it under the store's lock (:mod:`kg.store.lock`).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     store = open_store(Path(d) / "s")
...     sorted(g.value.rsplit("/", 1)[-1] for g in store.named_graphs())
['ontology', 'reference']
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pyoxigraph as ox

from kg.errors import CkgError
from kg.store.lock import GATE_FILE, LOCK_FILE, acquire, reap, release, tie, tie_writer
from kg.store.managed import graphs_current, sync_managed_graphs

__all__ = [
    "STORE_ENV",
    "default_store_path",
    "open_store",
    "open_store_for_reading",
    "resolve_store_path",
]

#: Environment variable naming the store directory.
STORE_ENV = "CKG_STORE"
_READ_ONLY_ATTEMPTS = 5
_IN_USE = (
    "store {path} is in use by another process (e.g. a running 'ckg serve'); stop it or use --store"
)


def default_store_path() -> Path:
    """``$CKG_STORE``, else ``$XDG_DATA_HOME/conflict-kg/store`` (~/.local/share/...).

    >>> import os
    >>> os.environ.get("CKG_STORE") is not None or default_store_path().name == "store"
    True
    """
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home).expanduser() / "conflict-kg" / "store"


def resolve_store_path(path: str | Path | None) -> Path:
    """The store directory to use: ``path`` if given, else :func:`default_store_path`.

    >>> resolve_store_path("~/s") == Path.home() / "s"
    True
    """
    return Path(path).expanduser() if path else default_store_path()


def open_store(
    path: str | Path | None = None, *, read_only: bool = False, lock_timeout: float | None = None
) -> ox.Store:
    """Open (creating if needed) the store in directory ``path``.

    Read-write opens make sure the ontology and reference graphs are current. Read-only
    opens (``Store.read_only``) write nothing; the store must already exist.

    Readers and writers are kept apart by the store's lock (:mod:`kg.store.lock`): a
    read-write open holds it exclusively until the database is closed (the handle
    dropped), a read-only open shared until nobody references the handle (each released
    within milliseconds). A reader waits at most ``lock_timeout`` seconds
    (``$CKG_LOCK_TIMEOUT``, 5) for a writer, a writer (``$CKG_WRITE_LOCK_TIMEOUT``, 120)
    for readers; then :class:`~kg.store.lock.StoreBusy` ("the store ... is being written
    by another process (pid N); try again"). Errors are :class:`~kg.errors.CkgError`
    with a one-line message: busy, locked by another process, not writable, not a store.
    """
    where = resolve_store_path(path)
    reap()  # close this process's handles nobody uses any more (and free their locks)
    if read_only:
        if not (where / "CURRENT").is_file():
            raise CkgError(f"no store at {where} (create one with 'ckg ingest' or 'ckg load')")
        token = _lock(where, exclusive=False, timeout=lock_timeout)
        try:
            store = _open_read_only(where)
        except BaseException:
            release(token)
            raise
        tie(store, token)
        return store
    _check_directory(where)
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _open_error(where, err) from err
    token = _lock(where, exclusive=True, timeout=lock_timeout)
    try:
        store = ox.Store(str(where))
    except OSError as err:
        release(token)
        raise _open_error(where, err) from err
    tie_writer(where, token)  # released once the database is closed
    sync_managed_graphs(store, where)
    return store


def _lock(where: Path, *, exclusive: bool, timeout: float | None) -> str:
    try:
        return acquire(where, exclusive=exclusive, timeout=timeout)
    except OSError as err:  # the lock file cannot be made
        raise _open_error(where, err) from err


def _open_read_only(where: Path) -> ox.Store:
    # Under the shared lock no conflict-kg writer is active; a writer that bypasses the
    # lock (pyoxigraph used directly) may be replacing its MANIFEST just then (RocksDB:
    # "may be corrupted", a file gone): try again on the next state before giving up.
    for attempt in range(_READ_ONLY_ATTEMPTS):
        try:
            return ox.Store.read_only(str(where))
        except (OSError, RuntimeError) as err:
            if attempt + 1 == _READ_ONLY_ATTEMPTS:
                raise CkgError(f"cannot open store {where} read-only: {_reason(err)}") from err
            time.sleep(0.2)
    raise AssertionError("unreachable")


def open_store_for_reading(path: str | Path | None = None) -> ox.Store:
    """Open the store in directory ``path`` for commands that only read it.

    An existing store whose managed graphs are current is opened read-only
    (``Store.read_only``) under the store's shared lock: while another conflict-kg
    process writes the store (``ckg ingest``, ``load``, ...), this waits for it at most
    ``$CKG_LOCK_TIMEOUT`` seconds (5) and then fails with
    :class:`~kg.store.lock.StoreBusy`, never reading a store being written. A store that
    does not exist yet, or was written by an older version (e.g. without the hierarchy
    closure the saved queries rely on), is opened read-write once, which creates it or
    brings its ontology and reference graphs up to date; if another process holds it
    meanwhile, it is read as it is. Errors are the one-line :class:`~kg.errors.CkgError`
    of :func:`open_store`.

    >>> import tempfile
    >>> from kg.namespaces import ONTOLOGY_GRAPH
    >>> with tempfile.TemporaryDirectory() as d:
    ...     writer = open_store(Path(d) / "s")  # holds the lock
    ...     reader = open_store_for_reading(Path(d) / "s")  # the same process may read
    ...     reader.contains_named_graph(ox.NamedNode(str(ONTOLOGY_GRAPH)))
    True
    """
    where = resolve_store_path(path)
    if not (where / "CURRENT").is_file():
        return open_store(where)
    if not graphs_current(where):
        try:
            return open_store(where, lock_timeout=0)
        except CkgError:
            pass  # held by another process: read what is there
    return open_store(where, read_only=True)


def _check_directory(where: Path) -> None:
    if where.exists() and not where.is_dir():
        raise CkgError(f"store {where} is not writable: it exists and is not a directory")
    ours = {LOCK_FILE, GATE_FILE}
    if (
        where.is_dir()
        and not (where / "CURRENT").exists()
        and any(p.name not in ours for p in where.iterdir())
    ):
        raise CkgError(
            f"{where} is not a store (it holds other files); use an empty or new directory"
        )


def _reason(err: Exception) -> str:
    return str(err).removeprefix("IO error: ").strip()


def _open_error(where: Path, err: OSError) -> CkgError:
    text = str(err)
    if "lock hold by current process" in text:
        return CkgError(f"store {where} is already open in this process")
    if "lock" in text.lower() and ("unavailable" in text.lower() or "LOCK" in text):
        return CkgError(_IN_USE.format(path=where))
    refusals = ("Permission denied", "Operation not permitted", "Read-only file system")
    if any(s in text for s in (*refusals, "Not a directory")):
        return CkgError(f"store {where} is not writable: {_reason(err)}")
    return CkgError(f"cannot open store {where}: {_reason(err)}")
