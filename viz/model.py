"""What the explorer draws, read from RDF that follows the data contract.

Entities (actors, places, conflicts) with their preferred labels, events with their
roles, dates, confidence and evidence sentences, and standing facts (membership,
non-membership, leadership, office, conflict parties).

>>> from viz.source import TripleIndex, load_file
>>> from kg.resources import data_dir
>>> m = read_model(TripleIndex.from_source(load_file("tests/data/viz-sample.trig")))
>>> m.entities["https://w3id.org/conflict-kg/id/entity/armenia"].label
'Armenien'
>>> sorted({e.type for e in m.events})[:3]
['AssistanceRequest', 'CeasefireDemand', 'MilitaryAction']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.namespaces import CKG, DCTERMS, GEO, OWL, PROV, RDF, RDFS, REFERENCE_GRAPH, SKOS, WD
from kg.vocabulary import (
    SUPERCLASS,
    ActorClass,
    EventClass,
    EventProperty,
    FactClass,
    FactProperty,
    MentionProperty,
    PlaceClass,
    RoleProperty,
    SourceClass,
)
from viz.gcpause import gc_paused
from viz.source import Lit, Term, TripleIndex

__all__ = [
    "ACTOR_CLASSES",
    "EVENT_CLASSES",
    "ROLES",
    "Entity",
    "EventRecord",
    "Evidence",
    "Fact",
    "Model",
    "local_name",
    "read_model",
]

_C = str(CKG)
# The class tree of the contract (kg.vocabulary), so that the explorer works on data loaded
# without the ontology. rdfs:subClassOf triples found in the data extend it.
_PARENTS: dict[str, str] = {c: str(p) for c, p in SUPERCLASS.items()}
EVENT_CLASSES = frozenset(c.value for c in EventClass)
ACTOR_CLASSES = frozenset(c.value for c in ActorClass)

#: Event roles, in the order they are shown.
ROLES = tuple(
    r.value
    for r in (
        RoleProperty.AGENT,
        RoleProperty.ADDRESSEE,
        RoleProperty.PARTICIPANT,
        RoleProperty.MEDIATOR,
        RoleProperty.HAS_ACTOR,
    )
)
_ROLE_IRIS = {r: _C + r for r in ROLES}

_TYPE = str(RDF.type)
_LABEL, _PREF, _ALT = str(RDFS.label), str(SKOS.prefLabel), str(SKOS.altLabel)
_SUBCLASS = str(RDFS.subClassOf)
_SAMEAS = str(OWL.sameAs)
_WD = str(WD)
_NPA = str(OWL.NegativePropertyAssertion)
_SOURCE_IND = str(OWL.sourceIndividual)
_ASSERTION_PROP = str(OWL.assertionProperty)
_TARGET_IND = str(OWL.targetIndividual)
_DERIVED = str(PROV.wasDerivedFrom)
_DCT_SOURCE = str(DCTERMS.source)
_DCT_IDENTIFIER = str(DCTERMS.identifier)
_DCT_TITLE = str(DCTERMS.title)
_DCT_DATE = str(DCTERMS.date)
_LAT, _LONG = str(GEO.lat), str(GEO.long)
_REFERENCE = str(REFERENCE_GRAPH)
#: ckg property IRIs by local name (built once: looked up per subject); ``url`` is no
#: ontology term, but graphs may give an article's address so
_K = {p.value: str(p.iri) for enum in (EventProperty, FactProperty, MentionProperty) for p in enum}
_K["url"] = _C + "url"
#: The classes whose instances (and their sub-classes') are drawn as actors or places.
_DRAWN_ROOTS = frozenset({ActorClass.ACTOR.value, PlaceClass.PLACE.value})
#: The root class of each kind of entity the explorer draws.
_ENTITY_ROOTS = {
    "actor": ActorClass.ACTOR.value,
    "place": PlaceClass.PLACE.value,
    "conflict": FactClass.ARMED_CONFLICT.value,
}
_LONG_LABEL = 28  # labels longer than this are drawn as their shortest German altLabel


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://w3id.org/conflict-kg/ontology#CeasefireDemand")
    'CeasefireDemand'
    """
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or iri


@dataclass(frozen=True)
class Evidence:
    """Where a statement comes from: the sentence and the article it is in."""

    sentence: str | None
    article: str | None
    identifier: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Entity:
    """An actor, place or conflict."""

    iri: str
    label: str
    kind: str  # "actor", "place", "conflict"
    type: str  # the most specific ckg class, e.g. "State"
    alt_labels: list[str] = field(default_factory=list)
    wikidata: str | None = None
    short_label: str | None = None  # an abbreviation to draw instead of a long label
    lat: str | None = None  # geo:lat / geo:long (WGS84 degrees, as written in the data)
    long: str | None = None


@dataclass
class EventRecord:
    """One event with its roles and evidence."""

    iri: str
    type: str
    date: str | None
    confidence: float | None
    roles: dict[str, list[str]]  # role -> actor IRIs
    places: list[str]
    conflicts: list[str]
    claimed_by: list[str]
    evidence: list[Evidence]
    quote: str | None = None
    effective_from: str | None = None
    about: list[str] = field(default_factory=list)  # ckg:about IRIs: a conflict, a region


@dataclass
class Fact:
    """A standing fact between two entities."""

    kind: str  # "memberOf", "notMemberOf", "leads", "office", "party"
    source: str
    target: str
    label: str  # what the edge says, e.g. "not member of", "head of state"
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def grounded(self) -> bool:
        """True if an article states it; False for reference data only (known entities)."""
        return any(e.article for e in self.evidence)


@dataclass
class Model:
    """Everything the explorer draws."""

    entities: dict[str, Entity]
    events: list[EventRecord]
    facts: list[Fact]
    #: each conflict's ckg:location (an event ckg:about one of them is about the conflict)
    conflict_places: dict[str, list[str]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """True if there is nothing to draw."""
        return not (self.entities or self.events or self.facts)


def _first(objs: list[Term] | None) -> Term | None:
    return objs[0] if objs else None


def _iris(objs: list[Term] | None) -> list[str]:
    """The IRIs (and blank nodes) among ``objs``, in their (sorted) order."""
    return [o for o in objs if isinstance(o, str)] if objs else []


def _lit(term: Term | None) -> str | None:
    return term.value if isinstance(term, Lit) else None


def _pick_label(idx: TripleIndex, s: str) -> str | None:
    """``@de``, then ``@en``, then no language, then any other; rdfs:label before skos:prefLabel."""
    for pred in (_LABEL, _PREF):
        lits = [o for o in idx.objects(s, pred) if isinstance(o, Lit)]
        for want in ("de", "en", None):
            for o in lits:
                if (o.lang or "").lower().split("-")[0] == (want or "") or (
                    want is None and not o.lang
                ):
                    return o.value
        if lits:
            return lits[0].value
    return None


class _Classes:
    """The class tree: the contract's, extended by rdfs:subClassOf triples in the data.

    Answers are memoised: there are few classes and one question per subject.
    """

    def __init__(self, idx: TripleIndex) -> None:
        self.parent = dict(_PARENTS)
        for s in idx.subjects():
            if s.startswith(_C):
                for o in idx.objects(s, _SUBCLASS):
                    if isinstance(o, str) and o.startswith(_C):
                        self.parent.setdefault(local_name(s), local_name(o))
        self._ancestors: dict[str, list[str]] = {}
        self._local: dict[str, str | None] = {}
        self._roots: dict[tuple[str, ...], frozenset[str]] = {}
        self._event_type: dict[tuple[str, ...], str] = {}

    def ancestors(self, c: str) -> list[str]:
        found = self._ancestors.get(c)
        if found is None:
            out, seen, x = [c], {c}, c
            while (x := self.parent.get(x, "")) and x not in seen:
                out.append(x)
                seen.add(x)
            found = self._ancestors[c] = out
        return found

    def most_specific(self, types: Iterable[str]) -> str | None:
        """The deepest of ``types`` (ties broken by name, for determinism)."""
        known = sorted(set(types))
        if not known:
            return None
        return max(known, key=lambda c: (len(self.ancestors(c)), c))

    def root(self, c: str) -> str:
        return self.ancestors(c)[-1]

    def roots(self, types: list[str]) -> frozenset[str]:
        """The roots of ``types`` (memoised: subjects share a handful of type lists)."""
        key = tuple(types)
        found = self._roots.get(key)
        if found is None:
            found = self._roots[key] = frozenset(self.root(t) for t in types)
        return found

    def event_type(self, types: list[str]) -> str:
        """The most specific event class among ``types``, else "Event"."""
        key = tuple(types)
        found = self._event_type.get(key)
        if found is None:
            event = EventClass.EVENT.value
            found = self.most_specific(t for t in types if self.root(t) == event) or event
            self._event_type[key] = found
        return found

    def ckg_types(self, idx: TripleIndex, s: str) -> list[str]:
        """The local names of the ckg classes ``s`` is typed with."""
        local, out = self._local, []
        for o in idx.objects(s, _TYPE):
            if isinstance(o, str):
                if o not in local:
                    local[o] = local_name(o) if o.startswith(_C) else None
                name = local[o]
                if name is not None:
                    out.append(name)
        return out


class _Reader:
    def __init__(self, idx: TripleIndex) -> None:
        self.idx = idx
        self.classes = _Classes(idx)
        self._evidence_cache: dict[str, Evidence] = {}
        self._article_cache: dict[str, Evidence] = {}

    def article(self, a: str) -> Evidence:
        """The article's metadata (no sentence)."""
        if a not in self._article_cache:
            idx = self.idx
            url = None
            for pred in (_DCT_SOURCE, _K["url"]):
                for o in idx.objects(a, pred):
                    val = o.value if isinstance(o, Lit) else o
                    if val.startswith(("http://", "https://")):
                        url = val
                        break
                if url:
                    break
            self._article_cache[a] = Evidence(
                sentence=None,
                article=a,
                identifier=_lit(idx.first(a, _DCT_IDENTIFIER)),
                title=_lit(idx.first(a, _DCT_TITLE)),
                date=_lit(idx.first(a, _DCT_DATE)),
                url=url,
            )
        return self._article_cache[a]

    def is_article(self, g: str) -> bool:
        return SourceClass.ARTICLE in self.classes.ckg_types(self.idx, g) or bool(
            self.idx.objects(g, _DCT_IDENTIFIER)
        )

    def mention(self, m: str, graphs: Iterable[str]) -> Evidence:
        if m not in self._evidence_cache:
            get = self.idx.predicates(m).get
            art = _first(get(_K["inArticle"]))
            if not isinstance(art, str):  # fall back on the named graph the statement is in
                art = next((g for g in sorted(graphs) if self.is_article(g)), None)
            meta = self.article(art) if art else Evidence(None, None)
            start, end = _lit(_first(get(_K["start"]))), _lit(_first(get(_K["end"])))
            self._evidence_cache[m] = Evidence(
                sentence=_lit(_first(get(_K["text"]))),
                article=meta.article,
                identifier=meta.identifier,
                title=meta.title,
                date=meta.date,
                url=meta.url,
                start=int(start) if start and start.lstrip("-").isdigit() else None,
                end=int(end) if end and end.lstrip("-").isdigit() else None,
            )
        return self._evidence_cache[m]

    def stated_in(self, s: str, p: str, o: str) -> list[Evidence]:
        """The articles whose named graphs state the triple ``s p o``."""
        graphs = self.idx.triple_graphs(s, p, o)
        return [self.article(g) for g in sorted(graphs) if self.is_article(g)]

    def evidence(self, s: str) -> list[Evidence]:
        """The mentions ``s`` was derived from; else the article graph(s) it is stated in."""
        mentions = [m for m in self.idx.objects(s, _DERIVED) if isinstance(m, str)]
        if mentions:
            return [self.mention(m, self.idx.graphs(s)) for m in mentions]
        return [self.article(g) for g in sorted(self.idx.graphs(s)) if self.is_article(g)]


def _in_range(lat: str | None, long: str | None) -> bool:
    try:
        return -90 <= float(lat or "") <= 90 and -180 <= float(long or "") <= 180
    except ValueError:
        return False


def _coordinates(idx: TripleIndex, iri: str) -> tuple[str | None, str | None]:
    """The entity's geo:lat and geo:long if it has both as numbers in range, else (None,
    None). When sources disagree, a pair stated in one graph, the reference graph first."""
    lats, longs = idx.objects(iri, _LAT), idx.objects(iri, _LONG)
    if not lats or not longs:
        return None, None
    pairs = [(_lit(a), _lit(b)) for a in lats for b in longs]
    if len(pairs) > 1:
        by_graph = sorted(
            (g != _REFERENCE, g, _lit(a), _lit(b))
            for a in lats
            for b in longs
            for g in idx.triple_graphs(iri, _LAT, a) & idx.triple_graphs(iri, _LONG, b)
        )
        pairs = [(a, b) for _, _, a, b in by_graph] or pairs[:1]
    lat, long = pairs[0]
    return (lat, long) if _in_range(lat, long) else (None, None)


def read_model(idx: TripleIndex) -> Model:
    """Read entities, events and standing facts from ``idx`` (see module docstring)."""
    with gc_paused():
        return _read_model(idx)


def _read_model(idx: TripleIndex) -> Model:
    r = _Reader(idx)
    cls = r.classes
    kinds: dict[str, set[str]] = {}  # entity IRI -> kinds suggested by its use

    def use(iri: Term, kind: str) -> None:
        if isinstance(iri, str):
            kinds.setdefault(iri, set()).add(kind)

    events: list[EventRecord] = []
    facts: list[Fact] = []
    conflict_places: dict[str, list[str]] = {}
    subjects = idx.subjects()
    for s in subjects:
        types = cls.ckg_types(idx, s)
        roots = cls.roots(types)
        preds = idx.predicates(s)
        get = preds.get
        if EventClass.EVENT in roots or (
            any(_ROLE_IRIS[r_] in preds for r_ in ROLES[:4])
            and FactClass.ARMED_CONFLICT not in types
        ):
            roles = {role: _iris(get(_ROLE_IRIS[role])) for role in ROLES}
            named = {a for role in ROLES[:4] for a in roles[role]}
            everyone = RoleProperty.HAS_ACTOR.value
            roles[everyone] = [a for a in roles[everyone] if a not in named]
            for actors in roles.values():
                for a in actors:
                    use(a, "actor")
            places = _iris(get(_K["location"]))
            conflicts = _iris(get(_K["partOf"]))
            claimed = _iris(get(_K["claimedBy"]))
            for p in places:
                use(p, "place")
            for c in conflicts:
                use(c, "conflict")
            for c in claimed:
                use(c, "actor")
            conf = _lit(_first(get(_K["confidence"])))
            try:
                confidence = float(conf) if conf is not None else None
            except ValueError:
                confidence = None
            events.append(
                EventRecord(
                    iri=s,
                    type=cls.event_type(types),
                    date=_lit(_first(get(_K["date"]))),
                    confidence=confidence,
                    roles={k: v for k, v in roles.items() if v},
                    places=places,
                    conflicts=conflicts,
                    claimed_by=claimed,
                    evidence=r.evidence(s),
                    quote=_lit(_first(get(_K["quote"]))),
                    effective_from=_lit(_first(get(_K["effectiveFrom"]))),
                    about=_iris(get(_K["about"])),
                )
            )
            continue
        for pred, kind, label in (
            (_K["memberOf"], "memberOf", "member of"),
            (_K["leads"], "leads", "leads"),
        ):
            for o in get(pred, ()):
                if isinstance(o, str):
                    use(s, "actor")
                    use(o, "actor")
                    facts.append(Fact(kind, s, o, label, r.stated_in(s, pred, o)))
        if _NPA in get(_TYPE, ()):
            src = _first(get(_SOURCE_IND))
            prop = _first(get(_ASSERTION_PROP))
            tgt = _first(get(_TARGET_IND))
            if isinstance(src, str) and isinstance(prop, str) and isinstance(tgt, str):
                name = local_name(prop)
                label = "not member of" if name == "memberOf" else f"not {name}"
                kind = "notMemberOf" if name == "memberOf" else "not:" + name
                use(src, "actor")
                use(tgt, "actor")
                facts.append(Fact(kind, src, tgt, label, r.evidence(s)))
        if FactClass.POSITION in types:
            holder = idx.first(s, _K["holder"])
            of = idx.first(s, _K["of"])
            role = idx.first(s, _K["role"])
            if isinstance(holder, str) and isinstance(of, str):
                role_label = (
                    (_pick_label(idx, role) or local_name(role)) if isinstance(role, str) else None
                )
                use(holder, "actor")
                use(of, "actor")
                facts.append(
                    Fact("office", holder, of, role_label or "holds office in", r.evidence(s))
                )
        if FactClass.ARMED_CONFLICT in types:
            use(s, "conflict")
            conflict_places[s] = _iris(get(_K["location"]))
            for role in (RoleProperty.HAS_ACTOR, RoleProperty.PARTY, *ROLES[:4]):
                for o in idx.objects(s, _C + role):
                    if isinstance(o, str):
                        use(o, "actor")
                        facts.append(Fact("party", s, o, "party", r.evidence(s)))
    entities: dict[str, Entity] = {}
    for iri in sorted(kinds):
        types = cls.ckg_types(idx, iri)
        specific = cls.most_specific(t for t in types if cls.root(t) in _DRAWN_ROOTS)
        if specific is not None:
            kind = "actor" if cls.root(specific) == ActorClass.ACTOR else "place"
        elif FactClass.ARMED_CONFLICT in types:
            kind, specific = "conflict", FactClass.ARMED_CONFLICT.value
        else:  # untyped: judge by use, actor first
            used = kinds[iri]
            kind = next(k for k in ("actor", "place", "conflict") if k in used)
            specific = _ENTITY_ROOTS[kind]
        wikidata = next(
            (o for o in idx.objects(iri, _SAMEAS) if isinstance(o, str) and o.startswith(_WD)),
            None,
        )
        label = _pick_label(idx, iri) or local_name(iri)
        alts = sorted(
            {o.value for p in (_ALT, _LABEL) for o in idx.objects(iri, p) if isinstance(o, Lit)}
            - {label}
        )
        short = None
        if len(label) > _LONG_LABEL:
            short = min(
                (
                    o.value
                    for o in idx.objects(iri, _ALT)
                    if isinstance(o, Lit) and (o.lang or "de").startswith("de")
                ),
                key=lambda v: (len(v), v),
                default=None,
            )
        lat, long = _coordinates(idx, iri)
        entities[iri] = Entity(iri, label, kind, specific, alts, wikidata, short, lat, long)
    return Model(entities=entities, events=events, facts=facts, conflict_places=conflict_places)
