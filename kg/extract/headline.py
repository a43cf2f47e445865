"""The headline: its parts as sentences, the state an article is about, and the events
it adds to the body's.

The title is split into the headlines a dash joins (:func:`headline_parts`, sentence
indices ``-1``, ``-2``, …). Wire headlines put the country of a story first ("Angola:
Armee und Unita unterzeichnen …"), or name one state ("Nepals Regierung und Maoisten …"):
:func:`home_state` reads it, so that "Präsident X" of an unknown X in a story datelined
abroad ("Doha –" for Lebanese talks in Qatar) holds the office of the story's state.

>>> from kg.extract.model import EntityMention, MentionKind
>>> from kg.dictionary import load_dictionary
>>> d = load_dictionary()
>>> def m(first, key):
...     return EntityMention(-1, first, first + 1, 0, 0, key, MentionKind.NAME, (key,), "State")
>>> home_state([m(0, "angola"), m(7, "zambia")], d, colon=1)
'angola'
>>> home_state([m(0, "angola"), m(7, "zambia")], d, colon=None) is None
True
>>> home_state([m(3, "nepal")], d, colon=None)
'nepal'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set

from kg.articles import Article
from kg.dictionary import ActorDictionary
from kg.extract.model import (
    EntityMention,
    Event,
    MentionKind,
    Sentence,
    TaggedSentence,
    Token,
)
from kg.vocabulary import ActorClass, EventClass, is_a

__all__ = ["headline_parts", "home_state", "novel_events", "topic_colon"]


def headline_parts(article: Article) -> tuple[Sentence, ...]:
    """The title as sentences of the article's text, when the text holds it (the first
    line of a plain-text article; none for a title given apart, as in JSON Lines): one per
    headline a spaced dash joins ("IS reklamiert Anschlag – Teheran beschuldigt Israel"),
    indexed -1, -2, … so that they never meet the body's sentences.

    >>> from kg.articles import parse_article_text
    >>> art = parse_article_text("date 2024-01-04 A tut B – C tut D\\nText.\\n",
    ...                          identifier="t.txt", origin="t.txt")
    >>> [(s.index, s.text) for s in headline_parts(art)]
    [(-1, 'A tut B'), (-2, 'C tut D')]
    """
    title = article.title
    start = article.text.find(title, 0, article.body_start) if title else -1
    if start < 0:
        return ()
    out: list[Sentence] = []
    for part in re.finditer(r"[^–—]+", title):
        text = part.group().strip()
        if text:
            a = start + part.start() + part.group().index(text)
            out.append(Sentence(-1 - len(out), a, a + len(text), text))
    return tuple(out)


def topic_colon(headline: TaggedSentence) -> int | None:
    """The token index of a topic colon ("Libanon: …") within the headline's first four
    tokens, if there is one."""
    for i, t in enumerate(headline.tokens[:4]):
        if t.text == ":":
            return i
    return None


def home_state(
    mentions: Sequence[EntityMention],
    d: ActorDictionary,
    *,
    colon: int | None,
    headline: Sequence[TaggedSentence] = (),
    where: Set[str] = frozenset(),
) -> str | None:
    """The state a story is about: the one before a topic colon, else the only state the
    headline names (by name or adjective, or as the state of a title: "Afghanistans
    Präsident Ghani lehnt … ab"); ``None`` when it names none or several.

    A state the ``headline`` names after a preposition is another party to the story, not
    its home ("Grenzstreit mit Aserbaidschan: Armenien …", "Netanjahu entschuldigt sich bei
    der Türkei"), except after the prepositions of ``where`` ("Kämpfe im Sudan")."""
    tokens = {s.sentence.index: s.tokens for s in headline}
    states = [
        (m, m.keys[0])
        for m in mentions
        if m.keys
        and m.kind in (MentionKind.NAME, MentionKind.ADJECTIVE)
        and d.is_a(m.keys[0], ActorClass.STATE)
        and not (
            m.kind == MentionKind.NAME
            and _after_preposition(tokens.get(m.sentence, ()), m.first, m.last, where)
        )
    ] + [
        (m, of)
        for m in mentions
        for _role, of, former in m.offices
        if of is not None and not former and d.is_a(of, ActorClass.STATE)
    ]
    if colon is not None:
        topic = {key for m, key in states if m.last <= colon}
        if len(topic) == 1:
            return topic.pop()
    named = {key for _m, key in states}
    return named.pop() if len(named) == 1 else None


def _after_preposition(toks: Sequence[Token], first: int, last: int, where: Set[str]) -> bool:
    """Whether the name at tokens ``first`` to ``last`` is what a preposition not in
    ``where`` governs, with an article between or not ("mit Aserbaidschan", "bei der
    Türkei"), and not the owner of the noun after it ("gegen Malis Militärregierung").

    >>> from kg.extract.model import Token
    >>> def toks(*pairs):
    ...     return [Token(i, 0, 0, w, w, p) for i, (w, p) in enumerate(pairs)]
    >>> mit = toks(("Streit", "NN"), ("mit", "APPR"), ("der", "ART"), ("Türkei", "NE"))
    >>> _after_preposition(mit, 3, 4, {"in", "im"}), _after_preposition(mit, 3, 4, {"mit"})
    (True, False)
    >>> gen = toks(("gegen", "APPR"), ("Malis", "NE"), ("Militärregierung", "NN"))
    >>> _after_preposition(gen, 1, 2, {"in"})
    False
    """
    if not toks or (last < len(toks) and toks[last].pos in ("NN", "NE")):
        return False  # (no headline tokens given: nothing to read)
    k = first - 1
    if k >= 0 and toks[k].pos == "ART":
        k -= 1
    return k >= 0 and toks[k].pos in ("APPR", "APPRART") and toks[k].text.lower() not in where


def _told_alike(h: Event, b: Event) -> bool:
    """Whether body event ``b`` may tell headline event ``h``: of its class, or a class
    above or beneath it. A plain ckg:Event (a kind the contract has no class for, such as
    relations broken off) tells only a plain event of its CAMEO code: it is no broader
    reading of a statement or a rejection.

    >>> from kg.extract.model import Trigger
    >>> def ev(cls, code):
    ...     return Event(-1, Trigger(-1, 0, 1, "p", cls, code, (), True), cls, ())
    >>> _told_alike(ev("Statement", "010"), ev("Event", "161"))
    False
    >>> _told_alike(ev("CeasefireAgreement", "0871"), ev("Agreement", "057"))
    True
    """
    plain = EventClass.EVENT.value
    if plain in (h.event_class, b.event_class):
        return h.event_class == b.event_class and h.trigger.cameo == b.trigger.cameo
    return is_a(b.event_class, h.event_class) or is_a(h.event_class, b.event_class)


def novel_events(
    headline: Sequence[Event],
    body: Sequence[Event],
    *,
    offices: Mapping[str, Set[str]] | None = None,
) -> tuple[Event, ...]:
    """The headline's events the body does not tell: each names an actor, and no body
    event of its class (or a class above or beneath it) shares an actor with it, a person
    standing for the states and organisations of their ``offices`` ("Kiew spricht von
    »Kriegserklärung«" is Prime Minister X's statement in the body). A headline sums up
    the story; only what it adds counts, once.

    >>> from kg.extract.model import Trigger
    >>> from kg.vocabulary import RoleProperty as R
    >>> t = Trigger(-1, 0, 1, "agree", "Agreement", "057", (), True)
    >>> def ev(cls, *keys):
    ...     return Event(-1, t, cls, tuple((R.PARTICIPANT, k) for k in keys))
    >>> told = [ev("CeasefireAgreement", "kenya", "somalia"), ev("Statement", "x-y")]
    >>> [e.event_class for e in novel_events(
    ...     [ev("Agreement", "kenya"), ev("Meeting", "kenya"), ev("Agreement"),
    ...      ev("Statement", "somalia")], told, offices={"x-y": {"somalia"}})]
    ['Meeting']
    """
    offices = offices or {}

    def sides(e: Event) -> set[str]:
        keys = set(e.actors())
        return keys.union(*(offices.get(k, ()) for k in keys))

    out: list[Event] = []
    for h in headline:
        if not h.actors():
            continue
        related = [b for b in body if _told_alike(h, b)]
        if not any(sides(h) & sides(b) for b in related):
            out.append(h)
    return tuple(out)
