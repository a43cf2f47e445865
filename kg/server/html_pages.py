"""HTML pages for dereferenced IRIs: an entity, event, article, ..., the ontology, and 404.

Every piece of text on these pages comes from the store or the ontology, which hold what
articles and imports said: labels, sentences and IRIs are data, never markup. Each is
written through :func:`html.escape` (attribute values too), links are made only to the
server's own paths and to ``http``/``https`` IRIs, and the pages carry no script (the
server sends them with a Content-Security-Policy that allows none). Nothing from the
request appears on a page.

>>> t = ox.Literal("<script>alert(1)</script>", language="de")
>>> term_html(t, {})
'&lt;script&gt;alert(1)&lt;/script&gt; <span class="tag">@de</span>'
>>> term_html(ox.NamedNode("https://w3id.org/conflict-kg/id/entity/armenia"), {
...     "https://w3id.org/conflict-kg/id/entity/armenia": "Armenia"})
'<a href="/id/entity/armenia" title="https://w3id.org/conflict-kg/id/entity/armenia">Armenia</a>'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from html import escape

import pyoxigraph as ox

from kg.jsonld import compact_iri
from kg.namespaces import CKG, OWL, RDF, RDFS, SKOS, XSD
from kg.server.describe import MAX_COUNTED, Description
from kg.server.iri_paths import path_for_iri
from kg.server.vocabulary import KINDS, Vocabulary

__all__ = ["render_description", "render_not_found", "render_vocabulary", "term_html"]

_TYPE = str(RDF.type)
_PLAIN_TYPES = {str(XSD.string), "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
_IN_ARTICLE = str(CKG.inArticle)
# Facts shown first, in this order; the rest by property name.
_FIRST = [str(RDFS.label), str(SKOS.prefLabel), str(SKOS.altLabel)]
_NEGATIVE = str(OWL.NegativePropertyAssertion)
_FORMATS = (("Turtle", "ttl"), ("JSON-LD", "jsonld"), ("N-Triples", "nt"))
_Graph = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


def _href(iri: str) -> str | None:
    """Where a link to ``iri`` goes: its page on this server, or the IRI if it is http(s)."""
    local = path_for_iri(iri)
    if local is not None:
        return local
    return iri if iri.startswith(("http://", "https://")) else None


def _link(iri: str, text: str) -> str:
    href = _href(iri)
    if href is None:
        return f'<span title="{escape(iri)}">{escape(text)}</span>'
    return f'<a href="{escape(href)}" title="{escape(iri)}">{escape(text)}</a>'


def term_html(term: object, labels: Mapping[str, str]) -> str:
    """One RDF term as HTML: a link with a label for an IRI, the escaped text of a literal."""
    if isinstance(term, ox.NamedNode):
        return _link(term.value, labels.get(term.value) or compact_iri(term.value))
    if isinstance(term, ox.Literal):
        text = escape(term.value)
        if term.language:
            return f'{text} <span class="tag">@{escape(term.language)}</span>'
        if term.datatype.value not in _PLAIN_TYPES:
            return f'{text} <span class="tag">{escape(compact_iri(term.datatype.value))}</span>'
        return text
    return '<span class="tag">(blank node)</span>'


def _page(title: str, body: str, *, alternates: bool = True) -> str:
    links = "".join(
        f'<link rel="alternate" type="{media}" href="?format={name}">'
        for media, name in (
            ("text/turtle", "ttl"),
            ("application/ld+json", "jsonld"),
            ("application/n-triples", "nt"),
        )
        if alternates
    )
    formats = " · ".join(f'<a href="?format={name}">{label}</a>' for label, name in _FORMATS)
    footer = f"<footer>This page for machines: {formats}.</footer>" if alternates else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} · conflict-kg</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<link rel="stylesheet" href="/static/resource.css">\n{links}\n</head>\n<body>\n'
        '<header><a class="home" href="/">conflict-kg</a><nav>'
        '<a href="/">query page</a><a href="/explorer">explorer</a>'
        '<a href="/ontology">ontology</a></nav></header>\n'
        f"<main>\n{body}\n</main>\n{footer}\n</body>\n</html>\n"
    )


def _graphs(graphs: Iterable[_Graph]) -> str:
    """Graph names, short (``id:article/…``, ``id:graph/reference``), linked to their pages."""
    out = []
    for g in sorted(set(graphs), key=str):
        if isinstance(g, ox.NamedNode):
            out.append(_link(g.value, compact_iri(g.value)))
        else:
            out.append("default graph")
    return ", ".join(out)


def _fact_rows(d: Description) -> str:
    grouped: dict[tuple[str, object], list[_Graph]] = defaultdict(list)
    for q in d.about:
        if q.predicate.value != _TYPE:
            grouped[(q.predicate.value, q.object)].append(q.graph_name)

    def order(key: tuple[str, object]) -> tuple[int, str, str]:
        p, o = key
        first = _FIRST.index(p) if p in _FIRST else len(_FIRST)
        return first, d.label_of(ox.NamedNode(p)).lower(), str(o)

    rows = []
    for p, o in sorted(grouped, key=order):
        rows.append(
            f"<tr><td>{term_html(ox.NamedNode(p), d.labels)}</td>"
            f"<td>{term_html(o, d.labels)}</td>"
            f"<td>{_graphs(grouped[(p, o)])}</td></tr>"
        )
    return "\n".join(rows)


def _negatives(d: Description) -> dict[str, str]:
    """Declared non-facts (owl:NegativePropertyAssertion) naming the resource, by node."""
    by_node: dict[str, dict[str, ox.Quad]] = defaultdict(dict)
    for q in d.linked:
        by_node[str(q.subject)][q.predicate.value] = q
    out = {}
    for node, props in by_node.items():
        kind = props.get(_TYPE)
        if kind is None or getattr(kind.object, "value", None) != _NEGATIVE:
            continue
        parts = [props.get(str(OWL[name])) for name in ("sourceIndividual", "assertionProperty")]
        target = props.get(str(OWL.targetIndividual)) or props.get(str(OWL.targetValue))
        if None in parts or target is None:
            continue
        source, prop = (q.object for q in parts if q is not None)
        subject = kind.subject
        more = ""
        if isinstance(subject, ox.NamedNode):
            more = f" ({_link(subject.value, 'the assertion')})"
        out[node] = (
            f"<li>{term_html(source, d.labels)} <strong>is not</strong> "
            f"{term_html(prop, d.labels)} {term_html(target.object, d.labels)}{more} "
            f'<span class="tag">in {_graphs([kind.graph_name])}</span></li>'
        )
    return out


def _sources(d: Description) -> str:
    parts = []
    for s in d.sources:
        where = ""
        if s.article is not None:
            where = f"in {term_html(s.article, d.labels)}"
        if s.start is not None and s.end is not None:
            where += f", characters {s.start}–{s.end}"
        parts.append(
            f"<blockquote>{escape(s.text)}</blockquote>\n"
            f'<p class="where">{where} ({term_html(s.mention, {s.mention.value: "the mention"})})'
            "</p>"
        )
    return "\n".join(parts)


def _contents(d: Description) -> str:
    rows = []
    for e in d.contents:
        kinds = ", ".join(term_html(t, d.labels) for t in e.types)
        rows.append(
            f"<tr><td>{term_html(e.node, d.labels)}</td><td>{kinds}</td>"
            f"<td>{escape(e.date or '')}</td><td>{escape(e.source.text)}</td></tr>"
        )
    return "\n".join(rows)


def _referring_rows(d: Description, *, skip: set[str]) -> str:
    """What refers to the resource, but for the subjects in ``skip`` (shown elsewhere)."""
    grouped: dict[tuple[str, str], list[_Graph]] = defaultdict(list)
    subjects: dict[str, ox.NamedNode] = {}
    for q in d.referring:
        if d.contents and q.predicate.value == _IN_ARTICLE:
            continue  # the article's contents list these mentions with what they gave
        if isinstance(q.subject, ox.NamedNode) and str(q.subject) not in skip:
            subjects[q.subject.value] = q.subject
            grouped[(q.subject.value, q.predicate.value)].append(q.graph_name)
    rows = []

    def order(key: tuple[str, str]) -> tuple[str, str]:
        return d.label_of(ox.NamedNode(key[1])), d.labels.get(key[0], key[0])

    for s, p in sorted(grouped, key=order):
        rows.append(
            f"<tr><td>{term_html(subjects[s], d.labels)}</td>"
            f"<td>{term_html(ox.NamedNode(p), d.labels)}</td>"
            f"<td>{_graphs(grouped[(s, p)])}</td></tr>"
        )
    return "\n".join(rows)


def _table(heading: str, columns: tuple[str, ...], rows: str) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{c}</th>" for c in columns)
    return f"<section>\n<h2>{heading}</h2>\n<table>\n<tr>{head}</tr>\n{rows}\n</table>\n</section>"


def render_description(d: Description) -> str:
    """The page of one IRI: label, types, source sentence, facts, what refers to it."""
    types = " ".join(f'<span class="type">{term_html(t, d.labels)}</span>' for t in d.types)
    body = [
        f"<h1>{escape(d.label)}</h1>",
        f'<p class="iri"><code>{escape(d.iri.value)}</code> {types}</p>',
    ]
    if d.graph_size is not None:
        size = f"{d.graph_size:,}" if d.graph_size <= MAX_COUNTED else f"over {MAX_COUNTED:,}"
        body.append(
            f'<p class="graph">It names a graph of this store, of {size} triples: '
            "<code>GRAPH &lt;…&gt; { … }</code> on the query page reads it alone.</p>"
        )
    if d.sources:
        heading = "Source" if len(d.sources) == 1 else "Sources"
        body.append(f'<section class="sources">\n<h2>{heading}</h2>\n{_sources(d)}\n</section>')
    body.append(_table("Found in this article", ("what", "type", "date", "sentence"), _contents(d)))
    body.append(_table("Facts", ("property", "value", "graph"), _fact_rows(d)))
    negatives = _negatives(d)
    if negatives:
        items = "\n".join(negatives.values())
        body.append(f"<section>\n<h2>Declared not to hold</h2>\n<ul>\n{items}\n</ul>\n</section>")
    rows = _referring_rows(d, skip=set(negatives))
    body.append(_table("Referred to by", ("subject", "property", "graph"), rows))
    if d.truncated:
        body.append(
            '<p class="note">Only part of what refers to this resource is shown; the '
            '<a href="/">SPARQL endpoint</a> has all of it.</p>'
        )
    return _page(d.label, "\n".join(b for b in body if b))


def _expression(node: object, index: Mapping[str, list[ox.Quad]], labels: Mapping[str, str]) -> str:
    """A class expression: a linked term, ``A ⊔ B`` for a union, else a pointer to the RDF."""
    if not isinstance(node, ox.BlankNode):
        return term_html(node, labels)
    props = {q.predicate.value: q.object for q in index.get(node.value, [])}
    for name, symbol in (("unionOf", " ⊔ "), ("intersectionOf", " ⊓ ")):
        head = props.get(str(OWL[name]))
        if head is not None:
            items: list[str] = []
            while isinstance(head, ox.BlankNode) and len(items) < 100:
                cell = {q.predicate.value: q.object for q in index.get(head.value, [])}
                if str(RDF.first) in cell:
                    items.append(_expression(cell[str(RDF.first)], index, labels))
                head = cell.get(str(RDF.rest))
            return symbol.join(items)
    return '<span class="tag">an OWL expression (see the Turtle)</span>'


def render_vocabulary(v: Vocabulary) -> str:
    """The ontology page: its header, then a section per term whose id is the term's name,
    so that ``/ontology#Meeting`` opens at ``ckg:Meeting``."""
    header: dict[str, list[object]] = defaultdict(list)
    for q in v.header:
        if isinstance(q.subject, ox.NamedNode) and q.subject.value == v.iri:
            header[q.predicate.value].append(q.object)

    def english(values: list[object]) -> str:
        lits = [x for x in values if isinstance(x, ox.Literal)]
        chosen = next((x for x in lits if x.language == "en"), lits[0] if lits else None)
        return "" if chosen is None else chosen.value

    dcterms = "http://purl.org/dc/terms/"
    title = english(header.get(dcterms + "title", [])) or "conflict-kg ontology"
    version = english(header.get(str(OWL.versionInfo), []))
    versioned = ""
    if v.version_iri:
        versioned = f" version {escape(version)} <code>{escape(v.version_iri)}</code>"
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="iri"><code>{escape(v.iri)}</code>{versioned}</p>',
        f"<p>{escape(english(header.get(dcterms + 'description', [])))}</p>",
    ]
    toc = []
    for heading, _ in (*KINDS, ("Other terms", "")):
        terms = [t for t in v.terms if t.kind == heading]
        if terms:
            links = ", ".join(
                f'<a href="#{escape(t.iri.value.rsplit("#", 1)[-1])}">'
                f"{escape(v.labels.get(t.iri.value, t.iri.value))}</a>"
                for t in terms
            )
            toc.append(f"<p><strong>{heading}</strong>: {links}</p>")
    body.append('<nav class="toc">' + "\n".join(toc) + "</nav>")
    kind_types = {iri for _, iri in KINDS}
    current = ""
    for t in v.terms:
        if t.kind != current:
            current = t.kind
            body.append(f"<h2>{escape(current)}</h2>")
        index: dict[str, list[ox.Quad]] = defaultdict(list)  # blank node -> its quads
        for q in t.quads:
            if isinstance(q.subject, ox.BlankNode):
                index[q.subject.value].append(q)
        own = [q for q in t.quads if q.subject == t.iri]
        comment = english([q.object for q in own if q.predicate.value == str(RDFS.comment)])
        rows: dict[str, list[str]] = defaultdict(list)
        for q in own:
            p, o = q.predicate.value, q.object
            if (p == _TYPE and isinstance(o, ox.NamedNode) and o.value in kind_types) or (
                p == str(RDFS.comment) and isinstance(o, ox.Literal) and o.value == comment
            ):
                continue
            rows[p].append(_expression(o, index, v.labels))
        items = "\n".join(
            f"<dt>{term_html(ox.NamedNode(p), v.labels)}</dt><dd>{'; '.join(values)}</dd>"
            for p, values in sorted(rows.items(), key=lambda kv: v.labels.get(kv[0], kv[0]))
        )
        name = t.iri.value.rsplit("#", 1)[-1]
        body.append(
            f'<section class="term" id="{escape(name)}">\n'
            f"<h3>{escape(v.labels.get(t.iri.value, name))} <code>ckg:{escape(name)}</code></h3>\n"
            f"<p>{escape(comment)}</p>\n<dl>\n{items}\n</dl>\n</section>"
        )
    return _page(title, "\n".join(body))


def render_not_found() -> str:
    """The short page for an IRI the store knows nothing about (nothing of the request in it)."""
    body = (
        "<h1>Not found</h1>\n<p>This store holds nothing about this IRI. Ask the "
        '<a href="/">query page</a> what it holds, or open the '
        '<a href="/explorer">explorer</a> or the <a href="/ontology">ontology</a>.</p>'
    )
    return _page("Not found", body, alternates=False)
