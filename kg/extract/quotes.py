"""The quotation marks of German news, defined once for every stage.

German typesetting quotes with „…“ (also „…”), »…« (guillemets pointing inwards), Swiss
and French-influenced copy with «…» (pointing outwards), a quote inside a quote with
‚…‘ or ›…‹, agency copy and the web with "…" or the English “…”. They all delimit a
quotation alike. Which mark opens and which closes is not always told by the mark itself
(» opens in Germany and closes in Switzerland, “ closes „ but opens “…”), so the position
decides as typesetters place them: an opening mark stands before a word, a closing one
after a word or punctuation. :func:`quote_spans` pairs the marks of one sentence.

>>> [sorted(QUOTE_PAIRS[m]) for m in ("„", "»", "«")]
[['“', '”'], ['«'], ['»']]
>>> import re
>>> def spans(text):
...     words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\\w+|\\S", text)]
...     found = quote_spans(text, words)
...     return [" ".join(w for w, _s, _e in words[a + 1 : b]) for a, b in found]
>>> spans("«Wir rufen beide Seiten auf», sagte sie.")
['Wir rufen beide Seiten auf']
>>> spans("»Nein«, sagte er, »nie.«")
['Nein', 'nie .']
>>> spans("das Ende.« Das sagte er.")  # the quotation began in an earlier sentence
['das Ende .']
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CLOSING", "MARKS", "OPENING", "QUOTE_PAIRS", "quote_spans", "scare_quoted"]

#: Each opening mark with the marks that close it.
QUOTE_PAIRS: dict[str, frozenset[str]] = {
    "„": frozenset({"“", "”"}),  # German; „…” in some typesetting
    "»": frozenset({"«"}),  # German guillemets
    "«": frozenset({"»"}),  # Swiss guillemets
    "‚": frozenset({"‘", "’"}),  # German single quotes (a quote inside a quote)
    "›": frozenset({"‹"}),  # single guillemets, German
    "‹": frozenset({"›"}),  # single guillemets, Swiss
    "“": frozenset({"”"}),  # English-style quotes in agency copy
    '"': frozenset({'"'}),  # typewriter quotes
}
OPENING = frozenset(QUOTE_PAIRS)
CLOSING = frozenset(c for closers in QUOTE_PAIRS.values() for c in closers)
MARKS = OPENING | CLOSING

# A closing mark with no opening one before it in its sentence ends a quotation that began
# in an earlier sentence ("… das Ende.« Das sagte er."), except the single marks: ’ and ‘
# are also apostrophes ("Jesus’ Jünger").
_CONTINUED = CLOSING - {"‘", "’"}
# What may stand right after a closing mark, besides a blank.
_AFTER_CLOSE = set(".,;:!?)]–—-/") | MARKS
# What may stand right before an opening mark, besides a blank.
_BEFORE_OPEN = set("([–—-/:") | MARKS


def _can_open(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (before.isspace() or before in _BEFORE_OPEN) and not after.isspace()


def _can_close(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)


def quote_spans(text: str, words: Sequence[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """The quotations of one sentence as (opening mark, closing mark) word indices; the
    words strictly between are quoted. ``words`` are (word, start, end) with offsets into
    ``text``. An opening index of -1 means the quotation began before the sentence, a
    closing index of ``len(words)`` that it goes on after it. Marks inside a quotation
    other than its closing one are part of it ("„Er nannte das ‚Unsinn‘.“")."""
    spans: list[tuple[int, int]] = []
    opener, opened_at = "", -1
    for k, (word, start, end) in enumerate(words):
        if word not in MARKS:
            continue
        can_open, can_close = _can_open(text, start, end), _can_close(text, start, end)
        if opener:
            if word in QUOTE_PAIRS[opener] and (can_close or not can_open):
                spans.append((opened_at, k))
                opener = ""
        elif word in OPENING and (word not in CLOSING or can_open or not can_close):
            opener, opened_at = word, k
        elif word in _CONTINUED and can_close and not spans:
            spans.append((-1, k))
    if opener:
        spans.append((opened_at, len(words)))
    return spans


def scare_quoted(words: Sequence[str], tags: Sequence[str], a: int, b: int) -> bool:
    """Whether the quotation between the marks at ``a`` and ``b`` is a word or name set off
    in quotation marks (eine „Sonderoperation“, die „Islamische Front“), not quoted speech:
    at most four words, none a finite verb, no sentence punctuation. Such words act like
    any others (an event noun triggers, a name is found)."""
    inner = range(a + 1, b)
    return (
        0 < a + 1 < b <= a + 5
        and b < len(words)
        and not any(tags[j].endswith("(FIN)") or words[j] in (".", "!", "?", ",") for j in inner)
    )
