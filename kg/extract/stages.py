"""The extraction stages as pipeline components (:class:`~kg.extract.document.Stage`).

Each wraps one stage module, declares the :class:`~kg.extract.document.Document` fields it
reads and writes, and holds what is expensive to build (HanTa's model, the parser, the
dictionary index) so that a pipeline is built once and run per article.
:func:`default_stages` gives them in their fixed order.

>>> from kg.extract.pipeline import default_extractor
>>> default_extractor().pipeline.names  # doctest: +NORMALIZE_WHITESPACE
('tokens', 'entities', 'headline', 'parse', 'triggers', 'parties', 'roles',
 'event-anaphora', 'dates', 'conflict', 'places', 'facts', 'ranges', 'claims',
 'headline-events')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.dictionary import ActorDictionary
from kg.extract.anaphora import place_events, resolve_event_anaphora
from kg.extract.claims import apply_claims
from kg.extract.conflict import find_conflict
from kg.extract.depparse import DependencyParser
from kg.extract.document import Document, Stage
from kg.extract.entities import EntityRecognizer
from kg.extract.events import detect_triggers
from kg.extract.facts import derive_facts
from kg.extract.headline import headline_parts, home_state, novel_events, topic_colon
from kg.extract.lexicon import Lexicon
from kg.extract.model import EntityMention, Event, FactKind, TaggedSentence
from kg.extract.morphology import load_morphology
from kg.extract.ranges import keep_in_range, regional_offices
from kg.extract.roles import RoleAssigner
from kg.extract.sentences import split_sentences
from kg.extract.timing import assign_dates, headline_expressions, lead_date
from kg.extract.tokens import Tagger
from kg.iris import article_slug
from kg.vocabulary import EventClass, RoleProperty

__all__ = ["default_stages"]

#: Events kept although neither an actor nor a place was found: a protest is news without
#: one; fighting with no side and no place named ("Die Kämpfe waren ausgebrochen",
#: "Zivilisten wurden getötet") is mostly background no coder counts as an event.
_ACTORLESS = (EventClass.PROTEST,)


class Tokens:
    """The body's sentences and the headline's parts (indices -1, -2, …), tokenised and
    tagged."""

    name, reads, writes = "tokens", ("article",), ("tagged", "headline")

    def __init__(self) -> None:
        self.tagger = Tagger()

    def __call__(self, doc: Document) -> None:
        art = doc.article
        doc.tagged = tuple(self.tagger.tag(s) for s in split_sentences(art.text, art.body_start))
        doc.headline = tuple(self.tagger.tag(s) for s in headline_parts(art))


class Entities:
    """Mentions of the body, then of the headline: read last, the headline's surnames and
    references resolve to the people and organisations the body names ("Ghani lehnt …
    ab" after "Präsident Aschraf Ghani"), and the body's mentions are as without it."""

    name, reads = "entities", ("tagged", "headline", "article")
    writes = ("mentions", "headline_mentions", "new_entities")

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.recognizer = EntityRecognizer(dictionary, lexicon)

    def __call__(self, doc: Document) -> None:
        recognition = self.recognizer.recognise(
            (*doc.tagged, *doc.headline), scope=article_slug(doc.article.identifier)
        )
        doc.mentions = tuple(m for m in recognition.mentions if m.sentence >= 0)
        doc.headline_mentions = tuple(m for m in recognition.mentions if m.sentence < 0)
        doc.new_entities = recognition.new_entities


class Headline:
    """The state the story is about, as the headline gives it."""

    name, reads, writes = "headline", ("headline", "headline_mentions"), ("home",)

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.d = dictionary
        self.lex = lexicon

    def __call__(self, doc: Document) -> None:
        if not doc.headline:
            doc.home = None
            return
        colon = topic_colon(doc.headline[0])
        doc.home = home_state(
            doc.headline_mentions,
            self.d,
            colon=colon,
            headline=doc.headline,
            where=self.lex.ref("home_prepositions"),
        )


class Parse:
    """The dependency parse of the body and of the headline's parts; multiword names the
    recogniser found are parsed as one."""

    name = "parse"
    reads = ("tagged", "mentions", "headline", "headline_mentions")
    writes = ("sentences", "headline")

    def __init__(self) -> None:
        self.parser = DependencyParser()

    def _parse(
        self, tagged: Sequence[TaggedSentence], mentions: Sequence[EntityMention]
    ) -> tuple[TaggedSentence, ...]:
        names = [
            [(m.first, m.last) for m in mentions if m.sentence == ts.sentence.index and m.keys]
            for ts in tagged
        ]
        return tuple(self.parser.parse_many(tagged, names=names))

    def __call__(self, doc: Document) -> None:
        doc.sentences = self._parse(doc.tagged, doc.mentions)
        doc.headline = self._parse(doc.headline, doc.headline_mentions)


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
        found = find_conflict(
            doc.sentences,
            doc.mentions,
            {},
            self.d,
            self.lex,
            morph=self.morph,
            year=_year(doc.article.date),
        )
        doc.parties = found.parties if found else ()


class Roles:
    name = "roles"
    reads = ("sentences", "mentions", "triggers", "parties", "home", "new_entities")
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
            minted=_minted(doc),
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

    def __init__(self) -> None:
        self.morph = load_morphology()

    def __call__(self, doc: Document) -> None:
        doc.events, doc.time_expressions = assign_dates(
            doc.events, doc.sentences, doc.article.date, morph=self.morph
        )


class Conflict:
    """The conflict, read from the body and then the headline ("Angola: Armee und Unita
    unterzeichnen Waffenstillstand nach 27 Jahren Bürgerkrieg")."""

    name = "conflict"
    reads = (
        "sentences", "resolved", "time_expressions", "headline", "headline_mentions", "article",
        "events",
    )  # fmt: skip
    writes = ("conflict",)

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.d, self.lex = dictionary, lexicon
        self.morph = load_morphology()

    def __call__(self, doc: Document) -> None:
        exprs = {
            **headline_expressions(doc.headline, doc.article.date),
            **doc.time_expressions,
        }
        doc.conflict = find_conflict(
            (*doc.sentences, *doc.headline),
            (*doc.resolved, *doc.headline_mentions),
            exprs,
            self.d,
            self.lex,
            morph=self.morph,
            year=_year(doc.article.date),
            events=doc.events,
        )


class Places:
    name = "places"
    reads = ("events", "sentences", "resolved", "conflict")
    writes = ("events",)

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.d = dictionary
        self.morph = load_morphology()

    def __call__(self, doc: Document) -> None:
        places = doc.conflict.locations if doc.conflict else ()
        doc.events = place_events(
            doc.events, doc.sentences, doc.resolved, places, self.d, morph=self.morph
        )


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
    writes = ("events", "facts", "new_entities")

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.d = dictionary
        self.lex = lexicon

    def __call__(self, doc: Document) -> None:
        facts, doc.new_entities = regional_offices(doc.facts, doc.new_entities, self.d, self.lex)
        doc.events, doc.facts = keep_in_range(doc.events, facts, doc.new_entities, self.d)


class Claims:
    """Claims, quotes and negation; then the events with nothing to say are dropped."""

    name, reads, writes = "claims", ("events", "sentences", "resolved"), ("events",)

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def __call__(self, doc: Document) -> None:
        events = apply_claims(doc.events, doc.sentences, doc.resolved, self.lex)
        doc.events = tuple(e for e in events if _tells_something(e, self.lex))


def _tells_something(e: Event, lex: Lexicon) -> bool:
    """An event worth a record: one with a role, a quote, or of a class that needs none.

    A military action that names only whom it hit, neither its doer nor where, is none:
    as in CAMEO coding, a deed needs its source ("Mehrere Kampfflugzeuge seien abgeschossen
    worden" after the doer's own statement, "Die Angreifer seien zurückgeschlagen worden").
    A pattern that requires the target alone keeps it ("X überlebte ein Attentat").
    """
    if e.quote or e.event_class in _ACTORLESS:
        return True
    pattern = lex.pattern(e.trigger.pattern)
    if e.event_class == EventClass.MILITARY_ACTION and not (
        pattern and "addressee" in pattern.requires
    ):
        return any(role != RoleProperty.ADDRESSEE for role, _key in e.roles)
    return bool(e.roles)


class HeadlineEvents:
    """The headline's own events: tagged, parsed and coded like a sentence of the body,
    claims applied, dated by the story's first sentence; only those the body does not
    tell are added (:func:`~kg.extract.headline.novel_events`), with the headline as
    their evidence (its sentence index is ``-1``)."""

    name = "headline-events"
    reads = (
        "headline", "headline_mentions", "events", "sentences", "parties", "home",
        "time_expressions", "new_entities", "article", "facts", "conflict", "resolved",
    )  # fmt: skip
    writes = ("events", "sentences")

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon, roles: Roles) -> None:
        self.d, self.lex, self.roles = dictionary, lexicon, roles.roles
        self.morph = load_morphology()

    def __call__(self, doc: Document) -> None:
        if not doc.headline:
            return
        # "Libanon: Rivalisierende Lager einigen sich …": the topic is no argument
        colon = topic_colon(doc.headline[0])
        ms = tuple(
            m for m in doc.headline_mentions if colon is None or m.sentence != -1 or m.first > colon
        )
        parts = doc.headline
        # the part of the headline the conflict was read from is evidence too
        evidence = {doc.conflict.sentence} if doc.conflict is not None else set()
        doc.sentences = (*doc.sentences, *(ts for ts in parts if ts.sentence.index in evidence))
        triggers = [
            t
            for ts in parts
            for t in detect_triggers(
                ts, [m for m in ms if m.sentence == ts.sentence.index], self.lex, morph=self.morph
            )
        ]
        if not triggers:
            return
        events, resolved = self.roles.assign(
            parts,
            ms,
            triggers,
            conflict_parties=doc.parties,
            home=doc.home,
            minted=_minted(doc),
            prior=doc.resolved,
        )
        known = {k for k, _cls, _label in doc.new_entities}
        # an actor the body never names and no dictionary knows would have no label
        events = tuple(
            replace(e, roles=tuple((r, k) for r, k in e.roles if k in known or self.d.get(k)))
            for e in apply_claims(events, parts, resolved, self.lex)
        )
        date = lead_date(doc.time_expressions, doc.article.date)
        offices: dict[str, set[str]] = {}
        for f in doc.facts:
            if f.kind == FactKind.POSITION:
                offices.setdefault(f.subject, set()).add(f.object)
        novel = [
            replace(e, date=date)
            for e in novel_events(events, doc.events, offices=offices)
            if _told(e)
        ]
        kept, _facts = keep_in_range(novel, (), doc.new_entities, self.d)
        if kept:
            doc.events = (*doc.events, *kept)
            used = {e.sentence for e in kept} - evidence
            doc.sentences = (*doc.sentences, *(ts for ts in parts if ts.sentence.index in used))


def _minted(doc: Document) -> dict[str, str]:
    """The class of each entity the article introduces, by key."""
    return {key: cls for key, cls, _label in doc.new_entities}


def _year(article_date: str) -> int:
    """The year of an article's date (``YYYY-MM-DD`` or ``YYYY-MM``)."""
    return int(article_date[:4])


def _told(e: Event) -> bool:
    """An event the headline tells with an actor, unnegated (the claims stage drops the
    negated) and not only someone's claim."""
    return bool(e.actors()) and not e.claimed_by


def default_stages(dictionary: ActorDictionary, lexicon: Lexicon) -> list[Stage]:
    """Every stage, in the order the pipeline runs them."""
    tokens, entities = Tokens(), Entities(dictionary, lexicon)
    parse, roles = Parse(), Roles(dictionary, lexicon)
    return [
        tokens,
        entities,
        Headline(dictionary, lexicon),
        parse,
        Triggers(lexicon),
        Parties(dictionary, lexicon),
        roles,
        EventAnaphora(dictionary, lexicon),
        Dates(),
        Conflict(dictionary, lexicon),
        Places(dictionary),
        Facts(dictionary, lexicon),
        Ranges(dictionary, lexicon),
        Claims(lexicon),
        HeadlineEvents(dictionary, lexicon, roles),
    ]
