"""German time expressions: find them in a sentence and resolve them to ISO values.

Pure functions over text plus two reference dates: the article's publication date
(``"2020-10-09"`` or month-only ``"2020-10"``) and an optional ``anchor``, the date of the
surrounding narrative chosen by the caller (e.g. the date of the main event, or a speaking
date pinned by a duration, see :func:`pin_from_duration`). Relative expressions ("am
Freitag", "am Vortag", "gestern") resolve against the anchor if given, else the article
date. When no full reference date exists (month-only article, no anchor), a day-relative
expression resolves to the month (``gYearMonth``): a day is never invented.

Kinds (:class:`TimeKind`):

* ``POINT``: a day, month, year or point in time ("am 24. Februar", "im März 2022").
* ``EFFECTIVE``: when something takes effect: "ab ..." and "von … an" expressions
  ("von Dienstag, 6.00 Uhr, an"), times of day after
  "seit", and dates in a clause saying that something applies or takes effect ("gilt",
  "gelte", "in Kraft").
* ``START``: when something began: "seit ..." dates and dates in a clause with an onset
  word ("Ausbruch", "ausgebrochen", "aufgeflammt", "begann", "brach ... aus").
* ``DURATION``: a length of time ("zehntägigen", "sechs Wochen"), value an
  ``xsd:duration`` (``P10D``, ``PT10H``, ``P6M``; weeks become days since ``xsd:duration``
  has no week unit).

Direction: a weekday or day without a year looks back from the reference date (news
reports the past) unless the expression looks forward: "ab", "bis", "kommenden",
"nächsten", or a clause with "soll", "will", "in Kraft treten", ... Then the weekday is
the first such day on or after the reference date.

Times of day: "Ortszeit" and "<Stadt>er Zeit" (e.g. "Moskauer Zeit") are kept as local
time, an ``xsd:dateTime`` without a time-zone offset, since the offset of a place is not
known here; "UTC"/"GMT" get ``Z``, "MEZ" ``+01:00``, "MESZ" ``+02:00``. "um Mitternacht"
in a forward-looking clause is the coming midnight (the start of the next day); in
"seit Mitternacht" it is the start of the reference day.

>>> [(e.text, e.kind.name, e.value) for e in find_time_expressions(
...     "Die Waffenruhe gilt seit Mitternacht Moskauer Zeit.", article_date="2020-11-10")]
[('seit Mitternacht Moskauer Zeit', 'EFFECTIVE', '2020-11-10T00:00:00')]
>>> [(e.text, e.value) for e in find_time_expressions(
...     "Am Dienstagabend griffen Milizen das Dorf an.", article_date="2023-05-12")]
[('Am Dienstagabend', '2023-05-09')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

__all__ = [
    "MONTH_NAMES",
    "WEEKDAY_NAMES",
    "WEEKDAY_NUMBERS",
    "TimeExpression",
    "TimeKind",
    "duration_days",
    "find_time_expressions",
    "parse_german_number",
    "pin_from_duration",
    "resolve_weekday",
]


class TimeKind(Enum):
    """What a time expression says about the event it belongs to."""

    POINT = "point"
    EFFECTIVE = "effective"
    DURATION = "duration"
    START = "start"
    DEADLINE = "deadline"  # "bis 2025" after the article date: a goal, not when it happened


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text.

    ``start``/``end`` are offsets into the text (shifted by the ``offset`` passed to
    :func:`find_time_expressions`), ``text`` the exact characters, ``value`` the ISO
    lexical form and ``datatype`` its XSD datatype local name: ``date``, ``gYearMonth``,
    ``gYear``, ``dateTime`` or ``duration``.
    """

    start: int
    end: int
    text: str
    kind: TimeKind
    value: str
    datatype: str


# --- vocabulary -------------------------------------------------------------------------

#: German weekday names and their numbers (Monday = 0), as ``date.weekday()`` counts.
WEEKDAY_NUMBERS = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
}
_MONTHS = {
    "januar": 1,
    "jänner": 1,
    "jan": 1,
    "februar": 2,
    "feber": 2,
    "feb": 2,
    "märz": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}
#: German month names written out (no abbreviations), for stages that need the word list.
MONTH_NAMES = frozenset(
    [
        "januar",
        "jänner",
        "februar",
        "feber",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ]
)
#: German weekday names.
WEEKDAY_NAMES = frozenset(WEEKDAY_NUMBERS)

_UNITS = {
    "ein": 1,
    "eins": 1,
    "eine": 1,
    "einen": 1,
    "einem": 1,
    "einer": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
}
_TEENS = {
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
}
_TENS = {
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}

_WD = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
_DAYPART = r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht|früh)"
_MONTH = (
    r"(?:Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober"
    r"|November|Dezember|(?:Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez)\.)"
)
_NUMWORD = (
    r"(?i:\d{1,3}|(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?"
    r"(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)"
    r"|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zehn|elf|zwölf"
    r"|zwei|drei|vier|fünf|sechs|sieben|acht|neun|eine[mnr]?|ein)"
)
_END = r"(?![\wäöüßÄÖÜ])"
#: The holidays of fixed date news names days by (the last word of the phrase, lowercase):
#: (month, day).
_HOLIDAYS = {
    "heiligabend": (12, 24),
    "abend": (12, 24),  # "am Heiligen Abend"
    "weihnachtstag": (12, 25),
    "weihnachten": (12, 25),
    "silvester": (12, 31),
    "silvestertag": (12, 31),
    "neujahr": (1, 1),
    "neujahrstag": (1, 1),
}

# The patterns are tried in this order at each position; the longest match wins.
_DAY_PATTERNS: dict[str, re.Pattern[str]] = {
    # "in der Nacht von Freitag auf Samstag": the night is dated by its second day.
    "night_span": re.compile(
        rf"(?i:in\s+der\s+Nacht\s+(?:von|vom))\s+{_WD}\s+(?:auf|zum)\s+(?:den\s+)?"
        rf"(?P<wd>{_WD}){_END}"
    ),
    "date": re.compile(
        r"(?:(?P<prep>(?i:am|vom|seit\s+dem|seit|bis\s+zum|bis|ab\s+dem|ab|zum|dem|den))\s+)?"
        rf"(?:{_WD},?\s+(?:(?:den|dem)\s+)?)?"
        r"(?P<day>3[01]|[12]\d|0?[1-9])\.\s?"
        rf"(?:(?P<mname>{_MONTH})(?:\s+(?P<year>(?:1[89]|2\d)\d\d))?"
        r"|(?P<mnum>1[0-2]|0?[1-9])\.(?P<nyear>(?:1[89]|2\d)\d\d|\d\d)?)"
        rf"{_END}"
    ),
    # "an Heiligabend 1989", "am Silvestertag", "am Neujahrstag": days of the calendar
    # named by their holiday (see _HOLIDAYS)
    "holiday": re.compile(
        r"(?:(?P<prep>(?i:am|an|seit|bis|zu|vom))\s+)?"
        r"(?P<holiday>Heiligabend|Heiligen\s+Abend|Silvestertag|Silvester|Neujahrstag|Neujahr"
        r"|(?:ersten\s+)?Weihnachtstag|Weihnachten)"
        r"(?:\s+(?P<year>(?:1[89]|2\d)\d\d))?"
        rf"{_END}"
    ),
    "weekday": re.compile(
        r"(?:(?P<prep>(?i:am|seit|ab|bis|vom|von|in\s+der\s+Nacht\s+(?:zum|auf\s+den|auf)"
        r"|Nacht\s+(?:zum|auf\s+den|auf)))\s+)?"
        r"(?:(?P<rel>vergangenen|letzten|kommenden|nächsten|diesem|diesen)\s+)?"
        rf"(?P<wd>{_WD})(?P<part>{_DAYPART})?"
        # "am Montag vergangener Woche": that day of the week before
        r"(?:\s+(?P<lastweek>vergangener|letzter|voriger)\s+Woche)?"
        rf"{_END}"
    ),
    "month": re.compile(
        r"(?:(?P<prep>(?i:im|seit|bis|bis\s+zum|ab|vom|zum))\s+)?"
        # "im vergangenen September": the last September before the reference date
        r"(?:(?P<rel>vergangenen|letzten)\s+)?"
        r"(?:(?P<phase>(?i:Anfang|Mitte|Ende|Beginn))\s+)?"
        rf"(?P<mname>{_MONTH})(?:\s+(?P<year>(?:1[89]|2\d)\d\d))?{_END}"
    ),
    "year": re.compile(
        r"(?P<prep>(?i:im\s+Jahre?|seit(?:\s+dem\s+Jahre?)?|bis(?:\s+zum\s+Jahre?)?|ab"
        r"|Anfang|Mitte|Ende|(?:im\s+)?(?:Frühjahr|Frühling|Sommer|Herbst|Winter)))\s+"
        rf"(?P<year>(?:1[89]|2\d)\d\d){_END}"
    ),
    # "Der 1964 begonnene Konflikt", "hatte 1983 begonnen", "1962 hatten …": a year with
    # no preposition, where a lowercase word or a clause's end follows; before a noun it
    # counts things ("1900 Marineinfanteristen"); see _BARE_YEAR_QUANTIFIERS
    "bare_year": re.compile(
        r"(?<![\w.,/–-])(?P<year>(?:19|20)\d\d)(?![\w/–-]|[.,]\d)"
        r"(?=\s+[a-zäöüß]|\s*[,;:)]|\.(?:\s|$)|$)"
    ),
    # "im vergangenen Jahr", "vergangenes Jahr": the year before the reference date's
    "last_year": re.compile(
        r"(?:(?P<prep>(?i:im|seit\s+dem|bis\s+zum))\s+(?:vergangenen|letzten|vorigen)"
        rf"|(?i:vergangenes|letztes|voriges))\s+Jahr{_END}"
    ),
    # "in den vergangenen Tagen", "in den letzten Wochen": the month of the reference date
    "recent": re.compile(
        r"(?i:in\s+den\s+(?:vergangenen|letzten|zurückliegenden)\s+(?:Tagen|Wochen))"
        rf"{_END}"
    ),
    # "von 1977 bis 1992", "zwischen 1998 und 2000": dated by the first year (a START)
    "year_span": re.compile(
        r"(?P<prep>(?i:von|zwischen))\s+(?P<year>(?:1[89]|2\d)\d\d)\s+(?:bis|und)\s+"
        rf"(?:1[89]|2\d)\d\d{_END}"
    ),
    # "Nach fünf Jahren Bürgerkrieg", "nach fast drei Jahrzehnten": that long before the
    # reference date (a START of what the phrase names)
    "after": re.compile(
        r"(?P<prep>(?i:nach))\s+(?:(?i:fast|knapp|rund|gut|mehr\s+als|über)\s+)?"
        rf"(?P<num>{_NUMWORD})\s+(?P<unit>Jahren|Jahrzehnten|Monaten){_END}"
    ),
    "relative": re.compile(
        r"(?P<rel>(?i:am\s+Vortag|am\s+Vorabend|am\s+Folgetag"
        r"|am\s+(?:Tag|Abend|Morgen)\s+(?:zuvor|danach|darauf)"
        r"|am\s+(?:selben|gleichen|demselben)\s+(?:Tag|Abend|Morgen|Nachmittag)"
        r"|tags\s+(?:zuvor|darauf)|vorgestern|gestern|heute|übermorgen)"
        r"|(?<![Aa]m\s)(?<!heute\s)(?<!gestern\s)(?<![Jj]eden\s)morgen)"
        r"(?:\s+(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|früh))?"
        rf"{_END}"
    ),
    # "drei Tage später": relative to the anchor (the narrative date).
    "later": re.compile(
        rf"(?<![\wäöüß])(?P<num>{_NUMWORD})\s+(?P<unit>Tage|Tag|Wochen|Woche|Monate|Monat"
        rf"|Jahre|Jahr)\s+(?:später|danach|darauf){_END}"
    ),
    # "zwei Tage zuvor": before the anchor
    "earlier": re.compile(
        rf"(?<![\wäöüß])(?P<num>{_NUMWORD})\s+(?P<unit>Tage|Tag|Wochen|Woche|Monate|Monat"
        rf"|Jahre|Jahr)\s+(?:zuvor|vorher|davor){_END}"
    ),
    # "am Wochenende", "am vergangenen Wochenende", "in der vergangenen Woche",
    # "vergangene Woche": the month of the last weekend or week before the anchor
    "last_week": re.compile(
        r"(?P<prep>(?i:am|seit\s+dem|in\s+der|vom))?\s*"
        r"(?P<rel>(?i:vergangenen|letzten|vorigen|vergangene|letzte|vorige))?\s*"
        rf"(?P<unit>(?i:Wochenende|Woche)){_END}"
    ),
    "ago": re.compile(
        rf"(?i:vor)\s+(?P<num>{_NUMWORD})\s+(?P<unit>Tagen|Tag|Wochen|Woche|Monaten|Monat"
        rf"|Jahren|Jahr){_END}"
    ),
}
_TIME = re.compile(
    r"(?:(?P<prep>(?i:um|ab|seit|bis|gegen))\s+)?"
    r"(?:(?P<hour>2[0-4]|[01]?\d)(?:[.:](?P<minute>[0-5]\d))?\s*Uhr"
    r"(?:\s+(?P<ampm>morgens|früh|vormittags|mittags|nachmittags|abends|nachts))?"
    r"|(?P<midnight>Mitternacht))"
    r"(?:\s+(?P<tz>Ortszeit|(?:Moskauer|Kiewer|Berliner|Pekinger|Londoner|Washingtoner"
    r"|[A-ZÄÖÜ][a-zäöüß]+er)\s+Zeit|deutscher\s+Zeit|MESZ|MEZ|UTC|GMT))?"
    rf"{_END}"
)
_DURATION_ADJ = re.compile(
    r"(?:(?P<digits>\d{1,3})-|(?P<word>(?<![\wäöüß])[a-zäöüß]+?))"
    r"(?P<unit>tägig|wöchig|monatig|stündig)(?:e|er|en|em|es)?"
    rf"{_END}",
    re.IGNORECASE,
)
_DURATION_NOUN = re.compile(
    rf"(?<![\wäöüß])(?P<num>{_NUMWORD})\s+(?P<unit>Tagen|Tage|Tag|Wochen|Woche|Monaten|Monate"
    rf"|Monat|Jahren|Jahre|Jahr|Stunden|Stunde){_END}"
    r"(?!\s+alt(?:e[mnrs]?)?\b)"  # "30 Jahre alte Panzer" is an age
)

# Words before a bare number that make it a count, not a year: "rund 2000 Soldaten",
# "knapp 2000", "bis zu 2000".
_BARE_YEAR_QUANTIFIERS = frozenset(
    [
        "rund",
        "etwa",
        "ca.",
        "circa",
        "knapp",
        "über",
        "fast",
        "mindestens",
        "höchstens",
        "zu",
        "insgesamt",
        "gut",
        "weitere",
        "nur",
        "auf",
        "exakt",
        "genau",
        "annähernd",
        "ungefähr",
    ]
)

_TZ_OFFSET = {"UTC": "Z", "GMT": "Z", "MEZ": "+01:00", "MESZ": "+02:00"}

# Clause-level cues. A clause ends at sentence punctuation, a comma or a dash.
_CLAUSE_BOUNDARY = re.compile(r"(?<!\d)[.;!?:](?=\s|$)|,|\s[–—]\s|\n")
# "von Dienstag, 6.00 Uhr, an": "von" with "an" after the expression is "ab"
_FROM_ON = re.compile(r",?\s*an\b")
_EFFECT_CUE = re.compile(r"\b(?:in\s+Kraft|gilt|gelte|gelten|galt|galten|wirksam)\b", re.IGNORECASE)
_FUTURE_CUE = re.compile(
    r"\b(?:soll|sollen|solle|will|wollen|wolle|geplant|planen|plant"
    r"|in\s+Kraft\s+(?:treten|tritt|trete)"
    # present tense of "in Kraft treten" announces: "tritt am Montag in Kraft"
    r"|(?:tritt|trete|treten)\b[^,.;]*\bin\s+Kraft)\b",
    re.IGNORECASE,
)
_ONSET_CUE = re.compile(
    r"\b(?:Ausbruch|ausgebrochen|ausbrach|ausbrachen|aufgeflammt|aufflammte|aufflammten"
    r"|Aufflammen|entbrannt\w*|entflammt\w*|eskaliert\w*|begonnen|begann|begannen|Beginn"
    r"|brachen?\b[^,.;]*\baus|flammten?\b[^,.;]*\bauf)\b"
)
# If a day without year would lie more than a month beyond the reference date, it meant
# the previous year (looking back) / the next year (looking forward).
_YEAR_SLACK = timedelta(days=31)


# --- public helpers ---------------------------------------------------------------------


def parse_german_number(word: str) -> int | None:
    """The value of a German number word or digit string, ``None`` if it is none.

    >>> [parse_german_number(w) for w in ("zehn", "Sechs", "einundzwanzig", "44", "eine")]
    [10, 6, 21, 44, 1]
    >>> parse_german_number("mehrere") is None
    True
    """
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in _UNITS:
        return _UNITS[w]
    if w in _TEENS:
        return _TEENS[w]
    if w in _TENS:
        return _TENS[w]
    if w in ("hundert", "einhundert"):
        return 100
    if "und" in w:
        unit, _, tens = w.partition("und")
        if unit in _UNITS and tens in _TENS and not unit.startswith("eine"):
            return _UNITS[unit] + _TENS[tens]
    return None


def pin_from_duration(start: str, days: int) -> str:
    """The date ``days`` days after ``start``: the speaking date implied by a duration.

    "... nannte den zehntägigen Ausbruch der Kampfhandlungen", counted from the outbreak on
    27 September, pins the speaking date to 7 October.

    >>> pin_from_duration("2020-09-27", 10)
    '2020-10-07'
    """
    return (date.fromisoformat(start) + timedelta(days=days)).isoformat()


def duration_days(value: str) -> int | None:
    """Whole days of an ``xsd:duration`` made of days only (``P10D`` → 10), else ``None``.

    >>> duration_days("P42D"), duration_days("PT10H"), duration_days("P2M")
    (42, None, None)
    """
    m = re.fullmatch(r"P(\d+)D", value)
    return int(m.group(1)) if m else None


def resolve_weekday(weekday: str, article_date: str, *, forward: bool = False) -> str | None:
    """The date of the last such weekday on or before the article date.

    With ``forward=True`` the first such weekday on or after it (for "ab Montag", "soll am
    Montag in Kraft treten"). ``None`` if the date is month-only or the word no weekday.
    Compounds with a part of the day count as the weekday ("Freitagabend").

    >>> resolve_weekday("Freitag", "2020-10-10")
    '2020-10-09'
    >>> resolve_weekday("Samstag", "2020-10-10")
    '2020-10-10'
    >>> resolve_weekday("Montag", "2020-10-25", forward=True)
    '2020-10-26'
    >>> resolve_weekday("Freitag", "2020-10") is None
    True
    """
    ref = _full_date(article_date)
    number = _weekday_number(weekday)
    if ref is None or number is None:
        return None
    return _weekday_date(number, ref, forward=forward, strict=False).isoformat()


def find_time_expressions(
    text: str, *, article_date: str, offset: int = 0, anchor: str | None = None
) -> list[TimeExpression]:
    """All time expressions in ``text`` (a sentence), in text order, non-overlapping.

    ``article_date`` is ``YYYY-MM-DD`` or ``YYYY-MM``; ``anchor`` (same forms) is the
    narrative date that relative expressions refer to; ``offset`` is added to the offsets.

    >>> [(e.text, e.kind.name, e.value, e.datatype) for e in find_time_expressions(
    ...     "Die Feuerpause gelte ab Samstag um 12 Uhr Ortszeit, teilte er in der Nacht "
    ...     "zum Samstag mit.", article_date="2020-10-10")]  # doctest: +NORMALIZE_WHITESPACE
    [('ab Samstag um 12 Uhr Ortszeit', 'EFFECTIVE', '2020-10-10T12:00:00', 'dateTime'),
     ('in der Nacht zum Samstag', 'POINT', '2020-10-10', 'date')]
    >>> [(e.text, e.kind.name, e.value) for e in find_time_expressions(
    ...     "Der Krieg war im November 2020 ausgebrochen.", article_date="2022-11-02")]
    [('im November 2020', 'START', '2020-11')]
    >>> [(e.text, e.value, e.datatype) for e in find_time_expressions(
    ...     "Putin sagte am Mittwoch", article_date="2020-10")]
    [('am Mittwoch', '2020-10', 'gYearMonth')]
    >>> [(e.text, e.value) for e in find_time_expressions(
    ...     "Putin sagte am Mittwoch", article_date="2020-10", anchor="2020-10-07")]
    [('am Mittwoch', '2020-10-07')]
    """
    ctx = _Context.of(article_date, anchor)
    matches = _merge_day_and_time(_non_overlapping(_candidates(text)))
    found = []
    for m in matches:
        expression = _resolve(text, m, ctx)
        if expression is not None:
            value, datatype, kind = expression
            found.append(
                TimeExpression(
                    start=m.start + offset,
                    end=m.end + offset,
                    text=text[m.start : m.end],
                    kind=kind,
                    value=value,
                    datatype=datatype,
                )
            )
    return found


# --- internals --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    rule: str  # a _DAY_PATTERNS key, "time", "duration_adj", "duration_noun"
    groups: dict[str, str | None]
    time: dict[str, str | None] | None = None  # a merged time-of-day part


@dataclass(frozen=True)
class _Context:
    ref: date | None  # the full reference date: anchor, else article date
    year: int
    month: int
    latest: date  # the latest date the reference can be (for year inference)

    @classmethod
    def of(cls, article_date: str, anchor: str | None) -> _Context:
        base = anchor or article_date
        full = _full_date(base)
        year, month = (int(p) for p in base[:7].split("-"))
        if full is not None:
            return cls(full, year, month, full)
        return cls(None, year, month, _month_end(year, month))


def _full_date(value: str | None) -> date | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    return None


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _weekday_number(word: str) -> int | None:
    w = word.lower()
    for name, number in WEEKDAY_NUMBERS.items():
        if w == name or (w.startswith(name) and re.fullmatch(_DAYPART, w[len(name) :])):
            return number
    return None


def _weekday_date(number: int, ref: date, *, forward: bool, strict: bool) -> date:
    if forward:
        delta = (number - ref.weekday()) % 7
        return ref + timedelta(days=delta or (7 if strict else 0))
    delta = (ref.weekday() - number) % 7
    return ref - timedelta(days=delta or (7 if strict else 0))


def _candidates(text: str) -> Iterator[_Match]:
    for rule, pattern in _DAY_PATTERNS.items():
        for m in pattern.finditer(text):
            if rule == "month" and not (m.group("prep") or m.group("phase") or m.group("year")):
                continue  # a bare month name ("Mai", "August") is too often something else
            if rule == "bare_year" and _counts(text, m.start()):
                continue
            yield _Match(m.start(), m.end(), rule, m.groupdict())
    for m in _TIME.finditer(text):
        if m.group("midnight") and not m.group("prep"):
            continue
        yield _Match(m.start(), m.end(), "time", m.groupdict())
    for m in _DURATION_ADJ.finditer(text):
        number = m.group("digits") or m.group("word")
        if parse_german_number(number) is not None:
            yield _Match(m.start(), m.end(), "duration_adj", m.groupdict())
    for m in _DURATION_NOUN.finditer(text):
        yield _Match(m.start(), m.end(), "duration_noun", m.groupdict())


def _counts(text: str, start: int) -> bool:
    """The number at ``start`` follows a quantifier ("rund 2000"): a count, not a year."""
    before = text[:start].split()
    return bool(before) and before[-1].lower() in _BARE_YEAR_QUANTIFIERS


def _non_overlapping(candidates: Iterator[_Match]) -> list[_Match]:
    # Longest leftmost: sort by start, then by length (longest first).
    ordered = sorted(candidates, key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[_Match] = []
    for m in ordered:
        if chosen and m.start < chosen[-1].end:
            continue
        chosen.append(m)
    return chosen


def _merge_day_and_time(matches: list[_Match]) -> list[_Match]:
    """Join "ab Samstag" + "um 12 Uhr Ortszeit" into one expression."""
    merged: list[_Match] = []
    for m in matches:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and m.rule == "time"
            and previous.rule in ("date", "holiday", "weekday", "night_span", "relative")
            and previous.time is None
            and m.start - previous.end <= 2
        ):
            merged[-1] = _Match(previous.start, m.end, previous.rule, previous.groups, m.groups)
            continue
        merged.append(m)
    return merged


def _clause(text: str, start: int, end: int) -> str:
    left = 0
    for b in _CLAUSE_BOUNDARY.finditer(text, 0, start):
        left = b.end()
    right_match = _CLAUSE_BOUNDARY.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:start] + " " + text[end:right]


def _prep(m: _Match) -> str:
    prep = m.groups.get("prep") or (m.time or {}).get("prep") or ""
    return re.sub(r"\s+", " ", prep.lower())


def _resolve(text: str, m: _Match, ctx: _Context) -> tuple[str, str, TimeKind] | None:
    if m.rule == "duration_adj":
        number = parse_german_number(m.groups["digits"] or m.groups["word"] or "")
        unit = (m.groups["unit"] or "").lower()
        return _duration_value(number, unit), "duration", TimeKind.DURATION
    if m.rule == "duration_noun":
        number = parse_german_number(m.groups["num"] or "")
        unit = (m.groups["unit"] or "").lower()
        return _duration_value(number, unit), "duration", TimeKind.DURATION

    clause = _clause(text, m.start, m.end)
    prep = _prep(m)
    if prep == "von" and _FROM_ON.match(text, m.end):
        prep = "ab"  # "von Dienstag, 6.00 Uhr, an": from then on
    rel = (m.groups.get("rel") or "").lower() if m.rule == "weekday" else ""
    forward = (
        prep.startswith(("ab", "bis"))
        or rel in ("kommenden", "nächsten")
        or (not prep.startswith("seit") and bool(_FUTURE_CUE.search(clause)))
    )
    time_part = m.groups if m.rule == "time" else m.time
    day = _resolve_day(m, ctx, forward=forward)
    if day is None:
        return None
    if time_part is not None:
        value, datatype = _with_time(day, time_part, ctx, forward=forward, has_day=m.rule != "time")
    else:
        value, datatype = _day_value(day)

    if (
        prep.startswith("bis")
        and ctx.ref is not None
        and not _EFFECT_CUE.search(clause)
        and value[:4] > ctx.ref.isoformat()[:4]
    ):
        kind = TimeKind.DEADLINE
    elif (
        _EFFECT_CUE.search(clause)
        or prep.startswith("ab")
        or (time_part is not None and prep.startswith("seit"))
    ):
        kind = TimeKind.EFFECTIVE
    elif m.rule in ("year_span", "after") or prep.startswith("seit") or _ONSET_CUE.search(clause):
        kind = TimeKind.START
    else:
        kind = TimeKind.POINT
    return value, datatype, kind


# A resolved day: a full date, or (year, month), or (year,).
_Day = date | tuple[int, int] | tuple[int]


def _resolve_day(m: _Match, ctx: _Context, *, forward: bool) -> _Day | None:
    g = m.groups
    if m.rule == "time":
        return ctx.ref if ctx.ref is not None else (ctx.year, ctx.month)
    if m.rule in ("weekday", "night_span"):
        number = _weekday_number(g["wd"] or "")
        if number is None:
            return None
        if ctx.ref is None:
            return (ctx.year, ctx.month)
        rel = (g.get("rel") or "").lower()
        if g.get("lastweek"):
            monday = ctx.ref - timedelta(days=ctx.ref.weekday() + 7)
            return monday + timedelta(days=number)
        if rel in ("vergangenen", "letzten"):
            return _weekday_date(number, ctx.ref, forward=False, strict=True)
        if rel in ("kommenden", "nächsten"):
            return _weekday_date(number, ctx.ref, forward=True, strict=True)
        return _weekday_date(number, ctx.ref, forward=forward, strict=False)
    if m.rule == "date":
        day = int(g["day"] or 0)
        if g["mname"]:
            month = _MONTHS[g["mname"].lower().rstrip(".")]
            year_text = g["year"]
        else:
            month = int(g["mnum"] or 0)
            year_text = g["nyear"]
        if year_text:
            year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
            return _safe_date(year, month, day)
        candidate = _safe_date(ctx.latest.year, month, day)
        if candidate is None:
            return None
        year = _infer_year(candidate, candidate, ctx, forward=forward)
        return _safe_date(year, month, day)
    if m.rule == "holiday":
        month, day = _HOLIDAYS[" ".join((g["holiday"] or "").split()[-1:]).lower()]
        if g["year"]:
            return _safe_date(int(g["year"]), month, day)
        candidate = _safe_date(ctx.latest.year, month, day)
        if candidate is None:
            return None
        return _safe_date(_infer_year(candidate, candidate, ctx, forward=forward), month, day)
    if m.rule == "last_year":
        return (ctx.latest.year - 1,)
    if m.rule == "recent":
        return (ctx.latest.year, ctx.latest.month)
    if m.rule == "month":
        month = _MONTHS[(g["mname"] or "").lower().rstrip(".")]
        if g["year"]:
            return (int(g["year"]), month)
        if g.get("rel"):
            year = ctx.latest.year if month < ctx.latest.month else ctx.latest.year - 1
            return (year, month)
        first = date(ctx.latest.year, month, 1)
        year = _infer_year(first, _month_end(first.year, month), ctx, forward=forward)
        return (year, month)
    if m.rule in ("year", "year_span"):
        return (int(g["year"] or 0),)
    if m.rule == "bare_year":
        year = int(g["year"] or 0)
        # a later year is a plan or a number ("bis 2030", "2030 Soldaten")
        return None if year > ctx.latest.year else (year,)
    if m.rule == "after":
        unit = (g["unit"] or "").lower()
        if unit.startswith("jahrzehnt"):
            number = parse_german_number(g["num"] or "")
            return None if number is None else _ago(str(10 * number), "Jahren", ctx)
        return _ago(g["num"] or "", unit, ctx)
    if m.rule == "relative":
        return _relative_day(g["rel"] or "", ctx)
    if m.rule == "ago":
        return _ago(g["num"] or "", g["unit"] or "", ctx)
    if m.rule == "later":
        return _ago(g["num"] or "", g["unit"] or "", ctx, sign=-1)
    if m.rule == "earlier":
        return _ago(g["num"] or "", g["unit"] or "", ctx)
    if m.rule == "last_week":
        return _last_week(g, ctx)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(first: date, last: date, ctx: _Context, *, forward: bool) -> int:
    year = first.year
    if forward:
        if last < _reference_floor(ctx) - _YEAR_SLACK:
            year += 1
    elif first > ctx.latest + _YEAR_SLACK:
        year -= 1
    return year


def _reference_floor(ctx: _Context) -> date:
    return ctx.ref if ctx.ref is not None else date(ctx.year, ctx.month, 1)


def _relative_day(word: str, ctx: _Context) -> _Day:
    w = re.sub(r"\s+", " ", word.lower())
    shift = {
        "heute": 0,
        "gestern": -1,
        "vorgestern": -2,
        "morgen": 1,
        "übermorgen": 2,
        "am vortag": -1,
        "am tag zuvor": -1,
        "tags zuvor": -1,
        "am folgetag": 1,
        "am tag danach": 1,
        "am tag darauf": 1,
        "tags darauf": 1,
        "am selben tag": 0,
        "am gleichen tag": 0,
        "am demselben tag": 0,
        "am vorabend": -1,
        "am abend zuvor": -1,
        "am morgen zuvor": -1,
        "am abend danach": 1,
        "am abend darauf": 1,
        "am morgen danach": 1,
        "am morgen darauf": 1,
        "am selben abend": 0,
        "am selben morgen": 0,
        "am selben nachmittag": 0,
        "am gleichen abend": 0,
        "am gleichen morgen": 0,
        "am gleichen nachmittag": 0,
        "am demselben abend": 0,
        "am demselben morgen": 0,
        "am demselben nachmittag": 0,
    }[w]
    if ctx.ref is None:
        return (ctx.year, ctx.month)
    return ctx.ref + timedelta(days=shift)


def _last_week(g: dict[str, str | None], ctx: _Context) -> _Day | None:
    """The month of the last weekend ("am Wochenende") or of the week before ("in der
    vergangenen Woche") the reference date; a week needs a word that it is past."""
    unit = (g.get("unit") or "").lower()
    if unit == "woche" and not g.get("rel"):
        return None  # "in der Woche": which one is not told
    if unit == "wochenende" and not (g.get("prep") or g.get("rel")):
        return None
    if ctx.ref is None:
        return None
    if unit == "woche":
        back = ctx.ref - timedelta(days=7)
    else:
        # the last Saturday before the reference day (on a weekend, that weekend)
        back = ctx.ref - timedelta(days=(ctx.ref.weekday() - 5) % 7)
    return (back.year, back.month)


def _ago(number_word: str, unit: str, ctx: _Context, *, sign: int = 1) -> _Day | None:
    """``number`` units before the reference date (``sign=-1``: after it)."""
    parsed = parse_german_number(number_word)
    if parsed is None:
        return None
    number = sign * parsed
    unit = unit.lower()
    if ctx.ref is None:
        # Days or weeks from an unknown day may cross into another month: say nothing.
        return (ctx.year - number,) if unit.startswith("jahr") else None
    if unit.startswith("tag"):
        return ctx.ref - timedelta(days=number)
    if unit.startswith("woche"):
        # "vor zwei Wochen" is approximate: keep the month, not an exact day.
        back = ctx.ref - timedelta(weeks=number)
        return (back.year, back.month)
    if unit.startswith("monat"):
        months = ctx.ref.year * 12 + ctx.ref.month - 1 - number
        return (months // 12, months % 12 + 1)
    return (ctx.ref.year - number,)


def _day_value(day: _Day) -> tuple[str, str]:
    if isinstance(day, date):
        return day.isoformat(), "date"
    if len(day) == 2:
        return f"{day[0]:04d}-{day[1]:02d}", "gYearMonth"
    return f"{day[0]:04d}", "gYear"


def _with_time(
    day: _Day, time: dict[str, str | None], ctx: _Context, *, forward: bool, has_day: bool
) -> tuple[str, str]:
    if not isinstance(day, date):
        return _day_value(day)  # no day known: the time of day cannot be placed
    if time.get("midnight"):
        hour, minute = 0, 0
        if forward and not has_day:
            day = day + timedelta(days=1)  # "soll um Mitternacht in Kraft treten": the coming one
    else:
        hour = int(time.get("hour") or 0)
        minute = int(time.get("minute") or 0)
        ampm = time.get("ampm") or ""
        if (ampm in ("nachmittags", "abends") and hour < 12) or (
            ampm == "nachts" and 8 <= hour < 12
        ):
            hour += 12
    if hour == 24:
        day, hour = day + timedelta(days=1), 0
    tz = re.sub(r"\s+", " ", time.get("tz") or "")
    suffix = _TZ_OFFSET.get(tz, "")
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}:00{suffix}", "dateTime"


def _duration_value(number: int | None, unit: str) -> str:
    n = number or 0
    if unit.startswith(("tag", "tägig")):
        return f"P{n}D"
    if unit.startswith(("woche", "wöchig")):
        return f"P{7 * n}D"
    if unit.startswith(("monat",)):
        return f"P{n}M"
    if unit.startswith("jahr"):
        return f"P{n}Y"
    return f"PT{n}H"  # stunde, stündig
