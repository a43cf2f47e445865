"""Stage 1: split the article body into sentences with exact character offsets.

Reads an article text and the offset where its body starts; writes
:class:`~kg.extract.model.Sentence` records with ``text == article_text[start:end]``.

Rules of German typography: a sentence ends at ``.``, ``!`` or ``?`` (possibly followed
by a closing quote „…“) when the next non-blank character opens a new sentence
(capital letter, digit or opening quote). It does not end after an abbreviation
("Nr.", "z.B.", "Dr."), a single capital letter ("Donald J. Trump"), or an ordinal
number followed by a month or lowercase word ("am 27. September", "der 3. große").
Paragraphs (line breaks) always end a sentence; a dateline "Moskau – " stays part
of the first sentence.

>>> text = "Am 27. September begann es. Dr. Nr. 5 kam. „Gut.“ Er ging."
>>> [s.text for s in split_sentences(text)]
['Am 27. September begann es.', 'Dr. Nr. 5 kam.', '„Gut.“', 'Er ging.']
"""

from __future__ import annotations

import re

from kg.extract.dates import MONTH_NAMES
from kg.extract.model import Sentence

__all__ = ["split_sentences"]

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
_END = re.compile(r"[.!?]+[“”\"»«’)]*")
_OPENER = re.compile(r"\s+([„“\"»«(A-ZÄÖÜ0-9])")


def _boundary_ok(text: str, dot: int, nxt: int) -> bool:
    """Whether the punctuation at ``dot`` ends a sentence whose successor starts at ``nxt``."""
    if text[dot] != ".":
        return True
    word = re.search(r"([\w.]+)$", text[:dot])
    prev = word.group(1) if word else ""
    if prev.lower().rstrip(".") in _ABBREVIATIONS or prev.lower() in _ABBREVIATIONS:
        return False
    if len(prev) == 1 and prev.isupper():  # initial: "Donald J. Trump"
        return False
    if prev.isdigit():
        follower = re.match(r"[\wäöüÄÖÜß]+", text[nxt:])
        if follower and (follower.group(0).lower() in _MONTHS or follower.group(0).islower()):
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


def split_sentences(text: str, body_start: int = 0) -> tuple[Sentence, ...]:
    """Sentences of ``text[body_start:]`` with absolute offsets, blank lines skipped."""
    sentences: list[Sentence] = []
    paragraph = -1
    for para in re.finditer(r"[^\n]+", text[body_start:]):
        p_start, p_end = para.start() + body_start, para.end() + body_start
        # trim blanks so offsets hold exactly the sentence characters
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        while p_end > p_start and text[p_end - 1].isspace():
            p_end -= 1
        if p_start >= p_end:
            continue
        paragraph += 1
        for s, e in _split_paragraph(text, p_start, p_end):
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                sentences.append(Sentence(len(sentences), s, e, text[s:e], paragraph))
    return tuple(sentences)
