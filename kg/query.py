"""Run SPARQL queries (saved or ad hoc) on the store or on a remote SPARQL 1.1 endpoint.

Saved queries are the ``.rq`` files of ``queries/`` (installed as ``kg.queries``), one per
question, each starting with a header comment::

    # title: Who mediated or offered to mediate
    # description: ...
    # param ?conflict: the conflict (example: id:entity/nagorno-karabakh-conflict)
    # example: ckg query mediators

Parameters are bound as RDF terms, never pasted into the query text: each value is parsed
into a term (:func:`parse_param_value`) and bound by a ``VALUES ?var { term }`` block put at
the start of the query's WHERE group; the term is written in its N-Triples form by
pyoxigraph, which escapes it. The same text goes to the embedded store and to a remote
endpoint, so both give the same answers. (pyoxigraph's ``substitutions=`` pre-binding is
not used: 0.5 refuses it for variables that are not projected, e.g. ``?org`` in
``members``.) A value such as ``"} ; DROP ALL ; {"`` is a string literal that matches
nothing.

>>> org = parse_param_value("id:entity/csto")
>>> print(bind_values('SELECT ?m WHERE {\\n ?m <http://ex/p> ?org }', {"org": org}))
SELECT ?m WHERE { VALUES ?org { <https://w3id.org/conflict-kg/id/entity/csto> }
 ?m <http://ex/p> ?org }
>>> print(parse_param_value('x" } ; DROP ALL ; { "'))
"x\\" } ; DROP ALL ; { \\""
>>> sorted(query_variables('SELECT ?a WHERE { ?a <http://x#?b> "?c" } # ?d'))
['a']

The default graph is the union of all named graphs, as on ``ckg serve`` (one definition:
:mod:`kg.dataset`), so a query need not say which graph it reads:

>>> from kg.store import open_store
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     store = open_store(d + "/s")
...     store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"),
...                       ox.Literal("x"), ox.NamedNode("http://e/graph")))
...     run_query(store, "SELECT ?o { <http://e/a> ?p ?o }").rows
[{'o': rdflib.term.Literal('x')}]
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.dataset import DEFAULT_GRAPH, dataset_options, names_graph
from kg.errors import CkgError, MissingRuntimeError, UsageError
from kg.namespaces import PREFIXES, XSD
from kg.resources import queries_dir
from kg.store import to_rdflib

__all__ = [
    "MAX_LIMIT",
    "MAX_PAGE",
    "OutputFormat",
    "ParamKind",
    "QueryParam",
    "QueryResult",
    "SavedQuery",
    "bind_values",
    "format_result",
    "load_query_file",
    "load_saved_query",
    "parse_param_value",
    "prepare_query",
    "query_form",
    "query_variables",
    "run_query",
    "saved_queries",
    "set_slice",
    "shorten",
    "with_prefixes",
]


class OutputFormat(StrEnum):
    """How ``ckg query`` prints results."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    TTL = "ttl"


# --- saved queries --------------------------------------------------------------------


class ParamKind(StrEnum):
    """What a saved query's parameter takes, declared in its header: ``# param ?from (date):``.

    ``term`` (the default): an RDF term, bound by ``VALUES``. ``date``: a calendar date
    ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, checked, bound by ``VALUES`` as a plain
    literal. ``limit``: a whole number from 1 to :data:`MAX_LIMIT`, the number of the
    query's ``LIMIT`` clause. ``page``: a whole number from 1 to :data:`MAX_PAGE`; page
    ``n`` skips ``(n - 1) * limit`` (the query's ``OFFSET``).
    """

    TERM = "term"
    DATE = "date"
    LIMIT = "limit"
    PAGE = "page"


MAX_LIMIT = 10_000
MAX_PAGE = 1_000_000


@dataclass(frozen=True)
class QueryParam:
    """A parameter a saved query documents: ``# param ?name: meaning (example: value)``,
    or ``# param ?name (kind): ...`` for a kind other than an RDF term (:class:`ParamKind`)."""

    name: str
    meaning: str
    example: str | None = None
    kind: ParamKind = ParamKind.TERM


@dataclass(frozen=True)
class SavedQuery:
    """A query with its documentation, read from a ``.rq`` file."""

    name: str
    text: str
    path: Path | None = None
    title: str = ""
    description: str = ""
    params: tuple[QueryParam, ...] = ()
    example: str = ""


_HEADER = re.compile(
    r"^#\s*(title|description|param|example)\s*(\?\w+)?\s*(?:\((\w+)\))?\s*:\s*(.*)$"
)
_EXAMPLE = re.compile(r"\s*\((?:example|e\.g\.)[:\s]\s*(.+)\)\s*$")


def _parse_header(text: str) -> dict[str, Any]:
    info: dict[str, Any] = {"title": "", "description": "", "example": "", "params": []}
    last: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        m = _HEADER.match(stripped)
        if m:
            key, var, kind, value = m.group(1), m.group(2), m.group(3), m.group(4).strip()
            if key == "param" and var:
                ex = _EXAMPLE.search(value)
                meaning = value[: ex.start()].strip() if ex else value
                example = ex.group(1).strip() if ex else None
                info["params"].append([var[1:], meaning, example, kind or "term"])
            else:
                info[key] = value
            last = key
        elif last in ("description", "title", "example"):
            more = stripped.lstrip("#").strip()
            if more:
                info[last] = f"{info[last]} {more}".strip()
        elif last == "param" and info["params"]:
            more = stripped.lstrip("#").strip()
            if more:
                info["params"][-1][1] = f"{info['params'][-1][1]} {more}".strip()
    return info


def load_query_file(path: str | Path) -> SavedQuery:
    """A query from a ``.rq`` file, with its header comment parsed."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read query file {p}: {err}") from err
    info = _parse_header(text)
    params = []
    for name, meaning, example, kind in info["params"]:
        try:
            params.append(QueryParam(name, meaning, example, ParamKind(kind)))
        except ValueError:
            known = ", ".join(k.value for k in ParamKind)
            raise UsageError(
                f"query file {p}: parameter ?{name} has an unknown kind ({kind}); known: {known}"
            ) from None
    return SavedQuery(
        name=p.stem,
        text=text,
        path=p,
        title=info["title"],
        description=info["description"],
        params=tuple(params),
        example=info["example"],
    )


def saved_queries() -> list[SavedQuery]:
    """Every saved query, sorted by name.

    >>> "mediators" in [q.name for q in saved_queries()]
    True
    """
    return [load_query_file(p) for p in sorted(queries_dir().glob("*.rq"))]


def load_saved_query(name: str) -> SavedQuery:
    """The saved query called ``name``; an unknown name is a UsageError with close matches.

    >>> load_saved_query("mediator")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: unknown query 'mediator'; did you mean: mediators...?...
    """
    path = queries_dir() / f"{name}.rq"
    if re.fullmatch(r"[\w.-]+", name) and path.is_file():
        return load_query_file(path)
    names = [q.stem for q in sorted(queries_dir().glob("*.rq"))]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    hint = f"did you mean: {', '.join(close)}?" if close else f"known: {', '.join(names)}"
    raise UsageError(f"unknown query {name!r}; {hint} (see 'ckg query --list')")


# --- scanning query text --------------------------------------------------------------------

_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<string>\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''(?:[^\\]|\\.)*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
    |(?P<word>[A-Za-z_][\w-]*)
    |(?P<open>\{)|(?P<close>\})
    |(?P<number>\d+)
    |(?P<other>\S)""",
    re.VERBOSE | re.DOTALL,
)


def _tokens(text: str) -> Iterator[re.Match[str]]:
    for m in _TOKEN.finditer(text):
        if m.lastgroup != "comment":
            yield m


def query_variables(text: str) -> set[str]:
    """The names of the variables used in a query (outside IRIs, strings and comments)."""
    return {m.group()[1:] for m in _tokens(text) if m.lastgroup == "var"}


_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}


def query_form(text: str) -> str:
    """``SELECT``, ``CONSTRUCT``, ``ASK`` or ``DESCRIBE`` (the first query keyword).

    >>> query_form("PREFIX a: <http://a#> # CONSTRUCT\\nASK { ?s ?p ?o }")
    'ASK'
    """
    for m in _tokens(text):
        if m.lastgroup == "word" and m.group().upper() in _FORMS:
            return m.group().upper()
    raise UsageError("not a SPARQL query: no SELECT, CONSTRUCT, ASK or DESCRIBE")


def _where_brace(text: str) -> int | None:
    """Offset just after the ``{`` that opens the query's WHERE group."""
    depth = 0
    form: str | None = None
    saw_where = False
    top_groups = 0
    for m in _tokens(text):
        kind, value = m.lastgroup, m.group()
        if kind == "word" and depth == 0:
            upper = value.upper()
            if form is None and upper in _FORMS:
                form = upper
            elif upper == "WHERE":
                saw_where = True
        elif kind == "open":
            if depth == 0:
                top_groups += 1
                if saw_where or (form is not None and (form != "CONSTRUCT" or top_groups == 2)):
                    return m.end()
            depth += 1
        elif kind == "close":
            depth -= 1
    return None


def _subselect_groups(text: str) -> list[tuple[int, int, int]]:
    """Each sub-SELECT as (offset just after its WHERE group's ``{``, start, end offsets)."""
    groups: list[tuple[int, int, int]] = []
    depth = 0
    pending: list[int] = []  # start offsets of sub-SELECTs whose WHERE group is not open yet
    open_groups: list[tuple[int, int, int]] = []  # (depth inside, start, insert offset)
    for m in _tokens(text):
        kind = m.lastgroup
        if kind == "word" and depth > 0 and m.group().upper() == "SELECT":
            pending.append(m.start())
        elif kind == "open":
            depth += 1
            if pending:
                open_groups.append((depth, pending.pop(), m.end()))
        elif kind == "close":
            if open_groups and open_groups[-1][0] == depth:
                _, start, at = open_groups.pop()
                groups.append((at, start, m.end()))
            depth -= 1
    return groups


def bind_values(text: str, terms: Mapping[str, ox.NamedNode | ox.BlankNode | ox.Literal]) -> str:
    """The query with a ``VALUES ?var { term }`` line per binding at the top of WHERE.

    A sub-SELECT that mentions the variable gets the same ``VALUES`` at the top of its own
    WHERE group: a parameter is one value wherever the query writes it, and a sub-query's
    variables are its own (SPARQL scoping), so a binding outside would not reach one that
    sorts and limits (``explorer-actor``: the actor's latest events).

    >>> q = "SELECT ?n {\\n { SELECT ?n { ?n <p:p> ?o } LIMIT 5 } }"
    >>> print(bind_values(q, {"o": ox.NamedNode("o:o")}))
    SELECT ?n { VALUES ?o { <o:o> }
     { SELECT ?n { VALUES ?o { <o:o> } ?n <p:p> ?o } LIMIT 5 } }
    """
    if not terms:
        return text
    at = _where_brace(text)
    if at is None:
        raise UsageError("cannot bind parameters: the query has no WHERE group")
    # On the brace's own line, so that line numbers in error messages stay right.
    inserts = [(at, "".join(f" VALUES ?{name} {{ {term} }}" for name, term in terms.items()))]
    for where, start, end in _subselect_groups(text):
        used = query_variables(text[start:end])
        values = "".join(
            f" VALUES ?{name} {{ {term} }}" for name, term in terms.items() if name in used
        )
        if values:
            inserts.append((where, values))
    for offset, values in sorted(inserts, reverse=True):
        text = text[:offset] + values + text[offset:]
    return text


def set_slice(text: str, *, name: str = "query", limit: int | None, page: int | None) -> str:
    """The query with its one ``LIMIT`` clause set to ``limit`` and its ``OFFSET`` to page
    ``page`` (``(page - 1) * limit``); either may be None (the file's value, page 1).

    SPARQL takes no variable in ``LIMIT`` or ``OFFSET``, so these two are numbers written
    into the text: whole numbers checked by :func:`prepare_query`, never the user's text.

    >>> set_slice("SELECT ?s { ?s ?p ?o } LIMIT 20", limit=None, page=3)
    'SELECT ?s { ?s ?p ?o } LIMIT 20 OFFSET 40'
    >>> set_slice("SELECT ?s { ?s ?p ?o } LIMIT 20 OFFSET 0", limit=5, page=2)
    'SELECT ?s { ?s ?p ?o } LIMIT 5 OFFSET 5'
    """
    tokens = list(_tokens(text))
    at = [i for i, t in enumerate(tokens) if t.lastgroup == "word" and t.group().upper() == "LIMIT"]
    if len(at) != 1 or at[0] + 1 >= len(tokens) or tokens[at[0] + 1].lastgroup != "number":
        raise UsageError(f"query {name} needs exactly one 'LIMIT n' clause for ?limit / ?page")
    number = tokens[at[0] + 1]
    size = limit if limit is not None else int(number.group())
    edits = [(number.start(), number.end(), str(size))]
    if page is not None:
        rest = tokens[at[0] + 2 : at[0] + 4]
        offset = str((page - 1) * size)
        if len(rest) == 2 and rest[0].group().upper() == "OFFSET" and rest[1].lastgroup == "number":
            edits.append((rest[1].start(), rest[1].end(), offset))
        else:
            edits.append((number.end(), number.end(), f" OFFSET {offset}"))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def with_prefixes(text: str) -> str:
    """Declare the project's prefixes the query uses without declaring them itself."""
    tokens = list(_tokens(text))
    declared = set()
    for i, tok in enumerate(tokens[:-1]):
        if tok.lastgroup == "word" and tok.group().upper() == "PREFIX":
            nxt = tokens[i + 1]
            declared.add(nxt.group() if nxt.lastgroup == "word" else "")
    missing = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared]
    return ("\n".join(missing) + "\n" + text) if missing else text


# --- parameter values -------------------------------------------------------------------

_LITERAL = re.compile(r'^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?$', re.S)
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), body, flags=re.S)


def _iri(value: str) -> ox.NamedNode | None:
    if value.startswith("<") and value.endswith(">"):
        try:
            return ox.NamedNode(value[1:-1])
        except ValueError as err:
            raise UsageError(f"not a valid IRI: {value} ({err})") from err
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and re.fullmatch(r"[^\s<>\"{}|^`\\]*", local):
        return ox.NamedNode(PREFIXES[prefix] + local)
    return None


def parse_param_value(value: str) -> ox.NamedNode | ox.Literal:
    """The RDF term a ``--param`` value stands for.

    ``<iri>`` and ``prefix:local`` (a known prefix) are IRIs; ``"…"@de`` and
    ``"…"^^xsd:date`` are literals; anything else is a plain string literal.

    >>> parse_param_value("id:entity/armenia")
    <NamedNode value=https://w3id.org/conflict-kg/id/entity/armenia>
    >>> parse_param_value('"Armenien"@de')
    <Literal value=Armenien language=de>
    >>> parse_param_value('"2020-10"^^xsd:gYearMonth').datatype
    <NamedNode value=http://www.w3.org/2001/XMLSchema#gYearMonth>
    >>> parse_param_value("Armenien")
    <Literal value=Armenien datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    """
    iri = _iri(value)
    if iri is not None:
        return iri
    m = _LITERAL.match(value)
    if m:
        body, lang, dtype = _unescape(m.group(1)), m.group(2), m.group(3)
        if lang:
            return ox.Literal(body, language=lang)
        if dtype:
            dt = _iri(dtype)
            if dt is None:
                raise UsageError(f"unknown datatype {dtype} in {value}")
            return ox.Literal(body, datatype=dt)
        return ox.Literal(body)
    return ox.Literal(value)


# --- results ---------------------------------------------------------------------------------


@dataclass
class QueryResult:
    """The answer to a query: rows for SELECT, a graph for CONSTRUCT/DESCRIBE, a boolean
    for ASK. ``text`` is the query as sent (after binding). ``note`` says what a reader
    may need to know to read the answer right (``ckg query`` prints it on stderr), e.g.
    why a remote endpoint may have found nothing."""

    form: str
    text: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Node | None]] = field(default_factory=list)
    graph: Graph | None = None
    boolean: bool | None = None
    note: str | None = None

    @property
    def empty(self) -> bool:
        """No rows, no triples, or ASK false."""
        if self.form == "ASK":
            return not self.boolean
        return not (self.graph if self.graph is not None else self.rows)

    def column(self, name: str) -> list[Node | None]:
        """The values of one variable, row by row."""
        return [row.get(name) for row in self.rows]

    def to_dataframe(self) -> Any:
        """The rows as a pandas DataFrame with a dtype per column from the literals' datatypes:
        integers ``Int64``, other numbers ``Float64``, booleans ``boolean``, full dates and
        times ``datetime64``, everything else (IRIs, text, partial dates such as "2020-10")
        ``string``; a column of mixed kinds stays ``object``. Unbound cells are missing."""
        try:
            import pandas as pd
        except ImportError as err:
            raise MissingRuntimeError(
                "QueryResult.to_dataframe needs pandas, which is not installed "
                "(pip install pandas); .rows has the same data as dicts"
            ) from err
        if self.form != "SELECT":
            raise UsageError(f"a {self.form} result has no rows for a DataFrame")
        frame = pd.DataFrame(
            {v: [_python(row.get(v)) for row in self.rows] for v in self.variables},
            columns=self.variables,
        )
        for v in self.variables:
            kind = _column_kind([row.get(v) for row in self.rows])
            if kind == "datetime":
                # a time zone anywhere in the column puts the whole column in UTC
                zoned = any(str(row.get(v) or "").endswith("Z") for row in self.rows)
                frame[v] = pd.to_datetime(frame[v], utc=zoned)
            elif kind is not None:
                frame[v] = frame[v].astype(kind)
        return frame


_INTEGERS = frozenset(
    str(XSD[t])
    for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
              "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
              "unsignedLong", "unsignedShort", "unsignedByte")
)  # fmt: skip
_FLOATS = frozenset(str(XSD[t]) for t in ("decimal", "double", "float"))
_DATETIMES = frozenset(str(XSD[t]) for t in ("date", "dateTime"))


def _column_kind(terms: list[Node | None]) -> str | None:
    """The pandas dtype for a column of terms, ``"datetime"``, or ``None`` (object)."""
    kinds = set()
    for t in terms:
        if t is None:
            continue
        if not isinstance(t, Literal):
            kinds.add("string")
            continue
        dt = str(t.datatype) if t.datatype else ""
        if dt in _INTEGERS:
            kinds.add("Int64")
        elif dt in _FLOATS:
            kinds.add("Float64")
        elif dt == str(XSD.boolean):
            kinds.add("boolean")
        elif dt in _DATETIMES:
            kinds.add("datetime")
        else:
            kinds.add("string")
    if kinds == {"Int64", "Float64"}:
        return "Float64"
    if kinds == {"string", "datetime"}:
        return "string"  # partial dates beside full ones: each as its ISO text
    return kinds.pop() if len(kinds) == 1 else ("string" if not kinds else None)


def _python(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


def _rows(solutions: ox.QuerySolutions) -> tuple[list[str], list[dict[str, Node | None]]]:
    variables = [v.value for v in solutions.variables]
    rows: list[dict[str, Node | None]] = []
    # Rows repeat their terms (actors, types, articles): convert each distinct term once.
    converted: dict[object, Node] = {}
    for sol in solutions:
        row: dict[str, Node | None] = {}
        for v in variables:
            term = sol[v]
            if term is None:
                row[v] = None
                continue
            node = converted.get(term)
            if node is None:
                node = converted[term] = to_rdflib(term)
            row[v] = node
        rows.append(row)
    return variables, rows


def _graph(triples: Iterator[Any]) -> Graph:
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)
    for t in triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph


def _result(form: str, text: str, raw: Any) -> QueryResult:
    if isinstance(raw, ox.QueryBoolean):
        return QueryResult(form="ASK", text=text, boolean=bool(raw))
    if isinstance(raw, ox.QuerySolutions):
        variables, rows = _rows(raw)
        return QueryResult(form="SELECT", text=text, variables=variables, rows=rows)
    return QueryResult(form=form, text=text, graph=_graph(iter(raw)))


def run_query(
    source: ox.Store | str,
    query: str | SavedQuery,
    *,
    params: Mapping[str, str] | None = None,
    timeout: float = 120.0,
) -> QueryResult:
    """Run a query on a store or on the SPARQL 1.1 endpoint at URL ``source``.

    ``params`` maps variable names (without ``?``) to values as typed on the command line
    (see :func:`parse_param_value`). A name that is not a variable of the query is a
    UsageError naming the query's variables; a syntax error is a UsageError with the
    engine's message.

    On a store, the default graph is the union of all named graphs unless the query
    names its dataset with ``FROM`` (:mod:`kg.dataset`), as on ``ckg serve``. A remote
    endpoint defines its default graph itself: an empty answer there to a query that
    names no graph carries a ``note`` saying so.
    """
    saved = query if isinstance(query, SavedQuery) else SavedQuery(name="query", text=query)
    text = prepare_query(saved, params or {})
    form = query_form(text)
    if isinstance(source, str):
        result = _run_remote(source, saved.name, form, with_prefixes(text), timeout)
        if result.empty and not names_graph(text):
            result.note = (
                f"query {saved.name} names no graph, so it read the default graph of "
                f"{source}; conflict-kg's store and 'ckg serve' take that as {DEFAULT_GRAPH}, "
                "other stores may not (Fuseki: unionDefaultGraph; see docs/scale-out.md); "
                "GRAPH ?g { ... } reads the named graphs on any store"
            )
        return result
    try:
        # the project's prefixes are known without PREFIX lines (those in the text win)
        dataset = dataset_options(text)
        raw = source.query(text, prefixes=PREFIXES, **dataset)  # type: ignore[arg-type]
    except SyntaxError as err:
        raise UsageError(f"query {saved.name}: syntax error: {err}") from err
    except (OSError, RuntimeError) as err:
        raise CkgError(f"query {saved.name} failed: {err}") from err
    return _result(form, text, raw)


def prepare_query(saved: SavedQuery, params: Mapping[str, str]) -> str:
    """The query text with its parameters bound (see :func:`bind_values`), checked by
    kind (:class:`ParamKind`): a date must be a date, a limit or a page a whole number in
    bounds, else a UsageError naming the query and the parameter.

    >>> q = SavedQuery(name="q", text="SELECT ?e { ?e <d:d> ?d FILTER(?d >= ?from) } LIMIT 9",
    ...                params=(QueryParam("from", "", None, ParamKind.DATE),
    ...                        QueryParam("limit", "", None, ParamKind.LIMIT)))
    >>> print(prepare_query(q, {"from": "2020-10", "limit": "3"}))
    SELECT ?e { VALUES ?from { "2020-10" } ?e <d:d> ?d FILTER(?d >= ?from) } LIMIT 3
    >>> prepare_query(q, {"limit": "0"})
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: query q: ?limit must be a whole number from 1 to 10,000, not '0'
    """
    variables = query_variables(saved.text)
    kinds = {p.name: p.kind for p in saved.params}
    terms: dict[str, ox.NamedNode | ox.Literal] = {}
    limit: int | None = None
    page: int | None = None
    for name, value in params.items():
        key = name.lstrip("?$")
        kind = kinds.get(key, ParamKind.TERM)
        if kind is ParamKind.LIMIT:
            limit = _whole_number(saved.name, key, value, MAX_LIMIT)
        elif kind is ParamKind.PAGE:
            page = _whole_number(saved.name, key, value, MAX_PAGE)
        elif key not in variables:
            known = ", ".join(f"?{v}" for v in sorted(variables)) or "none"
            raise UsageError(f"query {saved.name} has no variable ?{key} (its variables: {known})")
        elif kind is ParamKind.DATE:
            terms[key] = _date_literal(saved.name, key, value)
        else:
            terms[key] = parse_param_value(value)
    text = bind_values(saved.text, terms)
    if limit is not None or page is not None:
        text = set_slice(text, name=saved.name, limit=limit, page=page)
    return text


def _whole_number(query: str, key: str, value: str, most: int) -> int:
    text = value.strip()
    if re.fullmatch(r"[0-9]{1,12}", text) and 1 <= int(text) <= most:
        return int(text)
    raise UsageError(
        f"query {query}: ?{key} must be a whole number from 1 to {most:,}, not {value!r}"
    )


_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _date_literal(query: str, key: str, value: str) -> ox.Literal:
    """A date parameter as a plain literal, after checking that it is a calendar date."""
    text = value.strip()
    m = _DATE.fullmatch(text)
    try:
        if m is None:
            raise ValueError(text)
        datetime.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        raise UsageError(
            f"query {query}: ?{key} must be a date YYYY, YYYY-MM or YYYY-MM-DD "
            f"(e.g. 2020-10-01), not {value!r}"
        ) from None
    return ox.Literal(text)


def _run_remote(url: str, name: str, form: str, text: str, timeout: float) -> QueryResult:
    accept = (
        "application/sparql-results+json"
        if form in {"SELECT", "ASK"}
        else "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
    )
    data = urllib.parse.urlencode({"query": text}).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": accept,
            "User-Agent": "conflict-kg",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            media = response.headers.get("Content-Type", "").split(";")[0].strip()
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace").strip().splitlines()
        first = detail[0][:300] if detail else err.reason
        if err.code == 400:
            raise UsageError(f"query {name}: endpoint {url} refused it (400): {first}") from err
        raise CkgError(f"query {name}: endpoint {url} answered {err.code}: {first}") from err
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise CkgError(f"cannot reach endpoint {url}: {reason}") from err
    try:
        if form in {"SELECT", "ASK"}:
            fmt = ox.QueryResultsFormat.from_media_type(media) or ox.QueryResultsFormat.JSON
            raw: Any = ox.parse_query_results(body, format=fmt)
        else:
            rdf = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES
            raw = ox.parse(body, format=rdf)
        return _result(form, text, raw)
    except (SyntaxError, ValueError) as err:
        raise CkgError(f"endpoint {url} sent an unreadable {media or 'answer'}: {err}") from err


# --- formatting ---------------------------------------------------------------------------


def shorten(term: Node | None) -> str:
    """A term for humans: IRIs with a known prefix shortened, literals as their text.

    >>> shorten(URIRef("https://w3id.org/conflict-kg/id/entity/armenia"))
    'id:entity/armenia'
    >>> shorten(Literal("Armenien", lang="de"))
    'Armenien'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        best = max(
            ((p, ns) for p, ns in PREFIXES.items() if str(term).startswith(ns)),
            key=lambda pn: len(pn[1]),
            default=None,
        )
        return f"{best[0]}:{str(term)[len(best[1]) :]}" if best else f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def _table(result: QueryResult, width: int = 80) -> str:
    cols = result.variables
    cells = [[shorten(row.get(v)) for v in cols] for row in result.rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in r] for r in cells]
    cells = [[c.replace("\n", " ") for c in r] for r in cells]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    line = "  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip()
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    footer = f"({len(cells)} row{'s' if len(cells) != 1 else ''})"
    return "\n".join([line, rule, *body, footer]) + "\n"


def format_result(result: QueryResult, fmt: OutputFormat | str = OutputFormat.TABLE) -> str:
    """Render a result as text: table, csv, tsv, json (SPARQL results JSON) or ttl."""
    fmt = OutputFormat(fmt)
    if result.form == "ASK":
        if fmt is OutputFormat.JSON:
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if result.graph is not None:
        if fmt is OutputFormat.JSON:
            return result.graph.serialize(format="json-ld", indent=2)
        if fmt in (OutputFormat.TTL, OutputFormat.TABLE):
            return result.graph.serialize(format="turtle")
        raise UsageError(f"a {result.form} result is a graph: use --format ttl or json")
    if fmt is OutputFormat.TTL:
        raise UsageError("a SELECT result is a table: use --format table, csv, tsv or json")
    if fmt is OutputFormat.TABLE:
        return _table(result)
    if fmt is OutputFormat.JSON:
        bindings = [
            {v: _json_term(t) for v, t in row.items() if t is not None} for row in result.rows
        ]
        doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    out = io.StringIO()
    if fmt is OutputFormat.CSV:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if row.get(v) is None else str(row[v]) for v in result.variables])
        return out.getvalue()
    # TSV (SPARQL 1.1): terms in their Turtle / N-Triples form.
    out.write("\t".join(f"?{v}" for v in result.variables) + "\n")
    for row in result.rows:
        vals = []
        for v in result.variables:
            term = row.get(v)
            vals.append("" if term is None else term.n3())
        out.write("\t".join(vals) + "\n")
    return out.getvalue()
