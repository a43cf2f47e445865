"""Load the researcher-editable pattern files of ``kg/data/patterns/``.

Reads ``events.yaml`` (event patterns and noun concepts), ``roles.yaml`` (titles → role
keys), ``references.yaml`` (group references, pronouns) and ``cues.yaml`` (negation,
claims, standing-fact cues); writes one frozen :class:`Lexicon`.

>>> lex = load_lexicon()
>>> lex.title_role("Ministerpräsidenten")
'prime-minister'
>>> lex.concept_at(["Ende", "der", "Kampfhandlung"], 0, "ceasefire")
True
>>> any(p.event_class == "MediationOffer" for p in lex.patterns)
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.resources import data_dir
from kg.vocabulary import ActorClass, EventClass, PlaceClass

__all__ = [
    "CONDITION_KEYS",
    "CUE_KEYS",
    "EVENTS_KEYS",
    "PATTERN_KEYS",
    "REF_KEYS",
    "ROLES_KEYS",
    "SPEAKER_KEYS",
    "UNREALISED_KEYS",
    "Concept",
    "Lexicon",
    "Pattern",
    "load_lexicon",
]


@dataclass(frozen=True)
class Concept:
    """Nouns of one meaning: lemma substrings, or a head with a genitive ("Ende der Kämpfe")."""

    name: str
    terms: tuple[str, ...]
    heads: tuple[str, ...] = ()
    of: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()  # a verb after an "of" noun: "die Kämpfe einzustellen"
    plural: tuple[str, ...] = ()  # nouns of the meaning in the plural only ("Gespräche")
    # compounds of a term that mean something else ("Pressekonferenz" holds no talks)
    excepted: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pattern:
    """One event pattern (see the header of ``events.yaml``)."""

    id: str
    event_class: str
    cameo: str
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    light: tuple[str, ...]
    with_: tuple[tuple[str, Any], ...]
    without: tuple[tuple[str, Any], ...]
    upgrade: tuple[tuple[str, str], ...]
    frame: tuple[tuple[str, str], ...]
    requires: tuple[str, ...]
    confidence: float
    inside: tuple[str, ...] = ()  # prepositions of a framing phrase: "in einem Telefonat mit X"
    beside: bool = False  # the light verb's own event stands beside the noun's

    @property
    def specificity(self) -> int:
        """How much a match of the pattern says: its conditions, and who acts above all
        (protesters demanding are a protest, whatever they demand)."""
        who = 2 if any(k == "subject" for k, _v in self.with_) else 0
        return len(self.with_) * 2 + len(self.without) + who


def _tuple(v: Any) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    return tuple(str(x) for x in v)


@dataclass(frozen=True)
class Lexicon:
    """All pattern data, with the small lookups the stages need."""

    concepts: Mapping[str, Concept]
    patterns: tuple[Pattern, ...]
    titles: Mapping[str, str]
    former: frozenset[str]
    colleague: frozenset[str]
    role_labels: Mapping[str, tuple[str, str]]
    role_implies: Mapping[str, str]
    deputy_prefixes: tuple[str, ...]
    interim_prefixes: tuple[str, ...]  # "Übergangspräsident": the office itself, held for now
    deputy_adjectives: frozenset[str]  # "der stellvertretende Ministerpräsident"
    state_forces_titles: frozenset[str]  # "Armeechef": of a state's armed forces
    compound_heads: Mapping[str, str]  # roles.yaml "compound_heads": head of a title compound
    national: frozenset[str]  # offices of a state's government (roles.yaml "national")
    refs: Mapping[str, Any]
    cues: Mapping[str, Any]
    # a first-person speech act inside a quotation is the speaker's ("„Wir verurteilen den
    # Angriff“, sagte X"): the pronouns that make it one, and the classes of such acts
    speaker_pronouns: frozenset[str] = frozenset()
    # "unsere Streitkräfte": a subject the speaker's own
    speaker_possessives: frozenset[str] = frozenset()
    speaker_classes: frozenset[str] = frozenset()
    # acts of saying or asking whose subject may be a text its issuer speaks through
    # (events.yaml "issuer_classes": "Ein Ultimatum der ECOWAS forderte Jammeh auf")
    issuer_classes: frozenset[str] = frozenset()
    # what has not happened (events.yaml "unrealised"): a zu-infinitive after the verbs of
    # the patterns of some classes ("forderte X auf, der Waffenruhe zuzustimmen"), a bare
    # infinitive with a future or planning auxiliary ("werden verhandeln")
    unrealised_verbs: frozenset[str] = frozenset()
    future_auxiliaries: frozenset[str] = frozenset()
    # offices held at a body for a state (roles.yaml "posting_roles": "UN-Botschafter")
    posting_roles: frozenset[str] = frozenset()
    # offices with several holders at once (roles.yaml "shared_roles": "die Vizepräsidenten")
    shared_roles: frozenset[str] = frozenset()
    # compounds of a state's own body ("Regierungssprecher"): roles.yaml "state_body_prefixes"
    state_body_prefixes: tuple[str, ...] = ()
    # offices of a region's or a city's government besides the national ones, and the
    # label of that government by the place's class (roles.yaml "regional_roles",
    # "regional_governments": "Regierung von {}")
    regional_roles: frozenset[str] = frozenset()
    # offices only a place has: an unknown name after "von" is a town (roles.yaml
    # "place_roles": "der Erzbischof von Ayacucho")
    place_roles: frozenset[str] = frozenset()
    # offices a bare title holds in the town of a one-city dateline (roles.yaml
    # "town_roles": "Berlin – … Oberbürgermeister Ernst Reuter")
    town_roles: frozenset[str] = frozenset()
    regional_governments: Mapping[str, str] = field(default_factory=dict)
    # a church's offices held in the see of the place instead: office -> (key suffix,
    # label) of the see (roles.yaml "regional_sees": "Erzbistum {}")
    regional_sees: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    def deputy(self, role: str) -> str | None:
        """The deputy office of ``role`` where it has labels, else None.

        >>> load_lexicon().deputy("prime-minister"), load_lexicon().deputy("head-of-state")
        ('deputy-prime-minister', None)
        """
        return f"deputy-{role}" if f"deputy-{role}" in self.role_labels else None

    @cached_property
    def _by_id(self) -> dict[str, Pattern]:
        return {p.id: p for p in self.patterns}

    def pattern(self, pattern_id: str) -> Pattern | None:
        """The pattern with id ``pattern_id`` (None for an unknown id).

        >>> lex = load_lexicon()
        >>> lex.pattern("assassination-survived").requires, lex.pattern("no-such-pattern")
        (('addressee',), None)
        """
        return self._by_id.get(pattern_id)

    def cue(self, name: str) -> frozenset[str]:
        """A cue list of ``cues.yaml`` as a set of lowercase words."""
        if name not in CUE_KEYS:
            raise KeyError(f"no cue list {name!r} in cues.yaml")
        found = self._word_sets.get(("cue", name))
        if found is None:
            found = frozenset(str(x).lower() for x in self.cues.get(name, ()))
            self._word_sets[("cue", name)] = found
        return found

    def holder_role(self, noun: str) -> str | None:
        """The office of a person who holds a leadership noun ("Vorsitz", "OSZE-Vorsitz").

        >>> load_lexicon().holder_role("OSZE-Vorsitz")
        'chairperson'
        """
        low = noun.lower()
        return next((role for k, role in self._holder_roles if low.endswith(k)), None)

    @cached_property
    def _holder_roles(self) -> tuple[tuple[str, str], ...]:
        """The leadership nouns with their office, the longest first ("co-vorsitz" before
        "vorsitz")."""
        found = dict(self.cues.get("leadership_nouns") or {})
        return tuple(
            sorted(((str(k), str(v)) for k, v in found.items()), key=lambda kv: -len(kv[0]))
        )

    def opens_with_armed_group(self, word: str) -> bool:
        """Whether a word opens with an armed group's noun ("Rebellenführer", "Milizenchef").

        >>> load_lexicon().opens_with_armed_group("Rebellenchef")
        True
        """
        return word.lower().startswith(self._armed_group_prefixes)

    @cached_property
    def _armed_group_prefixes(self) -> tuple[str, ...]:
        return tuple(sorted(self.ref("armed_group_nouns")))

    def group_class(self, noun: str) -> str | None:
        """The class of actor a noun naming a group without its name stands for (a lemma),
        or None for other nouns.

        >>> lex = load_lexicon()
        >>> lex.group_class("Rebell"), lex.group_class("koalition"), lex.group_class("stadt")
        ('ArmedGroup', 'Organization', None)
        >>> lex.group_class("Garantenkommission")
        'Organization'
        >>> lex.group_class("Selbstmordattentäter"), lex.group_class("Unbewaffnete")
        ('ArmedGroup', None)
        >>> lex.group_class("Kosovo-Albaner")
        'Actor'
        """
        low = noun.lower()
        if low in self.ref("armed_group_nouns") or any(
            # (a stem of three letters or more before the head: "Unbewaffnete" are not)
            low.endswith(h) and len(low) - len(h) >= 3
            for h in self._armed_group_heads
        ):
            return ActorClass.ARMED_GROUP.value
        groups = self.refs.get("unnamed_group_classes") or {}
        found = groups.get(low)
        if found:
            return str(found)
        if groups.get(low.rpartition("-")[2]) == "Actor":
            # a people named with its place: "Karabach-Armenier", "Kosovo-Albaner"
            return "Actor"
        # a compound of a body's noun: "Garantenkommission", "Vermittlungsmission"
        return "Organization" if low.endswith(self._body_heads) else None

    @cached_property
    def _armed_group_heads(self) -> tuple[str, ...]:
        """The armed group nouns that head compounds ("Selbstmordattentäter",
        "Islamistenmiliz"): those of five letters or more."""
        return tuple(sorted(n for n in self.ref("armed_group_nouns") if len(n) >= 5))

    @cached_property
    def _body_heads(self) -> tuple[str, ...]:
        """The nouns of unnamed organisations that head compounds (six letters or more)."""
        classes = self.refs.get("unnamed_group_classes") or {}
        return tuple(str(k) for k, v in classes.items() if len(str(k)) >= 6 and v == "Organization")

    def ref(self, name: str) -> frozenset[str]:
        """A list of ``references.yaml`` as a set of lowercase words."""
        if name not in REF_KEYS:
            raise KeyError(f"no list {name!r} in references.yaml")
        found = self._word_sets.get(("ref", name))
        if found is None:
            found = frozenset(str(x).lower() for x in self.refs.get(name, ()))
            self._word_sets[("ref", name)] = found
        return found

    @cached_property
    def speech_verbs(self) -> frozenset[str]:
        """The verbs of saying: those of the Statement patterns ("sagen", "erklären")."""
        return frozenset(
            v for p in self.patterns if p.event_class == EventClass.STATEMENT for v in p.verbs
        )

    @cached_property
    def verb_patterns(self) -> Mapping[str, tuple[Pattern, ...]]:
        """The patterns of each verb lemma ("*": of any verb), in lexicon order; built
        once, looked up at every verb."""
        out: dict[str, list[Pattern]] = {}
        for p in self.patterns:
            for v in p.verbs:
                out.setdefault(v, []).append(p)
        return {v: tuple(ps) for v, ps in out.items()}

    @cached_property
    def noun_patterns(self) -> tuple[Pattern, ...]:
        """The patterns with event nouns, in lexicon order."""
        return tuple(p for p in self.patterns if p.nouns)

    @cached_property
    def military_action_nouns(self) -> tuple[str, ...]:
        """The nouns of the military-action patterns, sorted ("angriff", "beschuss", …):
        a noun ending in one names a military action.

        >>> "angriff" in load_lexicon().military_action_nouns
        True
        """
        return tuple(
            sorted(
                {
                    n
                    for p in self.noun_patterns
                    if p.event_class == EventClass.MILITARY_ACTION
                    for n in p.nouns
                }
            )
        )

    @cached_property
    def _word_sets(self) -> dict[tuple[str, str], frozenset[str]]:
        """The sets :meth:`cue` and :meth:`ref` built, each once per lexicon: the stages
        ask for them per sentence and per event (some 17,000 times on the 35 dev
        articles)."""
        return {}

    def title_role(self, word: str) -> str | None:
        """The role key of a title word, inflected or not ("Außenministers" → foreign-minister,
        "Außenministerinnen" too).

        >>> load_lexicon().title_role("Außenministerinnen")
        'foreign-minister'
        """
        w = word.lower()
        # (a feminine plural ends in "-innen": "Präsidentinnen" of "Präsidentin")
        feminine = (w[:-3],) if w.endswith("innen") else ()
        for cand in (w, w[:-1], w[:-2], w[:-1] + "r", *feminine):
            if cand in self.titles:
                return self.titles[cand]
        if "ss" in w and "ß" not in w:
            # Swiss spelling writes no ß ("Aussenminister")
            role = self.title_role(w.replace("ss", "ß"))
            if role:
                return role
        # a leader of rebels named by a compound ("Rebellenchef", "Maoistenführer",
        # "Milizenkommandeur"): the office of its head word
        if self.opens_with_armed_group(w):
            for key, role in self.titles.items():
                if (
                    len(key) >= 4
                    and w.endswith(key)
                    and self.opens_with_armed_group(w[: -len(key)])
                ):
                    return role
        # a deputy compound of a known office ("Vizeregierungschef") where the deputy office
        # has labels
        for prefix in self.deputy_prefixes:
            if w.startswith(prefix) and len(w) > len(prefix) + 3:
                base = self.title_role(w[len(prefix) :])
                if base and f"deputy-{base}" in self.role_labels:
                    return f"deputy-{base}"
        # an interim holder holds the office ("Übergangsregierungschef", "Interimspräsident")
        for prefix in self.interim_prefixes:
            if w.startswith(prefix) and len(w) > len(prefix) + 3:
                base = self.title_role(w[len(prefix) :])
                if base:
                    return base
        # a compound with a title's head ("Bergbauministerin", "Regierungssprechers"); a
        # hyphenated one names its owner first ("US-Außenminister"), read by the caller
        for cand in (w, w[:-1], w[:-2], *feminine) if "-" not in w else ():
            for head, role in self.compound_heads.items():
                if cand.endswith(head) and len(cand) - len(head) >= 4:
                    # the most specific known title it ends in ("Bundesverteidigungsminister")
                    known = next(
                        (
                            self.titles[cand[i:]]
                            for i in range(1, len(cand) - len(head))
                            if cand[i:] in self.titles
                        ),
                        None,
                    )
                    return known or role
        return None

    def lemma_in(self, lemma: str, concept: str) -> bool:
        """Whether a noun lemma belongs to a concept (compounds count: "Feuerpausenabkommen")."""
        c = self.concepts.get(concept)
        low = lemma.lower()
        return bool(c) and any(t in low for t in c.terms)  # type: ignore[union-attr]

    def concept_at(
        self, lemmas: Sequence[str], i: int, concept: str, *, form: str | None = None
    ) -> bool:
        """Whether the noun at ``i`` (with its genitive attribute) expresses ``concept``, or
        one of several ("document|ceasefire"); with the noun's ``form``, a noun of the
        concept's plural-only list in a plural form ("Gespräche", "Gesprächen") too."""
        if "|" in concept:
            return any(self.concept_at(lemmas, i, c, form=form) for c in concept.split("|"))
        c = self.concepts.get(concept)
        if c is None:
            return False
        low = lemmas[i].lower()
        if any(x in low for x in c.excepted):
            return False
        if any(t in low for t in c.terms if " " not in t):
            return True
        # a term of two words is written as its lemmas ("gut dienst": "seine guten Dienste")
        pair = f"{lemmas[i - 1].lower()} {low}" if i > 0 else ""
        if any(t == pair for t in c.terms if " " in t):
            return True
        if form is not None and low.endswith(c.plural) and _plural_form(form.lower(), low):
            return True
        if low in c.heads:
            for j in range(i + 1, min(len(lemmas), i + 4)):
                if any(o in lemmas[j].lower() for o in c.of):
                    return True
        if c.verbs and any(o in low for o in c.of):
            # "die Kämpfe sofort einzustellen": the noun, then the verb that ends it
            return any(lemmas[j].lower() in c.verbs for j in range(i + 1, min(len(lemmas), i + 9)))
        return False


def _plural_form(form: str, lemma: str) -> bool:
    """A noun's form is a plural of its lemma by an "-e(n)" ending ("Gespräche",
    "Gesprächen"; not the genitive "Gesprächs")."""
    return form != lemma and form[len(lemma) :] in ("e", "en", "n")


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise InputError(f"{path}: cannot read pattern file: {err}") from err
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping at the top level")
    return data


#: The keys a pattern of ``events.yaml`` may have, and the conditions of its
#: ``with``/``without`` (see the header of ``events.yaml``).
PATTERN_KEYS = frozenset(
    {"id", "class", "cameo", "verb", "noun", "light", "inside", "with", "without", "upgrade",
     "frame", "requires", "confidence", "beside"}
)  # fmt: skip
CONDITION_KEYS = frozenset(
    {"reflexive", "object", "pp", "prep", "quote", "infinitive", "subject", "colon-quote",
     "predicative", "toll",
     "negated", "content", "word", "attribute", "clause-verb"}
)  # fmt: skip


# the slots a frame may name (the event's grammatical functions and the prepositions
# whose phrases fill a role) and the roles they may fill
FRAME_SLOTS = frozenset(
    {"subj", "obj", "gen", "presence", "source", "obj-gen", "subj-gen", "comp-subj",
     "mit", "zu", "gegenüber", "zwischen", "an", "auf", "gegen", "für", "von", "bei",
     "um", "über", "nach", "in", "hinter", "durch", "aus"}
)  # fmt: skip
FRAME_ROLES = frozenset({"agent", "addressee", "participant", "mediator", "about"})


def _pattern(raw: Mapping[str, Any], path: Path) -> Pattern:
    for key in ("id", "class", "cameo"):
        if key not in raw:
            raise InputError(f"{path}: pattern {raw.get('id', '?')}: missing '{key}'")
    unknown = sorted(set(raw) - PATTERN_KEYS)
    if unknown:
        raise InputError(f"{path}: pattern {raw['id']}: unknown keys {unknown}")
    for part in ("with", "without"):
        bad = sorted(set(dict(raw.get(part) or {})) - CONDITION_KEYS)
        if bad:
            raise InputError(f"{path}: pattern {raw['id']}: unknown condition {bad} in '{part}'")
    if not raw.get("verb") and not raw.get("noun"):
        raise InputError(f"{path}: pattern {raw['id']}: needs 'verb' or 'noun'")
    frame = dict(raw.get("frame") or {})
    bad = sorted(set(frame) - FRAME_SLOTS) + sorted(set(map(str, frame.values())) - FRAME_ROLES)
    if bad:
        raise InputError(f"{path}: pattern {raw['id']}: unknown frame slot or role {bad}")
    if "comp-subj" in frame and not raw.get("verb"):
        raise InputError(f"{path}: pattern {raw['id']}: the slot 'comp-subj' needs a 'verb'")
    if "gen" in frame and not raw.get("noun"):
        raise InputError(f"{path}: pattern {raw['id']}: the slot 'gen' needs a 'noun'")
    if "obj-gen" in frame and not dict(raw.get("with") or {}).get("object"):
        raise InputError(f"{path}: pattern {raw['id']}: the slot 'obj-gen' needs 'with: object'")
    if "subj-gen" in frame and not dict(raw.get("with") or {}).get("subject"):
        raise InputError(f"{path}: pattern {raw['id']}: the slot 'subj-gen' needs 'with: subject'")

    def conds(v: Any) -> tuple[tuple[str, Any], ...]:
        if not v:
            return ()
        out = []
        for k, val in sorted(dict(v).items()):
            out.append((str(k), tuple(str(x) for x in val) if isinstance(val, list) else val))
        return tuple(out)

    return Pattern(
        id=str(raw["id"]),
        event_class=str(raw["class"]),
        cameo=str(raw["cameo"]),
        verbs=tuple(x.lower() for x in _tuple(raw.get("verb"))),
        nouns=tuple(x.lower() for x in _tuple(raw.get("noun"))),
        light=tuple(x.lower() for x in _tuple(raw.get("light"))),
        with_=conds(raw.get("with")),
        without=conds(raw.get("without")),
        upgrade=tuple(sorted((str(k), str(v)) for k, v in dict(raw.get("upgrade") or {}).items())),
        frame=tuple((str(k), str(v)) for k, v in dict(raw.get("frame") or {}).items()),
        requires=_tuple(raw.get("requires")),
        confidence=float(raw.get("confidence", 0.7)),
        inside=tuple(x.lower() for x in _tuple(raw.get("inside"))),
        beside=bool(raw.get("beside", False)),
    )


#: Every list of ``cues.yaml``; a file with another key, or without one of these, is refused.
CUE_KEYS = (
    "negation",
    "source_nouns",
    "source_preps",
    "member_nouns",
    "member_verbs",
    "member_relatives",
    "alliance_words",
    "leave_verbs",
    "leave_forms",
    "admission_verbs",
    "admission_forms",
    "member_companions",
    "member_examples",
    "contrast_phrases",
    "residence_attributes",
    "member_compound_heads",
    "joined_forms",
    "leadership_nouns",
    "leadership_verbs",
    "leadership_prepositions",
    "region_part_nouns",
    "office_verbs",
    "leadership_holding_verbs",
    "appointment_verbs",
    "top_nouns",
    "led_parts",
    "class_nouns",
    "place_nouns",
    "place_prepositions",
    "offensive_nouns",
    "offensive_prepositions",
    "pair_prepositions",
    "place_taking_verbs",
    "capital_nouns",
    "town_reference_nouns",
    "facility_nouns",
    "facility_reference_nouns",
    "conflict_nouns",
    "conflict_verbs",
    "conflict_object_verbs",
    "conflict_waging_verbs",
    "present_copulas",
    "civil_war_nouns",
    "conflict_onset_nouns",
    "conflict_start_verbs",
    "conflict_coming_verbs",
    "conflict_start_participles",
    "conflict_start_nouns",
    "conflict_duration_verbs",
    "intent_verbs",
    "expectation_verbs",
    "preceding_verbs",
    "irrealis",
    "irrealis_modals",
    "open_conjunctions",
    "large_counts",
    "proxy_nouns",
    "inanimate_concepts",
    "presence_phrases",
    "title_prefixes",
)

#: The sections of ``events.yaml`` and ``roles.yaml``, and the keys of ``events.yaml``'s
#: ``speaker`` and ``unrealised`` sections.
EVENTS_KEYS = ("concepts", "patterns", "speaker", "unrealised", "issuer_classes")
SPEAKER_KEYS = ("pronouns", "possessives", "classes")
UNREALISED_KEYS = ("after", "auxiliaries")
ROLES_KEYS = (
    "titles",
    "compound_heads",
    "deputy_prefixes",
    "interim_prefixes",
    "deputy_adjectives",
    "state_forces_titles",
    "state_body_prefixes",
    "former",
    "colleague",
    "labels",
    "implies",
    "national",
    "shared_roles",
    "posting_roles",
    "regional_roles",
    "place_roles",
    "town_roles",
    "regional_governments",
    "regional_sees",
)

#: Every list of ``references.yaml``.
REF_KEYS = (
    "sides",
    "side_determiners",
    "countries",
    "country_heads",
    "numbers",
    "armed_group_nouns",
    "unnamed_group_classes",
    "unnamed_actor_nouns",
    "counted_people_nouns",
    "organization_reference_nouns",
    "organization_name_nouns",
    "neighbour_nouns",
    "possessive_nouns",
    "state_possessive_nouns",
    "possessives",
    "possessive_antecedents_sein",
    "possessive_antecedents_ihr",
    "relative_possessives_sein",
    "relative_possessives_ihr",
    "pronouns",
    "age_nouns",
    "epithet_nouns",
    "person_noun_endings",
    "object_pronouns",
    "masculine_neuter_determiners",
    "neuter_determiners",
    "demonstratives",
    "government_nouns",
    "unnamed_force_nouns",
    "national_body_nouns",
    "government_compound_heads",
    "adjective_compound_heads",
    "government_title_words",
    "capital_government",
    "capital_only_government",
    "organization_heads",
    "body_heads",
    "organization_name_heads",
    "person_nouns",
    "name_particles",
    "patronymic_particles",
    "home_prepositions",
)


def _checked(raw: dict[str, Any], keys: Sequence[str], path: Path) -> dict[str, Any]:
    unknown = sorted(set(raw) - set(keys))
    missing = [k for k in keys if k not in raw]
    if unknown or missing:
        raise InputError(
            f"{path}: unknown keys {unknown or '[]'}, missing keys {missing or '[]'}"
            f" (the keys are: {', '.join(keys)})"
        )
    return raw


#: The keys a concept of ``events.yaml`` may have; ``terms`` is required.
CONCEPT_KEYS = frozenset({"terms", "heads", "of", "verbs", "plural", "except"})


def _concept(name: str, raw: Any, path: Path) -> Concept:
    if not isinstance(raw, dict) or "terms" not in raw or set(raw) - CONCEPT_KEYS:
        raise InputError(
            f"{path}: concept {name!r} needs 'terms' and may have only "
            f"{', '.join(sorted(CONCEPT_KEYS))}"
        )

    def words(key: str) -> tuple[str, ...]:
        return tuple(str(t).lower() for t in _tuple(raw.get(key)))

    return Concept(
        name,
        words("terms"),
        words("heads"),
        words("of"),
        words("verbs"),
        words("plural"),
        words("except"),
    )


def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Load the four pattern files from ``directory`` (default: the shipped ones)."""
    base = directory or data_dir() / "patterns"
    events = _checked(_load_yaml(base / "events.yaml"), EVENTS_KEYS, base / "events.yaml")
    roles = _checked(_load_yaml(base / "roles.yaml"), ROLES_KEYS, base / "roles.yaml")
    concepts = {
        name: _concept(name, c, base / "events.yaml")
        for name, c in (events.get("concepts") or {}).items()
    }
    patterns = tuple(_pattern(p, base / "events.yaml") for p in events.get("patterns") or ())
    ids = [p.id for p in patterns]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise InputError(f"{base / 'events.yaml'}: pattern ids used twice: {twice}")
    speaker = _checked(dict(events.get("speaker") or {}), SPEAKER_KEYS, base / "events.yaml")
    unreal = _checked(dict(events.get("unrealised") or {}), UNREALISED_KEYS, base / "events.yaml")
    labels = {k: (str(v[0]), str(v[1])) for k, v in (roles.get("labels") or {}).items()}
    lex = Lexicon(
        concepts=concepts,
        patterns=patterns,
        titles={str(k).lower(): str(v) for k, v in (roles.get("titles") or {}).items()},
        former=frozenset(str(x).lower() for x in roles.get("former") or ()),
        colleague=frozenset(str(x).lower() for x in roles.get("colleague") or ()),
        role_labels=labels,
        role_implies={str(k): str(v) for k, v in (roles.get("implies") or {}).items()},
        deputy_prefixes=_tuple(roles.get("deputy_prefixes")),
        interim_prefixes=_tuple(roles.get("interim_prefixes")),
        deputy_adjectives=frozenset(x.lower() for x in _tuple(roles.get("deputy_adjectives"))),
        state_forces_titles=frozenset(x.lower() for x in _tuple(roles.get("state_forces_titles"))),
        compound_heads={
            str(k).lower(): str(v) for k, v in (roles.get("compound_heads") or {}).items()
        },
        national=frozenset(_tuple(roles.get("national"))),
        posting_roles=frozenset(_tuple(roles.get("posting_roles"))),
        shared_roles=frozenset(_tuple(roles.get("shared_roles"))),
        regional_roles=frozenset(_tuple(roles.get("regional_roles"))),
        place_roles=frozenset(_tuple(roles.get("place_roles"))),
        town_roles=frozenset(_tuple(roles.get("town_roles"))),
        regional_governments={
            str(k): str(v) for k, v in (roles.get("regional_governments") or {}).items()
        },
        regional_sees={
            str(k): (str(v[0]), str(v[1])) for k, v in (roles.get("regional_sees") or {}).items()
        },
        state_body_prefixes=tuple(x.lower() for x in _tuple(roles.get("state_body_prefixes"))),
        refs=_checked(_load_yaml(base / "references.yaml"), REF_KEYS, base / "references.yaml"),
        cues=_checked(_load_yaml(base / "cues.yaml"), CUE_KEYS, base / "cues.yaml"),
        speaker_pronouns=frozenset(x.lower() for x in _tuple(speaker["pronouns"])),
        speaker_possessives=frozenset(x.lower() for x in _tuple(speaker["possessives"])),
        speaker_classes=frozenset(_tuple(speaker["classes"])),
        issuer_classes=frozenset(_tuple(events["issuer_classes"])),
        unrealised_verbs=frozenset(
            v
            for p in patterns
            if p.event_class in _tuple(unreal["after"])
            for v in p.verbs
            if v != "*"
        ),
        future_auxiliaries=frozenset(x.lower() for x in _tuple(unreal["auxiliaries"])),
    )
    unknown_concepts = sorted(lex.cue("inanimate_concepts") - set(concepts))
    if unknown_concepts:
        raise InputError(
            f"{base / 'cues.yaml'}: inanimate_concepts: events.yaml has no concept "
            f"{unknown_concepts}"
        )
    named = {p.event_class for p in patterns}
    for section, classes in (
        ("speaker: classes", lex.speaker_classes),
        ("unrealised: after", _tuple(unreal["after"])),
        ("issuer_classes", lex.issuer_classes),
    ):
        unknown = sorted(set(classes) - named)
        if unknown:
            raise InputError(f"{base / 'events.yaml'}: {section}: no pattern has class {unknown}")
    groups = dict(lex.refs.get("unnamed_group_classes") or {})
    wrong = sorted(str(v) for v in groups.values() if v not in {c.value for c in ActorClass})
    if wrong:
        raise InputError(
            f"{base / 'references.yaml'}: unnamed_group_classes: unknown actor classes {wrong}"
        )
    heads = sorted(v for v in lex.compound_heads.values() if v not in labels)
    if heads:
        raise InputError(f"{base / 'roles.yaml'}: compound_heads: unknown offices {heads}")
    for key, listed in (
        ("national", lex.national),
        ("posting_roles", lex.posting_roles),
        ("shared_roles", lex.shared_roles),
        ("regional_roles", lex.regional_roles),
        ("place_roles", lex.place_roles),
        ("town_roles", lex.town_roles),
    ):
        unknown = sorted(o for o in listed if o not in labels)
        if unknown:
            raise InputError(f"{base / 'roles.yaml'}: {key}: unknown offices {unknown}")
    places = {c.value for c in PlaceClass}
    odd = sorted(
        k for k, v in lex.regional_governments.items() if k not in places or v.count("{}") != 1
    )
    if odd:
        raise InputError(
            f"{base / 'roles.yaml'}: regional_governments: want a place class and a label "
            f"with one {{}}, not {odd}"
        )
    odd = sorted(
        k
        for k, (_suffix, label) in lex.regional_sees.items()
        if k not in lex.regional_roles or label.count("{}") != 1
    )
    if odd:
        raise InputError(
            f"{base / 'roles.yaml'}: regional_sees: want a regional office and a label with "
            f"one {{}}, not {odd}"
        )
    for key in ("leadership_nouns", "office_verbs"):
        offices = dict(lex.cues.get(key) or {})
        unknown = sorted(str(v) for v in offices.values() if v not in labels)
        if unknown:
            raise InputError(f"{base / 'cues.yaml'}: {key}: unknown offices {unknown}")
    return lex
