"""Stage 7: dates of events, times of effect, and the reference date of the narrative.

Reads the article date, tagged sentences and events; writes events with ``date`` and
``effective`` set, and the START expressions (for the conflict stage). Time expressions
come from :mod:`kg.extract.dates`.

Reference date (documented rule). News reports its newest event first: the lead
sentence's event is the latest one. Relative expressions ("am Freitag", "am Vortag")
resolve against an *anchor*:

* the article has a full date: the anchor is the lead event's date when the lead sentence
  dates it ("in der Nacht zum Dienstag"), else the article date;
* the article has only a month: every date the text pins exactly (a calendar date, or a
  start date plus a duration: "seit seinem Ausbruch am 27. September … den zehntägigen
  Ausbruch" → 7 October) bounds the publication date from below. The lead event, being the
  newest, happened on the first occurrence of its weekday on or after the latest such
  bound; that day is the anchor. Without a weekday in the lead or without a bound, no
  anchor: dates stay at month precision (``xsd:gYearMonth``); a day is never invented.

An event takes the point-in-time expression of its own clause (else of its sentence);
where its clause says it followed or accompanied what was told before ("daraufhin",
"kurz darauf", "damals": morphology.yaml ``sequence_adverbs``) and has no date of its
own, it takes the month of the last point in time the sentences before name (a date
elsewhere in its own sentence belongs to another clause); without either it takes the
article date, except in the pluperfect ("hatte … vereinbart"), which reports something
earlier than the article's news. A lead sentence without a day leaves it to its
paragraph: an undated lead event takes the first day the rest of the first paragraph
names outside the pluperfect ("… haben einen Friedensvertrag paraphiert. Die
Zeremonie leitete am Dienstag …" dates the initialling Tuesday). "ab Samstag um 12 Uhr",
"tritt am Montag um 8 Uhr in Kraft", "gilt seit Mitternacht" set ``effectiveFrom`` of the
agreement the sentence refers to (the latest agreement so far); a day without a time ("soll
am 3. August in Kraft treten") means from the start of that day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from kg.extract.dates import (
    WEEKDAY_NUMBERS,
    TimeExpression,
    TimeKind,
    duration_days,
    find_time_expressions,
    pin_from_duration,
)
from kg.extract.model import Event, TaggedSentence
from kg.extract.morphology import Morphology, load_morphology
from kg.extract.syntax import clause_bounds
from kg.vocabulary import EventClass

__all__ = ["assign_dates", "headline_expressions", "lead_date", "narrative_anchor"]

_WEEKDAY = re.compile("(" + "|".join(sorted(WEEKDAY_NUMBERS)) + ")", re.I)


def _expressions(
    sentences: Sequence[TaggedSentence], article_date: str, anchor: str | None
) -> dict[int, list[TimeExpression]]:
    return {
        ts.sentence.index: find_time_expressions(
            ts.sentence.text, article_date=article_date, offset=ts.sentence.start, anchor=anchor
        )
        for ts in sentences
    }


def narrative_anchor(sentences: Sequence[TaggedSentence], article_date: str) -> str | None:
    """The anchor date for relative expressions (see the module docstring)."""
    if not sentences:
        return None
    exprs = _expressions(sentences, article_date, None)
    lead = exprs.get(sentences[0].sentence.index, [])
    if len(article_date) == 10:
        point = next((e for e in lead if e.kind == TimeKind.POINT and e.datatype == "date"), None)
        return point.value if point else None
    bound: date | None = None
    for ts in sentences:
        es = exprs[ts.sentence.index]
        starts = [
            e for e in es if e.datatype == "date" and e.kind in (TimeKind.START, TimeKind.POINT)
        ]
        for e in starts:
            d = date.fromisoformat(e.value)
            bound = d if bound is None or d > bound else bound
        for e in es:
            days = duration_days(e.value) if e.kind == TimeKind.DURATION else None
            if days and starts:
                d = date.fromisoformat(pin_from_duration(starts[0].value, days))
                bound = d if bound is None or d > bound else bound
    weekday = next((_WEEKDAY.search(e.text) for e in lead if _WEEKDAY.search(e.text)), None)
    if bound is None or weekday is None:
        return None
    target = WEEKDAY_NUMBERS[weekday.group(1).lower()]
    d = bound + timedelta(days=(target - bound.weekday()) % 7)
    return d.isoformat() if d.isoformat().startswith(article_date) else None


def _pluperfect(ts: TaggedSentence, i: int, morph: Morphology) -> bool:
    """The clause of token ``i`` is in the pluperfect ("hatte … angegriffen")."""
    a, b = clause_bounds(ts.tokens, i)
    return any(t.text.lower() in morph.pluperfect_auxiliaries for t in ts.tokens[a:b])


def _told_before(
    sentence: int, exprs: Mapping[int, Sequence[TimeExpression]], *, reach: int = 3
) -> str | None:
    """The last point in time a sentence before ``sentence`` (up to ``reach`` back) names,
    with a month at least: what "daraufhin" or "damals" refers to."""
    for idx in range(sentence - 1, sentence - 1 - reach, -1):
        points = [e for e in exprs.get(idx, ()) if e.kind == TimeKind.POINT and len(e.value) >= 7]
        if points:
            return max(points, key=lambda e: e.start).value
    return None


def _sequenced(ts: TaggedSentence, a: int, b: int, morph: Morphology) -> bool:
    """The clause ``a``–``b`` dates its event by the one told before it ("daraufhin",
    "kurz darauf", "wenige Tage später", "kurz zuvor", "damals"; not "zwei Jahre
    zuvor")."""
    toks = ts.tokens
    return any(
        toks[j].text.lower() in morph.sequence_adverbs
        and not (j > 0 and toks[j - 1].lemma.lower() in morph.long_time_nouns)
        for j in range(a, b)
    )


def headline_expressions(
    parts: Sequence[TaggedSentence], article_date: str
) -> dict[int, list[TimeExpression]]:
    """The time expressions of the headline's parts, against the article's date alone
    ("… nach 27 Jahren Bürgerkrieg")."""
    return _expressions(parts, article_date, None)


def lead_date(
    expressions: Mapping[int, Sequence[TimeExpression]], article_date: str
) -> tuple[str, str]:
    """The date of the story's first sentence (its first point in time, else the article's
    date): what a headline in the present tense is dated by.

    >>> lead_date({}, "2024-03-15")
    ('2024-03-15', 'date')
    """
    points = [e for e in expressions.get(0, ()) if e.kind == TimeKind.POINT]
    return _event_date(points[0]) if points else _article_date(article_date)


def _event_date(e: TimeExpression) -> tuple[str, str]:
    """An event's ``ckg:date`` from a time expression (a time of day dates by its day)."""
    return (e.value[:10], "date") if e.datatype == "dateTime" else (e.value, e.datatype)


def _article_date(article_date: str) -> tuple[str, str]:
    return article_date, "date" if len(article_date) == 10 else "gYearMonth"


def _lead_paragraph_date(
    sentences: Sequence[TaggedSentence],
    exprs: Mapping[int, Sequence[TimeExpression]],
    morph: Morphology,
) -> tuple[str, str] | None:
    """The day of an undated lead: the first day the rest of its paragraph names in a
    clause that is not pluperfect. A lead in the perfect ("haben … paraphiert") leaves the
    day to the next sentence ("Die Zeremonie leitete am Dienstag …")."""
    if not sentences or any(
        e.kind == TimeKind.POINT for e in exprs.get(sentences[0].sentence.index, ())
    ):
        return None
    first = sentences[0].sentence
    for ts in sentences[1:]:
        if ts.sentence.paragraph != first.paragraph:
            return None
        for e in exprs.get(ts.sentence.index, ()):
            if e.kind != TimeKind.POINT or e.datatype not in ("date", "dateTime"):
                continue
            k = next((t.i for t in ts.tokens if t.start >= e.start), None)
            if k is not None and not _pluperfect(ts, k, morph):
                return _event_date(e)
    return None


def _ongoing_fight(ev: Event, e: TimeExpression) -> bool:
    """Fighting or talks dated by "seit" ("Seit März 2015 bekämpft eine Koalition die
    Rebellen", "Seit November 2012 verhandeln Regierung und Rebellen in Havanna")."""
    return ev.event_class in (
        EventClass.MILITARY_ACTION,
        EventClass.NEGOTIATION,
    ) and e.text.lower().startswith("seit")


def _state_start(e: TimeExpression) -> bool:
    """A start that dates a state, not an act ("seit 1993", "nach fünf Jahren Krieg")."""
    return e.text.lower().startswith(("seit", "nach"))


def assign_dates(
    events: Sequence[Event],
    sentences: Sequence[TaggedSentence],
    article_date: str,
    *,
    morph: Morphology | None = None,
) -> tuple[tuple[Event, ...], dict[int, list[TimeExpression]]]:
    """Events with dates and times of effect; also every sentence's time expressions.
    ``morph``: the grammar word lists (its ``sequence_adverbs``), loaded once by the
    caller."""
    morph = morph or load_morphology()
    anchor = narrative_anchor(sentences, article_date)
    exprs = _expressions(sentences, article_date, anchor)
    by_index = {ts.sentence.index: ts for ts in sentences}
    default = _article_date(article_date)
    lead_default = _lead_paragraph_date(sentences, exprs, morph) or default
    lead = sentences[0].sentence.index if sentences else None
    out: list[Event] = []
    for ev in events:
        ts = by_index[ev.sentence]
        es = exprs[ev.sentence]
        a, b = clause_bounds(ts.tokens, ev.trigger.first)
        lo, hi = ts.tokens[a].start, ts.tokens[b - 1].end if b > a else ts.tokens[a].end
        points = [e for e in es if e.kind == TimeKind.POINT]
        in_clause = [e for e in points if lo <= e.start < hi]
        before = _told_before(ev.sentence, exprs) if _sequenced(ts, a, b, morph) else None
        if not in_clause and before is not None:
            # "Sudanesische Kampfflugzeuge bombardierten daraufhin Ziele": in the month of
            # the time told just before (how many days later is not said)
            out.append(replace(ev, date=(before[:7], "gYearMonth")))
            continue
        own = in_clause or points
        # "nach den Anschlägen vom 11. September": a date after "vom" is its noun's, not
        # the verb's, where the clause has another
        own = [e for e in own if not e.text.lower().startswith("vom ")] or own
        if not own:
            # "hatten im April 2019 eine Offensive begonnen": the onset dates the action
            own = [
                e
                for e in es
                if e.kind == TimeKind.START
                and lo <= e.start < hi
                # "seit 1993", "nach fünf Jahren Bürgerkrieg": the start of a state, not an act;
                # but fighting or talks that go on "seit März 2015" are dated by their start
                and (not _state_start(e) or _ongoing_fight(ev, e))
            ]
        if (
            not own
            and ts.tokens[a].text.lower() == "als"
            and a > 0
            and ts.tokens[a - 1].text == ","
        ):
            # "Der Krieg war im August 1992 ausgebrochen, als georgische Truppen in
            # Abchasien einrückten": a temporal "als" clause happened when its main clause did
            own = [e for e in es if e.kind == TimeKind.START and not _state_start(e)]
        if own:
            t0 = ts.tokens[ev.trigger.first].start
            best = min(own, key=lambda e: abs(e.start - t0))
            out.append(replace(ev, date=_event_date(best)))
        elif not _pluperfect(ts, ev.trigger.first, morph):
            out.append(replace(ev, date=lead_default if ev.sentence == lead else default))
        else:
            out.append(ev)
    # times of effect go to the agreement the sentence speaks about
    final: list[Event] = []
    for ev in out:
        final.append(ev)
    for idx, es in exprs.items():
        eff = [e for e in es if e.kind == TimeKind.EFFECTIVE and e.datatype == "dateTime"]
        days = [e for e in es if e.kind == TimeKind.EFFECTIVE and e.datatype == "date"]
        if not eff and days:
            # "soll am 3. August in Kraft treten": in force from the start of that day
            # (ckg:effectiveFrom is an xsd:dateTime)
            eff = [replace(days[0], value=f"{days[0].value}T00:00:00", datatype="dateTime")]
        if not eff:
            continue
        candidates = [
            n
            for n, e in enumerate(final)
            if e.sentence <= idx and EventClass.AGREEMENT in e.event_class
        ]
        if candidates:
            n = candidates[-1]
            final[n] = replace(final[n], effective=eff[0].value)
    return tuple(final), exprs
