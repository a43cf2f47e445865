"""Features that decide whether two event records describe the same real-world event.

An :class:`EventRecord` is what the linker knows of one event: its classes, its actors
with their roles, its date as a span, its places and topics, and the source it came from.
:func:`score_pair` compares two records feature by feature and returns a
:class:`LinkScore`: the weighted sum of the feature scores, or a *gate* that rules the
pair out whatever the sum (incompatible types, dates too far apart, no shared actor).

Features (weights in :data:`DEFAULT_WEIGHTS`):

* ``type``: the same class scores 1, a sub- or superclass 0.75 (Meeting vs Negotiation,
  Agreement vs CeasefireAgreement), a bare ``ckg:Event`` 0.5; anything else is a gate.
* ``actors``: Jaccard overlap of the actor sets, taking the better of the actors as named
  and the actors *projected* onto the state they hold office for (a foreign minister
  counts for his state), plus a small share for actors in the same role. No shared actor
  at all is a gate.
* ``date``: two day-precise dates score 1 (same day), 0.6 (one day apart: "in der Nacht
  zum Samstag"), 0.3 (two days); further apart is a gate. A coarser date (month, year,
  or an undated event's window of 30 days before its report) overlapping the other scores
  0.3 (month) or 0.15; no overlap is a gate.
* ``place``: the same place 1, unknown on either side 0.5, different places 0.
* ``about``: a shared topic 1, unknown (or only free-text topics worded differently)
  0.5, different topic entities 0.

>>> from datetime import date
>>> h = TypeHierarchy({"Negotiation": {"Meeting"}, "Meeting": set()})
>>> a = EventRecord("e1", "g1", frozenset({"Meeting"}),
...     frozenset({("agent", "armenia"), ("participant", "azerbaijan")}),
...     DateSpan.parse("2020-10-09"), frozenset({"moscow"}))
>>> b = EventRecord("e2", "g2", frozenset({"Negotiation"}),
...     frozenset({("participant", "armenia"), ("participant", "azerbaijan")}),
...     DateSpan.parse("2020-10"), frozenset({"moscow"}))
>>> s = score_pair(a, b, hierarchy=h)
>>> s.gate is None, round(s.score, 3)
(True, 0.724)
>>> score_pair(a, b.with_date(DateSpan.parse("2020-10-25")), hierarchy=h).gate
'date'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

__all__ = [
    "DEFAULT_WEIGHTS",
    "DateSpan",
    "EventRecord",
    "Feature",
    "LinkScore",
    "TypeHierarchy",
    "Weights",
    "score_pair",
]

#: An undated event is assumed to lie within this many days before its report.
UNDATED_WINDOW_DAYS = 30
#: Two day-precise dates further apart than this are different events.
MAX_DAY_GAP = 2
_DAY_GAP_SCORES = {0: 1.0, 1: 0.6, 2: 0.3}

_DATE_RE = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, order=True)
class DateSpan:
    """The days an event may have happened on: ``start``..``end`` inclusive.

    >>> DateSpan.parse("2020-10")
    DateSpan(start=datetime.date(2020, 10, 1), end=datetime.date(2020, 10, 31), precision='month')
    >>> DateSpan.parse("2020-10-09T12:00:00").precision
    'day'
    >>> DateSpan.parse("Freitag") is None
    True
    """

    start: date
    end: date
    precision: str  # "day", "month", "year" or "undated"

    @classmethod
    def parse(cls, lexical: str) -> DateSpan | None:
        """A span from an ``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear`` or dateTime lexical."""
        m = _DATE_RE.match(lexical.strip())
        if not m:
            return None
        try:
            year = int(m.group(1))
            if m.group(3):
                d = date(year, int(m.group(2)), int(m.group(3)))
                return cls(d, d, "day")
            if m.group(2):
                month = int(m.group(2))
                first = date(year, month, 1)
                nxt = date(year + (month == 12), month % 12 + 1, 1)
                return cls(first, nxt - timedelta(days=1), "month")
            return cls(date(year, 1, 1), date(year, 12, 31), "year")
        except ValueError:
            return None

    @classmethod
    def before_report(cls, report: DateSpan) -> DateSpan:
        """The window of an undated event: up to 30 days before its report's date.

        >>> DateSpan.before_report(DateSpan.parse("2020-10-25")).start
        datetime.date(2020, 9, 25)
        """
        return cls(report.end - timedelta(days=UNDATED_WINDOW_DAYS), report.end, "undated")


@dataclass(frozen=True)
class EventRecord:
    """One event as the linker sees it; IRIs are plain strings for speed."""

    iri: str
    graph: str
    classes: frozenset[str]
    #: (role property, actor) pairs; the role is the property IRI (ckg:agent, ...).
    actors: frozenset[tuple[str, str]]
    date: DateSpan | None
    places: frozenset[str] = frozenset()
    about: frozenset[str] = frozenset()
    #: The source unit: events of the same origin (one article, one imported record)
    #: are never linked to each other. Defaults to the graph.
    origin: str = ""
    #: The actors projected onto the states they hold office for (see module doc).
    projected: frozenset[str] = field(default=frozenset())

    def __post_init__(self) -> None:
        if not self.origin:
            object.__setattr__(self, "origin", self.graph)
        if not self.projected:
            object.__setattr__(self, "projected", frozenset(a for _, a in self.actors))

    @property
    def actor_set(self) -> frozenset[str]:
        """The actors whatever their roles."""
        return frozenset(a for _, a in self.actors)

    def with_date(self, span: DateSpan | None) -> EventRecord:
        """A copy with another date (for tests and what-ifs)."""
        return replace(self, date=span)


@dataclass(frozen=True)
class Feature:
    """One compared feature: its score in 0..1, its weight, and what matched."""

    name: str
    score: float
    weight: float
    detail: str


@dataclass(frozen=True)
class LinkScore:
    """The verdict on a pair: the weighted score, the features, and the gate if ruled out."""

    score: float
    features: tuple[Feature, ...]
    gate: str | None = None
    shared_actors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Weights:
    """Feature weights; they sum to 1 so a score is in 0..1."""

    type: float = 0.20
    actors: float = 0.35
    date: float = 0.25
    place: float = 0.15
    about: float = 0.05


DEFAULT_WEIGHTS = Weights()


class TypeHierarchy:
    """Event classes and their superclasses (transitively), from the ontology.

    ``parents`` maps a class to its direct superclasses; the root ``ckg:Event`` itself
    need not be listed.

    >>> h = TypeHierarchy({"C": {"B"}, "B": {"A"}, "A": set()})
    >>> h.compatibility({"C"}, {"A"}), h.compatibility({"A"}, {"A"}), h.family("C")
    (0.75, 1.0, 'A')
    """

    def __init__(self, parents: Mapping[str, Iterable[str]], *, root: str = "") -> None:
        self._parents = {c: frozenset(p) for c, p in parents.items()}
        self.root = root
        self._ancestors: dict[str, frozenset[str]] = {}
        for c in self._parents:
            self._ancestors[c] = self._collect(c)

    def _collect(self, cls: str) -> frozenset[str]:
        seen: set[str] = set()
        todo = list(self._parents.get(cls, ()))
        while todo:
            p = todo.pop()
            if p not in seen and p != self.root:
                seen.add(p)
                todo.extend(self._parents.get(p, ()))
        return frozenset(seen)

    @property
    def classes(self) -> frozenset[str]:
        """Every known event class (the root included when given)."""
        return frozenset(self._parents) | ({self.root} if self.root else frozenset())

    def ancestors(self, cls: str) -> frozenset[str]:
        """The superclasses of ``cls`` below the root."""
        return self._ancestors.get(cls, frozenset())

    def family(self, cls: str) -> str:
        """The topmost class above ``cls`` below the root: the blocking key."""
        if cls == self.root:
            return cls
        tops = sorted(a for a in self.ancestors(cls) if not self.ancestors(a))
        return tops[0] if tops else cls

    def specific(self, classes: Iterable[str]) -> frozenset[str]:
        """The most specific of ``classes`` (those that are no other's superclass)."""
        known = {c for c in classes if c in self._parents or c == self.root}
        supers = set().union(*(self.ancestors(c) for c in known)) if known else set()
        if len(known) > 1:
            known.discard(self.root)
        return frozenset(known - supers)

    def compatibility(self, a: Iterable[str], b: Iterable[str]) -> float:
        """1 for a shared class, 0.75 for sub/superclass, 0.5 against a bare root, else 0."""
        sa, sb = self.specific(a), self.specific(b)
        best = 0.0
        for x in sa:
            for y in sb:
                if x == y:
                    return 1.0
                if x == self.root or y == self.root:
                    best = max(best, 0.5)
                elif x in self.ancestors(y) or y in self.ancestors(x):
                    best = max(best, 0.75)
        return best


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _date_feature(a: DateSpan | None, b: DateSpan | None) -> tuple[float, str, bool]:
    """(score, detail, gated)."""
    if a is None or b is None:
        return 0.0, "date unknown", False
    if a.precision == "day" and b.precision == "day":
        gap = abs((a.start - b.start).days)
        if gap > MAX_DAY_GAP:
            return 0.0, f"{a.start} vs {b.start}: {gap} days apart", True
        return _DAY_GAP_SCORES[gap], f"{a.start} vs {b.start}: {gap} days apart", False
    if a.end < b.start or b.end < a.start:
        return 0.0, f"{a.precision} {a.start}..{a.end} vs {b.precision} {b.start}..{b.end}", True
    coarse = max((a, b), key=lambda s: (s.end - s.start).days)
    score = 0.3 if coarse.precision == "month" else 0.15
    return score, f"{coarse.precision} {coarse.start}..{coarse.end} contains the other", False


def _overlap_feature(a: frozenset[str], b: frozenset[str], what: str) -> tuple[float, str]:
    if not a or not b:
        return 0.5, f"{what} unknown"
    shared = a & b
    if shared:
        return 1.0, "same: " + ", ".join(sorted(_local(x) for x in shared))
    if not any(x.startswith(("http://", "https://")) for x in a) or not any(
        x.startswith(("http://", "https://")) for x in b
    ):
        # Free-text topics are worded differently by every source: no evidence either way.
        return 0.5, f"{what} worded differently: " + ", ".join(sorted(_local(x) for x in a | b))
    return 0.0, "different: " + ", ".join(sorted(_local(x) for x in a | b))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def score_pair(
    a: EventRecord,
    b: EventRecord,
    *,
    hierarchy: TypeHierarchy,
    weights: Weights = DEFAULT_WEIGHTS,
) -> LinkScore:
    """Compare two event records; see the module documentation for the features."""
    features: list[Feature] = []

    t = hierarchy.compatibility(a.classes, b.classes)
    ta = "/".join(sorted(_local(c) for c in hierarchy.specific(a.classes)))
    tb = "/".join(sorted(_local(c) for c in hierarchy.specific(b.classes)))
    features.append(Feature("type", t, weights.type, f"{ta} vs {tb}"))
    if t == 0.0:
        return LinkScore(0.0, tuple(features), "type")

    raw_a, raw_b = a.actor_set, b.actor_set
    j_raw, j_proj = _jaccard(raw_a, raw_b), _jaccard(a.projected, b.projected)
    shared = raw_a & raw_b
    if not shared and not (a.projected & b.projected):
        features.append(Feature("actors", 0.0, weights.actors, "no shared actor"))
        return LinkScore(0.0, tuple(features), "actors")
    same_role = {x for x in a.actors & b.actors}
    role_share = len(same_role) / max(len(shared), 1) if shared else 0.0
    actor_score = 0.85 * max(j_raw, j_proj) + 0.15 * role_share
    shown = shared or (a.projected & b.projected)
    detail = (
        f"shared: {', '.join(sorted(_local(x) for x in shown))}; "
        f"jaccard {j_raw:.2f}, by state {j_proj:.2f}, same role {len(same_role)}"
    )
    features.append(Feature("actors", actor_score, weights.actors, detail))

    d, d_detail, d_gate = _date_feature(a.date, b.date)
    features.append(Feature("date", d, weights.date, d_detail))
    if d_gate:
        return LinkScore(0.0, tuple(features), "date", frozenset(shown))

    p, p_detail = _overlap_feature(a.places, b.places, "place")
    features.append(Feature("place", p, weights.place, p_detail))
    ab, ab_detail = _overlap_feature(a.about, b.about, "topic")
    features.append(Feature("about", ab, weights.about, ab_detail))

    total = sum(f.score * f.weight for f in features)
    return LinkScore(total, tuple(features), None, frozenset(shown))
