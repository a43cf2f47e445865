"""The extraction stages as pipeline components (:class:`~kg.extract.document.Stage`).

Each wraps one stage module, declares the :class:`~kg.extract.document.Document` fields it
reads and writes, and holds what is expensive to build (HanTa's model, the parser, the
dictionary index) so that a pipeline is built once and run per article.
:func:`default_stages` gives them in their fixed order.

>>> from kg.extract.pipeline import default_extractor
>>> default_extractor().pipeline.names  # doctest: +NORMALIZE_WHITESPACE
('tokens', 'entities', 'headline', 'parse', 'triggers', 'parties', 'roles',
 'event-anaphora', 'dates', 'conflict', 'places', 'facts', 'ranges', 'claims')
"""

from __future__ import annotations

from kg.dictionary import ActorDictionary
from kg.extract.anaphora import place_events, resolve_event_anaphora
from kg.extract.claims import apply_claims
from kg.extract.conflict import find_conflict
from kg.extract.depparse import DependencyParser
from kg.extract.document import Document, Stage
from kg.extract.entities import EntityRecognizer
from kg.extract.events import detect_triggers
from kg.extract.facts import derive_facts
from kg.extract.headline import headline_sentence, home_state, topic_colon
from kg.extract.lexicon import Lexicon
from kg.extract.morphology import load_morphology
from kg.extract.ranges import keep_in_range
from kg.extract.roles import RoleAssigner
from kg.extract.sentences import split_sentences
from kg.extract.timing import assign_dates
from kg.extract.tokens import Tagger
from kg.vocabulary import EventClass

__all__ = ["default_stages"]

#: Events kept although neither an actor nor a place was found: a protest is news without
#: one; fighting with no side and no place named ("Die Kämpfe waren ausgebrochen",
#: "Zivilisten wurden getötet") is mostly background no coder counts as an event.
_ACTORLESS = (EventClass.PROTEST,)


class Tokens:
    name, reads, writes = "tokens", ("article",), ("tagged",)

    def __init__(self) -> None:
        self.tagger = Tagger()

    def __call__(self, doc: Document) -> None:
        art = doc.article
        doc.tagged = tuple(self.tagger.tag(s) for s in split_sentences(art.text, art.body_start))


class Entities:
    name, reads, writes = "entities", ("tagged",), ("mentions", "new_entities")

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.recognizer = EntityRecognizer(dictionary, lexicon)

    def __call__(self, doc: Document) -> None:
        recognition = self.recognizer.recognise(doc.tagged)
        doc.mentions, doc.new_entities = recognition.mentions, recognition.new_entities


class Headline:
    """The title, tagged and recognised apart from the body (its mentions name no
    entity of the body's and mint none), with the tagger and recogniser of those stages;
    and the state the story is about, as the headline gives it."""

    name, reads = "headline", ("article",)
    writes = ("headline", "headline_mentions", "home")

    def __init__(self, tokens: Tokens, entities: Entities, dictionary: ActorDictionary) -> None:
        self.tagger, self.recognizer, self.d = tokens.tagger, entities.recognizer, dictionary

    def __call__(self, doc: Document) -> None:
        sentence = headline_sentence(doc.article)
        if sentence is None:
            doc.headline, doc.headline_mentions, doc.home = None, (), None
            return
        doc.headline = self.tagger.tag(sentence)
        doc.headline_mentions = self.recognizer.recognise((doc.headline,)).mentions
        colon = topic_colon(doc.headline)
        doc.home = home_state(doc.headline_mentions, self.d, colon=colon)


class Parse:
    """The dependency parse; multiword names the recogniser found are parsed as one."""

    name, reads, writes = "parse", ("tagged", "mentions"), ("sentences",)

    def __init__(self) -> None:
        self.parser = DependencyParser()

    def __call__(self, doc: Document) -> None:
        names = [
            [(m.first, m.last) for m in doc.mentions if m.sentence == ts.sentence.index and m.keys]
            for ts in doc.tagged
        ]
        doc.sentences = tuple(self.parser.parse_many(doc.tagged, names=names))


class Triggers:
    name, reads, writes = "triggers", ("sentences", "mentions"), ("triggers",)

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.morph = load_morphology()

    def __call__(self, doc: Document) -> None:
        doc.triggers = tuple(
            t
            for ts in doc.sentences
            for t in detect_triggers(
                ts,
                [m for m in doc.mentions if m.sentence == ts.sentence.index],
                self.lexicon,
                morph=self.morph,
            )
        )


class Parties:
    """The conflict's parties as the article names them, for "die Konfliktparteien" before
    any talks are reported (the conflict itself is the :class:`Conflict` stage's)."""

    name, reads, writes = "parties", ("sentences", "mentions"), ("parties",)

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.d, self.lex = dictionary, lexicon
        self.morph = load_morphology()

    def __call__(self, doc: Document) -> None:
        found = find_conflict(doc.sentences, doc.mentions, {}, self.d, self.lex, morph=self.morph)
        doc.parties = found.parties if found else ()


class Roles:
    name = "roles"
    reads = ("sentences", "mentions", "triggers", "parties", "home")
    writes = ("events", "resolved")

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.roles = RoleAssigner(dictionary, lexicon)

    def __call__(self, doc: Document) -> None:
        doc.events, doc.resolved = self.roles.assign(
            doc.sentences,
            doc.mentions,
            doc.triggers,
            conflict_parties=doc.parties,
            home=doc.home,
        )


class EventAnaphora:
    name, reads, writes = "event-anaphora", ("events", "sentences", "resolved"), ("events",)

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.d, self.lex = dictionary, lexicon

    def __call__(self, doc: Document) -> None:
        doc.events = resolve_event_anaphora(
            doc.events, doc.sentences, doc.resolved, self.d, self.lex
        )


class Dates:
    name = "dates"
    reads = ("events", "sentences", "article")
    writes = ("events", "time_expressions")

    def __call__(self, doc: Document) -> None:
        doc.events, doc.time_expressions = assign_dates(doc.events, doc.sentences, doc.article.date)


class Conflict:
    name = "conflict"
    reads = ("sentences", "resolved", "time_expressions")
    writes = ("conflict",)

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.d, self.lex = dictionary, lexicon
        self.morph = load_morphology()

    def __call__(self, doc: Document) -> None:
        doc.conflict = find_conflict(
            doc.sentences,
            doc.resolved,
            doc.time_expressions,
            self.d,
            self.lex,
            morph=self.morph,
        )


class Places:
    name = "places"
    reads = ("events", "sentences", "resolved", "conflict")
    writes = ("events",)

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.d = dictionary

    def __call__(self, doc: Document) -> None:
        places = doc.conflict.locations if doc.conflict else ()
        doc.events = place_events(doc.events, doc.sentences, doc.resolved, places, self.d)


class Facts:
    name = "facts"
    reads = ("sentences", "resolved", "home")
    writes = ("facts",)

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.d, self.lex = dictionary, lexicon
        self.morph = load_morphology()

    def __call__(self, doc: Document) -> None:
        doc.facts = derive_facts(
            doc.sentences, doc.resolved, self.d, self.lex, morph=self.morph, home=doc.home
        )


class Ranges:
    """Every role and office within the ontology's ranges (what ``ckg load`` accepts)."""

    name = "ranges"
    reads = ("events", "facts", "new_entities")
    writes = ("events", "facts")

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.d = dictionary

    def __call__(self, doc: Document) -> None:
        doc.events, doc.facts = keep_in_range(doc.events, doc.facts, doc.new_entities, self.d)


class Claims:
    """Claims, quotes and negation; then the events with nothing to say are dropped."""

    name, reads, writes = "claims", ("events", "sentences", "resolved"), ("events",)

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def __call__(self, doc: Document) -> None:
        events = apply_claims(doc.events, doc.sentences, doc.resolved, self.lex)
        doc.events = tuple(e for e in events if e.roles or e.event_class in _ACTORLESS or e.quote)


def default_stages(dictionary: ActorDictionary, lexicon: Lexicon) -> list[Stage]:
    """Every stage, in the order the pipeline runs them."""
    tokens, entities = Tokens(), Entities(dictionary, lexicon)
    return [
        tokens,
        entities,
        Headline(tokens, entities, dictionary),
        Parse(),
        Triggers(lexicon),
        Parties(dictionary, lexicon),
        Roles(dictionary, lexicon),
        EventAnaphora(dictionary, lexicon),
        Dates(),
        Conflict(dictionary, lexicon),
        Places(dictionary),
        Facts(dictionary, lexicon),
        Ranges(dictionary),
        Claims(lexicon),
    ]
