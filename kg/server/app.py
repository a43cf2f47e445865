"""The HTTP application of ``ckg serve``: routes, CORS, static files (a Starlette app).

Routes:

- ``/sparql`` — SPARQL 1.1 Protocol endpoint (GET, POST form, POST direct). Without a
  query, GET answers with a SPARQL 1.1 Service Description.
- ``/`` — the query page (YASGUI, vendored, offline) with the saved queries.
- ``/queries.json``, ``/queries/NAME.rq`` — the saved query library;
  ``/queries/NAME.rq?PARAM=value`` gives the text with those parameters bound (as
  ``ckg query --param``), which the query page's parameter fields use.
- ``/prefixes.json`` — the project's prefixes (the query page shows prefixed names).
- ``/explorer`` and ``/explorer?query=NAME&view=VIEW&PARAM=value`` — the network explorer
  of the whole store or of a saved CONSTRUCT query's graph, its parameters bound.
- ``/static/...`` — the page's assets (Starlette's :class:`StaticFiles`).
- ``/id/...``, ``/ontology``, ``/cameo/...``, ``/plover/...`` — the project's IRIs
  (``https://w3id.org/conflict-kg/`` + path), dereferenced: an HTML page, Turtle or
  JSON-LD by ``Accept`` or ``?format=`` (:mod:`kg.server.linked_data`).

This layer is thin: the request's head is judged by :mod:`kg.server.http_policy`, SPARQL
requests are read by :mod:`kg.server.sparql_protocol`, ``SERVICE``/``LOAD`` by
:mod:`kg.server.network_policy`, and every query, explorer page and IRI page runs in a
killable worker process (:mod:`kg.server.limits`), awaited from a thread so that the
event loop keeps serving. uvicorn serves the app (:mod:`kg.server.http_server`).

Nothing from the request's headers is written into an answer: the service description
names the configured address, and no redirect is built from ``Host``.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.server.execute import Job, Reply, serialize_graph
from kg.server.http_policy import (
    CORS,
    PREFLIGHT,
    check_headers,
    declared_length,
    reply_headers,
    update_refusal,
)
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

__all__ = ["ServerConfig", "build_app", "static_dir"]


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
                    {"name": p.name, "meaning": p.meaning, "example": p.example, "kind": p.kind}
                    for p in q.params
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


class ReplyResponse(Response):
    """A :class:`Reply` as a Starlette response, with the endpoint's common headers.

    Header names keep their usual capitals (h11 writes them as given).
    """

    def __init__(self, reply: Reply, *, cors: bool = True, close: bool = False) -> None:
        super().__init__(reply.body, status_code=reply.status)
        self.raw_headers = [
            (name.encode("latin-1"), value.encode("latin-1"))
            for name, value in reply_headers(reply, cors=cors, close=close)
        ]


async def _send_reply(send: Send, reply: Reply, *, close: bool = False) -> None:
    await ReplyResponse(reply, close=close)({"type": "http"}, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


class _Guard:
    """Checks every request's head before routing: HTTP versions other than 1.0 and 1.1
    (505), malformed ``Host``, ``Content-Length`` or chunked bodies (400/411), methods
    other than GET/HEAD/POST (501), POST elsewhere than /sparql (405), each answered with
    the connection closed; and answers the CORS preflight (``OPTIONS``, reads only)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if scope.get("http_version") not in ("1.0", "1.1"):
            reply = Reply.error(505, "only HTTP/1.0 and HTTP/1.1 are served")
            await _send_reply(send, reply, close=True)
            return
        try:
            check_headers(scope["headers"])
        except ProtocolError as err:
            await _send_reply(send, Reply.error(err.status, str(err)), close=True)
            return
        if method == "OPTIONS":
            headers = [(n.encode(), v.encode()) for n, v in (*PREFLIGHT, ("Content-Length", "0"))]
            await send({"type": "http.response.start", "status": 204, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
        elif method not in ("GET", "HEAD", "POST"):
            reply = Reply.error(501, "only GET, HEAD, POST and OPTIONS are served")
            await _send_reply(send, reply, close=True)
        elif method == "POST" and scope["path"] != "/sparql":
            await _send_reply(send, Reply.error(405, "POST is only allowed on /sparql"), close=True)
        else:
            await self.app(scope, receive, send)


class _WithReadHeaders:
    """Adds ``nosniff`` and the read CORS headers to an app's answers (the static files)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.extra = [
            (n.encode(), v.encode()) for n, v in (("X-Content-Type-Options", "nosniff"), *CORS)
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refused(request: Request, exc: Exception) -> Response:
    """A request refused by a protocol or policy check (:class:`ProtocolError`)."""
    status = exc.status if isinstance(exc, ProtocolError) else 400
    close = status in (400, 411, 413) or request.method == "POST"
    return ReplyResponse(Reply.error(status, str(exc)), close=close)


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


def _query_string(request: Request) -> str:
    return bytes(request.scope.get("query_string", b"")).decode("latin-1")


def _single_params(request: Request, reserved: tuple[str, ...]) -> dict[str, str]:
    """A saved query's parameters from the URL: one value each (400 when repeated)."""
    params: dict[str, str] = {}
    for key, values in parse_qs(_query_string(request), keep_blank_values=True).items():
        if key in reserved:
            continue
        if len(values) > 1:
            raise ProtocolError(400, f"parameter '{key}' given {len(values)} times; give it once")
        params[key] = values[0]
    return params


class _Endpoint:
    """The route handlers, bound to the configuration and the worker pool."""

    def __init__(self, config: ServerConfig, pool: WorkerPool, origin: str) -> None:
        self.config = config
        self.pool = pool
        self.origin = origin
        # One thread per connection at most: every request may wait for a worker at once,
        # so the pool's queue, not a thread limit, decides who waits and who gets 503.
        self.threads = ThreadPoolExecutor(
            max_workers=config.limits.max_connections + 2, thread_name_prefix="ckg-request"
        )

    async def _run(self, job: Job, request: Request) -> Reply:
        """``job`` in a worker process, awaited without blocking the event loop."""
        run = partial(
            self.pool.run, job, timeout=self.config.limits.timeout, client=_client(request)
        )
        return await asyncio.get_running_loop().run_in_executor(self.threads, run)

    async def sparql(self, request: Request) -> Response:
        method = "POST" if request.method == "POST" else "GET"
        try:
            reply, is_update = await self._sparql(request, method)
        except ProtocolError as err:
            close = err.status in (400, 411, 413) or method == "POST"
            return ReplyResponse(Reply.error(err.status, str(err)), close=close)
        close = reply.status >= 400 and method == "POST"
        return ReplyResponse(reply, cors=not is_update, close=close)

    async def _sparql(self, request: Request, method: str) -> tuple[Reply, bool]:
        cfg = self.config
        accept = request.headers.get("accept", "")
        body = b""
        if method == "POST" and declared_length(request.headers.raw, limit=cfg.limits.max_body):
            body = await request.body()
        query_string = _query_string(request)
        given = parse_qs(query_string)
        if method == "GET" and not given.get("query") and "update" not in given:
            return self._service_description(accept), False
        content_type = request.headers.get("content-type", "")
        op = parse_operation(method, query_string, content_type, body)
        if op.kind == "update":
            refused = update_refusal(
                allow_update=cfg.allow_update,
                token=cfg.update_token,
                origin=request.headers.get("origin"),
                authorization=request.headers.get("authorization", ""),
                own_origins=(self.origin, *cfg.allowed_origins),
            )
            if refused is not None:
                return refused, True
        check_network_access(op.text, allowed=cfg.allowed_services)
        if op.kind == "query" and accept and not acceptable_at_all(accept):
            reply = Reply.error(406, f"no result format of this endpoint matches '{accept}'")
            return reply, False
        job = Job(
            op.kind,
            op.text,
            op.default_graphs,
            op.named_graphs,
            accept=accept,
            format_hint=op.format_hint,
            max_results=cfg.limits.max_results,
        )
        return await self._run(job, request), op.kind == "update"

    def _service_description(self, accept: str) -> Reply:
        fmt = negotiate(accept, GRAPH_FORMATS)
        if fmt is None:
            offered = ", ".join(f.media_type for f in GRAPH_FORMATS)
            return Reply.error(406, f"the service description is offered as: {offered}")
        # The configured address, never the request's Host header (which the client chooses).
        turtle = _service_description(f"{self.origin}/sparql", self.config.allow_update)
        triples = [q.triple for q in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)]
        return Reply(200, fmt.media_type, serialize_graph(triples, fmt))

    async def index(self, request: Request) -> Response:
        page = (static_dir() / "index.html").read_bytes()
        return ReplyResponse(Reply(200, "text/html", page))

    async def queries_json(self, request: Request) -> Response:
        body = json.dumps(_saved_queries(), ensure_ascii=False, indent=1).encode()
        return ReplyResponse(Reply(200, "application/json", body))

    async def saved_query_text(self, request: Request) -> Response:
        """A saved query's text; with ``?PARAM=value``, those parameters bound."""
        from kg.errors import CkgError
        from kg.query import prepare_query, saved_queries

        name = request.path_params["name"]
        for saved in saved_queries():
            if saved.name == name:
                try:
                    text = prepare_query(saved, _single_params(request, ()))
                except CkgError as err:  # an unknown parameter
                    return ReplyResponse(Reply.error(400, str(err)))
                return ReplyResponse(Reply(200, "application/sparql-query", text.encode()))
        return ReplyResponse(Reply.error(404, f"no saved query named '{name}' (see /queries.json)"))

    async def prefixes_json(self, request: Request) -> Response:
        """The project's prefixes (``{"id": "https://w3id.org/conflict-kg/id/", ...}``)."""
        from kg.namespaces import PREFIXES

        return ReplyResponse(Reply(200, "application/json", json.dumps(PREFIXES).encode()))

    async def explorer(self, request: Request) -> Response:
        params = parse_qs(_query_string(request))
        name = params.get("query", [""])[0]
        view = params.get("view", ["actors"])[0]
        bound = tuple(_single_params(request, ("query", "view")).items())
        if bound and not name:
            reply = Reply.error(400, "parameters need a saved query: /explorer?query=NAME&...")
            return ReplyResponse(reply)
        job = Job(
            "explorer",
            name,
            view=view,
            params=bound,
            max_results=self.config.limits.max_results,
        )
        return ReplyResponse(await self._run(job, request))

    async def elsewhere(self, request: Request) -> Response:
        """An IRI's page or RDF (404 when nobody knows it), or 404 for any other path."""
        # The path as sent (still percent-encoded), as the IRI mapping expects it.
        path = bytes(request.scope.get("raw_path") or request.url.path.encode()).decode("latin-1")
        if not is_resource_path(path):
            return ReplyResponse(Reply.error(404, f"nothing at {path}; try / or /sparql"))
        requested = parse_qs(_query_string(request)).get("format")
        fmt = choose_format(request.headers.get("accept", ""), requested[0] if requested else None)
        if fmt is None:
            offered = ", ".join(f.media_type for f in RESOURCE_FORMATS)
            return ReplyResponse(Reply.error(406, f"a resource is offered as: {offered}"))
        iri = iri_for_path(path)
        if iri is None:
            return ReplyResponse(not_found(fmt))
        job = Job("resource", iri, format_hint=fmt.name, max_results=self.config.limits.max_results)
        return ReplyResponse(await self._run(job, request))

    def close(self) -> None:
        self.threads.shutdown(wait=False, cancel_futures=True)


def build_app(config: ServerConfig, pool: WorkerPool, origin: str) -> tuple[ASGIApp, _Endpoint]:
    """The ASGI app of the endpoint (and its handlers, to close with the server).

    ``origin`` is the server's own ``http://HOST:PORT``: the service description names
    it, and updates from it are accepted.
    """
    endpoint = _Endpoint(config, pool, origin)
    get = ["GET"]  # Starlette answers HEAD as GET without the body
    routes = [
        Route("/sparql", endpoint.sparql, methods=["GET", "POST"]),
        Route("/", endpoint.index, methods=get),
        Route("/index.html", endpoint.index, methods=get),
        Route("/queries.json", endpoint.queries_json, methods=get),
        Route("/prefixes.json", endpoint.prefixes_json, methods=get),
        Route("/queries/{name}.rq", endpoint.saved_query_text, methods=get),
        Route("/explorer", endpoint.explorer, methods=get),
        Mount("/static", app=_WithReadHeaders(StaticFiles(directory=static_dir()))),
        Route("/{path:path}", endpoint.elsewhere, methods=get),
    ]
    app = Starlette(routes=routes, exception_handlers={ProtocolError: _refused})
    # A redirect to the path with(out) a slash would be built from the Host header.
    app.router.redirect_slashes = False
    return _Guard(app), endpoint
