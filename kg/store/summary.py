"""What a store holds, in figures: the articles read, the events and facts found, the size.

:func:`summarize_store` reads the article graphs (and the ontology graph, for which classes
are events and which properties are actors' roles) with fixed queries. ``ckg summary``
prints it as the few lines a first run ends with.

>>> import tempfile
>>> from kg.store import open_store
>>> with tempfile.TemporaryDirectory() as d:
...     s = summarize_store(open_store(d))
>>> s.articles, s.events, s.top_actor
((), 0, None)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespaces import CKG, ID, ONTOLOGY_GRAPH, OWL, RDF, RDFS
from kg.store.articles import article_graphs
from kg.store.terms import graph_quads

__all__ = [
    "ArticleRead",
    "StoreSummary",
    "count_events_and_facts",
    "event_classes",
    "summarize_store",
]


@dataclass(frozen=True)
class ArticleRead:
    """One article in the store: how it was named when read, its date and headline."""

    identifier: str
    date: str
    title: str


@dataclass(frozen=True)
class StoreSummary:
    """The figures ``ckg summary`` prints."""

    articles: tuple[ArticleRead, ...]
    events: int
    event_kinds: tuple[tuple[str, int], ...]  # (class label, events), most frequent first
    facts: int
    entities: int  # actors, places, conflicts named by the articles
    article_triples: int
    triples: int  # in every graph (ontology and reference data included)
    top_actor: tuple[str, str] | None  # (IRI, label) of the actor in the most events


_KINDS = f"""
SELECT ?class (SAMPLE(?label) AS ?name) (COUNT(DISTINCT ?event) AS ?n) WHERE {{
  GRAPH ?g {{ ?g a <{CKG.Article}> . ?event a ?class }}
  GRAPH <{ONTOLOGY_GRAPH}> {{
    ?class <{RDFS.subClassOf}> <{CKG.Event}> .
    OPTIONAL {{ ?class <{RDFS.label}> ?label FILTER(langMatches(lang(?label), "en")) }}
  }}
}} GROUP BY ?class ORDER BY DESC(?n) ?class
"""

_TOP_ACTOR = f"""
SELECT ?actor (SAMPLE(?label) AS ?name) (COUNT(DISTINCT ?event) AS ?n) WHERE {{
  GRAPH ?g {{
    ?g a <{CKG.Article}> . ?event a ?class ; ?role ?actor .
    OPTIONAL {{ ?actor <{RDFS.label}> ?label FILTER(langMatches(lang(?label), "en")) }}
  }}
  GRAPH <{ONTOLOGY_GRAPH}> {{
    ?class <{RDFS.subClassOf}> <{CKG.Event}> . ?role <{RDFS.subPropertyOf}> <{CKG.hasActor}>
  }}
}} GROUP BY ?actor ORDER BY DESC(?n) ?actor LIMIT 1
"""


def _value(term: object) -> str:
    return getattr(term, "value", "") if term is not None else ""


def _solutions(store: ox.Store, query: str) -> ox.QuerySolutions:
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)  # the queries above are all SELECT
    return result


def event_classes(store: ox.Store) -> set[str]:
    """IRIs of ``ckg:Event`` and its subclasses, per the store's ontology graph."""
    rows = store.query(
        f"SELECT ?c WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> "
        f"{{ ?c <{RDFS.subClassOf}>* <{CKG.Event}> }} }}"
    )
    return {row["c"].value for row in rows} | {str(CKG.Event)}  # type: ignore[union-attr]


_FACT_TYPES = {str(CKG.Position), str(CKG.ArmedConflict), str(OWL.NegativePropertyAssertion)}
_FACT_PREDICATES = {str(CKG.memberOf), str(CKG.leads)}


def count_events_and_facts(quads: Iterable[ox.Quad], events: set[str]) -> tuple[int, int]:
    """(events, standing facts) in one article's quads.

    Events are subjects typed with a class in ``events``. Standing facts are memberships,
    leaderships, positions, declared non-memberships and conflicts.

    >>> e, g, a = (ox.NamedNode(f"urn:x:{n}") for n in "ega")
    >>> quads = [ox.Quad(e, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CKG.Meeting)), g),
    ...          ox.Quad(a, ox.NamedNode(str(CKG.memberOf)), e, g)]
    >>> count_events_and_facts(quads, {str(CKG.Meeting)})
    (1, 1)
    """
    event_nodes: set[str] = set()
    fact_nodes: set[str] = set()
    facts = 0
    rdf_type = str(RDF.type)
    for q in quads:
        p = q.predicate.value
        if p == rdf_type:
            cls = getattr(q.object, "value", "")
            if cls in events:
                event_nodes.add(str(q.subject))
            elif cls in _FACT_TYPES:
                fact_nodes.add(str(q.subject))
        elif p in _FACT_PREDICATES:
            facts += 1
    return len(event_nodes), facts + len(fact_nodes)


def summarize_store(store: ox.Store) -> StoreSummary:
    """The figures of ``store`` (see :class:`StoreSummary`)."""
    events_iris = event_classes(store)
    articles, events, facts, article_triples = [], 0, 0, 0
    entities: set[str] = set()
    entity_ns = str(ID["entity/"])
    for row in article_graphs(store):
        quads = graph_quads(store, ox.NamedNode(str(row["g"])))
        n_events, n_facts = count_events_and_facts(quads, events_iris)
        events += n_events
        facts += n_facts
        article_triples += len(quads)
        for q in quads:
            for term in (q.subject, q.object):
                if isinstance(term, ox.NamedNode) and term.value.startswith(entity_ns):
                    entities.add(term.value)
        articles.append(
            ArticleRead(
                identifier=str(row["id"] or row["g"]),
                date=str(row["date"] or ""),
                title=str(row["title"] or ""),
            )
        )
    articles.sort(key=lambda a: (a.date, a.identifier))
    kinds = tuple(
        (_value(r["name"]) or _value(r["class"]).rsplit("#", 1)[-1], int(_value(r["n"])))
        for r in _solutions(store, _KINDS)
    )
    top = next(iter(_solutions(store, _TOP_ACTOR)), None)
    top_actor = None
    if top is not None and top["actor"] is not None:
        iri = _value(top["actor"])
        top_actor = (iri, _value(top["name"]) or iri.rsplit("/", 1)[-1])
    return StoreSummary(
        articles=tuple(articles),
        events=events,
        event_kinds=kinds,
        facts=facts,
        entities=len(entities),
        article_triples=article_triples,
        triples=len(store),
        top_actor=top_actor,
    )
