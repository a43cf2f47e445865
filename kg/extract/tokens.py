"""Stage 2: tokens with lemma and part of speech.

Reads :class:`~kg.extract.model.Sentence` records; writes
:class:`~kg.extract.model.TaggedSentence` records. Tokens keep hyphenated compounds
together ("US-Außenminister", "Berg-Karabach-Konflikt") and a trailing hyphen
("russisch-"); lemmas and STTS tags come from HanTa's German model, which is loaded once
per :class:`Tagger` and whose results are cached per sentence.

>>> from kg.extract.model import Sentence
>>> tagger = Tagger()
>>> ts = tagger.tag(Sentence(0, 0, 28, "Putin bot Hilfe an, sagte er"))
>>> [(t.text, t.lemma, t.pos) for t in ts.tokens][1:4:2]
[('bot', 'bieten', 'VV(FIN)'), ('an', 'an', 'PTKVZ')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kg.extract.model import Sentence, TaggedSentence, Token

__all__ = ["Tagger", "tokenize"]

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*\.?(?=\s+\w)|\w+(?:[-'’]\w+)*-?|\S")
_OPEN_QUOTES = {"„", "»", "‚"}
_CLOSE_QUOTES = {"“", "«", "‘"}


def tokenize(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, text) of each token; ordinal numbers keep their dot ("27.").

    >>> [t[2] for t in tokenize("Am 27. September kam US-Präsident Trump.")]
    ['Am', '27.', 'September', 'kam', 'US-Präsident', 'Trump', '.']
    """
    out = []
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if tok.endswith(".") and tok[:-1].isdigit() and not _is_ordinal(text, m.end()):
            out.append((m.start() + offset, m.end() - 1 + offset, tok[:-1]))
            out.append((m.end() - 1 + offset, m.end() + offset, "."))
            continue
        out.append((m.start() + offset, m.end() + offset, tok))
    return out


def _is_ordinal(text: str, end: int) -> bool:
    nxt = re.match(r"\s+(\w+)", text[end:])
    return bool(nxt) and end < len(text)


# Lower-case particles inside Arabic personal names that HanTa reads as German words.
_NAME_PARTICLES = frozenset({"bin", "bint", "ibn"})


class Tagger:
    """HanTa's German tagger, loaded once; :meth:`tag` is cached per sentence text."""

    def __init__(self, model: str = "morphmodel_ger.pgz", cache_size: int = 50_000) -> None:
        from HanTa import HanoverTagger  # heavy import, only when a tagger is made

        self._hanta = HanoverTagger.HanoverTagger(model)
        self._tag_words = lru_cache(maxsize=cache_size)(self._tag_uncached)

    def _tag_uncached(self, words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        # HanTa's sentence tagger is an HMM: tags depend on context, so cache whole sentences
        tagged = self._hanta.tag_sent(list(words), taglevel=1)
        return tuple((str(lemma), str(pos)) for _w, lemma, pos in tagged)

    def tag(self, sentence: Sentence) -> TaggedSentence:
        """Tokenize and tag one sentence."""
        return self.tag_spans(sentence, tokenize(sentence.text, sentence.start))

    def tag_spans(
        self, sentence: Sentence, spans: Sequence[tuple[int, int, str]]
    ) -> TaggedSentence:
        """Tag a sentence tokenized elsewhere (a treebank's words): (start, end, text) each."""
        words = tuple(w for _s, _e, w in spans)
        tags = self._tag_words(words) if words else ()
        tokens = []
        opener = ""  # the quotation mark that opened the current quotation
        for i, ((start, end, word), (lemma, pos)) in enumerate(zip(spans, tags, strict=True)):
            if opener and ((word in _CLOSE_QUOTES and opener != '"') or word == opener == '"'):
                opener = ""
                tokens.append(Token(i, start, end, word, word, "$("))
                continue
            if not opener and (word in _OPEN_QUOTES or word == '"'):
                tokens.append(Token(i, start, end, word, word, "$("))
                opener = word
                continue
            quoted = bool(opener)
            if word.endswith("-") and len(word) > 1:
                pos = "TRUNC"
                lemma = word
            if (
                word in _NAME_PARTICLES
                and 0 < i < len(spans) - 1
                and spans[i - 1][2][:1].isupper()
                and spans[i + 1][2][:1].isupper()
            ):
                # "Faisal bin Farhan": a name particle, not the verb "(ich) bin"
                pos = "NE"
                lemma = word
            tokens.append(Token(i, start, end, word, lemma, pos, quoted))
        return TaggedSentence(sentence, tuple(tokens))
