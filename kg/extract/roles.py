"""Stage 6: assign roles to triggers from German syntax, and resolve references.

Reads the tagged sentences, entity mentions, triggers, the dictionary and the lexicon;
writes :class:`~kg.extract.model.Event` records (without dates, which the timing stage
adds) and the final, resolved mentions.

Syntax: the subject is the actor phrase in the Vorfeld before the finite verb, or the
first one after it ("Am Freitag kamen Armenien und Aserbaidschan zusammen"); in a
relative clause the antecedent; an apposition before the verb ("X, Präsident von Y,
sagte") still counts. Objects are the other unprepositioned phrases; "dem/den/einem"
mark them as not-subject. Prepositions name the slot ("mit X", "gegenüber X", "zwischen
A und B"); "unter Vermittlung X" gives the mediator and "auf Einladung/Initiative X"
the agent of any event; "in X" with a place gives the location. In the passive, "von X"
fills the subject's role. Coordination ("A und B", "A, B und C") shares the slot.

References: "beide Seiten", "die Konfliktparteien" resolve to the sides of the latest
multi-party event, else to the parties of the conflict; "die drei Staaten" to the last
three states; "sein Land" to the country of the nearest person; "er" to the last person;
"der russische Staatschef" to the person holding that office of that state; a capital
that acts ("Moskau bemüht sich") to its state, while "in Moskau" stays the city.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace

from kg.dictionary import ActorDictionary, class_is
from kg.extract.anaphora import dateline_city
from kg.extract.depparse import dateline_length
from kg.extract.facilities import FacilityNouns, facility_noun
from kg.extract.functions import (
    argument_slots,
    attribute_arguments,
    auxiliaries,
    complement_subjects,
    mention_head,
    participle_attribute,
    preposition,
)
from kg.extract.lexicon import Lexicon
from kg.extract.model import (
    EVENT_ROLES,
    EntityMention,
    Event,
    EventRole,
    MentionKind,
    Parse,
    TaggedSentence,
    Token,
    Trigger,
)
from kg.extract.morphology import load_morphology
from kg.extract.syntax import NP_INNER, clause_bounds, finite_verb, governor, is_temporal_noun
from kg.vocabulary import (
    ActorClass,
    EventClass,
    EventProperty,
    FactClass,
    PlaceClass,
    RoleProperty,
)

__all__ = ["Discourse", "RoleAssigner"]

_LOCATIVE = {"in", "nach", "bei", "aus", "auf", "vor", "entlang"}
# the prepositions of a facility an event happens in or at ("im Hauptquartier", "auf das
# Hafengelände", "vor der Botschaft")
_FACILITY_PREPOSITIONS = {"in", "auf", "an", "bei", "vor"}
_NOT_SUBJECT_ART = {"dem", "den", "einem", "einen", "des", "eines", "einer"}
# the roles a pattern's frame may name (its other values, such as "about", give no role)
_ROLE = {r.value: r for r in EVENT_ROLES}
_BROKERED = (EventClass.AGREEMENT, EventClass.CEASEFIRE_AGREEMENT, EventClass.NEGOTIATION)
_AGREED = (EventClass.AGREEMENT, EventClass.CEASEFIRE_AGREEMENT)
_SUBORDINATORS = {"KOUS", "PWAV", "PWS", "KOUI", "PRELS", "APPR", "APPRART"}


@dataclass
class Discourse:
    """What the article has named so far (updated sentence by sentence)."""

    persons: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    towns: list[str] = field(default_factory=list)  # the cities named so far
    # the facilities named with their place so far: (facility noun, place)
    facilities: list[tuple[str, str]] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    armed_groups: list[str] = field(default_factory=list)  # known or named by the article
    offices: dict[tuple[str, str], str] = field(default_factory=dict)  # (role, of) -> person
    person_of: dict[str, str] = field(default_factory=dict)  # person -> state
    sides: tuple[str, ...] = ()
    conflict_parties: tuple[str, ...] = ()
    home: str | None = None  # the state the story is about (its headline's)
    # salience for "er"/"ihm": where the last person was named, and where the last
    # masculine or neuter thing stood as an argument ("Die Maoisten gehören dem Bündnis
    # nicht an. Mit ihm …": "ihm" is the alliance, not the king named before)
    last_person_at: tuple[int, int] = (-1, -1)
    last_thing_at: tuple[int, int] = (-1, -1)
    subject_person: str | None = None  # the person subject of the sentence just read
    subject_keys: tuple[str, ...] = ()  # what the main clause's subject of that sentence named
    subject_plural: bool = False  # that subject's verb is plural ("Die Rebellen griffen an")
    mediators: set[str] = field(default_factory=set)  # who mediated what was told so far
    last_thing: str | None = None  # the entity that thing is, when it is one
    last_thing_neuter: bool = False  # that thing is neuter: "ihm" may mean it, "er" not
    pair: tuple[str, ...] = ()  # the last reference to two ("die beiden Nachbarn")
    # the last word of each actor's name, with the actor ("militärkoalition" of "die von
    # Saudi-Arabien angeführte Militärkoalition"): "die Koalition" refers back to it
    heads: list[tuple[str, str]] = field(default_factory=list)
    dateline_state: str | None = None  # the state whose capital the dateline names
    titled: list[tuple[str, str]] = field(default_factory=list)  # (office, person) named
    minted: dict[str, str] = field(default_factory=dict)  # the article's own entities' classes
    # the armed groups the whole article names: "die größte Rebellengruppe des Landes" in
    # a lead that names the group only later is the one group the article is about
    article_armed: tuple[tuple[int, int, str], ...] = ()  # (sentence, token, key)


class _ActingNouns:
    """Nouns whose genitive acts through them: proxies ("Vertreter der Armee"), government
    nouns ("die Regierung Kenias") and titles without a name ("Die Verteidigungsminister
    Indiens und Chinas kamen zusammen")."""

    def __init__(self, proxies: frozenset[str], lexicon: Lexicon) -> None:
        self._proxies = proxies
        self._lexicon = lexicon
        # "das Gemeinsame Operationskommando der irakischen Streitkräfte": compounds too
        self._heads = tuple(sorted(lexicon.ref("government_compound_heads")))

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and (
            lemma in self._proxies
            or lemma.endswith(self._heads)
            or self._lexicon.title_role(lemma) is not None
        )


#: How far a title's named person may stand after it ("der katarische Ministerpräsident
#: und Außenminister, Scheich X": a coordination or a genitive in between).
_APPOSITION_REACH = 8


@dataclass
class _Functions:
    """Phrases by grammatical function for one trigger (from the parse)."""

    subj: list[EntityMention] = field(default_factory=list)
    objs: list[list[EntityMention]] = field(default_factory=list)
    pass_subj: list[EntityMention] = field(default_factory=list)
    agents: list[EntityMention] = field(default_factory=list)
    # phrases with a preposition the parse attaches to the trigger ("mit A, B und C")
    preps: list[tuple[str, list[EntityMention]]] = field(default_factory=list)
    # the parse gives a subject that names no known actor ("Rebellen haben die Stadt X
    # angegriffen"): no other phrase may take the subject's role
    unnamed_subject: bool = False
    pred: int = -1  # the verb whose functions these are


def _in_attribute(
    tokens: Sequence[Token], grp: Sequence[EntityMention], trigger: int, residence: Set[str]
) -> bool:
    """The place's phrase stands in an attribute of residence (``residence``: lemmas of
    "lebend", "ansässig", …) between an article and a noun other than the trigger ("Der
    in Hamburg lebende Sprecher sprach …"): where someone lives, not where the event
    happens ("die in Genf versammelten Minister einigten sich" are where they agreed).

    >>> from kg.extract.model import Sentence
    >>> from kg.extract.tokens import Tagger
    >>> toks = Tagger().tag(Sentence(0, 0, 42, "Der in Hamburg lebende Sprecher sprach.")).tokens
    >>> m = EntityMention(0, 2, 3, 7, 14, "Hamburg", MentionKind.NAME, ("hamburg",))
    >>> _in_attribute(toks, [m], 5, {"lebend"}), _in_attribute(toks, [m], 4, {"lebend"})
    (True, False)
    """
    before, after = grp[0].first - 2, grp[-1].last
    return (
        before >= 0
        and tokens[before].pos in ("ART", "PDAT", "PPOSAT", "PIAT")
        and after + 1 < len(tokens)
        and tokens[after].pos == "ADJ(A)"
        and tokens[after].lemma.lower() in residence
        and tokens[after + 1].pos in ("NN", "NE")
        and after + 1 != trigger
    )


@dataclass(frozen=True)
class _Clause:
    """A trigger's clause: its bounds, its finite verb and that verb's clause, the
    sentence's phrases with their governors (and those of the clause), the frame."""

    ts: TaggedSentence
    trig: Trigger
    a: int
    b: int
    fin: int
    fa: int
    fb: int
    groups: list[tuple[str, list[EntityMention]]]
    clause_groups: list[tuple[str, list[EntityMention]]]
    frame: dict[str, str]


class _Roles:
    """An event's roles in the order they are found, each (role, key) once."""

    def __init__(self) -> None:
        self.items: list[tuple[EventRole, str]] = []

    def add(self, role_name: str | None, keys: Sequence[str]) -> None:
        role = _ROLE.get(role_name) if role_name else None
        if role is None:
            return
        for k in keys:
            if (role, k) not in self.items:
                self.items.append((role, k))


def _bare_phrase(p: Parse, j: int) -> bool:
    """The noun at ``j`` and the nouns whose genitive chain it closes stand in no
    prepositional phrase ("die ersten Soldaten der Friedensmission der AU sind
    eingetroffen"; not "bei den Gefechten mit Einheiten der Panzerdivision")."""
    for _ in range(6):
        if any(p.deps[c] == "case" for c in p.children(j)):
            return False
        if p.deps[j] != "nmod" or p.heads[j] == j:
            break
        j = p.heads[j]
    return True


def _masculine_nominative(toks: Sequence[Token], first: int) -> bool:
    """The person's phrase opening at ``first`` reads as a man's nominative: "der", then
    adjectives in -e, then a noun not in -n or -in ("der belarussische Präsident", "der
    Sondergesandte"; not "der Präsidentin", "der Rebellen")."""
    j = first - 1
    while j >= 0 and toks[j].pos == "ADJ(A)":
        j -= 1
    k = j + 1
    while k < len(toks) and toks[k].pos == "ADJ(A)":
        k += 1
    noun = toks[k] if k < len(toks) else None
    return (
        j >= 0
        and toks[j].text == "der"
        and all(t.text.endswith("e") for t in toks[j + 1 : k])
        and noun is not None
        and noun.pos in ("NN", "NE")
        and not noun.text.endswith(("n", "in"))
    )


def _one_person(groups: Sequence[Sequence[EntityMention]]) -> bool:
    """The phrases name one person and only the states or bodies of that person's
    offices ("der Sprecher der ruandischen Streitkräfte, X": the title, Rwanda, X)."""
    people = {k for g in groups for m in g if m.cls == ActorClass.PERSON for k in m.keys}
    offices = {of for g in groups for m in g for _r, of, _f in m.offices}
    return len(people) == 1 and all(
        m.cls == ActorClass.PERSON or set(m.keys) <= offices for g in groups for m in g
    )


def _adjective_framing(toks: Sequence[Token], k: int, gov: str) -> str | None:
    """The framing phrase whose noun at ``k`` a state's adjective names, as a genitive
    would: "unter russischer Vermittlung" (the state mediates), "auf ägyptische Einladung",
    "auf amerikanische Initiative" (the state acts); ``gov``: the phrase's preposition."""
    noun = toks[k].lemma.lower() if k < len(toks) else ""
    if (gov, noun) in (("unter", "vermittlung"), ("auf", "einladung"), ("auf", "initiative")):
        return f"{gov} {noun}"
    return None


class RoleAssigner:
    """Build once; :meth:`assign` turns one article's triggers into events."""

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.d = dictionary
        self.lex = lexicon
        self.morph = load_morphology()
        # the concepts of things, as one alternation for Lexicon.concept_at
        self._things = "|".join(sorted(lexicon.cue("inanimate_concepts")))
        self._implies = lexicon.role_implies
        self._proxies = lexicon.cue("proxy_nouns")
        self._presence = lexicon.cue("presence_phrases")
        self._facilities = FacilityNouns(
            lexicon.cue("facility_nouns"),
            lexicon.cue("facility_reference_nouns"),
            # ("der", left out of that list for it is nominative too, opens the genitive
            # of a feminine or plural noun: "die Residenz der Botschafterin in Lima")
            genitives=self.morph.genitive_determiners | {"der"},
        )
        # the articles (or none, "") before a name a possessive can refer to
        self._articles_of = {
            "sein": lexicon.ref("possessive_antecedents_sein"),
            "ihr": lexicon.ref("possessive_antecedents_ihr"),
        }
        # "dessen" agrees as "sein" does, "deren" as "ihr"
        self._as_possessive = {
            **{w: "sein" for w in lexicon.ref("relative_possessives_sein")},
            **{w: "ihr" for w in lexicon.ref("relative_possessives_ihr")},
        }
        # "die Regierung Kenias", "Kenias Armee": the state acts through its government too
        self._acting = _ActingNouns(self._proxies | lexicon.ref("government_nouns"), lexicon)
        # the concept of each pattern's object and subject, for the slots "obj-gen" and
        # "subj-gen"
        self._noun_concepts = {
            (p.id, slot): str(dict(p.with_)[cond])
            for p in lexicon.patterns
            for slot, cond in (("obj-gen", "object"), ("subj-gen", "subject"))
            if slot in dict(p.frame) and cond in dict(p.with_)
        }
        self._mediation_verbs = frozenset(
            v for p in lexicon.patterns if p.event_class == EventClass.MEDIATION for v in p.verbs
        )
        self._modals = lexicon.cue("irrealis_modals")
        self._masc_neut_det = lexicon.ref("masculine_neuter_determiners")
        self._neuter_det = lexicon.ref("neuter_determiners")
        self._demonstratives = lexicon.ref("demonstratives")
        self._irrealis_forms = lexicon.cue("irrealis")
        self._open_conjunctions = lexicon.cue("open_conjunctions")
        # compounds of an organisation's members and their inflections ("Nato-Staaten")
        self._member_heads = frozenset(
            h + end
            for h in lexicon.cue("member_compound_heads")
            for end in ("", "n", "en", "s", "es")
        )

    # -- references ----------------------------------------------------------------------
    def _actor_key(self, m: EntityMention, gov: str) -> tuple[str, ...]:
        """The actor keys a mention stands for in slot ``gov`` ("subj", "" for another
        argument, or a preposition): a capital acts for its state, a region only as the
        subject."""
        keys = m.keys
        if len(keys) == 1 and self.d.is_a(keys[0], PlaceClass.CITY):
            state = self.d.capital_of(keys[0])
            if gov in _LOCATIVE or state is None:
                return ()
            return (state,)
        if (
            gov.startswith("in")
            and keys
            and self.d.is_a(keys[0], PlaceClass.PLACE, ActorClass.STATE)
        ):
            return ()
        if gov == "subj":
            # a region as the subject acts as a polity ("Moldau und die abtrünnige Region
            # Transnistrien haben verhandelt")
            return tuple(
                k for k in keys if not self.d.is_a(k, PlaceClass.CITY, FactClass.ARMED_CONFLICT)
            )
        return tuple(
            k for k in keys if not self.d.is_a(k, PlaceClass.PLACE, FactClass.ARMED_CONFLICT)
        )

    def resolve(
        self, m: EntityMention, disc: Discourse, earlier: Sequence[EntityMention] = ()
    ) -> EntityMention:
        """Fill the keys of group references, pronouns and titles without names.

        ``earlier`` are the sentence's mentions before ``m``, already resolved: "Petro
        sagte, er wolle ..." makes "er" the person who opens the sentence, not the person
        of the sentence before; "Macron hatte mit ihm telefoniert" makes "ihm" the last
        person named before that is not in this sentence, "Daglo nannte Burhan einen
        Verbrecher und warf ihm vor" the person after the sentence's first."""
        if m.keys:
            return m
        here = [
            k
            for x in earlier
            for k in x.keys
            if x.cls == ActorClass.PERSON or self.d.is_a(k, ActorClass.PERSON)
        ]
        if m.kind == MentionKind.PRONOUN and m.group == "person" and here:
            return replace(m, keys=(here[0],))
        if (
            m.kind == MentionKind.PRONOUN
            and m.group in ("person", "person-object")
            and not here
            and disc.last_thing_at > disc.last_person_at
            and not (m.group == "person" and disc.last_thing_neuter)
        ):
            # a thing was named since the last person: the pronoun is that thing
            return replace(m, keys=(disc.last_thing,)) if disc.last_thing else m
        if m.kind == MentionKind.PRONOUN and m.group == "person-object" and len(set(here)) >= 2:
            # "Daglo nannte Burhan einen Verbrecher und warf ihm vor, …": a person named
            # after the one who opens the sentence (its subject)
            return replace(m, keys=([k for k in here if k != here[0]][-1],))
        if m.kind == MentionKind.PRONOUN and m.group == "person-object":
            before = [p for p in disc.persons if p not in here]
            return replace(m, keys=(before[-1],)) if before else m
        if m.kind == MentionKind.PRONOUN and m.group == "possessive" and here:
            person = here[0]
            # the office the sentence gives that person ("der Chef der Söldnergruppe
            # Wagner, X, … seiner Kämpfer": Wagner's), before one remembered
            # (an organisation's officer still has a country of his own: "sein Land")
            of_state = (
                m.text.split()[-1].lower().startswith(tuple(self.lex.ref("state_possessive_nouns")))
            )
            told = [
                of
                for x in earlier
                if person in x.keys
                for _role, of, former in x.offices
                if of and not former and (not of_state or self.d.is_a(of, ActorClass.STATE))
            ]
            if told:
                return replace(m, keys=(told[0],))
            if person in disc.person_of:
                return replace(m, keys=(disc.person_of[person],))
            e = self.d.get(person)
            if e is not None and e.rel("country"):
                return replace(m, keys=(e.rel("country")[0],))
        if m.kind == MentionKind.GROUP and m.group == "both":
            # "Beide gehören der Nato an": the two of the subject before, else of the last
            # reference to two ("zwischen den beiden Staaten. Beide …")
            two = tuple(dict.fromkeys(disc.subject_keys))
            if len(two) != 2:
                two = disc.pair
            return replace(m, keys=two) if len(set(two)) == 2 else m
        if m.kind == MentionKind.GROUP and m.group == "sides":
            return replace(m, keys=disc.sides or disc.conflict_parties or tuple(disc.states[-2:]))
        if m.kind == MentionKind.GROUP and m.group == "country":
            # "das Land": the state the sentence before had as subject, else the state
            # the story is about once named, else the last named
            subject_states = [k for k in disc.subject_keys if self.d.is_a(k, ActorClass.STATE)]
            home = [disc.home] if disc.home in disc.states else []
            candidates = subject_states or home or disc.states[-1:]
            return replace(m, keys=(candidates[0],)) if candidates else m
        if m.kind == MentionKind.GROUP and m.group in ("government", "same-noun") and not m.keys:
            # "die Armee" after "Sudans Armee": the state named with that noun before
            noun = m.text.split()[-1].lower()
            same = [
                k for head, k in disc.heads if head == noun and self.d.is_a(k, ActorClass.STATE)
            ]
            if same:
                return replace(m, keys=(same[-1],))
            if m.group == "same-noun":
                # "die Armee" with none named before: the force the text names, no state
                return replace(m, keys=(m.fallback,), cls=ActorClass.ACTOR) if m.fallback else m
            # "die Regierung" with no state: the story's, once the article names it; else
            # the state of the capital the dateline names ("Kathmandu – Die Regierung …")
            if disc.home in disc.states:
                return replace(m, keys=(disc.home,))
            return replace(m, keys=(disc.dateline_state,)) if disc.dateline_state else m
        if m.kind == MentionKind.GROUP and m.group == "capital":
            # "die Hauptstadt": the capital of the story's state once the article names it,
            # else of the state named last
            state = disc.home if disc.home in disc.states else next(reversed(disc.states), None)
            capital = self.d.capital(state) if state else None
            return replace(m, keys=(capital,)) if capital else m
        if m.kind == MentionKind.GROUP and m.group == "neighbour":
            # "Der Tschad wirft dem Nachbarland vor": the other side of the pair the
            # article is about, else the state named last that is not named here
            here_states = {k for x in earlier for k in x.keys if self.d.is_a(k, ActorClass.STATE)}
            pair = [
                k
                for k in (*disc.sides, *disc.conflict_parties)
                if k not in here_states and self.d.is_a(k, ActorClass.STATE)
            ]
            # else the state the article names most (its people's states counting too),
            # the one named last among equals
            named = [*disc.states, *disc.person_of.values()]
            counts = Counter(
                k for k in named if k not in here_states and self.d.is_a(k, ActorClass.STATE)
            )
            last_at = {k: i for i, k in enumerate(named)}
            ranked = sorted(counts, key=lambda k: (counts[k], last_at[k]))
            others = pair[:1] or ranked[-1:]
            return replace(m, keys=(others[0],)) if others and here_states else m
        if m.kind == MentionKind.GROUP and m.group == "town":
            # "die Stadt": the town named last
            return replace(m, keys=(disc.towns[-1],), cls=PlaceClass.CITY) if disc.towns else m
        if m.kind == MentionKind.GROUP and (building := facility_noun(m)) is not None:
            # "das Gebäude": where the facility named before stands (a place, no actor)
            at = self._facilities.refer(building, disc.facilities)
            return replace(m, place=at) if at else m
        if m.kind == MentionKind.GROUP and (m.group or "").split(":")[0] == "org":
            named = [*disc.actors, *(k for x in earlier for k in x.keys)]
            orgs = [k for k in named if self.d.is_a(k, ActorClass.ORGANIZATION)]
            noun = (m.group or "").partition(":")[2]
            if noun:
                # "die Liga": only an organisation whose own name has the noun
                orgs = [k for k in orgs if self._named_with(k, noun)]
            return replace(m, keys=(orgs[-1],)) if orgs else m
        if m.kind == MentionKind.GROUP and m.group in ("armed-group", "bare-group"):
            return self._group(m, disc)
        if m.kind == MentionKind.GROUP and (m.group or "").startswith("people:"):
            # "die beiden Männer": the people named last, in the order named
            n = int((m.group or "people:2").split(":")[1])
            last = [p for p in dict.fromkeys(reversed(disc.persons)) if p not in here][:n]
            return replace(m, keys=tuple(reversed(last))) if len(last) == n else m
        if m.kind == MentionKind.GROUP and (m.group or "").startswith("states:"):
            n = int((m.group or "states:2").split(":")[1])
            sides = tuple(k for k in disc.sides if self.d.is_a(k, ActorClass.STATE))
            if len(sides) == n:
                # "vermittelte zwischen den beiden Nachbarn": the states among the sides
                # of the talks or agreement just reported, not the state named last
                return replace(m, keys=sides)
            uniq: list[str] = []
            for s in reversed(disc.states):
                if s not in uniq:
                    uniq.append(s)
            # "Libanon und Israel haben ihr von den USA vermitteltes Abkommen … Delegationen
            # beider Länder": a mediator named last is none of the two
            parties = [s for s in uniq if s not in disc.mediators]
            if len(parties) >= n:
                uniq = parties
            return replace(m, keys=tuple(reversed(uniq[:n])))
        if m.kind == MentionKind.PRONOUN and m.group == "possessive":
            for k in reversed(disc.actors):
                if k in disc.person_of:
                    return replace(m, keys=(disc.person_of[k],))
                if self.d.is_a(k, ActorClass.STATE, ActorClass.ORGANIZATION):
                    return replace(m, keys=(k,))
                e = self.d.get(k)
                if e is not None and e.rel("country"):
                    return replace(m, keys=(e.rel("country")[0],))
            return m
        if m.kind == MentionKind.PRONOUN and m.group == "person":
            # "er" continues the subject of the sentence before when that was a person
            # (the most salient one), else the person named last
            if disc.subject_person is not None:
                return replace(m, keys=(disc.subject_person,))
            return replace(m, keys=(disc.persons[-1],)) if disc.persons else m
        if m.kind == MentionKind.TITLE and m.offices and m.offices[0][1] is None:
            # "sagte der König": the one person the article gave that office to
            role = m.offices[0][0]
            holders = {p for r, p in disc.titled if r == role or self._implies.get(r) == role}
            return (
                replace(m, keys=tuple(holders), cls=ActorClass.PERSON) if len(holders) == 1 else m
            )
        if m.kind == MentionKind.TITLE and m.offices:
            role, of, _former = m.offices[0]
            for (r, o), person in disc.offices.items():
                if o == of and (r == role or self._implies.get(r) == role):
                    return replace(m, keys=(person,), cls=ActorClass.PERSON)
            national = role in self.lex.national
            for person in reversed(disc.persons):
                e = self.d.get(person)
                # (an envoy is no one the article gave another office: "den algerischen
                # Botschafter" after "Ministerpräsident X" is not X)
                other = role in self.lex.posting_roles and any(
                    p == person and r != role for r, p in disc.titled
                )
                # (nor is a spokesperson or a commander the state's one known person:
                # "ein Sprecher der malischen Regierung" after "Präsident Keïta")
                if e is not None and of in e.rel("country") and not other and national:
                    return replace(m, keys=(person,), cls=ActorClass.PERSON)
            if of and self.d.is_a(of, ActorClass.ORGANIZATION):
                return replace(m, keys=(of,))
            if (
                of
                and (role in self.lex.national or role in self.lex.posting_roles)
                and self.d.is_a(of, ActorClass.STATE)
            ):
                # "Der französische Präsident empfing …" with no holder named: the office
                # acts for its state, and so does its envoy ("bestellte den algerischen
                # Botschafter ein": Algeria is summoned)
                return replace(m, keys=(of,))
        return m

    def _group(self, m: EntityMention, disc: Discourse) -> EntityMention:
        """ "die Koalition", "die Rebellen": the actor named last with that noun heading its
        name, else (an armed group's noun) the armed group named last, else (and always for
        a bare plural) the article's own unnamed group."""
        if m.group == "bare-group" and m.fallback:
            # a bare plural is indefinite: people the text does not identify ("maskierte
            # Kämpfer griffen an" is no group named before)
            return replace(m, keys=(m.fallback,), cls=self.lex.group_class(m.head) or "")
        # an armed group's noun, or a compound of one ("die Islamistenmiliz")
        armed_noun = self.lex.group_class(m.head) == ActorClass.ARMED_GROUP.value
        endings = tuple(m.head + e for e in ("", "e", "en", "n", "s", "es"))
        same = [k for head, k in disc.heads if head.endswith(endings)]
        armed: list[str] = []
        if armed_noun:
            armed = [k for k in disc.conflict_parties if self._armed(k, disc)]
            armed += disc.armed_groups  # the one named last wins
        if same or armed:
            return replace(m, keys=((same or armed)[-1],))
        later = [k for at, _first, k in disc.article_armed if at >= m.sentence]
        if armed_noun and later:
            # named after the noun only ("die größte Rebellengruppe des Landes … die MILF")
            return replace(m, keys=(later[0],))
        if m.fallback:
            return replace(m, keys=(m.fallback,), cls=self.lex.group_class(m.head) or "")
        return m

    def _remember_groups(self, m: EntityMention, disc: Discourse) -> None:
        """The names and armed groups a mention gives, for group nouns read later."""
        if (
            m.kind == MentionKind.NAME
            and len(m.keys) == 1
            and m.text.split()
            # "die Aceh-Rebellen" names the place, not the group "die Rebellen" are
            and not self.d.is_a(m.keys[0], PlaceClass.PLACE)
            and not class_is(disc.minted.get(m.keys[0], ""), PlaceClass.PLACE)
        ):
            disc.heads.append((m.text.split()[-1].lower(), m.keys[0]))
        if m.group == "bare-group":
            return  # "islamistischer Rebellen": no group "die Rebellen" can refer back to
        for k in m.keys:
            # not the place an armed group is named after ("in Aceh" after "Aceh-Rebellen")
            if m.cls == ActorClass.ARMED_GROUP or (
                self._armed(k, disc) and not class_is(m.cls, PlaceClass.PLACE)
            ):
                disc.armed_groups.append(k)
        for _role, of, _former in m.offices:
            # "der Generalsekretär der Rebellenbewegung X, Y": X is named too
            if of and self._armed(of, disc):
                disc.armed_groups.append(of)

    def _remember(self, m: EntityMention, disc: Discourse) -> None:
        self._remember_groups(m, disc)
        if m.kind == MentionKind.GROUP and len(set(m.keys)) == 2:
            disc.pair = m.keys
        for k in m.keys:
            if m.cls == ActorClass.PERSON or self.d.is_a(k, ActorClass.PERSON):
                disc.persons.append(k)
                if m.kind == MentionKind.NAME:
                    disc.titled += [(role, k) for role, _of, former in m.offices if not former]
                for role, of, former in m.offices:
                    if of and not former:
                        disc.person_of[k] = of
                        if role:
                            disc.offices[(role, of)] = k
                e = self.d.get(k)
                if k not in disc.person_of and e is not None and e.rel("country"):
                    disc.person_of[k] = e.rel("country")[0]
            if self.d.is_a(k, ActorClass.STATE):
                disc.states.append(k)
            if m.kind == MentionKind.NAME and (
                self.d.is_a(k, PlaceClass.CITY) or disc.minted.get(k) == PlaceClass.CITY
            ):
                disc.towns.append(k)
            if m.kind != MentionKind.ADJECTIVE and not self.d.is_a(
                k, PlaceClass.PLACE, FactClass.ARMED_CONFLICT
            ):
                disc.actors.append(k)

    def _remember_facilities(
        self, ts: TaggedSentence, resolved: Sequence[EntityMention], disc: Discourse
    ) -> None:
        """The facilities the sentence names with their place ("einer Schule im
        nordossetischen Beslan"), and those it refers to again."""

        def is_place(k: str) -> bool:
            return self.d.is_a(k, PlaceClass.CITY, PlaceClass.REGION) or disc.minted.get(k) in (
                PlaceClass.CITY,
                PlaceClass.REGION,
                PlaceClass.PLACE,
            )

        refs = [m for m in resolved if facility_noun(m) is not None]
        for j, tok in enumerate(ts.tokens):
            head = self._facilities.head(tok.lemma) if tok.pos == "NN" else None
            if head is None:
                continue
            at = self._facilities.place_after(ts.tokens, j, resolved, is_place)
            ref = next((m for m in refs if m.first <= j < m.last), None)
            if at is None and ref is not None:
                at = ref.place
            if at is not None:
                disc.facilities.append((head, at))

    def _armed(self, key: str, disc: Discourse) -> bool:
        """Whether an entity is an armed group, known or the article's own."""
        return self.d.is_a(key, ActorClass.ARMED_GROUP) or disc.minted.get(key) == (
            ActorClass.ARMED_GROUP
        )

    # -- the stage -------------------------------------------------------------------------
    def assign(
        self,
        sentences: Sequence[TaggedSentence],
        mentions: Sequence[EntityMention],
        triggers: Sequence[Trigger],
        *,
        conflict_parties: tuple[str, ...] = (),
        home: str | None = None,
        minted: Mapping[str, str] | None = None,
        prior: Sequence[EntityMention] = (),
    ) -> tuple[tuple[Event, ...], tuple[EntityMention, ...]]:
        """Events of the triggers with their roles, and the mentions with references
        resolved; ``minted`` gives the class of each entity the article introduces,
        ``prior`` the resolved mentions of text read before (the body, for the headline),
        whose groups the group nouns refer back to ("Regierung und Rebellen …")."""
        disc = Discourse(conflict_parties=conflict_parties, home=home, minted=dict(minted or {}))
        for m in prior:
            self._remember_groups(m, disc)
        city = dateline_city(sentences, mentions, self.d)
        disc.dateline_state = self.d.capital_of(city) if city else None
        named = [
            (m.sentence, m.first, k)
            for m in mentions
            if m.kind == MentionKind.NAME and not class_is(m.cls, PlaceClass.PLACE)
            for k in m.keys
        ]
        # "der Vorsitzende der MILF, X": named in a title too
        named += [(m.sentence, m.first, of) for m in mentions for _r, of, _f in m.offices if of]
        disc.article_armed = tuple(sorted(x for x in named if self._armed(x[2], disc)))
        events: list[Event] = []
        resolved_all: list[EntityMention] = []
        for ts in sentences:
            sms = [m for m in mentions if m.sentence == ts.sentence.index]
            done: list[EntityMention] = []
            by_id: dict[int, EntityMention] = {}
            for m in sorted(sms, key=lambda x: x.first):
                x = self._title_apposition(ts, m, sms)
                if x.kind == MentionKind.PRONOUN and x.group == "sie":
                    done.append(self._resolve_sie(ts, x, disc))
                elif x.kind == MentionKind.PRONOUN and x.group == "possessive" and not x.keys:
                    own = self._possessor_here(ts, x, done)
                    done.append(own if own.keys else self.resolve(x, disc, done))
                elif x.kind == MentionKind.PRONOUN and x.group == "person":
                    # a pronoun is never a co-argument of its own verb: in "Putin dankte
                    # er" er is not Putin
                    a, b = clause_bounds(ts.tokens, x.first)
                    outside = [d for d in done if not a <= d.first < b]
                    done.append(self.resolve(x, disc, outside))
                else:
                    done.append(self.resolve(x, disc, done))
                by_id[id(m)] = done[-1]
            resolved = [by_id[id(m)] for m in sms]  # the recogniser's order
            resolved_all.extend(resolved)
            strigs = [t for t in triggers if t.sentence == ts.sentence.index]
            # "das Nato-Mitglied Türkei": the members named act, not their organisation;
            # the dateline ("Tripolis (AFP) –") is no part of the sentence
            opening = dateline_length(ts.tokens) if ts is sentences[0] else 0
            acting = [
                m
                for m in resolved
                if m.first >= opening and not self._member_prefix(ts, m, resolved)
            ]
            sent_events = [
                None if self._irrealis(ts, t) else self._event(ts, t, acting) for t in strigs
            ]
            sent_events = self._unattributed_allegations(ts, strigs, sent_events)
            sent_events = self._framed_passives(sent_events)
            for n, (t, ev) in enumerate(zip(strigs, sent_events, strict=True)):
                if (
                    ev is not None
                    and ev.event_class == EventClass.NEGOTIATION
                    and t.nominal
                    and not ev.actors(RoleProperty.PARTICIPANT, RoleProperty.AGENT)
                    and disc.sides
                    and t.first > 0
                    and (
                        ts.tokens[t.first - 1].text.lower() in ("die", "den", "der")
                        or any(x.lemma in self.lex.cue("preceding_verbs") for x in ts.tokens)
                    )
                ):
                    # "Die Verhandlungen sollen fortgesetzt werden": the definite talks are
                    # those of the sides of the talks or agreement reported before; so are
                    # the talks that preceded it ("Dem Vertrag waren Verhandlungen
                    # vorausgegangen")
                    extra = tuple((RoleProperty.PARTICIPANT, k) for k in disc.sides)
                    sent_events[n] = replace(ev, roles=ev.roles + extra)
            # people the sentence names are no sides, known to the dictionary or not
            people = {k for m in resolved if m.cls == ActorClass.PERSON for k in m.keys}
            for ev in sent_events:
                if ev is None:
                    continue
                events.append(ev)
                disc.mediators.update(ev.actors(RoleProperty.MEDIATOR))
                if ev.event_class == EventClass.MEDIATION:
                    disc.mediators.update(ev.actors(RoleProperty.AGENT))
                parts = [
                    k
                    for k in ev.actors(RoleProperty.PARTICIPANT)
                    if not self.d.is_a(k, ActorClass.PERSON) and k not in people
                ]
                if len(parts) >= 2 and ev.event_class in (
                    EventClass.MEETING,
                    EventClass.NEGOTIATION,
                    EventClass.AGREEMENT,
                    EventClass.CEASEFIRE_AGREEMENT,
                    EventClass.MEDIATION,
                ):
                    disc.sides = tuple(dict.fromkeys(parts))
            for m in resolved:
                self._remember(m, disc)
            self._remember_facilities(ts, resolved, disc)
            self._salience(ts, resolved, disc)
        return tuple(events), tuple(resolved_all)

    @staticmethod
    def _framed_passives(events: list[Event | None]) -> list[Event | None]:
        """ "Bei einem Anschlag der X wurden zehn Menschen getötet": the passive without
        an agent tells the attack the framing noun names with its agent, one event (the
        noun's, with the clause's place and side attacked)."""
        out = list(events)
        for n, ev in enumerate(events):
            if ev is None or not ev.trigger.framing or not ev.actors(RoleProperty.AGENT):
                continue
            for k, other in enumerate(out):
                if (
                    other is not None
                    and k != n
                    and other.event_class == ev.event_class
                    and other.trigger.passive
                    and not other.trigger.nominal
                    # no agent, or the noun's ("bei dem Angriff durch X wurden … getötet")
                    and set(other.actors(RoleProperty.AGENT)) <= set(ev.actors(RoleProperty.AGENT))
                ):
                    extra = tuple(r for r in other.roles if r not in ev.roles)
                    out[n] = replace(ev, roles=ev.roles + extra)
                    out[k] = None
        return out

    @staticmethod
    def _title_apposition(
        ts: TaggedSentence, m: EntityMention, sms: Sequence[EntityMention]
    ) -> EntityMention:
        """A title without a name followed by a named person in apposition is that person
        ("teilte der katarische Ministerpräsident und Außenminister, Scheich Hamad bin
        Dschassim al-Thani, mit"): no verb between them, a comma before the name and only
        a noun of function after the comma. So is a side named as the first part of a
        compound noun of a person ("der UN-Vertreter in Katanga, der Ire X")."""
        toks = ts.tokens
        prefix = (
            m.kind == MentionKind.NAME
            and m.last == m.first + 1
            and m.end < toks[m.first].end
            and toks[m.first].pos == "NN"
        )
        if not prefix and (m.kind != MentionKind.TITLE or m.keys):
            return m
        for p in sorted(sms, key=lambda x: x.first):
            if p.first <= m.last or p.first - m.last > _APPOSITION_REACH:
                continue
            between = toks[m.last : p.first]
            if any(t.pos.startswith("V") or t.text in (".", ";", ":") for t in between):
                return m
            commas = [j for j in range(m.last, p.first) if toks[j].text == ","]
            if (
                p.cls == ActorClass.PERSON
                and p.keys
                and commas
                # ", Scheich X", ", der frühere Minister X": only a noun of function after it
                and all(t.pos in ("NN", "ART", "ADJ(A)") for t in toks[commas[-1] + 1 : p.first])
            ):
                return replace(m, keys=p.keys, cls=ActorClass.PERSON)
        return m

    def _member_prefix(
        self, ts: TaggedSentence, m: EntityMention, ms: Sequence[EntityMention]
    ) -> bool:
        """An organisation named as the first part of a compound of its members, with their
        names right after it ("das Nato-Mitglied Türkei", "die EU-Staaten Polen und
        Litauen", "die Nato-Partner Frankreich und Spanien")."""
        toks = ts.tokens
        if m.kind != MentionKind.NAME or m.last != m.first + 1 or m.end >= toks[m.first].end:
            return False
        if toks[m.first].text.rsplit("-", 1)[-1].lower() not in self._member_heads:
            return False
        return any(x.first == m.last and x.keys for x in ms)

    def _possessor_here(
        self, ts: TaggedSentence, m: EntityMention, earlier: Sequence[EntityMention]
    ) -> EntityMention:
        """A possessive after a state or organisation named earlier in the sentence, and no
        person, refers to it where the gender agrees ("Aserbaidschan behält die Gebiete,
        die seine Armee erobert hat"): "sein" a masculine or neuter one, "ihr" a feminine
        or plural one, as the article before the name shows (a bare name is neuter)."""
        toks = ts.tokens
        if any(x.cls == ActorClass.PERSON for x in earlier if x.keys):
            return m
        first = toks[m.first]
        pron = self._as_possessive.get(first.text.lower(), first.lemma.lower())
        for x in reversed(earlier):
            if not x.keys or x.kind != MentionKind.NAME:
                continue
            if not self.d.is_a(x.keys[0], ActorClass.STATE, ActorClass.ORGANIZATION):
                continue
            j = x.first - 1
            while j >= 0 and toks[j].pos.startswith("ADJ"):
                j -= 1
            art = toks[j].text.lower() if j >= 0 and toks[j].pos == "ART" else ""
            if art in self._articles_of.get(pron, ()):
                return replace(m, keys=(x.keys[0],))
        return m

    def _resolve_sie(self, ts: TaggedSentence, m: EntityMention, disc: Discourse) -> EntityMention:
        """ "sie" as a subject: with a singular verb, the state or organisation that was the
        subject of the sentence before ("Die Türkei kritisierte Griechenland. Sie forderte
        …"); with a plural verb, the coordinated subject before or the sides. Anything
        else stays unresolved."""
        parse = ts.parse
        if parse is None or not parse.deps[m.first].startswith("nsubj"):
            return m
        verb = parse.heads[m.first]
        plural = self._plural_verb(ts, verb)
        if plural is None:
            return m
        before = disc.subject_keys
        keys: tuple[str, ...]
        if plural and len(before) == 1 and disc.subject_plural:
            # "Die Aufständischen hatten X erobert. Ende März überfielen sie Palma": one
            # group the sentence before named, with a plural verb too
            keys = before if not self.d.is_a(before[0], ActorClass.PERSON) else ()
        elif plural:
            keys = before if len(before) >= 2 else disc.sides
        else:
            keys = (
                before if len(before) == 1 and not self.d.is_a(before[0], ActorClass.PERSON) else ()
            )
        return replace(m, keys=tuple(keys)) if keys else m

    def _plural_verb(self, ts: TaggedSentence, verb: int) -> bool | None:
        """Whether the finite verb of ``verb``'s clause (itself or its auxiliary) is plural;
        None without a finite verb."""
        parse = ts.parse
        if parse is None:
            return None
        own = [verb, *parse.dependents(verb, "aux", "aux:pass", "cop")]
        finite = next((i for i in own if ts.tokens[i].pos.endswith("(FIN)")), None)
        return None if finite is None else self.morph.is_plural_verb(ts.tokens[finite].text)

    def _salience(self, ts: TaggedSentence, ms: Sequence[EntityMention], disc: Discourse) -> None:
        """Record what this sentence's main clause has as subject (for "er" and "sie"
        later), and where it last names a person and a masculine or neuter thing in an
        argument position (for "er"/"ihm")."""
        idx = ts.sentence.index
        for m in ms:
            if m.keys and (m.cls == ActorClass.PERSON or self.d.is_a(m.keys[0], ActorClass.PERSON)):
                disc.last_person_at = max(disc.last_person_at, (idx, m.first))
        parse = ts.parse
        disc.subject_person = None
        disc.subject_keys = ()
        disc.subject_plural = False
        if parse is None:
            return
        subject: list[str] = []
        for m in ms:
            top = mention_head(parse, m)
            while parse.deps[top] in ("conj", "flat", "appos") and parse.heads[top] != top:
                top = parse.heads[top]
            if not m.keys or parse.deps[top] != "nsubj" or parse.deps[parse.heads[top]] != "root":
                continue  # only the main clause's subject
            subject.extend(k for k in m.keys if k not in subject)
            disc.subject_plural = bool(self._plural_verb(ts, parse.heads[top]))
            person = m.cls == ActorClass.PERSON or self.d.is_a(m.keys[0], ActorClass.PERSON)
            if person and disc.subject_person is None:
                disc.subject_person = m.keys[0]
        disc.subject_keys = tuple(subject)
        owner = {i: x for x in ms for i in range(x.first, x.last)}
        for i, t in enumerate(ts.tokens):
            named = owner.get(i)
            person = named is not None and (
                named.cls == ActorClass.PERSON
                or any(self.d.is_a(k, ActorClass.PERSON) for k in named.keys)
            )
            if (
                t.pos in ("NN", "NE")
                and not person
                and parse.deps[i] in ("nsubj", "obj", "iobj", "obl:arg")
                and any(
                    ts.tokens[c].text.lower() in self._masc_neut_det
                    # "Der Südsudan wurde unabhängig": "der" on a subject is masculine
                    or (ts.tokens[c].text.lower() == "der" and parse.deps[i] == "nsubj")
                    for c in parse.dependents(i, "det")
                )
                and not self.lex.title_role(t.text)
                and (idx, i) > disc.last_thing_at
            ):
                # an organisation referred to as "dem Bündnis" is what "ihm" means later
                disc.last_thing_at = (idx, i)
                disc.last_thing = (
                    named.keys[0] if named is not None and len(named.keys) == 1 else None
                )
                dets = [ts.tokens[c].text.lower() for c in parse.dependents(i, "det")]
                disc.last_thing_neuter = bool(dets) and all(d in self._neuter_det for d in dets)

    def _groups(
        self, ts: TaggedSentence, ms: Sequence[EntityMention]
    ) -> list[tuple[str, list[EntityMention]]]:
        """Mentions with their governor; coordinated ones inherit the first one's."""
        out: list[tuple[str, list[EntityMention]]] = []
        prev: EntityMention | None = None
        # "ruandische und mosambikanische Truppen": a state adjective coordinated with the
        # next phrase's shares its noun, and so its function
        shared: list[EntityMention] = []
        shared_gov = ""  # the governor of the first shared adjective
        for m in sorted(ms, key=lambda x: x.first):
            if shared and m.first != shared[-1].last + 1:
                shared = []
            if (
                prev is not None
                and m.keys == prev.keys
                and m.first == prev.last + 1
                and ts.tokens[prev.last].text == "("
            ):
                continue  # "Befreiungsfront von Tigray (TPLF)": the abbreviation repeats the name
            if m.kind == MentionKind.ADJECTIVE:
                joiner = ts.tokens[m.last] if m.last + 1 < len(ts.tokens) else None
                gov_adj = governor(ts.tokens, m, prev, morph=self.morph)
                if joiner is not None and (joiner.pos == "KON" or joiner.text == ","):
                    shared_gov = gov_adj if not shared else shared_gov
                    shared.append(m)
                framing = _adjective_framing(ts.tokens, m.last, gov_adj)
                if framing:
                    out.append((framing, [m]))
                prev = m
                continue
            gov = governor(ts.tokens, m, prev, morph=self.morph)
            if gov == "&" and shared and shared_gov != "&":
                # "bei Ras Doumeira eritreische und dschibutische Truppen": the phrase the
                # adjectives share opens with them, not with the name before
                gov = shared_gov
            if gov.startswith("gen:") and gov[4:] in self._proxies:
                # "Vertreter der Armee und der RSF haben sich geeinigt": the group acts
                gov = ""
            elif " " in gov and gov.split(" ", 1)[1] in self._proxies:
                gov = gov.split(" ", 1)[0]  # "mit Vertretern der Huthi" = "mit den Huthi"
            elif (
                gov in ("aus", "von")
                and m.first >= 2
                and ts.tokens[m.first - 1].lemma.lower() == gov
                and ts.tokens[m.first - 2].lemma.lower() in self._proxies
                and (m.first < 3 or not ts.tokens[m.first - 3].pos.startswith("APPR"))
            ):
                gov = ""  # "Eine Delegation aus Saudi-Arabien ist ... zusammengekommen"
            if gov == "&" and ts.tokens[m.first].pos == "PRELAT":
                gov = ""  # "Der Irak, dessen Truppen …": a relative clause, no conjunct
            if m.group == "government":
                # "unter norwegischer Vermittlung", read as the state's own organ: the
                # state mediates
                gov = _adjective_framing(ts.tokens, m.last - 1, gov) or gov
            if gov in self._presence or (gov == "von" and self._presence_before(ts, m)):
                gov = "presence"  # "im Beisein von X": X attends
            elif gov == "von" and self._source_before(ts, m):
                gov = "source"  # "nach Angaben von X": X tells, and bears no role
            if (
                gov == "&"
                and prev is not None
                and m.cls == ActorClass.PERSON
                and prev.cls != ActorClass.PERSON
                and ts.tokens[m.first - 1].text == ","
            ):
                gov = ""  # "die Außenminister Kongos und Ruandas, X und Y": an apposition
            if gov == "&" and out and out[-1][0].startswith("gen:") and out[-1][1][-1] is prev:
                # "und dem Leiter des politischen Büros der Taliban, Mullah X": a name in
                # apposition after a genitive chain goes with the chain's head noun
                placed = self._apposition_to_chain(ts, m, out)
                if placed:
                    prev = m
                    continue
            if (
                gov == "&"
                and out
                and out[-1][1]
                # after an adjective inside the conjunct ("und dem im schwedischen Exil
                # lebenden X"), the conjunct joins the phrase before it
                and (
                    out[-1][1][-1] is prev
                    or (prev is not None and prev.kind == MentionKind.ADJECTIVE)
                )
            ):
                out[-1][1].append(m)
            else:
                out.append((gov if gov != "&" else "", [m]))
            if shared and ts.tokens[m.first].pos.startswith("ADJ"):
                out[-1][1][-1:-1] = shared
            shared = []
            prev = m
        return out

    def _von_before(self, toks: Sequence[Token], m: EntityMention) -> int | None:
        """Where "von" stands before the mention's phrase (past its article, adjectives
        and a title the mention leaves out: "von Vizegeneralstabschef X"), with a word
        before it; None where it does not."""
        j = m.first - 1
        while j >= 0 and (
            toks[j].pos in NP_INNER
            or (toks[j].pos in ("NN", "NE") and self.lex.title_role(toks[j].text) is not None)
        ):
            j -= 1
        return j if j >= 1 and toks[j].lemma.lower() == "von" else None

    def _source_before(self, ts: TaggedSentence, m: EntityMention) -> bool:
        """Whether "von" before the mention follows a noun of attribution ("nach Angaben
        von X", "nach Darstellung von X"; cues.yaml ``source_nouns``)."""
        j = self._von_before(ts.tokens, m)
        return j is not None and ts.tokens[j - 1].lemma.lower() in self.lex.cue("source_nouns")

    def _presence_before(self, ts: TaggedSentence, m: EntityMention) -> bool:
        """Whether "von" before the mention follows a phrase of presence ("unter den Augen
        von X", "in Anwesenheit von X")."""
        toks = ts.tokens
        j = self._von_before(toks, m)
        if j is None or toks[j - 1].pos != "NN":
            return False
        k = j - 2
        while k >= 0 and toks[k].pos in NP_INNER:
            k -= 1
        if k < 0 or toks[k].pos not in ("APPR", "APPRART"):
            return False
        prep = self.morph.preposition(toks[k].text)
        return f"{prep} {toks[j - 1].lemma.lower()}" in self._presence

    @staticmethod
    def _resumes_clause(toks: Sequence[Token], end: int, m: EntityMention) -> bool:
        """Whether a phrase after a relative clause that closes the clause at ``end``
        continues the clause's coordination ("vom Innenminister X, der die Delegation
        leitet, und vom Delegationschef Y"): the relative clause, a comma, "und" and a
        preposition before the phrase."""
        if end >= len(toks) or toks[end].text != "," or end + 1 >= len(toks):
            return False
        relative = [t.pos for t in toks[end + 1 : end + 3]]
        if "PRELS" not in relative:
            return False
        j = m.first - 1
        while j > end and toks[j].pos in NP_INNER:
            j -= 1
        return (
            j > end + 2
            and toks[j].pos in ("APPR", "APPRART")
            and toks[j - 1].text in ("und", "sowie")
            and toks[j - 2].text == ","
            and all(t.text != "," for t in toks[end + 1 : j - 2])
        )

    def _apposition_to_chain(
        self, ts: TaggedSentence, m: EntityMention, out: list[tuple[str, list[EntityMention]]]
    ) -> bool:
        """Place a name in apposition after a genitive chain ("dem Leiter des Büros der
        Taliban, Mullah X") with the phrase the chain's head noun belongs to; False where
        it is no such apposition."""
        toks = ts.tokens
        k = m.first - 1
        if k > 0 and toks[k].pos == "NN":
            k -= 1  # ", Mullah X"
        if k < 0 or toks[k].text != ",":
            return False
        head, j = None, out[-1][1][0].first - 1
        while True:
            genitive = False
            while j >= 0 and toks[j].pos in NP_INNER:
                genitive = genitive or toks[j].text.lower() in ("des", "der", "eines", "einer")
                j -= 1
            if j < 0 or toks[j].pos != "NN" or not genitive:
                break
            head, j = j, j - 1
        if head is None:
            return False
        before = out[-2][1][-1] if len(out) >= 2 else None
        g = governor(toks, replace(m, first=head, last=head + 1), before, morph=self.morph)
        if g == "&" and before is not None:
            out[-2][1].append(m)
        elif g not in ("&", "") and not g.startswith("gen:"):
            out.append((g, [m]))
        else:
            return False
        return True

    def _event(
        self, ts: TaggedSentence, trig: Trigger, ms: Sequence[EntityMention]
    ) -> Event | None:
        """The event of a trigger: its arguments by position and by the parse, the roles
        its frame gives them, its place; ``None`` where a required role stays empty."""
        # a facility is no argument: it gives the event its place only
        facilities = [m for m in ms if facility_noun(m) is not None]
        ms = [m for m in ms if m not in facilities]
        c = self._clause(ts, trig, ms)
        subj, objs = self._positional(c)
        fn = self._by_function(ts, trig, c.groups)
        if fn is not None:
            subj, objs = self._with_functions(c, fn, subj, objs)
        elif self._participle_attribute(ts, trig) and self._intent_in(ts):
            # "weigerte sich, den in Rambouillet ausgehandelten Friedensplan zu
            # unterzeichnen": who refuses or offers to sign did not negotiate it
            subj, objs = [], []
        subj = self._person_of_title(c, ms, subj)
        roles = _Roles()
        self._core_roles(c, fn, subj, objs, roles)
        if trig.nominal and "gen" in c.frame:
            self._noun_roles(c, ms, roles)
        for slot in ("obj-gen", "subj-gen"):
            if not trig.nominal and slot in c.frame:
                self._object_genitive(c, ms, roles, slot)
        if not trig.nominal and "comp-subj" in c.frame:
            self._complement_subjects(c, ms, roles)
        if trig.event_class == EventClass.MILITARY_ACTION:
            self._target_owners(c, roles)
            self._adjective_targets(c, ms, roles)
        locations = self._phrase_roles(c, fn, roles)
        locations += self._facility_places(c, facilities)
        if trig.event_class == EventClass.MILITARY_ACTION and not trig.nominal:
            # the towns and regions it is done to are where it happens ("bombardierte
            # Kobane", "Kerem wurde beschossen"); a state struck is a side, not a place
            locations += self._places(self._patients(c, fn, subj, objs), PlaceClass.PLACE)
        for loc in locations:
            roles.add("location", [loc])
        if self._state_of_a_place(ts, trig, roles):
            return None
        return self._finish(c, fn, roles.items, ms)

    def _state_of_a_place(self, ts: TaggedSentence, trig: Trigger, roles: _Roles) -> bool:
        """A military action named by a participle attribute alone, with no doer, tells
        a place's state, not a deed ("die Rückgabe der 1967 eroberten Sinai-Halbinsel");
        "die von den Rebellen eroberte Stadt" names its doer and is one."""
        return (
            trig.event_class == EventClass.MILITARY_ACTION
            and ts.tokens[trig.first].pos.startswith("ADJ")
            and self._participle_attribute(ts, trig)
            and not any(r == RoleProperty.AGENT for r, _k in roles.items)
        )

    def _clause(self, ts: TaggedSentence, trig: Trigger, ms: Sequence[EntityMention]) -> _Clause:
        toks = ts.tokens
        i = trig.first
        a, b = clause_bounds(toks, i)
        groups = self._groups(ts, ms)
        if not trig.nominal:
            # a phrase the parse gives to a participle attribute is that participle's
            # ("das von Norwegen vermittelte Abkommen wurde unterzeichnet": Norway mediated,
            # it did not sign)
            inside = attribute_arguments(ts, i)
            groups = [(g, grp) for g, grp in groups if not any(m.first in inside for m in grp)]
        # where the clause's finite verb is: subject before it (Vorfeld) or right after
        fin = finite_verb(toks, i) if not trig.nominal else None
        if trig.nominal:
            fin = next((j for j in range(a, b) if toks[j].pos.endswith("(FIN)")), None)
        if fin is None:
            fin = i
        fa, fb = clause_bounds(toks, fin)
        clause_groups = [
            (g, grp)
            for g, grp in groups
            if fa <= grp[0].first < max(fb, b) or self._resumes_clause(toks, max(fb, b), grp[0])
        ]
        return _Clause(ts, trig, a, b, fin, fa, fb, groups, clause_groups, dict(trig.frame))

    def _positional(self, c: _Clause) -> tuple[list[EntityMention], list[list[EntityMention]]]:
        """Subject and objects read off word positions around the finite verb."""
        toks, fin, fa = c.ts.tokens, c.fin, c.fa
        subj: list[EntityMention] = []
        objs: list[list[EntityMention]] = []
        plain = [grp for g, grp in c.clause_groups if g == ""]
        before = [grp for grp in plain if grp[-1].last <= fin]
        nxt_fin = next(
            (j for j in range(fin + 1, len(toks)) if toks[j].pos.endswith("(FIN)")), len(toks)
        )
        if c.trig.first > nxt_fin:
            nxt_fin = len(toks)
        # objects stop at the next finite verb ("begrüßte X und rief Y auf": Y is not welcomed)
        after = [grp for grp in plain if fin < grp[0].first < nxt_fin]
        starter = toks[fa] if fa < len(toks) else None
        if starter is not None and starter.pos == "PRELS" and fa >= 2:
            # relative clause: the antecedent before the comma is the subject
            ante = [grp for g, grp in c.groups if grp[-1].last <= fa - 1 and g == ""]
            if ante:
                subj = ante[-1]
            return subj, [grp for grp in plain]
        # the last phrase before the verb not marked oblique ("die LNA des Generals X
        # haben ...": the genitive attribute is not the subject)
        nominative = [grp for grp in before if not self._oblique(toks, grp[0])]
        vorfeld = self._vorfeld_subject(toks, c.groups, fa, fin)
        if vorfeld is not None and not nominative:
            # "Der Leiter der Delegation, X, forderte die ELN auf": the clause opens with
            # its finite verb after an apposition or relative clause, so its Vorfeld is
            # the phrase that opens the sentence, not the phrase after the verb
            return vorfeld, after
        if nominative:
            subj = nominative[-1]
            return subj, after + [grp for grp in before if grp is not subj]
        cand = [grp for grp in after if not self._oblique(toks, grp[0])]
        if cand:
            subj = cand[0]
            objs = [g for g in after if g is not cand[0]]
        else:
            objs = after
        if not subj and fa > 0 and toks[fa - 1].text == ",":
            # "X, Präsident von Y, sagte ..." / "X, die ... hatte, begrüßte": the subject
            # stands before the apposition or relative clause
            early = [grp for g, grp in c.groups if g == "" and grp[-1].last < fa]
            if early and early[0][0].first <= 2:
                subj = early[0]
        return subj, objs

    def _with_functions(
        self,
        c: _Clause,
        fn: _Functions,
        subj: list[EntityMention],
        objs: list[list[EntityMention]],
    ) -> tuple[list[EntityMention], list[list[EntityMention]]]:
        """The parse decides for the phrases it gives a function; the positional reading
        stands for the others (a phrase the parse attaches elsewhere by mistake)."""
        assigned = {id(grp[0]) for grp in (fn.subj, *fn.objs) if grp}
        assigned |= {id(m) for m in (*fn.pass_subj, *fn.agents)}
        if fn.subj or fn.unnamed_subject or id(subj[0] if subj else None) in assigned:
            if fn.unnamed_subject and subj and id(subj[0]) not in assigned:
                objs = [*objs, subj]  # the phrase read as subject is another argument
            subj = fn.subj
        places = self._place_tokens(c)
        objs = fn.objs + [
            grp
            for grp in objs
            if id(grp[0]) not in assigned
            and grp is not subj
            and not self._inside_pp(c.ts, grp[0], places)
            and not self._of_infinitive(c.ts, grp[0], fn.pred)
        ]
        return subj, objs

    @staticmethod
    def _of_infinitive(ts: TaggedSentence, m: EntityMention, pred: int) -> bool:
        """The parse makes the mention an argument of a zu-infinitive other than ``pred``:
        what the infinitive says, not an object of the verb ("warf Ruanda vor, die M23 zu
        unterstützen": Ruanda is accused, not the M23)."""
        parse = ts.parse
        if parse is None:
            return False
        gov = parse.heads[mention_head(parse, m)]
        toks = ts.tokens
        return (
            gov != pred
            and toks[gov].pos.startswith("VV")
            and (
                toks[gov].pos.endswith("(IZU)")
                or any(toks[c].pos == "PTKZU" for c in parse.children(gov))
            )
        )

    @staticmethod
    def _person_of_title(
        c: _Clause, ms: Sequence[EntityMention], subj: list[EntityMention]
    ) -> list[EntityMention]:
        """ "Der Hohe Repräsentant der AU ..., Nigerias früherer Präsident X,": the person."""
        if not subj or subj[0].kind != MentionKind.TITLE:
            return subj
        toks = c.ts.tokens
        appo = [
            m
            for m in ms
            if m.cls == ActorClass.PERSON
            and m.first > subj[0].last
            and m.keys
            and toks[m.first - 1].text == ","
            and m.first < c.fin
        ]
        return [appo[0]] if appo else subj

    @staticmethod
    def _passive_agents(c: _Clause, fn: _Functions) -> list[EntityMention]:
        """Who acts in a passive the parse shows: its agents, or where it finds none, the
        "von" phrases of the clause."""
        return fn.agents or [
            m for g, grp in c.clause_groups if g == "von" and c.trig.passive for m in grp
        ]

    def _patients(
        self,
        c: _Clause,
        fn: _Functions | None,
        subj: list[EntityMention],
        objs: list[list[EntityMention]],
    ) -> list[EntityMention]:
        """Whom the verb's act is done to: the passive subject the parse shows, else the
        subject of a passive, else the objects."""
        if fn is not None and (fn.pass_subj or fn.agents):
            agents = self._passive_agents(c, fn)
            return [m for m in fn.pass_subj if m not in agents]
        if c.trig.passive:
            return list(subj)
        return [m for grp in objs for m in grp if m not in subj]

    def _core_roles(
        self,
        c: _Clause,
        fn: _Functions | None,
        subj: list[EntityMention],
        objs: list[list[EntityMention]],
        roles: _Roles,
    ) -> None:
        """The roles of the subject and objects, or of the passive's agent and patient."""
        trig, frame, toks = c.trig, c.frame, c.ts.tokens
        subj_keys = [k for m in subj for k in self._actor_key(m, "subj")]
        obj_keys = [k for grp in objs for m in grp if m not in subj for k in self._actor_key(m, "")]
        if fn is not None and (fn.pass_subj or fn.agents):
            # the parse shows the passive: the agent fills the subject's role, the
            # passive subject the object's ("wurde von X angegriffen"); where the parse
            # finds no agent, the "von" phrases of the clause are
            agents = self._passive_agents(c, fn)
            roles.add(frame.get("subj"), [k for m in agents for k in self._actor_key(m, "")])
            pass_subj = self._patients(c, fn, subj, objs)
            roles.add(frame.get("obj"), [k for m in pass_subj for k in self._actor_key(m, "")])
        elif trig.passive:
            von = [
                k
                for g, grp in c.clause_groups
                if g == "von"
                for m in grp
                for k in self._actor_key(m, g)
            ]
            roles.add(frame.get("subj"), von)
            roles.add(frame.get("obj"), subj_keys)
        elif "clause-subj" in frame:
            # "bedrängte X in einem Telefonat": the clause's object is the frame's too
            roles.add(frame["clause-subj"], subj_keys)
            roles.add(frame.get("obj"), obj_keys)
        else:
            roles.add(frame.get("subj"), subj_keys)
            roles.add(frame.get("obj"), obj_keys)
        words = [t.text for t in toks[c.a : c.b]]
        if "sich" in words and "gegenseitig" in words:
            roles.add("addressee", subj_keys)  # reciprocal: "werfen sich gegenseitig vor"
        if subj_keys and "auch" in (t.text.lower() for t in toks[c.fa : max(c.fb, c.b)]):
            # "Neben den Präsidenten X und Y nahmen auch Vertreter Z teil": who is named
            # beside the subject does what it does
            companions: list[str] = []
            beside = False  # inside the phrase of "neben", up to the verb
            # (or after it, up to "auch": "Zu den Unterzeichnern gehören neben X auch Y")
            also = next(
                (j for j in range(c.fa, max(c.fb, c.b)) if toks[j].text.lower() == "auch"), c.fin
            )
            for g, grp in c.groups:
                if grp[0].first >= c.fin and not (c.fin < also and grp[0].first < also):
                    break
                if g in self.morph.companion_prepositions:
                    beside = True
                elif " " in g and g.split(" ")[0] in self.morph.companion_prepositions:
                    beside = True
                    continue  # "neben den Präsidenten Russlands, …": the title's states
                elif g or toks[grp[0].first - 1].text != ",":
                    beside = False  # the names in apposition to its title go with it
                if beside:
                    companions += [k for m in grp for k in self._actor_key(m, "")]
            roles.add(frame.get("subj"), companions)
        roles.add(frame.get("subj"), self._gapped_subjects(c))

    def _named_with(self, key: str, noun: str) -> bool:
        """The entity's German name has ``noun`` as a word or a compound's head ("Arabische
        Liga" for "liga", "Westeuropäische Union" for "union")."""
        entry = self.d.get(key)
        return entry is not None and any(
            w.lower().endswith(noun) for n in (entry.label_de, *entry.alt_de) for w in n.split()
        )

    @staticmethod
    def _gapped_subjects(c: _Clause) -> list[str]:
        """The people of a clause that leaves out the verb and repeats a phrase of its
        frame: "Für Belgien unterschrieb X, für Dänemark Y" — Y signs as X does."""
        toks = c.ts.tokens
        out: list[str] = []
        for (g, grp), (g2, grp2) in itertools.pairwise(c.groups):
            if g2 or g not in c.frame or g in ("subj", "obj") or grp[0].first <= c.fin:
                continue
            p = grp[0].first - 1
            while p > c.fin and toks[p].pos in NP_INNER:
                p -= 1
            opens = p > 0 and toks[p].text.lower() == g and toks[p - 1].text == ","
            if (
                opens
                and all(t.pos in NP_INNER for t in toks[grp[-1].last : grp2[0].first])
                and all(m.cls == ActorClass.PERSON for m in grp2)
            ):
                out += [k for m in grp2 for k in m.keys]
        return out

    def _phrase_roles(self, c: _Clause, fn: _Functions | None, roles: _Roles) -> list[str]:
        """The roles of prepositional phrases (the frame's, mediation and invitation),
        and the places of the event."""
        trig, frame, ts = c.trig, c.frame, c.ts
        locations: list[str] = []
        for g, grp in c.groups:
            # a frame that names "in" wants the state entered ("marschierten in Kuwait
            # ein"), which is otherwise a place
            keys = [
                k for m in grp for k in self._actor_key(m, "" if g == "in" and g in frame else g)
            ]
            if g == "presence":
                # who is present attends: a party only of the presence's own event
                roles.add(frame.get("presence"), keys)
                continue
            if g == "unter vermittlung":
                roles.add("mediator", keys)
            elif g in ("auf einladung", "auf initiative"):
                roles.add("agent", keys)
            elif not (c.fa <= grp[0].first < max(c.fb, c.b)) and not trig.nominal:
                continue
            elif trig.framing and "gen" in frame and not self._attached(ts, trig, grp, c.groups):
                continue  # "nach dem Angriff der Hamas einigten sich X auf …": not the attack's
            elif (
                g in frame
                and g not in ("subj", "obj")
                and not ((trig.passive or (fn and fn.agents)) and g == "von")
                # the parse hangs the phrase on a noun ("nach dem Abgang von X"): not the
                # verb's (its own prepositions come with the parse's functions below)
                and not (
                    fn is not None and not trig.nominal and self._noun_attribute(ts, grp[0], g)
                )
            ):
                roles.add(frame[g], keys)
            if (
                (g.split(" ")[0] in _LOCATIVE and g in ("in", "nach", "bei"))
                or self._part_of_region(ts, grp[0])
            ) and not _in_attribute(
                ts.tokens, grp, trig.first, self.lex.cue("residence_attributes")
            ):
                locations += self._places(grp, PlaceClass.PLACE, ActorClass.STATE)
                locations += self._seats(grp)
            elif g == "auf" and trig.event_class != EventClass.MILITARY_ACTION:
                # "trafen sich auf der Krim", "berieten auf den Azoren": an island or region
                # (a state after "auf" is what is agreed on or pressed, not a place, save
                # an island state where people meet: "trafen sich auf Zypern")
                meets = trig.event_class in (EventClass.MEETING, EventClass.NEGOTIATION)
                classes = (PlaceClass.PLACE, ActorClass.STATE) if meets else (PlaceClass.PLACE,)
                locations += self._places(grp, *classes)
            elif trig.event_class == EventClass.MILITARY_ACTION and g in ("auf", "von"):
                # "rückte auf Kidal vor", "stürmten das Gefängnis von Khiam": a town or
                # region struck or taken (a state after "auf" or "von" is a side)
                locations += self._places(grp, PlaceClass.CITY, PlaceClass.REGION)
        agents_given = bool(fn is not None and fn.agents)
        for prep, grp in fn.preps if fn is not None else ():
            # the parse carries a preposition over a list the positional reading cuts
            # ("telefonierte mit Blair, dem Regierungschef X und Präsident Y")
            if (
                prep in frame
                and prep not in ("subj", "obj", "in", "nach", "bei")
                and not ((trig.passive or agents_given) and prep == "von")
            ):
                roles.add(frame[prep], [k for m in grp for k in self._actor_key(m, prep)])
        if trig.nominal and trig.pattern == "talks-frame":
            # "nach Verhandlungen in X": the place right after the noun
            for g, grp in c.groups:
                if g == "in" and grp[0].first > trig.first and grp[0].first <= trig.first + 3:
                    locations.extend(m.keys[0] for m in grp if m.keys)
        return locations

    def _facility_places(self, c: _Clause, facilities: Sequence[EntityMention]) -> list[str]:
        """The places of the facilities an event is done to or in: its object or passive
        subject by the parse ("stürmten das Gebäude", "das Gebäude wurde gestürmt"), or a
        locative phrase of the clause ("trafen sich im Hauptquartier"; of an event noun,
        right after it: "der Angriff auf das Gelände"). A facility that acts ("die Botschaft
        teilte mit") gives none."""
        ts, trig, parse = c.ts, c.trig, c.ts.parse
        out: list[str] = []
        for m in facilities:
            if m.place is None or not c.a <= m.first < c.b:
                continue
            noun = m.last - 1
            gov = governor(ts.tokens, m, None, morph=self.morph)
            if gov in _FACILITY_PREPOSITIONS:
                if not trig.nominal or 0 <= m.first - trig.last <= 2:
                    out.append(m.place)
            elif gov == "" and not trig.nominal and parse is not None:
                dep = parse.deps[noun]
                done_to = parse.heads[noun] == trig.first and (
                    dep in ("obj", "nsubj:pass") or (dep == "nsubj" and trig.passive)
                )
                # after the verb of a main clause and no subject by the parse: its object,
                # where the parse hangs it on the subject ("stürmten Einheiten des FSB das
                # Gebäude")
                if done_to or (m.first > c.fin and not dep.startswith("nsubj")):
                    out.append(m.place)
        return out

    def _places(self, grp: Sequence[EntityMention], *classes: str) -> list[str]:
        """The keys of the mentions of ``grp`` that name a place of one of ``classes``, by
        the dictionary or, for a place the article names first, by the mention's class."""
        return [
            m.keys[0]
            for m in grp
            if m.keys and (self.d.is_a(m.keys[0], *classes) or class_is(m.cls, *classes))
        ]

    def _seats(self, grp: Sequence[EntityMention]) -> list[str]:
        """The cities of the bodies of ``grp`` named by their building: a meeting "im Kreml"
        is in Moscow (``related`` ``seat=`` in the dictionary)."""
        return [
            seat
            for m in grp
            if m.keys and (entry := self.d.get(m.keys[0])) is not None
            for seat in entry.rel("seat")
        ]

    def _part_of_region(self, ts: TaggedSentence, m: EntityMention) -> bool:
        """The mention names where a part of a region lies: "im Süden des Libanon", "im
        Norden von Syrien" (cues.yaml ``region_part_nouns``)."""
        toks = ts.tokens
        j = m.first - 1
        while j >= 0 and toks[j].pos in ("ART", "ADJ(A)"):
            j -= 1
        if j >= 0 and toks[j].text.lower() == "von":
            j -= 1
        return (
            j >= 1
            and toks[j].pos == "NN"
            and toks[j].lemma.lower() in self.lex.cue("region_part_nouns")
            and toks[j - 1].text.lower() in ("im", "in", "am")
        )

    def _noun_roles(self, c: _Clause, ms: Sequence[EntityMention], roles: _Roles) -> None:
        """The frame's ``gen`` slot of an event noun: its genitive attribute ("der Angriff
        der Hamas", "der Einmarsch irakischer Truppen"), its possessor ("Russlands
        Offensive") or a state adjective before it ("israelische Luftangriffe")."""
        ts, trig, slot = c.ts, c.trig, c.frame["gen"]
        toks = ts.tokens
        for g, grp in c.groups:
            # "gen:angriff", or "nach einmarsch" where the noun is in a phrase itself
            genitive = g.startswith("gen:") or " " in g
            if (genitive and self._attached(ts, trig, grp, c.groups)) or (
                g == "poss"
                # (before the noun: "verhängte die Ecowas Sanktionen" after "nach dem
                # Angriff der Hamas" is no possessor of the attack)
                and grp[-1].last <= trig.first
                and all(toks[j].pos in NP_INNER for j in range(grp[-1].last, trig.first))
            ):
                roles.add(slot, [k for m in grp for k in self._actor_key(m, "")])
        for m in ms:
            if (
                m.kind == MentionKind.ADJECTIVE
                and m.last <= trig.first
                and all(toks[j].pos.startswith("ADJ") for j in range(m.last, trig.first))
            ):
                roles.add(slot, [k for k in self._actor_key(m, "")])

    def _object_genitive(
        self, c: _Clause, ms: Sequence[EntityMention], roles: _Roles, slot: str
    ) -> None:
        """The frame's ``obj-gen`` slot: whose act the verb's object noun names, by its
        genitive or possessor ("verlangte den Abzug der Argentinier", "forderte Mugabes
        Rücktritt": the Argentinians, Mugabe); ``subj-gen`` the same of the subject noun
        ("Einheiten der SADC trafen ein": the SADC's)."""
        concept = self._noun_concepts.get((c.trig.pattern, slot))
        if concept is None:
            return
        toks = c.ts.tokens
        lemmas = [t.lemma for t in toks]

        def of_concept(j: int) -> bool:
            return toks[j].pos == "NN" and self.lex.concept_at(lemmas, j, concept)

        p = c.ts.parse
        for g, grp in c.groups:
            if not c.a <= grp[0].first < c.b:
                continue
            # a possessor in the genitive before the noun ("Putins Rücktritt", also where
            # the reading of the phrases took it for the genitive of a noun before: "auf
            # einer Pressekonferenz Mugabes Rücktritt"), else the noun's genitive after it
            hit = self._possessor_before(toks, grp, c.b, of_concept)
            if not hit and g.startswith("gen:"):
                j = grp[0].first - 1
                while j > c.a and toks[j].pos in NP_INNER:
                    j -= 1
                hit = j > c.a and of_concept(j)
                if not hit and j > c.a and toks[j].pos == "NN":
                    # "ein Ende der Angriffe der Huthis": the genitive of the noun in the
                    # object's genitive
                    j -= 1
                    while j > c.a and toks[j].pos in NP_INNER:
                        j -= 1
                    hit = j > c.a and of_concept(j)
                # (the subject's, not a noun's in a phrase: "Bei den Gefechten mit Einheiten
                # der Panzerdivision des Generals X waren Hunderte getötet worden")
                hit = hit and not (slot == "subj-gen" and p is not None and not _bare_phrase(p, j))
            if hit:
                roles.add(c.frame[slot], [k for m in grp for k in self._actor_key(m, "")])
        # a state's adjective on the noun itself ("russische Luftangriffe töteten …",
        # "verlangte den syrischen Abzug"), where the parse makes the noun the verb's
        # subject or object
        function = "nsubj" if slot == "subj-gen" else "obj"
        for m in ms:
            j = m.last
            while j < c.b and toks[j].pos.startswith("ADJ"):
                j += 1
            if (
                m.kind == MentionKind.ADJECTIVE
                and c.a <= m.first
                and j < c.b
                and of_concept(j)
                and p is not None
                and p.heads[j] == c.trig.first
                and p.deps[j] == function
            ):
                roles.add(c.frame[slot], list(self._actor_key(m, "")))

    @staticmethod
    def _possessor_before(
        toks: Sequence[Token],
        grp: Sequence[EntityMention],
        b: int,
        of_concept: Callable[[int], bool],
    ) -> bool:
        """The names of ``grp`` end in a genitive -s right before a noun of the concept."""
        if not toks[grp[-1].last - 1].text.endswith(("s", "'")):
            return False
        j = grp[-1].last
        while j < b and toks[j].pos in NP_INNER:
            j += 1
        return j < b and of_concept(j)

    def _complement_subjects(self, c: _Clause, ms: Sequence[EntityMention], roles: _Roles) -> None:
        """The frame's ``comp-subj`` slot: the subject of a clause that says what ought to
        happen ("verlangte, dass die ELN die Geiseln freilässt": the ELN is asked)."""
        parse = c.ts.parse
        if parse is None:
            return
        heads = set(complement_subjects(c.ts, c.trig.first, morph=self.morph))
        found = [m for m in ms if mention_head(parse, m) in heads]
        roles.add(c.frame["comp-subj"], [k for m in found for k in self._actor_key(m, "")])

    def _target_owners(self, c: _Clause, roles: _Roles) -> None:
        """Who is attacked when a military target is: the owner of the positions or base
        ("griffen Stellungen der Rebellen an", "einen Stützpunkt von Regierungstruppen",
        "Luftangriffe auf Ziele in Jugoslawien")."""
        toks = c.ts.tokens
        groups = c.groups if c.trig.nominal else c.clause_groups
        for _g, grp in groups:
            j = grp[0].first - 1
            while j >= 0 and toks[j].pos in NP_INNER:
                j -= 1
            if j >= 0 and toks[j].pos == "APPR" and toks[j].lemma.lower() in ("von", "in"):
                j -= 1  # "Stützpunkt von X", "Ziele in X"
            if j >= 0 and toks[j].pos == "NN" and self.lex.lemma_in(toks[j].lemma, "targets"):
                roles.add("addressee", [k for m in grp for k in self._actor_key(m, "")])

    def _adjective_targets(self, c: _Clause, ms: Sequence[EntityMention], roles: _Roles) -> None:
        """A state adjective before a military target names the side attacked, after the
        verb ("beschossen armenische Stellungen") or in a passive; before an active verb it
        is the attacker's ("russische Stellungen feuerten")."""
        toks = c.ts.tokens
        for m in ms:
            j = m.last
            if (
                m.kind == MentionKind.ADJECTIVE
                and m.keys
                and c.a <= m.first
                and j < c.b
                # after the verb, or anywhere in a passive ("armenische Stellungen wurden
                # beschossen")
                and (m.first > c.fin or c.trig.passive)
                and toks[j].pos == "NN"
                and self.lex.lemma_in(toks[j].lemma, "targets")
                and self.d.is_a(m.keys[0], ActorClass.STATE)
            ):
                roles.add("addressee", [m.keys[0]])

    def _attached(
        self,
        ts: TaggedSentence,
        trig: Trigger,
        grp: Sequence[EntityMention],
        groups: Sequence[tuple[str, list[EntityMention]]],
    ) -> bool:
        """Whether a phrase follows the event noun inside its noun phrase, with only
        articles, adjectives, prepositions, the noun's other named attributes and nouns
        that act for the name between ("der Einmarsch irakischer Truppen in Kuwait": both;
        "der Putsch der Armee Nigers": Niger's; "Angriffe auf Stellungen der Rebellen": the
        rebels' positions are attacked, not the rebels)."""
        toks = ts.tokens
        named = {j for _g, other in groups for m in other for j in range(m.first, m.last)}
        j = grp[0].first - 1
        while j > trig.first and (
            toks[j].pos in NP_INNER
            or toks[j].pos in ("APPR", "APPRART")
            or j in named
            or (toks[j].pos == "NN" and toks[j].lemma.lower() in self._acting)
        ):
            j -= 1
        return j == trig.first

    def _finish(
        self,
        c: _Clause,
        fn: _Functions | None,
        roles: list[tuple[EventRole, str]],
        ms: Sequence[EntityMention],
    ) -> Event | None:
        """The event, unless a role its pattern requires is empty; mediators of the
        document, places attacked, and the confidence by the roles filled."""
        ts, trig, frame = c.ts, c.trig, c.frame
        roles_present = {r.value for r, _ in roles}
        p = self.lex.pattern(trig.pattern)
        required = p.requires if p else ()
        if trig.speaker:  # the speaker of the quotation acts: the claims stage adds them
            required = tuple(r for r in required if r != "agent")
        if fn is not None and fn.pass_subj and not fn.agents and frame.get("obj") in roles_present:
            # an agentless passive leaves its agent out on purpose ("Der LRA wird
            # vorgeworfen, …"): the patient is enough
            required = tuple(r for r in required if r != frame.get("subj"))
        if any(r not in roles_present for r in required) and not self._agreed_document(ts, trig):
            return None
        wanted = {v for v in frame.values()}
        if fn is not None and fn.agents:
            roles = self._broker(ts, trig, roles)
        roles = self._targets_as_places(trig, roles, {k: m.cls for m in ms for k in m.keys})
        if trig.event_class in _BROKERED:
            roles = self._compound_mediators(c, roles, ms)
            for k in (*self._document_mediators(ts, trig, ms), *self._named_mediators(c, ms)):
                mediator = (RoleProperty.MEDIATOR, k)
                if mediator not in roles and (RoleProperty.PARTICIPANT, k) not in roles:
                    roles.append(mediator)
        # who mediates takes no part as a side ("fanden unter Vermittlung Chinas statt")
        brokers = {k for r, k in roles if r == RoleProperty.MEDIATOR}
        roles = [(r, k) for r, k in roles if not (k in brokers and r == RoleProperty.PARTICIPANT)]
        conf = p.confidence if p else 0.6
        if wanted - roles_present:
            conf = max(0.3, conf - 0.15 * len(wanted - roles_present))
        return Event(
            sentence=ts.sentence.index,
            trigger=trig,
            event_class=trig.event_class,
            roles=tuple(roles),
            confidence=round(conf, 2),
        )

    def _by_function(
        self,
        ts: TaggedSentence,
        trig: Trigger,
        groups: Sequence[tuple[str, list[EntityMention]]],
    ) -> _Functions | None:
        """Subject, objects, passive subject and passive agent of the trigger from the
        dependency parse, or None when the parse names none of them (the positional
        reading then stands). A nominal trigger takes the subject of its verb ("führten
        Gespräche"); a dative counts as an object."""
        if ts.parse is None:
            return None
        pred = self._governing_verb(ts, trig.first) if trig.nominal else trig.first
        if pred is None:
            return None
        firsts = {id(grp[0]): grp for _g, grp in groups}
        # who is present ("im Beisein von X") bears no function of the clause's verb
        mentions = [grp[0] for g, grp in groups if g != "presence"]
        fn = _Functions(pred=pred)
        subjects: list[list[EntityMention]] = []
        for m, slot in argument_slots(ts, pred, mentions, proxies=self._acting, morph=self.morph):
            grp = firsts[id(m)]
            if slot == "subj":
                subjects.append(grp)
            elif slot in ("obj", "dat"):
                fn.objs.append(grp)
            elif slot == "pass-subj":
                fn.pass_subj.extend(grp)
            elif slot == "agent":
                fn.agents.extend(grp)
            else:
                fn.preps.append((slot, grp))
        # every phrase that bears the subject's function is part of it ("A und Maoistenchef
        # B"); where people are named in apposition to a title ("die Präsidenten Kenias und
        # Ugandas, A und B,"), the people act, not the states of their title
        # "der Sprecher der Junta, Oberst X": the group the title leaves unnamed is the
        # office of the person named after it, who acts
        subjects = [
            [m for m in g if not self._title_group(ts, m)]
            if any(m.cls == ActorClass.PERSON for m in g)
            else g
            for g in subjects
        ]
        people = [g for g in subjects if all(m.cls == ActorClass.PERSON for m in g)]
        offices_of = {of for g in people for m in g for _r, of, _f in m.offices}
        others = [k for g in subjects if g not in people for m in g for k in m.keys]
        if not (people and others and set(others) <= offices_of):
            people = []  # the states are not those of the people's titles: all act
        fn.subj = [m for g in (people or subjects) for m in g]
        governed = {id(m) for g, grp in groups if g and not g.startswith("gen:") for m in grp}
        if (
            fn.subj
            and all(id(m) in governed for m in fn.subj)
            and fn.objs
            and len(ts.parse.dependents(pred, "obj")) >= 2
        ):
            # "In der Provinz Nord-Kivu griffen Rebellen der M23 ein Dorf an": the parse
            # took the name in the opening phrase for the subject and gave the verb two
            # objects; the phrase's name is no subject, the first object is
            fn.subj = fn.objs.pop(0)
        named = {tuple(k for m in g for k in m.keys) for g in fn.objs}
        if not fn.subj and len(named) == 1 and self._was_subject(ts, pred):
            # "…, was die Regierung in Monrovia bestreitet": "was" is what is denied, the
            # actor the parse took for the object denies it
            fn.subj = fn.objs.pop(0)
        if (
            not fn.subj
            and trig.nominal
            and len(named) == 1
            and trig.first in ts.parse.dependents(pred, "nsubj")
        ):
            # "Beileid bekundeten X und Y": the event noun is the light verb's object,
            # whatever the parse says; the actor it took for the object is the subject
            fn.subj = fn.objs.pop(0)
        if not fn.subj and len(named) == 1 and self._thing_subject(ts, pred, mentions):
            # "Ihre Forderung … lehnte Fujimori stets ab": the object comes first and the
            # parse took it for the subject; a thing does not act, the actor does
            fn.subj = fn.objs.pop(0)
        nominative = [g for g in fn.objs if g[0].text.lower() in self.morph.nominative_only]
        if not fn.subj and nominative:
            # "Eine Entwaffnung der Miliz lehnte er ab": "er" is no object, whatever the
            # parse says
            fn.subj = nominative[0]
            fn.objs = [g for g in fn.objs if g is not nominative[0]]
        if not fn.subj:
            # "Vermittelt hatte die Einigung der belarussische Präsident X": the parse hung
            # the actor on the thing as its genitive (or made it a dative), but "der" with
            # an adjective in -e or a noun not in -n is nominative
            fn.subj = self._nominative_after_thing(ts, pred, groups)
            fn.objs = [g for g in fn.objs if not any(m in fn.subj for m in g)]
        if not fn.subj and trig.event_class in self.lex.issuer_classes:
            # "Ein Ultimatum der ECOWAS hatte Jammeh aufgefordert": the text's issuer
            fn.subj = self._issuer(ts, pred, mentions)
            fn.objs = [g for g in fn.objs if not any(m in fn.subj for m in g)]
        if not fn.subj and len(named) == 1 and self._thing_subject(ts, pred, mentions, time=True):
            # "Wenige Stunden zuvor hatte Generalsekretär X ein Ende der Gewalt verlangt"
            fn.subj = fn.objs.pop(0)
        if (
            not fn.subj
            and (len(named) == 1 or _one_person(fn.objs))
            and self._demonstrative_subject(ts, pred)
        ):
            # "Das teilte Armeesprecher X mit": a demonstrative subject beside an actor
            # after the verb is the object (the actor speaks, not "das"); a title and
            # the name in apposition to it are one actor, and so is the state or body of
            # the title ("der Sprecher der ruandischen Streitkräfte, X")
            fn.subj = fn.objs.pop(0)
            fn.objs = []
        if not fn.subj:
            # (in a clause a conjunction opens, any noun the parse makes its subject is
            # it: "…, nachdem die Nationalgarde Präsident X gestürzt hatte" is not done by
            # the subject of the main clause)
            subordinate = bool(ts.parse.dependents(pred, "mark"))
            fn.unnamed_subject = any(
                self._unnamed_actor(ts, c, groups)
                or (subordinate and self._nameless_noun(ts, c, groups))
                for c in ts.parse.dependents(pred, "nsubj")
            )
        if not (fn.subj or fn.objs or fn.pass_subj or fn.agents or fn.unnamed_subject):
            return None
        return fn

    def _issuer(
        self, ts: TaggedSentence, pred: int, mentions: Sequence[EntityMention]
    ) -> list[EntityMention]:
        """The one who issued a text that is the subject of a verb of saying or asking
        (concept "issued": "Ein Ultimatum der ECOWAS forderte Jammeh auf", "Eine Resolution
        des Sicherheitsrats verlangte den Rückzug"): the noun's genitive or possessor."""
        parse = ts.parse
        assert parse is not None
        toks = ts.tokens
        lemmas = [t.lemma for t in toks]
        for s in parse.dependents(pred, "nsubj"):
            if toks[s].pos != "NN" or not self.lex.concept_at(lemmas, s, "issued"):
                continue
            for c in parse.dependents(s, "nmod", "nmod:poss", "det:poss"):
                case = [toks[k].text.lower() for k in parse.dependents(c, "case")]
                m = next((x for x in mentions if x.first <= c < x.last and x.keys), None)
                if m is not None and case in ([], ["von"]):
                    return [m]
            # the genitive right after the noun, which the parse may give the verb as a
            # dative ("Ein Bericht der Vereinten Nationen wirft Ruanda vor")
            if s + 2 < len(toks) and toks[s + 1].text.lower() in ("der", "des"):
                m = next((x for x in mentions if x.first in (s + 1, s + 2) and x.keys), None)
                if m is not None:
                    return [m]
        return []

    def _unnamed_actor(
        self, ts: TaggedSentence, c: int, groups: Sequence[tuple[str, list[EntityMention]]]
    ) -> bool:
        """Token ``c`` heads a phrase of people with no name in it ("Rebellen", "die
        Kämpfer"): a genitive or apposition with a name would name them."""
        lemma = ts.tokens[c].lemma.lower()
        return any(
            lemma.startswith(n) for n in self.lex.ref("unnamed_actor_nouns")
        ) and self._nameless_noun(ts, c, groups)

    @staticmethod
    def _nameless_noun(
        ts: TaggedSentence, c: int, groups: Sequence[tuple[str, list[EntityMention]]]
    ) -> bool:
        """Token ``c`` heads a noun phrase with no name in it."""
        assert ts.parse is not None
        span = set(ts.parse.subtree(c))
        return ts.tokens[c].pos == "NN" and not any(
            m.first in span for _g, grp in groups for m in grp
        )

    @staticmethod
    def _title_group(ts: TaggedSentence, m: EntityMention) -> bool:
        """An unnamed group as the genitive of a noun ("der Sprecher der Junta")."""
        return (
            bool(m.fallback and m.keys == (m.fallback,) and m.first > 0)
            and ts.tokens[m.first - 1].pos == "NN"
        )

    @staticmethod
    def _participle_attribute(ts: TaggedSentence, trig: Trigger) -> bool:
        """The trigger is a participle the parse hangs on a noun as its attribute."""
        return (
            ts.parse is not None
            and not trig.nominal
            and participle_attribute(ts.tokens, ts.parse, trig.first)
        )

    def _intent_in(self, ts: TaggedSentence) -> bool:
        """A verb of intent, offer or refusal in the sentence ("weigerte sich, … zu")."""
        intent = self.lex.cue("intent_verbs")
        return any(t.pos.startswith("V") and t.lemma.lower() in intent for t in ts.tokens)

    @staticmethod
    def _was_subject(ts: TaggedSentence, pred: int) -> bool:
        """The parse makes the relative "was" after a comma the verb's subject."""
        parse = ts.parse
        assert parse is not None
        return any(
            ts.tokens[c].text.lower() == "was" and c > 0 and ts.tokens[c - 1].text == ","
            for c in parse.dependents(pred, "nsubj")
        )

    def _demonstrative_subject(self, ts: TaggedSentence, pred: int) -> bool:
        parse = ts.parse
        assert parse is not None
        return any(
            ts.tokens[c].pos == "PDS" and ts.tokens[c].text.lower() in self._demonstratives
            for c in parse.dependents(pred, "nsubj")
        )

    def _targets_as_places(
        self, trig: Trigger, roles: list[tuple[EventRole, str]], classes: dict[str, str]
    ) -> list[tuple[EventRole, str]]:
        """A city is where something happens, not an actor it happens to ("griffen die
        Hafenstadt X an", "besuchte die Stadt Y"); in fighting, a region attacked is its
        place too."""
        places = (
            # (and a camp or base attacked or taken: "nahm das Lager X ein")
            (PlaceClass.CITY, PlaceClass.REGION, PlaceClass.PLACE)
            if trig.event_class == EventClass.MILITARY_ACTION
            else (PlaceClass.CITY,)
        )
        out: list[tuple[EventRole, str]] = []
        for r, k in roles:
            # a place the article names first ("die Hafenstadt X") has its class on the mention
            if r == RoleProperty.ADDRESSEE and (
                self.d.is_a(k, *places) or classes.get(k) in places
            ):
                r = EventProperty.LOCATION
            if (r, k) not in out:
                out.append((r, k))
        return out

    def _agreed_document(self, ts: TaggedSentence, trig: Trigger) -> bool:
        """An agreement told in the passive without its parties: "war in Algier eine
        Einstellung der Feindseligkeiten vereinbart worden", "eine im September
        vereinbarte Waffenruhe". The document or ceasefire it names is the event enough."""
        parse = ts.parse
        if parse is None or trig.event_class not in _AGREED or trig.nominal:
            return False
        i = trig.first
        if parse.deps[i] in ("amod", "acl"):
            nouns = [parse.heads[i]]  # "die vereinbarte Waffenruhe"
        elif any(
            self.morph.is_passive_auxiliary(ts.tokens[c].lemma)
            for c in parse.dependents(i, "aux", "aux:pass")
        ):
            nouns = list(parse.dependents(i, "nsubj:pass", "nsubj"))
        else:
            return False
        lemmas = [t.lemma for t in ts.tokens]
        return any(
            self.lex.concept_at(lemmas, n, "ceasefire")
            or self.lex.concept_at(lemmas, n, "document")
            for n in nouns
        )

    def _noun_attribute(self, ts: TaggedSentence, m: EntityMention, prep: str) -> bool:
        """The parse makes the mention's phrase an attribute of a noun that is itself in
        a prepositional phrase ("nach dem Abgang von X"), not of an argument ("Die
        Gespräche zwischen X und Y wurden vermittelt"), and that noun, where it names an
        event, takes the preposition; a noun framing the act ("in einem Telefonat bei X",
        ``morph.framing_prepositions``) shares the phrase with the verb: the apology is to
        X as the call is with X."""
        parse = ts.parse
        if parse is None:
            return False
        i, seen = mention_head(parse, m), set()
        while parse.deps[i] in ("flat", "appos", "conj", "flat:name") and i not in seen:
            seen.add(i)
            i = parse.heads[i]
        if not (parse.deps[i] == "nmod" and bool(parse.dependents(parse.heads[i], "case"))):
            return False
        case = parse.dependents(parse.heads[i], "case")[0]
        if self.morph.preposition(ts.tokens[case].text) in self.morph.framing_prepositions:
            # "entschuldigte sich in einem Telefonat bei X": the call during which the
            # verb's act happened is with X, and the act is addressed to X too
            return False
        noun = ts.tokens[parse.heads[i]].lemma.lower()
        frames = [p.frame for p in self.lex.noun_patterns if noun.endswith(p.nouns)]
        return not frames or any(slot == prep for f in frames for slot, _ in f)

    def _nominative_after_thing(
        self, ts: TaggedSentence, pred: int, groups: Sequence[tuple[str, list[EntityMention]]]
    ) -> list[EntityMention]:
        """The person the parse hung as a genitive on the thing it took for the subject of
        ``pred`` (or on its object, where it took another word for the subject), or as the
        verb's dative, where the phrase is nominative: "der belarussische Präsident X" (a
        genitive would read "des …en", a dative "dem …", a woman's title "der …in")."""
        parse = ts.parse
        assert parse is not None
        # "Vermittelt hatten die seit Ende Juli … geführten Gespräche der EU-Sondergesandte
        # X": "Juli" the subject, the talks the object
        things = {c for c in parse.children(pred) if parse.deps[c] in ("nsubj", "obj")}
        for _g, grp in groups:
            m = grp[0]
            if m.cls != ActorClass.PERSON:
                continue  # "der Gemeinschaft" is a feminine genitive: only a man's title tells
            head = mention_head(parse, m)
            hung = parse.heads[head] in things and parse.deps[head].startswith("nmod")
            dative = parse.heads[head] == pred and parse.deps[head] == "iobj"
            if (hung or dative) and _masculine_nominative(ts.tokens, m.first):
                return list(grp)
        return []

    def _thing_subject(
        self,
        ts: TaggedSentence,
        pred: int,
        mentions: Sequence[EntityMention],
        *,
        time: bool = False,
    ) -> bool:
        """The parse gives ``pred`` a subject that is a noun of a thing (cues.yaml
        ``inanimate_concepts``: a demand, talks, a document), or with ``time`` of time
        ("Stunden"), and names no actor."""
        parse = ts.parse
        if parse is None:
            return False
        lemmas = [t.lemma for t in ts.tokens]
        covered = {i for m in mentions for i in range(m.first, m.last)}
        return any(
            ts.tokens[c].pos == "NN"
            and c not in covered
            and (
                self.lex.concept_at(lemmas, c, self._things, form=ts.tokens[c].text)
                # "Wenige Stunden zuvor hatte X … verlangt": a span of time acts not
                or (time and (self.morph.is_time_noun(lemmas[c]) or is_temporal_noun(lemmas[c])))
            )
            for c in parse.dependents(pred, "nsubj")
        )

    def _place_tokens(self, c: _Clause) -> set[int]:
        """The tokens of the places the clause names."""
        return {
            j
            for _g, grp in c.groups
            for m in grp
            if m.keys and self.d.is_a(m.keys[0], PlaceClass.PLACE)
            for j in range(m.first, m.last)
        }

    @staticmethod
    def _inside_pp(ts: TaggedSentence, m: EntityMention, places: Set[int] = frozenset()) -> bool:
        """The parse puts the mention inside a prepositional phrase ("nach dem Abgang von
        Präsident X"): it is no object of the clause, whatever its position."""
        parse = ts.parse
        if parse is None:
            return False
        i, seen = mention_head(parse, m), set()
        while i not in seen and parse.heads[i] != i:
            seen.add(i)
            if parse.dependents(i, "case") or parse.deps[i].startswith(("obl", "nsubj", "obj")):
                return bool(parse.dependents(i, "case"))
            if is_temporal_noun(ts.tokens[parse.heads[i]].lemma):
                return False  # "am Mittwochabend die OVKS": no time has an actor attribute
            if parse.heads[i] in places and not parse.dependents(i, "det"):
                # "in Transnistrien russische Soldaten": a bare phrase the parse hangs on a
                # place's name is the clause's own
                return False
            i = parse.heads[i]
        return False

    def _compound_mediators(
        self, c: _Clause, roles: list[tuple[EventRole, str]], ms: Sequence[EntityMention]
    ) -> list[tuple[EventRole, str]]:
        """A side named as the first part of a mediator's compound ("Geführt hatte die
        Verhandlungen der UN-Vermittler"): the UN mediates, it takes no part."""
        toks = c.ts.tokens
        brokers = {
            k
            for m in ms
            if c.fa <= m.first < max(c.fb, c.b) and m.keys
            for t in [toks[m.first]]
            if "-" in t.text
            and t.pos.startswith("N")
            and self.lex.lemma_in(t.text.rsplit("-", 1)[1], "mediator")
            for k in m.keys
        }
        sides = (RoleProperty.PARTICIPANT, RoleProperty.AGENT)
        return [
            (RoleProperty.MEDIATOR, k) if k in brokers and r in sides else (r, k) for r, k in roles
        ]

    def _named_mediators(self, c: _Clause, ms: Sequence[EntityMention]) -> list[str]:
        """People the clause names as mediators by a noun right before them ("übergaben
        ihre Schreiben an den US-Vermittler Amos Hochstein")."""
        toks = c.ts.tokens
        out: list[str] = []
        for m in ms:
            if not (c.fa <= m.first < max(c.fb, c.b)) or m.first == 0 or not m.keys:
                continue
            if m.cls != ActorClass.PERSON and not self.d.is_a(m.keys[0], ActorClass.PERSON):
                continue
            before = toks[m.first - 1]
            if before.pos == "NN" and self.lex.lemma_in(before.lemma, "mediator"):
                out.extend(m.keys)
        return out

    def _document_mediators(
        self, ts: TaggedSentence, trig: Trigger, ms: Sequence[EntityMention]
    ) -> list[str]:
        """ "Das von Algerien vermittelte Abkommen wurde … unterzeichnet": the mediator of
        the document the agreement is about, told in a participle attribute on it; "Von
        Saudi-Arabien vermittelte Gespräche … waren abgebrochen worden": on the talks."""
        parse = ts.parse
        if parse is None:
            return []
        out: list[str] = []
        docs = (
            (trig.first,)
            if trig.nominal
            else parse.dependents(trig.first, "nsubj:pass", "obj", "nsubj")
        )
        for doc in docs:
            for part in parse.dependents(doc, "amod", "acl"):
                verb = ts.tokens[part].verb or ts.tokens[part].lemma.lower()
                if verb not in self._mediation_verbs:
                    continue
                for by in parse.dependents(part, "obl:agent", "obl", "nmod"):
                    if preposition(ts.tokens, parse, by, morph=self.morph) not in ("von", "durch"):
                        continue
                    for c in parse.conjuncts(by):
                        m = next((m for m in ms if m.first <= c < m.last), None)
                        if m is not None:
                            out += [k for k in self._actor_key(m, "von") if k not in out]
        return out

    @staticmethod
    def _broker(
        ts: TaggedSentence, trig: Trigger, roles: list[tuple[EventRole, str]]
    ) -> list[tuple[EventRole, str]]:
        """ "ein von Katar ausgehandelter Austausch": an agreement or talks told as a
        participle attribute with one actor alone in the "von" phrase were brokered by
        it (an agreement has two sides); with two or more, they are the sides."""
        parse = ts.parse
        if (
            parse is None
            or trig.event_class not in _BROKERED
            or parse.deps[trig.first] not in ("amod", "acl")
        ):
            return roles
        sides = [k for r, k in roles if r == RoleProperty.PARTICIPANT]
        if len(sides) != 1:
            return roles
        return [
            (RoleProperty.MEDIATOR, k) if r == RoleProperty.PARTICIPANT else (r, k)
            for r, k in roles
        ]

    def _irrealis(self, ts: TaggedSentence, trig: Trigger) -> bool:
        """The trigger's verb stands under a modal of possibility or intention, or an
        irrealis auxiliary ("kann entsenden", "will verhandeln", "würde unterzeichnen"), or
        in a clause of an open question or a supposition ("ob", "falls"): nothing happened
        yet."""
        if ts.parse is None:
            return False
        pred = self._governing_verb(ts, trig.first) if trig.nominal else trig.first
        if pred is None:
            return False
        if any(
            ts.tokens[c].text.lower() in self._open_conjunctions
            for c in ts.parse.dependents(pred, "mark")
        ):
            return True  # "Ob die UN Blauhelme schicken, ist offen"
        parse, toks = ts.parse, ts.tokens
        # an infinitive coordinated with another shares its modal ("wollten die Stadt
        # angreifen und den Gouverneur töten"): climb to the first conjunct
        for _ in range(len(toks)):
            if (
                parse.deps[pred] != "conj"
                or toks[pred].pos not in ("VV(INF)", "VV(PP)")
                or auxiliaries(ts, pred)
                or not toks[parse.heads[pred]].pos.startswith("V")
            ):
                break
            pred = parse.heads[pred]
        return any(
            a.lemma.lower() in self._modals or a.text.lower() in self._irrealis_forms
            for a in auxiliaries(ts, pred)
        )

    def _unattributed_allegations(
        self, ts: TaggedSentence, trigs: Sequence[Trigger], events: list[Event | None]
    ) -> list[Event | None]:
        """An event told in the complement of an accusation ("Die Armee warf der GAM vor,
        Soldaten angegriffen zu haben") is someone's allegation: without an accusation
        event that names the accuser (the claims stage marks those), it is no fact."""
        parse = ts.parse
        if parse is None:
            return events
        accusing = {
            t.first: ev
            for t, ev in zip(trigs, events, strict=True)
            if t.event_class == EventClass.ACCUSATION
        }
        out = list(events)
        for n, t in enumerate(trigs):
            if out[n] is None or t.event_class == EventClass.ACCUSATION or t.nominal:
                continue
            v = t.first
            while parse.deps[v] == "conj" and parse.heads[v] != v:
                v = parse.heads[v]
            if parse.deps[v].split(":")[0] not in ("xcomp", "ccomp") or parse.heads[v] == v:
                continue
            gov = parse.heads[v]
            accusation = accusing.get(gov)
            if gov in accusing and (
                accusation is None or not accusation.actors(RoleProperty.AGENT)
            ):
                out[n] = None
        return out

    @staticmethod
    def _governing_verb(ts: TaggedSentence, i: int) -> int | None:
        """The verb an event noun depends on ("Gespräche führen", "bei Beratungen in Kairo
        sagte"), climbing through nouns and prepositions."""
        parse = ts.parse
        assert parse is not None
        seen = set()
        while i not in seen:
            seen.add(i)
            h = parse.heads[i]
            if h == i:
                return None
            if ts.tokens[h].pos.startswith(("VV", "VA", "VM")):
                return h
            if parse.dependents(h, "cop"):
                # "…, Gastgeber war Portugal": the noun is in a clause of its own with
                # the copula; the verb beyond is another clause's
                return None
            i = h
        return None

    def _vorfeld_subject(
        self,
        toks: Sequence,
        groups: Sequence[tuple[str, list[EntityMention]]],
        fa: int,
        fin: int,
    ) -> list[EntityMention] | None:
        """The sentence-opening phrase when the clause of the finite verb ``fin`` starts with
        that verb right after a comma ("X, der ... innehat, sagte"), else None."""
        if fa != fin or fa < 2 or toks[fa - 1].text != "," or toks[0].pos in _SUBORDINATORS:
            return None
        appo = next(
            (
                m
                for _g, grp in groups
                for m in grp
                if m.last == fa - 1 and m.first > 1 and toks[m.first - 1].text == ","
            ),
            None,
        )
        if appo is not None and appo.cls == ActorClass.PERSON and appo.keys:
            # "Der EU-Sonderbeauftragte für den Dialog, Miroslav Lajčák, hatte ...": the
            # name closing the sentence-opening phrase is the subject
            return [appo]
        for _g, grp in groups:
            if (
                len(grp) > 1
                and grp[-1].last == fa - 1
                and grp[0].first > 1
                and toks[grp[0].first - 1].text == ","
                and all(m.cls == ActorClass.PERSON and m.keys for m in grp)
            ):
                # "Die Außenminister X-s und Y-s, A B und C D, unterzeichneten": both names
                return grp
        early = [grp for g, grp in groups if g == "" and grp[-1].last < fa]
        if not early:
            return None
        first = early[0]
        lead = toks[: first[0].first]
        if any(t.pos not in ("ART", "ADJ(A)", "PIAT", "PPOSAT") for t in lead):
            return None
        end = first[-1].last
        if end >= len(toks) or toks[end].text != "," or self._oblique(toks, first[0]):
            return None
        return first

    def _oblique(self, toks, m: EntityMention) -> bool:
        """A phrase marked dative/accusative/genitive by its article ("dem Präsidenten");
        for the genitive of a proxy noun ("den Vertretern der RSF"), the proxy's article."""
        first = m.first
        for _ in range(2):
            j = first - 1
            while (
                j >= 0
                and toks[j].pos in ("ADJ(A)", "PIAT", "PPOSAT")
                and toks[j].text.lower() not in _NOT_SUBJECT_ART
            ):
                j -= 1
            if (
                j >= 1
                and toks[j].text.lower() in ("der", "des")
                and toks[j - 1].pos == "NN"
                and toks[j - 1].lemma.lower() in self._proxies
            ):
                first = j - 1
                continue
            return j >= 0 and toks[j].text.lower() in _NOT_SUBJECT_ART
        return False
