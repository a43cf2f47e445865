"""Stage 2: tokens with lemma and part of speech.

Reads :class:`~kg.extract.model.Sentence` records; writes
:class:`~kg.extract.model.TaggedSentence` records. Tokens keep hyphenated compounds
together ("US-Außenminister", "Berg-Karabach-Konflikt") and a trailing hyphen
("russisch-"); lemmas and STTS tags come from HanTa's German model, which is loaded once
per :class:`Tagger` and whose results are cached per sentence.

HanTa's analysis of a word takes time quadratic in its length (a word of 2 000 letters
took 54 s), so a token longer than :data:`MAX_TOKEN_CHARS` is not given to HanTa: it is
tagged ``NN`` if capitalised, else ``XY`` (non-word), with itself as lemma.
:func:`long_tokens` finds such tokens, so that a caller can say so.

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
from kg.extract.morphology import Morphology, load_morphology
from kg.extract.quotes import MARKS, quote_spans, scare_quoted

__all__ = [
    "MAX_TOKEN_CHARS",
    "Tagger",
    "bracketed",
    "dateline_words",
    "long_tokens",
    "tokenize",
]

#: Longest token HanTa analyses (characters). German compounds stay far below it (the
#: longest word of the dev corpus has 25 letters, legal compounds about 60).
MAX_TOKEN_CHARS = 64

# an initial inside a name keeps its dot, as in the treebanks ("George W. Bush"), and so
# does a regnal number before a lowercase word ("König Hassan II. und", "Johannes Paul II.
# sagte")
_TOKEN = re.compile(
    r"\d+(?:[.,:]\d+)*\.?(?=\s+\w)|[A-ZÄÖÜ]\.(?=\s+[A-ZÄÖÜ][a-zäöü])"
    r"|\b[IVX]{1,4}\.(?=\s+[a-zäöüß])|\w+(?:[-'’]\w+)*-?|\S"
)


def tokenize(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, text) of each token; ordinal numbers and initials keep their dot
    ("27.", "W.").

    >>> [t[2] for t in tokenize("Am 27. September kam US-Präsident Trump.")]
    ['Am', '27.', 'September', 'kam', 'US-Präsident', 'Trump', '.']
    >>> [t[2] for t in tokenize("George W. Bush kam.")]
    ['George', 'W.', 'Bush', 'kam', '.']
    >>> [t[2] for t in tokenize("König Hassan II. und Ben Bella")]
    ['König', 'Hassan', 'II.', 'und', 'Ben', 'Bella']
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


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _is_ordinal(text: str, end: int) -> bool:
    # match in place: slicing text[end:] for every number would be quadratic
    nxt = _NEXT_WORD.match(text, end)
    return bool(nxt) and end < len(text)


def long_tokens(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """The tokens of ``text`` longer than :data:`MAX_TOKEN_CHARS`, as :func:`tokenize` gives.

    >>> [(s, e) for s, e, _w in long_tokens("Er sagte " + "a" * 100 + " heute.")]
    [(9, 109)]
    """
    return [t for t in tokenize(text, offset) if t[1] - t[0] > MAX_TOKEN_CHARS]


#: Tags of the words an attribute's own phrase may hold ("von ihm", "1975 in Addis Abeba").
_ATTRIBUTE_WORDS = ("APPR", "APPRART", "PPER", "ADV", "ADJ(D)", "ART", "NN", "NE", "CARD")


def _attribute_phrase(tags: Sequence[tuple[str, str]], i: int, k: int) -> bool:
    """The words before ``i`` open an extended attribute: an article, a preposition and
    the words of its phrase ("die von Ruanda …", "die vom Iran …").

    >>> _attribute_phrase([("der", "ART"), ("von", "APPR"), ("Ruanda", "NE"),
    ...     ("unterstützen", "VV(FIN)")], 3, 0)
    True
    >>> _attribute_phrase([("Ruanda", "NE"), ("unterstützen", "VV(FIN)")], 1, 0)
    False
    """
    for x in range(i - 2, max(k, i - 6) - 1, -1):
        if not all(tags[y][1] in _ATTRIBUTE_WORDS for y in range(x + 1, i)):
            return False
        if tags[x][1] == "ART" and tags[x + 1][1] in ("APPR", "APPRART"):
            return True
    return False


def _untagged(word: str) -> tuple[str, str]:
    """(lemma, tag) of a token too long for HanTa: itself, ``NN`` if capitalised, else ``XY``.

    >>> _untagged("Aaaa"), _untagged("x1")
    (('Aaaa', 'NN'), ('x1', 'XY'))
    """
    return word, "NN" if word[:1].isupper() else "XY"


# Lower-case particles inside Arabic personal names that HanTa reads as German words.
def _quoted(
    sentence: Sentence, spans: Sequence[tuple[int, int, str]], tags: Sequence[str]
) -> list[bool]:
    """For each word, whether it stands inside a quotation (any German quotation marks,
    see :mod:`kg.extract.quotes`); words set off in scare quotes are not quoted."""
    words = [w for _s, _e, w in spans]
    out = [False] * len(spans)
    base = sentence.start
    for a, b in quote_spans(sentence.text, [(w, s - base, e - base) for s, e, w in spans]):
        if scare_quoted(words, tags, a, b):
            continue
        for j in range(max(a + 1, 0), min(b, len(spans))):
            out[j] = True
    return out


_DASHES = frozenset({"–", "—", "-"})


def _name_inner(word: str, after: Sequence[str]) -> bool:
    """A lower-case word inside a place's name: an article joined to the next word
    ("al-Bared"), or a short particle before a capitalised word ("Dar es Salaam", "Rio de
    Janeiro")."""
    if re.match(r"[a-z]{1,3}-[A-ZÄÖÜ]", word):
        return True
    return len(word) <= 3 and word.isalpha() and bool(after) and after[0][:1].isupper()


def dateline_words(words: Sequence[str]) -> int:
    """How many words open a sentence as a news dateline ("Moskau –", "Addis Abeba
    (AFP) –", "Tunis/Paris (dpa/AFP) –"): capitalised words and a parenthesis before a
    dash among the first twelve words; 0 when there is none.

    >>> dateline_words("Kairo – Die Gespräche".split()), dateline_words("Die Gespräche".split())
    (2, 0)
    >>> dateline_words("Wadi Araba ( dpa ) – Israel".split())
    6
    >>> dateline_words("Nahr al-Bared ( AFP ) – Die".split())
    6
    >>> dateline_words("Dar es Salaam – Die".split())
    4
    >>> dateline_words("Tunis / Paris ( dpa / AFP ) – Das".split())
    9
    """
    for j, w in enumerate(words[:12]):
        if w in _DASHES:
            before = words[:j]
            depth, ok = 0, bool(before)
            for k, b in enumerate(before):
                depth += (b == "(") - (b == ")")
                # the agency in parentheses may be written in lower case ("(dpa)", "(epd)")
                ok = ok and (
                    b[:1].isupper()
                    or b in ("(", ")", "/")
                    or depth > 0
                    or (k > 0 and _name_inner(b, before[k + 1 : k + 2]))
                )
            return j + 1 if ok else 0
        if w in (",", ".", ":", ";"):
            return 0
    return 0


def bracketed(words: Sequence[str]) -> set[int]:
    """The positions of the words inside parentheses: in a dateline the agency ("Jakarta
    (Reuters) –"), which is no place.

    >>> sorted(bracketed("Jakarta ( Reuters ) –".split()))
    [2]
    """
    inside: set[int] = set()
    depth = 0
    for j, w in enumerate(words):
        depth += (w == "(") - (w == ")")
        if depth > 0 and w != "(":
            inside.add(j)
    return inside


#: Tokens after which a word is capitalised whatever its kind: a new sentence, a quote
#: or a colon opens there.
_OPENERS = frozenset({":", "(", "–", "—", "-", ".", "!", "?", *MARKS})


#: What follows a nominalised adjective but never an attributive one: an article, a
#: preposition, a finite verb ("Bewaffnete der Fatah al-Islam hatten …", "Tausende
#: Bewaffnete" aside).
_AFTER_NOUN = ("ART", "APPR", "APPRART", "VV(FIN)", "VA(FIN)", "VM(FIN)")


def _nominalised_opening(
    words: Sequence[str], tags: tuple[tuple[str, str], ...], k: int
) -> tuple[tuple[str, str], ...]:
    """The adjective that opens a sentence, with an article, a preposition or a finite
    verb after it, is a noun: "Bewaffnete der Fatah al-Islam hatten Soldaten getötet"
    (HanTa reads the capital as the sentence's, and the word as "bewaffnet").

    >>> _nominalised_opening(("Bewaffnete", "der", "Miliz"),
    ...     (("bewaffnet", "ADJ(A)"), ("der", "ART"), ("Miliz", "NN")), 0)[0]
    ('Bewaffnete', 'NNA')
    >>> _nominalised_opening(("Bewaffnete", "Männer"),
    ...     (("bewaffnet", "ADJ(A)"), ("Mann", "NN")), 0)[0]
    ('bewaffnet', 'ADJ(A)')
    """
    if not (
        k + 1 < len(words)
        and tags[k][1] == "ADJ(A)"
        and words[k][:1].isupper()
        and tags[k + 1][1] in _AFTER_NOUN
    ):
        return tags
    return (*tags[:k], (words[k], "NNA"), *tags[k + 1 :])


#: The article a fused preposition holds, by its last letter ("zum", "zur", "ins").
_FUSED_ARTICLE = {"m": "dem", "r": "der", "s": "das"}


def _relatives_after_comma(
    words: Sequence[str], tags: tuple[tuple[str, str], ...], morph: Morphology
) -> tuple[tuple[str, str], ...]:
    """An article right after a comma whose phrase ends in a finite verb, with no noun of
    its own after it (a time, a preposition, an adverb or a pronoun follows), is a relative
    pronoun: ", die Anfang Februar bis in die Hauptstadt vorgedrungen waren" (HanTa: the
    article of "Anfang"); so is an article after a comma and a preposition it would fuse
    with (", zu der Kenia gehört": "zur" otherwise).

    >>> [p for _l, p in _relatives_after_comma(
    ...     ("Rebellen", ",", "die", "Anfang", "Februar", "vorgedrungen", "waren"),
    ...     (("Rebell", "NN"), (",", "$,"), ("der", "ART"), ("Anfang", "NN"),
    ...      ("Februar", "NN"), ("vordringen", "VV(PP)"), ("sein", "VA(FIN)")),
    ...     load_morphology())]
    ['NN', '$,', 'PRELS', 'NN', 'NN', 'VV(PP)', 'VA(FIN)']
    """
    out = list(tags)
    # a preposition and article news fuses ("zur", "im"): unfused after a comma, the
    # article is a relative pronoun (", zu der Kenia und Uganda gehören")
    unfused = {
        (prep, _FUSED_ARTICLE[fused[-1]])
        for fused, prep in morph.fused_prepositions.items()
        if fused[-1] in _FUSED_ARTICLE
    }
    for j in range(2, len(words) - 2):
        if (
            words[j - 2] == ","
            and (words[j - 1].lower(), words[j].lower()) in unfused
            and tags[j][1] == "ART"
        ):
            end = next(
                (e for e in range(j + 1, len(words)) if tags[e][1] in ("$,", "$.")), len(words)
            )
            if tags[end - 1][1].endswith("(FIN)"):
                out[j] = (tags[j][0], "PRELS")
    for j in range(1, len(words) - 2):
        if not (words[j - 1] == "," and tags[j][1] == "ART" and morph.is_relative_form(words[j])):
            continue
        nxt_lemma, nxt = tags[j + 1]
        opens = nxt in ("APPR", "APPRART", "ADV", "PPER", "PRF", "PTKNEG", "PROAV") or (
            nxt == "NN" and nxt_lemma.lower() in morph.period_part_nouns
        )
        end = next((e for e in range(j + 1, len(words)) if tags[e][1] in ("$,", "$.")), len(words))
        if opens and tags[end - 1][1].endswith("(FIN)"):
            out[j] = (tags[j][0], "PRELS")
    return tuple(out)


def _capitalised_verbs(
    words: Sequence[str], tags: tuple[tuple[str, str], ...], k: int
) -> tuple[tuple[str, str], ...]:
    """German capitalises nouns and names, not verbs: inside a sentence (after its first
    word ``k``), a capitalised word the tagger read as a verb is a noun ("Ministerpräsident
    Tun Abdul Razak": the honorific, not "tun").

    >>> _capitalised_verbs(("Der", "Premier", "Tun", "Razak"),
    ...     (("der", "ART"), ("Premier", "NN"), ("tun", "VV(FIN)"), ("Razak", "NE")), 0)[2]
    ('Tun', 'NN')
    """
    out = list(tags)
    for i in range(k + 1, len(words)):
        _lemma, pos = tags[i]
        if pos.startswith("V") and words[i][:1].isupper() and words[i - 1] not in _OPENERS:
            out[i] = (words[i], "NN")
    return tuple(out)


#: HanTa's log-probability of a word below which a capitalised word it read as a common
#: noun is one its lexicon does not hold (where a proper noun is among its readings): a
#: foreign name ("Guerguerat", "Tessalit" score about -32). German nouns, rare compounds
#: included, score far above it ("Armeeposten" -19, "Pufferzone" -12).
UNKNOWN_WORD_SCORE = -25.0


class Tagger:
    """HanTa's German tagger, loaded once; :meth:`tag` is cached per sentence text."""

    def __init__(self, model: str = "morphmodel_ger.pgz", cache_size: int = 50_000) -> None:
        from HanTa import HanoverTagger  # heavy import, only when a tagger is made

        self._hanta = HanoverTagger.HanoverTagger(model)
        # name particles HanTa reads as words of their own ("bin": "(ich) bin")
        morph = load_morphology()
        self._name_particles = morph.tagged_name_particles
        self._reflexive_participles = morph.reflexive_participles
        self._morph = morph
        self._tag_words = lru_cache(maxsize=cache_size)(self._tag_uncached)
        self._participles = lru_cache(maxsize=cache_size)(self._participle_uncached)
        self._unknown = lru_cache(maxsize=cache_size)(self._unknown_uncached)

    def _tag_uncached(self, words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        # HanTa's sentence tagger is an HMM: tags depend on context, so cache whole sentences;
        # words too long for it are left out of its input and tagged on their own, and so
        # are quotation marks, which it has rarely seen ("»friedliche Lösung« an": the
        # particle after a guillemet was no particle)
        def apart(w: str) -> bool:
            return len(w) > MAX_TOKEN_CHARS or w in MARKS

        short = [w for w in words if not apart(w)]
        tagged = iter(self._hanta.tag_sent(short, taglevel=1) if short else [])
        out = []
        for w in words:
            if w in MARKS:
                out.append((w, "$("))
            elif len(w) > MAX_TOKEN_CHARS:
                out.append(_untagged(w))
            else:
                _w, lemma, pos = next(tagged)
                out.append((str(lemma), str(pos)))
        return tuple(out)

    def tag(self, sentence: Sentence) -> TaggedSentence:
        """Tokenize and tag one sentence."""
        return self.tag_spans(sentence, tokenize(sentence.text, sentence.start))

    def tag_spans(
        self, sentence: Sentence, spans: Sequence[tuple[int, int, str]]
    ) -> TaggedSentence:
        """Tag a sentence tokenized elsewhere (a treebank's words): (start, end, text) each."""
        words = tuple(w for _s, _e, w in spans)
        # a news dateline ("Moskau –") is no part of the sentence that follows it: tagged
        # apart, the sentence's first word is tagged as a sentence's first word ("Der")
        k = dateline_words(words)
        tags = (self._tag_words(words[:k]) if k else ()) + (
            self._tag_words(words[k:]) if words[k:] else ()
        )
        tags = self._lowercase_verbs(words, tags)
        tags = self._unknown_names(words, tags, k)
        tags = self._past_tense_misread(words, tags, k)
        tags = self._attribute_misread(words, tags, k)
        tags = _capitalised_verbs(words, tags, k)
        tags = _nominalised_opening(words, tags, k)
        tags = _relatives_after_comma(words, tags, self._morph)
        quoted = _quoted(sentence, spans, [pos for _lemma, pos in tags])
        tokens = []
        for i, ((start, end, word), (lemma, pos)) in enumerate(zip(spans, tags, strict=True)):
            if word in MARKS and not quoted[i]:
                tokens.append(Token(i, start, end, word, word, "$("))
                continue
            if word.endswith("-") and len(word) > 1:
                pos = "TRUNC"
                lemma = word
            if (
                word in self._name_particles
                and 0 < i < len(spans) - 1
                and spans[i - 1][2][:1].isupper()
                and spans[i + 1][2][:1].isupper()
            ):
                # "Faisal bin Farhan": a name particle, not the verb "(ich) bin"
                pos = "NE"
                lemma = word
            if (
                pos == "NNI"
                and i == k
                and i + 1 < len(tags)
                and tags[i + 1][1] == "VA(FIN)"
                and tags[i + 1][0] in ("werden", "sein", "haben")
            ):
                # "Verlesen wurde es von X": a participle put first, identical to the
                # infinitive, is no nominalised infinitive (that would take an article)
                pos, lemma = "VV(PP)", word.lower()
            infinitive = self._reflexive_participles.get(word)
            if (
                infinitive
                and any(t[0] == "haben" and t[1] == "VA(FIN)" for t in tags[k:i])
                and "sich" in words[k:i]
            ):
                # "Der IS hat sich zu dem Anschlag bekannt": the participle, not "known"
                pos, lemma = "VV(PP)", infinitive
            if pos == "VV(PP)":
                lemma = self._morph.ge_stem_verb(lemma) or lemma
            verb = self.participle_verb(lemma) if pos == "ADJ(A)" else None
            tokens.append(Token(i, start, end, word, lemma, pos, quoted[i], verb))
        return TaggedSentence(sentence, tuple(tokens))

    def _unknown_names(
        self, words: Sequence[str], tags: tuple[tuple[str, str], ...], k: int
    ) -> tuple[tuple[str, str], ...]:
        """A capitalised word inside the sentence that HanTa read as a noun, though its
        lexicon does not hold it and a proper noun is among its readings, is a name ("in
        die Pufferzone bei Guerguerat", "die Orte Anefis und Tessalit").

        >>> t = Tagger()
        >>> t._unknown_names(("bei", "Guerguerat", "und", "Stellung"),
        ...     (("bei", "APPR"), ("Guerguerat", "NN"), ("und", "KON"), ("Stellung", "NN")), 0)
        (('bei', 'APPR'), ('Guerguerat', 'NE'), ('und', 'KON'), ('Stellung', 'NN'))
        """
        out = list(tags)
        for i in range(k + 1, len(words)):
            w = words[i]
            if tags[i][1] == "NN" and w[:1].isupper() and w.isalpha() and self._unknown(w):
                out[i] = (w, "NE")
        return tuple(out)

    def _unknown_uncached(self, word: str) -> bool:
        """HanTa's lexicon does not hold ``word``, and a proper noun is among its readings."""
        readings = self._hanta.tag_word(word)
        if not readings:
            return False
        best = float(readings[0][1])
        if best >= UNKNOWN_WORD_SCORE or not any(str(tag) == "NE" for tag, _s in readings[:2]):
            return False
        # a word HanTa splits into stems and endings is German it only scores low
        # ("Drohnenangriff", "Maoisten"); an unknown name stays one piece
        _lemma, morphemes, _pos = self._hanta.analyze(word, taglevel=3)
        return len(morphemes) == 1

    def _lowercase_verbs(
        self, words: Sequence[str], tags: tuple[tuple[str, str], ...]
    ) -> tuple[tuple[str, str], ...]:
        """German writes nouns capitalised: a word in lower case HanTa read as a noun is a
        verb with its particle joined at the end of a subordinate clause ("Als die Armee
        Aden angriff", HanTa's "Angriff"), when the particle and the finite verb after it
        read so.

        >>> t = Tagger()
        >>> t._lowercase_verbs(("die", "Armee", "angriff"),
        ...     (("der", "ART"), ("Armee", "NN"), ("Angriff", "NN")))[2]
        ('angreifen', 'VV(FIN)')
        """
        out = list(tags)
        for i, word in enumerate(words):
            if tags[i][1] != "NN" or not word.isalpha() or not word.islower():
                continue
            for cut in range(2, min(len(word) - 2, 9)):
                particle, rest = word[:cut], word[cut:]
                if "PTKVZ" not in {str(p) for p, _score in self._hanta.tag_word(particle)}:
                    continue
                lemma, pos = self._hanta.analyze(rest, taglevel=1)
                if pos == "VV(FIN)":
                    out[i] = (particle + str(lemma), "VV(FIN)")
                    break
        return tuple(out)

    def _past_tense_misread(
        self, words: Sequence[str], tags: tuple[tuple[str, str], ...], k: int
    ) -> tuple[tuple[str, str], ...]:
        """A clause has a finite verb: in a sentence HanTa tags without one (or in the
        clause before a verb-first reporting clause: "…, warf Ghani ihnen vor"), the first
        weak verb's past form it read as a participle adjective ("Damals besetzten
        türkische Truppen …", "Russland verstärkte seine Truppen") is that verb, unless an
        article or possessive makes it an attribute ("die besetzten Gebiete"); so is a
        participle without "ge-" ending in "-en", the past plural of a strong verb with an
        unstressed prefix ("Die Rebellen bestritten, …").

        >>> t = Tagger()
        >>> [p for _l, p in t._past_tense_misread(("Damals", "besetzten", "Truppen"),
        ...     (("damals", "ADV"), ("besetzt", "ADJ(A)"), ("Truppe", "NN")), 0)]
        ['ADV', 'VV(FIN)', 'NN']
        >>> [p for _l, p in t._past_tense_misread(("Sie", "bestritten", "es"),
        ...     (("sie", "PPER"), ("bestreiten", "VV(PP)"), ("es", "PPER")), 0)]
        ['PPER', 'VV(FIN)', 'PPER']
        """
        end = len(tags)
        if any(pos.endswith("(FIN)") for _lemma, pos in tags):
            # "Die Taliban missbrauchten Zivilisten als Schutzschilde, warf Ghani ihnen
            # vor": the clause before a verb-first reporting clause has its own verb
            comma = next((i for i in range(k, len(tags)) if tags[i][1] == "$,"), None)
            if (
                comma is None
                or comma + 1 >= len(tags)
                or not tags[comma + 1][1].endswith("(FIN)")
                or any(pos.endswith("(FIN)") for _lemma, pos in tags[k:comma])
            ):
                return tags
            end = comma
        for i in range(k + 1, end):
            lemma, pos = tags[i]
            word = words[i]
            if (
                pos == "VV(PP)"
                and word.islower()
                and word.endswith("en")
                and "ge" not in word
                and tags[i - 1][1] not in ("ART", "PPOSAT")
            ):
                # "Die Rebellen bestritten, …": a strong verb with an unstressed prefix has
                # no "ge-"; its past plural is its participle
                return (*tags[:i], (lemma, "VV(FIN)"), *tags[i + 1 :])
            if pos != "ADJ(A)" or not word.islower() or tags[i - 1][1] in ("ART", "PPOSAT"):
                continue
            weak = (
                lemma.endswith("t")
                and not lemma.startswith("ge")
                and word
                in (
                    lemma + "e",
                    lemma + "en",
                )
            )
            verb = self.participle_verb(lemma) if weak else None
            if verb is None:
                # a mixed verb's past ("entsandten"): HanTa alone reads it as finite
                alone, alone_pos = self._hanta.analyze(word, taglevel=1)
                verb = str(alone) if alone_pos == "VV(FIN)" else None
            if verb:
                return (*tags[:i], (verb, "VV(FIN)"), *tags[i + 1 :])
        return tags

    def _attribute_misread(
        self, words: Sequence[str], tags: tuple[tuple[str, str], ...], k: int
    ) -> tuple[tuple[str, str], ...]:
        """A participle before its noun that HanTa read as a relative clause's past verb,
        its article as the relative pronoun ("X, der von ihm verdrängte Präsident Y sowie
        …"): a relative clause ends in its verb; one followed by its noun is an attribute.
        So is one after an article and its agent's phrase ("gegen die von Ruanda
        unterstützte M23"), where the sentence has another finite verb.

        >>> t = Tagger()
        >>> [p for _l, p in t._attribute_misread((",", "der", "gestürzte", "Präsident", "floh"),
        ...     ((",", "$,"), ("der", "PRELS"), ("stürzen", "VV(FIN)"), ("Präsident", "NN"),
        ...      ("fliehen", "VV(FIN)")), 0)]
        ['$,', 'ART', 'ADJ(A)', 'NN', 'VV(FIN)']
        """
        out = list(tags)
        for i in range(k + 2, len(tags) - 1):
            word, (_lemma, pos) = words[i], tags[i]
            if pos != "VV(FIN)" or not word.endswith(("te", "ten")):
                continue
            adjective = word[:-1] if word.endswith("te") else word[:-2]
            if tags[i + 1][1] not in ("NN", "NE") or self.participle_verb(adjective) is None:
                continue
            if _attribute_phrase(tags, i, k) and any(
                p.endswith("(FIN)") for x, (_l, p) in enumerate(tags) if x != i
            ):
                # "gegen die von Ruanda unterstützte M23": an article, then the phrase of
                # the participle's agent, then the noun
                out[i] = (adjective, "ADJ(A)")
                continue
            if tags[i + 1][1] != "NN":
                continue
            j = i - 1
            while j > k and i - j < 6 and tags[j][1] in _ATTRIBUTE_WORDS:
                j -= 1
            if not (tags[j][1] == "PRELS" and j > 0 and words[j - 1] == ","):
                continue
            if not any(p.endswith("(FIN)") for _l, p in tags[i + 2 :]):
                continue  # the sentence's only finite verb stays one
            out[j] = (tags[j][0], "ART")
            out[i] = (adjective, "ADJ(A)")
        return tuple(out)

    def participle_verb(self, lemma: str) -> str | None:
        """The verb of a participle used as an adjective, from HanTa's analysis of its
        uninflected form ("ausgehandelt" → "aushandeln"), None for other adjectives.

        >>> t = Tagger()
        >>> [t.participle_verb(w) for w in ("ausgehandelt", "angeführt", "groß")]
        ['aushandeln', 'anführen', None]
        """
        if not lemma.endswith(("t", "en")) or len(lemma) > MAX_TOKEN_CHARS:
            return None
        return self._participles(lemma)

    def _participle_uncached(self, lemma: str) -> str | None:
        verb, pos = self._hanta.analyze(lemma, taglevel=1)
        if pos == "VV(FIN)" and lemma.endswith("t"):
            # an inseparable verb's participle is its third person ("missbraucht"), which
            # HanTa prefers alone: the same word from the infinitive's stem is the participle
            infinitive = str(verb).replace("ß", "ss") if "ss" in lemma else str(verb)
            if infinitive.endswith("en") and infinitive[:-2] + "t" == lemma:
                return infinitive
        return str(verb) if pos == "VV(PP)" else self._morph.misread_participles.get(lemma)
