"""The HTTP layer of ``ckg serve`` (uvicorn, h11, :mod:`kg.server.http_server`) on loopback.

What the server library and its guards promise a client that misbehaves, against a real
``ckg serve``: a slowloris client (request line, headers or body sent slowly) is cut off
after ``--client-timeout``; a connection beyond ``--max-connections`` is answered 503
with ``Retry-After`` at once; malformed request lines and headers get 400 (or 431, 501)
with a fixed message that echoes nothing and no traceback; and after each of these the
server goes on serving. Pipelined and keep-alive requests are answered in order.
"""

from __future__ import annotations

import socket
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from serve_fixtures import make_label_store, running_server

ASK = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\n\r\n"
CLIENT_TIMEOUT = 3.0


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Iterator[str]:
    store = tmp_path_factory.mktemp("http") / "store"
    make_label_store(store)
    with running_server(
        store,
        "--client-timeout",
        str(CLIENT_TIMEOUT),
        "--max-connections",
        "6",
        "--workers",
        "1",
    ) as url:
        yield url


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def _raw(base: str, request: bytes, *, wait: float = 5.0) -> bytes:
    """Send raw bytes, read until the server closes or ``wait`` seconds pass."""
    with socket.create_connection(("127.0.0.1", _port(base)), timeout=wait) as sock:
        sock.sendall(request)
        chunks = []
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except (TimeoutError, ConnectionResetError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def _serves(base: str) -> bool:
    url = f"{base}/sparql?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status == 200 and response.read() == b"true"


def _drip(base: str, data: bytes, *, every: float, limit: float) -> tuple[bool, float]:
    """Send ``data`` a byte every ``every`` seconds; whether and when the server closed."""
    with socket.create_connection(("127.0.0.1", _port(base)), timeout=limit) as sock:
        start = time.monotonic()
        for byte in data:
            try:
                sock.send(bytes([byte]))
            except OSError:
                return True, time.monotonic() - start
            time.sleep(every)
            if time.monotonic() - start > limit:
                break
        sock.settimeout(limit)
        try:
            closed = sock.recv(1024) == b""
        except OSError:
            closed = True
        return closed, time.monotonic() - start


@pytest.mark.parametrize(
    "data",
    [
        # headers that never end
        b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Slow: yes\r\n" * 40,
        # a body that arrives too slowly
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query"
        b"\r\nContent-Length: 400\r\n\r\n" + b" " * 400,
    ],
    ids=["headers", "body"],
)
def test_slowloris_client_is_cut_after_the_client_timeout(base, data):
    closed, after = _drip(base, data, every=0.1, limit=CLIENT_TIMEOUT + 4)
    assert closed, "the dripping client was never cut off"
    assert CLIENT_TIMEOUT - 0.5 < after < CLIENT_TIMEOUT + 2.5, after
    assert _serves(base)


def test_idle_keep_alive_connection_is_closed_after_the_client_timeout(base):
    with socket.create_connection(("127.0.0.1", _port(base)), timeout=10) as sock:
        sock.sendall(ASK)
        time.sleep(0.5)
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        start = time.monotonic()
        assert sock.recv(1024) == b""  # nothing more, then closed
        assert CLIENT_TIMEOUT - 0.5 < time.monotonic() - start < CLIENT_TIMEOUT + 2.5


def test_connections_beyond_the_limit_get_503_at_once_and_later_ones_are_served(base):
    port = _port(base)
    held = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(6)]
    try:
        time.sleep(0.5)  # let the server accept them
        start = time.monotonic()
        reply = _raw(base, ASK, wait=3)
        assert reply.startswith(b"HTTP/1.1 503"), reply[:200]
        assert b"\r\nRetry-After: 1\r\n" in reply and b"too many open connections" in reply
        assert time.monotonic() - start < 1.5
        # The held connections are still served, on the same connection.
        held[0].sendall(ASK)
        assert held[0].recv(65536).startswith(b"HTTP/1.1 200")
    finally:
        for sock in held:
            sock.close()
    time.sleep(0.3)
    assert _serves(base)


@pytest.mark.parametrize(
    ("request_bytes", "status", "secret"),
    [
        (b"GARBAGE\r\n\r\n", b"400", b"GARBAGE"),
        (b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n", b"400", b"colon"),
        (b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n<script>: x\r\n\r\n", b"400", b"script"),
        (b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nX: a\x00b\r\n\r\n", b"400", b"a\x00b"),
        (b"GET /spa rql HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", b"400", b"rql"),
        (b"GET /sparql HTTP/7.3\r\nHost: 127.0.0.1\r\n\r\n", b"505", b"7.3"),
        (b"GET /sparql HTTP/1.1\r\n\r\n", b"400", b"sparql"),  # no Host
        (b"GET /sparql HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", b"400", b"Host: a"),
        (b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n folded\r\n\r\n", b"400", b"folded"),
        (
            b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"y" * 70_000 + b"\r\n\r\n",
            b"431",
            b"yyyy",
        ),
        (
            b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip\r\n\r\n",
            b"501",
            b"gzip",
        ),
        (
            b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n"
            b"Content-Length: 4\r\n\r\nASK",
            b"400",
            b"3",
        ),
    ],
    ids=[
        "garbage",
        "no-colon",
        "bad-name",
        "nul",
        "space-in-target",
        "version",
        "no-host",
        "two-hosts",
        "obs-fold",
        "too-long",
        "transfer-coding",
        "two-lengths",
    ],
)
def test_malformed_requests_get_a_fixed_refusal_and_the_server_goes_on(
    base, request_bytes, status, secret
):
    reply = _raw(base, request_bytes)
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 " + status), reply[:300]
    assert b"\r\nConnection: close" in head
    assert secret not in body and b"Traceback" not in reply
    assert body.endswith(b"\n") and len(body) < 200
    assert _serves(base)


# 240^3 rows to count: a few seconds here, longer than the client timeout below.
SLOW = urllib.parse.quote("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")


@pytest.mark.parametrize("version", [b"1.0", b"1.1"])
def test_a_query_longer_than_the_client_timeout_is_still_answered(tmp_path, version):
    # The client timeout bounds sending the request, not the server's work on it.
    make_label_store(tmp_path / "store")
    with running_server(tmp_path / "store", "--client-timeout", "1") as url:
        request = b"GET /sparql?query=" + SLOW.encode() + b" HTTP/" + version
        request += b"\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\n\r\n"
        start = time.monotonic()
        reply = _raw(url, request, wait=30)
        assert reply.startswith(b"HTTP/1.1 200") and reply.endswith(b"n\r\n13824000\r\n")
        assert time.monotonic() - start > 1.0  # it did outlast the client timeout


def test_pipelined_requests_are_answered_in_order(base):
    count = b"GET /sparql?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20%7B%3Fs%20%3Fp%20%3Fo%7D"
    second = (
        count + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\nConnection: close\r\n\r\n"
    )
    reply = _raw(base, ASK + second)
    assert reply.count(b"HTTP/1.1 200") == 2
    assert reply.index(b"true") < reply.index(b"n\r\n240\r\n")


def test_server_header_and_host_are_not_echoed(base):
    reply = _raw(base, b"GET /nowhere HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 404")
    assert b"evil.example" not in reply and b"uvicorn" not in reply.lower()


def test_static_files_are_served_with_nosniff_and_cors(base):
    with urllib.request.urlopen(f"{base}/static/query-page.js", timeout=10) as response:
        assert response.status == 200
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert response.headers["Content-Type"].startswith(("text/javascript", "application/"))
