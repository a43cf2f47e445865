"""Stage 1: split the article body into sentences with exact character offsets.

Reads an article text and the offset where its body starts; writes
:class:`~kg.extract.model.Sentence` records with ``text == article_text[start:end]``.

Rules of German typography: a sentence ends at ``.``, ``!`` or ``?`` (possibly followed
by a closing quotation mark of any kind, see :mod:`kg.extract.quotes`) when the next
non-blank character opens a new sentence (capital letter, digit or opening quotation
mark). It does not end after an abbreviation ("Nr.", "z.B.", "Dr."), a single capital
letter ("Donald J. Trump"), or an ordinal number followed by a month or lowercase word
("am 27. September", "der 3. große") or after an article ("der 40. Armee").
Paragraphs (line breaks) always end a sentence; a dateline "Moskau – " stays part
of the first sentence.

Work per sentence is bounded: a stretch longer than :data:`MAX_SENTENCE_CHARS` without a
sentence end (a list, markup, text without full stops) is cut into pieces of at most that
many characters, after the last comma, semicolon or colon that fits, else at the last
blank, else hard. :func:`long_stretches` names the stretches that were cut, so that a
caller can say so. Every later stage then works on pieces of bounded size, and the time of
the whole extraction grows linearly with the article.

>>> text = "Am 27. September begann es. Dr. Nr. 5 kam. „Gut.“ Er ging."
>>> [s.text for s in split_sentences(text)]
['Am 27. September begann es.', 'Dr. Nr. 5 kam.', '„Gut.“', 'Er ging.']
>>> [s.text for s in split_sentences("Die 40. Armee zog ab. Es waren 40. Dann kamen 3.")]
['Die 40. Armee zog ab.', 'Es waren 40.', 'Dann kamen 3.']
"""

from __future__ import annotations

import re

from kg.extract.dates import MONTH_NAMES
from kg.extract.model import Sentence
from kg.extract.quotes import CLOSING, OPENING

__all__ = ["MAX_SENTENCE_CHARS", "limit_notes", "long_stretches", "split_sentences"]

#: Longest sentence handed to the later stages (characters). The longest sentence of the
#: dev corpus has 302; stages that compare words of a sentence pairwise make a stretch
#: of 100 000 characters without a full stop take minutes instead of seconds.
MAX_SENTENCE_CHARS = 1_000

_ABBREVIATIONS = frozenset(
    [
        "nr",
        "dr",
        "prof",
        "bzw",
        "ca",
        "vgl",
        "usw",
        "etc",
        "z.b",
        "u.a",
        "d.h",
        "s.o",
        "o.ä",
        "evtl",
        "ggf",
        "inkl",
        "st",
        "str",
        "mio",
        "mrd",
        "jan",
        "feb",
        "mär",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dez",
        "abs",
        "art",
        "bzw.",
        "gen",
        "hl",
        "sog",
    ]
)
# Months and "27. September": a period after an ordinal before a month ends no sentence.
_MONTHS = MONTH_NAMES
# Articles and contracted prepositions before a number make it an ordinal, whatever follows
# ("der 40. Armee", "Kommandeur der 3. Division", "zum 2. Mal"): no sentence ends there.
_ORDINAL_OPENERS = frozenset(
    ["der", "die", "das", "des", "dem", "den", "am", "im", "zum", "zur", "vom", "beim", "ins"]
)
_NUMBER_BEFORE = re.compile(r"(\w+)\s+\d+$")
# a sentence end, with the closing quotation marks and brackets after it; the next sentence
# opens with a capital, a digit, a bracket or any opening quotation mark
_END = re.compile(r"[.!?]+[" + re.escape("".join(sorted(CLOSING))) + r")]*")
_OPENER = re.compile(r"\s+([" + re.escape("".join(sorted(OPENING))) + r"(A-ZÄÖÜ0-9])")
_LAST_WORD = re.compile(r"([\w.]+)$")
_LOOKBEHIND = 64  # characters before a dot looked at for an abbreviation or a number
_BREAKS = (",", ";", ":")  # where a too long stretch is cut first
_FEW_NOTES = 3  # notes of one kind shown for an article


def _boundary_ok(text: str, dot: int, nxt: int) -> bool:
    """Whether the punctuation at ``dot`` ends a sentence whose successor starts at ``nxt``."""
    if text[dot] != ".":
        return True
    # only a short window before the dot: slicing all of text[:dot] for every dot of a long
    # paragraph would make splitting quadratic in its length
    word = _LAST_WORD.search(text, max(0, dot - _LOOKBEHIND), dot)
    prev = word.group(1) if word else ""
    if prev.lower().rstrip(".") in _ABBREVIATIONS or prev.lower() in _ABBREVIATIONS:
        return False
    if len(prev) == 1 and prev.isupper():  # initial: "Donald J. Trump"
        return False
    if prev.isdigit():
        follower = re.match(r"[\wäöüÄÖÜß]+", text[nxt:])
        if follower and (follower.group(0).lower() in _MONTHS or follower.group(0).islower()):
            return False
        opener = _NUMBER_BEFORE.search(text, max(0, dot - _LOOKBEHIND), dot)
        if opener and opener.group(1).lower() in _ORDINAL_OPENERS:
            return False
    return True


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _END.finditer(text, start, end):
        opener = _OPENER.match(text, m.end(), end)
        if m.end() == end:
            continue
        if not opener or not _boundary_ok(text, m.start(), opener.start(1)):
            continue
        spans.append((pos, m.end()))
        pos = opener.start(1)
    spans.append((pos, end))
    return spans


def _cut(text: str, start: int, end: int, cap: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``start:end`` in pieces of at most ``cap`` characters, cut after punctuation or blanks.

    >>> t = "eins, zwei drei, vier fünf"
    >>> [t[s:e] for s, e in _cut(t, 0, len(t), cap=12)]
    ['eins,', 'zwei drei,', 'vier fünf']
    >>> ["abcdefgh"[s:e] for s, e in _cut("abcdefgh", 0, 8, cap=3)]
    ['abc', 'def', 'gh']
    """
    pieces: list[tuple[int, int]] = []
    pos = start
    while end - pos > cap:
        limit = pos + cap
        cut = max(text.rfind(mark, pos, limit) for mark in _BREAKS) + 1
        if cut <= pos:  # no punctuation: the last blank, else a hard cut
            blank = max(text.rfind(" ", pos, limit + 1), text.rfind("\t", pos, limit + 1))
            cut = blank if blank > pos else limit
        piece_end = cut
        while piece_end > pos and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((pos, piece_end))
        pos = cut
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        pieces.append((pos, end))
    return pieces


def _paragraphs(text: str, body_start: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of the body, blanks trimmed."""
    out = []
    for para in re.finditer(r"[^\n]+", text[body_start:]):
        p_start, p_end = para.start() + body_start, para.end() + body_start
        # trim blanks so offsets hold exactly the sentence characters
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        while p_end > p_start and text[p_end - 1].isspace():
            p_end -= 1
        if p_start < p_end:
            out.append((p_start, p_end))
    return out


def _sentence_spans(text: str, p_start: int, p_end: int) -> list[tuple[int, int, bool]]:
    """(start, end, cut) of the sentences of one paragraph; ``cut`` if over the cap."""
    out = []
    for s, e in _split_paragraph(text, p_start, p_end):
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s > MAX_SENTENCE_CHARS:
            out += [(a, b, True) for a, b in _cut(text, s, e)]
        elif e > s:
            out.append((s, e, False))
    return out


def long_stretches(text: str, body_start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each stretch without a sentence end longer than the cap (it is cut).

    >>> long_stretches("Kurz. Lang" + " lang" * 300)
    [(6, 1510)]
    """
    out = []
    for p_start, p_end in _paragraphs(text, body_start):
        for s, e in _split_paragraph(text, p_start, p_end):
            while e > s and text[e - 1].isspace():
                e -= 1
            if e - s > MAX_SENTENCE_CHARS:
                out.append((s, e))
    return out


def split_sentences(text: str, body_start: int = 0) -> tuple[Sentence, ...]:
    """Sentences of ``text[body_start:]`` with absolute offsets, blank lines skipped.

    A stretch without a sentence end longer than :data:`MAX_SENTENCE_CHARS` comes in pieces:

    >>> ss = split_sentences("Er kam. " + "Kenia, " * 300 + "Ende")
    >>> [len(s.text) for s in ss], ss[1].text[-7:]
    ([7, 1000, 1000, 102], ' Kenia,')
    """
    sentences: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(_paragraphs(text, body_start)):
        for s, e, _cut_here in _sentence_spans(text, p_start, p_end):
            sentences.append(Sentence(len(sentences), s, e, text[s:e], paragraph))
    return tuple(sentences)


def limit_notes(text: str, body_start: int = 0) -> list[str]:
    """What the limits on work cut in an article, one line each (``[]`` for normal text).

    >>> for note in limit_notes("Er sagte " + "a" * 70 + ". " + "Kenia, " * 200):
    ...     print(note)
    characters 9-79: a word of 70 characters (over 64) is not tagged
    characters 81-1480: no sentence end in 1,399 characters, cut into pieces of 1,000 at most
    """
    from kg.extract.tokens import MAX_TOKEN_CHARS, long_tokens

    words = [
        f"characters {s}-{e}: a word of {e - s:,} characters (over {MAX_TOKEN_CHARS}) is not tagged"
        for s, e, _w in long_tokens(text[body_start:], body_start)
    ]
    stretches = [
        f"characters {s}-{e}: no sentence end in {e - s:,} characters, cut into pieces of "
        f"{MAX_SENTENCE_CHARS:,} at most"
        for s, e in long_stretches(text, body_start)
    ]
    return _first_few(words) + _first_few(stretches)


def _first_few(notes: list[str], few: int = _FEW_NOTES) -> list[str]:
    """The first ``few`` notes, and how many more there are of the same kind."""
    if len(notes) <= few:
        return notes
    return [*notes[:few], f"and {len(notes) - few:,} more like these"]
