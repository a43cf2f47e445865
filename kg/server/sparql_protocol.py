"""The SPARQL 1.1 Protocol: reading an HTTP request into an operation, and content negotiation.

Nothing here touches a store. :func:`parse_operation` turns the method, URL query string,
``Content-Type`` and body of a request into a :class:`Operation` (or raises
:class:`ProtocolError` with the HTTP status the spec asks for), and :func:`negotiate`
picks the serialization for an ``Accept`` header.

>>> op = parse_operation("GET", "query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fg", "", b"")
>>> op.kind, op.text, op.default_graphs
('query', 'ASK{}', ('http://g',))
>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SOLUTION_FORMATS).name
'xml'
>>> negotiate("image/png", SOLUTION_FORMATS) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs

from kg.dataset import declares_dataset  # re-exported: the endpoint's callers ask here

__all__ = [
    "BOOLEAN_FORMATS",
    "GRAPH_FORMATS",
    "SOLUTION_FORMATS",
    "Format",
    "Operation",
    "ProtocolError",
    "declares_dataset",
    "format_by_name",
    "negotiate",
    "parse_operation",
]

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"


class ProtocolError(Exception):
    """A request the endpoint refuses; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Format:
    """A serialization the endpoint can produce.

    ``name`` is the short name accepted in the ``format``/``output`` parameter, ``media_type``
    is sent as ``Content-Type``, ``aliases`` are other media types that select it.
    """

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()

    def media_types(self) -> tuple[str, ...]:
        """The canonical media type first, then the aliases."""
        return (self.media_type, *self.aliases)


#: Formats for SELECT results (the first is the default).
SOLUTION_FORMATS: tuple[Format, ...] = (
    Format(
        "json",
        "application/sparql-results+json",
        ("application/json", "text/javascript", "application/javascript"),
    ),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values"),
)
#: Formats for ASK results: the same as SELECT (CSV/TSV carry the boolean as one cell).
BOOLEAN_FORMATS = SOLUTION_FORMATS
#: Formats for CONSTRUCT and DESCRIBE results and for the service description.
GRAPH_FORMATS: tuple[Format, ...] = (
    Format("turtle", "text/turtle", ("application/turtle", "application/x-turtle")),
    Format("ntriples", "application/n-triples", ("text/plain",)),
    Format("jsonld", "application/ld+json", ("application/x-json+ld", "application/json")),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml")),
    Format("trig", "application/trig"),
    Format("nquads", "application/n-quads"),
)

_ALL_FORMATS = SOLUTION_FORMATS + GRAPH_FORMATS


def format_by_name(name: str, formats: tuple[Format, ...]) -> Format | None:
    """The format among ``formats`` with this short name or media type (case-insensitive).

    >>> format_by_name("CSV", SOLUTION_FORMATS).media_type
    'text/csv'
    >>> format_by_name("text/turtle", GRAPH_FORMATS).name
    'turtle'
    """
    wanted = name.strip().lower()
    for fmt in formats:
        if wanted == fmt.name or wanted in fmt.media_types():
            return fmt
    return None


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """2 for an exact match, 1 for ``type/*``, 0 for ``*/*``, -1 for no match."""
        main, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != main:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def _parse_accept(header: str) -> list[_Range]:
    ranges = []
    for item in header.split(","):
        parts = [p.strip() for p in item.split(";")]
        if not parts[0]:
            continue
        main, _, sub = parts[0].lower().partition("/")
        q = 1.0
        for param in parts[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append(_Range(main, sub or "*", q))
    return ranges


def _quality(ranges: list[_Range], fmt: Format) -> tuple[float, int, int]:
    """(q, specificity, 1 if matched by the canonical media type) of the best match."""
    best = (0.0, -1, 0)
    for i, media_type in enumerate(fmt.media_types()):
        for r in ranges:
            spec = r.specificity(media_type)
            # The most specific matching range decides the quality (RFC 9110 12.5.1).
            if spec > best[1] or (spec == best[1] and r.q > best[0]):
                best = (r.q, spec, int(i == 0))
    return best


def negotiate(accept: str, formats: tuple[Format, ...], *, hint: str = "") -> Format | None:
    """The best of ``formats`` for an ``Accept`` header, or None if none is acceptable.

    An empty header or one that only matches through wildcards lets ``hint`` (the
    ``format``/``output`` parameter many SPARQL clients send) decide; otherwise the first
    format is the default. Ties go to the order of ``formats``.

    >>> negotiate("", GRAPH_FORMATS).name
    'turtle'
    >>> negotiate("*/*", SOLUTION_FORMATS, hint="csv").name
    'csv'
    >>> negotiate("application/json", GRAPH_FORMATS).name
    'jsonld'
    """
    hinted = format_by_name(hint, formats) if hint else None
    if not accept.strip():
        return hinted or formats[0]
    ranges = _parse_accept(accept)
    scored = [(_quality(ranges, fmt), i, fmt) for i, fmt in enumerate(formats)]
    acceptable = [s for s in scored if s[0][0] > 0 and s[0][1] >= 0]
    if not acceptable:
        return None
    (_q, spec, _canonical), _, best = max(acceptable, key=lambda s: (*s[0], -s[1]))
    if hinted is not None and spec == 0:
        return hinted
    return best


def acceptable_at_all(accept: str) -> bool:
    """Whether any format of the endpoint could satisfy ``accept`` (early 406 check).

    >>> acceptable_at_all("image/png"), acceptable_at_all("text/*")
    (False, True)
    """
    return negotiate(accept, _ALL_FORMATS) is not None


@dataclass(frozen=True)
class Operation:
    """One SPARQL protocol operation: a query or an update with its RDF dataset parameters."""

    kind: str  # "query" or "update"
    text: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format_hint: str = ""


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise ProtocolError(400, f"parameter '{name}' given {len(values)} times; give it once")
    return values[0] if values else None


def _media_type(content_type: str) -> tuple[str, str]:
    main, _, params = content_type.partition(";")
    charset = "utf-8"
    match = re.search(r"charset\s*=\s*\"?([\w.-]+)", params, re.IGNORECASE)
    if match:
        charset = match.group(1)
    return main.strip().lower(), charset


def _decode(body: bytes, charset: str) -> str:
    try:
        return body.decode(charset)
    except (LookupError, UnicodeDecodeError) as err:
        raise ProtocolError(400, f"request body is not valid {charset}: {err}") from None


def parse_operation(method: str, query_string: str, content_type: str, body: bytes) -> Operation:
    """Read a SPARQL 1.1 Protocol request (sections 2.1 and 2.2 of the spec).

    GET carries ``query`` in the URL; POST carries it form-encoded (``query=`` or
    ``update=``) or directly (``application/sparql-query`` / ``application/sparql-update``,
    with dataset parameters in the URL). Updates by GET are refused (the spec allows POST
    only), as are ``using-graph-uri`` / ``using-named-graph-uri`` (not supported: name the
    graphs with ``USING`` / ``WITH`` in the update itself).

    >>> parse_operation("POST", "", "application/sparql-update", b"CLEAR ALL").kind
    'update'
    >>> parse_operation("POST", "", "text/plain", b"x")
    Traceback (most recent call last):
    ...
    kg.server.sparql_protocol.ProtocolError: unsupported Content-Type 'text/plain' ...
    """
    url_params = parse_qs(query_string, keep_blank_values=True)
    media_type, charset = _media_type(content_type)
    if method == "GET":
        params = url_params
        if "update" in params:
            raise ProtocolError(400, "SPARQL Update must be sent with POST, not GET")
        text = _single(params, "query")
        kind = "query"
    elif method == "POST":
        if media_type == FORM:
            params = parse_qs(_decode(body, charset), keep_blank_values=True)
            for key, values in url_params.items():  # dataset parameters may sit in the URL
                params.setdefault(key, values)
            query, update = _single(params, "query"), _single(params, "update")
            if query is not None and update is not None:
                raise ProtocolError(400, "give either 'query' or 'update', not both")
            kind, text = ("update", update) if update is not None else ("query", query)
        elif media_type in (SPARQL_QUERY, SPARQL_UPDATE):
            params = url_params
            kind = "query" if media_type == SPARQL_QUERY else "update"
            text = _decode(body, charset)
        else:
            raise ProtocolError(
                415,
                f"unsupported Content-Type '{media_type or '(none)'}' for POST; use "
                f"{FORM}, {SPARQL_QUERY} or {SPARQL_UPDATE}",
            )
    else:
        raise ProtocolError(405, f"method {method} is not allowed on the SPARQL endpoint")
    if text is None or not text.strip():
        raise ProtocolError(400, "missing 'query' (or, for POST, 'update') parameter")
    if kind == "update":
        for name in ("using-graph-uri", "using-named-graph-uri"):
            if params.get(name):
                raise ProtocolError(
                    400, f"'{name}' is not supported; name graphs with USING/WITH in the update"
                )
        dataset: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    else:
        dataset = (
            tuple(params.get("default-graph-uri", [])),
            tuple(params.get("named-graph-uri", [])),
        )
    # Clients such as SPARQLWrapper repeat these; they are only hints, so the first wins.
    hint = (params.get("format") or params.get("output") or [""])[0]
    return Operation(kind, text, dataset[0], dataset[1], hint)
