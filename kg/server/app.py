"""The HTTP server of ``ckg serve``: routes, CORS, static files.

Routes:

- ``/sparql`` — SPARQL 1.1 Protocol endpoint (GET, POST form, POST direct). Without a
  query, GET answers with a SPARQL 1.1 Service Description.
- ``/`` — the query page (YASGUI, vendored, offline) with the saved queries.
- ``/queries.json``, ``/queries/NAME.rq`` — the saved query library.
- ``/explorer`` and ``/explorer?query=NAME&view=VIEW`` — the network explorer of the
  whole store or of a saved CONSTRUCT query's graph.
- ``/static/...`` — the page's assets.

The standard library's :class:`http.server.ThreadingHTTPServer` is enough: each request
gets a thread, and the heavy work happens in worker processes (:mod:`kg.server.limits`).
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.server.execute import Job, Reply, serialize_graph
from kg.server.limits import Limits, WorkerPool
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


@dataclass(frozen=True)
class ServerConfig:
    """What ``ckg serve`` was asked for."""

    store_path: Path
    host: str = "127.0.0.1"
    port: int = 8000
    allow_update: bool = False
    limits: Limits = field(default_factory=Limits)
    workers: int = 2


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

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        media_type = reply.media_type
        if media_type.startswith(("text/", "application/sparql-results+xml")) and (
            "charset" not in media_type
        ):
            media_type += "; charset=utf-8"
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Vary", "Accept, Origin")
        for name, value in (*_CORS, *reply.headers):
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        limit = self.server.config.limits.max_body
        if length > limit:
            raise ProtocolError(413, f"request body of {length} bytes exceeds {limit} bytes")
        return self.rfile.read(length) if length else b""

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    # -- methods --------------------------------------------------------------------------

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        for name, value in _CORS:
            self.send_header(name, value)
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header(
            "Access-Control-Allow-Headers",
            self.headers.get("Access-Control-Request-Headers") or "Content-Type, Accept",
        )
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
        try:
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
            else:
                reply = Reply.error(404, f"nothing at {url.path}; try / or /sparql")
        except ProtocolError as err:
            reply = Reply.error(err.status, str(err))
        self._send(reply)

    # -- routes ---------------------------------------------------------------------------

    def _sparql(self, method: str, query_string: str) -> Reply:
        cfg = self.server.config
        accept = self.headers.get("Accept", "")
        body = self._body() if method == "POST" else b""
        given = parse_qs(query_string)
        if method == "GET" and not given.get("query") and "update" not in given:
            return self._service_description(accept)
        op = parse_operation(method, query_string, self.headers.get("Content-Type", ""), body)
        if op.kind == "update" and not cfg.allow_update:
            return Reply.error(
                403, "SPARQL Update is refused: this endpoint is read-only (see --allow-update)"
            )
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
        return self.server.pool.run(job, timeout=cfg.limits.timeout)

    def _service_description(self, accept: str) -> Reply:
        fmt = negotiate(accept, GRAPH_FORMATS)
        if fmt is None:
            offered = ", ".join(f.media_type for f in GRAPH_FORMATS)
            return Reply.error(406, f"the service description is offered as: {offered}")
        host = self.headers.get("Host") or f"{self.server.config.host}:{self.server.config.port}"
        turtle = _service_description(f"http://{host}/sparql", self.server.config.allow_update)
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

    def _explorer(self, query_string: str) -> Reply:
        params = parse_qs(query_string)
        name = params.get("query", [""])[0]
        view = params.get("view", ["actors"])[0]
        job = Job("explorer", name, view=view, max_results=self.server.config.limits.max_results)
        return self.server.pool.run(job, timeout=self.server.config.limits.timeout)


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server bound to a :class:`ServerConfig` and its worker pool."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, config: ServerConfig, *, quiet: bool = False) -> None:
        self.config = config
        self.quiet = quiet
        self.pool = WorkerPool(config.store_path, size=config.workers, writer=config.allow_update)
        try:
            super().__init__((config.host, config.port), _Handler)
        except OSError:
            self.pool.close()
            raise

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

    # Raises CkgError with a one-line reason: missing, locked, not writable, not a store.
    store = open_store(config.store_path, read_only=not config.allow_update)
    del store
    try:
        return SparqlServer(config, quiet=quiet)
    except OSError as err:
        raise CkgError(f"cannot listen on {config.host}:{config.port}: {err}") from None
