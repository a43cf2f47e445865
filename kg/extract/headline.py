"""The headline: tagged apart from the body, and the state an article is about.

Reads the article (its title line) and the tagger and recogniser of the body's stages;
writes the headline as a :class:`~kg.extract.model.TaggedSentence` (index ``-1``) with its
entity mentions. Wire headlines put the country of a story first ("Angola: Armee und
Unita unterzeichnen …"), or name one state ("Nepals Regierung und Maoisten …"):
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

from collections.abc import Sequence

from kg.articles import Article
from kg.dictionary import ActorDictionary
from kg.extract.model import EntityMention, MentionKind, Sentence, TaggedSentence
from kg.vocabulary import ActorClass

__all__ = ["headline_sentence", "home_state", "topic_colon"]


def headline_sentence(article: Article) -> Sentence | None:
    """The title as a sentence of the article's text, when the text holds it (the first
    line of a plain-text article); ``None`` for a title given apart (JSON Lines)."""
    title = article.title
    if not title:
        return None
    start = article.text.find(title, 0, article.body_start)
    if start < 0:
        return None
    return Sentence(-1, start, start + len(title), title)


def topic_colon(headline: TaggedSentence) -> int | None:
    """The token index of a topic colon ("Libanon: …") within the headline's first four
    tokens, if there is one."""
    for i, t in enumerate(headline.tokens[:4]):
        if t.text == ":":
            return i
    return None


def home_state(
    mentions: Sequence[EntityMention], d: ActorDictionary, *, colon: int | None
) -> str | None:
    """The state a story is about: the one before a topic colon, else the only state the
    headline names (by name or adjective); ``None`` when it names none or several."""
    states = [
        m
        for m in mentions
        if m.keys
        and m.kind in (MentionKind.NAME, MentionKind.ADJECTIVE)
        and d.is_a(m.keys[0], ActorClass.STATE)
    ]
    if colon is not None:
        topic = [m for m in states if m.last <= colon]
        if len(topic) == 1:
            return topic[0].keys[0]
    named = {m.keys[0] for m in states}
    return named.pop() if len(named) == 1 else None
