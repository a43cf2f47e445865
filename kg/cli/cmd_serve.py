"""``ckg serve`` (SPARQL endpoint, query page, explorer) and ``ckg push`` (to a remote store)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from kg.cli.options import add_store_option
from kg.errors import EXIT_OK, EXIT_REFUSED, UsageError

__all__ = ["register"]


def _store_path(args: argparse.Namespace) -> Path:
    if args.store:
        return Path(args.store)
    from kg.store import default_store_path

    return default_store_path()


def _positive(kind: type[int] | type[float]) -> Callable[[str], int | float]:
    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
        return value

    return parse


def _absolute_url(text: str) -> str:
    if not text.startswith(("http://", "https://")) or any(c.isspace() for c in text):
        raise argparse.ArgumentTypeError(f"not an absolute http(s) URL: {text!r}")
    return text


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text!r}")
    return value


def _serve(args: argparse.Namespace) -> int:
    from kg.server import Limits, ServerConfig, make_server

    token = args.update_token or os.environ.get("CKG_UPDATE_TOKEN") or None
    if args.allow_update and not token:
        raise UsageError("--allow-update needs --update-token TOKEN (or $CKG_UPDATE_TOKEN)")
    config = ServerConfig(
        store_path=_store_path(args),
        host=args.host,
        port=args.port,
        allow_update=args.allow_update,
        limits=Limits(
            timeout=args.timeout,
            max_results=args.max_results,
            worker_memory=args.worker_memory * 1024 * 1024,
            queue_size=args.queue,
            per_client=args.per_client or 0,
            client_timeout=args.client_timeout,
            max_connections=args.max_connections,
        ),
        workers=args.workers,
        update_token=token,
        allowed_origins=tuple(args.allow_origin or ()),
        allowed_services=tuple(args.allow_service or ()),
    )
    server = make_server(config, quiet=args.quiet)
    origin = server.origin  # http://HOST:PORT, an IPv6 address in brackets
    mode = "read-write (SPARQL Update allowed)" if config.allow_update else "read-only"
    print(
        f"ckg serve: store {config.store_path} ({mode})\n"
        f"  query page  {origin}/\n"
        f"  endpoint    {origin}/sparql\n"
        f"  explorer    {origin}/explorer\n"
        f"  IRIs        {origin}/id/… and /ontology: a page each, or RDF by Accept\n"
        f"  limits      {config.limits.timeout:g} s, {config.limits.max_results} results; "
        f"{config.workers} workers of {args.worker_memory} MB. Ctrl-C stops.",
        file=sys.stderr,
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


def _push(args: argparse.Namespace) -> int:
    from kg.remote import RemoteStore, push_store
    from kg.store import open_store

    user = args.user or os.environ.get("CKG_REMOTE_USER")
    password = args.password or os.environ.get("CKG_REMOTE_PASSWORD")
    if bool(user) != bool(password):
        raise UsageError("give both --user and --password (or CKG_REMOTE_USER/_PASSWORD)")
    remote = RemoteStore(
        endpoint=args.endpoint,
        graph_store=args.graph_store or args.endpoint,
        user=user,
        password=password,
        timeout=args.timeout,
    )
    store = open_store(_store_path(args), read_only=True)
    report = push_store(
        store,
        remote,
        articles=args.article or None,
        verify=not args.no_verify,
        progress=lambda line: print(line, file=sys.stderr, flush=True),
    )
    print(report.summary())
    return EXIT_OK if report.ok else EXIT_REFUSED


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``serve`` and ``push`` to ``sub``."""
    serve = sub.add_parser(
        "serve",
        help="SPARQL 1.1 endpoint, query page and explorer over the store",
        description=(
            "Serve the store over HTTP: a SPARQL 1.1 Protocol endpoint at /sparql (the "
            "default graph is the union of all named graphs), a query page at / with the "
            "saved queries, the explorer at /explorer, and every IRI of the graph at its "
            "path (https://w3id.org/conflict-kg/id/entity/armenia at /id/entity/armenia, "
            "the ontology at /ontology): an HTML page, or Turtle or JSON-LD by Accept or "
            "?format=. Read-only unless --allow-update; "
            "the store is opened read-only, so 'ckg ingest' can add articles meanwhile "
            "(they are visible to the next query)."
        ),
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    add_store_option(serve)
    serve.add_argument(
        "--allow-update",
        action="store_true",
        help="accept SPARQL Update from clients with the token (else refused, 403)",
    )
    serve.add_argument(
        "--update-token",
        metavar="TOKEN",
        help="the token updates must carry as 'Authorization: Bearer TOKEN' (default: "
        "$CKG_UPDATE_TOKEN; required with --allow-update)",
    )
    serve.add_argument(
        "--allow-origin",
        action="append",
        metavar="ORIGIN",
        help="a browser origin besides the server's own from which updates are accepted, "
        "e.g. https://lab.example.org; repeatable",
    )
    serve.add_argument(
        "--allow-service",
        action="append",
        type=_absolute_url,
        metavar="URL",
        help="an endpoint that SERVICE (and LOAD) may reach, written exactly as in the "
        "query; repeatable. Without it, queries never reach the network",
    )
    serve.add_argument(
        "--timeout",
        type=_positive(float),
        default=30.0,
        metavar="SECONDS",
        help="stop a query after this long and answer 503 (30)",
    )
    serve.add_argument(
        "--max-results",
        type=_positive(int),
        default=100_000,
        metavar="N",
        help="truncate results after N rows/triples, with header X-Result-Truncated (100000)",
    )
    serve.add_argument(
        "--workers",
        type=_positive(int),
        default=2,
        metavar="N",
        help="query worker processes, i.e. queries run at once (2)",
    )
    serve.add_argument(
        "--worker-memory",
        type=_positive(int),
        default=2048,
        metavar="MB",
        help="address space of each worker process; a query needing more gets 503 (2048)",
    )
    serve.add_argument(
        "--queue",
        type=_non_negative,
        default=32,
        metavar="N",
        help="requests that may wait for a worker; beyond that 503 with Retry-After (32)",
    )
    serve.add_argument(
        "--per-client",
        type=_positive(int),
        default=None,
        metavar="N",
        help="workers one client address may use at once (default: all but one)",
    )
    serve.add_argument(
        "--client-timeout",
        type=_positive(float),
        default=20.0,
        metavar="SECONDS",
        help="time for a client to send one request, and to take the answer (20)",
    )
    serve.add_argument(
        "--max-connections",
        type=_positive(int),
        default=100,
        metavar="N",
        help="open connections at once; more are answered 503 and closed (100)",
    )
    serve.add_argument("--quiet", action="store_true", help="do not log each request")
    serve.set_defaults(handler=_serve)

    push = sub.add_parser(
        "push",
        help="upload the store's named graphs to a remote SPARQL store",
        description=(
            "Upload each article's named graph, and the reference, ontology, links and "
            "annotations graphs, to a remote store with the SPARQL 1.1 Graph Store HTTP "
            "Protocol: one PUT per graph, so each replaces the remote copy cleanly. Then "
            "count each graph's triples through the remote SPARQL endpoint to check."
        ),
    )
    push.add_argument("--endpoint", required=True, metavar="URL", help="remote SPARQL endpoint")
    push.add_argument(
        "--graph-store",
        metavar="URL",
        help="Graph Store Protocol URL (default: the endpoint; Virtuoso: "
        ".../sparql-graph-crud-auth, Fuseki: .../DATASET/data, GraphDB: "
        ".../repositories/ID/rdf-graphs/service)",
    )
    add_store_option(push)
    push.add_argument(
        "--article",
        action="append",
        metavar="ID",
        help="push only this article (identifier or IRI); repeatable",
    )
    push.add_argument("--user", help="user name (or $CKG_REMOTE_USER); digest or basic auth")
    push.add_argument("--password", help="password (or $CKG_REMOTE_PASSWORD)")
    push.add_argument(
        "--timeout", type=_positive(float), default=60.0, metavar="SECONDS", help="per request"
    )
    push.add_argument("--no-verify", action="store_true", help="skip counting triples remotely")
    push.set_defaults(handler=_push)
