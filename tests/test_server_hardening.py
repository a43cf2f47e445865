"""The endpoint under attack, on loopback: issue 11, items 1-4.

Each test replays an attack from the issue against a real ``ckg serve`` on 127.0.0.1
(SERVICE to a local "admin" page, a cross-site form posting ``DROP ALL``, a crafted
``Host``, broken ``Content-Length``, idle and dripping connections, queries that eat
memory or every worker) and checks what the endpoint promises instead.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_fixtures import CKG, EX, free_port, make_label_store, running_server

from kg.server.limits import _Lane
from kg.server.network_policy import check_network_access, network_calls
from kg.server.sparql_protocol import ProtocolError

COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
# 240^4 rows to count: runs far longer than any time limit here, in constant memory.
SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
# 240^3 rows to sort: needs gigabytes, reached in well under a second.
GREEDY = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c LIMIT 1"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hardening") / "store"
    make_label_store(path)
    return path


def _http(
    url: str,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def _query(base: str, query: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    url = f"{base}/sparql?{urllib.parse.urlencode({'query': query})}"
    return _http(url, headers={"Accept": "text/csv", **headers})


def _raw(base: str, request: bytes, *, wait: float = 5.0) -> bytes:
    """Send raw bytes, read until the server closes or ``wait`` seconds pass."""
    port = int(base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(request)
        chunks = []
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


# -- 1. SERVICE ---------------------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A local "admin page" that answers any request with one SPARQL result row."""

    hits: list[str]

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        self.hits.append(self.path)
        body = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"secret"}}]}}'  # noqa: E501
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def target() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []
    handler = type("Handler", (_Recorder,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def server(store_dir) -> Iterator[str]:
    with running_server(store_dir, "--timeout", "3") as base:
        yield base


def test_service_is_refused_and_its_target_never_contacted(server, target):
    url, hits = target
    attacks = [
        f"SELECT ?x {{ SERVICE <{url}/admin?token=abc> {{ ?a ?b ?x }} }}",
        f"SELECT ?x {{ {{}}sErViCe SILENT<{url}/case>{{ ?a ?b ?x }} }}",
        # "<1)SERVICE#>" reads as an IRI to a naive scanner, as "1 ) SERVICE #…" to SPARQL.
        f"SELECT ?x {{ FILTER(1<2)SERVICE#>\n<{url}/lt> {{ ?a ?b ?x }} }}",
        f"SELECT ?x {{ FILTER(1<2).SERVICE#>\r<{url}/cr> {{ ?a ?b ?x }} }}",
        f"SELECT ?x {{ SERVICE <{server}/sparql> {{ ?a ?b ?x }} }}",  # back to itself
    ]
    for query in attacks:
        status, _, body = _query(server, query)
        assert status == 400, (query, body)
        assert body.startswith(b"SERVICE is refused"), body
    status, _, body = _http(
        f"{server}/sparql",
        data=urllib.parse.urlencode({"query": attacks[0]}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 400
    assert hits == []
    # A query that only mentions the word is answered.
    status, _, body = _query(
        server, "SELECT ?service { BIND('SERVICE' AS ?service) } # SERVICE <http://x>"
    )
    assert (status, body) == (200, b"service\r\nSERVICE\r\n")


def test_allow_service_permits_only_the_listed_endpoints(store_dir, target):
    url, hits = target
    allowed = f"{url}/sparql"
    with running_server(store_dir, "--allow-service", allowed) as base:
        status, _, body = _query(base, f"SELECT ?x {{ SERVICE <{allowed}> {{ ?a ?b ?x }} }}")
        assert (status, body) == (200, b"x\r\nsecret\r\n")
        for other in (
            f"SELECT ?x {{ SERVICE <{url}/admin> {{ ?a ?b ?x }} }}",
            f"SELECT ?x {{ SERVICE ?where {{ ?a ?b ?x }} VALUES ?where {{ <{allowed}> }} }}",
            f"PREFIX t: <{url}/> SELECT ?x {{ SERVICE t:sparql {{ ?a ?b ?x }} }}",
        ):
            status, _, body = _query(base, other)
            assert status == 400 and b"SERVICE is refused for" in body, body
    assert [h.split("?")[0] for h in hits] == ["/sparql"]


@pytest.mark.parametrize(
    ("text", "calls"),
    [
        ("SELECT * { ?s ?p ?o .SERVICE <http://a/> {} }", [("service", "http://a/")]),
        ("SELECT * { ?s ?p 1SERVICE <http://a/> {} }", [("service", None)]),
        ("SELECT * { ?s ?p 'a' #x\rSERVICE <http://a/> {} }", [("service", "http://a/")]),
        ("SELECT * { \\u0053ERVICE <http://a/> {} }", [("service", "http://a/")]),
        ("SELECT * { ?s ex:a\\' . SERVICE <http://a/> {} ?s ?p 'x' }", [("service", "http://a/")]),
        ("LOAD <http://a/x.ttl>", [("load", "http://a/x.ttl")]),
        ("SELECT * { ?s <http://x/service> ?o ; <http://x/load> 'SERVICE' }", []),
        (
            "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> ASK { ?s a sd:Service }",
            [],
        ),
    ],
)
def test_network_calls_are_found_where_sparql_sees_them(text, calls):
    assert network_calls(text) == calls
    if calls:
        with pytest.raises(ProtocolError) as err:
            check_network_access(text)
        assert err.value.status == 400


# -- 2. Updates: flag, token, origin; CORS for reads only ----------------------------------

TOKEN = "correct-horse-battery-staple"


def _count(base: str) -> int:
    return int(_query(base, COUNT)[2].split()[1])


def test_cross_site_update_is_refused_and_the_token_is_required(tmp_path):
    store = tmp_path / "store"
    make_label_store(store)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    drop = b"update=DROP+ALL"
    with running_server(store, "--allow-update", "--update-token", TOKEN) as base:
        before = _count(base)
        assert before >= 240
        # The attack: a page elsewhere posts a form. No token, foreign origin.
        status, headers, _ = _http(
            f"{base}/sparql", data=drop, headers={**form, "Origin": "http://evil.example"}
        )
        assert status == 403 and "Access-Control-Allow-Origin" not in headers
        # Even with the token, a foreign origin is refused.
        status, _, _ = _http(
            f"{base}/sparql",
            data=drop,
            headers={**form, "Origin": "http://evil.example", "Authorization": f"Bearer {TOKEN}"},
        )
        assert status == 403
        for auth in ("", "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x"):
            status, headers, _ = _http(
                f"{base}/sparql", data=drop, headers={**form, "Authorization": auth}
            )
            assert status == 401 and headers["WWW-Authenticate"].startswith("Bearer")
        assert _count(base) == before
        # The operator: token, and no Origin (a script) or the server's own origin.
        insert = f"INSERT DATA {{ GRAPH <{EX}g9> {{ <{EX}x> <{EX}p> 1 }} }}".encode()
        for origin in ({}, {"Origin": base}):
            status, headers, _ = _http(
                f"{base}/sparql",
                data=insert,
                headers={
                    "Content-Type": "application/sparql-update",
                    "Authorization": f"Bearer {TOKEN}",
                    **origin,
                },
            )
            assert status == 204 and "Access-Control-Allow-Origin" not in headers
        assert _count(base) == before + 1
        # Reads still carry CORS.
        assert _query(base, COUNT)[1]["Access-Control-Allow-Origin"] == "*"


def test_allow_update_without_a_token_does_not_start(store_dir, monkeypatch):
    import subprocess

    monkeypatch.delenv("CKG_UPDATE_TOKEN", raising=False)
    done = subprocess.run(
        [CKG, "serve", "--store", str(store_dir), "--port", str(free_port()), "--allow-update"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "--update-token" in done.stderr


# -- 3. Host, Content-Length, idle and slow clients, connection cap ------------------------


def test_host_header_is_never_pasted_into_the_service_description(server):
    port = server.rsplit(":", 1)[1]
    status, _, body = _http(
        f"{server}/sparql", headers={"Accept": "application/n-triples", "Host": "evil.example"}
    )
    assert status == 200 and b"evil.example" not in body
    assert f"<http://127.0.0.1:{port}/sparql>".encode() in body
    injected = b"x> <http://e/p> <http://e/o> . <http://e/s"
    reply = _raw(server, b"GET /sparql HTTP/1.1\r\nHost: " + injected + b"\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 400") and b"malformed Host" in reply
    assert b"http://e/p" not in reply


@pytest.mark.parametrize("length", [b"abc", b"-1", b"1e3", b"5, 5"])
def test_bad_content_length_is_400_at_once(server, length):
    start = time.monotonic()
    reply = _raw(
        server,
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query"
        b"\r\nContent-Length: " + length + b"\r\n\r\nASK {}",
    )
    assert time.monotonic() - start < 2.0
    assert reply.startswith(b"HTTP/1.1 400") and b"Content-Length" in reply
    assert b"Traceback" not in reply
    assert _query(server, "ASK {}")[0] == 200


def test_idle_and_dripping_clients_time_out_and_connections_are_capped(store_dir):
    # a client timeout of 5 s, and a few tries for the fifth connection, leave a busy
    # machine time to accept the idle ones first (a fixed short wait was flaky in CI)
    with running_server(
        store_dir, "--client-timeout", "5", "--max-connections", "4", "--workers", "1"
    ) as base:
        port = int(base.rsplit(":", 1)[1])
        idle = [socket.create_connection(("127.0.0.1", port), timeout=9) for _ in range(4)]
        try:
            refused = False
            for _ in range(10):
                time.sleep(0.2)
                start = time.monotonic()
                reply = _raw(base, b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", wait=3)
                if reply.startswith(b"HTTP/1.1 503"):
                    refused = True
                    break
            assert refused and b"Retry-After: 1" in reply
            assert time.monotonic() - start < 1.0
            # The server closes the idle connections after the client timeout.
            for sock in idle:
                assert sock.recv(1024) == b""
        finally:
            for sock in idle:
                sock.close()
        assert _query(base, "ASK {}")[0] == 200
        # A client dripping its headers a byte at a time is cut off after the timeout too.
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            start = time.monotonic()
            closed = False
            for byte in b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: yes\r\n":
                try:
                    sock.send(bytes([byte]))
                except OSError:
                    closed = True
                    break
                time.sleep(0.2)
                if time.monotonic() - start > 7:
                    break
            if not closed:
                sock.settimeout(7)
                try:
                    closed = sock.recv(1024) == b""
                except OSError:
                    closed = True
            assert closed and time.monotonic() - start < 8.5


# -- 4. Workers: memory cap, bounded queue, per-client share -------------------------------


def test_a_query_over_the_memory_cap_is_stopped_and_the_worker_replaced(store_dir):
    with running_server(
        store_dir, "--worker-memory", "1024", "--timeout", "20", "--workers", "1"
    ) as base:
        start = time.monotonic()
        status, headers, body = _query(base, GREEDY)
        assert status == 503 and b"memory limit of 1024 MB" in body
        assert headers["Retry-After"] == "1"
        assert time.monotonic() - start < 10
        assert _query(base, COUNT)[2] == b"n\r\n240\r\n"


def test_full_queue_answers_503_with_retry_after_at_once(store_dir):
    with running_server(store_dir, "--workers", "1", "--queue", "0", "--timeout", "3") as base:
        slow = threading.Thread(target=_query, args=(base, SLOW))
        slow.start()
        try:
            time.sleep(0.5)  # the slow query holds the only worker
            start = time.monotonic()
            status, headers, body = _query(base, COUNT)
            assert status == 503 and headers["Retry-After"] == "1"
            assert b"busy" in body and time.monotonic() - start < 1.0
        finally:
            slow.join(30)
        assert _query(base, COUNT)[0] == 200


def test_one_client_cannot_take_every_worker():
    class Idle:  # stands in for a worker process
        pass

    lane = _Lane([Idle(), Idle()], per_client=1, queue_size=4)  # type: ignore[list-item]
    first = lane.acquire("10.0.0.1", deadline=time.monotonic() + 1)
    assert isinstance(first, Idle)
    start = time.monotonic()
    again = lane.acquire("10.0.0.1", deadline=time.monotonic() + 0.3)  # must wait for itself
    assert getattr(again, "status", None) == 503 and time.monotonic() - start >= 0.3
    other = lane.acquire("10.0.0.2", deadline=time.monotonic() + 1)
    assert isinstance(other, Idle)
    # When the first client's job ends, its waiting request gets a worker.
    threading.Timer(0.2, lane.release, args=("10.0.0.1", first)).start()
    later = lane.acquire("10.0.0.1", deadline=time.monotonic() + 2)
    assert isinstance(later, Idle)
