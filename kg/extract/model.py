"""The frozen records the extraction stages pass to each other.

Every stage of :mod:`kg.extract` reads some of these records and returns new ones; no
stage mutates what it was given. Offsets are always absolute character offsets into
:attr:`kg.articles.Article.text`, so ``text[start:end]`` is the span a record stands for.

>>> s = Sentence(index=0, start=4, end=9, text="Hallo", paragraph=0)
>>> s.text == "xxxxHallo"[s.start:s.end]
True
>>> Role.AGENT.value
'agent'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

__all__ = [
    "ArticleAnalysis",
    "Conflict",
    "EntityMention",
    "Event",
    "Fact",
    "FactKind",
    "MentionKind",
    "Role",
    "Sentence",
    "TaggedSentence",
    "Token",
    "Trigger",
]


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article body: ``text == article.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Token:
    """A token with HanTa's lemma and STTS-like part of speech (``NE``, ``VV(FIN)``...)."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    quoted: bool = False  # inside „…“

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class TaggedSentence:
    """A sentence and its tokens."""

    sentence: Sentence
    tokens: tuple[Token, ...]


class MentionKind(Enum):
    """How an entity mention was recognised."""

    NAME = "name"  # a dictionary name or alias, or a new proper name
    ADJECTIVE = "adjective"  # "russische", "US-" as prefix of a compound
    SURNAME = "surname"  # "Putin", "Lawrows" after the full name was introduced
    TITLE = "title"  # a title without a name: "der russische Staatschef"
    GROUP = "group"  # "beide Seiten", "die Konfliktparteien"
    PRONOUN = "pronoun"  # "er", "sein Land", "seine Armee"


class Role(Enum):
    """Event roles of the contract (sub-properties of ckg:hasActor, and location)."""

    AGENT = "agent"
    ADDRESSEE = "addressee"
    PARTICIPANT = "participant"
    MEDIATOR = "mediator"
    LOCATION = "location"


@dataclass(frozen=True)
class EntityMention:
    """A span naming (or referring to) one or more entities.

    ``first``/``last`` are token indices (``last`` exclusive) within the sentence;
    ``keys`` are dictionary or minted entity keys (several for a group reference).
    ``offices`` carry the offices the mention states ("Russlands Präsident ...").
    """

    sentence: int
    first: int
    last: int
    start: int
    end: int
    text: str
    kind: MentionKind
    keys: tuple[str, ...] = ()
    cls: str = ""
    offices: tuple[tuple[str, str | None, bool], ...] = ()  # (role key, of key, former)
    colleague: bool = False  # "sein armenischer Amtskollege X": role of the colleague
    place: str | None = None  # the place key when the name is a place (capital, city)
    group: str | None = None  # group reference kind: "sides", "colleagues", "possessive"


@dataclass(frozen=True)
class Trigger:
    """An event expression found by a pattern of the lexicon."""

    sentence: int
    first: int  # token index of the head (verb or noun)
    last: int
    pattern: str
    event_class: str
    cameo: str
    frame: tuple[tuple[str, str], ...]  # (syntactic slot, role) pairs
    complete: bool  # the pattern matched with all its required parts
    nominal: bool = False
    passive: bool = False
    negated: bool = False


@dataclass(frozen=True)
class Event:
    """An event with its roles, ready to be written."""

    sentence: int
    trigger: Trigger
    event_class: str
    roles: tuple[tuple[Role, str], ...] = ()
    date: tuple[str, str] | None = None  # (lexical value, xsd datatype name)
    effective: str | None = None  # xsd:dateTime lexical value
    about: tuple[str, ...] = ()  # entity keys
    topics: tuple[str, ...] = ()  # literal topics (German)
    quote: str | None = None
    claimed_by: tuple[str, ...] = ()
    confidence: float = 0.5
    part_of: str | None = None
    split: int = 0  # distinguishes events split from one trigger ("getrennt")

    def actors(self, *roles: Role) -> tuple[str, ...]:
        """Keys in the given roles (all actor roles if none given)."""
        wanted = roles or (Role.AGENT, Role.ADDRESSEE, Role.PARTICIPANT, Role.MEDIATOR)
        return tuple(k for r, k in self.roles if r in wanted)


class FactKind(Enum):
    """Kinds of standing facts."""

    MEMBER = "member"
    NOT_MEMBER = "not-member"
    LEADS = "leads"
    POSITION = "position"
    INSTANCE = "instance"


@dataclass(frozen=True)
class Fact:
    """A standing fact: ``subject`` ``kind`` ``object`` (``role`` for positions)."""

    kind: FactKind
    subject: str
    object: str
    sentence: int
    role: str | None = None


@dataclass(frozen=True)
class Conflict:
    """The armed conflict an article is about."""

    key: str
    label: str
    parties: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    start: tuple[str, str] | None = None  # (lexical value, datatype)
    sentence: int | None = None
    known: bool = False


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything extracted from one article, handed to the RDF writer."""

    sentences: tuple[TaggedSentence, ...]
    mentions: tuple[EntityMention, ...]
    events: tuple[Event, ...]
    facts: tuple[Fact, ...]
    conflict: Conflict | None = None
    new_entities: tuple[tuple[str, str, str], ...] = field(default=())  # key, class, label
