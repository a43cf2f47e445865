"""``kg.remote`` / ``ckg push`` failures: unreachable endpoint, HTTP errors naming the graph.

Pushing for real is tested against Virtuoso in ``test_virtuoso_integration.py``.
"""

from __future__ import annotations

import socket
import subprocess
import threading

import pyoxigraph as ox
import pytest
from serve_fixtures import CKG, free_port, running_server

from kg.remote import RemoteError, RemoteStore, push_store

EX = "http://example.org/"


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    s.add(ox.Quad(ox.NamedNode(f"{EX}a"), ox.NamedNode(f"{EX}p"), ox.Literal("x"),
                  ox.NamedNode(f"{EX}g")))  # fmt: skip
    return s


def test_graph_store_urls():
    remote = RemoteStore("http://h/ds/sparql", graph_store="http://h/ds/data?x=1")
    assert remote.graph_url("http://g/1") == "http://h/ds/data?x=1&graph=http%3A%2F%2Fg%2F1"
    assert remote.graph_url(None) == "http://h/ds/data?x=1&default"
    assert RemoteStore("http://h/store").graph_url(None) == "http://h/store?default"


def test_unreachable_endpoint_stops_with_a_clear_error(store):
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(RemoteError, match=r"pushing graph <http://example.org/g>: cannot reach"):
        push_store(store, RemoteStore(url))


def test_http_error_is_reported_per_graph(store, tmp_path):
    # A real HTTP server that does not implement the Graph Store Protocol: ckg serve.
    ox.Store(str(tmp_path / "s")).flush()
    with running_server(tmp_path / "s") as base:
        report = push_store(store, RemoteStore(f"{base}/sparql"))
    assert not report.ok and not report.pushed
    assert list(report.failed) == [f"{EX}g"]
    assert "pushing graph <http://example.org/g>" in report.failed[f"{EX}g"]
    assert "501" in report.failed[f"{EX}g"]
    assert "failed: pushing graph" in report.summary()


def test_a_refusal_before_a_large_body_is_read_is_reported_as_the_refusal(tmp_path):
    # Virtuoso answers a wrong password with 401 and closes while a large body is still
    # being sent: the client then sees a broken pipe, not the 401. A raw server that does
    # the same on loopback; the push must report the 401 for the graph, not "cannot reach".
    big = ox.Store()
    for i in range(60_000):
        big.add(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"),
                        ox.Literal("x" * 60), ox.NamedNode(f"{EX}g")))  # fmt: skip
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def refuse() -> None:
        listener.settimeout(30)
        for _ in range(4):
            try:
                conn, _addr = listener.accept()
            except OSError:
                return
            with conn:
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    head += chunk
                conn.sendall(b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n"
                             b"Connection: close\r\n\r\n")  # fmt: skip
                conn.shutdown(socket.SHUT_RDWR)

    server = threading.Thread(target=refuse, daemon=True)
    server.start()
    try:
        report = push_store(big, RemoteStore(f"http://127.0.0.1:{port}/store"), verify=False)
    finally:
        listener.close()
    assert not report.pushed
    assert "401" in report.failed[f"{EX}g"], report.failed


def test_unknown_article_is_a_usage_error(store):
    from kg.errors import UsageError

    with pytest.raises(UsageError, match=r"no article 'nope\.txt'"):
        push_store(store, RemoteStore("http://127.0.0.1:9/sparql"), articles=["nope.txt"])


def test_cli_push_unreachable_exits_1(tmp_path):
    ox.Store(str(tmp_path / "s")).flush()
    s = ox.Store(str(tmp_path / "s2"))
    s.add(ox.Quad(ox.NamedNode(f"{EX}a"), ox.NamedNode(f"{EX}p"), ox.Literal("x"),
                  ox.NamedNode(f"{EX}g")))  # fmt: skip
    s.flush()
    del s
    result = subprocess.run(
        [CKG, "push", "--store", str(tmp_path / "s2"), "--endpoint",
         f"http://127.0.0.1:{free_port()}/sparql"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().startswith("ckg push: error: pushing graph <http://example.org/g>")


def test_a_large_graph_goes_in_pieces_of_whole_lines_put_then_post():
    # Digest-authenticated stores answer each first try with 401 before reading the body:
    # no request may carry a body large enough to be cut off (see kg.remote.put_graph)
    import http.server

    from kg.remote import CHUNK_BYTES

    big = ox.Store()
    for i in range(20_000):
        big.add(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"),
                        ox.Literal("x" * 40), ox.NamedNode(f"{EX}g")))  # fmt: skip
    seen: list[tuple[str, bytes]] = []

    class GraphStore(http.server.BaseHTTPRequestHandler):
        def _take(self) -> None:
            seen.append((self.command, self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        do_PUT = do_POST = _take

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), GraphStore)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/store"
        report = push_store(big, RemoteStore(url), verify=False)
    finally:
        server.shutdown()
    assert report.pushed == {f"{EX}g": 20_000}
    assert [m for m, _b in seen] == ["PUT"] + ["POST"] * (len(seen) - 1) and len(seen) > 1
    assert all(len(b) <= CHUNK_BYTES and b.endswith(b"\n") for _m, b in seen)
    dumped = big.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(f"{EX}g"))
    assert b"".join(b for _m, b in seen) == dumped
