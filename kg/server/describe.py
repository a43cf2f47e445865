"""What the store says about one IRI: its facts, what refers to it, the text it came from.

:func:`describe` gathers, from every graph of the store:

- the quads with the IRI as subject (its labels, types, roles, dates, ...);
- the statements that name it together with others, with their quads: blank nodes
  (those it names too) and negative assertions (a declared non-membership is an
  ``owl:NegativePropertyAssertion`` node, blank or not);
- the quads with the IRI as object (the events an actor takes part in), at most ``limit``;
- its **sources**: for whatever was derived from a mention (``prov:wasDerivedFrom``), the
  exact sentence, its offsets and its article;
- for an article, its **contents**: what was derived from its text, in text order;
- for the name of a graph (an article's, ``id:graph/reference``, ...), its size;
- a display label for every IRI named, for pages and link texts.

Everything is looked up with pyoxigraph's quad patterns, the IRI bound as a term: no
query text is built from a request, so nothing in a request can change what is asked.

>>> store = ox.Store()
>>> armenia = ox.NamedNode("https://w3id.org/conflict-kg/id/entity/armenia")
>>> graph = ox.NamedNode("https://w3id.org/conflict-kg/id/graph/reference")
>>> store.add(ox.Quad(armenia, LABEL, ox.Literal("Armenien", language="de"), graph))
>>> store.add(ox.Quad(armenia, LABEL, ox.Literal("Armenia", language="en"), graph))
>>> d = describe(store, armenia)
>>> d.label, len(d.about), d.referring
('Armenia', 2, ())
>>> describe(store, ox.NamedNode("https://w3id.org/conflict-kg/id/entity/narnia")) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox

from kg.jsonld import compact_iri
from kg.namespaces import CKG, DCTERMS, ID, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "LABEL",
    "MAX_COUNTED",
    "MAX_REFERRING",
    "Description",
    "Entry",
    "Lookup",
    "Source",
    "blank_closure",
    "describe",
]

LABEL = ox.NamedNode(str(RDFS.label))
_TYPE = ox.NamedNode(str(RDF.type))
_PREF_LABEL = ox.NamedNode(str(SKOS.prefLabel))
_TITLE = ox.NamedNode(str(DCTERMS.title))
_DERIVED = ox.NamedNode(str(PROV.wasDerivedFrom))
_TEXT = ox.NamedNode(str(CKG.text))
_IN_ARTICLE = ox.NamedNode(str(CKG.inArticle))
_START = ox.NamedNode(str(CKG.start))
_END = ox.NamedNode(str(CKG.end))
_DATE = ox.NamedNode(str(CKG.date))
_ROLE = ox.NamedNode(str(CKG.role))
_OF = ox.NamedNode(str(CKG.of))
_ARTICLE = ox.NamedNode(str(CKG.Article))
_MINTED = str(ID)
_NEGATIVE = ox.NamedNode(str(OWL.NegativePropertyAssertion))
_SOURCE = ox.NamedNode(str(OWL.sourceIndividual))
_PROPERTY = ox.NamedNode(str(OWL.assertionProperty))
_TARGET = ox.NamedNode(str(OWL.targetIndividual))

#: A graph's triples are counted up to this many (a page must not scan a huge graph).
MAX_COUNTED = 200_000
_VOID_TRIPLES = ox.NamedNode("http://rdfs.org/ns/void#triples")
_INTEGER = ox.NamedNode(str(XSD.integer))
#: At most this many quads that refer to one IRI are shown (a hub such as a state is the
#: object of thousands in a large store; the SPARQL endpoint has them all).
MAX_REFERRING = 1000
# Label languages in order of preference: the pages speak English; the articles German.
_LANGUAGES = ("en", "de", "")
_SHORT = 90  # characters of a sentence or headline used as a link text

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True)
class Source:
    """The exact text something was derived from: a mention of an article."""

    mention: ox.NamedNode
    text: str
    article: ox.NamedNode | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class Entry:
    """One thing derived from an article's text (an event, an office, ...)."""

    node: ox.NamedNode
    types: tuple[ox.NamedNode, ...]
    date: str | None
    source: Source


@dataclass(frozen=True)
class Description:
    """Everything :func:`describe` found about ``iri`` (see the module documentation)."""

    iri: ox.NamedNode
    label: str
    types: tuple[ox.NamedNode, ...]
    about: tuple[ox.Quad, ...]
    linked: tuple[ox.Quad, ...]  # blank nodes and negative assertions naming it
    referring: tuple[ox.Quad, ...]
    truncated: bool
    sources: tuple[Source, ...]
    contents: tuple[Entry, ...]
    context: tuple[ox.Quad, ...]  # the sources' mentions and the labels of the IRIs named
    labels: dict[str, str] = field(default_factory=dict)
    graph_size: int | None = None  # triples in the graph the IRI names (None: names none)

    @property
    def is_article(self) -> bool:
        return _ARTICLE in self.types

    def triples(self) -> list[ox.Triple]:
        """The description as RDF: every quad's triple once (graphs set aside), in order."""
        seen: dict[ox.Triple, None] = {}
        for q in (*self.about, *self.linked, *self.referring, *self.context):
            seen.setdefault(q.triple, None)
        if self.graph_size is not None and self.graph_size <= MAX_COUNTED:
            size = ox.Literal(str(self.graph_size), datatype=_INTEGER)
            seen.setdefault(ox.Triple(self.iri, _VOID_TRIPLES, size), None)
        return list(seen)

    def label_of(self, term: Term) -> str:
        """The display label of a term the description names (a compact IRI if unknown)."""
        if isinstance(term, ox.NamedNode):
            return self.labels.get(term.value) or compact_iri(term.value)
        if isinstance(term, ox.Literal):
            return term.value
        return str(term)


def _preferred(literals: Iterable[ox.Literal]) -> str | None:
    """The literal in the most preferred language (English, German, none, any other)."""
    best: tuple[int, str] | None = None
    for lit in literals:
        lang = (lit.language or "").lower().split("-")[0]
        rank = _LANGUAGES.index(lang) if lang in _LANGUAGES else len(_LANGUAGES)
        if best is None or (rank, lit.value) < best:
            best = (rank, lit.value)
    return None if best is None else best[1]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1].rstrip() + "…"


class Lookup:
    """Quad-pattern lookups with a memo of labels (a page names the same IRIs often)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.labels: dict[str, str] = {}

    def quads(
        self, s: ox.NamedNode | ox.BlankNode | None, p: ox.NamedNode | None, o: Term | None
    ) -> Iterator[ox.Quad]:
        return self.store.quads_for_pattern(s, p, o, None)

    def objects(self, s: ox.NamedNode | ox.BlankNode, p: ox.NamedNode) -> list[Term]:
        return [q.object for q in self.quads(s, p, None)]

    def literal(self, s: ox.NamedNode, *predicates: ox.NamedNode) -> str | None:
        for p in predicates:
            found = _preferred(o for o in self.objects(s, p) if isinstance(o, ox.Literal))
            if found is not None:
                return found
        return None

    def types(self, s: ox.NamedNode | ox.BlankNode) -> tuple[ox.NamedNode, ...]:
        found = {o.value: o for o in self.objects(s, _TYPE) if isinstance(o, ox.NamedNode)}
        return tuple(found[k] for k in sorted(found))

    def label(self, node: ox.NamedNode) -> str:
        """A name for ``node``: its label, else what it is (a class and date, a sentence)."""
        if node.value in self.labels:
            return self.labels[node.value]
        self.labels[node.value] = compact_iri(node.value)  # guards against cycles
        label = self.literal(node, LABEL, _PREF_LABEL, _TITLE)
        if label is None:
            text = self.literal(node, _TEXT)
            if text is not None:
                label = f"“{_short(text)}”"
        if label is None and node.value.startswith(_MINTED):
            label = self._made_up(node)  # an event or office, named by what it is
        if label is None:
            label = compact_iri(node.value)
        self.labels[node.value] = _short(label)
        return self.labels[node.value]

    def _first(self, node: ox.NamedNode, p: ox.NamedNode) -> ox.NamedNode | None:
        return next((o for o in self.objects(node, p) if isinstance(o, ox.NamedNode)), None)

    def _made_up(self, node: ox.NamedNode) -> str:
        source, prop, target = (self._first(node, p) for p in (_SOURCE, _PROPERTY, _TARGET))
        if source and prop and target:  # "Azerbaijan not member of CSTO"
            return f"{self.label(source)} not {self.label(prop)} {self.label(target)}"
        roles = [o for o in self.objects(node, _ROLE) if isinstance(o, ox.NamedNode)]
        of = [o for o in self.objects(node, _OF) if isinstance(o, ox.NamedNode)]
        if roles and of:  # an office: "President of Russia"
            return f"{self.label(roles[0])} of {self.label(of[0])}"
        kinds = [self.label(t) for t in self.types(node)]
        if not kinds:
            return compact_iri(node.value)
        date = self.literal(node, _DATE)
        return " · ".join([", ".join(kinds), *([date] if date else [])])

    def source(self, mention: ox.NamedNode) -> Source | None:
        text = self.literal(mention, _TEXT)
        if text is None:
            return None
        article = next(
            (o for o in self.objects(mention, _IN_ARTICLE) if isinstance(o, ox.NamedNode)), None
        )
        start, end = (self.literal(mention, p) for p in (_START, _END))
        return Source(
            mention,
            text,
            article,
            int(start) if start and start.isdigit() else None,
            int(end) if end and end.isdigit() else None,
        )


def blank_closure(lookup: Lookup, starts: Iterable[ox.BlankNode]) -> list[ox.Quad]:
    """The quads of ``starts`` and of the blank nodes they reach (OWL lists, restrictions)."""
    out: list[ox.Quad] = []
    seen: set[str] = set()
    todo = list(starts)
    while todo and len(out) < MAX_REFERRING:
        node = todo.pop()
        if node.value in seen:
            continue
        seen.add(node.value)
        for q in lookup.quads(node, None, None):
            out.append(q)
            if isinstance(q.object, ox.BlankNode):
                todo.append(q.object)
    return out


def _contents(lookup: Lookup, article: ox.NamedNode, limit: int) -> tuple[list[Entry], bool]:
    """What was derived from the article's mentions, in text order (at most ``limit``)."""
    mentions = [q.subject for q in islice(lookup.quads(None, _IN_ARTICLE, article), limit + 1)]
    truncated = len(mentions) > limit
    entries: list[Entry] = []
    for mention in mentions[:limit]:
        if not isinstance(mention, ox.NamedNode):
            continue
        source = lookup.source(mention)
        if source is None:
            continue
        for q in lookup.quads(None, _DERIVED, mention):
            if isinstance(q.subject, ox.NamedNode):
                node = q.subject
                entries.append(Entry(node, lookup.types(node), lookup.literal(node, _DATE), source))
    entries.sort(key=lambda e: (e.source.start or 0, e.source.end or 0, e.node.value))
    unique = list({e.node.value: e for e in entries}.values())
    return unique, truncated


def describe(
    store: ox.Store, iri: ox.NamedNode, *, limit: int = MAX_REFERRING
) -> Description | None:
    """What ``store`` says about ``iri`` in any graph, or None when it says nothing."""
    lookup = Lookup(store)
    limit = max(0, min(limit, MAX_REFERRING))
    about = list(lookup.quads(iri, None, None))
    referring_all = list(islice(lookup.quads(None, None, iri), limit + 1))
    truncated = len(referring_all) > limit
    referring_all = referring_all[:limit]
    graph_size = None
    if store.contains_named_graph(iri):
        quads = store.quads_for_pattern(None, None, None, iri)
        graph_size = sum(1 for _ in islice(quads, MAX_COUNTED + 1))
    if not about and not referring_all and graph_size is None:
        return None
    referring = [q for q in referring_all if not isinstance(q.subject, ox.BlankNode)]
    blank_starts = [q.subject for q in referring_all if isinstance(q.subject, ox.BlankNode)]
    blank_starts += [q.object for q in about if isinstance(q.object, ox.BlankNode)]
    linked = blank_closure(lookup, blank_starts)
    negatives = {
        q.subject.value: q.subject
        for q in referring
        if isinstance(q.subject, ox.NamedNode) and _NEGATIVE in lookup.types(q.subject)
    }
    for node in negatives.values():  # "Azerbaijan is not a member of the CSTO"
        linked.extend(lookup.quads(node, None, None))

    types = lookup.types(iri)
    sources: list[Source] = []
    for mention in lookup.objects(iri, _DERIVED):
        if isinstance(mention, ox.NamedNode):
            source = lookup.source(mention)
            if source is not None:
                sources.append(source)
    contents: list[Entry] = []
    if _ARTICLE in types:
        contents, cut = _contents(lookup, iri, limit)
        truncated = truncated or cut

    # Name every IRI the page shows; give machines the sources' text and the labels of
    # the resources next to this one (not of the ontology's terms: /ontology has those).
    named = {iri.value: iri}
    neighbours: dict[str, ox.NamedNode] = {}
    for q in (*about, *linked, *referring):
        for near in (q.subject, q.object):
            if isinstance(near, ox.NamedNode) and not near.value.startswith(str(CKG)):
                neighbours.setdefault(near.value, near)
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(term, ox.NamedNode):
                named.setdefault(term.value, term)
    for entry in contents:
        named.setdefault(entry.node.value, entry.node)
        for t in entry.types:
            named.setdefault(t.value, t)
    for source in sources:
        named.setdefault(source.mention.value, source.mention)
        if source.article is not None:
            named.setdefault(source.article.value, source.article)
    for node in named.values():
        lookup.label(node)
    context: list[ox.Quad] = []
    for source in sources:
        context.extend(lookup.quads(source.mention, None, None))
    for source in sources:
        if source.article is not None:
            neighbours.setdefault(source.article.value, source.article)
    for node in neighbours.values():
        if node != iri:
            context.extend(lookup.quads(node, LABEL, None))
            context.extend(lookup.quads(node, _TITLE, None))
    return Description(
        iri=iri,
        label=lookup.literal(iri, LABEL, _PREF_LABEL, _TITLE) or lookup.label(iri),
        types=types,
        about=tuple(about),
        linked=tuple(linked),
        referring=tuple(referring),
        truncated=truncated,
        sources=tuple(sources),
        contents=tuple(contents),
        context=tuple(context),
        labels=dict(lookup.labels),
        graph_size=graph_size,
    )
