"""German inflection that marks grammatical function (``kg/data/grammar/morphology.yaml``).

Reads the data file once; answers which case a determiner or pronoun form can only be.
The dependency parser is trained on a small treebank and confuses subject and object
where German word order is free; the case a form shows settles that (:mod:`depparse`).

>>> m = load_morphology()
>>> m.case_of("dem"), m.case_of("Einen"), m.case_of("er"), m.case_of("den"), m.case_of("der")
('dat', 'acc', 'nom', 'obl', None)
>>> m.is_passive_auxiliary("werden"), m.is_agent_preposition("durch")
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from kg.errors import InputError
from kg.resources import data_dir

__all__ = ["KEYS", "Morphology", "load_morphology"]

#: The keys of the data file, each a list of lower-case words (or, in :data:`_MAPPINGS`,
#: a mapping of words to words).
KEYS = (
    "dative_only",
    "accusative_only",
    "nominative_only",
    "never_nominative",
    "dative_possible",
    "singular_determiners",
    "singular_pronouns",
    "plural_determiners",
    "passive_auxiliaries",
    "fused_prepositions",
    "agent_prepositions",
    "subject_control_verbs",
    "relative_pronouns",
    "never_neuter_relatives",
    "dative_verbs",
    "time_nouns",
    "calendar_nouns",
    "adverbial_phrases",
    "quantity_words",
    "tagged_name_particles",
    "companion_prepositions",
    "partner_prepositions",
    "feminine_endings",
    "place_prepositions",
    "reflexive_participles",
    "misread_participles",
    "conjunction_prepositions",
    "genitive_determiners",
    "ge_stem_verbs",
    "floating_quantifiers",
    "correlative_conjunctions",
    "inclusion_adverbs",
    "complement_conjunctions",
    "obligation_modals",
    "feminine_only_endings",
    "sequence_adverbs",
    "framing_prepositions",
    "long_time_nouns",
    "period_part_nouns",
    "pluperfect_auxiliaries",
    "reporting_subjunctives",
    "subjunctive_forms",
)


_MAPPINGS = frozenset(
    {
        "fused_prepositions",
        "reflexive_participles",
        "misread_participles",
        "correlative_conjunctions",
    }
)


@dataclass(frozen=True)
class Morphology:
    """Word lists of the data file, as sets."""

    dative_only: frozenset[str]
    accusative_only: frozenset[str]
    nominative_only: frozenset[str]
    never_nominative: frozenset[str]
    dative_possible: frozenset[str]
    singular_determiners: frozenset[str]
    singular_pronouns: frozenset[str]
    plural_determiners: frozenset[str]
    passive_auxiliaries: frozenset[str]
    fused_prepositions: Mapping[str, str]
    agent_prepositions: frozenset[str]
    subject_control_verbs: frozenset[str]
    relative_pronouns: frozenset[str]
    never_neuter_relatives: frozenset[str]
    dative_verbs: frozenset[str]
    time_nouns: frozenset[str]
    calendar_nouns: frozenset[str]
    adverbial_phrases: frozenset[str]
    quantity_words: frozenset[str]
    tagged_name_particles: frozenset[str]
    companion_prepositions: frozenset[str]
    partner_prepositions: frozenset[str]
    feminine_endings: frozenset[str]
    place_prepositions: frozenset[str]
    reflexive_participles: Mapping[str, str]
    misread_participles: Mapping[str, str]
    conjunction_prepositions: frozenset[str]
    genitive_determiners: frozenset[str]
    ge_stem_verbs: frozenset[str]
    floating_quantifiers: frozenset[str]
    correlative_conjunctions: Mapping[str, str]
    inclusion_adverbs: frozenset[str]
    complement_conjunctions: frozenset[str]
    obligation_modals: frozenset[str]
    feminine_only_endings: frozenset[str]
    sequence_adverbs: frozenset[str]
    framing_prepositions: frozenset[str]
    long_time_nouns: frozenset[str]
    period_part_nouns: frozenset[str]
    pluperfect_auxiliaries: frozenset[str]
    reporting_subjunctives: frozenset[str]
    subjunctive_forms: frozenset[str]

    def is_floating_quantifier(self, form: str) -> bool:
        return form.lower() in self.floating_quantifiers

    def ge_stem_verb(self, lemma: str) -> str | None:
        """The separable verb with a ge- stem that HanTa's lemma of its participle lost
        ("angehört" read as "anhören": "angehören"), or None.

        >>> load_morphology().ge_stem_verb("anhören")
        'angehören'
        """
        return self._ge_stem_lemmas.get(lemma.lower())

    @cached_property
    def _ge_stem_lemmas(self) -> Mapping[str, str]:
        """Each verb of ``ge_stem_verbs`` by the lemma HanTa gives its participle."""
        out = {}
        for verb in self.ge_stem_verbs:
            k = verb.find("ge", 2)
            if k > 0:
                out[verb[:k] + verb[k + 2 :]] = verb
        return out

    def case_of(self, form: str) -> str | None:
        """``"nom"``, ``"acc"`` or ``"dat"`` when the form can only be that case,
        ``"obl"`` when it can be any case but the nominative ("den", "des")."""
        w = form.lower()
        if w in self.dative_only:
            return "dat"
        if w in self.accusative_only:
            return "acc"
        if w in self.nominative_only:
            return "nom"
        if w in self.never_nominative:
            return "obl"
        return None

    def may_be_dative(self, form: str) -> bool:
        return form.lower() in self.dative_possible

    def is_singular_determiner(self, form: str) -> bool:
        return form.lower() in self.singular_determiners

    def is_plural_determiner(self, form: str) -> bool:
        """A determiner that can head a plural noun phrase in the nominative ("die",
        "beide"); with a noun whose form is not its lemma it is plural."""
        return form.lower() in self.plural_determiners

    def is_singular_pronoun(self, form: str) -> bool:
        return form.lower() in self.singular_pronouns

    @staticmethod
    def is_plural_verb(form: str) -> bool:
        """A finite verb form that is 1st/3rd person plural ("kamen", "bestätigen",
        "sind", "verhandeln"); "kann", "kam", "hat" are singular.

        >>> Morphology.is_plural_verb("bestätigten"), Morphology.is_plural_verb("kann")
        (True, False)
        """
        w = form.lower()
        return w == "sind" or w.endswith("en") or (w.endswith(("rn", "ln")) and len(w) > 4)

    def preposition(self, word: str) -> str:
        """The preposition a word is ("zum" → "zu", "mit" → "mit").

        >>> load_morphology().preposition("Zum")
        'zu'
        """
        w = word.lower()
        return self.fused_prepositions.get(w, w)

    def is_passive_auxiliary(self, lemma: str) -> bool:
        return lemma.lower() in self.passive_auxiliaries

    def is_agent_preposition(self, word: str) -> bool:
        return word.lower() in self.agent_prepositions

    def is_subject_control(self, lemma: str) -> bool:
        return lemma.lower() in self.subject_control_verbs

    def is_relative_form(self, form: str) -> bool:
        return form.lower() in self.relative_pronouns

    def is_never_neuter(self, form: str) -> bool:
        return form.lower() in self.never_neuter_relatives

    def takes_dative(self, lemma: str) -> bool:
        return lemma.lower() in self.dative_verbs

    def is_adverbial_phrase(self, first: str, second: str) -> bool:
        """Two words that are one adverb ("unter anderem", "vor allem").

        >>> load_morphology().is_adverbial_phrase("unter", "anderem")
        True
        """
        return f"{first} {second}".lower() in self.adverbial_phrases

    def is_time_noun(self, lemma: str) -> bool:
        return lemma.lower() in self.time_nouns


def _load(path: Path) -> Morphology:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise InputError(f"{path}: cannot read the grammar file: {err}") from err
    if not isinstance(raw, dict):
        raise InputError(f"{path}: expected a mapping at the top level")
    unknown = sorted(set(raw) - set(KEYS))
    missing = [k for k in KEYS if k not in raw]
    if unknown or missing:
        raise InputError(f"{path}: unknown keys {unknown}, missing keys {missing}")
    values: dict[str, Any] = {}
    for k in KEYS:
        v = raw[k]
        if k in _MAPPINGS:
            if not isinstance(v, dict) or not all(
                isinstance(a, str) and isinstance(b, str) for a, b in v.items()
            ):
                raise InputError(f"{path}: '{k}' must map words to words")
            values[k] = MappingProxyType({a.lower(): b.lower() for a, b in v.items()})
            continue
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise InputError(f"{path}: '{k}' must be a list of words")
        values[k] = frozenset(x.lower() for x in v)
    return Morphology(**values)


@lru_cache(maxsize=4)
def load_morphology(path: Path | None = None) -> Morphology:
    """The shipped grammar word lists (or those of ``path``), validated."""
    return _load(path or data_dir() / "grammar" / "morphology.yaml")
