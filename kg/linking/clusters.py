"""Reports of one real-world event as a cluster, found from scored pairs of event records.

The linker's data model (issue 11, item 9): a wire story copied by 300 outlets is one
event reported 300 times, so links must grow with the reports, not with their pairs.

* **Blocking** (:func:`candidate_pairs`): only events of one type family that share a
  (projected) actor and whose dates lie within two days of each other are compared.
* **Scoring** (:func:`kg.linking.features.score_pair`) depends on an event's features
  alone (classes, actors, date, places, topics), never on its IRI or source. Records with
  the same features form one *group* and are scored once against each other group:
  300 copies of an article cost as much as one (:class:`SameEventGraph`).
* **Clustering**: two events of different origins whose score reaches the threshold are
  the same event, and so, transitively, is every event connected to them: a cluster is a
  connected component of these pairs. A pair a researcher rejected
  (``ckg:differentEventFrom``) must not end in one cluster, through any chain: a
  component holding a rejected pair is split greedily (the best-scored pairs join first,
  a join that would unite a rejected pair is skipped), so ``ckg unlink`` stays effective.
* **Evidence**: each cluster keeps a spanning tree of its pairs, best first
  (:class:`EventLink`, one per member beyond the first), chosen by the same rule however
  the cluster was reached (a whole relink or one article after another).

>>> from kg.linking.features import DateSpan, EventRecord, TypeHierarchy
>>> h = TypeHierarchy({"Meeting": set()})
>>> def copy(n):
...     return EventRecord(f"e{n:03d}", f"g{n:03d}", frozenset({"Meeting"}),
...         frozenset({("agent", "armenia"), ("participant", "azerbaijan")}),
...         DateSpan.parse("2020-10-09"), frozenset({"moscow"}))
>>> [cluster] = SameEventGraph([copy(n) for n in range(300)], hierarchy=h).clusters()
>>> len(cluster.members), len(cluster.links), round(cluster.links[0].score.score, 3)
(300, 299, 0.975)
>>> split = SameEventGraph([copy(n) for n in range(3)], hierarchy=h,
...     rejected={frozenset({"e000", "e001"})}).clusters()
>>> [c.members for c in split]
[('e000', 'e002')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from kg.iris import fact_iri
from kg.linking.features import (
    DEFAULT_WEIGHTS,
    DateSpan,
    EventRecord,
    LinkScore,
    TypeHierarchy,
    Weights,
    score_pair,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "EventCluster",
    "EventLink",
    "SameEventGraph",
    "candidate_pairs",
    "link_iri",
]

#: Score at or above which two events are linked (0..1); ``--threshold`` overrides it.
DEFAULT_THRESHOLD = 0.6
#: Day tolerance of the date blocking (matches the date feature's largest gap).
_BLOCK_TOLERANCE = timedelta(days=2)


def link_iri(e1: str, e2: str) -> str:
    """The evidence IRI of a pair, the same whichever order it is given in.

    >>> link_iri("http://x/b", "http://x/a") == link_iri("http://x/a", "http://x/b")
    True
    """
    a, b = sorted((str(e1), str(e2)))
    return str(fact_iri("link", a, b))


@dataclass(frozen=True)
class EventLink:
    """A same-event link: the ordered pair (``event1 < event2``) and its evidence."""

    event1: str
    event2: str
    score: LinkScore

    @property
    def iri(self) -> str:
        """The evidence node's IRI (deterministic from the ordered pair)."""
        return link_iri(self.event1, self.event2)


@dataclass(frozen=True)
class EventCluster:
    """The reports of one event: ``members`` (sorted IRIs, at least two) and ``links``,
    a spanning tree of scored pairs (one link per member beyond the first, sorted)."""

    members: tuple[str, ...]
    links: tuple[EventLink, ...]

    @property
    def iri(self) -> str:
        """The cluster node's IRI, from its first member: stable while the cluster grows.

        >>> EventCluster(("http://x/a", "http://x/b"), ()).iri.split("/")[-2]
        'cluster'
        """
        return str(fact_iri("cluster", self.members[0]))


def candidate_pairs(
    records: Sequence[EventRecord],
    hierarchy: TypeHierarchy,
    *,
    focus: set[str] | None = None,
) -> Iterable[tuple[EventRecord, EventRecord]]:
    """Pairs worth scoring: same type family, a shared (projected) actor, dates within the
    tolerance, other origin.

    With ``focus`` only pairs with at least one event in it. Each pair once, ordered.
    """
    families: dict[str, list[EventRecord]] = defaultdict(list)
    bare: list[EventRecord] = []
    for r in records:
        if r.date is None:
            continue  # neither a date nor a dated report: nothing to block on
        specific = hierarchy.specific(r.classes)
        fams = {hierarchy.family(c) for c in specific if c != hierarchy.root}
        if not fams:
            bare.append(r)
        for f in fams:
            families[f].append(r)
    if bare:
        for f in list(families):
            families[f].extend(bare)
        families[hierarchy.root].extend(bare)
    # Within a family, bucket by (projected) actor: the actor feature rules out pairs
    # without a shared actor anyway, so only co-bucketed events are compared.
    seen: set[tuple[str, str]] = set()
    for fam in sorted(families):
        buckets: dict[str, list[EventRecord]] = defaultdict(list)
        for r in families[fam]:
            for actor in r.projected:
                buckets[actor].append(r)
        for actor in sorted(buckets):
            members = sorted(buckets[actor], key=lambda r: (r.date.start, r.iri))  # type: ignore[union-attr]
            for i, a in enumerate(members):
                assert a.date is not None
                limit = a.date.end + _BLOCK_TOLERANCE
                for b in members[i + 1 :]:
                    assert b.date is not None
                    if b.date.start > limit:
                        break
                    if a.origin == b.origin or a.iri == b.iri:
                        continue
                    if focus is not None and a.iri not in focus and b.iri not in focus:
                        continue
                    pair = (a, b) if a.iri < b.iri else (b, a)
                    key = (pair[0].iri, pair[1].iri)
                    if key not in seen:
                        seen.add(key)
                        yield pair


_Signature = tuple[
    frozenset[str],
    frozenset[tuple[str, str]],
    DateSpan | None,
    frozenset[str],
    frozenset[str],
    frozenset[str],
]


def _signature(r: EventRecord) -> _Signature:
    """Everything :func:`score_pair` reads: records alike in it score alike."""
    return (r.classes, r.actors, r.date, r.places, r.about, r.projected)


def _link(a: EventRecord, b: EventRecord, score: LinkScore) -> EventLink:
    return EventLink(a.iri, b.iri, score) if a.iri < b.iri else EventLink(b.iri, a.iri, score)


def _order(link: EventLink) -> tuple[float, str, str]:
    """Best-scored first, then by IRIs: the order in which pairs join a cluster."""
    return (-link.score.score, link.event1, link.event2)


class _Partition:
    """Union-find over event IRIs, optionally refusing to unite rejected pairs.

    >>> p = _Partition(["a", "b", "c"], rejected={"a": {"c"}, "c": {"a"}})
    >>> p.join("a", "b"), p.join("b", "c"), sorted(map(sorted, p.groups()))
    (True, False, [['a', 'b'], ['c']])
    """

    def __init__(self, items: Iterable[str], *, rejected: Mapping[str, set[str]] | None = None):
        self._parent = {x: x for x in items}
        self._members = {x: {x} for x in self._parent}
        rejected = rejected or {}
        self._banned = {x: set(rejected.get(x, ())) for x in self._parent} if rejected else None

    def find(self, x: str) -> str:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: str, b: str) -> bool:
        """Unite the sets of ``a`` and ``b``; False if already one, or if refused."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        if self._banned is not None:
            if not self._banned[ra].isdisjoint(self._members[rb]):
                return False  # the union would hold a pair a researcher rejected
            self._banned[ra] |= self._banned.pop(rb)
        self._parent[rb] = ra
        self._members[ra] |= self._members.pop(rb)
        return True

    def groups(self) -> list[set[str]]:
        return list(self._members.values())


class SameEventGraph:
    """The same-event pairs of a set of event records, kept compressed by feature groups.

    ``records``: the events to link (one record per IRI is kept). ``rejected``: pairs a
    researcher said are different events. ``focus``: if given, only pairs with an event
    in it are scored (enough for :meth:`neighbours`); :meth:`clusters` needs every pair.
    """

    def __init__(
        self,
        records: Iterable[EventRecord],
        *,
        hierarchy: TypeHierarchy,
        threshold: float = DEFAULT_THRESHOLD,
        rejected: Collection[frozenset[str]] = (),
        focus: Collection[str] | None = None,
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> None:
        by_iri: dict[str, EventRecord] = {}
        for r in sorted(records, key=lambda r: (r.iri, r.graph)):
            by_iri.setdefault(r.iri, r)
        grouped: dict[_Signature, list[EventRecord]] = defaultdict(list)
        for r in by_iri.values():
            grouped[_signature(r)].append(r)
        self.records = by_iri
        self._groups = sorted((tuple(g) for g in grouped.values()), key=lambda g: g[0].iri)
        self._group_of = {r.iri: i for i, g in enumerate(self._groups) for r in g}
        self._rejected: dict[str, set[str]] = defaultdict(set)
        for pair in rejected:
            if len(pair) == 2:
                a, b = sorted(pair)
                self._rejected[a].add(b)
                self._rejected[b].add(a)
        #: group -> [(other group or itself, score)], every scored pair at the threshold
        self._adjacent: dict[int, list[tuple[int, LinkScore]]] = defaultdict(list)
        hot = None if focus is None else {self._group_of[e] for e in focus if e in by_iri}
        self._score(hierarchy=hierarchy, threshold=threshold, weights=weights, hot=hot)

    def _score(
        self, *, hierarchy: TypeHierarchy, threshold: float, weights: Weights, hot: set[int] | None
    ) -> None:
        # One stand-in per group, its own origin, so blocking compares groups, not sources.
        reps = {g[0].iri: i for i, g in enumerate(self._groups)}
        stand_ins = [replace(g[0], origin=g[0].iri) for g in self._groups]
        hot_iris = None if hot is None else {self._groups[i][0].iri for i in hot}
        for a, b in candidate_pairs(stand_ins, hierarchy, focus=hot_iris):
            s = score_pair(a, b, hierarchy=hierarchy, weights=weights)
            if s.gate is None and s.score >= threshold:
                i, j = reps[a.iri], reps[b.iri]
                self._adjacent[i].append((j, s))
                self._adjacent[j].append((i, s))
        for i, group in enumerate(self._groups):
            if len(group) < 2 or (hot is not None and i not in hot):
                continue
            # Two alike records are compared only if blocking would put them together.
            twin = replace(group[0], iri=group[0].iri + "\0", origin="\0")
            if any(True for _ in candidate_pairs([stand_ins[i], twin], hierarchy)):
                s = score_pair(group[0], group[0], hierarchy=hierarchy, weights=weights)
                if s.gate is None and s.score >= threshold:
                    self._adjacent[i].append((i, s))

    def neighbours(self, events: Iterable[str]) -> set[str]:
        """Every record that may be linked to one of ``events`` (a superset).

        >>> SameEventGraph([], hierarchy=TypeHierarchy({})).neighbours(["x"])
        set()
        """
        out: set[str] = set()
        for g in {self._group_of[e] for e in events if e in self._group_of}:
            for j, _s in self._adjacent.get(g, ()):
                out.update(r.iri for r in self._groups[j])
        return out

    def _joined(self, i: int) -> bool:
        """Whether group ``i``'s records are all linked (alike, of two origins or more)."""
        return any(j == i for j, _ in self._adjacent.get(i, ())) and (
            len({r.origin for r in self._groups[i]}) > 1
        )

    def _parts(self, i: int) -> list[tuple[EventRecord, ...]]:
        return [self._groups[i]] if self._joined(i) else [(r,) for r in self._groups[i]]

    def _spanning_pairs(self) -> Iterator[EventLink]:
        """Enough pairs to connect what all pairs connect, linear in the records: a star
        within each joined group, and one pair between two parts of linked groups."""
        for i, group in enumerate(self._groups):
            if not self._joined(i):
                continue
            s = next(s for j, s in self._adjacent[i] if j == i)
            first = group[0]
            other = next(r for r in group if r.origin != first.origin)
            for r in group[1:]:
                yield _link(r, first if r.origin != first.origin else other, s)
        for i in range(len(self._groups)):
            for j, s in self._adjacent.get(i, ()):
                if j <= i:
                    continue
                for part in self._parts(i):
                    for other_part in self._parts(j):
                        pair = next(
                            ((a, b) for a in part for b in other_part if a.origin != b.origin),
                            None,
                        )
                        if pair is not None:
                            yield _link(*pair, s)

    def _all_pairs(self, members: set[str]) -> Iterator[EventLink]:
        """Every scored pair within ``members`` (one component, to be split)."""
        groups = sorted({self._group_of[e] for e in members})
        for i in groups:
            mine = [r for r in self._groups[i] if r.iri in members]
            for j, s in self._adjacent.get(i, ()):
                if j < i or j not in groups:
                    continue
                if j == i:
                    yield from (
                        _link(a, b, s)
                        for n, a in enumerate(mine)
                        for b in mine[n + 1 :]
                        if a.origin != b.origin
                    )
                    continue
                theirs = [r for r in self._groups[j] if r.iri in members]
                yield from (_link(a, b, s) for a in mine for b in theirs if a.origin != b.origin)

    def clusters(self) -> list[EventCluster]:
        """The clusters (two members or more), sorted by first member."""
        spanning = sorted(self._spanning_pairs(), key=_order)
        components = _Partition(self.records)
        for link in spanning:
            components.join(link.event1, link.event2)
        by_root: dict[str, list[EventLink]] = defaultdict(list)
        for link in spanning:
            by_root[components.find(link.event1)].append(link)
        out: list[EventCluster] = []
        for members in components.groups():
            if len(members) < 2:
                continue
            banned = {e: self._rejected[e] & members for e in members if e in self._rejected}
            if not any(banned.values()):
                links = by_root[components.find(next(iter(members)))]
            else:  # a researcher's rejection splits the component: every pair counts
                links = sorted(
                    (
                        x
                        for x in self._all_pairs(members)
                        if x.event2 not in banned.get(x.event1, ())
                    ),
                    key=_order,
                )
            out += _trees(members, links, banned)
        return sorted(out, key=lambda c: c.members)

    def first_matches(self, position: Mapping[str, int]) -> dict[str, EventLink]:
        """For each record of a graph in ``position`` (graph -> its place in the order of
        linking), its best link to a record reported before it: a record of another
        graph (or of the same graph, from another origin) earlier in ``position``, or of a
        graph not in it (already stored). Best: highest score, then earliest.

        The same whether graphs are linked one by one or many at once: the count of
        what each article brought (``ckg ingest``'s "links").
        """

        def key(r: EventRecord) -> tuple[int, str]:
            return (position.get(r.graph, -1), r.iri)

        ordered: dict[int, list[EventRecord]] = {}
        out: dict[str, EventLink] = {}
        for r in self.records.values():
            if r.graph not in position:
                continue
            mine = key(r)
            best: tuple[float, tuple[int, str], EventLink] | None = None
            for j, s in self._adjacent.get(self._group_of[r.iri], ()):
                if j not in ordered:
                    ordered[j] = sorted(self._groups[j], key=key)
                for t in ordered[j]:
                    if key(t) >= mine:
                        break
                    if t.origin != r.origin and t.iri not in self._rejected.get(r.iri, ()):
                        candidate = (-s.score, key(t), _link(r, t, s))
                        if best is None or candidate[:2] < best[:2]:
                            best = candidate
                        break
            if best is not None:
                out[r.iri] = best[2]
        return out


def _trees(
    members: set[str], links: Sequence[EventLink], banned: Mapping[str, set[str]]
) -> list[EventCluster]:
    """Join best pairs first (Kruskal), refusing to unite a rejected pair; one cluster per
    resulting set of two or more, with the pairs that joined it."""
    partition = _Partition(members, rejected=banned or None)
    kept = [link for link in links if partition.join(link.event1, link.event2)]
    by_root: dict[str, list[EventLink]] = defaultdict(list)
    for link in kept:
        by_root[partition.find(link.event1)].append(link)
    return [
        EventCluster(
            tuple(sorted(group)),
            tuple(
                sorted(
                    by_root[partition.find(next(iter(group)))],
                    key=lambda x: (x.event1, x.event2),
                )
            ),
        )
        for group in partition.groups()
        if len(group) > 1
    ]
