"""The extraction pipeline: an article in, its named graph out.

Runs the stages in order — sentences → tokens → entities → events → roles → event
anaphora → dates → conflict → facts → claims → RDF — each a pure function or a stage
object that caches what is expensive to load (HanTa's model, the dictionary index).

>>> from kg.articles import parse_article_text
>>> art = parse_article_text("date 2022-03-04 Test\\nKiew – Die Ukraine und Russland haben "
...     "sich in Istanbul auf eine Waffenruhe geeinigt.\\n", identifier="t.txt", origin="t.txt")
>>> g = Extractor().extract(art)
>>> from kg.namespaces import CKG, RDF
>>> sorted(str(o).rsplit("#")[-1] for o in g.objects(None, RDF.type) if "Agreement" in str(o))
['CeasefireAgreement']
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from kg.articles import Article
from kg.dictionary import ActorDictionary, load_dictionary, reference_graph_from
from kg.extract.anaphora import place_events, resolve_event_anaphora
from kg.extract.claims import apply_claims
from kg.extract.conflict import find_conflict
from kg.extract.depparse import DependencyParser
from kg.extract.entities import EntityRecognizer
from kg.extract.events import detect_triggers
from kg.extract.facts import derive_facts
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.model import ArticleAnalysis, Role
from kg.extract.rdf import analysis_graph, role_triples
from kg.extract.roles import RoleAssigner
from kg.extract.sentences import split_sentences
from kg.extract.timing import assign_dates
from kg.extract.tokens import Tagger

__all__ = ["Extractor", "default_extractor", "extract_article", "reference_graph"]


class Extractor:
    """All stages, built once (HanTa's model and the dictionary index are loaded here)."""

    def __init__(
        self,
        *,
        dictionary: ActorDictionary | None = None,
        lexicon: Lexicon | None = None,
        extra_dictionaries: Sequence[Path] = (),
    ) -> None:
        self.dictionary = dictionary or load_dictionary(extra=extra_dictionaries)
        self.lexicon = lexicon or load_lexicon()
        self.tagger = Tagger()
        self.parser = DependencyParser()
        self.recognizer = EntityRecognizer(self.dictionary, self.lexicon)
        self.roles = RoleAssigner(self.dictionary, self.lexicon)

    def analyse(self, article: Article) -> ArticleAnalysis:
        """Run every stage except the RDF writer."""
        tagged = [self.tagger.tag(s) for s in split_sentences(article.text, article.body_start)]
        recognition = self.recognizer.recognise(tagged)
        mentions = recognition.mentions
        names = [
            [(m.first, m.last) for m in mentions if m.sentence == ts.sentence.index and m.keys]
            for ts in tagged
        ]
        sentences = tuple(self.parser.parse_many(tagged, names=names))
        triggers = tuple(
            t
            for ts in sentences
            for t in detect_triggers(
                ts, [m for m in mentions if m.sentence == ts.sentence.index], self.lexicon
            )
        )
        # conflict parties first pass (for "die Konfliktparteien" before any talks)
        pre = find_conflict(sentences, mentions, {}, self.dictionary, self.lexicon)
        events, resolved = self.roles.assign(
            sentences, mentions, triggers, conflict_parties=pre.parties if pre else ()
        )
        events = resolve_event_anaphora(events, sentences, resolved, self.dictionary, self.lexicon)
        events, exprs = assign_dates(events, sentences, article.date)
        conflict = find_conflict(sentences, resolved, exprs, self.dictionary, self.lexicon)
        events = place_events(
            events, sentences, resolved, conflict.locations if conflict else (), self.dictionary
        )
        facts = derive_facts(sentences, resolved, self.dictionary, self.lexicon)
        events = apply_claims(events, sentences, resolved, self.lexicon)
        events = tuple(
            e
            for e in events
            if e.roles or e.event_class in ("MilitaryAction", "Protest") or e.quote
        )
        _ = Role
        return ArticleAnalysis(
            sentences, resolved, events, facts, conflict, recognition.new_entities
        )

    def extract(self, article: Article) -> Graph:
        """The article's named graph (contract: one named graph per article)."""
        return analysis_graph(article, self.analyse(article), self.dictionary, self.lexicon)

    def reference_graph(self, *, only: Set[Node] | None = None) -> Graph:
        """Known entities (labels, types, Wikidata links) and the labels of role concepts;
        with ``only``, just the entities among those nodes."""
        g = reference_graph_from(self.dictionary, only=only)
        for role in sorted(self.lexicon.role_labels):
            for t in role_triples(self.lexicon, role):
                g.add(t)
        return g


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """One extractor per process with the shipped dictionary and patterns."""
    return Extractor()


def extract_article(article: Article) -> Graph:
    """The named graph of one article, with the shipped dictionary and patterns."""
    return default_extractor().extract(article)


def reference_graph() -> Graph:
    """The reference named graph of known entities."""
    return default_extractor().reference_graph()
