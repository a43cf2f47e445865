"""Stage 6b: event anaphora and topics.

Reads events, tagged sentences, resolved mentions, the dictionary and the lexicon; writes
events with what a sentence says about an event reported before, and with topics:

* "Die Gespräche in X wurden von Y vermittelt" / "Die Vereinbarung war von Y vermittelt
  worden": Y is the mediator of the talks and of the agreement reported in the sentence
  before (a definite noun refers back).
* Signing "das Abkommen" / "eine gemeinsame Erklärung" right after a ceasefire agreement
  was reported: the signed document is that ceasefire agreement.
* "getrennt mit A und B gesprochen": one meeting per partner.
* Condemning a deed named by a definite noun accuses its doer: the actor of the noun's
  genitive ("verurteilte den Angriff der Hamas"), else the agents of the military action
  told last ("Die USA griffen … an. Der Iran verurteilte die Angriffe").
* A dateline city ("Pretoria – ...") is where the lead paragraph's talks and agreements
  took place when the sentence names no city.
* Topics: ceasefire events are about the ceasefire (the German word used) and the regions
  the sentence names; negotiations about their "über X" noun; statements about the
  places, organisations and conflicts they name, and the "von X" noun of "sprach von X".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.dictionary import ActorDictionary, class_is
from kg.extract.depparse import dateline_length
from kg.extract.lexicon import Lexicon
from kg.extract.model import EntityMention, Event, TaggedSentence, Token
from kg.extract.morphology import Morphology, load_morphology
from kg.extract.syntax import clause_bounds, governor, is_subjunctive
from kg.extract.tokens import bracketed
from kg.vocabulary import (
    ActorClass,
    EventClass,
    EventProperty,
    FactClass,
    PlaceClass,
    RoleProperty,
)

__all__ = ["place_events", "resolve_event_anaphora"]

_TALKS = (
    EventClass.MEETING,
    EventClass.NEGOTIATION,
    EventClass.AGREEMENT,
    EventClass.CEASEFIRE_AGREEMENT,
)


def dateline_city(
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    d: ActorDictionary,
    *,
    first_of_several: bool = False,
) -> str | None:
    """The one city of the dateline that opens the first sentence ("Kathmandu – …"), or
    None (none, or several: "Moskau/Tiflis – …"; with ``first_of_several`` the first of
    them, where wire copy names the city the story was filed from)."""
    if not sentences:
        return None
    first = sentences[0]
    toks = first.tokens
    # (the dateline's own length: "Naypyidaw/Bonn (KNA) –" is seven tokens)
    length = dateline_length(toks)
    if not length:
        return None
    dash = length - 1
    agency = bracketed([t.text for t in toks[:dash]])
    cities = [
        m
        for m in mentions
        if m.sentence == first.sentence.index
        and m.last <= dash
        and m.keys
        and m.first not in agency
    ]
    several = len(cities) > 1 or "/" in first.sentence.text[:40]
    if not cities or (several and not first_of_several):
        return None
    city = min(cities, key=lambda m: m.first)
    if d.is_a(city.keys[0], PlaceClass.CITY) or city.cls == PlaceClass.CITY:
        return city.keys[0]
    return None


def _origin(ts: TaggedSentence, m: EntityMention, morph: Morphology) -> bool:
    """The mention is where the people of a noun come from: an "aus" phrase the parse
    hangs on a noun ("Hunderttausende Flüchtlinge aus Darfur")."""
    if ts.parse is None or governor(ts.tokens, m, None, morph=morph) != "aus":
        return False
    head = m.last - 1
    return ts.parse.deps[head] == "nmod" and ts.tokens[ts.parse.heads[head]].pos == "NN"


def place_events(
    events: Sequence[Event],
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    conflict_places: Sequence[str],
    dictionary: ActorDictionary,
    *,
    morph: Morphology | None = None,
) -> tuple[Event, ...]:
    """Places of deployments, fighting and protests: a city or region the sentence names
    ("darunter die Stadt Schuscha"), else "die Region" = the region of the conflict, else
    the place of the same kind of event told just before, where the clause is not
    reported speech (``morph``: its ``reporting_subjunctives``)."""
    morph = morph or load_morphology()
    # the subjunctive of reported speech: "seien", and "hätten" where the first
    # subjunctive equals the indicative
    reported = morph.subjunctive_forms | morph.reporting_subjunctives
    d = dictionary
    by_index = {ts.sentence.index: ts for ts in sentences}
    # the dateline ("Tripolis (AFP) – …") says where the story was filed: the fighting
    # of its first sentence is where that sentence says, if it names a place
    first = sentences[0] if sentences else None
    opening = dateline_length(first.tokens) if first is not None else 0
    placed = (EventClass.DEPLOYMENT, EventClass.MILITARY_ACTION, EventClass.PROTEST)
    # the clauses of speech acts and other verbs: "…, sagte X in Kiew", "…, warf X Moskau
    # vor" place the saying, not what is said
    speech = {
        (e.sentence, clause_bounds(by_index[e.sentence].tokens, e.trigger.first))
        for e in events
        if e.event_class not in placed and not e.trigger.nominal
    }
    out: list[Event] = []
    for ev in events:
        if ev.event_class in placed and not ev.actors(EventProperty.LOCATION):
            ts = by_index[ev.sentence]
            said = [
                (a, b) for s, (a, b) in speech if s == ev.sentence and not a <= ev.trigger.first < b
            ]
            here = [
                m
                for m in mentions
                if m.sentence == ev.sentence
                and not any(a <= m.first < b for a, b in said)
                and m.keys
                and (
                    d.is_a(m.keys[0], PlaceClass.CITY, PlaceClass.REGION)
                    # a place the article introduces ("bei Ras Doumeira", "das Ölfeld X")
                    or (m.keys[0] not in d and class_is(m.cls, PlaceClass.PLACE))
                )
                and m.keys[0] not in ev.actors()
                # where people come from is not where it happens ("Flüchtlinge aus Darfur",
                # the phrase on a noun; "aus Mogadischu vertrieben" is on the verb)
                and not _origin(ts, m, morph)
            ]
            # the dateline's place only where the sentence names no other
            named = [m for m in here if not (ts is first and m.first < opening)]
            places = [m.keys[0] for m in (named or here)]
            if (
                not places
                and conflict_places
                and any(t.lemma.lower() in ("region", "gebiet") for t in ts.tokens)
            ):
                places = [conflict_places[0]]
            if (
                not places
                and ev.actors()
                and not said
                and not is_subjunctive(ts.tokens, ev.trigger.first, forms=reported)
            ):
                # (what someone says happened is placed by what they say, not by the story)
                places = _told_place(ev, out)
            ev = replace(
                ev, roles=(*ev.roles, *((EventProperty.LOCATION, p) for p in dict.fromkeys(places)))
            )
        out.append(ev)
    return tuple(out)


def _condemned_deeds(
    events: Sequence[Event],
    by_index: dict[int, TaggedSentence],
    mentions: Sequence[EntityMention],
    dictionary: ActorDictionary,
    lex: Lexicon,
) -> list[Event]:
    """Who is condemned for a deed named by a definite noun: the actor of its genitive
    ("verurteilte den Angriff der Hamas"), else the agents of the military action told
    last (:func:`_deed_told`: "Die USA griffen Stellungen der Huthis an. Der Iran
    verurteilte die Angriffe": the USA are condemned)."""
    out = list(events)
    for k, ev in enumerate(out):
        if ev.event_class != EventClass.ACCUSATION or ev.actors(RoleProperty.ADDRESSEE):
            continue
        toks = by_index[ev.sentence].tokens
        named = _deed_named(toks, ev.trigger.first, lex.military_action_nouns)
        if named is None:
            continue
        doer = _genitive_doer(
            toks, named, [m for m in mentions if m.sentence == ev.sentence], dictionary
        )
        deed = None if doer is not None else _deed_told(out, ev.sentence, named, by_index)
        accused = (doer,) if doer is not None else deed.actors(RoleProperty.AGENT) if deed else ()
        out[k] = replace(ev, roles=(*ev.roles, *((RoleProperty.ADDRESSEE, a) for a in accused)))
    return out


def _deed_named(toks: Sequence[Token], verb: int, deeds: tuple[str, ...]) -> int | None:
    """The definite noun of a military action in the verb's clause after it ("verurteilte
    die jüngsten Angriffe"), or None."""
    _a, b = clause_bounds(toks, verb)
    for j in range(verb + 1, b):
        if toks[j].pos == "NN" and toks[j].lemma.lower().endswith(deeds):
            i = j - 1
            while i >= 0 and toks[i].pos.startswith("ADJ"):
                i -= 1
            # (HanTa's lemma of every definite article is "der")
            if i >= 0 and toks[i].pos == "ART" and toks[i].lemma.lower() == "der":
                return j
    return None


def _genitive_doer(
    toks: Sequence[Token], noun: int, ms: Sequence[EntityMention], d: ActorDictionary
) -> str | None:
    """The actor in the genitive right after a deed's noun ("den Angriff der Hamas", "die
    Angriffe Russlands"), not a place ("den Angriff auf Kiew" names none), or None."""
    after = toks[noun + 1].text.lower() if noun + 1 < len(toks) else ""
    for m in ms:
        if (
            m.keys
            and m.first in (noun + 1, noun + 2)
            and after in ("der", "des", m.text.split()[0].lower())
            and not d.is_a(m.keys[0], PlaceClass.PLACE, PlaceClass.REGION, PlaceClass.CITY)
            and not class_is(m.cls, PlaceClass.PLACE)
        ):
            return m.keys[0]
    return None


def _deed_told(
    events: Sequence[Event],
    sentence: int,
    noun: int,
    by_index: dict[int, TaggedSentence],
    *,
    reach: int = 2,
) -> Event | None:
    """The military action with an agent told last before the noun at ``noun``, up to
    ``reach`` sentences back, else the first one of the story's lead paragraph, or None."""
    acts = [
        o
        for o in events
        if o.event_class == EventClass.MILITARY_ACTION and o.actors(RoleProperty.AGENT)
    ]
    before = [
        o
        for o in acts
        if sentence - reach <= o.sentence and (o.sentence, o.trigger.first) <= (sentence, noun)
    ]
    if before:
        return max(before, key=lambda o: (o.sentence, o.trigger.first))
    first_paragraph = min((ts.sentence.paragraph for ts in by_index.values()), default=0)
    lead = [
        o
        for o in acts
        if by_index[o.sentence].sentence.paragraph == first_paragraph and o.sentence < sentence
    ]
    return lead[0] if lead else None


def _told_place(ev: Event, before: Sequence[Event], *, reach: int = 1) -> list[str]:
    """The place of the same kind of event told just before (up to ``reach`` sentences
    back), for one whose sentence names none: "Kämpfer griffen ein Hotel in Mogadischu
    an. Am Dienstag stürmten Soldaten das Gebäude" is in Mogadishu."""
    for prev in reversed(before):
        if prev.sentence < ev.sentence - reach:
            break
        if prev.sentence < ev.sentence and prev.event_class == ev.event_class:
            places = list(prev.actors(EventProperty.LOCATION))
            if places:
                return places
    return []


def _there(
    ev: Event, ts: TaggedSentence, mentions: Sequence[EntityMention], d: ActorDictionary
) -> str | None:
    """The place "dort" in the event's clause refers to: the last place named before it,
    in the sentence or the one before ("reiste nach Ost-Berlin und hatte dort mit X
    verhandelt", "… nach Genf. Dort verhandeln …")."""
    toks = ts.tokens
    a, b = clause_bounds(toks, ev.trigger.first)
    at = next((j for j in range(a, b) if toks[j].text.lower() == "dort"), None)
    if at is None:
        return None
    places = [
        m
        for m in mentions
        if m.keys
        and (m.sentence == ev.sentence - 1 or (m.sentence == ev.sentence and m.last <= at))
        and (
            d.is_a(m.keys[0], PlaceClass.PLACE, ActorClass.STATE)
            or class_is(m.cls, PlaceClass.PLACE)
        )
    ]
    return max(places, key=lambda m: (m.sentence, m.first)).keys[0] if places else None


def _without_talks_told_again(
    events: list[Event], by_index: dict[int, TaggedSentence]
) -> list[Event]:
    """A meeting or talks framing a later clause by a definite noun with no partner of
    its own ("Nach dem Treffen sagte Natalegawa …") is the one reported before, not
    another: dropped where one of its class was."""
    out: list[Event] = []
    for ev in events:
        if ev.trigger.framing and ev.event_class in (EventClass.MEETING, EventClass.NEGOTIATION):
            toks = by_index[ev.sentence].tokens
            j = ev.trigger.first - 1
            while j > 0 and toks[j].pos == "ADJ(A)":
                j -= 1
            definite = j >= 0 and toks[j].text.lower() in ("dem", "der", "den", "des", "diesem")
            own_partner = any(
                t.text.lower() in ("mit", "zwischen")
                for t in toks[ev.trigger.last : ev.trigger.last + 3]
            )
            told = any(o.event_class == ev.event_class and o.sentence < ev.sentence for o in events)
            if definite and not own_partner and told:
                continue
        out.append(ev)
    return out


def resolve_event_anaphora(
    events: Sequence[Event],
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    dictionary: ActorDictionary,
    lex: Lexicon,
) -> tuple[Event, ...]:
    d = dictionary
    by_index = {ts.sentence.index: ts for ts in sentences}
    out = list(events)
    # mediation of the talks just reported
    for ev in list(out):
        if ev.event_class != EventClass.MEDIATION:
            continue
        ts = by_index[ev.sentence]
        if is_subjunctive(ts.tokens, ev.trigger.first):
            continue  # "..., die von den USA vermittelt worden seien": a claim, not a fact
        said = ev.trigger.passive and any(
            lex.lemma_in(t.lemma, "talks") or lex.lemma_in(t.lemma, "document")
            for t in ts.tokens[: ev.trigger.first]
        )  # "Die Gespräche ..." / "Die Vereinbarung war von X vermittelt worden"
        # a mediation between no one named: of what was just told ("Vermittelt hatte das
        # Gremium der AU", "Als Vermittler unterschrieb auch der Emir")
        if not (said or not ev.actors(RoleProperty.PARTICIPANT)):
            continue
        # the talks or agreement reported last, in this sentence or up to two before
        # ("... in Kraft getreten. Sie gilt seit ... Die Vereinbarung war von X vermittelt")
        near = [
            o.sentence
            for o in out
            if o.event_class in _TALKS and ev.sentence - 2 <= o.sentence <= ev.sentence
        ]
        for k, other in enumerate(out):
            if near and other.sentence == max(near) and other.event_class in _TALKS:
                extra = tuple(
                    (RoleProperty.MEDIATOR, a)
                    for a in ev.actors(RoleProperty.AGENT)
                    if (RoleProperty.MEDIATOR, a) not in other.roles
                )
                out[k] = replace(other, roles=other.roles + extra)
    # signing a document right after a ceasefire agreement
    for n, ev in enumerate(out):
        if ev.event_class != EventClass.AGREEMENT:
            continue
        lemma = by_index[ev.sentence].tokens[ev.trigger.first].lemma.lower()
        if lemma not in ("unterzeichnen", "unterschreiben", "paraphieren", "besiegeln"):
            continue
        toks = by_index[ev.sentence].tokens
        definite = any(
            t.text.lower() in ("das", "die", "den", "dieses", "diese")
            and n2 + 1 < len(toks)
            and lex.lemma_in(toks[n2 + 1].lemma, "document")
            for n2, t in enumerate(toks)
        )
        if any(
            o.event_class == EventClass.CEASEFIRE_AGREEMENT
            and (definite or ev.sentence - 2 <= o.sentence)
            and o.sentence < ev.sentence
            for o in out
        ):
            out[n] = replace(ev, event_class=EventClass.CEASEFIRE_AGREEMENT)
    out = _without_talks_told_again(out, by_index)
    # one meeting per partner when met separately
    split: list[Event] = []
    for ev in out:
        ts = by_index[ev.sentence]
        parts = ev.actors(RoleProperty.PARTICIPANT)
        if (
            ev.event_class == EventClass.MEETING
            and len(parts) > 1
            and any(t.text.lower() == "getrennt" for t in ts.tokens)
        ):
            rest = tuple(r for r in ev.roles if r[0] != RoleProperty.PARTICIPANT)
            for s, p in enumerate(parts):
                split.append(replace(ev, roles=(*rest, (RoleProperty.PARTICIPANT, p)), split=s))
        else:
            split.append(ev)
    out = _condemned_deeds(split, by_index, mentions, d, lex)
    city = dateline_city(sentences, mentions, d, first_of_several=True)
    first_para = sentences[0].sentence.paragraph if sentences else 0
    result: list[Event] = []
    for ev in out:
        ts = by_index[ev.sentence]
        sms = [m for m in mentions if m.sentence == ev.sentence and m.keys]
        if city and ts.sentence.paragraph == first_para and ev.event_class in _TALKS:
            locs = ev.actors(EventProperty.LOCATION)
            if not any(d.is_a(k, PlaceClass.CITY) for k in locs):
                ev = replace(ev, roles=(*ev.roles, (EventProperty.LOCATION, city)))
        there = _there(ev, ts, mentions, d)
        if there is not None and not ev.actors(EventProperty.LOCATION):
            ev = replace(ev, roles=(*ev.roles, (EventProperty.LOCATION, there)))
        if ev.event_class in _TALKS and not ev.actors(EventProperty.LOCATION):
            # talks told again without their place are held where they were told first
            # ("Die Gespräche hatten die Delegationen Mitte Februar aufgenommen")
            held = _told_place(ev, result, reach=ev.sentence)
            ev = replace(ev, roles=(*ev.roles, *((EventProperty.LOCATION, p) for p in held)))
        lemmas = [t.lemma for t in ts.tokens]
        about: list[str] = []
        topics: list[str] = []
        if ev.event_class in (
            EventClass.CEASEFIRE_AGREEMENT,
            EventClass.CEASEFIRE_DEMAND,
            EventClass.NEGOTIATION,
            EventClass.AGREEMENT,
        ):
            for j, t in enumerate(ts.tokens):
                if t.pos == "NN" and lex.concept_at(lemmas, j, "ceasefire"):
                    topics.append(t.lemma)
            about += [
                m.keys[0]
                for m in sms
                if d.is_a(m.keys[0], PlaceClass.REGION, FactClass.ARMED_CONFLICT)
            ]
        if ev.event_class == EventClass.NEGOTIATION:
            for j, t in enumerate(ts.tokens):
                if t.text.lower() == "über":
                    noun = next((x for x in ts.tokens[j + 1 : j + 5] if x.pos == "NN"), None)
                    if noun is not None:
                        topics.append(noun.lemma)
        if ev.event_class == EventClass.STATEMENT:
            agents = set(ev.actors(RoleProperty.AGENT))
            about += [
                m.keys[0]
                for m in sms
                if m.keys[0] not in agents
                and (
                    d.is_a(
                        m.keys[0],
                        PlaceClass.REGION,
                        FactClass.ARMED_CONFLICT,
                        ActorClass.ORGANIZATION,
                        ActorClass.STATE,
                    )
                    or class_is(m.cls, ActorClass.ORGANIZATION)
                )
            ]
            for j, t in enumerate(ts.tokens):
                if (
                    t.text.lower() == "von"
                    and j > 0
                    and ts.tokens[j - 1].lemma.lower() == "sprechen"
                ):
                    noun = next((x for x in ts.tokens[j + 1 : j + 5] if x.pos == "NN"), None)
                    if noun is not None:
                        topics.append(noun.lemma)
                if t.text.lower() == "von" and any(
                    x.lemma.lower() == "sprechen" for x in ts.tokens[:j]
                ):
                    noun = next((x for x in ts.tokens[j + 1 : j + 5] if x.pos == "NN"), None)
                    if noun is not None:
                        topics.append(noun.lemma)
        result.append(
            replace(ev, about=tuple(dict.fromkeys(about)), topics=tuple(dict.fromkeys(topics)))
        )
    return tuple(result)
