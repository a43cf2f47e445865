"""Stage 10: write an article's analysis as its named graph.

Reads an :class:`~kg.extract.model.ArticleAnalysis`, the article and the dictionary;
writes one rdflib :class:`~rdflib.Graph` whose identifier is the article IRI, holding the
article node, one ``ckg:Mention`` per sentence, the events, the standing facts, the
conflict, and the labels and types of every entity the article mentions (contract,
"Articles, named graphs and provenance"). No blank nodes: every node has an IRI derived
from content. Graphs are written by :mod:`kg.serialize` (sorted: the same input always
gives the same bytes); :func:`graph_problems` says beforehand what could not be.

>>> from rdflib import Graph, URIRef
>>> g = Graph(identifier=URIRef("urn:x:g"))
>>> _ = g.add((URIRef("urn:x:s"), URIRef("urn:x:p"), URIRef("urn:x:o")))
>>> graph_problems(g)
[]
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.articles import Article
from kg.dictionary import ActorDictionary, class_is, entity_triples
from kg.extract.lexicon import Lexicon
from kg.extract.model import ArticleAnalysis, Event, FactKind
from kg.iris import article_iri, entity_iri, event_iri, fact_iri, mention_iri
from kg.namespaces import CKG, DCTERMS, OWL, PROV, RDF, RDFS, ROLE, SKOS, XSD
from kg.vocabulary import ActorClass

__all__ = ["analysis_graph", "event_node", "graph_problems", "role_triples"]


def _date(value: tuple[str, str]) -> Literal:
    return Literal(value[0], datatype=XSD[value[1]])


def event_node(article: URIRef, ev: Event, start: int) -> URIRef:
    """The deterministic IRI of an event: article, class, trigger offset, split index."""
    return event_iri(article, ev.event_class, start, ev.split)


def role_triples(lexicon: Lexicon, role: str) -> list[tuple[URIRef, URIRef, Literal]]:
    """Labels of a role concept (German and English), as rdfs:label and skos:prefLabel."""
    de, en = lexicon.role_labels.get(role, (role, role))
    r = ROLE[role]
    return [
        (r, RDFS.label, Literal(de, lang="de")),
        (r, RDFS.label, Literal(en, lang="en")),
        (r, SKOS.prefLabel, Literal(de, lang="de")),
        (r, SKOS.prefLabel, Literal(en, lang="en")),
    ]


def analysis_graph(
    article: Article, analysis: ArticleAnalysis, dictionary: ActorDictionary, lexicon: Lexicon
) -> Graph:
    """The article's named graph."""
    a = article_iri(article.identifier)
    g = Graph(identifier=a)
    g.add((a, RDF.type, CKG.Article))
    g.add((a, DCTERMS.identifier, Literal(article.identifier)))
    g.add((a, DCTERMS.title, Literal(article.title)))
    g.add((a, DCTERMS.language, Literal(article.lang)))
    dtype = XSD.date if len(article.date) == 10 else XSD.gYearMonth
    g.add((a, DCTERMS.date, Literal(article.date, datatype=dtype)))
    if article.url:
        g.add(
            (
                a,
                DCTERMS.source,
                URIRef(article.url) if article.url.startswith("http") else Literal(article.url),
            )
        )
    if article.source:
        g.add((a, DCTERMS.publisher, Literal(article.source)))
    sent_iri = {}
    used = {ev.sentence for ev in analysis.events} | {f.sentence for f in analysis.facts}
    if analysis.conflict is not None and analysis.conflict.sentence is not None:
        used.add(analysis.conflict.sentence)
    for ts in analysis.sentences:
        s = ts.sentence
        m = mention_iri(a, s.start, s.end)
        sent_iri[s.index] = m
        if s.index not in used:
            continue  # only the sentences that are evidence for something
        g.add((m, RDF.type, CKG.Mention))
        g.add((m, CKG.inArticle, a))
        g.add((m, CKG.text, Literal(s.text)))
        g.add((m, CKG.start, Literal(s.start, datatype=XSD.integer)))
        g.add((m, CKG.end, Literal(s.end, datatype=XSD.integer)))
    entities: set[str] = set()
    tokens_start = {ts.sentence.index: ts.tokens for ts in analysis.sentences}
    conflict = analysis.conflict
    for ev in analysis.events:
        start = tokens_start[ev.sentence][ev.trigger.first].start
        e = event_node(a, ev, start)
        g.add((e, RDF.type, CKG[ev.event_class]))
        g.add((e, PROV.wasDerivedFrom, sent_iri[ev.sentence]))
        g.add((e, CKG.confidence, Literal(Decimal(str(ev.confidence)), datatype=XSD.decimal)))
        g.add((e, CKG.cameoCode, Literal(ev.trigger.cameo)))
        for role, key in ev.roles:
            g.add((e, role.iri, entity_iri(key)))
            entities.add(key)
        if ev.date:
            g.add((e, CKG.date, _date(ev.date)))
        if ev.effective:
            g.add((e, CKG.effectiveFrom, Literal(ev.effective, datatype=XSD.dateTime)))
        for key in ev.about:
            g.add((e, CKG.about, entity_iri(key)))
            entities.add(key)
        for topic in ev.topics:
            g.add((e, CKG.about, Literal(topic, lang="de")))
        if ev.quote:
            g.add((e, CKG.quote, Literal(ev.quote, lang=article.lang)))
        for key in ev.claimed_by:
            g.add((e, CKG.claimedBy, entity_iri(key)))
            entities.add(key)
        if ev.part_of:
            g.add((e, CKG.partOf, entity_iri(ev.part_of)))
    roles_used: set[str] = set()
    for f in analysis.facts:
        s_, o_ = entity_iri(f.subject), entity_iri(f.object)
        entities.update((f.subject, f.object) if f.kind != FactKind.INSTANCE else (f.subject,))
        if f.kind == FactKind.MEMBER:
            g.add((s_, CKG.memberOf, o_))
        elif f.kind == FactKind.LEADS:
            g.add((s_, CKG.leads, o_))
        elif f.kind == FactKind.NOT_MEMBER:
            n = fact_iri("assertion", "not-memberOf", f.subject, f.object)
            g.add((n, RDF.type, OWL.NegativePropertyAssertion))
            g.add((n, OWL.sourceIndividual, s_))
            g.add((n, OWL.assertionProperty, CKG.memberOf))
            g.add((n, OWL.targetIndividual, o_))
            g.add((n, PROV.wasDerivedFrom, sent_iri[f.sentence]))
        elif f.kind == FactKind.POSITION and f.role:
            p = fact_iri("position", f.subject, f.role, f.object)
            g.add((p, RDF.type, CKG.Position))
            g.add((p, CKG.holder, s_))
            g.add((p, CKG.role, ROLE[f.role]))
            g.add((p, CKG.of, o_))
            g.add((p, PROV.wasDerivedFrom, sent_iri[f.sentence]))
            roles_used.add(f.role)
        elif f.kind == FactKind.INSTANCE:
            g.add((s_, RDF.type, CKG[f.object]))
    for role_key in sorted(roles_used):
        for rt in role_triples(lexicon, role_key):
            g.add(rt)
    if conflict is not None:
        c = entity_iri(conflict.key)
        g.add((c, RDF.type, CKG.ArmedConflict))
        g.add((c, RDFS.label, Literal(conflict.label, lang="de")))
        for party in conflict.parties:
            g.add((c, CKG.party, entity_iri(party)))
            entities.add(party)
        for loc in conflict.locations:
            g.add((c, CKG.location, entity_iri(loc)))
            entities.add(loc)
        if conflict.start:
            g.add((c, CKG.startDate, _date(conflict.start)))
        if conflict.sentence is not None:
            g.add((c, PROV.wasDerivedFrom, sent_iri[conflict.sentence]))
        entities.add(conflict.key)
    for mention in analysis.mentions:
        entities.update(mention.keys)
    new = {k: (cls, label) for k, cls, label in analysis.new_entities}
    for key in sorted(entities):
        entry = dictionary.get(key)
        if entry is not None:
            # type and labels here; alternative names and Wikidata links in the reference graph
            for et in entity_triples(entry):
                if et[1] in (RDF.type, RDFS.label):
                    g.add(et)
        elif key in new:
            cls, label = new[key]
            g.add((entity_iri(key), RDF.type, CKG[cls or ActorClass.ACTOR]))
            g.add((entity_iri(key), RDFS.label, Literal(label, lang="de")))
            if class_is(cls, ActorClass.ORGANIZATION):
                # the other names the article gives it ("… Befreiungsorganisation (PLO)")
                for alias in sorted(_aliases(analysis, key) - {label}):
                    g.add((entity_iri(key), SKOS.altLabel, Literal(alias, lang="de")))
    return g


def _aliases(analysis: ArticleAnalysis, key: str) -> set[str]:
    """The names under which the article mentions an entity of its own."""
    return {
        m.text
        for m in analysis.mentions
        if m.keys == (key,) and m.kind.value == "name" and 0 < len(m.text.split()) <= 8
    }


def _term_problem(t: Node) -> str | None:
    """Why a term cannot be written as TriG or N-Quads that a parser reads back, or ``None``."""
    from kg.articles import _string_problem, iri_problem

    if isinstance(t, URIRef):
        problem = iri_problem(str(t))
        return f"<{str(t)[:80]}> is not a valid IRI: {problem}" if problem else None
    if isinstance(t, Literal):
        problem = _string_problem(str(t))
        if problem:
            return f"literal {str(t)[:40]!r} has {problem}"
        if t.datatype is not None and iri_problem(str(t.datatype)):
            return f"literal {str(t)[:40]!r} has a datatype that is not a valid IRI"
        return None
    return f"{type(t).__name__} {str(t)[:40]!r} cannot be written (only IRIs and literals)"


def graph_problems(graph: Graph, *, limit: int = 3) -> list[str]:
    """Up to ``limit`` reasons why ``graph`` cannot be written and read back; ``[]`` if it can.

    Checked before writing, so that ``ckg extract`` never writes what ``ckg load`` refuses.

    >>> g = Graph(identifier=URIRef("urn:x:g"))
    >>> _ = g.add((URIRef("urn:x:s"), URIRef("urn:x:p"), URIRef("http://a b")))
    >>> graph_problems(g)
    ['<http://a b> is not a valid IRI: a space at character 9']
    """
    problems: list[str] = []
    seen: set[Node] = set()
    for term in (graph.identifier, *(t for triple in graph for t in triple)):
        if term in seen:
            continue
        seen.add(term)
        problem = _term_problem(term)
        if problem:
            problems.append(problem)
            if len(problems) >= limit:
                break
    return problems
