"""The frozen records the extraction stages pass to each other.

Every stage of :mod:`kg.extract` reads some of these records and returns new ones; no
stage mutates what it was given. Offsets are always absolute character offsets into
:attr:`kg.articles.Article.text`, so ``text[start:end]`` is the span a record stands for.

>>> s = Sentence(index=0, start=4, end=9, text="Hallo", paragraph=0)
>>> s.text == "xxxxHallo"[s.start:s.end]
True
>>> [str(r) for r in ACTOR_ROLES]
['agent', 'addressee', 'participant', 'mediator']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Literal, TypeAlias

from kg.vocabulary import EventProperty, RoleProperty

__all__ = [
    "ACTOR_ROLES",
    "EVENT_ROLES",
    "ArticleAnalysis",
    "Conflict",
    "EntityMention",
    "Event",
    "EventRole",
    "Fact",
    "FactKind",
    "MentionKind",
    "Parse",
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
    quoted: bool = False  # inside a quotation („…“, »…«, «…», ‚…‘, "…")
    verb: str | None = None  # a participle attribute's verb ("ausgehandelter" → aushandeln)

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Parse:
    """A dependency parse: token ``i`` depends on ``heads[i]`` by the UD relation
    ``deps[i]``; a root is its own head (relation ``root``).

    >>> p = Parse(heads=(1, 1, 1), deps=("nsubj", "root", "obj"))
    >>> p.children(1), p.dependents(1, "nsubj")
    ((0, 2), (0,))
    """

    heads: tuple[int, ...]
    deps: tuple[str, ...]

    def children(self, i: int) -> tuple[int, ...]:
        """The tokens that depend on ``i``, in order."""
        return tuple(j for j, h in enumerate(self.heads) if h == i and j != i)

    def dependents(self, i: int, *relations: str) -> tuple[int, ...]:
        """The children of ``i`` by one of the relations (``"obl"`` also matches
        ``"obl:arg"``, ``"obl:agent"``)."""
        return tuple(
            j
            for j in self.children(i)
            if self.deps[j] in relations or self.deps[j].split(":")[0] in relations
        )

    def subtree(self, i: int) -> tuple[int, ...]:
        """``i`` and every token that depends on it, directly or not, in order.

        >>> Parse(heads=(1, 1, 3, 1), deps=("nsubj", "root", "det", "obj")).subtree(3)
        (2, 3)
        """
        out, todo = {i}, [i]
        while todo:
            for j in self.children(todo.pop()):
                if j not in out:
                    out.add(j)
                    todo.append(j)
        return tuple(sorted(out))

    def conjuncts(self, i: int) -> tuple[int, ...]:
        """``i`` and the tokens coordinated with it (``conj`` chains), in order."""
        first = i
        while self.deps[first] == "conj" and self.heads[first] != first:
            first = self.heads[first]
        out = [first]
        todo = [first]
        while todo:
            for j in self.dependents(todo.pop(), "conj"):
                if self.deps[j] == "conj":
                    out.append(j)
                    todo.append(j)
        return tuple(sorted(out))


@dataclass(frozen=True)
class TaggedSentence:
    """A sentence, its tokens, and (after the parsing stage) their dependency parse."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    parse: Parse | None = None


class MentionKind(Enum):
    """How an entity mention was recognised."""

    NAME = "name"  # a dictionary name or alias, or a new proper name
    ADJECTIVE = "adjective"  # "russische", "US-" as prefix of a compound
    SURNAME = "surname"  # "Putin", "Lawrows" after the full name was introduced
    TITLE = "title"  # a title without a name: "der russische Staatschef"
    GROUP = "group"  # "beide Seiten", "die Konfliktparteien"
    PRONOUN = "pronoun"  # "er", "sein Land", "seine Armee"


#: What an event's ``roles`` pair a key with: one of the contract's roles (sub-properties
#: of ckg:hasActor) or ckg:location, which the contract makes an event property, not a role.
EventRole: TypeAlias = RoleProperty | Literal[EventProperty.LOCATION]

#: The roles extraction gives actors (ckg:party is for conflicts, and ckg:hasActor is left
#: to data that names no role).
ACTOR_ROLES: tuple[RoleProperty, ...] = (
    RoleProperty.AGENT,
    RoleProperty.ADDRESSEE,
    RoleProperty.PARTICIPANT,
    RoleProperty.MEDIATOR,
)

#: Every role an event's ``roles`` may hold.
EVENT_ROLES: tuple[EventRole, ...] = (*ACTOR_ROLES, EventProperty.LOCATION)


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
    place: str | None = None  # the place of a facility a group reference refers to
    group: str | None = None  # group reference kind: "sides", "colleagues", "possessive"
    head: str = ""  # a group noun's lemma ("rebell" in "die Rebellen")
    fallback: str | None = None  # the article's own actor it is if it refers to none named


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
    # an event noun that frames the clause with no verb of its own ("nach dem Angriff der
    # Hamas auf X"): its arguments are the phrases attached to the noun
    framing: bool = False
    passive: bool = False
    negated: bool = False
    # a speech act in the first person inside a quotation ("„Wir verurteilen …“, sagte X"):
    # its agent is whoever speaks the quotation, named by the claims stage
    speaker: bool = False
    # the light verb that licensed an event noun ("verübten einen Anschlag"): no event of
    # its own
    light: int | None = None


@dataclass(frozen=True)
class Event:
    """An event with its roles, ready to be written."""

    sentence: int
    trigger: Trigger
    event_class: str
    roles: tuple[tuple[EventRole, str], ...] = ()
    date: tuple[str, str] | None = None  # (lexical value, xsd datatype name)
    effective: str | None = None  # xsd:dateTime lexical value
    about: tuple[str, ...] = ()  # entity keys
    topics: tuple[str, ...] = ()  # literal topics (German)
    quote: str | None = None
    claimed_by: tuple[str, ...] = ()
    confidence: float = 0.5
    part_of: str | None = None
    split: int = 0  # distinguishes events split from one trigger ("getrennt")

    def actors(self, *roles: EventRole) -> tuple[str, ...]:
        """Keys in the given roles (all actor roles if none given)."""
        wanted = roles or ACTOR_ROLES
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
