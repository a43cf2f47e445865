"""Evaluate one SPARQL operation against a pyoxigraph store and serialize the answer.

This is what a worker process does for each request (see :mod:`kg.server.limits`). It
returns a :class:`Reply` (status, media type, body, extra headers) and never raises for
a bad query: syntax errors become 400 with the parser's message, unacceptable ``Accept``
headers 406.

Queries are evaluated with the **default graph as the union of all named graphs**, like
``ckg query`` (one definition for both: :mod:`kg.dataset`), unless the request gives
``default-graph-uri`` / ``named-graph-uri`` or the query has ``FROM`` / ``FROM NAMED``;
then that dataset is used as the spec says.

Results larger than ``max_results`` rows (SELECT) or triples (CONSTRUCT/DESCRIBE) are
**truncated** to ``max_results`` and the reply carries ``X-Result-Truncated: true``.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"),
...                   ox.Literal("x"), ox.NamedNode("http://e/graph")))
>>> job = Job("query", "SELECT ?o { ?s ?p ?o }", accept="text/csv")
>>> reply = execute(store, job)
>>> reply.status, reply.media_type, reply.body
(200, 'text/csv', b'o\\r\\nx\\r\\n')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox

from kg.dataset import dataset_options
from kg.namespaces import PREFIXES
from kg.server.sparql_protocol import (
    BOOLEAN_FORMATS,
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    Format,
    negotiate,
)

__all__ = ["Job", "Reply", "execute", "execute_update", "serialize_graph"]

_RESULTS_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}


@dataclass(frozen=True)
class Job:
    """One unit of work for a worker: a query, an update, an explorer or an IRI's page.

    ``text`` is the SPARQL text (for ``explorer``: the saved query name or ""; for
    ``resource``: the IRI, whose format ``format_hint`` names).
    """

    kind: str  # "query", "update", "explorer" or "resource"
    text: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    accept: str = ""
    format_hint: str = ""
    max_results: int = 100_000
    view: str = "actors"
    params: tuple[tuple[str, str], ...] = ()  # explorer: the saved query's parameters


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, ``Content-Type`` media type, body, extra headers."""

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @classmethod
    def error(cls, status: int, message: str) -> Reply:
        """A plain-text error reply (one line plus newline)."""
        return cls(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


def _not_acceptable(accept: str, formats: tuple[Format, ...], what: str) -> Reply:
    offered = ", ".join(f.media_type for f in formats)
    return Reply.error(406, f"cannot serve {what} as '{accept}'; offered: {offered}")


def _truncation_headers(truncated: bool, limit: int) -> tuple[tuple[str, str], ...]:
    if not truncated:
        return ()
    return (("X-Result-Truncated", "true"), ("X-Result-Limit", str(limit)))


def _solutions_reply(solutions: ox.QuerySolutions, job: Job) -> Reply:
    fmt = negotiate(job.accept, SOLUTION_FORMATS, hint=job.format_hint)
    if fmt is None:
        return _not_acceptable(job.accept, SOLUTION_FORMATS, "SELECT results")
    variables = solutions.variables
    # Read at most max_results + 1 rows (the +1 tells whether anything was cut), write
    # them as SPARQL TSV (whose cells are N-Triples terms, exactly str(term)), and let
    # pyoxigraph re-serialize that in the negotiated format.
    lines = ["\t".join(str(v) for v in variables)]
    for row in islice(solutions, job.max_results + 1):
        lines.append("\t".join("" if (t := row[v]) is None else str(t) for v in variables))
    truncated = len(lines) - 1 > job.max_results
    if truncated:
        lines = lines[: job.max_results + 1]
    tsv = ("\n".join(lines) + "\n").encode()
    bounded = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    body = bounded.serialize(format=_RESULTS_FORMATS[fmt.name])
    assert body is not None
    return Reply(200, fmt.media_type, body, _truncation_headers(truncated, job.max_results))


def serialize_graph(triples: list[ox.Triple], fmt: Format) -> bytes:
    """Serialize triples in a graph format (TriG/N-Quads put them in the default graph).

    >>> t = ox.Triple(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x"))
    >>> serialize_graph([t], GRAPH_FORMATS[1])
    b'<http://e/a> <http://e/p> "x" .\\n'
    """
    rdf_format = _RDF_FORMATS[fmt.name]
    items: list[ox.Triple] | list[ox.Quad] = triples
    if rdf_format.supports_datasets:
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    prefixes = PREFIXES if fmt.name in ("turtle", "trig", "rdfxml") else None
    body = ox.serialize(items, format=rdf_format, prefixes=prefixes)
    assert body is not None
    return body


def _triples_reply(triples: ox.QueryTriples, job: Job) -> Reply:
    fmt = negotiate(job.accept, GRAPH_FORMATS, hint=job.format_hint)
    if fmt is None:
        return _not_acceptable(job.accept, GRAPH_FORMATS, "CONSTRUCT/DESCRIBE results")
    kept = list(islice(triples, job.max_results + 1))
    truncated = len(kept) > job.max_results
    body = serialize_graph(kept[: job.max_results], fmt)
    return Reply(200, fmt.media_type, body, _truncation_headers(truncated, job.max_results))


def execute(store: ox.Store, job: Job) -> Reply:
    """Evaluate ``job`` (a query) on ``store`` and serialize its answer as negotiated."""
    try:
        dataset = dataset_options(
            job.text, default_graphs=job.default_graphs, named_graphs=job.named_graphs
        )
        result = store.query(job.text, **dataset)  # type: ignore[arg-type]
        if isinstance(result, ox.QueryBoolean):
            fmt = negotiate(job.accept, BOOLEAN_FORMATS, hint=job.format_hint)
            if fmt is None:
                return _not_acceptable(job.accept, BOOLEAN_FORMATS, "ASK results")
            body = result.serialize(format=_RESULTS_FORMATS[fmt.name])
            assert body is not None
            return Reply(200, fmt.media_type, body)
        if isinstance(result, ox.QuerySolutions):
            return _solutions_reply(result, job)
        return _triples_reply(result, job)
    except SyntaxError as err:
        return Reply.error(400, f"SPARQL syntax error: {err}")
    except ValueError as err:  # e.g. an invalid IRI in default-graph-uri
        return Reply.error(400, f"bad request: {err}")


def execute_update(store: ox.Store, job: Job) -> Reply:
    """Apply ``job`` (a SPARQL Update) to ``store`` in one transaction."""
    try:
        store.update(job.text)
        store.flush()
    except SyntaxError as err:
        return Reply.error(400, f"SPARQL syntax error: {err}")
    except ValueError as err:
        return Reply.error(400, f"bad request: {err}")
    return Reply(204, "text/plain; charset=utf-8", b"")
