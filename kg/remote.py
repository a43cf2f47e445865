"""Push the store's named graphs to a remote SPARQL store (SPARQL 1.1 Graph Store Protocol).

One ``PUT <graph-store>?graph=IRI`` per named graph, with the graph as N-Triples (which
every Graph Store implementation reads, and which is also valid Turtle), so each graph
replaces its remote copy cleanly and a failure leaves the other graphs intact. Then,
unless told not to, one ``SELECT ?g (COUNT(*) AS ?n)`` through the remote SPARQL endpoint
checks that every pushed graph arrived whole.

Only the standard library is used (urllib); HTTP basic and digest authentication both
work (Virtuoso's ``/sparql-graph-crud-auth`` wants digest).

>>> remote = RemoteStore("http://127.0.0.1:8890/sparql",
...                      graph_store="http://127.0.0.1:8890/sparql-graph-crud-auth")
>>> remote.graph_url("https://w3id.org/conflict-kg/id/article/a")
'http://127.0.0.1:8890/sparql-graph-crud-auth?graph=https%3A%2F%2Fw3id.org%2Fconflict-kg%2Fid%2Farticle%2Fa'
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import CkgError, UsageError
from kg.iris import article_iri

__all__ = [
    "PushReport",
    "RemoteError",
    "RemoteStore",
    "graph_triple_counts",
    "push_store",
    "put_graph",
]

NTRIPLES = "application/n-triples"


class RemoteError(CkgError):
    """The remote store could not be reached or refused a request."""


@dataclass(frozen=True)
class RemoteStore:
    """Where and how to reach a remote store.

    ``graph_store`` is the Graph Store Protocol URL (default: ``endpoint``, which is right
    for Oxigraph and for a Fuseki dataset URL).
    """

    endpoint: str
    graph_store: str | None = None
    user: str | None = None
    password: str | None = None
    timeout: float = 60.0

    def graph_url(self, graph: str | None) -> str:
        """The Graph Store URL of a named graph (``None``: the default graph)."""
        base = self.graph_store or self.endpoint
        sep = "&" if "?" in base else "?"
        if graph is None:
            return f"{base}{sep}default"
        return f"{base}{sep}{urllib.parse.urlencode({'graph': graph})}"

    def opener(self) -> urllib.request.OpenerDirector:
        """A urllib opener that answers basic and digest challenges with the credentials."""
        handlers: list[urllib.request.BaseHandler] = []
        if self.user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {self.endpoint, self.graph_store or self.endpoint}:
                passwords.add_password(None, url, self.user, self.password or "")
            handlers += [
                urllib.request.HTTPDigestAuthHandler(passwords),
                urllib.request.HTTPBasicAuthHandler(passwords),
            ]
        return urllib.request.build_opener(*handlers)


def _request(
    remote: RemoteStore,
    opener: urllib.request.OpenerDirector,
    request: urllib.request.Request,
    what: str,
) -> bytes:
    try:
        with opener.open(request, timeout=remote.timeout) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as err:
        detail = err.read(300).decode("utf-8", "replace").strip().replace("\n", " ")
        raise RemoteError(
            f"{what}: {request.full_url} answered {err.code} {err.reason}"
            + (f": {detail}" if detail else "")
        ) from None
    except urllib.error.URLError as err:
        if request.data is not None and isinstance(err.reason, ConnectionError):
            _answer_without_body(remote, opener, request, what, err.reason)
        raise RemoteError(f"{what}: cannot reach {request.full_url}: {err.reason}") from None
    except (TimeoutError, ConnectionError) as err:
        if request.data is not None and isinstance(err, ConnectionError):
            _answer_without_body(remote, opener, request, what, err)
        raise RemoteError(f"{what}: {request.full_url}: {err}") from None


def _answer_without_body(
    remote: RemoteStore,
    opener: urllib.request.OpenerDirector,
    request: urllib.request.Request,
    what: str,
    cause: BaseException,
) -> None:
    """A server may answer (401, 413, …) and close before it has read a large body, so
    the client sees a broken connection, not the answer: ask again without the body (a
    GET of the same URL) and raise what the server answers, so that a refusal is reported
    as one, not as an unreachable server. Returns (raising nothing) where the GET tells
    nothing more: the broken connection then stands."""
    probe = urllib.request.Request(request.full_url, method="GET")
    try:
        with opener.open(probe, timeout=remote.timeout):
            pass
    except urllib.error.HTTPError as err:
        if err.code in (404, 405):
            return  # no answer about the body: the broken connection stands
        raise RemoteError(
            f"{what}: {request.full_url} answered {err.code} {err.reason}"
            f" (the connection closed while the body was sent: {cause})"
        ) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return


def put_graph(
    remote: RemoteStore,
    graph: str | None,
    body: bytes,
    *,
    opener: urllib.request.OpenerDirector | None = None,
) -> None:
    """Replace one remote graph (``None``: the default graph) with ``body`` (N-Triples).

    A body larger than :data:`CHUNK_BYTES` goes in pieces of whole lines: the first
    replaces the graph (PUT), the others add to it (POST, the Graph Store Protocol's
    merge). A store that asks for credentials (Virtuoso's Digest) answers the first try of
    each request with 401 before it reads the body; a body of some hundred kilobytes is
    then cut off mid-send and the answer lost, so no request carries a larger one.
    """
    opener = opener or remote.opener()
    name = f"graph <{graph}>" if graph else "default graph"
    for n, piece in enumerate(_pieces(body, CHUNK_BYTES)):
        request = urllib.request.Request(
            remote.graph_url(graph),
            data=piece,
            method="PUT" if n == 0 else "POST",
            headers={"Content-Type": NTRIPLES},
        )
        _request(remote, opener, request, f"pushing {name}")


#: The largest body one request of a push carries (see :func:`put_graph`).
CHUNK_BYTES = 256 * 1024


def _pieces(body: bytes, size: int) -> list[bytes]:
    r"""``body`` cut after whole lines into pieces of at most ``size`` bytes (a line longer
    than that is a piece of its own); an empty body is one empty piece.

    >>> _pieces(b"a\nbb\nc\n", 5)
    [b'a\nbb\n', b'c\n']
    >>> _pieces(b"", 5)
    [b'']
    """
    out: list[bytes] = []
    start = 0
    while start < len(body):
        end = min(len(body), start + size)
        if end < len(body):
            cut = body.rfind(b"\n", start, end)
            end = cut + 1 if cut >= start else body.find(b"\n", end) + 1 or len(body)
        out.append(body[start:end])
        start = end
    return out or [b""]


def graph_triple_counts(
    remote: RemoteStore, *, opener: urllib.request.OpenerDirector | None = None
) -> dict[str, int]:
    """The number of triples in every named graph of the remote store, by graph IRI."""
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    request = urllib.request.Request(
        remote.endpoint,
        data=urllib.parse.urlencode({"query": query}).encode(),
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    body = _request(remote, opener or remote.opener(), request, "counting remote triples")
    try:
        bindings = json.loads(body)["results"]["bindings"]
        return {b["g"]["value"]: int(b["n"]["value"]) for b in bindings}
    except (ValueError, KeyError, TypeError) as err:
        raise RemoteError(
            f"counting remote triples: unexpected answer from {remote.endpoint}: {err}"
        ) from None


@dataclass
class PushReport:
    """What a push did: graphs and triples sent, failures, verification mismatches."""

    target: str
    pushed: dict[str, int] = field(default_factory=dict)  # graph IRI ("" = default) -> triples
    failed: dict[str, str] = field(default_factory=dict)  # graph IRI -> error message
    mismatched: dict[str, tuple[int, int]] = field(default_factory=dict)  # local, remote
    seconds: float = 0.0
    verified: bool = False

    @property
    def ok(self) -> bool:
        """True if every graph was pushed (and, if verified, arrived whole)."""
        return not self.failed and not self.mismatched

    def summary(self) -> str:
        """A few lines for the terminal."""
        triples = sum(self.pushed.values())
        lines = [
            f"pushed {len(self.pushed)} graphs ({triples} triples) to {self.target} "
            f"in {self.seconds:.1f} s"
            + (", verified by counting through the endpoint" if self.verified else "")
        ]
        lines += [f"  failed: {msg}" for msg in self.failed.values()]
        lines += [
            f"  mismatch: graph <{g}> has {local} triples here but {remote_n} remotely"
            for g, (local, remote_n) in sorted(self.mismatched.items())
        ]
        return "\n".join(lines)


def _graphs_to_push(store: ox.Store, articles: Iterable[str] | None) -> list[str | None]:
    if articles is None:
        graphs: list[str | None] = []
        graphs += sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
            graphs.insert(0, None)
        return graphs
    chosen: list[str | None] = []
    for ident in articles:
        iri = ident if ident.startswith(("http://", "https://")) else str(article_iri(ident))
        if not store.contains_named_graph(ox.NamedNode(iri)):
            raise UsageError(
                f"no article '{ident}' in the store (graph <{iri}>); see 'ckg articles'"
            )
        chosen.append(iri)
    return chosen


def push_store(
    store: ox.Store,
    remote: RemoteStore,
    *,
    articles: Iterable[str] | None = None,
    verify: bool = True,
    progress: Callable[[str], None] | None = None,
) -> PushReport:
    """Upload the store's graphs (all named graphs, or only ``articles``) to ``remote``.

    A graph the remote refuses is recorded in the report and the push goes on; an
    endpoint that cannot be reached at all stops it with :class:`RemoteError`.
    """
    started = time.monotonic()
    report = PushReport(target=remote.graph_store or remote.endpoint)
    opener = remote.opener()
    graphs = _graphs_to_push(store, articles)
    for i, graph in enumerate(graphs, 1):
        source = ox.NamedNode(graph) if graph else ox.DefaultGraph()
        body = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=source)
        assert body is not None
        count = body.count(b"\n")  # canonical N-Triples: one triple per line
        try:
            put_graph(remote, graph, body, opener=opener)
        except RemoteError as err:
            if "cannot reach" in str(err):
                raise
            report.failed[graph or ""] = str(err)
            continue
        report.pushed[graph or ""] = count
        if progress:
            progress(f"[{i}/{len(graphs)}] {graph or '(default graph)'}: {count} triples")
    if verify and report.pushed:
        remote_counts = graph_triple_counts(remote, opener=opener)
        for graph, local in report.pushed.items():
            if graph and remote_counts.get(graph, 0) != local:
                report.mismatched[graph] = (local, remote_counts.get(graph, 0))
        report.verified = True
    report.seconds = time.monotonic() - started
    return report
