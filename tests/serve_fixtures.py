"""Start a real ``ckg serve`` process for a test and stop it afterwards."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: The ``ckg`` command of the environment running the tests.
CKG = str(Path(sys.executable).parent / "ckg")

#: The namespace of :func:`make_label_store`'s data.
EX = "http://example.org/"


def make_label_store(path: Path) -> None:
    """A store of 120 labelled subjects in each of two graphs (``EX g1``, ``EX g2``): small
    enough to load in milliseconds, big enough that a 4-way cartesian product of it takes
    far longer than a test's time limit."""
    import pyoxigraph as ox

    store = ox.Store(str(path))
    store.extend(
        ox.Quad(
            ox.NamedNode(f"{EX}{g}/s{i:03d}"),
            ox.NamedNode(f"{EX}label"),
            ox.Literal(f"{g} Nummer {i}", language="de"),
            ox.NamedNode(f"{EX}{g}"),
        )
        for g in ("g1", "g2")
        for i in range(120)
    )
    store.flush()
    del store


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on just now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(store: Path, *extra: str) -> Iterator[str]:
    """``ckg serve --store STORE EXTRA...`` on a free port; yields its base URL once
    ``/sparql`` answers. A server that exits before that fails with its stderr."""
    port = free_port()
    proc = subprocess.Popen(
        [CKG, "serve", "--store", str(store), "--port", str(port), "--quiet", *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(400):
            try:
                with urllib.request.urlopen(f"{base}/sparql", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    raise RuntimeError(f"ckg serve exited: {err}") from None
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
