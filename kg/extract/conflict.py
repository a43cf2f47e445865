"""Stage 8b: the armed conflict the article is about.

Reads resolved mentions, parsed sentences, time expressions, events and the dictionary;
writes a :class:`~kg.extract.model.Conflict`: a known conflict named in the text or whose
parties and places the article names (at least two of them) and that had begun by the
article's year, else a conflict minted from what the sentences about the fighting say:

* its **start**: the START time expression of a sentence about the fighting breaking out
  ("seit seinem Ausbruch am …", "war im November 2020 ausgebrochen"), lasting ("dauert
  seit 1988 an"), or whose subject is the conflict or a fighter ("der Bürgerkrieg, der seit
  1993 … das Leben gekostet hat", "Die LTTE kämpft seit 1983"); a span ("von 1977 bis
  1992", "zwischen 1998 und 2000"); or a duration before the report ("Nach fünf Jahren
  Bürgerkrieg"). Of two starts of one year the more precise wins.
  Else a point in time in the clause of a start verb ("der im Dezember 1989 begonnene
  Bürgerkrieg"); else the date of the earliest fighting the article reports with one of
  its sides or places (of a known conflict only in the year it began), else the year
  the dictionary gives a known conflict.
* its **sides**: "Kämpfe zwischen A und B", "ein Bürgerkrieg gegen X", the subject of a
  fighting verb or of "Krieg führen", both sides of "bekämpfen", and the signatories of an
  agreement in a sentence about the fighting ("Nach acht Jahren Bürgerkrieg haben A und B
  … unterzeichnet").
* its **place**: a region named in those sentences (or a region of a state named
  anywhere), else the states named there; with two states and no region it is the
  conflict between them, with one a conflict in that state ("Nach zehn Jahren
  Bürgerkrieg haben die Regierung Nepals …").

>>> from kg.extract.pipeline import default_extractor
>>> from kg.articles import parse_article_text
>>> art = parse_article_text("date 2005-08-15 T\\nNach fast drei Jahrzehnten Bürgerkrieg "
...     "haben Indonesien und die Rebellen Frieden geschlossen.\\n", identifier="t.txt",
...     origin="t.txt")
>>> c = default_extractor().analyse(art).conflict
>>> c.label, c.start
('Konflikt in Indonesien', ('1975', 'gYear'))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field, replace

from kg.dictionary import ActorDictionary, class_is
from kg.extract.dates import TimeExpression, TimeKind
from kg.extract.functions import preposition
from kg.extract.lexicon import Lexicon
from kg.extract.model import Conflict, EntityMention, Event, MentionKind, TaggedSentence
from kg.extract.morphology import Morphology
from kg.extract.syntax import clause_bounds
from kg.vocabulary import ActorClass, EventClass, FactClass, PlaceClass, RoleProperty

__all__ = ["find_conflict"]


@dataclass(frozen=True)
class _Cues:
    nouns: frozenset[str]
    civil_nouns: frozenset[str]
    verbs: frozenset[str]
    object_verbs: frozenset[str]
    waging_verbs: frozenset[str]
    onset_nouns: frozenset[str]
    start_verbs: frozenset[str]
    coming_verbs: frozenset[str]
    start_participles: frozenset[str]
    start_words: frozenset[str]
    duration_verbs: frozenset[str]

    @classmethod
    def of(cls, lex: Lexicon) -> _Cues:
        return cls(
            nouns=lex.cue("conflict_nouns"),
            civil_nouns=lex.cue("civil_war_nouns"),
            verbs=lex.cue("conflict_verbs"),
            object_verbs=lex.cue("conflict_object_verbs"),
            waging_verbs=lex.cue("conflict_waging_verbs"),
            onset_nouns=lex.cue("conflict_onset_nouns"),
            start_verbs=lex.cue("conflict_start_verbs"),
            coming_verbs=lex.cue("conflict_coming_verbs"),
            start_participles=lex.cue("conflict_start_participles"),
            start_words=lex.cue("conflict_start_verbs") | lex.cue("conflict_start_nouns"),
            duration_verbs=lex.cue("conflict_duration_verbs"),
        )

    def is_noun(self, lemma: str) -> bool:
        return any(lemma.endswith(c) for c in self.nouns)


@dataclass
class _Evidence:
    """What the sentences about the fighting say of the conflict."""

    parties: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # every place in those sentences
    start: TimeExpression | None = None
    sentence: int | None = None
    civil: bool = False  # a civil war or uprising: fought inside one state
    fighting: list[int] = field(default_factory=list)  # the sentences about the fighting


def find_conflict(
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    exprs: Mapping[int, list[TimeExpression]],
    dictionary: ActorDictionary,
    lex: Lexicon,
    *,
    morph: Morphology,
    year: int | None = None,
    events: Sequence[Event] = (),
) -> Conflict | None:
    """The conflict of the article, or ``None`` where it names none; ``morph``: the
    grammar word lists; ``year``: the article's, which no known conflict that began later
    can be the subject of (a "Bürgerkrieg im Sudan" of 1990 is not the one of 2023);
    ``events``: those whose agreements in a sentence about the fighting name its sides
    ("Nach acht Jahren Bürgerkrieg haben A und B ein Friedensabkommen unterzeichnet")."""
    d = dictionary
    ev = _evidence(sentences, mentions, exprs, d, _Cues.of(lex), morph)
    ev.parties += _peacemakers(ev.fighting, events, mentions, d)
    start = (ev.start.value, ev.start.datatype) if ev.start else None
    fighters = {k for k in ev.parties if d.is_a(k, ActorClass.STATE)}
    known = _known(mentions, d, year, fighters)
    if known is not None:
        e = d[known]
        parties = tuple(dict.fromkeys([*e.rel("party"), *ev.parties]))
        locations = tuple(dict.fromkeys([*e.rel("location"), *ev.locations]))
        return Conflict(
            key=e.key,
            label=e.label_de,
            parties=parties,
            locations=locations,
            start=start
            or _first_fighting(events, {*parties, *locations}, e.rel("since"))
            or next(((y, "gYear") for y in e.rel("since")), None),
            sentence=ev.sentence,
            known=True,
        )
    found = _minted(ev, mentions, d, start)
    if found is not None and found.start is None:
        sides = {*found.parties, *found.locations}
        found = replace(found, start=_first_fighting(events, sides, ()))
    return found


def _first_fighting(
    events: Sequence[Event], sides: Set[str], since: Sequence[str]
) -> tuple[str, str] | None:
    """The date of the earliest fighting the article reports with a side or place of the
    conflict, where no sentence dates its outbreak: "Argentinische Truppen hatten die
    Inseln am 2. April besetzt" starts the Falklands War. Of a known conflict only
    fighting in the year it began counts (an attack of 2016 does not start a war of
    1964)."""
    dated = sorted(
        ev.date
        for ev in events
        if ev.event_class == EventClass.MILITARY_ACTION
        and ev.date is not None
        and sides & {k for _r, k in ev.roles}
        and (not since or ev.date[0][:4] in since)
    )
    return dated[0] if dated else None


def _peacemakers(
    sentences: Sequence[int],
    events: Sequence[Event],
    mentions: Sequence[EntityMention],
    d: ActorDictionary,
) -> list[str]:
    """The sides of an agreement in a sentence about the fighting ("Nach acht Jahren
    Bürgerkrieg haben A und B ein Friedensabkommen unterzeichnet"): states and
    organisations, and for a person the state or organisation of their office."""
    office_of = {
        k: of
        for m in mentions
        for k in m.keys[:1]
        for _role, of, former in m.offices
        if of is not None and not former
    }
    out: list[str] = []
    for e in events:
        if e.sentence not in sentences or EventClass.AGREEMENT not in e.event_class:
            continue
        for role, key in e.roles:
            if role != RoleProperty.PARTICIPANT:
                continue
            key = office_of.get(key, key)
            if d.is_a(key, ActorClass.STATE, ActorClass.ORGANIZATION):
                out.append(key)
    return out


def _known(
    mentions: Sequence[EntityMention],
    d: ActorDictionary,
    year: int | None,
    fighters: Set[str] = frozenset(),
) -> str | None:
    """A dictionary conflict named in the text, or two distinct entities of it named, that
    had begun by ``year`` (and not ended before it); one not named must count among its
    parties or places every state the sentences about the fighting name as a side
    (``fighters``): China invading Vietnam is no war of Vietnam's in Cambodia."""
    named = Counter(k for m in mentions for k in m.keys)
    best: tuple[int, str] | None = None
    for e in d:
        if e.cls != FactClass.ARMED_CONFLICT:
            continue
        if year is not None and any(int(y) > year for y in e.rel("since")):
            continue
        ended = year is not None and any(int(y) < year for y in e.rel("until"))
        # a conflict not named needs two distinct entities of it in the text, and more
        # than two states: a state that is both party and place ("Türkei") is one clue,
        # two states that fought once name no war of theirs (they may be witnesses of a
        # treaty); a region where it is fought ("Transnistrien") or an armed group that
        # fights it ("LRA") says more
        clues = {p for p in (*e.rel("party"), *e.rel("location")) if named[p]}
        score = 10 * named[e.key] + sum(1 if d.is_a(p, ActorClass.STATE) else 2 for p in clues)
        placed = any(p in clues for p in e.rel("location"))
        if not named[e.key] and (
            len(clues) < 2
            or (score < 3 and not placed)
            or ended
            or not fighters <= {*e.rel("party"), *e.rel("location")}
        ):
            continue
        if score >= 2 and (best is None or score > best[0]):
            best = (score, e.key)
    return best[1] if best else None


def _is_about_fighting(ts: TaggedSentence, cues: _Cues) -> bool:
    lemmas = [t.lemma.lower() for t in ts.tokens]
    return any(
        cues.is_noun(lm) or lm in cues.verbs or lm in cues.object_verbs for lm in lemmas
    ) or (
        # the attack on a party named as the war's onset: "Der Angriff auf X begann ..."
        any(lm in cues.onset_nouns for lm in lemmas)
        and any(t.text.lower() == "auf" for t in ts.tokens)
        and any(lm in cues.start_verbs for lm in lemmas)
    )


def _evidence(
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    exprs: Mapping[int, list[TimeExpression]],
    d: ActorDictionary,
    cues: _Cues,
    morph: Morphology,
) -> _Evidence:
    ev = _Evidence()
    onset: tuple[TimeExpression, int, list[str]] | None = None
    for ts in sentences:
        if not _is_about_fighting(ts, cues):
            continue
        ev.fighting.append(ts.sentence.index)
        sms = [m for m in mentions if m.sentence == ts.sentence.index and m.keys]
        ev.parties += _sides(ts, sms, d, cues, morph)
        ev.civil = ev.civil or any(
            any(t.lemma.lower().endswith(c) for c in cues.civil_nouns) for t in ts.tokens
        )
        places = [
            m.keys[0]
            for m in sms
            if m.kind == MentionKind.NAME and d.is_a(m.keys[0], PlaceClass.REGION, ActorClass.STATE)
        ]
        ev.places += places
        start = _start(ts, exprs.get(ts.sentence.index, []), cues)
        if start is None:
            point = _onset_point(ts, exprs.get(ts.sentence.index, []), cues)
            if point is not None and onset is None:
                onset = (point, ts.sentence.index, places)
            continue
        # the first start, unless a later one is more precise: of one year ("Nach zehn
        # Jahren …", then "Seit Beginn des Aufstands im Februar 1996"), or a date after a
        # mere duration ("Nach fast drei Jahrzehnten …", then "Seit 1976 kämpft …")
        if (
            ev.start is None
            or (start.value.startswith(ev.start.value) and len(start.value) > len(ev.start.value))
            or (_approximate(ev.start) and not _approximate(start))
        ):
            ev.start, ev.sentence, ev.locations = start, ts.sentence.index, places
    if ev.start is None and onset is not None:
        # no sentence dates the outbreak with "seit"/"Beginn": the year its start verb names
        ev.start, ev.sentence, ev.locations = onset
    return ev


def _approximate(e: TimeExpression) -> bool:
    """A start reckoned back from a duration ("nach fünf Jahren")."""
    return e.text.lower().startswith("nach")


def _sides(
    ts: TaggedSentence,
    sms: Sequence[EntityMention],
    d: ActorDictionary,
    cues: _Cues,
    morph: Morphology,
) -> list[str]:
    """Sides named in a sentence about the fighting: "zwischen A und B" after a conflict
    word, "gegen X", the subject of a fighting verb or of "einen Krieg führen"."""
    out: list[str] = []
    toks, parse = ts.tokens, ts.parse

    def side(m: EntityMention) -> bool:
        known = d.is_a(m.keys[0], ActorClass.STATE, ActorClass.ORGANIZATION)
        return m.kind != MentionKind.ADJECTIVE and (
            known or class_is(m.cls, ActorClass.ORGANIZATION)
        )

    for j, t in enumerate(toks):
        if t.text.lower() == "zwischen":
            out += [m.keys[0] for m in sms if j < m.first <= j + 5 and side(m)]
    if parse is None:
        return out
    for j, t in enumerate(toks):
        lemma = t.lemma.lower()
        verb = lemma in cues.verbs or lemma in cues.object_verbs
        # "einen Krieg geführt", "den Kriegszustand für beendet erklärt"
        waged = (
            cues.is_noun(lemma)
            and parse.deps[j] == "obj"
            and toks[parse.heads[j]].lemma.lower() in cues.waging_verbs
        )
        if not (verb or (cues.is_noun(lemma) and t.pos.startswith("N"))):
            continue
        heads = [j, parse.heads[j]] if waged else [j]
        mutual = lemma in cues.object_verbs  # "bekämpft die Rebellen": both are sides
        for h in heads:
            for c in parse.children(h):
                subject = (verb or waged) and parse.deps[c] in (
                    ("nsubj", "obj") if mutual else ("nsubj",)
                )
                against = preposition(toks, parse, c, morph=morph) == "gegen"
                if subject and toks[c].pos == "PRELS" and parse.deps[h] == "acl:relcl":
                    c = parse.heads[h]  # "die UÇK, die seit Februar … kämpft"
                if subject or against:
                    # "Äthiopien und Eritrea erklärten …": every conjunct is a side
                    sides = [c, *parse.dependents(c, "conj")]
                    out += [
                        m.keys[0]
                        for m in sms
                        if any(m.first <= x < m.last for x in sides) and side(m)
                    ]
    return out


def _start(ts: TaggedSentence, es: Sequence[TimeExpression], cues: _Cues) -> TimeExpression | None:
    """The START expression of a sentence about the fighting that dates its beginning."""
    starts = [e for e in es if e.kind == TimeKind.START]
    if not starts:
        return None
    lemmas = [t.lemma.lower() for t in ts.tokens]
    if any(
        lm in cues.start_words or any(lm.endswith(w) for w in cues.start_words) for lm in lemmas
    ):
        return starts[0]
    # "Der Konflikt dauert seit 1988 an", "den seit 1999 andauernden Bürgerkrieg"
    if any(lm in cues.duration_verbs or lm[:-1] in cues.duration_verbs for lm in lemmas):
        return starts[0]
    for e in starts:
        words = e.text.lower().split()
        if words[0] in ("von", "zwischen"):
            return e  # "von 1977 bis 1992 einen Bürgerkrieg geführt"
        if words[0] == "nach" and _conflict_word_after(ts, e, cues):
            return e  # "Nach fünf Jahren Bürgerkrieg"
    seit = [e for e in starts if e.text.lower().startswith("seit")]
    if seit and _conflict_acts(ts, cues):
        return seit[0]
    return None


def _onset_point(
    ts: TaggedSentence, es: Sequence[TimeExpression], cues: _Cues
) -> TimeExpression | None:
    """The point in time in the clause of a start verb whose clause names the conflict:
    "Der 1964 begonnene Konflikt", "Der Bürgerkrieg hatte 2014 … begonnen", "1992 kam es
    zu einem kurzen Krieg"."""
    points = [e for e in es if e.kind == TimeKind.POINT]
    for j, t in enumerate(ts.tokens):
        lemma = t.lemma.lower()
        a, b = clause_bounds(ts.tokens, j)
        if not (
            (t.pos.startswith("V") and lemma in cues.start_verbs)
            or (t.pos.startswith("ADJ") and lemma in cues.start_participles)
            or (
                t.pos.startswith("V")
                and lemma in cues.coming_verbs
                and any(x.text.lower() in ("zu", "zum", "zur") for x in ts.tokens[j + 1 : b])
            )
        ):
            continue
        lo, hi = ts.tokens[a].start, ts.tokens[b - 1].end
        if not any(cues.is_noun(x.lemma.lower()) and x.pos.startswith("N") for x in ts.tokens[a:b]):
            continue
        inside = [e for e in points if lo <= e.start < hi]
        if inside:
            return min(inside, key=lambda e: abs(e.start - t.start))
    return None


def _conflict_word_after(ts: TaggedSentence, e: TimeExpression, cues: _Cues) -> bool:
    """A conflict noun within three words after the expression ("Jahren im Kriegszustand")."""
    after = [t for t in ts.tokens if t.start >= e.end][:3]
    return any(cues.is_noun(t.lemma.lower()) and t.pos.startswith("N") for t in after)


def _conflict_acts(ts: TaggedSentence, cues: _Cues) -> bool:
    """The conflict is the subject of a clause ("der Konflikt hat seit 1988 …", "der
    Bürgerkrieg, der seit 1993 …"), or someone fights ("Die LTTE kämpft seit 1983")."""
    parse = ts.parse
    if parse is None:
        return False
    for j, t in enumerate(ts.tokens):
        lemma = t.lemma.lower()
        if (lemma in cues.verbs or lemma in cues.object_verbs) and t.pos.startswith("V"):
            return True
        if not (cues.is_noun(lemma) and t.pos.startswith("N")):
            continue
        if parse.deps[j].startswith("nsubj"):
            return True
        for rel in parse.dependents(j, "acl:relcl"):
            if any(
                ts.tokens[s].pos == "PRELS" for s in parse.dependents(rel, "nsubj", "nsubj:pass")
            ):
                return True
    return False


def _minted(
    ev: _Evidence,
    mentions: Sequence[EntityMention],
    d: ActorDictionary,
    start: tuple[str, str] | None,
) -> Conflict | None:
    """A conflict the dictionary does not hold, from the evidence of the sentences."""
    regions = Counter(k for k in ev.places if _conflict_region(k, d))
    if not regions:
        # a region of a state (it has a "country"), named anywhere: "Darfur", "Aceh"
        regions = Counter(
            k
            for m in mentions
            for k in m.keys
            if d.is_a(k, PlaceClass.REGION) and k in d and d[k].rel("country")
        )
    if regions:
        region = regions.most_common(1)[0][0]
        return Conflict(
            key=f"{region}-conflict",
            label=f"Konflikt um {d[region].label_de}" if region in d else f"Konflikt {region}",
            parties=tuple(dict.fromkeys(ev.parties)),
            locations=tuple(dict.fromkeys([region, *ev.locations])),
            start=start,
            sentence=ev.sentence,
        )
    if start is None:
        return None
    return _between_states(ev, mentions, d, start)


def _conflict_region(key: str, d: ActorDictionary) -> bool:
    """A region that can be a conflict's place: one within a state ("Darfur") or where a
    known conflict is fought ("Kaschmir"), not a continent named in passing ("der älteste
    Konflikt Lateinamerikas")."""
    if not d.is_a(key, PlaceClass.REGION):
        return False
    return bool(key in d and d[key].rel("country")) or any(
        key in e.rel("location") for e in d if e.cls == FactClass.ARMED_CONFLICT
    )


def _between_states(
    ev: _Evidence, mentions: Sequence[EntityMention], d: ActorDictionary, start: tuple[str, str]
) -> Conflict | None:
    """A dated conflict with no region: between the two states its sides ("zwischen A und
    B") or its sentence name, or in the one state that sentence names; else, for a civil
    war or a war with a side that is no state, in the state the article names most; else
    between the two states it names most."""
    states = [k for k in dict.fromkeys(ev.parties) if d.is_a(k, ActorClass.STATE)]
    if len(states) < 2:
        states = list(
            dict.fromkeys([*states, *(k for k in ev.locations if d.is_a(k, ActorClass.STATE))])
        )
    if not states:
        named = Counter(
            k
            for m in mentions
            if m.kind == MentionKind.NAME
            for k in m.keys
            if d.is_a(k, ActorClass.STATE)
        )
        internal = ev.civil or any(not d.is_a(k, ActorClass.STATE) for k in ev.parties)
        states = [k for k, _n in named.most_common(1 if internal else 2)]
    if not states:
        return None
    if len(states) >= 2:
        a, b = sorted(states[:2])
        name_a, name_b = (d[k].label_de if k in d else k for k in (a, b))
        return Conflict(
            key=f"{a}-{b}-conflict",
            label=f"Konflikt zwischen {name_a} und {name_b}",
            parties=tuple(dict.fromkeys([a, b, *ev.parties])),
            locations=(),
            start=start,
            sentence=ev.sentence,
        )
    state = states[0]
    name = d[state].label_de if state in d else state
    return Conflict(
        key=f"{state}-conflict",
        label=f"Konflikt in {name}",
        parties=tuple(dict.fromkeys(ev.parties)),
        locations=(state,),
        start=start,
        sentence=ev.sentence,
    )
