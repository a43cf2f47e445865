"""Dereferenceable IRIs: ``GET /id/...`` and ``/ontology`` as HTML, Turtle or JSON-LD.

``ckg serve`` answers for every IRI the project mints (:mod:`kg.server.iri_paths`): a
person's browser gets an HTML page (:mod:`kg.server.html_pages`), a Linked Data client
the RDF it asks for in ``Accept`` (Turtle, JSON-LD with the project's prefixes as
context, N-Triples, RDF/XML). ``?format=ttl`` (or ``turtle``, ``jsonld``, ``nt``,
``rdfxml``, ``html``) chooses regardless of ``Accept``, for links and for curl. Without
a preference (no ``Accept``, or ``*/*``) the answer is HTML.

:func:`choose_format` runs in the HTTP thread (a bad choice is answered at once);
:func:`resource_reply` runs in a worker process under the store's lock and time limit,
like every query. An IRI the store (or, for ``/ontology``, the ontology) knows nothing
about is 404 with a short page that repeats nothing of the request.

>>> choose_format("text/turtle", None).name, choose_format("", "jsonld").name
('turtle', 'jsonld')
>>> choose_format("text/html,application/xhtml+xml,*/*;q=0.8", None).name
'html'
>>> choose_format("image/png", None) is None
True
>>> store = ox.Store()
>>> reply = resource_reply(store, Job("resource", BASE + "id/entity/narnia", format_hint="html"))
>>> reply.status, reply.media_type
(404, 'text/html; charset=utf-8')
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.jsonld import jsonld_from_expanded
from kg.server.describe import describe
from kg.server.execute import Job, Reply, serialize_graph
from kg.server.html_pages import render_description, render_not_found, render_vocabulary
from kg.server.iri_paths import BASE  # noqa: F401 (the doctest's)
from kg.server.sparql_protocol import GRAPH_FORMATS, Format, ProtocolError, negotiate
from kg.server.vocabulary import vocabulary

__all__ = ["PAGE_POLICY", "RESOURCE_FORMATS", "choose_format", "not_found", "resource_reply"]

_HTML = Format("html", "text/html", ("application/xhtml+xml",))
_BY_NAME = {f.name: f for f in GRAPH_FORMATS}
#: What a resource is offered as, the default first.
RESOURCE_FORMATS: tuple[Format, ...] = (
    _HTML,
    *(_BY_NAME[n] for n in ("turtle", "jsonld", "ntriples", "rdfxml")),
)
# ?format= names, with the short ones people type.
_NAMES = {
    **{f.name: f for f in RESOURCE_FORMATS},
    "ttl": _BY_NAME["turtle"],
    "json-ld": _BY_NAME["jsonld"],
    "nt": _BY_NAME["ntriples"],
    "rdf": _BY_NAME["rdfxml"],
    "xml": _BY_NAME["rdfxml"],
}
#: The pages hold no script and load only the server's own stylesheet; should a label ever
#: slip through as markup, the browser still runs nothing.
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


def choose_format(accept: str, requested: str | None) -> Format | None:
    """The format for a resource: ``?format=`` if given, else by ``Accept`` (None: 406).

    An unknown ``?format=`` name is a :class:`ProtocolError` (400)."""
    if requested is not None:
        fmt = _NAMES.get(requested.strip().lower())
        if fmt is None:
            names = ", ".join(sorted(_NAMES))
            raise ProtocolError(400, f"unknown format; use one of: {names}")
        return fmt
    return negotiate(accept, RESOURCE_FORMATS)


def not_found(fmt: Format) -> Reply:
    """404: a short HTML page for browsers, one plain line for everybody else."""
    if fmt is _HTML:
        policy = (("Content-Security-Policy", PAGE_POLICY),)
        return Reply(404, "text/html; charset=utf-8", render_not_found().encode(), policy)
    return Reply.error(404, "this store holds nothing about this IRI")


def _rdf(triples: list[ox.Triple], fmt: Format) -> bytes:
    body = serialize_graph(triples, fmt)
    # pyoxigraph writes expanded JSON-LD; give it the project's prefixes as its context.
    return jsonld_from_expanded(body) if fmt.name == "jsonld" else body


def resource_reply(store: ox.Store, job: Job) -> Reply:
    """The answer for ``job.text`` (an IRI) in the format named by ``job.format_hint``."""
    fmt = _NAMES.get(job.format_hint, _HTML)
    vocab = vocabulary()
    if vocab.serves(job.text):
        body = render_vocabulary(vocab).encode() if fmt is _HTML else _rdf(vocab.triples(), fmt)
    else:
        found = describe(store, ox.NamedNode(job.text), limit=job.max_results)
        if found is None:
            return not_found(fmt)
        body = render_description(found).encode() if fmt is _HTML else _rdf(found.triples(), fmt)
    headers: tuple[tuple[str, str], ...] = ()
    if fmt is _HTML:
        headers = (("Content-Security-Policy", PAGE_POLICY),)
        media_type = "text/html; charset=utf-8"
    else:
        media_type = fmt.media_type
    return Reply(200, media_type, body, headers)
