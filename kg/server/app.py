"""The HTTP server of ``ckg serve``: routes, CORS, static files.

Routes:

- ``/sparql`` — SPARQL 1.1 Protocol endpoint (GET, POST form, POST direct). Without a
  query, GET answers with a SPARQL 1.1 Service Description.
- ``/`` — the query page (YASGUI, vendored, offline) with the saved queries.
- ``/queries.json``, ``/queries/NAME.rq`` — the saved query library.
- ``/explorer`` and ``/explorer?query=NAME&view=VIEW`` — the network explorer of the
  whole store or of a saved CONSTRUCT query's graph.
- ``/static/...`` — the page's assets.
- ``/id/...``, ``/ontology``, ``/cameo/...``, ``/plover/...`` — the project's IRIs
  (``https://w3id.org/conflict-kg/`` + path), dereferenced: an HTML page, Turtle or
  JSON-LD by ``Accept`` or ``?format=`` (:mod:`kg.server.linked_data`).

The standard library's :class:`http.server.ThreadingHTTPServer` serves HTTP: each
connection gets a thread (at most :attr:`Limits.max_connections`; more are answered 503
and closed at once), and the heavy work happens in worker processes
(:mod:`kg.server.limits`). The handler is strict where the library is lenient: one
request must arrive completely within :attr:`Limits.client_timeout` (idle keep-alive
connections included), ``Host`` and ``Content-Length`` must be well-formed (else 400
and the connection is closed), chunked bodies are refused (411), and nothing from the
request's headers is written into an answer (the service description names the
configured address).

Updates need ``--allow-update``, the operator's token (``Authorization: Bearer …``,
compared in constant time) and, when the browser sends ``Origin``, the server's own
origin or an allowed one. CORS headers go only with reads, so no page elsewhere can
read an update's answer or send the token. ``SERVICE`` and ``LOAD`` are refused unless
their target is allowed (:mod:`kg.server.network_policy`).
"""

from __future__ import annotations

import hmac
import io
import json
import mimetypes
import posixpath
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.server.execute import Job, Reply, serialize_graph
from kg.server.iri_paths import iri_for_path, is_resource_path
from kg.server.limits import Limits, WorkerPool
from kg.server.linked_data import RESOURCE_FORMATS, choose_format, not_found
from kg.server.network_policy import check_network_access
from kg.server.sparql_protocol import (
    GRAPH_FORMATS,
    ProtocolError,
    acceptable_at_all,
    negotiate,
    parse_operation,
)

__all__ = ["ServerConfig", "SparqlServer", "make_server"]

_CORS = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Expose-Headers", "X-Result-Truncated, X-Result-Limit, Content-Type"),
)
# A Host header: a DNS name or IPv4 address, or a bracketed IPv6 address, and a port.
_HOST = re.compile(
    r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?"
)


class _DeadlineReader(io.RawIOBase):
    """The socket as a raw stream whose every read must finish before ``deadline``.

    A per-read timeout alone lets a client that sends one byte at a time hold a thread
    indefinitely; this bounds the whole request instead.
    """

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.deadline = time.monotonic()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the client did not send its request in time")
        self.sock.settimeout(remaining)
        return self.sock.recv_into(buffer)


@dataclass(frozen=True)
class ServerConfig:
    """What ``ckg serve`` was asked for."""

    store_path: Path
    host: str = "127.0.0.1"
    port: int = 8000
    allow_update: bool = False
    limits: Limits = field(default_factory=Limits)
    workers: int = 2
    update_token: str | None = None  # required with allow_update (Authorization: Bearer)
    allowed_origins: tuple[str, ...] = ()  # origins besides the server's own that may update
    allowed_services: tuple[str, ...] = ()  # SERVICE/LOAD targets a query may reach


def static_dir() -> Path:
    """The directory of the query page and its vendored assets."""
    return Path(str(files("kg.server") / "static"))


def _saved_queries() -> list[dict[str, Any]]:
    """Name, title, description and text of every saved query (for the query page)."""
    from kg.query import saved_queries

    listed = []
    for q in saved_queries():
        listed.append(
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "parameters": [
                    {"name": p.name, "meaning": p.meaning, "example": p.example} for p in q.params
                ],
                "text": q.text,
            }
        )
    return listed


def _service_description(endpoint: str, allow_update: bool) -> str:
    sd = "http://www.w3.org/ns/sparql-service-description#"
    languages = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if allow_update else "")
    formats = ", ".join(
        f"<http://www.w3.org/ns/formats/{n}>"
        for n in (
            *("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV"),
            *("SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG"),
            "N-Quads",
        )
    )
    return (
        f"@prefix sd: <{sd}> .\n"
        f"@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f"<{endpoint}> a sd:Service ; sd:endpoint <{endpoint}> ;\n"
        f"  sd:supportedLanguage {languages} ;\n"
        f"  sd:resultFormat {formats} ;\n"
        # The default graph is the union of all named graphs (one per article plus the
        # reference, ontology, links and annotations graphs), as in `ckg query`.
        f"  sd:feature sd:UnionDefaultGraph ;\n"
        f'  rdfs:comment "conflict-kg SPARQL endpoint. The default graph is the union of '
        f"all named graphs unless the request or query names a dataset."
        f'{"" if allow_update else " Read-only: SPARQL Update is refused."}" .\n'
    )


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"

    # -- plumbing -------------------------------------------------------------------------

    def setup(self) -> None:
        super().setup()
        self.rfile.close()  # replaced by a reader that enforces the request deadline
        self._reader = _DeadlineReader(self.connection)
        self.rfile = io.BufferedReader(self._reader)

    def handle_one_request(self) -> None:
        self._reader.deadline = time.monotonic() + self.server.config.limits.client_timeout
        super().handle_one_request()

    def _send(self, reply: Reply, *, cors: bool = True) -> None:
        # Writing the answer gets its own time limit, not what was left of reading's.
        self.connection.settimeout(self.server.config.limits.client_timeout)
        if reply.status >= 400 and self.command == "POST":
            self.close_connection = True  # the body may be unread: do not parse it as a request
        self.send_response(reply.status)
        media_type = reply.media_type
        if media_type.startswith(("text/", "application/sparql-results+xml")) and (
            "charset" not in media_type
        ):
            media_type += "; charset=utf-8"
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Vary", "Accept, Origin")
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.close_connection:
            self.send_header("Connection", "close")
        for name, value in (*(_CORS if cors else ()), *reply.headers):
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def _check_headers(self) -> None:
        """Refuse malformed or ambiguous framing and addressing headers (400/411)."""
        hosts = self.headers.get_all("Host") or []
        if len(hosts) > 1 or (hosts and not _HOST.fullmatch(hosts[0].strip())):
            raise ProtocolError(400, "malformed Host header")
        lengths = self.headers.get_all("Content-Length") or []
        if len(lengths) > 1 or (lengths and not lengths[0].strip().isdigit()):
            raise ProtocolError(400, "Content-Length must be one non-negative decimal number")
        if self.headers.get("Transfer-Encoding"):
            raise ProtocolError(
                411, "chunked request bodies are not supported; send Content-Length"
            )

    def _body(self) -> bytes:
        length = int((self.headers.get("Content-Length") or "0").strip())
        limit = self.server.config.limits.max_body
        if length > limit:
            raise ProtocolError(413, f"request body of {length} bytes exceeds {limit} bytes")
        return self.rfile.read(length) if length else b""

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    # -- methods --------------------------------------------------------------------------

    def do_OPTIONS(self) -> None:
        # Preflight for cross-origin reads only: Authorization (the update token) is not
        # among the allowed headers, so no page elsewhere can send an authorized update.
        self.send_response(204)
        for name, value in _CORS:
            self.send_header(name, value)
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        self._is_update = False
        try:
            self._check_headers()
            if url.path == "/sparql":
                reply = self._sparql(method, url.query)
            elif method != "GET":
                reply = Reply.error(405, f"{method} is only allowed on /sparql")
            elif url.path in ("/", "/index.html"):
                reply = self._static("index.html")
            elif url.path.startswith("/static/"):
                reply = self._static(url.path[len("/static/") :])
            elif url.path == "/queries.json":
                body = json.dumps(_saved_queries(), ensure_ascii=False, indent=1).encode()
                reply = Reply(200, "application/json", body)
            elif url.path.startswith("/queries/") and url.path.endswith(".rq"):
                reply = self._saved_query_text(url.path[len("/queries/") : -len(".rq")])
            elif url.path == "/explorer":
                reply = self._explorer(url.query)
            elif is_resource_path(url.path):
                reply = self._resource(url.path, url.query)
            else:
                reply = Reply.error(404, f"nothing at {url.path}; try / or /sparql")
        except ProtocolError as err:
            reply = Reply.error(err.status, str(err))
            if err.status in (400, 411, 413):
                self.close_connection = True
        self._send(reply, cors=not self._is_update)

    # -- routes ---------------------------------------------------------------------------

    def _sparql(self, method: str, query_string: str) -> Reply:
        cfg = self.server.config
        accept = self.headers.get("Accept", "")
        body = self._body() if method == "POST" else b""
        given = parse_qs(query_string)
        if method == "GET" and not given.get("query") and "update" not in given:
            return self._service_description(accept)
        op = parse_operation(method, query_string, self.headers.get("Content-Type", ""), body)
        if op.kind == "update":
            self._is_update = True
            refused = self._refuse_update()
            if refused is not None:
                return refused
        check_network_access(op.text, allowed=cfg.allowed_services)
        if op.kind == "query" and accept and not acceptable_at_all(accept):
            return Reply.error(406, f"no result format of this endpoint matches '{accept}'")
        job = Job(
            op.kind,
            op.text,
            op.default_graphs,
            op.named_graphs,
            accept=accept,
            format_hint=op.format_hint,
            max_results=cfg.limits.max_results,
        )
        return self.server.pool.run(job, timeout=cfg.limits.timeout, client=self.client_address[0])

    def _refuse_update(self) -> Reply | None:
        """Why this update may not run (403/401), or None when it may."""
        cfg = self.server.config
        if not cfg.allow_update or not cfg.update_token:
            return Reply.error(
                403, "SPARQL Update is refused: this endpoint is read-only (see --allow-update)"
            )
        origin = self.headers.get("Origin")
        if origin is not None and origin not in (self.server.origin, *cfg.allowed_origins):
            return Reply.error(
                403, "SPARQL Update is refused from another origin (see --allow-origin)"
            )
        scheme, _, given = (self.headers.get("Authorization") or "").partition(" ")
        expected = cfg.update_token.encode()
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected):
            reply = Reply.error(
                401, "SPARQL Update needs the operator's token: Authorization: Bearer …"
            )
            return Reply(
                401, reply.media_type, reply.body, (("WWW-Authenticate", 'Bearer realm="ckg"'),)
            )
        return None

    def _service_description(self, accept: str) -> Reply:
        fmt = negotiate(accept, GRAPH_FORMATS)
        if fmt is None:
            offered = ", ".join(f.media_type for f in GRAPH_FORMATS)
            return Reply.error(406, f"the service description is offered as: {offered}")
        # The configured address, never the request's Host header (which the client chooses).
        turtle = _service_description(
            f"{self.server.origin}/sparql", self.server.config.allow_update
        )
        triples = [q.triple for q in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)]
        return Reply(200, fmt.media_type, serialize_graph(triples, fmt))

    def _static(self, relative: str) -> Reply:
        root = static_dir().resolve()
        clean = posixpath.normpath("/" + relative).lstrip("/")
        path = (root / clean).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return Reply.error(404, f"no such file: /static/{relative}")
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return Reply(200, media_type, path.read_bytes())

    def _saved_query_text(self, name: str) -> Reply:
        for q in _saved_queries():
            if q["name"] == name:
                return Reply(200, "application/sparql-query", q["text"].encode())
        return Reply.error(404, f"no saved query named '{name}' (see /queries.json)")

    def _resource(self, path: str, query_string: str) -> Reply:
        """The page or RDF of the IRI this path stands for (404 when nobody knows it)."""
        requested = parse_qs(query_string).get("format")
        fmt = choose_format(self.headers.get("Accept", ""), requested[0] if requested else None)
        if fmt is None:
            offered = ", ".join(f.media_type for f in RESOURCE_FORMATS)
            return Reply.error(406, f"a resource is offered as: {offered}")
        iri = iri_for_path(path)
        if iri is None:
            return not_found(fmt)
        limits = self.server.config.limits
        job = Job("resource", iri, format_hint=fmt.name, max_results=limits.max_results)
        return self.server.pool.run(job, timeout=limits.timeout, client=self.client_address[0])

    def _explorer(self, query_string: str) -> Reply:
        params = parse_qs(query_string)
        name = params.get("query", [""])[0]
        view = params.get("view", ["actors"])[0]
        job = Job("explorer", name, view=view, max_results=self.server.config.limits.max_results)
        return self.server.pool.run(
            job, timeout=self.server.config.limits.timeout, client=self.client_address[0]
        )


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server bound to a :class:`ServerConfig` and its worker pool."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, config: ServerConfig, *, quiet: bool = False) -> None:
        self.config = config
        self.quiet = quiet
        self._slots = threading.BoundedSemaphore(max(1, config.limits.max_connections))
        self.pool = WorkerPool(
            config.store_path,
            size=config.workers,
            writer=config.allow_update,
            limits=config.limits,
        )
        try:
            super().__init__((config.host, config.port), _Handler)
        except OSError:
            self.pool.close()
            raise

    @property
    def origin(self) -> str:
        """``http://HOST:PORT`` of the configured address and the port actually bound.

        The service description names it, and updates from this origin are accepted.
        """
        host = self.config.host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.server_address[1]}"

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve the connection in a thread, or answer 503 at once when all slots are taken."""
        if not self._slots.acquire(blocking=False):
            self._refuse(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def _refuse(self, request: socket.socket) -> None:
        body = b"too many open connections; try again shortly\n"
        head = (
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
        )
        try:
            request.setblocking(False)
            request.send(head.encode() + body)
        except OSError:
            pass
        self.shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def make_server(config: ServerConfig, *, quiet: bool = False) -> SparqlServer:
    """Check the store and create the server (not yet serving: call ``serve_forever``).

    The store must exist (``ckg ingest`` creates it); with ``allow_update`` an empty one
    is created. It is opened once here to fail early with a clear error.
    """
    from kg.errors import CkgError
    from kg.store import open_store

    if config.allow_update and not config.update_token:
        raise CkgError(
            "--allow-update needs a token: give --update-token or set CKG_UPDATE_TOKEN "
            "(clients send it as 'Authorization: Bearer TOKEN')"
        )

    # Raises CkgError with a one-line reason: missing, locked, not writable, not a store.
    store = open_store(config.store_path, read_only=not config.allow_update)
    del store
    try:
        return SparqlServer(config, quiet=quiet)
    except OSError as err:
        raise CkgError(f"cannot listen on {config.host}:{config.port}: {err}") from None
