"""Stage 3: recognise entity mentions.

Reads the article's :class:`~kg.extract.model.TaggedSentence` records, the actor
dictionary and the lexicon; writes :class:`~kg.extract.model.EntityMention` records and
the new entities (people, organisations, places) the dictionary does not know.

Recognised: dictionary names and their inflected forms ("Russlands", "der Vereinigten
Staaten"), spellings that differ only by transliteration ("Mnatsakanyan"), state
adjectives ("russische", "US-" in "US-Außenminister"), titles before names ("Präsident X",
"Russlands Präsident X", "der armenische Ministerpräsident X", "Kenias früherer Präsident
X"), colleagues ("sein armenischer Amtskollege X"), surnames of people named earlier
("Putin", genitive "Lawrows"), new names after a title or as NE sequences, abbreviations
defined in parentheses, places after a place noun ("die Stadt X"), group references
("beide Seiten") and pronouns ("sein Land", "er"), titles without a name ("der russische
Staatschef"). Keys of new people come from :func:`kg.extract.names.name_key`.

>>> from kg.dictionary import load_dictionary
>>> from kg.extract.lexicon import load_lexicon
>>> from kg.extract.model import Sentence
>>> from kg.extract.tokens import Tagger
>>> rec = EntityRecognizer(load_dictionary(), load_lexicon())
>>> ts = Tagger().tag(Sentence(0, 0, 49, "Der ukrainische Präsident Wolodymyr Selenskyj kam."))
>>> m = rec.recognise([ts]).mentions[0]
>>> m.keys, m.offices
(('volodymyr-zelenskyy',), (('president', 'ukraine', False),))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, replace

from kg.dictionary import ActorDictionary, Entry, class_is
from kg.extract.facilities import FacilityNouns, facility_group
from kg.extract.lexicon import Lexicon
from kg.extract.model import EntityMention, MentionKind, TaggedSentence, Token
from kg.extract.morphology import load_morphology
from kg.extract.names import name_key
from kg.extract.people import ARTICLE_PREFIX as _ARTICLE_PREFIX
from kg.extract.people import PersonNouns
from kg.extract.quotes import CLOSING
from kg.extract.syntax import clause_bounds, is_temporal_noun
from kg.extract.tokens import dateline_words, tokenize
from kg.iris import slugify
from kg.vocabulary import ActorClass, PlaceClass

#: What a kind of reference changes at a token: the mentions it adds and those it
#: replaces; ``None`` where it does not match (the next kind is tried).
_Change = tuple[list[EntityMention], list[EntityMention]]
_ReferenceKind = Callable[[TaggedSentence, int, list[EntityMention], set[int]], "_Change | None"]

__all__ = ["EntityRecognizer", "Recognition"]

_ADJ_ENDINGS = ("", "e", "er", "en", "em", "es")
_PERSONISH = {"NE", "FM", "NN", "XY"}
# Words before a noun that make a group noun phrase no bare plural ("seine Kämpfer",
# "einige Rebellen", "zwei Kämpfer")
_DETERMINERS = {"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "PRELAT", "PWAT", "CARD"}
# Particles inside Arabic (and other) personal names: "Mohammed bin Abdulrahman Al Thani",
# "Faisal bin Farhan", "Abu Mohammed al-Dschaulani"; part of the name only between names.


def _name_particle(toks: Sequence[Token], j: int, particles: Set[str]) -> bool:
    """A name particle at ``j`` that continues a personal name: a name word before it and
    a capitalised name word right after it."""
    return (
        toks[j].text.lower() in particles
        and j > 0
        and toks[j - 1].text[:1].isupper()
        and j + 1 < len(toks)
        and toks[j + 1].text[:1].isupper()
        # "Nasser" after "bin" is tagged as an adjective
        and (toks[j + 1].pos in _PERSONISH or toks[j + 1].pos.startswith("ADJ"))
    )


def _name_particle_before(toks: Sequence[Token], j: int, particles: Set[str]) -> bool:
    """The name word at ``j`` follows a particle ("Al Thani", "bin Farhan")."""
    return j > 0 and toks[j - 1].text.lower() in particles


def _possessed(toks: Sequence[Token], j: int) -> bool:
    """The title at ``j`` follows a possessive ("ihr amtierender Vorsitzender", "deren
    Generalsekretär")."""
    i = j - 1
    while i >= 0 and toks[i].pos == "ADJ(A)":
        i -= 1
    return i >= 0 and toks[i].pos in ("PPOSAT", "PRELAT")


def _past_attribute(toks: Sequence[Token], q: int, agents: Container[str]) -> int:
    """Past an extended attribute opening at ``q`` with a preposition: the participle it
    ends in, where one follows within a few words; ``q`` otherwise. After an agent
    preposition (``agents``) a past participle ("von den USA geführten", "von der YPG
    dominierten"), after any a present one ("in Tripolis tagenden", "im Exil lebenden").

    >>> words = [("von", "APPR"), ("den", "ART"), ("USA", "NE"), ("geführten", "ADJ(A)")]
    >>> toks = [Token(i, i, i + 1, w, w, p) for i, (w, p) in enumerate(words)]
    >>> _past_attribute(toks, 0, {"von"}), _past_attribute(toks, 0, {"durch"})
    (3, 0)
    >>> words = [("in", "APPR"), ("Tripolis", "NE"), ("tagenden", "ADJ(A)")]
    >>> toks = [Token(i, i, i + 1, w, w, p) for i, (w, p) in enumerate(words)]
    >>> _past_attribute(toks, 0, {"von"})
    2
    """
    if q >= len(toks) or not toks[q].pos.startswith("APPR"):
        return q
    endings = ("ten", "enen", "nden") if toks[q].text.lower() in agents else ("nden",)
    for r in range(q + 2, min(len(toks), q + 8)):
        t = toks[r]
        if (
            t.pos == "ADJ(A)"
            and t.text[:1].islower()
            and t.text.endswith(endings)
            # the attribute's own phrase ends in a noun ("in Tripolis"), not in an
            # adjective of its own ("in der vergangenen Woche")
            and toks[r - 1].pos in ("NN", "NE", "FM", "ADV")
        ):
            return r
        if t.pos.startswith(("V", "$", "KON")):
            break
    return q


def _past_particles(
    toks: Sequence[Token],
    end: int,
    particles: Container[str],
    by_first: Mapping[int, EntityMention],
    *,
    reach: int,
) -> int:
    """Where a name that ends before ``end`` ends once its particles and the words after
    them are added ("Rio" + "de Janeiro"), up to the index ``reach``.

    >>> toks = [Token(i, 0, 0, w, w, p) for i, (w, p) in enumerate(
    ...     [("Rio", "NE"), ("de", "NE"), ("Janeiro", "NE"), (",", "$,")])]
    >>> _past_particles(toks, 1, {"de"}, {}, reach=5), _past_particles(toks, 1, set(), {}, reach=5)
    (3, 1)
    """
    while (
        end + 1 < len(toks)
        and end < reach
        and toks[end].text in particles
        and _name_like(toks[end + 1])
        and end + 1 not in by_first
    ):
        end += 2
    return end


def _skip_genitive(
    toks: Sequence[Token],
    k: int,
    by_first: dict[int, EntityMention],
    names_follow: Callable[[Token], bool] = lambda _t: False,
    *,
    agents: Container[str] = (),
    particles: Container[str] = (),
) -> int:
    """The index after a chain of genitive phrases starting at ``k`` ("des Obersten
    Politischen Rates der Huthi"); ``k`` itself when there is none. A noun for which
    ``names_follow`` holds takes the name after it ("der Rebellenbewegung Forces
    Nouvelles"); an extended attribute opening with one of ``agents`` is skipped ("der von
    der YPG dominierten SDF"); a name goes on past ``particles`` ("von Rio de Janeiro")."""
    p = k
    # "von X" only as the first link: "der Präsident von Kenia, William Ruto"
    while (
        p < len(toks)
        and (toks[p].text in ("der", "des") or (p == k and toks[p].text == "von"))
        and p - k < 10
    ):
        q = _past_attribute(toks, p + 1, agents)
        m = by_first.get(q)  # a name that opens with an adjective ("Islamischen …")
        if m is None:
            while q < len(toks) and toks[q].pos.startswith("ADJ"):
                q += 1
            m = by_first.get(q)
        if m is not None and m.cls != ActorClass.PERSON:
            q = m.last
        elif q < len(toks) and toks[q].pos in ("NN", "NE") and toks[q].i not in by_first:
            q += 1
            named = by_first.get(q)
            if names_follow(toks[q - 1]) and named is not None and named.cls != ActorClass.PERSON:
                q = named.last  # a known name after its noun ("der Rebellenbewegung FDLR")
            elif names_follow(toks[q - 1]):
                while q < len(toks) and q - k < 10 and _name_like(toks[q]) and q not in by_first:
                    q += 1
            q = _past_particles(toks, q, particles, by_first, reach=k + 10)
        else:
            break
        if q + 1 < len(toks) and toks[q].text in ("in", "aus") and q + 1 in by_first:
            q = by_first[q + 1].last  # "der Miliz in Darfur"
        p = q
    if p > k and p + 2 < len(toks) and toks[p].text == "(" and toks[p + 2].text == ")":
        p += 3  # the short name in parentheses: "der Islamischen Befreiungsfront (MILF)"
    return p


def _by_length(nouns: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(nouns.items(), key=lambda kv: -len(kv[0])))


#: an Arabic article joined to the word of a name it opens: "al-Bared", "el-Fasher"
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|asch|at|az|an|es)-[A-ZÄÖÜ]")

#: the definite article's forms, before a noun that refers back ("die Armee")
_ARTICLES = ("die", "der", "den", "das", "dem", "des")


def _noun_class(
    word: str, table: Sequence[tuple[str, str]], *, plural: bool = False, shortest: int = 5
) -> str | None:
    """The class a noun names, or a compound ending in one of ``shortest`` letters or more
    (``table``: noun and class, longest noun first).

    >>> table = _by_length({"dorf": "City", "ort": "City", "region": "Region"})
    >>> _noun_class("Grenzregion", table), _noun_class("Grenzdorf", table)
    ('Region', None)
    >>> _noun_class("Grenzdorf", table, shortest=4), _noun_class("Sport", table, shortest=4)
    ('City', None)
    """
    w = word.lower()
    forms = (w, w[:-1], w[:-2]) if plural else (w,)
    for noun, cls in table:
        if any(f == noun or (f.endswith(noun) and len(noun) >= shortest) for f in forms):
            return cls
    return None


def _bare_name(tok: Token) -> bool:
    """A capitalised proper noun of letters only ("Tindouf", not "G7" or "Ende")."""
    return tok.pos == "NE" and tok.text[:1].isupper() and tok.text.isalpha()


def _initials(words: Iterable[str]) -> str:
    """The initials of the capitalised words, a hyphen parting words too.

    >>> _initials(["Special", "Action", "Force"]), _initials(["Nord-Kivu", "der", "Miliz"])
    ('SAF', 'NKM')
    """
    return "".join(w[0] for word in words for w in word.split("-") if w[:1].isupper())


def _named_after(toks: Sequence[Token], j: int, covered: Set[int]) -> bool:
    """The noun at ``j`` has a name, an article (a genitive) or a mention right after it
    ("der Stadt Schangaösen", "das Hauptquartier der Armee"): it names, it does not refer
    back."""
    return j + 1 < len(toks) and (
        toks[j + 1].pos in ("NE", "ART", "FM") or toks[j + 1].text[:1].isupper() or j + 1 in covered
    )


def _foreign_name(tok: Token) -> bool:
    """A capitalised word of a name: a proper noun, or a foreign word the tagger marks as
    such ("Alemão")."""
    return tok.pos in ("NE", "FM") and tok.text[:1].isupper() and tok.text.isalpha()


def _name_at(toks: Sequence[Token], p: int) -> bool:
    """A proper noun at ``p``, or a noun before one that closes a name of two words (a
    given name the tagger does not know: "Arsen Kanokow"; not "Sir Julius Chan", whose
    noun is a title)."""
    return toks[p].pos == "NE" or (
        toks[p].pos == "NN"
        and p + 1 < len(toks)
        and toks[p + 1].pos == "NE"
        and (p + 2 >= len(toks) or toks[p + 2].pos != "NE")
    )


def _between_pair(toks: Sequence[Token], j: int, prepositions: Set[str]) -> bool:
    """The word at ``j`` is a side of "zwischen A und B" (``prepositions``: those of a
    pair) with no article before it.

    >>> toks = [Token(i, 0, 0, w, w, p) for i, (w, p) in enumerate([("Kämpfe", "NN"),
    ...     ("zwischen", "APPR"), ("Armee", "NN"), ("und", "KON"), ("Rebellen", "NN")])]
    >>> [_between_pair(toks, j, {"zwischen"}) for j in (2, 4, 0)]
    [True, True, False]
    """
    if j < 1:
        return False
    before = toks[j - 1]
    return before.text.lower() in prepositions or (
        before.pos == "KON"
        and any(t.text.lower() in prepositions for t in toks[max(0, j - 5) : j - 1])
    )


def _noun_before_name(toks: Sequence[Token], k: int) -> bool:
    """A common noun at ``k`` before a name of two words ("Jurist Raphael Tuju")."""
    return k < len(toks) - 2 and toks[k].pos == "NN" and toks[k + 1].pos == toks[k + 2].pos == "NE"


def _described_name(toks: Sequence[Token], k: int) -> bool:
    """A common noun after an article and before a name of two words describes the person
    named ("der Unabhängigkeitsbefürworter Louis Mapou"): no part of the name.

    >>> toks = [Token(i, 0, 0, w, w, p) for i, (w, p) in enumerate(
    ...     [("der", "ART"), ("Jurist", "NN"), ("Raphael", "NE"), ("Tuju", "NE")])]
    >>> _described_name(toks, 1), _described_name(toks, 2)
    (True, False)
    """
    return k > 0 and toks[k - 1].pos == "ART" and _noun_before_name(toks, k)


def _capitalised_in_name(toks: Sequence[Token], k: int) -> bool:
    """A capitalised adjective or adverb inside the sentence right before a proper noun
    is a given name ("Chefunterhändler Pagan Amum"): German writes those in lower case."""
    return (
        k > 0
        and toks[k].pos.startswith(("ADJ", "ADV"))
        and k + 1 < len(toks)
        and toks[k + 1].pos == "NE"
        and toks[k + 1].text[:1].isupper()
    )


_PLACE_CLASSES = frozenset({PlaceClass.CITY, PlaceClass.REGION, PlaceClass.PLACE})
# classes of the entities an article names first after a noun of their class
_NAMED_CLASSES = _PLACE_CLASSES | {
    ActorClass.ARMED_GROUP,
    ActorClass.ORGANIZATION,
    ActorClass.INTERNATIONAL_ORGANIZATION,
    ActorClass.MILITARY_ALLIANCE,
}

_NAME_COMPOUND = re.compile(r"[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ0-9][\w]*)+")


def _name_like(tok: Token) -> bool:
    """A proper noun or a capitalised foreign word ("Forces Nouvelles"), a compound of
    capitalised parts ("Mai-Mai") or an acronym: the tagger reads the last two as common
    nouns."""
    text = tok.text
    return (tok.pos in ("NE", "FM") and text[:1].isupper()) or bool(
        _NAME_COMPOUND.fullmatch(text) or (text.isupper() and len(text) >= 2 and text.isalnum())
    )


#: Endings of German plural nouns: a compound's first part so ending names people
#: ("Tamilen-Rebellen"), not a group.
_PLURAL_ENDINGS = ("en", "er", "ern")

_SKIP_WORDS = {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer"}


@dataclass(frozen=True)
class Recognition:
    """Mentions in document order and entities minted for names the dictionary lacks."""

    mentions: tuple[EntityMention, ...]
    new_entities: tuple[tuple[str, str, str], ...]  # (key, class, label)


@dataclass(frozen=True)
class _Context:
    """What a sentence's recognition knows of its article: the slug that keys the
    article's own actors, and the names it gave before, in order."""

    scope: str
    named: Sequence[str]
    previous: tuple[TaggedSentence, Sequence[EntityMention]] | None = None


def _variants(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Inflected variants of a multiword name: adjectives take endings, the head noun -s/-n."""
    out = {words}
    if len(words) == 1:
        w = words[0]
        if w[-1:] not in ("s", "x", "z", "ß"):
            out.add((w + "s",))
        return out
    options: list[list[str]] = []
    for n, w in enumerate(words):
        opts = [w]
        if w[:1].isupper() and n < len(words) - 1:
            for stem_end in ("e", "es", "er", "en"):
                if w.endswith(stem_end) and len(w) > 4:
                    stem = w[: -len(stem_end)]
                    opts += [stem + e for e in ("e", "en", "er", "es", "em")]
                    break
        if n == len(words) - 1 and w[:1].isupper() and w[-1:] not in ("s", "n"):
            opts += [w + "s", w + "es"]
        options.append(sorted(set(opts)))
    combos: list[tuple[str, ...]] = [()]
    for opts in options:
        combos = [(*c, o) for c in combos for o in opts]
        if len(combos) > 64:
            break
    out.update(c for c in combos if len(c) == len(words))
    return out


def _without_genitive_s(word: str) -> str:
    """A name word without the genitive -s ("Husseins" -> "Hussein"); "Abbas", "Mobutu's"
    and short words stay as they are.

    >>> _without_genitive_s("Husseins"), _without_genitive_s("Abbas"), _without_genitive_s("Ross")
    ('Hussein', 'Abbas', 'Ross')
    """
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "as", "es", "os", "is")):
        return word[:-1]
    return word


def _person_tokens(by_first: dict[int, EntityMention]) -> list[int]:
    return [
        i for m in by_first.values() if m.cls == ActorClass.PERSON for i in range(m.first, m.last)
    ]


class EntityRecognizer:
    """Dictionary-backed recogniser; build once, call :meth:`recognise` per article."""

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.dictionary = dictionary
        self.lexicon = lexicon
        self._surface: dict[tuple[str, ...], str] = {}
        self._adjective: dict[str, str] = {}
        self._normal: dict[str, str] = {}
        self._surnames: dict[str, str] = {}
        # an acronym of three letters or fewer is spelt, not spoken: written in title case
        # it is a German word or a given name ("Ruf", "Ira"), not the group (RUF, IRA)
        self._spelled: set[str] = set()
        ambiguous: set[str] = set()
        spelt: dict[str, set[str]] = {}  # surnames of other spellings of full names
        patronymic = lexicon.ref("patronymic_particles")
        for e in dictionary:
            for name in e.names:
                words = tuple(t for _s, _e, t in tokenize(name))
                if not words:
                    continue
                for v in _variants(words):
                    self._surface.setdefault(v, e.key)
                if len(words) == 1 and len(name) <= 3 and name.isalpha() and name.isupper():
                    self._spelled.add(name_key(name))
                if len(words) == 1 and len(name) >= 4 and name.isalpha() and name.isupper():
                    # German news writes an acronym spoken as a word in title case
                    # ("Unita", "Renamo", "Ecowas")
                    self._surface.setdefault((name.capitalize(),), e.key)
                if e.cls == ActorClass.PERSON:
                    self._normal.setdefault(name_key(name), e.key)
                    if not e.by_surname:
                        continue
                    if name not in (e.label_de, e.label_en):
                        # a full name's last word can be a common given name ("Abiy
                        # Ahmed Ali"): the surname alone is the label's, in any of its
                        # spellings ("Erdoğan", "Erdogan"), which never displaces another's
                        if name_key(name) in (name_key(e.label_de), name_key(e.label_en)):
                            spelt.setdefault(words[-1], set()).add(e.key)
                        continue
                    sur = words[-1]
                    if len(words) >= 3 and words[-2].lower() in patronymic:
                        continue  # "Mohammed bin Salman": "Salman" is his father's name
                    if sur in self._surnames and self._surnames[sur] != e.key:
                        ambiguous.add(sur)
                    self._surnames[sur] = e.key
                elif (
                    len(words) == 1
                    and name in (e.label_de, *e.alt_de, *e.forms_de)
                    and sum(c.isupper() for c in name) < 2
                ):
                    # spelling variants of German names only: an English name spelt the
                    # German way is someone's surname ("Cameron" is not Cameroon), and an
                    # acronym has none ("Alier" is no ALiR)
                    self._normal.setdefault(name_key(name), e.key)
            for stem in e.adjectives:
                for ending in _ADJ_ENDINGS[1:]:
                    self._adjective.setdefault(stem + ending, e.key)
                self._adjective.setdefault(stem + "-", e.key)
        # names whose first word opens with a lower-case particle ("al-Shabaab", "as-Sa'iqa";
        # not the lower-case words of longer aliases, "russischen …")
        self._lower_starts = frozenset(
            w
            for v in self._surface
            if (w := v[0])[:1].islower() and any(c.isupper() for c in w[1:])
        )
        for sur in ambiguous:
            del self._surnames[sur]
        for sur, owners in spelt.items():
            if len(owners) == 1 and sur not in ambiguous:
                self._surnames.setdefault(sur, next(iter(owners)))
        self._former = lexicon.former
        self._colleague = lexicon.colleague
        self._place_nouns = {str(k): str(v) for k, v in lexicon.cues.get("place_nouns", {}).items()}
        self._place_prepositions = lexicon.cue("place_prepositions")
        self._offensive_nouns = tuple(sorted(lexicon.cue("offensive_nouns")))
        self._offensive_prepositions = lexicon.cue("offensive_prepositions")
        self._pair_prepositions = lexicon.cue("pair_prepositions")
        self._taking_verbs = lexicon.cue("place_taking_verbs")
        self._capital_nouns = lexicon.cue("capital_nouns")
        self._town_nouns = lexicon.cue("town_reference_nouns")
        self._facilities = FacilityNouns(
            lexicon.cue("facility_nouns"), lexicon.cue("facility_reference_nouns")
        )
        self._kinds = self._reference_kinds()  # built once, tried at every token
        self._morph = load_morphology()
        self._speech_verbs = lexicon.speech_verbs
        # longest first, so that a compound takes its most specific class
        self._place_table = _by_length(self._place_nouns)
        self._class_table = _by_length(
            {str(k).lower(): str(v) for k, v in (lexicon.cues.get("class_nouns") or {}).items()}
        )
        self._class_nouns = tuple(noun for noun, _cls in self._class_table)
        self._by_core = self._organisations_by_core_name()
        self._gov_nouns = lexicon.ref("government_nouns")
        self._unnamed_forces = lexicon.ref("unnamed_force_nouns")
        self._national_body_nouns = lexicon.ref("national_body_nouns")
        self._gov_heads = tuple(sorted(lexicon.ref("government_compound_heads")))
        self._adj_heads = self._gov_heads + tuple(sorted(lexicon.ref("adjective_compound_heads")))
        self._sides = lexicon.ref("sides")
        self._side_det = lexicon.ref("side_determiners")
        self._countries = lexicon.ref("countries")
        self._country_heads = tuple(sorted(lexicon.ref("country_heads")))
        self._org_nouns = lexicon.ref("organization_reference_nouns")
        self._org_name_nouns = lexicon.ref("organization_name_nouns")
        self._org_ref_nouns = self._org_nouns | self._org_name_nouns
        self._neighbour_nouns = lexicon.ref("neighbour_nouns")
        self._numbers = {str(k): int(v) for k, v in lexicon.refs.get("numbers", {}).items()}
        self._poss_nouns = lexicon.ref("possessive_nouns")
        self._possessives = lexicon.ref("possessives")
        # the articles (or none, "") before a name a possessive can refer to
        self._possessed_articles = {
            "sein": lexicon.ref("possessive_antecedents_sein"),
            "ihr": lexicon.ref("possessive_antecedents_ihr"),
        }
        self._age_nouns = lexicon.ref("age_nouns")
        self._epithets = tuple(sorted(lexicon.ref("epithet_nouns")))
        self._person_endings = tuple(sorted(lexicon.ref("person_noun_endings")))
        self._body_heads = tuple(sorted(lexicon.ref("body_heads")))
        self._relative_possessives = lexicon.ref("relative_possessives_sein") | lexicon.ref(
            "relative_possessives_ihr"
        )
        self._pronouns = lexicon.ref("pronouns")
        self._object_pronouns = lexicon.ref("object_pronouns")
        self._capital_gov = lexicon.ref("capital_government")
        self._capital_only_gov = tuple(sorted(lexicon.ref("capital_only_government")))
        self._particles = lexicon.ref("name_particles")
        self._leading = lexicon.cue("leadership_verbs")
        self._people = PersonNouns(
            lexicon.ref("person_nouns"),
            is_title=lambda w: lexicon.title_role(w) is not None,
            particles=self._particles,
            places=frozenset(self._place_nouns),
            adjectives=frozenset(a for e in dictionary for a in e.adjectives),
            locative=lexicon.cue("place_prepositions"),
        )

    # -- small lookups ------------------------------------------------------------------
    def _title(self, tok: Token) -> tuple[str | None, str | None]:
        """(role, prefix) of a title token: "Außenminister" → (foreign-minister, None),
        "US-Außenminister" → (foreign-minister, "US")."""
        low = tok.text.lower()
        for prefix, state in dict(self.lexicon.cues.get("title_prefixes") or {}).items():
            # "Bundeskanzlerin", "Bundesaußenminister", "Kremlchef": the prefix names the
            # state, whether the whole word is a title or only the rest of it
            if low.startswith(str(prefix)) and len(low) > len(str(prefix)) + 3:
                role = self.lexicon.title_role(tok.text) or self.lexicon.title_role(
                    tok.text[len(str(prefix)) :]
                )
                if role:
                    return role, str(state)
        role = self.lexicon.title_role(tok.text)
        if role:
            return role, None
        if "-" in tok.text:
            head, _, rest = tok.text.rpartition("-")  # "Sinn-Féin-Präsident"
            role = self.lexicon.title_role(rest)
            if role:
                return role, head
        return None, None

    def _truncated_title(self, toks: Sequence[Token], j: int) -> str | None:
        """The office of a truncated title coordinated with the title at ``j``: "Staats-
        und Parteichef" → the head of state (the first office named), completed with the
        title word the whole compound ends in; None where there is none."""
        if j < 2 or toks[j - 2].pos != "TRUNC" or toks[j - 1].pos != "KON":
            return None
        low = toks[j].text.lower()
        heads = [t for t in self.lexicon.titles if 3 <= len(t) < len(low) and low.endswith(t)]
        if not heads:
            return None
        return self.lexicon.title_role(toks[j - 2].text.rstrip("-") + max(heads, key=len))

    def _signed_for(
        self, toks: Sequence[Token], j: int, found: Sequence[EntityMention]
    ) -> str | None:
        """The state a clause opening with "für" names, for a government title in it: "Für
        Kenia unterschrieb Minister X", "Für Khartum setzte Vizepräsident X seine
        Unterschrift …" (a capital stands for its state); or the state that a title after
        "von" or "durch" represents ("Kairo ließ sich von Außenminister X vertreten",
        "Ägypten war durch Außenminister X vertreten")."""
        a, b = clause_bounds(toks, j)
        if toks[a].text.lower() == "für":
            m = next((x for x in found if x.first == a + 1 and x.keys), None)
        elif self._represented_by(toks, a, b, j):
            m = next((x for x in found if a <= x.first < j and x.keys), None)
        else:
            return None
        if m is None:
            return None
        key = m.keys[0]
        if self.dictionary.is_a(key, ActorClass.STATE):
            return key
        return self.dictionary.capital_of(key)

    @staticmethod
    def _represented_by(toks: Sequence[Token], a: int, b: int, j: int) -> bool:
        """The title at ``j`` comes after "von" or "durch" in a clause ``a``..``b`` of
        "vertreten" (a possessive between: "von seinem Außenminister X")."""
        k = j - 1
        if k > a and toks[k].pos == "PPOSAT":
            k -= 1
        return (
            k >= a
            and toks[k].text.lower() in ("von", "durch")
            and any(t.lemma.lower() == "vertreten" for t in toks[a:b])
        )

    @staticmethod
    def _after_adverbial_vorfeld(toks: Sequence[Token], v: int) -> bool:
        """``v`` is a finite verb after an adverbial opening its clause ("In der Nacht
        griffen Soldaten …", "Dann stürmten Soldaten …", "Daraufhin stürmten …"): the
        phrase after it may be the subject (after a subject, "Tschad schickt Soldaten", it
        is the object)."""
        if not toks[v].pos.endswith("(FIN)"):
            return False
        a = v
        while a > 0 and toks[a - 1].text not in (",", ";", ":", "–") and toks[a - 1].pos != "$.":
            a -= 1
        # (the tagger writes a pronominal adverb "PROAV", STTS 2.0's name for "PAV")
        return a < v and toks[a].pos in ("APPR", "APPRART", "ADV", "PROAV")

    def _state_before(
        self, found: Sequence[EntityMention], j: int, states: Sequence[str]
    ) -> str | None:
        """The state the sentence names last before token ``j``, else the state the
        article named last (``states``), else None."""
        return next(
            (
                m.keys[0]
                for m in reversed(found)
                if m.last <= j and m.keys and self.dictionary.is_a(m.keys[0], ActorClass.STATE)
            ),
            states[-1] if states else None,
        )

    def _state_body_genitive(self, toks: Sequence[Token], j: int) -> bool:
        """The title at ``j`` has a state's body with no state named as its genitive, then
        a comma: "der Sprecher des Außenministeriums, X", "der Sprecher der Armee, X"."""
        if j + 3 >= len(toks) or toks[j + 1].text not in ("der", "des") or toks[j + 3].text != ",":
            return False
        head = toks[j + 2]
        lem = head.lemma.lower()
        return head.pos == "NN" and (lem in self._gov_nouns or lem.endswith(self._gov_heads))

    def _state_title(self, tok: Token) -> bool:
        """A title of an office of a state that names no state: the chief of its armed
        forces ("Armeechef", "Generalstabschef") or a compound of one of its bodies
        ("Regierungssprecher", "Außenamtssprecher").

        Its holder holds the office of the state the sentence names before the title,
        else, of a body's title, of the state the article named last ("Auch China äußerte
        sich. Außenamtssprecher X …"); a chief of the forces, else of the state the story
        is about (its headline, read by the facts stage): the state named last is as often
        the enemy's."""
        if self._forces_title(tok):
            return True
        low = tok.text.lower()
        # "Regierungssprecher", "Außenamtssprecher": a compound title of a state's body
        return any(
            low.startswith(p) and self.lexicon.title_role(low[len(p) :])
            for p in self.lexicon.state_body_prefixes
        )

    def _forces_title(self, tok: Token) -> bool:
        """A title of the chief of a state's armed forces ("Armeechef", "Generalstabschef")."""
        low = tok.text.lower()
        return any(low in (t, t + "s") for t in self.lexicon.state_forces_titles)

    def _deputy_before(self, toks: Sequence[Token], j: int) -> bool:
        """An adjective of deputyship among those right before the title at ``j``."""
        k = j - 1
        while k >= 0 and toks[k].pos.startswith("ADJ"):
            if toks[k].lemma.lower() in self.lexicon.deputy_adjectives:
                return True
            k -= 1
        return False

    def _longer_name(self, given: str, m: EntityMention) -> bool:
        """``m`` is a person's full name that ``given`` before it makes a longer one: no
        name of the person it stands for has that word ("Scheich Ahmed Nasser
        al-Mohammed al-Sabah" is neither Abiy Ahmed nor Nasser al-Mohammed al-Sabah)."""
        if m.kind != MentionKind.NAME or m.cls != ActorClass.PERSON or not m.keys:
            return False
        entity = self.dictionary.get(m.keys[0])
        return entity is None or not any(given in name.split() for name in entity.names)

    def _given_is_new(
        self,
        given: str,
        surname: EntityMention,
        minted: Mapping[str, tuple[str, str]] | None = None,
    ) -> bool:
        """Whether ``given`` before a known surname starts another person's name: no name
        of the person the surname stands for starts with it ("Irfaan" before "Ali"); of a
        person the article introduced, the name it gave (``minted``: "Sérgio Cabral" is not
        the "Sérgio" of "Mário Sérgio Duarte")."""
        names = self._names_of(surname, minted or {})
        return bool(names) and not any(name.split()[0] == given for name in names if name.split())

    def _another_with_given(
        self,
        given: str,
        nxt: str,
        mention: EntityMention,
        minted: Mapping[str, tuple[str, str]],
    ) -> bool:
        """Whether a given name that refers back to someone ("Sergej" of "Sergej Schoigu")
        starts another person's name with the word after it ("Sergej Sobjanin"): no name
        of the one it refers back to goes on with that word."""
        names = self._names_of(mention, minted)
        if not any(name.split()[0] == given for name in names if name.split()):
            return False  # a surname, not a given name: "_given_is_new" decides
        return not any(f"{given} {nxt}" in name for name in names)

    def _names_of(
        self, mention: EntityMention, minted: Mapping[str, tuple[str, str]]
    ) -> Sequence[str]:
        """The names of the person a mention stands for: the dictionary's, or the one the
        article gave a person it introduced (``minted``)."""
        key = mention.keys[0] if mention.keys else None
        entity = self.dictionary.get(key) if key else None
        if entity is not None:
            return entity.names
        return (minted[key][1],) if key is not None and key in minted else ()

    def _is_colleague(self, tok: Token) -> bool:
        w = tok.text.lower()
        return any(w in (c, c + "n", c + "en", c + "s") for c in self._colleague)

    def _mint(self, name: str, cls: str, new: dict[str, tuple[str, str]]) -> str:
        """The key of a name: the dictionary's entity under any spelling of it (for an
        organisation also the one known by it with a class noun: "Wagner" for the
        "Wagner-Gruppe"), else a new entity of class ``cls`` that the article introduces
        (recorded in ``new``)."""
        key = self._normal.get(name_key(name))
        if key is None and class_is(cls, ActorClass.ORGANIZATION):
            # "der Söldnergruppe Wagner": the known "Wagner-Gruppe"
            key = self._by_core.get(name.lower())
        key = key or name_key(name)
        if key not in self.dictionary:
            new.setdefault(key, (cls, name))
        return key

    def _known(self, words: tuple[str, ...], *, common: bool = False) -> str | None:
        """The key of a name as listed, or of a spelling variant of it; ``common``: the
        one word is a common noun ("Amnestie" is no variant of "Amnesty")."""
        key = self._surface.get(words)
        if key is None and len(words) <= 3 and all(w[:1].isupper() for w in words):
            name = " ".join(words)
            if len(words) == 1 and (
                common or (not name.isupper() and name_key(name) in self._spelled)
            ):
                return None
            key = self._normal.get(name_key(name))
        return key

    # -- the stage ----------------------------------------------------------------------
    def recognise(self, sentences: Sequence[TaggedSentence], *, scope: str = "") -> Recognition:
        """Mentions of every sentence, in order; surnames of people seen so far resolve.

        A group named by a noun alone ("die Rebellen") gets, as its fallback, an actor of
        the article's own, keyed under ``scope`` (the article's slug) so that the groups
        two articles leave unnamed stay apart."""
        surnames = dict(self._surnames)
        local: dict[tuple[str, ...], str] = {}
        new: dict[str, tuple[str, str]] = {}
        out: list[EntityMention] = []
        pending: tuple[str, tuple[str, ...]] | None = None  # a plural title left unnamed
        named: dict[str, None] = {}  # the names given so far, in order, kept as they come
        previous: tuple[TaggedSentence, Sequence[EntityMention]] | None = None
        for ts in sentences:
            states = [k for k in named if self.dictionary.is_a(k, ActorClass.STATE)]
            context = _Context(scope, list(named), previous)
            found = self._sentence(ts, surnames, local, new, states, context)
            if ts is sentences[0]:
                found = self._dateline_places(ts, found, local, new)
            if pending:
                found = self._named_after_plural_title(ts, found, pending, states)
            pending = self._plural_title_unnamed(ts, found, states)
            self._remember_places(ts, found, local, new)
            out.extend(found)
            named.update((k, None) for m in found if m.kind == MentionKind.NAME for k in m.keys)
            previous = (ts, found)
        titled = {k for m in out if m.offices for k in m.keys}
        for m in out:
            # places and groups named after a noun of their class or a locative preposition:
            # the article's own
            if (
                m.cls in _NAMED_CLASSES
                and m.keys
                and m.keys[0] not in self.dictionary
                and m.kind == MentionKind.NAME
            ):
                key = m.keys[0]
                if (
                    class_is(m.cls, PlaceClass.PLACE)
                    and new.get(key, ("", ""))[0] == ActorClass.PERSON
                    and key not in titled
                ):
                    # a name read as a person's for its form alone ("Armee nimmt Nahr
                    # al-Bared ein" in the headline) is the place a place noun or a
                    # locative preposition makes it elsewhere
                    del new[key]
                new.setdefault(key, (m.cls, m.text))
        for m in out:
            # a name first met as a compound's first part ("Sinn-Féin-Präsident") is
            # labelled as the text writes it standing alone ("Sinn Féin")
            minted = new.get(m.keys[0]) if m.keys and m.kind == MentionKind.NAME else None
            if minted is not None and "-" in minted[1] and m.text == minted[1].replace("-", " "):
                new[m.keys[0]] = (minted[0], m.text)
        out = [self._unnamed_group(m, scope, new) if m.head else m for m in out]
        return Recognition(tuple(out), tuple((k, c, lab) for k, (c, lab) in sorted(new.items())))

    def _remember_places(
        self,
        ts: TaggedSentence,
        found: Sequence[EntityMention],
        local: dict[tuple[str, ...], str],
        new: dict[str, tuple[str, str]],
    ) -> None:
        """A place the article names first ("die Inselgruppe Quemoy", "in Baabda") is that
        place when its name comes again alone ("als die Armee Quemoy beschoss"). Its class
        is recorded now, not at the article's end, so that the later mention has it."""
        for m in found:
            if not (m.kind == MentionKind.NAME and m.keys and m.cls in _PLACE_CLASSES):
                continue
            if m.keys[0] in self.dictionary:
                continue
            local.setdefault(tuple(t.text for t in ts.tokens[m.first : m.last]), m.keys[0])
            new.setdefault(m.keys[0], (m.cls, m.text))

    def _dateline_places(
        self,
        ts: TaggedSentence,
        found: list[EntityMention],
        local: dict[tuple[str, ...], str],
        new: dict[str, tuple[str, str]],
    ) -> list[EntityMention]:
        """The places of a dateline no dictionary lists ("Wadi Araba – …", "Nakura/Beirut
        – …"): a dateline names where the story was filed, a town; the agency in
        parentheses ("(dpa)") is none."""
        toks = ts.tokens
        k = dateline_words([t.text for t in toks])
        # "Naypyidaw (KNA) –": the agency after the town is no short name of it, nor the
        # town an organisation the agency names
        misread = {
            m.keys[0]
            for m in found
            if m.last < k
            and m.kind == MentionKind.NAME
            and m.keys
            and toks[m.last].text == "("
            and not self.dictionary.is_a(m.keys[0], ActorClass.ORGANIZATION)
        }
        for key in misread:
            if class_is(new.get(key, ("", ""))[0], ActorClass.ORGANIZATION):
                del new[key]
        found = [
            m
            for m in found
            if not (
                m.first < k
                and m.keys
                and m.keys[0] in misread
                and (
                    class_is(m.cls, ActorClass.ORGANIZATION)
                    or (m.first > 0 and toks[m.first - 1].text == "(")
                )
            )
        ]
        covered = {x for m in found for x in range(m.first, m.last)}
        out = list(found)
        start, depth = 0, 0
        for j in range(k):
            text = toks[j].text
            depth += (text == "(") - (text == ")")
            boundary = text in ("/", "(", ")") or j == k - 1 or depth > 0
            if not boundary:
                continue
            words = tuple(t.text for t in toks[start:j] if t.text[:1].isupper())
            if words and len(words) == j - start and not covered & set(range(start, j)):
                key = self._mint(" ".join(words), PlaceClass.CITY, new)
                local.setdefault(words, key)
                cls = "" if key in self.dictionary else PlaceClass.CITY
                out.append(self._mention(ts, start, j, MentionKind.NAME, (key,), cls=cls))
            start = j + 1
        return sorted(out, key=lambda m: m.first)

    def _unnamed_group(
        self, m: EntityMention, scope: str, new: dict[str, tuple[str, str]]
    ) -> EntityMention:
        """The group noun's mention with the article's own actor as its fallback, labelled
        with the phrase ("tamilischen Rebellen" of "die tamilischen Rebellen")."""
        words = m.text.split()
        if words[0].lower() in ("die", "den", "der", "des", "das", "dem", "und", "sowie"):
            words = words[1:]
        if len(words) > 1 and words[0].lower() in self.lexicon.cue("large_counts"):
            words = words[1:]  # "Tausende Schüler": the schoolchildren, not their number
        label = " ".join(words)
        key = f"{scope}/{slugify(label)}" if scope else slugify(label)
        new.setdefault(key, (self.lexicon.group_class(m.head) or ActorClass.ACTOR, label))
        return replace(m, fallback=key)

    def _mention(
        self,
        ts: TaggedSentence,
        a: int,
        b: int,
        kind: MentionKind,
        keys: tuple[str, ...],
        start: int | None = None,
        end: int | None = None,
        **kw,
    ) -> EntityMention:
        toks = ts.tokens
        s = toks[a].start if start is None else start
        e = toks[b - 1].end if end is None else end
        text = ts.sentence.text[s - ts.sentence.start : e - ts.sentence.start]
        cls = (
            self.dictionary[keys[0]].cls
            if keys and keys[0] in self.dictionary
            else kw.pop("cls", "")
        )
        kw.pop("cls", None)
        return EntityMention(ts.sentence.index, a, b, s, e, text, kind, keys, cls, **kw)

    def _sentence(
        self,
        ts: TaggedSentence,
        surnames: dict[str, str],
        local: dict[tuple[str, ...], str],
        new: dict[str, tuple[str, str]],
        states: Sequence[str] = (),
        context: _Context | None = None,
    ) -> list[EntityMention]:
        toks = ts.tokens
        n = len(toks)
        found: list[EntityMention] = []
        i = 0
        while i < n:
            tok = toks[i]
            if tok.pos.startswith("$") and tok.text not in ("(",):
                i += 1
                continue
            m = None
            for length in range(min(8, n - i), 0, -1):
                words = tuple(t.text for t in toks[i : i + length])
                if not words[0][:1].isupper() and words[0] not in self._lower_starts:
                    break
                common = length == 1 and tok.pos == "NN"
                key = local.get(words) or self._known(words, common=common)
                if key:
                    cls = new[key][0] if key in new else ""
                    m = self._mention(ts, i, i + length, MentionKind.NAME, (key,), cls=cls)
                    break
            if m is None and tok.text[:1].isupper():
                m = self._single(ts, tok, surnames, local)
            if m is None:
                adj = self._adjective.get(tok.text.lower())
                if adj:
                    m = self._mention(ts, i, i + 1, MentionKind.ADJECTIVE, (adj,))
            if m is not None:
                found.append(m)
                i = m.last
            else:
                i += 1
        found = self._abbreviations(ts, found, local, new)
        found = self._short_names(ts, found, local)
        found = self._group_compounds(ts, found, local, new)
        found = self._adjective_org_names(ts, found, local, new)
        found = self._plural_titled(ts, found, new, states)
        found = self._titled(ts, found, surnames, new, local, states, context)
        found = self._people_by_function(ts, found, new)
        found = self._title_appositions(ts, found, new)
        found = self._references(ts, found)
        found = self._places_after_prepositions(ts, found, surnames)
        found = self._places_taken(ts, found, surnames)
        found = self._unnamed_capitals(ts, found)
        found = self._national_bodies(ts, found)
        found = self._named_after_class_nouns(ts, found, local, new)
        found = self._led_organisations(ts, found, new)
        found = self._quote_speakers(ts, found, surnames, new)
        people = [m for m in found if m.cls == ActorClass.PERSON and m.kind == MentionKind.NAME]
        # a surname inside another person's full name is part of it ("Ahmed" in "Ali
        # Ahmed Musa" is not Abiy Ahmed)
        found = [
            m
            for m in found
            if m.kind != MentionKind.SURNAME
            or not any(p.first <= m.first and m.last <= p.last and p is not m for p in people)
        ]
        for m in found:
            if m.cls == ActorClass.PERSON and m.keys:
                name = self._name_parts(ts, m, surnames, new)
                if m.kind == MentionKind.NAME and len(name) >= 2:
                    local.setdefault(name, m.keys[0])  # the full name again, later
        return sorted(found, key=lambda m: m.first)

    def _name_parts(
        self,
        ts: TaggedSentence,
        m: EntityMention,
        surnames: dict[str, str],
        new: dict[str, tuple[str, str]],
    ) -> tuple[str, ...]:
        """Record the words of a person's full name that refer back to them alone: the
        last word ("al-Burhan", and "Burhan" after its particle), and in a name of two
        words or more the given name and the middle names ("Abiy" of "Abiy Ahmed", "Murad"
        of "Al Haj Murad Ebrahim") unless another person has them. Returns the name
        without its title."""
        minted = new.get(m.keys[0])
        for word in m.text.split()[-1:]:
            w = word.rstrip(",")
            if minted and minted[0] == ActorClass.PERSON and minted[1].split()[-1] == w[:-1]:
                w = w[:-1]  # "König Husseins" minted "Hussein": the name is "Hussein"
            if w[:1].isupper() and w not in surnames:
                surnames[w] = m.keys[0]
            head, dash, rest = w.partition("-")
            if dash and head.lower() in self._particles and rest[:1].isupper():
                surnames.setdefault(rest, m.keys[0])  # "al-Burhan": "Burhan"
        span = ts.tokens[m.first : m.last]
        start = 0
        for i, t in enumerate(span):
            if i > start and t.text.lower().partition("-")[0] in self._particles:
                continue  # "Hamad bin Chalifa al-Thani": particles inside the name
            if not t.text[:1].isupper() or self._title(t)[0] or self._is_colleague(t):
                start = i + 1
        name = tuple(t.text for t in span[start:])
        if m.kind != MentionKind.NAME or len(name) < 2:
            return name
        for w in name[:-1]:
            if w.isalpha() and len(w) >= 3 and w[:1].isupper() and w.lower() not in self._particles:
                surnames.setdefault(w, m.keys[0])
        return name

    def _single(
        self,
        ts: TaggedSentence,
        tok: Token,
        surnames: dict[str, str],
        local: dict[tuple[str, ...], str],
    ) -> EntityMention | None:
        """A single capitalised token: surname, genitive surname, or a name prefix of a
        hyphenated compound ("US-Außenminister", "Berg-Karabach-Konflikt")."""
        w = tok.text
        after = ts.tokens[tok.i + 1 : tok.i + 3]
        if len(after) == 2 and after[0].text.lower() in self._particles and after[1].pos == "NE":
            # "Hamad bin Chalifa" after "Hamad bin Dschassim": another person's full name
            surnames = {}
        for cand in (w, w[:-1] if w.endswith("s") else None):
            if (cand and cand in surnames and tok.pos in _PERSONISH and tok.i > 0) or (
                cand and cand in surnames and tok.pos == "NE"
            ):
                return self._mention(
                    ts,
                    tok.i,
                    tok.i + 1,
                    MentionKind.SURNAME,
                    (surnames[cand],),
                    cls=ActorClass.PERSON,
                )
        if "-" in w:
            parts = w.split("-")
            for k in range(len(parts) - 1, 0, -1):
                prefix = "-".join(parts[:k])
                key = local.get((prefix,)) or self._surface.get((prefix,))
                if (
                    key
                    and prefix
                    and (
                        self._names_a_person(ts, tok)
                        # "der Tschetschenien-Beauftragte des Kremls, X": a region is the
                        # person's brief, never an actor
                        or (
                            self.dictionary.is_a(key, PlaceClass.PLACE)
                            and self._people.is_person_noun(tok)
                        )
                    )
                ):
                    # "der frühere US-Senator George Mitchell": the state qualifies the
                    # person, as "der amerikanische Senator" would; it does not act
                    return self._mention(ts, tok.i, tok.i + 1, MentionKind.ADJECTIVE, (key,))
                if (
                    key
                    and prefix
                    and ActorClass.ACTOR
                    in (
                        self.lexicon.group_class(tok.lemma),
                        self.lexicon.group_class(w),
                    )
                ):
                    return None  # "die Kosovo-Albaner": a people, not the place that names it
                if key and prefix:
                    return self._mention(
                        ts,
                        tok.i,
                        tok.i + 1,
                        MentionKind.NAME,
                        (key,),
                        start=tok.start,
                        end=tok.start + len(prefix),
                    )
                adj = self._adjective.get(prefix.lower() + "-") if k == len(parts) - 1 else None
                if adj:
                    return self._mention(ts, tok.i, tok.i + 1, MentionKind.ADJECTIVE, (adj,))
        return None

    def _names_a_person(self, ts: TaggedSentence, tok: Token) -> bool:
        """A compound of function ("US-Senator", "Hamas-Unterhändler") right before a name."""
        nxt = ts.tokens[tok.i + 1] if tok.i + 1 < len(ts.tokens) else None
        return (
            nxt is not None
            and nxt.pos == "NE"
            and nxt.text[:1].isupper()
            and self._people.is_person_noun(tok)
        )

    @staticmethod
    def _short_names(
        ts: TaggedSentence, found: list[EntityMention], local: dict[tuple[str, ...], str]
    ) -> list[EntityMention]:
        """A short name in parentheses spelling the initials of the name before it is that
        name, whatever else the dictionary knows by it ("die Arakan Army (AA)" is not the
        news agency AA); the article's later uses of it are that name too."""
        toks = ts.tokens
        out = list(found)
        for x, m in enumerate(out):
            short = m.text
            if not (
                x > 0
                and m.last - m.first == 1
                and m.first > 1
                and m.last < len(toks)
                and toks[m.first - 1].text == "("
                and toks[m.last].text == ")"
                and short.isalpha()
                and short.isupper()
            ):
                continue
            name = out[x - 1]
            if (
                name.last == m.first - 1
                and name.keys
                and name.keys != m.keys
                and _initials(name.text.split()) == short
            ):
                out[x] = replace(m, keys=name.keys, cls=name.cls)
                local[(short,)] = name.keys[0]
        return out

    def _abbreviations(
        self,
        ts: TaggedSentence,
        found: list[EntityMention],
        local: dict[tuple[str, ...], str],
        new: dict[str, tuple[str, str]],
    ) -> list[EntityMention]:
        """ "Long Name (ABBR)" not in the dictionary → a new organisation known by both."""
        toks = ts.tokens
        covered = {j for m in found for j in range(m.first, m.last)}
        for j in range(2, len(toks) - 1):
            abbr = toks[j].text
            if not (toks[j - 1].text == "(" and toks[j + 1].text == ")"):
                continue
            if not (abbr.isupper() and 2 <= len(abbr) <= 7 and abbr.isalpha()):
                continue
            # a short name the dictionary knows for another is this long name's where the
            # long name, unknown itself, spells it ("die Special Action Force (SAF)")
            taken = j in covered
            k = j - 1
            people = {
                i
                for m in found
                if m.cls == ActorClass.PERSON or m.kind == MentionKind.SURNAME
                for i in range(m.first, m.last)
            }
            while k > 0 and (
                (
                    toks[k - 1].text[:1].isupper()
                    and self._title(toks[k - 1])[0] is None
                    # "Sankohs Revolutionäre Vereinigte Front (RUF)": the leader's genitive
                    and k - 1 not in people
                )
                or toks[k - 1].text in ("für", "von", "der", "des", "und")
            ):  # a title before the name is no part of it: "Vorsitzenden der … (PLO)"
                if (
                    toks[k - 1].text.lower() in _SKIP_WORDS
                    and k - 2 >= 0
                    and not toks[k - 2].text[:1].isupper()
                ):
                    break
                k -= 1
            while k < j - 1 and (
                not toks[k].text[:1].isupper() or toks[k].text.lower() in _SKIP_WORDS
            ):
                k += 1
            k = self._long_name_start(toks, j, people) or k
            if k >= j - 1:
                continue
            if taken:
                spelt = next(
                    (
                        x
                        for x in range(k, j - 1)
                        if toks[x].text[:1].isupper()
                        and _initials(t.text for t in toks[x : j - 1]) == abbr
                    ),
                    None,
                )
                if spelt is None or any(i in covered for i in range(spelt, j - 1)):
                    continue
                k = spelt
                found = [m for m in found if m.first != j]
            long_words = tuple(t.text for t in toks[k : j - 1])
            state = self._state_body(toks, k, j - 1, found)
            if state is not None:
                # "der ruandischen Streitkräfte (RDF)": the short name of a state's body
                # is the state, as the phrase is; no organisation named "Streitkräfte"
                local[(abbr,)] = state
                found.append(self._mention(ts, j, j + 1, MentionKind.NAME, (state,)))
                continue
            key = name_key(" ".join(long_words)) or name_key(abbr)
            label = ts.sentence.text[
                toks[k].start - ts.sentence.start : toks[j - 2].end - ts.sentence.start
            ]
            new.setdefault(key, (ActorClass.ORGANIZATION, label))
            local[long_words] = key
            local[(abbr,)] = key
            found = [m for m in found if not (k <= m.first < j)]
            found.append(
                self._mention(ts, k, j - 1, MentionKind.NAME, (key,), cls=ActorClass.ORGANIZATION)
            )
            found.append(
                self._mention(ts, j, j + 1, MentionKind.NAME, (key,), cls=ActorClass.ORGANIZATION)
            )
        return found

    def _state_body(
        self, toks: Sequence[Token], k: int, end: int, found: Sequence[EntityMention]
    ) -> str | None:
        """The state whose adjective stands before the one noun ``k``..``end`` of a body
        of a state ("ruandischen Streitkräfte", "kenianischen Regierung"), else None."""
        lem = toks[k].lemma.lower()
        if end - k != 1 or not (lem in self._gov_nouns or lem.endswith(self._gov_heads)):
            return None
        adj = next(
            (m for m in found if m.last == k and m.kind == MentionKind.ADJECTIVE and m.keys),
            None,
        )
        if adj is None or not self.dictionary.is_a(adj.keys[0], ActorClass.STATE):
            return None
        return adj.keys[0]

    def _long_name_start(self, toks: Sequence[Token], j: int, people: Set[int]) -> int | None:
        """Where the long name before the abbreviation at ``j`` starts when a head noun of
        an organisation opens it ("von der Union für den Frieden in Zentralafrika (UPC)":
        at "Union"; "Kämpfer der Allianz Demokratischer Kräfte (ADF)": at "Allianz"),
        with the capitalised words right before the head ("Nationale", "Tigray People's")."""
        heads = self.lexicon.ref("organization_name_heads")
        best = None
        k = j - 2
        while k >= 0 and j - 2 - k < 12:
            t = toks[k]
            if k in people or t.pos.startswith("V") or t.text in (",", ";", ":", "(", ")"):
                break
            if t.pos == "KON" and k + 1 < len(toks) and toks[k + 1].pos == "ART":
                break  # "der Armee und der Nationalen Befreiungsfront (NLF)": two names
            words = (t.text.lower(), t.lemma.lower())
            if t.text[:1].isupper() and any(w.endswith(h) for h in heads for w in words):
                best = k
            if not (t.text[:1].isupper() or t.pos in ("ART", "APPR", "APPRART", "ADJ(A)", "KON")):
                break
            k -= 1
        if best is None:
            return None
        while (
            best > 0
            and toks[best - 1].text[:1].isupper()
            and toks[best - 1].pos in ("NN", "NE", "FM", "ADJ(A)")
            and best - 1 not in people
            and self._title(toks[best - 1])[0] is None
        ):
            best -= 1
        return best

    def _group_compounds(
        self,
        ts: TaggedSentence,
        found: list[EntityMention],
        local: dict[tuple[str, ...], str],
        new: dict[str, tuple[str, str]],
    ) -> list[EntityMention]:
        """ "die Unita-Rebellen", "der Seleka-Miliz": a name no dictionary lists before a
        noun of its class is a group of that class, known by the name for the rest of the
        article. Not a German plural ("Tamilen-Rebellen", "Islamisten-Miliz": people, not
        a group's name)."""
        covered = {j for m in found for j in range(m.first, m.last)}
        out = list(found)
        for tok in ts.tokens:
            prefix, _, head = tok.text.rpartition("-")
            place = self._place_prefix(tok, prefix, found) if tok.i in covered else None
            if (tok.i in covered and place is None) or not prefix or not head[:1].isupper():
                continue
            cls = _noun_class(head, self._class_table, plural=True)
            if place is not None and cls is not None:
                # "der Pazifik-Allianz", "die Sahel-Gruppe": a body named after a place is
                # named by the whole compound, not the place
                out.remove(place)
                key = local.get((tok.text,)) or self._mint(tok.text, cls, new)
                local[(tok.text,)] = key
                out.append(self._mention(ts, tok.i, tok.i + 1, MentionKind.NAME, (key,), cls=cls))
                continue
            if (
                cls is None
                or not prefix[:1].isupper()
                or len(prefix) < 3
                or prefix.lower().endswith(_PLURAL_ENDINGS)
                or prefix.lower().endswith(self._class_nouns)
            ):
                continue
            key = local.get((prefix,)) or self._mint(prefix, cls, new)
            local[(prefix,)] = key
            end = tok.start + len(prefix)
            out.append(
                self._mention(
                    ts,
                    tok.i,
                    tok.i + 1,
                    MentionKind.NAME,
                    (key,),
                    cls=cls,
                    start=tok.start,
                    end=end,
                )
            )
        return out

    def _place_prefix(
        self, tok: Token, prefix: str, found: Sequence[EntityMention]
    ) -> EntityMention | None:
        """The mention of a place that is the first part of the compound ``tok`` alone
        ("Pazifik" in "Pazifik-Allianz"), or None."""
        m = next((m for m in found if m.first == tok.i and m.last == tok.i + 1), None)
        if m is None or not m.keys or m.text != prefix:
            return None
        place = class_is(m.cls, PlaceClass.PLACE) or self.dictionary.is_a(
            m.keys[0], PlaceClass.PLACE
        )
        return m if place else None

    def _adjective_org_names(
        self,
        ts: TaggedSentence,
        found: list[EntityMention],
        local: dict[tuple[str, ...], str],
        new: dict[str, tuple[str, str]],
    ) -> list[EntityMention]:
        """A capitalised adjective inside the sentence before an organisation head noun
        ("der Karibischen Gemeinschaft") or a body's ("der Revolutionäre Kommandorat") not
        in the dictionary → a new organisation, labelled in the nominative ("Karibische
        Gemeinschaft")."""
        toks = ts.tokens
        heads = self.lexicon.ref("organization_heads")
        covered = {j for m in found for j in range(m.first, m.last)}
        out = list(found)
        for j in range(2, len(toks)):
            adj, head = toks[j - 1], toks[j]
            lem = head.lemma.lower()
            if j in covered or j - 1 in covered:
                continue
            if lem not in heads and not (
                head.pos == "NN"
                and lem.endswith(self._body_heads)
                and not self._name_goes_on(toks, j)
            ):
                continue
            if not (
                adj.text[:1].isupper()
                and adj.text.isalpha()
                and adj.pos == "ADJ(A)"
                and toks[j - 2].text.lower() in _SKIP_WORDS
                and adj.text.lower() not in self._adjective
            ):
                continue
            stem = adj.text
            for ending in ("en", "er", "em", "es", "e"):
                if stem.lower().endswith(ending):
                    stem = stem[: -len(ending)]
                    break
            label = f"{stem}e {head.lemma}"
            key = name_key(label)
            new.setdefault(key, (ActorClass.ORGANIZATION, label))
            local[(adj.text, head.text)] = key
            out.append(
                self._mention(
                    ts, j - 1, j + 1, MentionKind.NAME, (key,), cls=ActorClass.ORGANIZATION
                )
            )
        return out

    @staticmethod
    def _name_goes_on(toks: Sequence[Token], j: int) -> bool:
        """The name whose head is at ``j`` goes on after it ("das Internationale Komitee
        vom Roten Kreuz"): a preposition or article and a capitalised word."""
        return (
            j + 2 < len(toks)
            and toks[j + 1].pos in ("APPR", "APPRART", "ART")
            and toks[j + 2].text[:1].isupper()
        )

    def _state_at(self, toks: Sequence[Token], k: int, by_first: dict[int, EntityMention]) -> bool:
        """A state's name starts at ``k`` (after a genitive article "des"/"der")."""
        m = by_first.get(k + 1 if toks[k].text.lower() in ("des", "der") else k)
        return m is not None and bool(m.keys) and self.dictionary.is_a(m.keys[0], ActorClass.STATE)

    def _title_appositions(
        self, ts: TaggedSentence, found: list[EntityMention], new: dict[str, tuple[str, str]]
    ) -> list[EntityMention]:
        """A title without a name, then its complement and a comma, then a person: the
        apposition names the title's holder ("der Sprecher der ruandischen Streitkräfte
        (RDF), Oberst Ronald Rwivanga,", "der UN-Sondergesandte für den Jemen, der
        schwedische Diplomat Hans Grundberg,"): the title refers to that person, who
        holds its office."""
        toks = ts.tokens
        out = list(found)
        claimed: set[int] = set()  # a person is the apposition of the first title only
        for n, t in enumerate(found):
            if t.kind != MentionKind.TITLE or t.keys or not t.offices:
                continue
            by_first = {m.first: (k, m) for k, m in enumerate(out)}
            k = t.last
            while k < len(toks) and k - t.last < 12 and toks[k].text != ",":
                if toks[k].pos.startswith(("V", "$.")) or toks[k].text in ("und", "oder", ";"):
                    k = len(toks)
                    break
                k += 1
            k += 1
            start = k
            while k < len(toks) and (
                toks[k].pos in ("ART", "ADJ(A)")
                or self._people.is_person_noun(toks[k])
                or _described_name(toks, k)
            ):
                k += 1  # "der schwedische Diplomat", "Oberst", "der Jurist"
            # a name merged with its own title starts on the title ("der Premierminister
            # von Mauritius, Seewoosagur Ramgoolam")
            at, person = next(
                (by_first[i] for i in range(start, k + 1) if i in by_first), (-1, None)
            )
            if person is None and k not in {i for m in out for i in range(m.first, m.last)}:
                person = self._apposition_name(ts, k, new)
                if person is not None:
                    out.append(person)
                    at = len(out) - 1
            if (
                person is None
                or at in claimed
                or person.cls != ActorClass.PERSON
                or not person.keys
                or person.last >= len(toks)
                or toks[person.last].text not in (",", ".")
            ):
                continue
            # "der Vorsitzende der OAU, der sambische Präsident Kenneth Kaunda": both
            # titles are the person's
            offices = person.offices + tuple(o for o in t.offices if o not in person.offices)
            holder = replace(person, offices=offices)
            claimed.add(at)
            out[at] = holder
            out[n] = replace(t, keys=holder.keys, cls=ActorClass.PERSON)
        return self._appositions_after_names(ts, out, claimed, new)

    def _appositions_after_names(
        self,
        ts: TaggedSentence,
        found: list[EntityMention],
        claimed: set[int],
        new: dict[str, tuple[str, str]],
    ) -> list[EntityMention]:
        """A person, a comma, then a title without a name that ends its phrase: the title
        is the person's ("Raphael Tuju, der Außenminister Kenias, sagte", "… unterzeichnete
        Félix Tshisekedi, der Präsident Kongos.")."""
        toks = ts.tokens
        out = list(found)
        people = {m.last: k for k, m in enumerate(out) if m.cls == ActorClass.PERSON and m.keys}
        for n, t in enumerate(found):
            # (a title read as its organisation's reference still names an office)
            if t.kind != MentionKind.TITLE or not t.offices or set(t.keys) - {t.offices[0][1]}:
                continue
            j = self._past_adverbials(toks, t.first - 1)
            while j > 0 and toks[j].pos == "ART":
                j -= 1
            if j <= 0 or toks[j].text != ",":
                continue
            at = people.get(j)
            if at is None:
                person = self._name_before(ts, j, out, new)
                if person is None:
                    continue
                out.append(person)
                at = len(out) - 1
            if at in claimed or set(t.offices) <= set(out[at].offices):
                continue
            k = t.last
            while k < len(toks) and k - t.last < 8 and toks[k].text not in (",", "(", "."):
                if toks[k].pos.startswith("V") or toks[k].pos == "KON":
                    k = len(toks)  # "…, Außenminister Kenias und …" is a list, not an apposition
                    break
                k += 1
            if k >= len(toks) or toks[k].text not in (",", "(", "."):
                continue
            claimed.add(at)
            out[at] = replace(out[at], offices=out[at].offices + t.offices)
            out[n] = replace(t, keys=out[at].keys, cls=ActorClass.PERSON)
        return out

    def _past_adverbials(self, toks: Sequence[Token], j: int) -> int:
        """Back from ``j`` over what may stand between an apposition's comma and its title
        and leaves the office a current one: a "seit" phrase ("X, seit 2019 Außenminister
        Kenias,") and adverbs ("zugleich", "derzeit"), not those of a former office
        ("damals", "einst")."""
        while j > 0:
            low = toks[j].text.lower()
            if toks[j].pos == "ADV" and not low.startswith(tuple(self.lexicon.former)):
                j -= 1
            elif j > 1 and toks[j].pos in ("CARD", "NN", "NE") and toks[j - 1].lower == "seit":
                j -= 2
            elif (
                j > 2
                and toks[j].pos in ("CARD", "NN", "NE")
                and toks[j - 1].pos in ("ADJ(A)", "ART", "PRELS")
                and toks[j - 2].lower == "seit"
            ):
                j -= 3  # "seit vergangenem Jahr", "seit dem Sommer"
            else:
                break
        return j

    def _title_prefix_owner(
        self, prefix: str, new: dict[str, tuple[str, str]], local: dict[tuple[str, ...], str]
    ) -> str | None:
        """Whose office a hyphenated title names: a state or organisation the dictionary
        knows ("US-", "UN-"), one the article named ("GAM-Führer" after "Bewegung Freies
        Aceh (GAM)", "Farc-Kommandeur"), else an organisation known by that short name
        ("LRA-Chef", "Sinn-Féin-Präsident")."""
        known = (
            self._surface.get((prefix,))
            # a name of several words joined by hyphens in the compound ("Sinn-Féin-")
            or self._surface.get(tuple(prefix.split("-")))
            or self._adjective.get(prefix.lower() + "-")
            or local.get((prefix,))
            or (name_key(prefix) if name_key(prefix) in new else None)
        )
        if known is not None:
            return known
        words = prefix.split("-")
        if not all(w[:1].isupper() for w in words) or prefix.lower() in self._adjective:
            return None
        if not (prefix.isupper() or len(words) > 1):
            return None  # a single capitalised word may be a place or a person
        key = self._mint(prefix, ActorClass.ORGANIZATION, new)
        # the article may name it later standing alone: "die Volta Front"
        local.setdefault((prefix,), key)
        local.setdefault(tuple(words), key)
        return key

    def _genitive_organisation(
        self,
        ts: TaggedSentence,
        q: int,
        by_first: dict[int, EntityMention],
        new: dict[str, tuple[str, str]],
        local: dict[tuple[str, ...], str],
        unknown: str = ActorClass.ORGANIZATION,
    ) -> str | None:
        """An unknown proper noun as the genitive of a title before its holder's name ("der
        Oberkommandierende der Farc, Rodrigo Londoño"): the organisation the holder leads
        (its words stay inside the holder's mention, as a known genitive's do); a bare
        name with no class noun is of class ``unknown``."""
        toks = ts.tokens
        # "der von den USA geführten Koalition"
        q = _past_attribute(toks, q, self._morph.agent_prepositions)
        while q < len(toks) and toks[q].pos.startswith("ADJ"):
            q += 1
        cls = (
            _noun_class(toks[q].text, self._class_table) or self._place_class(toks[q].text)
            if q < len(toks)
            else None
        )
        if (
            cls is not None
            and toks[q].pos in ("NN", "NE")
            and "-" in toks[q].text.strip("-")
            and q + 1 < len(toks)
            and toks[q + 1].text in (",", "(")
            and q not in by_first
        ):
            # a compound of its class noun that names it ("der Anti-IS-Koalition, X")
            return self._mint(toks[q].text, cls, new)
        if cls is not None and toks[q].pos == "NN":
            known = by_first.get(q + 1)
            if (
                known is not None
                and known.keys
                and known.last < len(toks)
                and toks[known.last].text in (",", "(")
                and class_is(known.cls, ActorClass.ORGANIZATION)
            ):
                # "der Vorsitzende der früheren Rebellenbewegung Renamo, Ossufo Momade"
                return known.keys[0]
            if known is not None and known.keys and class_is(cls, PlaceClass.PLACE):
                # "der Präsident der Provinz Katanga, X": a place the article knows
                return known.keys[0]
            # "der Generalsekretär der Rebellenbewegung Forces Nouvelles, Guillaume Soro"
            r = q + 1
            while r < len(toks) and r - q <= 3 and r not in by_first and _name_like(toks[r]):
                r += 1
            # (or before its long name in parentheses: "der Bewegung FLNKS (…), X"; or at
            # the end of an apposition: "X, der Präsident der Provinz Katanga.")
            if r > q + 1 and r < len(toks) and toks[r].text in (",", "(", "."):
                words = tuple(t.text for t in toks[q + 1 : r])
                key = self._mint(" ".join(words), cls, new)
                local[words] = key
                return key
        # the name's words, with particles between them ("Rio de Janeiro")
        end = _past_particles(toks, q + 1, self._particles, by_first, reach=q + 5)
        if not (
            end < len(toks)
            and q not in by_first
            and _name_like(toks[q])
            and toks[end].text == ","
            and not self._people.is_person_noun(toks[q])
        ):
            return None
        return self._mint(" ".join(t.text for t in toks[q:end]), unknown, new)

    def _name_before(
        self,
        ts: TaggedSentence,
        end: int,
        found: Sequence[EntityMention],
        new: dict[str, tuple[str, str]],
    ) -> EntityMention | None:
        """A name the tagger does not know as one, before the comma of a title in
        apposition ("Auch David Trimble, Vorsitzender der UUP,"): two or three capitalised
        words no other mention holds, the last a proper noun."""
        toks = ts.tokens
        taken = {i for m in found for i in range(m.first, m.last)}
        k = end
        while (
            k > 0
            and end - k < 3
            and k - 1 not in taken
            and toks[k - 1].text[:1].isupper()
            and toks[k - 1].pos in ("NE", "NN", "FM")
            and not self._people.is_person_noun(toks[k - 1])
            and self._title(toks[k - 1])[0] is None
        ):
            k -= 1
        if end - k < 2 or toks[end - 1].pos != "NE":
            return None
        key = self._mint(" ".join(t.text for t in toks[k:end]), ActorClass.PERSON, new)
        return self._mention(ts, k, end, MentionKind.NAME, (key,), cls=ActorClass.PERSON)

    def _apposition_name(
        self, ts: TaggedSentence, k: int, new: dict[str, tuple[str, str]]
    ) -> EntityMention | None:
        """A name the tagger does not know as one, in the apposition of a title ("der
        Vorsitzende der PLO, Jassir Arafat,"): two or three capitalised words, the last a
        proper noun, closed by a comma or the full stop."""
        toks = ts.tokens
        end = k
        while (
            end < len(toks)
            and end - k < 3
            and toks[end].text[:1].isupper()
            and toks[end].pos in ("NE", "NN", "FM")
            and not self._people.is_person_noun(toks[end])
            and self._title(toks[end])[0] is None
        ):
            end += 1
        if end - k < 2 or end >= len(toks) or toks[end].text not in (",", "."):
            return None
        if toks[end - 1].pos != "NE":
            return None
        key = self._mint(" ".join(t.text for t in toks[k:end]), ActorClass.PERSON, new)
        return self._mention(ts, k, end, MentionKind.NAME, (key,), cls=ActorClass.PERSON)

    def _people_by_function(
        self, ts: TaggedSentence, found: list[EntityMention], new: dict[str, tuple[str, str]]
    ) -> list[EntityMention]:
        """People no dictionary lists, named after a noun of function (:mod:`people`)."""
        toks = ts.tokens
        # a known surname that opens a longer name is that name's given name ("Sprecher
        # Ahmed Karimi" is not the known "… Ahmed")
        opening = {
            m.first: m
            for m in found
            if m.kind == MentionKind.SURNAME
            and m.last == m.first + 1
            and m.last < len(toks)
            and toks[m.last].text[:1].isupper()
            and toks[m.last].pos in _PERSONISH
            and not any(x.first == m.last for x in found)
        }
        # ... and one that closes a longer name is its last word ("Samuel Ruiz García" is
        # not the known "Antonio García")
        covered = {i for m in found for i in range(m.first, m.last)}
        closing = {
            m.first: m
            for m in found
            if m.kind == MentionKind.SURNAME
            and m.last == m.first + 1
            and m.first >= 1
            and toks[m.first - 1].pos in ("NE", "FM")
            and toks[m.first - 1].text[:1].isupper()
            and m.first - 1 not in covered
        }
        loose = {**opening, **closing}
        taken = {i for m in found if m.first not in loose for i in range(m.first, m.last)}
        out = list(found)
        spans = list(self._people.names(toks, taken))
        taken_now = taken | {i for a, b in spans for i in range(a, b)}
        spans += list(self._people.bare_names(toks, taken_now))
        taken_now |= {i for a, b in spans for i in range(a, b)}
        spans += list(
            self._people.described_names(
                toks,
                taken_now,
                epithets=self._epithets,
                endings=self._person_endings,
                names_class=self._names_follow,
            )
        )
        for a, b in spans:
            for k in range(a, b):
                if k in loose and loose[k] in out:
                    out.remove(loose[k])
            key = self._mint(" ".join(t.text for t in ts.tokens[a:b]), ActorClass.PERSON, new)
            out.append(self._mention(ts, a, b, MentionKind.NAME, (key,), cls=ActorClass.PERSON))
        return out

    def _names_after(
        self,
        toks: Sequence[Token],
        k: int,
        taken: set[int],
        known: dict[int, EntityMention] | None = None,
        *,
        closers: tuple[str, ...] = (),
    ) -> list[tuple[int, int]]:
        """Coordinated full names from ``k``: "X Y und Z W," or "A B, C D und E F" (each
        of two words or more, or a person the dictionary knows), closed by a comma, a verb,
        the end of the sentence, or a word of a part of speech in ``closers``."""
        names: list[tuple[int, int]] = []
        known = known or {}
        while k < len(toks):
            end = k
            person = known.get(k)
            if person is not None and not (
                person.cls == ActorClass.PERSON
                and person.kind == MentionKind.NAME
                and person.last - k >= 2
            ):
                person = None  # a lone surname is too unsure to give an office to
            if person is not None:
                end = person.last
            while (
                end < len(toks)
                and end not in taken
                and (
                    toks[end].text[:1].isupper()
                    or _ARTICLE_PREFIX.match(toks[end].text)
                    # "Abdullah bin Sajid": a particle between two words of the name
                    or (
                        end > k
                        and toks[end].text.lower() in self._particles
                        and end + 1 < len(toks)
                        and toks[end + 1].text[:1].isupper()
                    )
                )
                and (
                    toks[end].text.lower() in self._particles
                    or toks[end].pos in _PERSONISH
                    # a capitalised adjective inside the sentence after a given name is a
                    # surname ("Eduardo Frei"): German writes adjectives in lower case
                    or (end > k and toks[end].pos.startswith(("ADJ", "ADV")))
                )
                and not self._title(toks[end])[0]
            ):
                end += 1
            if (end - k < 2 and person is None) or end >= len(toks):
                return []
            names.append((k, end))
            sep = toks[end].text
            if sep == "und" or (
                sep == "," and end + 1 < len(toks) and self._name_follows(toks, end + 1)
            ):
                k = end + 1
                continue
            if len(names) < 2:
                return []
            closed = sep in (",", ".") or toks[end].pos.startswith(("V", *closers))
            return names if closed else []
        return []

    def _name_follows(self, toks: Sequence[Token], k: int) -> bool:
        """A full name starts at ``k`` and is followed by "und" or another comma-separated
        name (an enumeration of names, not the end of the apposition)."""
        end = k
        while end < len(toks) and toks[end].text[:1].isupper() and toks[end].pos in _PERSONISH:
            end += 1
        return end - k >= 2 and end < len(toks) and toks[end].text in (",", "und")

    def _plural_titled(
        self,
        ts: TaggedSentence,
        found: list[EntityMention],
        new: dict[str, tuple[str, str]],
        states: Sequence[str],
    ) -> list[EntityMention]:
        """ "die Außenminister Kongos und Ruandas, X Y und Z W," / "Die Präsidenten beider
        Länder, X Y und Z W,": two people, each holding the office for the state named in
        the same place of the order (the states named most recently for "beider Länder")."""
        toks = ts.tokens
        n = len(toks)
        by_first = {m.first: m for m in found}
        taken = {x for m in found for x in range(m.first, m.last)}
        out = list(found)
        for j, tok in enumerate(toks[:-4]):
            role, _prefix = self._title(tok)
            if not role or not tok.text.lower().endswith(("en", "er", "s", "chef", "chefs")):
                continue
            of: list[str] = []
            k = j + 1
            if toks[k].text.lower() == "der" and toks[k + 1].text.lower() == "beiden":
                k += 1  # "die Außenminister der beiden Golfstaaten, X und Y"
            both = toks[k].text.lower() in ("beider", "beiden") and toks[k + 1].pos == "NN"
            if both:
                if self._country_noun(toks[k + 1].lemma) and len(states) >= 2:
                    of = list(states[-2:])
                k += 2
            else:
                of, k = self._genitive_states(toks, k, by_first)
                if len(of) < 2 and k == j + 1 and toks[k].text[:1].isupper():
                    # "die Außenminister X Y und Z W": the names right after the title
                    names = self._names_after(
                        toks,
                        k,
                        taken - set(_person_tokens(by_first)),
                        by_first,
                        closers=("APPR", "ADV", "PTKNEG"),  # "… und Wang Yi auf fünf Punkte"
                    )
                    homes: Sequence[str | bool | None] = self._homes_of_pair(
                        names, by_first, states
                    )
                    if not homes and len(names) >= 2 and self._plural_article(toks, j):
                        # "die kenianischen Minister X und Y", "die Außenminister X und Y"
                        homes = self._plural_homes(toks, j, names, role, found, by_first)
                    if homes:
                        out = self._plural_holders(ts, out, names, homes, role, by_first, new)
                        taken.update(x for a, b in names for x in range(a, b))
                    continue
                if len(of) == 1 and role in self.lexicon.shared_roles and toks[k].text == ",":
                    # "die Vizepräsidenten Panamas, X und Y,": all of the one state
                    names = self._names_after(
                        toks, k + 1, taken - set(_person_tokens(by_first)), by_first
                    )
                    if len(names) >= 2:
                        homes = [of[0]] * len(names)
                        out = self._plural_holders(ts, out, names, homes, role, by_first, new)
                        taken.update(x for a, b in names for x in range(a, b))
                        continue
                if len(of) < 2:
                    held = self._holders_of_bodies(toks, j, by_first, taken)
                    if held:
                        # "Die Anführer der beiden Gruppen, X von der UPC und Y von der
                        # FPRC": each the office of the body named after them
                        names = [span for span, _org in held]
                        orgs: list[str | None] = [org for _span, org in held]
                        out = self._plural_holders(ts, out, names, orgs, role, by_first, new)
                        taken.update(x for a, b in names for x in range(a, b))
                    continue
            if k >= n or toks[k].text != ",":
                continue
            names = self._names_after(toks, k + 1, taken - set(_person_tokens(by_first)), by_first)
            if len(names) != (len(of) or 2):
                continue
            listed: list[str | None] = list(of) if of else [None, None]
            if both:
                # "die Präsidenten beider Länder/Seiten, X und Y": a known person holds the
                # office of the state the dictionary gives, when the article names it
                listed = self._known_homes(names, by_first, states, listed)
            out = self._plural_holders(ts, out, names, listed, role, by_first, new)
            taken.update(x for a, b in names for x in range(a, b))
        return out

    @staticmethod
    def _plural_article(toks: Sequence[Token], j: int) -> bool:
        """Whether the title at ``j`` is plural by its article: "die" before it and its
        adjectives, the title no feminine one ("die Ministerin X" is one woman)."""
        a = j
        while a > 0 and toks[a - 1].pos == "ADJ(A)":
            a -= 1
        return a > 0 and toks[a - 1].text.lower() == "die" and not toks[j].text.endswith("in")

    def _plural_homes(
        self,
        toks: Sequence[Token],
        j: int,
        names: Sequence[tuple[int, int]],
        role: str,
        found: Sequence[EntityMention],
        by_first: dict[int, EntityMention],
    ) -> list[str | bool | None]:
        """The states of the people a plural title names with no state after it: the
        state of an adjective before it for all, where the office has several holders
        ("die kenianischen Minister X und Y"); else ``True`` (an office whose state the
        facts stage gives) for each known person and each holder of such an office, and
        ``None`` for an unknown holder of one ("die Außenminister X und Y": whose is whose
        is not told)."""
        a = j
        while a > 0 and toks[a - 1].pos == "ADJ(A)":
            a -= 1
        adjective = self._state_adjective(found, a, j)
        shared = role in self.lexicon.shared_roles
        if adjective is not None:
            return [adjective] * len(names) if shared else []
        homes: list[str | bool | None] = []
        for x, y in names:
            entry = self._known_entry(by_first, x, y)
            homes.append(True if shared or (entry is not None and entry.rel("country")) else None)
        return homes

    def _known_entry(self, by_first: dict[int, EntityMention], a: int, b: int) -> Entry | None:
        """The dictionary's entry of the mention that spans tokens [a, b) exactly."""
        known = by_first.get(a)
        if known is None or known.last != b or not known.keys:
            return None
        return self.dictionary.get(known.keys[0])

    def _state_adjective(self, found: Sequence[EntityMention], a: int, j: int) -> str | None:
        """The state of a state adjective among the mentions in tokens [a, j) ("die
        kenianischen Minister", "der neuseeländische UN-Botschafter")."""
        return next(
            (
                m.keys[0]
                for m in found
                if a <= m.first < j
                and m.kind == MentionKind.ADJECTIVE
                and m.keys
                and self.dictionary.is_a(m.keys[0], ActorClass.STATE)
            ),
            None,
        )

    def _holders_of_bodies(
        self,
        toks: Sequence[Token],
        j: int,
        by_first: dict[int, EntityMention],
        taken: set[int],
    ) -> list[tuple[tuple[int, int], str]]:
        """After a plural title at ``j`` and the comma that closes its phrase, two names or
        more, each with the organisation it is "von" ("Die Anführer der Gruppen, Ali Darassa
        von der UPC und Noureddine Adam von der FPRC,"): each name's span and that body."""
        comma = next((x for x in range(j + 1, min(len(toks), j + 8)) if toks[x].text == ","), None)
        if comma is None:
            return []
        out: list[tuple[tuple[int, int], str]] = []
        k = comma + 1
        while k < len(toks):
            end = k
            while end < len(toks) and end not in taken and _foreign_name(toks[end]):
                end += 1
            person = by_first.get(k)
            if person is not None and person.cls == ActorClass.PERSON:
                end = person.last
            if end - k < 2 or end + 1 >= len(toks) or toks[end].text.lower() not in ("von", "vom"):
                break
            q = end + 1 + (toks[end + 1].text.lower() in ("der", "dem", "den"))
            body = by_first.get(q)
            if body is None:
                # a long name no one lists, known by the short one in parentheses after it
                paren = next(
                    (x for x in range(q, min(len(toks), q + 12)) if toks[x].text == "("), None
                )
                body = by_first.get(paren + 1) if paren is not None else None
            if body is None or not body.keys or body.cls == ActorClass.PERSON:
                break
            out.append(((k, end), body.keys[0]))
            k = body.last
            if k < len(toks) and toks[k].text == "(":
                k = next((x + 1 for x in range(k, min(len(toks), k + 6)) if toks[x].text == ")"), k)
            if k < len(toks) and toks[k].text in ("und", ","):
                k += 1
            else:
                break
        return out if len(out) >= 2 else []

    def _genitive_states(
        self, toks: Sequence[Token], k: int, by_first: dict[int, EntityMention]
    ) -> tuple[list[str], int]:
        """The states of a genitive list at ``k`` ("Bosniens, Serbiens und Kroatiens", "des
        Tschad und des Sudan", "Russlands, der Türkei und Frankreichs") and where it ends."""
        n = len(toks)
        of: list[str] = []
        while k < n:
            art = toks[k].text.lower() in ("des", "der")
            m = by_first.get(k + 1 if art else k)
            if m is None or not m.keys or not self.dictionary.is_a(m.keys[0], ActorClass.STATE):
                break
            if not (art or m.text.endswith("s")):
                break
            of.append(m.keys[0])
            k = m.last
            if (k < n - 1 and toks[k].text in ("und", "sowie")) or (
                k < n - 2 and toks[k].text == "," and self._state_at(toks, k + 1, by_first)
            ):
                k += 1
            else:
                break
        return of, k

    def _plural_title_unnamed(
        self, ts: TaggedSentence, found: Sequence[EntityMention], states: Sequence[str]
    ) -> tuple[str, tuple[str, ...]] | None:
        """A plural title with the states it is of and no names in its sentence ("haben die
        Präsidenten Sudans und Südsudans … unterzeichnet"): the office and the states, in
        order, for the names the next sentence may give."""
        toks = ts.tokens
        by_first = {m.first: m for m in found}
        if any(m.cls == ActorClass.PERSON for m in found):
            return None
        for j, tok in enumerate(toks[1:-2], start=1):
            role, _prefix = self._title(tok)
            if not role or toks[j - 1].text.lower() not in ("die", "den", "beiden"):
                continue
            if toks[j + 1].text.lower() in ("beider", "beiden") and toks[j + 2].pos == "NN":
                # the two states named last, in this sentence too ("im Streit zwischen
                # Kolumbien und Venezuela haben die Präsidenten beider Länder …")
                here = [
                    k
                    for m in found
                    if m.first < j and m.kind == MentionKind.NAME
                    for k in m.keys
                    if self.dictionary.is_a(k, ActorClass.STATE)
                ]
                named = list(dict.fromkeys([*states, *here][::-1]))[:2][::-1]
                of = named if self._country_noun(toks[j + 2].lemma) else []
            else:
                of, _k = self._genitive_states(toks, j + 1, by_first)
            if len(of) >= 2 and len(set(of)) == len(of):
                return role, tuple(of)
        return None

    def _named_after_plural_title(
        self,
        ts: TaggedSentence,
        found: list[EntityMention],
        pending: tuple[str, tuple[str, ...]],
        states: Sequence[str],
    ) -> list[EntityMention]:
        """The people a sentence opens with, coordinated as its subject, as the holders of
        the plural title the sentence before left unnamed, in its order ("… die
        Außenminister Saudi-Arabiens und Irans … . Prinz Faisal bin Farhan und Hossein
        Amir-Abdollahian unterzeichneten …"); a known person keeps the state of their own
        among them."""
        role, of = pending
        toks = ts.tokens
        by_first = {m.first: m for m in found}
        people, k = self._people_listed(toks, 0, by_first, len(of))
        if len(people) != len(of) or k >= len(toks) or not toks[k].pos.startswith("V"):
            # or right after the verb of a sentence that opens with something else ("Nach
            # Gesprächen einigten sich X und Y", "Gut eine Minute lang schüttelten X und Y")
            verb = next((j for j, t in enumerate(toks) if t.pos.endswith("(FIN)")), None)
            if verb is None or verb == 0:
                return found
            after = verb + 1 + (verb + 1 < len(toks) and toks[verb + 1].pos == "PRF")
            people, k = self._people_listed(toks, after, by_first, len(of))
            if len(people) != len(of):
                return found
        homes = self._known_homes([(m.first, m.last) for m in people], by_first, of, list(of))
        if sorted(h for h in homes if h) != sorted(of):
            return found
        held = {id(m): h for m, h in zip(people, homes, strict=True)}
        return [
            replace(m, offices=(*m.offices, (role, held[id(m)], False)))
            if id(m) in held and not any(r == role for r, _of, _f in m.offices)
            else m
            for m in found
        ]

    def _people_listed(
        self, toks: Sequence[Token], k: int, by_first: dict[int, EntityMention], most: int
    ) -> tuple[list[EntityMention], int]:
        """The named people coordinated from token ``k`` on, at most ``most`` of them, each
        past a title of its own ("Prinz Faisal …"), and where the list ends."""
        people: list[EntityMention] = []
        while k < len(toks):
            while k < len(toks) and (
                self._title(toks[k])[0] or self._people.is_person_noun(toks[k])
            ):
                k += 1
            m = by_first.get(k)
            if m is None or m.cls != ActorClass.PERSON or m.kind != MentionKind.NAME:
                return [], k
            people.append(m)
            k = m.last
            if k < len(toks) and toks[k].text in (",", "und", "sowie") and len(people) < most:
                k += 1
                continue
            break
        return people, k

    def _country_noun(self, lemma: str) -> bool:
        """A noun for states ("Länder", "Staaten") or a compound with one ("Golfstaaten",
        "Nachbarstaaten")."""
        low = lemma.lower()
        return low in self._countries or low.endswith(tuple(self.lexicon.ref("country_heads")))

    def _known_homes(
        self,
        names: Sequence[tuple[int, int]],
        by_first: dict[int, EntityMention],
        states: Sequence[str],
        homes: Sequence[str | None],
    ) -> list[str | None]:
        """The states of the people of a list after "beider Länder/Seiten": each known
        person's own state where the article has named it, the others' from ``homes``
        (the states named last) less the ones taken."""
        own = [self._own_state(by_first.get(a), b, states) for a, b in names]
        rest = [h for h in homes if h is not None and h not in own]
        return [o if o is not None else (rest.pop(0) if rest else None) for o in own]

    def _own_state(
        self, known: EntityMention | None, end: int, states: Sequence[str]
    ) -> str | None:
        """The state a known person held office in, if the article has named it."""
        if known is None or known.last != end or not known.keys:
            return None
        entity = self.dictionary.get(known.keys[0])
        countries = entity.rel("country") if entity is not None else ()
        return next((c for c in countries if c in states), None)

    def _homes_of_pair(
        self,
        names: Sequence[tuple[int, int]],
        by_first: dict[int, EntityMention],
        states: Sequence[str],
    ) -> list[str | None]:
        """The states of two people a plural title names without its states ("die
        Außenminister X und Wang Yi" after "Indien und China"): the two states named last,
        the known person's own first, the other's the other."""
        pair = list(dict.fromkeys(reversed(states)))[:2]
        if len(names) != 2 or len(pair) != 2:
            return []
        own: list[str | None] = []
        for a, b in names:
            entity = self._known_entry(by_first, a, b)
            country = entity.rel("country") if entity is not None else ()
            own.append(country[0] if country and country[0] in pair else None)
        if own.count(None) == 2 or (None not in own and own[0] == own[1]):
            return []  # neither is known: which state is whose is not told
        return [o or next(s for s in pair if s not in own) for o in own]

    def _plural_holders(
        self,
        ts: TaggedSentence,
        out: list[EntityMention],
        names: Sequence[tuple[int, int]],
        homes: Sequence[str | bool | None],
        role: str,
        by_first: dict[int, EntityMention],
        new: dict[str, tuple[str, str]],
    ) -> list[EntityMention]:
        """The people a plural title names, each with the office of the state at the same
        place in ``homes`` (``True``: the office, its state left to the facts stage)."""
        toks = ts.tokens
        out = list(out)
        for (a, b), state in zip(names, homes, strict=True):
            words = tuple(t.text for t in toks[a:b])
            known = by_first.get(a)
            if known is not None and known.last == b and known.keys and known in out:
                key = known.keys[0]  # a person the dictionary knows takes the office
                out.remove(known)
            else:
                key = self._mint(" ".join(words), ActorClass.PERSON, new)
            if key not in self.dictionary:
                new.setdefault(key, (ActorClass.PERSON, " ".join(words)))
            offices = (
                ((role, None, False),)
                if state is True
                else ((role, state, False),)
                if isinstance(state, str)
                else ()
            )
            out.append(
                self._mention(
                    ts, a, b, MentionKind.NAME, (key,), cls=ActorClass.PERSON, offices=offices
                )
            )
        return out

    def _titled(
        self,
        ts: TaggedSentence,
        found: list[EntityMention],
        surnames: dict[str, str],
        new: dict[str, tuple[str, str]],
        local: dict[tuple[str, ...], str] | None = None,
        states: Sequence[str] = (),
        context: _Context | None = None,
    ) -> list[EntityMention]:
        """Attach titles to names, mint people named after a title, keep titles without
        names; ``states``: the states the article named before; ``context``: the article's
        slug and what it named before, for a body the genitive leaves unnamed."""
        toks = ts.tokens
        by_first = {m.first: m for m in found}
        result: list[EntityMention] = []
        consumed: set[int] = set()
        j = 0
        n = len(toks)
        while j < n:
            tok = toks[j]
            role, prefix = self._title(tok)
            if role and self._deputy_before(toks, j):
                role = self.lexicon.deputy(role)  # "der stellvertretende Ministerpräsident"
            if role:
                role = self._truncated_title(toks, j) or role
            colleague = role is None and self._is_colleague(tok)
            if not role and not colleague:
                j += 1
                continue
            k, genitive_of = self._past_genitive(
                ts, j, role, found, by_first, new, {} if local is None else local, context
            )
            person = self._holder_named(
                ts, k, by_first, surnames, new, genitive=j > 0 and toks[j - 1].pos == "NN"
            )
            of = (
                self._title_prefix_owner(prefix, new, {} if local is None else local)
                if prefix
                else None
            ) or genitive_of
            a, of, former = self._before_title(toks, j, found, of)
            if of is None and role and context is not None:
                of = self._possessive_owner(ts, a, role, found, context.previous)
            if prefix and role in self.lexicon.posting_roles:
                # "der neuseeländische UN-Botschafter": the state's envoy to the body the
                # prefix names, not the body's own; so "der UN-Botschafter der USA", "der
                # UN-Botschafter Brasiliens"
                state_genitive = (
                    genitive_of
                    if genitive_of and self.dictionary.is_a(genitive_of, ActorClass.STATE)
                    else self._genitive_state(by_first.get(j + 1))
                )
                of = self._state_adjective(found, a, j) or state_genitive or of
            if of is None and person is not None and role in self.lexicon.national:
                of = self._signed_for(toks, j, found)
            if (
                of is None
                and person is not None
                and (self._state_title(tok) or self._state_body_genitive(toks, j))
            ):
                # "Armeechef X", "Regierungssprecher X", "der Sprecher der Armee, X" with
                # no owner: an office of the state this sentence names before the title
                # ("die gambische Armee"), else of the state named last; a chief of the
                # forces, else of the state the story is about (the facts stage)
                of = self._state_before(found, j, () if self._forces_title(tok) else states)
            if tok.text.lower().startswith(("ex-", "früher")):
                former = True
            if person is None:
                # a title without a name: genitive organisation or state adjective
                # "der Vorsitzende der konservativen Volkspartei", "Chef der in Luanda
                # tagenden Unita"
                h = _past_attribute(toks, j + 2, self._morph.agent_prepositions)
                while h < n and toks[h].pos.startswith("ADJ") and h not in by_first:
                    h += 1
                nxt = (
                    by_first.get(h)
                    if j + 1 < n and toks[j + 1].text in ("der", "des", "von")
                    else None
                )  # "Präsident von Gabun" as much as "Präsident der Republik Gabun"
                if nxt is not None and h > j + 2 and nxt.kind != MentionKind.NAME:
                    nxt = None  # "der abtrünnigen kongolesischen Provinz Katanga"
                if nxt is None and self._class_noun_at(toks, j + 2):
                    # "der Anführer der Miliz Boko Haram": the name after its class noun
                    nxt = by_first.get(j + 3)
                if nxt is not None and nxt.cls not in (ActorClass.PERSON, "") and of is None:
                    of = nxt.keys[0]
                elif (
                    of is None
                    and nxt is None
                    and j + 3 < n
                    and toks[j + 1].text in ("der", "des")
                    and (
                        toks[j - 1].text == ","
                        or (j > 1 and toks[j - 1].pos == "ART" and toks[j - 2].text == ",")
                    )
                ):
                    # "X, Anführer der Bewegung Nagriamel,", "X, der Anführer der Miliz
                    # Y,": an apposition's unknown organisation, named by its class noun
                    of = self._genitive_organisation(
                        ts, j + 2, by_first, new, {} if local is None else local
                    )
                    if of is None and context is not None:
                        # "Oberst X, der Anführer der Putschisten,": a body the genitive
                        # names by a common noun, as before a name
                        end = next(
                            (x for x in range(j + 2, min(n, j + 9)) if toks[x].text == ","), n
                        )
                        if end < n:
                            of = self._unnamed_body(ts, j + 1, end, found, new, context)
                gen = by_first.get(j + 1)
                if gen is not None and not (gen.last < n and toks[gen.last].pos == "KON"):
                    # "Außenminister Kenias" (a list of states is a plural title's: read
                    # with its names in apposition)
                    of = of or self._genitive_state(gen)
                if of is None and self._state_body_genitive(toks, j):
                    # "X, Sprecher des Innenministeriums,": as for "der Sprecher der
                    # Armee, X"
                    of = self._state_before(found, j, states)
                if role and of and not colleague:
                    result.append(
                        self._mention(
                            ts, a, j + 1, MentionKind.TITLE, (), offices=((role, of, former),)
                        )
                    )
                    consumed.update(range(a, j + 1))
                elif (
                    role
                    and not colleague
                    and a == j
                    and j > 0
                    and toks[j - 1].text.lower() in ("der", "dem", "den", "des", "die")
                    # the phrase ends with the title ("sagte der König vor …"): no genitive,
                    # apposition or name after it ("die Präsidenten beider Länder, X und Y")
                    and j + 1 < n
                    and (toks[j + 1].pos in ("$.", "APPR", "APPRART", "ADV", "KON"))
                ):
                    # "sagte der König": the one holder of the office named before
                    result.append(
                        self._mention(
                            ts, j - 1, j + 1, MentionKind.TITLE, (), offices=((role, None, former),)
                        )
                    )
                    consumed.update(range(j - 1, j + 1))
                j += 1
                continue
            merged = self._merge_title(
                ts, person, a, role, of, former, colleague, by_first, consumed
            )
            if (
                result
                and result[-1].kind == MentionKind.TITLE
                and result[-1].offices
                and a >= 2
                and toks[a - 1].text == "und"
                and result[-1].last == a - 1
            ):
                merged = self._coordinated_titles(ts, result.pop(), merged)
            result.append(merged)
            by_first[person.first] = merged
            j = person.last
        toks = ts.tokens
        kept = [
            m
            for m in found
            if not any(x in consumed for x in range(m.first, m.last))
            # the short name in parentheses stays a name of the organisation ("der
            # Vereinigten Tadschikischen Opposition (VTO), Said Abdullo Nuri")
            or (
                m.first > 0
                and m.last < len(toks)
                and toks[m.first - 1].text == "("
                and toks[m.last].text == ")"
                and m.cls != ActorClass.PERSON
            )
        ]
        return kept + result

    def _names_follow(self, tok: Token) -> bool:
        """A noun of a class of organisation or a kind of place, which the name after it
        belongs to ("Rebellenbewegung", "Provinz")."""
        return (
            _noun_class(tok.text, self._class_table) is not None
            or self._place_class(tok.text) is not None
        )

    def _class_noun_at(self, toks: Sequence[Token], q: int) -> bool:
        """A noun naming a class of organisation at ``q`` ("Miliz", "Rebellenbewegung")."""
        return (
            q < len(toks)
            and toks[q].pos == "NN"
            and _noun_class(toks[q].text, self._class_table) is not None
        )

    def _genitive_state(self, m: EntityMention | None, *, places: bool = False) -> str | None:
        """The state a bare genitive name stands for ("Kenias", "Russlands"), or None;
        with ``places``, also a region or a city ("der Präsident Nordossetiens")."""
        kinds = (
            (ActorClass.STATE, PlaceClass.REGION, PlaceClass.CITY)
            if places
            else (ActorClass.STATE,)
        )
        if (
            m is None
            or m.kind != MentionKind.NAME
            or not m.keys
            or not m.text.endswith("s")
            or not (self.dictionary.is_a(m.keys[0], *kinds) or (places and m.cls in kinds))
        ):
            return None
        return m.keys[0]

    def _regional_office(self, role: str | None) -> bool:
        """An office a region or a city has too ("Präsident", "Gouverneur", "Bürgermeister")."""
        return role is not None and (
            role in self.lexicon.national or role in self.lexicon.regional_roles
        )

    def _unlisted_genitive(
        self,
        ts: TaggedSentence,
        k: int,
        by_first: dict[int, EntityMention],
        new: dict[str, tuple[str, str]],
        local: dict[tuple[str, ...], str],
    ) -> str | None:
        """A region no dictionary lists, in the bare genitive between a title and its
        holder's name in apposition ("Der Präsident Nordossetiens, Alexander Dsassochow,"):
        minted from the word without its "s", else None."""
        toks, n = ts.tokens, len(ts.tokens)
        word = toks[k].text if k + 2 < n else ""
        if not (
            word[:1].isupper()
            and word.endswith("s")
            and len(word) > 4
            and toks[k].pos == "NE"
            and toks[k + 1].text == ","
            and k not in by_first
        ):
            return None
        p = self._past_apposition_noun(toks, k + 2)
        if not (
            p + 1 < n
            and toks[p].pos == "NE"
            and toks[p + 1].pos == "NE"
            and toks[p].text[:1].isupper()
        ):
            return None
        key = self._mint(word[:-1], PlaceClass.REGION, new)
        local[(word,)] = key
        return key

    def _past_genitive(
        self,
        ts: TaggedSentence,
        j: int,
        role: str | None,
        found: list[EntityMention],
        by_first: dict[int, EntityMention],
        new: dict[str, tuple[str, str]],
        local: dict[tuple[str, ...], str],
        context: _Context | None = None,
    ) -> tuple[int, str | None]:
        """Where the holder's name may start after the title at ``j``, and the state or
        organisation of a genitive in between ("der Präsident des Obersten Rates der Huthi,
        Mahdi al-Maschat": the name after the genitive phrase and a comma)."""
        toks, n, k = ts.tokens, len(ts.tokens), j + 1
        regional = self._regional_office(role)
        state = self._genitive_state(by_first.get(k), places=regional) if role else None
        if state is not None:
            # "der Außenminister Kenias, Raphael Tuju,": a state's bare genitive
            p = by_first[k].last
            p += 1 if p < n - 1 and toks[p].text == "," else 0
            cand = by_first.get(p)
            if cand is not None and cand.cls == ActorClass.PERSON:
                return p, state
            return k, None
        region = self._unlisted_genitive(ts, k, by_first, new, local) if regional else None
        if region is not None:
            return k + 2, region
        if role and k < n - 1 and toks[k].text == "," and _possessed(toks, j):
            # "Ihr amtierender Vorsitzender, Guineas Präsident Alpha Condé,", "deren
            # Generalsekretär, der Liberianer Burgess Carr,": the name in apposition
            p = self._past_apposition_noun(toks, k + 1)
            cand = by_first.get(p)
            if (cand is not None and cand.cls == ActorClass.PERSON) or (
                cand is None and toks[p].pos == "NE" and toks[p].text[:1].isupper()
            ):
                return p, None
            return k, None
        if role and k < n - 1 and toks[k].text == ",":
            # "ein Armeesprecher, Oberstleutnant X,": a name in apposition after a rank;
            # "Der Außenminister, Eduardo Ferrero, sagte": after the definite title alone,
            # a name closed by a comma
            p = self._past_apposition_noun(toks, k + 1)
            cand = by_first.get(p)
            if p > k + 1 and (
                (cand is not None and cand.cls == ActorClass.PERSON)
                or (cand is None and toks[p].pos == "NE")
            ):
                return p, None
            end = cand.last if cand is not None else p
            while cand is None and end < n and toks[end].pos == "NE":
                end += 1
            if (
                p == k + 1
                and j > 0
                and toks[j - 1].pos == "ART"
                and toks[j - 1].lemma.lower() == "der"  # a definite article
                and (cand.cls == ActorClass.PERSON if cand is not None else end > p)
                and end < n
                and toks[end].text == ","
            ):
                return p, None
            return k, None
        if not (k < n and toks[k].text in ("der", "des", "von") and role):
            return k, None
        # a name after a noun of its class or kind of place ("der Rebellenbewegung Forces
        # Nouvelles", "der Teilrepublik Nordossetien") is the genitive's, not the holder's
        p = _skip_genitive(
            toks,
            k,
            by_first,
            self._names_follow,
            agents=self._morph.agent_prepositions,
            particles=self._particles,
        )
        if p < n and toks[p].text == "(":
            # "der Präsident der FLNKS (Sozialistische … Befreiungsfront), X": the long
            # name the genitive spells out in parentheses stands between
            close = next((x for x in range(p + 1, min(n, p + 16)) if toks[x].text == ")"), p)
            p = close + 1 if close > p else p
        if regional and p > k + 1 and toks[p - 1].pos == "NN":
            # "der Präsident der Regierung Neukaledoniens, X,": the unlisted region in the
            # bare genitive of the genitive's noun, not the holder
            region = self._unlisted_genitive(ts, p, by_first, new, local)
            if region is not None:
                return p + 2, region
        if (
            p > k + 1
            and self._title(toks[p - 1])[0] is not None
            and not (p < n and toks[p].text == ",")
        ):
            # "Gesandter von UN-Generalsekretär António Guterres": a name right after a
            # title in the genitive is that title's holder (after a comma, "der Sprecher
            # des Präsidenten, X", it is the first title's)
            return k, None
        comma = p
        if p < n - 1 and toks[p].text == ",":
            p += 1
            p = self._past_apposition_noun(toks, p)
        cand = by_first.get(p)
        if not (
            p > k + 1
            and p < n
            and (
                (cand is not None and cand.cls == ActorClass.PERSON)
                # (a given name the tagger takes for a noun: "Arsen Kanokow")
                or (cand is None and toks[p].text[:1].isupper() and _name_at(toks, p))
            )
        ):
            return k, None
        # the head of the first genitive, or the known name after its class noun ("der
        # Rebellenbewegung Forces Nouvelles")
        heads = {k + 1}
        if k + 2 < n and self._names_follow(toks[k + 1]):
            heads.add(k + 2)
        # past an extended attribute and its adjectives ("der von der YPG dominierten SDF")
        h = _past_attribute(toks, k + 1, self._morph.agent_prepositions)
        while h < n and toks[h].pos.startswith("ADJ"):
            h += 1
        heads.add(h)
        genitive_of = next(
            (
                m.keys[0]
                for m in found
                if m.first in heads
                and m.kind == MentionKind.NAME
                and m.keys
                and (
                    self.dictionary.is_a(m.keys[0], ActorClass.STATE, ActorClass.ORGANIZATION)
                    or class_is(m.cls, ActorClass.ORGANIZATION)
                    # "der Gouverneur von Rio de Janeiro, X": a region's or a city's office
                    or (regional and class_is(m.cls, PlaceClass.REGION, PlaceClass.CITY))
                )
            ),
            None,
        ) or self._genitive_organisation(
            ts,
            k + 1,
            by_first,
            new,
            local,
            # "der Erzbischof von Ayacucho, X": the see, a town
            unknown=PlaceClass.CITY
            if toks[k].text == "von" and role in self.lexicon.place_roles
            else ActorClass.ORGANIZATION,
        )
        if genitive_of is None and context is not None and toks[comma].text == ",":
            genitive_of = self._unnamed_body(ts, k, comma, found, new, context)
        short = by_first.get(p - 3) if p >= 3 and toks[p - 2].text == ")" else None
        if short is not None and short.keys and short.cls != ActorClass.PERSON:
            genitive_of = short.keys[0]  # "… Opposition (VTO), Said Abdullo Nuri": the VTO
        return p, genitive_of

    def _unnamed_body(
        self,
        ts: TaggedSentence,
        k: int,
        comma: int,
        found: Sequence[EntityMention],
        new: dict[str, tuple[str, str]],
        context: _Context,
    ) -> str | None:
        """The body a title's genitive names by a common noun alone, before its holder's
        name in apposition ("der Kommandeur der Militärpolizei, Oberst X", "der Chef der
        Vereinigten Kommission der Grenzgemeinden, Oberst X"): for a noun of a kind of group
        ("der Rebellen", "der Mission"), the last of that kind the article named; else a
        body of the article's own, labelled with the phrase. None for a state's body ("des
        Außenministeriums", which the facts stage gives its state), a person ("des
        Präsidenten") or a phrase holding a name."""
        toks = ts.tokens
        h = k + 1
        while h < comma and toks[h].pos.startswith("ADJ"):
            h += 1
        if not (
            toks[k].text in ("der", "des")
            and h < comma <= k + 7
            and toks[h].pos == "NN"
            and all(
                t.pos.startswith(("ADJ", "NN", "ART")) and t.text[:1] != "("
                for t in toks[k + 1 : comma]
            )
            and not any(m.first < comma and m.last > k for m in found)
        ):
            return None
        head = toks[h]
        lem = head.lemma.lower()
        # a unit counted by an ordinal is one of its own, not the state's forces ("der 40.
        # Armee", "der 3. Division")
        ordinal = any(t.text[:1].isdigit() for t in toks[k + 1 : h])
        if (
            (not ordinal and (lem in self._gov_nouns or lem.endswith(self._gov_heads)))
            or self._title(head)[0] is not None
            or self._people.is_person_noun(head)
            or self._people.is_nationality_noun(head)
            or self._country_noun(head.lemma)
        ):
            return None
        kind = self.lexicon.group_class(head.lemma) or (
            ActorClass.ORGANIZATION if lem in self._org_ref_nouns else None
        )  # "der Organisation": the one named before
        named = (
            next(
                (
                    key
                    for key in reversed(context.named)
                    if class_is(self._class_of(key, new), kind)
                ),
                None,
            )
            if kind is not None
            else None
        )
        if named is not None:
            return named
        words = [t.text for t in toks[k + 1 : comma]]
        if h == k + 1 and head.lemma[:1].isupper() and kind is None:
            # "der Militärpolizei", "des Sektors": the noun itself (a group keeps its plural,
            # "der Putschisten", as the group's own mentions are keyed)
            words[0] = head.lemma
        label = " ".join(words)
        key = f"{context.scope}/{slugify(label)}" if context.scope else slugify(label)
        cls = kind or _noun_class(head.text, self._class_table) or ActorClass.ORGANIZATION
        new.setdefault(key, (cls, label))
        return key

    def _class_of(self, key: str, new: Mapping[str, tuple[str, str]]) -> str:
        """The class of an actor, listed or minted by the article."""
        entry = self.dictionary.get(key)
        return entry.cls if entry is not None else new.get(key, ("", ""))[0]

    def _past_apposition_noun(self, toks: Sequence[Token], p: int) -> int:
        """Where a name in apposition starts after its article and nouns of function or
        nationality (", der Abgeordnete Jacques Lafleur,", ", der Liberianer X,"); ``p``
        where none stands there."""
        q = p + 1 if p < len(toks) and toks[p].pos == "ART" else p
        adjectives = q
        if q > p:
            while q + 1 < len(toks) and toks[q].pos.startswith("ADJ"):
                q += 1  # ", der australische Diplomat Nick Warner,"
        start = q
        while q + 1 < len(toks) and (
            self._people.is_person_noun(toks[q]) or self._people.is_nationality_noun(toks[q])
        ):
            q += 1
        if start > adjectives and any(self._title(t)[0] for t in toks[start:q]):
            return p  # ", der ivorische Präsident X,": a title of its own, with its state
        if (
            q == start
            and q > p
            and _noun_before_name(toks, q)
            and self._title(toks[q])[0] is None
            and not self._names_follow(toks[q])
        ):
            # ", der Unabhängigkeitsbefürworter Louis Mapou,": any noun that describes the
            # person, before a name of two words (not "die Stadt Port Moresby")
            q += 1
        return q if q > start and toks[q].text[:1].isupper() else p

    def _holder_named(
        self,
        ts: TaggedSentence,
        k: int,
        by_first: dict[int, EntityMention],
        surnames: dict[str, str],
        new: dict[str, tuple[str, str]],
        *,
        genitive: bool = False,
    ) -> EntityMention | None:
        """The person named at ``k`` after a title: a known one, or a name minted;
        ``genitive``: the title follows a noun whose genitive the phrase is."""
        toks, n = ts.tokens, len(ts.tokens)
        # a noun of function or a second title between title and name is no part of the
        # name ("Außenminister Scheich Hamad …", "Präsident Erzbischof Makarios")
        while (
            k + 1 < n
            and k not in by_first
            and (
                self._people.is_person_noun(toks[k])
                or self._title(toks[k])[0] is not None
                or _described_name(toks, k)
            )
            and toks[k + 1].text[:1].isupper()
        ):
            k += 1
        m_next = by_first.get(k)
        # a known surname used as the given name of someone else ("Präsident Ahmed
        # Musa" is not the known "... Ahmed")
        given_surname = (
            m_next is not None
            and m_next.kind == MentionKind.SURNAME
            and m_next.last == k + 1
            and k + 1 < n
            and (
                (k + 1 not in by_first and self._name_continues(toks, k + 1))
                or (k + 1 in by_first and self._longer_name(toks[k].text, by_first[k + 1]))
            )
            and (
                self._given_is_new(toks[k].text, m_next, new)
                or self._another_with_given(toks[k].text, toks[k + 1].text, m_next, new)
            )
        )
        if m_next is not None and m_next.cls == ActorClass.PERSON and not given_surname:
            return m_next
        after = by_first.get(k + 1)
        if (
            m_next is None
            and after is not None
            and after.kind == MentionKind.NAME
            and after.cls == ActorClass.PERSON
            and after.last - after.first >= 2
            and toks[k].pos == "NE"
            and toks[k].text[:1].isupper()
        ):
            # "Präsident Ratu Josefa Iloilo": a word of honour or a name before a known
            # person's full name is no one else's name
            return after
        if not (
            k < n
            and toks[k].text[:1].isupper()
            and (toks[k].pos in _PERSONISH or _capitalised_in_name(toks, k))
            and not toks[k].quoted
        ):
            return None
        end = self._name_end(toks, k, by_first, given_surname)
        if end == k:
            return None
        words = tuple(t.text for t in toks[k:end])
        if genitive or (end < n and toks[end].pos == "NN" and not self._name_continues(toks, end)):
            # "im Beisein König Husseins", "Präsident Mobutus Truppen": the genitive's -s
            # is no part of the name the article goes on to use
            words = (*words[:-1], _without_genitive_s(words[-1]))
        if len(words) == 1 and (words[0] in surnames or words[0].rstrip("s") in surnames):
            key = surnames.get(words[0]) or surnames[words[0].rstrip("s")]
        else:
            key = self._mint(" ".join(words), ActorClass.PERSON, new)
        if key in self.dictionary and not self.dictionary.is_a(key, ActorClass.PERSON):
            return None  # "der Präsident der Demokratischen Republik Kongo": a state's word
        return self._mention(ts, k, end, MentionKind.NAME, (key,), cls=ActorClass.PERSON)

    def _name_continues(self, toks: Sequence[Token], j: int) -> bool:
        """A personal name goes on at ``j``: a capitalised name word that is no title,
        a particle before one ("Ali bin Hamad"), or an article prefix ("Ahmed al-Schara")."""
        t = toks[j]
        return (
            (t.text[:1].isupper() and t.pos in _PERSONISH and not self._title(t)[0])
            or bool(_ARTICLE_PREFIX.match(t.text))
            or _name_particle(toks, j, self._particles)
        )

    def _name_end(
        self,
        toks: Sequence[Token],
        k: int,
        by_first: dict[int, EntityMention],
        given_surname: bool,
    ) -> int:
        """The end of a name of up to six words starting at ``k``."""
        n, end = len(toks), k
        while end < n and end - k < 6:
            inside = by_first.get(end)
            # a known surname after a particle or a new given name belongs to the
            # longer name ("Irfaan Ali" is not the "Ali" of another person)
            if (
                inside is not None
                and given_surname
                and end == k + 1
                and self._longer_name(toks[k].text, inside)
            ):
                # "Scheich Ahmed Nasser al-Mohammed al-Sabah": the whole name after the
                # given one is part of the new name
                end = inside.last
                continue
            if (
                inside is not None
                and not (given_surname and end == k)
                and not (
                    end > k
                    and inside.kind == MentionKind.SURNAME
                    and (
                        _name_particle_before(toks, end, self._particles)
                        or (end == k + 1 and self._given_is_new(toks[k].text, inside))
                        # "Pedro Ruiz García": a known surname closing two new names
                        or (end >= k + 2 and inside.last == end + 1)
                    )
                )
            ):
                break
            if _name_particle(toks, end, self._particles):
                end += 1
                continue
            if not (
                (
                    toks[end].text[:1].isupper()
                    and (toks[end].pos in _PERSONISH or _capitalised_in_name(toks, end))
                    and not self._title(toks[end])[0]
                )
                # "al-Thani", and a word after a particle ("bin Nasser"), are tagged as
                # anything
                or (end > k and _ARTICLE_PREFIX.match(toks[end].text))
                or (
                    end > k
                    and _name_particle_before(toks, end, self._particles)
                    and toks[end].text[:1].isupper()
                )
            ):
                break
            end += 1
        return end

    def _before_title(
        self, toks: Sequence[Token], j: int, found: list[EntityMention], of: str | None
    ) -> tuple[int, str | None, bool]:
        """What stands before the title at ``j``: adjectives (of a state, "former"), a
        possessor genitive; returns where the phrase starts, whose office, and whether a
        former one."""
        former = False
        a = j
        while a > 0:
            prev = toks[a - 1]
            pm = next((m for m in found if m.last == a), None)
            low = prev.text.lower()
            if (
                pm is not None
                and pm.kind in (MentionKind.ADJECTIVE, MentionKind.NAME)
                and (pm.kind == MentionKind.ADJECTIVE or pm.text.endswith("s"))
                and pm.cls != ActorClass.PERSON
            ):
                of = of or pm.keys[0]
                a = pm.first
                continue
            if (
                pm is not None
                and pm.cls == ActorClass.PERSON
                and pm.keys
                and pm.text.endswith("s")
                and pm.first == a - 1
            ):
                # "Bouteflikas Sondergesandter X": the possessor is part of the title phrase
                # (no actor of the clause); the office is of the possessor's state
                entry = self.dictionary.get(pm.keys[0])
                country = entry.rel("country") if entry is not None else ()
                of = of or (country[0] if country else None)
                a = pm.first
                break
            if any(low.startswith(f) for f in self._former) and prev.pos.startswith("ADJ"):
                former = True
                a -= 1
                continue
            if prev.pos.startswith("ADJ") or prev.text in ("Hohe", "Hoher", "Hohen"):
                a -= 1
                continue
            break
        if a >= 2 and toks[a - 1].pos == "PRELAT" and toks[a - 2].text == ",":
            # "der Arabischen Liga, deren Generalsekretär X": the office of the state or
            # organisation the relative clause is about
            owner = next((m for m in found if m.last == a - 2), None)
            if (
                owner is not None
                and owner.kind == MentionKind.NAME
                and owner.keys
                and owner.cls != ActorClass.PERSON
            ):
                of = of or owner.keys[0]
        return a, of, former

    def _possessive_owner(
        self,
        ts: TaggedSentence,
        a: int,
        role: str,
        found: Sequence[EntityMention],
        previous: tuple[TaggedSentence, Sequence[EntityMention]] | None,
    ) -> str | None:
        """A possessive before a title ("Ihr amtierender Vorsitzender, X", "sein
        Außenminister X"): the state (or, for an office no government has, the
        organisation) named last before it, in this sentence or the one before, where these
        name no person (the possessive would be the person's: "Putin und sein Sprecher")
        and the gender agrees ("sein" a masculine or neuter one, "ihr" a feminine or plural
        one)."""
        toks = ts.tokens
        if a == 0 or toks[a - 1].pos != "PPOSAT":
            return None
        articles = self._possessed_articles.get(toks[a - 1].lemma.lower())
        if articles is None:
            return None
        here: Sequence[EntityMention] = [m for m in found if m.last < a]
        places = [(ts, here)]
        if previous is not None:
            places.append(previous)
        for sent, ms in places:
            if any(m.keys and m.cls == ActorClass.PERSON for m in ms):
                return None
            for m in sorted(ms, key=lambda x: x.first, reverse=True):
                if not m.keys or m.kind != MentionKind.NAME:
                    continue
                # (a government's office is a state's, never an organisation's: "Die Asean
                # tagte. Ihr Außenminister X")
                kinds: tuple[ActorClass, ...] = (ActorClass.STATE,)
                if role not in self.lexicon.national:
                    kinds += (ActorClass.ORGANIZATION,)
                if not self.dictionary.is_a(m.keys[0], *kinds):
                    continue
                j = m.first - 1
                if j >= 0 and sent.tokens[j].text == "(":
                    continue  # the short name after the name: "die Afrikanische Union (AU)"
                while j >= 0 and sent.tokens[j].pos.startswith("ADJ"):
                    j -= 1
                art = sent.tokens[j].text.lower() if j >= 0 and sent.tokens[j].pos == "ART" else ""
                return m.keys[0] if art in articles else None
        return None

    @staticmethod
    def _coordinated_titles(
        ts: TaggedSentence, title: EntityMention, person: EntityMention
    ) -> EntityMention:
        """ "Katars Ministerpräsident und Außenminister X": X holds both offices, and the
        state of the first is the second's."""
        of = title.offices[0][1]
        offices = title.offices + tuple(
            (role, o or of, former) for role, o, former in person.offices
        )
        s0 = ts.sentence.start
        return replace(
            person,
            first=title.first,
            start=title.start,
            text=ts.sentence.text[title.start - s0 : person.end - s0],
            offices=offices,
        )

    def _merge_title(
        self,
        ts: TaggedSentence,
        person: EntityMention,
        a: int,
        role: str | None,
        of: str | None,
        former: bool,
        colleague: bool,
        by_first: dict[int, EntityMention],
        consumed: set[int],
    ) -> EntityMention:
        """The person's mention grown over its title, with the office; a state after the
        name joins it ("Präsident X in Aserbaidschan", "…, Außenminister von Y")."""
        toks, n = ts.tokens, len(ts.tokens)
        after = person.last
        new_last = person.last
        if of is None and after + 1 < n and toks[after].text in ("in", "von", "aus"):
            # "Rebellenführer X von der RUF": past the article
            skip = 1 if after + 2 < n and toks[after + 1].pos == "ART" else 0
            am = by_first.get(after + 1 + skip)
            if am is not None and self.dictionary.is_a(
                am.keys[0], ActorClass.STATE, ActorClass.ORGANIZATION
            ):
                of = am.keys[0]
                consumed.update(range(am.first, am.last))
                new_last = am.last  # "Präsident X in Aserbaidschan" is one phrase
        offices = () if colleague else ((role or "", of, former),)
        end_char = toks[new_last - 1].end
        merged = replace(
            person,
            first=a,
            last=new_last,
            start=toks[a].start,
            end=end_char,
            text=ts.sentence.text[toks[a].start - ts.sentence.start : end_char - ts.sentence.start],
            offices=person.offices + offices,
            colleague=colleague or person.colleague,
        )
        if colleague and of:
            merged = replace(merged, offices=(("", of, False),))
        consumed.update(range(a, person.last))
        return merged

    def _organisations_by_core_name(self) -> dict[str, str]:
        """Known organisations by the one word of a name that is no class noun
        ("Wagner-Gruppe", "Gruppe Wagner": "wagner"), where only one organisation has it:
        "die Söldnergruppe Wagner" names the known group."""
        found: dict[str, set[str]] = {}
        class_words = {noun for noun, _cls in self._class_table} | {"group"}
        for e in self.dictionary:
            if not class_is(e.cls, ActorClass.ORGANIZATION):
                continue
            for name in e.names:
                words = [w for w in re.split(r"[\s-]+", name.lower()) if w]
                rest = [w for w in words if w not in class_words]
                if len(words) >= 2 and len(rest) == 1:
                    found.setdefault(rest[0], set()).add(e.key)
        return {core: next(iter(keys)) for core, keys in found.items() if len(keys) == 1}

    def _named_after_class_nouns(
        self,
        ts: TaggedSentence,
        found: list[EntityMention],
        local: dict[tuple[str, ...], str],
        new: dict[str, tuple[str, str]],
    ) -> list[EntityMention]:
        """A name no dictionary lists right after a noun of its class ("die
        Guerillaorganisation Farc", "die Rebellengruppe M23"): an organisation of that
        class, known by that name for the rest of the article."""
        toks = ts.tokens
        covered = {j for m in found for j in range(m.first, m.last)}
        named_at = {m.first: m for m in reversed(found) if m.keys}  # the first at each token
        out = list(found)
        for j, tok in enumerate(toks[:-1]):
            if tok.pos != "NN":
                continue
            # also plural ("die Rebellengruppen X und Y")
            cls = _noun_class(tok.text, self._class_table, plural=True)
            k = j + 1
            while cls is not None and k < len(toks):
                nxt = toks[k]
                known = named_at.get(k)
                if known is not None and known.last + 1 < len(toks):
                    # "die Rebellengruppen LURD und MODEL": a known one opens the list
                    if toks[known.last].text not in ("und", ",") or tok.text == tok.lemma:
                        break
                    k = known.last + 1
                    continue
                if k in covered or not _name_like(nxt) or nxt.quoted:
                    break
                if self._people.is_person_noun(nxt) or self._title(nxt)[0]:
                    break
                # "die Rebellenbewegung Forces Nouvelles": the name's further words
                end = k + 1
                while (
                    end < len(toks)
                    and end - k < 3
                    and end not in covered
                    and toks[end].pos in ("NE", "FM")
                    and toks[end].text[:1].isupper()
                    and not toks[end].quoted
                ):
                    end += 1
                words = tuple(t.text for t in toks[k:end])
                key = self._mint(" ".join(words), cls, new)
                local[words] = key
                out.append(self._mention(ts, k, end, MentionKind.NAME, (key,), cls=cls))
                # a list of them after a plural noun: "Rebellengruppen LURD und MODEL"
                if end + 1 < len(toks) and toks[end].text in ("und", ","):
                    k = end + 1
                else:
                    break
        return out

    def _led_organisations(
        self, ts: TaggedSentence, found: list[EntityMention], new: dict[str, tuple[str, str]]
    ) -> list[EntityMention]:
        """An organisation without a name that the text names by who leads it ("eine von
        Saudi-Arabien angeführte Militärkoalition"): an organisation of its noun's class,
        labelled with the phrase (the leadership fact is the facts stage's)."""
        toks = ts.tokens
        by_last = {m.last: m for m in found if m.keys}
        covered = {j for m in found for j in range(m.first, m.last)}
        out = list(found)
        for j, tok in enumerate(toks):
            if tok.verb not in self._leading or j < 2:
                continue
            leader = by_last.get(j)
            if leader is None:
                continue
            # "von Saudi-Arabien", "von den USA", "vom Iran"
            p = leader.first - 1
            if p > 0 and toks[p].pos == "ART" and toks[p - 1].text.lower() == "von":
                p -= 1
            if toks[p].text.lower() not in ("von", "vom"):
                continue
            k = j + 1
            while k < len(toks) and toks[k].pos.startswith("ADJ"):
                k += 1
            if k >= len(toks) or k in covered or toks[k].pos != "NN":
                continue
            if k + 1 in covered:
                continue  # "die von Russland geführte Militärallianz OVKS": its name follows
            cls = _noun_class(toks[k].text, self._class_table)
            if cls is None or not class_is(cls, ActorClass.ORGANIZATION):
                continue
            s0 = ts.sentence.start
            label = ts.sentence.text[toks[p].start - s0 : toks[k].end - s0]
            key = self._mint(label, cls, new)
            out.append(self._mention(ts, k, k + 1, MentionKind.NAME, (key,), cls=cls))
        return out

    def _quote_speakers(
        self,
        ts: TaggedSentence,
        found: list[EntityMention],
        surnames: dict[str, str],
        new: dict[str, tuple[str, str]],
    ) -> list[EntityMention]:
        """ "„…“, sagte Prachanda": the one proper noun right after a verb of saying that
        follows a quotation is its speaker, a person known by that one name."""
        toks = ts.tokens
        covered = {j for m in found for j in range(m.first, m.last)}
        out = list(found)
        for j in range(3, len(toks)):
            tok, verb = toks[j], toks[j - 1]
            if j in covered or tok.pos != "NE" or not tok.text[:1].isupper() or tok.quoted:
                continue
            if verb.lemma.lower() not in self._speech_verbs or toks[j - 2].text != ",":
                continue
            if toks[j - 3].text not in CLOSING:
                continue
            if j + 1 < len(toks) and toks[j + 1].pos in ("NE", "NN"):
                continue  # a longer name or a title: the other rules read it
            key = surnames.get(tok.text) or self._mint(tok.text, ActorClass.PERSON, new)
            surnames.setdefault(tok.text, key)
            out.append(self._mention(ts, j, j + 1, MentionKind.NAME, (key,), cls=ActorClass.PERSON))
        return out

    def _place_class(self, word: str) -> str | None:
        """The class a place noun or a compound of one names ("Hafenstadt", "Karibikstadt",
        "Grenzregion" → City, City, Region)."""
        # a place noun of four letters heads compounds too ("Grenzdorf"); "Ort" and
        # "Tal" do not ("Sport", "Kapital")
        return _noun_class(word, self._place_table, shortest=4)

    def _national_bodies(
        self, ts: TaggedSentence, found: list[EntityMention]
    ) -> list[EntityMention]:
        """ "der armenische Sicherheitsrat", "der Nationale Sicherheitsrat Pakistans": a
        state's own body, not the organ of the United Nations the noun alone names
        (references.yaml ``national_body_nouns``); the state of the adjective or genitive,
        else the story's (as "die Regierung")."""
        toks = ts.tokens
        out = list(found)
        for m in found:
            if not (
                m.kind == MentionKind.NAME
                and m.last == m.first + 1
                and toks[m.first].lemma.lower() in self._national_body_nouns
            ):
                continue
            body: tuple[int, int, tuple[str, ...]]
            adj = next(
                (x for x in found if x.last == m.first and x.kind == MentionKind.ADJECTIVE), None
            )
            after = next((x for x in found if x.first == m.last and x.keys), None)
            national = m.first > 0 and toks[m.first - 1].text.lower().startswith("national")
            if adj is not None and adj.keys and self.dictionary.is_a(adj.keys[0], ActorClass.STATE):
                # "der armenische Sicherheitsrat"
                replaced, body = [m, adj], (adj.first, m.last, (adj.keys[0],))
            elif (
                national
                and after is not None
                and self.dictionary.is_a(after.keys[0], ActorClass.STATE)
            ):
                # "der Nationale Sicherheitsrat Pakistans"
                replaced, body = [m, after], (m.first - 1, after.last, (after.keys[0],))
            elif national:
                # "den Nationalen Sicherheitsrat": the story's (roles resolve it)
                a = m.first - 2 if m.first > 1 and toks[m.first - 2].pos == "ART" else m.first - 1
                replaced, body = [m], (a, m.last, ())
            else:
                continue
            first, last, keys = body
            out = [x for x in out if not any(x is r for r in replaced)]
            kind = MentionKind.NAME if keys else MentionKind.GROUP
            out.append(self._mention(ts, first, last, kind, keys, group="government"))
        return out

    def _unnamed_capitals(
        self, ts: TaggedSentence, found: list[EntityMention]
    ) -> list[EntityMention]:
        """ "in der kubanischen Hauptstadt" with no name after it: the state's capital
        (the one the dictionary gives the state)."""
        toks = ts.tokens
        out = []
        for m in found:
            j = m.last
            if (
                m.kind == MentionKind.ADJECTIVE
                and m.keys
                and j < len(toks)
                and toks[j].lemma.lower() in self._capital_nouns
                and (j + 1 >= len(toks) or toks[j + 1].pos != "NE")
            ):
                capital = self.dictionary.capital(m.keys[0])
                if capital is not None:
                    out.append(self._mention(ts, m.first, j + 1, MentionKind.NAME, (capital,)))
                    continue
            out.append(m)
        return out

    def _places_after_prepositions(
        self, ts: TaggedSentence, found: list[EntityMention], surnames: dict[str, str]
    ) -> list[EntityMention]:
        """A proper noun no dictionary lists right after "in" or "nach" is a place ("im
        Präsidentenpalast in Baabda", "reiste nach Honiara"), and so is one after such a
        preposition and adjectives ("im tansanischen Arusha", "im umkämpften Bachmut", "in
        dem von den Rebellen kontrollierten Kilinochchi"):
        people and organisations do not stand there."""
        toks = ts.tokens
        covered = {j for m in found for j in range(m.first, m.last)}
        out = list(found)
        for j in range(1, len(toks) - 1):
            tok = toks[j]
            k = j - 1
            participle = False
            while k > 0 and toks[k].pos == "ADJ(A)":
                participle = participle or toks[k].verb is not None
                k -= 1
            if participle and toks[k].pos in ("NN", "NE"):
                # "in dem von den Rebellen kontrollierten Kilinochchi": the participle's
                # own phrase stands between the preposition and the name
                while k > 0 and (
                    toks[k].pos in ("NN", "NE", "ART", "ADJ(A)", "CARD")
                    or (
                        toks[k].pos == "APPR"
                        and toks[k].text.lower() not in self._place_prepositions
                    )
                ):
                    k -= 1
            if j in covered or not _foreign_name(tok):
                continue
            # "bei Ras Doumeira": up to three proper nouns make the name, and a name
            # particle between two ("in Cidade de Deus", "den Complexo do Alemão")
            end, particle = j + 1, False
            while end < min(j + 4, len(toks) - 1) and end not in covered:
                if _foreign_name(toks[end]):
                    end += 1
                elif (
                    toks[end].text in self._particles
                    and end + 1 < len(toks) - 1
                    and _foreign_name(toks[end + 1])
                    and end + 1 not in covered
                ):
                    end, particle = end + 2, True
                else:
                    break
            if not (_bare_name(tok) or particle):
                continue  # a foreign word opens a name only with a particle after it
            if particle and k == j - 1 and toks[k].pos == "ART" and k > 0:
                k -= 1  # "drangen in den Complexo do Alemão vor"
            # ("im Negev": the preposition of a fused article)
            fused = toks[k].pos == "APPRART"
            prep = (
                toks[k].text
                if (k == j - 1 or particle) and not fused
                else self._morph.preposition(toks[k].text)
            )
            # (opening the sentence too: "In Soweto setzte die Polizei …")
            if prep.lower() not in self._place_prepositions and not self._offensive_on(toks, k):
                continue
            nxt = toks[end]
            if nxt.pos in ("NE", "NN") or tok.text in surnames or tok.quoted:
                continue  # "in Merkels Kanzleramt", a longer name, a person
            if any(self._people.is_person_noun(t) or self._title(t)[0] for t in toks[j:end]):
                continue
            out.append(self._minted_name(ts, j, end, PlaceClass.PLACE))
        return out

    def _offensive_on(self, toks: Sequence[Token], k: int) -> bool:
        """ "gegen" at ``k`` after a noun of an offensive ("die Offensive gegen Afrin")."""
        return (
            k > 0
            and toks[k].text.lower() in self._offensive_prepositions
            and toks[k - 1].pos == "NN"
            and toks[k - 1].lemma.lower().endswith(self._offensive_nouns)
        )

    def _minted_name(self, ts: TaggedSentence, first: int, last: int, cls: str) -> EntityMention:
        """A name no dictionary lists, of class ``cls``, keyed by its words (or by the
        spelling the article used first)."""
        text = " ".join(t.text for t in ts.tokens[first:last])
        key = self._normal.get(name_key(text)) or name_key(text)
        return self._mention(ts, first, last, MentionKind.NAME, (key,), cls=cls)

    def _places_taken(
        self, ts: TaggedSentence, found: list[EntityMention], surnames: dict[str, str]
    ) -> list[EntityMention]:
        """A proper noun no dictionary lists that is the object of a verb of taking a place
        (``place_taking_verbs``) is a place: after the finite verb and adverbs, closing the
        clause ("eroberten zuletzt Laukkai", "nahmen am Montag Tessit ein"), or right before
        the verb that ends the clause ("nachdem sie Tessit eingenommen hatten"). A subject
        does not stand there; a name with an article or a noun after it is no object."""
        toks = ts.tokens
        covered = {j for m in found for j in range(m.first, m.last)}
        out = list(found)
        j = 0
        while j < len(toks):
            end = j
            while end < len(toks) and end not in covered and _bare_name(toks[end]):
                end += 1
            if end == j or end - j > 3 or toks[j].text in surnames:
                j = max(end, j + 1)
                continue
            if self._taken_after_verb(toks, j, end) or self._taken_before_verb(toks, end):
                out.append(self._minted_name(ts, j, end, PlaceClass.PLACE))
            j = end
        return out

    def _taking(self, tok: Token, particle: str = "") -> bool:
        """Whether the verb (with its separated particle) takes a place."""
        return (particle + tok.lemma).lower() in self._taking_verbs

    def _taken_after_verb(self, toks: Sequence[Token], j: int, end: int) -> bool:
        """The name ``j:end`` follows a verb of taking past adverbs and times, and closes
        its clause or has its particle or a phrase of place after it."""
        k = j - 1
        # past adverbs and times: "eroberten zuletzt Anfang Januar Laukkai"
        while k > 0 and (
            toks[k].pos in ("ADV", "CARD", "ADJD")
            or (toks[k].pos == "NN" and is_temporal_noun(toks[k].lemma))
            or toks[k].lemma.lower() in self._morph.period_part_nouns
            or (toks[k].pos == "APPRART" and toks[k].text.lower() == "am")
        ):
            k -= 1
        if k > 0 and toks[k].text == "," and toks[k - 1].pos == "VV(PP)":
            k -= 1  # "haben mehrere Städte erobert, zuletzt Laukkai"
        if not (k >= 0 and toks[k].pos in ("VV(FIN)", "VV(PP)")):
            return False
        nxt = toks[end] if end < len(toks) else None
        if nxt is not None and nxt.pos == "PTKVZ":
            return self._taking(toks[k], nxt.text)
        # the clause ends, or a phrase of place follows ("Laukkai an der Grenze")
        return self._taking(toks[k]) and (
            nxt is None or nxt.pos.startswith("$") or nxt.pos in ("APPR", "APPRART")
        )

    def _taken_before_verb(self, toks: Sequence[Token], end: int) -> bool:
        """The name ending at ``end`` stands right before the verb of taking that ends
        its clause (with its auxiliaries)."""
        if end >= len(toks) or not toks[end].pos.startswith("VV"):
            return False
        after = end + 1
        while after < len(toks) and toks[after].pos.startswith("VA"):
            after += 1  # "eingenommen hatten", "erobert worden war"
        closes = after >= len(toks) or toks[after].pos.startswith("$")
        return closes and self._taking(toks[end])

    def _references(self, ts: TaggedSentence, found: list[EntityMention]) -> list[EntityMention]:
        """Group references, possessive and personal pronouns, state-adjective governments:
        at each token the first kind of reference that matches (:meth:`_reference_kinds`)."""
        found = self._adjective_body_compounds(ts, found)
        covered = {j for m in found for j in range(m.first, m.last)}
        out = list(found)
        for j, tok in enumerate(ts.tokens):
            if j in covered or tok.quoted:
                continue
            for kind in self._kinds:
                change = kind(ts, j, found, covered)
                if change is not None:
                    added, removed = change
                    out = [m for m in out if not any(m is r for r in removed)] + added
                    break
        return out

    def _adjective_body_compounds(
        self, ts: TaggedSentence, found: list[EntityMention]
    ) -> list[EntityMention]:
        """A state adjective before a compound of a body's short name and a government noun
        is that state's own organ: "die iranische UN-Vertretung" is Iran speaking, not the
        United Nations."""
        toks = ts.tokens
        adjectives = {m.last: m for m in found if m.kind == MentionKind.ADJECTIVE and m.keys}
        merged: dict[int, EntityMention] = {}  # by the first token of the compound
        for m in found:
            adj = adjectives.get(m.first)
            tok = toks[m.first]
            if (
                adj is not None
                and m.kind == MentionKind.NAME
                and m.last == m.first + 1
                and tok.text.startswith(m.text + "-")
                and tok.lemma.lower().rsplit("-", 1)[-1] in self._gov_nouns
                and self.dictionary.is_a(adj.keys[0], ActorClass.STATE)
            ):
                merged[m.first] = self._mention(
                    ts, adj.first, m.last, MentionKind.NAME, adj.keys, group="government"
                )
        if not merged:
            return found
        gone = {id(adjectives[f]) for f in merged}
        return [
            merged.get(m.first, m) if m.kind != MentionKind.ADJECTIVE else m
            for m in found
            if id(m) not in gone
        ]

    def _reference_kinds(self) -> tuple[_ReferenceKind, ...]:
        """The kinds of reference in the order they are tried at a token."""
        return (
            self._ref_sides,
            self._ref_neighbour,
            self._ref_capital,
            self._ref_town,
            self._ref_organisation,
            self._ref_armed_group,
            self._ref_country,
            self._ref_counted_states,
            self._ref_counted_people,
            self._ref_both,
            self._ref_possessive,
            self._ref_age,
            self._ref_epithet,
            self._ref_pronoun,
            self._ref_capital_government,
            self._ref_bare_government,
            self._ref_adjective_government,
            self._ref_facility,  # before a place noun's, which ends the search at its noun
            self._ref_place_noun,
        )

    @staticmethod
    def _prev(toks: Sequence[Token], j: int, back: int = 1) -> str:
        return toks[j - back].text.lower() if j >= back else ""

    def _ref_sides(self, ts, j, found, covered) -> _Change | None:
        """ "beide Seiten", "die Konfliktparteien": the sides."""
        toks, tok = ts.tokens, ts.tokens[j]
        prev, prev2 = self._prev(toks, j), self._prev(toks, j, 2)
        if not (
            tok.pos == "NN"
            and tok.lemma.lower() in self._sides
            and (prev in self._side_det or prev in ("beiden", "beide"))
        ):
            return None
        a = j - 1 if prev in self._side_det else j
        if a > 0 and toks[a - 1].text.lower() in ("die", "den", "der") and prev in ("beiden",):
            a -= 1
        if tok.lemma.lower() == "seite" and prev in ("der", "den") and prev2 not in ("beiden",):
            return [], []  # "auf der Seite der Rebellen": no reference
        return [self._mention(ts, a, j + 1, MentionKind.GROUP, (), group="sides")], []

    def _ref_neighbour(self, ts, j, found, covered) -> _Change | None:
        """ "das Nachbarland": the other state of the pair."""
        tok = ts.tokens[j]
        if not (
            tok.pos == "NN"
            and tok.lemma.lower() in self._neighbour_nouns
            and self._prev(ts.tokens, j) in ("das", "des", "dem", "dessen", "deren")
        ):
            return None
        return [self._mention(ts, j - 1, j + 1, MentionKind.GROUP, (), group="neighbour")], []

    def _ref_capital(self, ts, j, found, covered) -> _Change | None:
        """ "die Hauptstadt eingenommen" with no name, state or genitive after it: the
        capital of the state the story is about (roles resolve it)."""
        toks, tok = ts.tokens, ts.tokens[j]
        if not (
            tok.pos == "NN"
            and tok.lemma.lower() in self._capital_nouns
            and self._prev(toks, j) in ("die", "der")
            and not (j + 1 < len(toks) and (toks[j + 1].pos in ("NE", "ART") or j + 1 in covered))
        ):
            return None
        return [self._mention(ts, j - 1, j + 1, MentionKind.GROUP, (), group="capital")], []

    def _ref_town(self, ts, j, found, covered) -> _Change | None:
        """ "die Stadt", "die umkämpfte Stadt" with no name or genitive after it: the town
        named last (roles resolve it)."""
        toks, tok = ts.tokens, ts.tokens[j]
        a = j - 1
        while a > 0 and toks[a].pos == "ADJ(A)" and a not in covered:
            a -= 1
        if not (
            tok.pos == "NN"
            and tok.lemma.lower() in self._town_nouns
            and a >= 0
            and toks[a].text.lower() in _ARTICLES
            and j not in covered
            and not _named_after(toks, j, covered)  # "der Stadt Schangaösen"
        ):
            return None
        return [self._mention(ts, a, j + 1, MentionKind.GROUP, (), group="town")], []

    def _ref_facility(self, ts, j, found, covered) -> _Change | None:
        """ "stürmten das Gebäude", "im Hauptquartier", "ihrer Residenz" with no name,
        genitive or place after it: the facility named before (roles give it its place,
        :mod:`kg.extract.facilities`)."""
        toks, tok = ts.tokens, ts.tokens[j]
        a = j - 1
        while a > 0 and toks[a].pos == "ADJ(A)" and a not in covered:
            a -= 1
        # (not a facility named by a joined name: "den Dasman-Palast", "die US-Botschaft")
        head = self._facilities.head(tok.lemma) if tok.pos == "NN" and "-" not in tok.text else None
        if not (
            head is not None
            and a >= 0
            and a not in covered
            and (toks[a].text.lower() in _ARTICLES or toks[a].pos in ("APPRART", "PPOSAT"))
            and not _named_after(toks, j, covered)  # "der Flughafen Songshan"
        ):
            return None
        b = a + 1 if toks[a].pos == "APPRART" else a  # "im": the preposition governs it
        return [self._mention(ts, b, j + 1, MentionKind.GROUP, (), group=facility_group(head))], []

    def _ref_organisation(self, ts, j, found, covered) -> _Change | None:
        """ "dem Bündnis", "des Gremiums": the organisation named before (not "das
        Bündnis X" or "das Gremium der Y", which name it); "die Liga": the one named
        before whose name has the noun (group ``org:liga``)."""
        toks, tok = ts.tokens, ts.tokens[j]
        # attributes between article and noun: "dem 1981 gegründeten Staatenbund"
        a = j - 1
        while (
            a > 0 and j - a <= 3 and toks[a].pos in ("ADJ(A)", "CARD", "ADV") and a not in covered
        ):
            a -= 1
        if not (
            tok.pos == "NN"
            and tok.lemma.lower() in self._org_ref_nouns
            and a >= 0
            and toks[a].text.lower() in _ARTICLES
            and not (j + 1 < len(toks) and (j + 1) in covered)
            and not (j + 2 < len(toks) and toks[j + 1].pos == "ART" and (j + 2) in covered)
        ):
            return None
        named = tok.lemma.lower() in self._org_name_nouns
        group = f"org:{tok.lemma.lower()}" if named else "org"
        return [self._mention(ts, a, j + 1, MentionKind.GROUP, (), group=group)], []

    def _ref_armed_group(self, ts, j, found, covered) -> _Change | None:
        """ "Die Rebellen lehnten ab", "die tamilischen Rebellen", "die Koalition": the group
        named before (a name right after, "die Rebellen der M23", is recognised as that
        name instead); so too a bare plural ("Regierung und Rebellen verhandeln", "maskierte
        Kämpfer griffen an"), not one with another determiner ("seine Kämpfer").
        The mention keeps its noun, to find the name it refers back to."""
        toks, tok = ts.tokens, ts.tokens[j]
        a = j - 1
        while a > 0 and toks[a].pos.startswith("ADJ") and a - 1 not in covered:
            a -= 1  # "die tamilischen Rebellen"
        det = toks[a].text.lower() if a >= 0 else ""
        opening = self._attribute_article(toks, a)
        kind = self.lexicon.group_class(tok.lemma) or ""
        body = class_is(kind, ActorClass.ORGANIZATION) and not class_is(
            kind, ActorClass.ARMED_GROUP
        )
        if opening in ("die", "den", "der", "des") and not body:
            # "die von Russland unterstützten Rebellen": the article before the
            # participle's phrase is the group's (the phrase says who backs them, and is
            # no part of their name); an organisation so described is named by the phrase
            # ("die von Frankreich angeführte Militärkoalition")
            a, det = a + 1, opening
        elif (
            a == j - 1
            and det in ("und", "sowie")
            and j > 1
            and toks[j - 2].lemma.lower() in self._gov_nouns
        ):
            # "Regierung und Rebellen verhandeln": the sides named, as "die Rebellen"
            a, det = j, "die"
        elif det in ("ein", "eine", "einer", "einem", "einen", "eines"):
            a, det = a + 1, "bare"  # "von einer Garantenkommission": a body of its own
        elif self._counted_opening(toks, a) or (a >= 0 and toks[a].pos == "CARD"):
            # "Rund 200 Kämpfer griffen an", "Mehrere hundert Angreifer hatten das Lager
            # überfallen", "tötete 20 Rebellen": counted, a group of its own, whose role
            # its place in the clause gives; the count is no part of their name
            a, det = a + 1, "bare"
        elif a == 0 and toks[a].pos.startswith("ADJ"):
            det = "bare"  # "Tausende Schüler demonstrierten": adjectives open the sentence
        elif a < 0 or (
            det not in ("die", "den", "der", "des")
            and toks[a].pos not in _DETERMINERS
            and not toks[a].pos.startswith("ADJ")
        ):
            # a bare plural ("maskierte Kämpfer griffen an", "von Rebellen beschossen"):
            # the phrase without the word before it
            a += 1
            det = "bare"
        noun = tok.lemma
        if (
            tok.pos.startswith("ADJ")
            and tok.text[:1].isupper()
            and not (j + 1 < len(toks) and toks[j + 1].pos in ("NN", "NNA", "NE"))
        ):
            noun = tok.lemma + "e"  # "Die Bewaffneten", tagged as an adjective: nominalised
        elif tok.pos not in ("NN", "NNA") and not (
            # a loanword the tagger takes for a name ("die Fedajin"), listed as it is
            tok.pos == "NE" and tok.lemma.lower() in self.lexicon.ref("armed_group_nouns")
        ):
            return None
        if not (
            self.lexicon.group_class(noun)
            and det in ("die", "den", "der", "des", "bare")
            and not any(x in covered for x in range(a, j))
            and not (j + 1 < len(toks) and (j + 1) in covered)
            # "die Rebellen der Bewegung Freies Aceh": the genitive names them ("von den
            # Aufständischen der frühere Gouverneur X": "der" with an adjective in -e opens
            # a phrase in the nominative, no genitive)
            and not (
                j + 2 < len(toks)
                and toks[j + 1].pos == "ART"
                and (j + 2) in covered
                and not (toks[j + 2].pos.startswith("ADJ") and toks[j + 2].text.endswith("e"))
            )
        ):
            return None
        group = "bare-group" if det == "bare" else "armed-group"
        mention = self._mention(ts, a, j + 1, MentionKind.GROUP, (), group=group, head=noun.lower())
        return [mention], []

    @staticmethod
    def _attribute_article(toks: Sequence[Token], a: int) -> str | None:
        """The article before a participle attribute's own phrase that ends at ``a`` ("die
        von Russland unterstützten", "der im Osten kämpfenden"), lower-cased, or None."""
        if a < 2 or toks[a].verb is None or not toks[a].pos.startswith("ADJ"):
            return None
        k = a - 1
        while k > 0 and toks[k].pos in ("NN", "NE", "ART", "ADJ(A)", "CARD", "APPR", "APPRART"):
            if toks[k].pos.startswith("APPR") and toks[k - 1].pos == "ART":
                return toks[k - 1].text.lower()
            k -= 1
        return None

    def _counted_opening(self, toks: Sequence[Token], a: int) -> bool:
        """A count ending at ``a`` ("rund 200", "mehrere hundert") opens its clause (the
        sentence's start, or after a comma or a conjunction)."""
        if a < 0 or toks[a].pos != "CARD":
            return False
        k = a
        while k > 0 and (
            toks[k - 1].pos in ("CARD", "PIAT", "PIDAT")
            or toks[k - 1].text.lower() in self._morph.quantity_words
        ):
            k -= 1
        # (a dateline's dash opens the sentence: "Niamey – Mehrere hundert Angreifer …")
        return (
            k == 0 or toks[k - 1].pos in ("$,", "$.", "$(", "KON") or toks[k - 1].text in ("–", "—")
        )

    def _ref_country(self, ts, j, found, covered) -> _Change | None:
        """ "Mitglied der EU ist das Land nicht": the state the article is on."""
        toks, tok = ts.tokens, ts.tokens[j]
        a = j - 1
        while a > 0 and toks[a].pos.startswith("ADJ"):
            a -= 1  # "das ölreiche Land"
        if not (
            tok.pos == "NN"
            and tok.lemma.lower() == "land"
            and tok.text in ("Land", "Landes")
            and a >= 0
            and toks[a].text.lower() in ("das", "dem", "des")
            and not any(x in covered for x in range(a, j))
            and not (j + 1 < len(toks) and (j + 1) in covered)
        ):
            return None
        return [self._mention(ts, a, j + 1, MentionKind.GROUP, (), group="country")], []

    def _ref_counted_states(self, ts, j, found, covered) -> _Change | None:
        """ "die beiden Staaten", "die vier Länder": the states named last."""
        tok, prev = ts.tokens[j], self._prev(ts.tokens, j)
        lem = tok.lemma.lower()
        if not (
            tok.pos == "NN"
            and (lem in self._countries or lem.endswith(self._country_heads))
            and prev in self._numbers
        ):
            return None
        group = f"states:{self._numbers[prev]}"
        return [self._mention(ts, j - 1, j + 1, MentionKind.GROUP, (), group=group)], []

    def _ref_counted_people(self, ts, j, found, covered) -> _Change | None:
        """ "die beiden Männer", "die beiden Minister": the people named last."""
        tok, prev = ts.tokens[j], self._prev(ts.tokens, j)
        if not (
            tok.pos == "NN"
            and prev in self._numbers
            and (
                tok.lemma.lower() in self.lexicon.ref("counted_people_nouns")
                or self.lexicon.title_role(tok.text) is not None
            )
            and not (j + 1 < len(ts.tokens) and (j + 1) in covered)
            # "die beiden Außenminister X und Y": the names that follow are the people
            and not (j + 1 < len(ts.tokens) and ts.tokens[j + 1].pos == "NE")
        ):
            return None
        a = j - 2 if j > 1 and self._prev(ts.tokens, j, 2) in ("die", "der", "den") else j - 1
        group = f"people:{self._numbers[prev]}"
        return [self._mention(ts, a, j + 1, MentionKind.GROUP, (), group=group)], []

    def _ref_both(self, ts, j, found, covered) -> _Change | None:
        """ "Beide gehören der Nato an": "beide" alone as the subject, the two the sentence
        before had as its subject."""
        toks, tok = ts.tokens, ts.tokens[j]
        if not (
            tok.pos == "PIS"
            and self._numbers.get(tok.text.lower()) == 2
            and j + 1 < len(toks)
            and toks[j + 1].pos.endswith("(FIN)")
            and (j == 0 or toks[j - 1].pos in ("$,", "$.", "KON"))
        ):
            return None
        return [self._mention(ts, j, j + 1, MentionKind.GROUP, (), group="both")], []

    def _ref_possessive(self, ts, j, found, covered) -> _Change | None:
        """ "sein Land", "ihre Regierung", and in a relative clause "dessen Land": the
        actor named before."""
        toks, tok = ts.tokens, ts.tokens[j]
        if not (
            j > 0
            and tok.pos == "NN"
            and tok.lemma.lower() in self._poss_nouns
            and (
                toks[j - 1].lemma.lower() in self._possessives
                or toks[j - 1].text.lower() in self._relative_possessives
            )
        ):
            return None
        return [self._mention(ts, j - 1, j + 1, MentionKind.PRONOUN, (), group="possessive")], []

    def _ref_age(self, ts, j, found, covered) -> _Change | None:
        """ "sagte der 68-Jährige": a person described by age, referring back as "er"."""
        toks, tok = ts.tokens, ts.tokens[j]
        number, dash, rest = tok.text.partition("-")
        if not (
            j > 0
            and dash
            and number.isdigit()
            and rest.lower() in self._age_nouns
            and toks[j - 1].pos == "ART"
            and j - 1 not in covered
        ):
            return None
        return [self._mention(ts, j - 1, j + 1, MentionKind.PRONOUN, (), group="person")], []

    def _ref_epithet(self, ts, j, found, covered) -> _Change | None:
        """ "sagte der Friedensnobelpreisträger", "erklärte die frühere Offizierin": a
        definite noun describing a person, with no name after it, as the subject right
        after the verb; refers back as "er" does."""
        toks, tok = ts.tokens, ts.tokens[j]
        if tok.pos != "NN" or j + 1 >= len(toks) or toks[j + 1].pos in ("NE", "NN", "$("):
            return None
        a = j - 1
        while a > 0 and toks[a].pos == "ADJ(A)":
            a -= 1  # "der frühere Offizier"
        feminine = tok.text.endswith("in")
        if not (
            a > 0
            and toks[a].pos == "ART"
            and toks[a].text.lower() == ("die" if feminine else "der")
            and toks[a - 1].pos in ("VV(FIN)", "VA(FIN)")
            and not any(x in covered for x in range(a, j + 1))
            and self._title(tok)[0] is None
            and (
                tok.lemma.lower().endswith(self._epithets)
                or self._people.is_person_noun(tok)
                or self._people.is_nationality_noun(tok)
            )
        ):
            return None
        return [self._mention(ts, a, j + 1, MentionKind.PRONOUN, (), group="person")], []

    def _ref_pronoun(self, ts, j, found, covered) -> _Change | None:
        """ "er"; "sie" (resolved by the verb's number and the sentence before, in the
        roles stage); "ihm" and the other object pronouns: a person not the subject."""
        tok = ts.tokens[j]
        word = tok.text.lower()
        if tok.pos != "PPER":
            return None
        if word in self._pronouns and word in ("er", "sie"):
            group = "person" if word == "er" else "sie"
        elif word in self._object_pronouns:
            group = "person-object"
        else:
            return None
        return [self._mention(ts, j, j + 1, MentionKind.PRONOUN, (), group=group)], []

    def _ref_capital_government(self, ts, j, found, covered) -> _Change | None:
        """ "die Regierung in Addis Abeba": the capital stands for the state."""
        toks, tok = ts.tokens, ts.tokens[j]
        lem = tok.lemma.lower()
        if not (
            tok.pos == "NN"
            and (lem in self._capital_gov or lem.endswith(self._gov_heads))
            and j + 2 < len(toks)
            and toks[j + 1].text == "in"
        ):
            return None
        city = next((m for m in found if m.first == j + 2 and m.keys), None)
        if city is None:
            return None  # "das Verteidigungsministerium in einer Erklärung": no place
        entry = self.dictionary.get(city.keys[0])
        # a seat of government that is no capital (Abidjan, Tel Aviv) stands for its state too
        # (not for the authorities: those in another city are the city's)
        seat_too = not lem.endswith(self._capital_only_gov)
        state = (
            (
                self.dictionary.capital_of(entry.key)
                or (next(iter(entry.rel("country")), None) if seat_too else None)
            )
            if entry is not None
            else None
        )
        if not state:
            return [], []
        mention = self._mention(ts, j, city.last, MentionKind.NAME, (state,), group="government")
        return [mention], [city]

    def _ref_bare_government(self, ts, j, found, covered) -> _Change | None:
        """ "Vertreter der Regierung", "das Verteidigungsministerium": with no state given
        in the phrase, the government of the state the story is about (roles resolve it;
        "die Armee" only refers back to an army named with its state: news tells an army
        from its state)."""
        toks, tok = ts.tokens, ts.tokens[j]
        lem = tok.lemma.lower()
        # "die Armee", "die Truppen": only the state named before with the same noun
        # ("Sudans Armee … Die Armee wies das zurück"), never the story's by default
        same_noun = lem in self._gov_nouns and not (
            lem in self._capital_gov or lem.endswith(self._gov_heads)
        )
        # ("Einfache Grenzsoldaten eröffneten das Feuer": adjectives of their own before)
        k = j
        while k > 0 and toks[k - 1].pos == "ADJ(A)" and k - 1 not in covered:
            k -= 1
        k = _before_count(toks, k)
        if (
            tok.pos == "NN"
            and self._force_noun(lem)
            and tok.text.lower() != lem  # a plural ("Soldaten", "Spezialkräfte")
            and (
                k == 0
                # ("nachdem Regierungstruppen Savimbi getötet hatten": opening a clause)
                or toks[k - 1].pos in ("$,", "$.", "$(", "APPR", "KOUS")
                # ("X und Soldaten griffen an"; not "schickte Polizisten und Soldaten":
                # the conjunct before, what a verb sends, is no actor, and nor is this)
                or (toks[k - 1].pos == "KON" and not self._sent_forces(toks, k - 2))
                # "hatten Soldaten … getötet": right after the finite auxiliary (after a
                # full verb they may be what it sends: "schickt Soldaten nach Niger")
                or toks[k - 1].pos in ("VA(FIN)", "VM(FIN)")
                or self._after_adverbial_vorfeld(toks, k - 1)
                # "die Regierungstruppen": a compound the same-noun reading below leaves
                or (toks[k - 1].pos == "ART" and k == j and lem not in self._unnamed_forces)
            )
            and j not in covered
            # (a person's name right after is the object: "Regierungstruppen Savimbi")
            and not (
                j + 1 < len(toks)
                and (j + 1) in covered
                and not self._person_at(found, j + 1)
                and not self._object_before_verb(toks, j + 1, found)
            )
            # "Spezialeinheiten des Geheimdienstes FSB": a genitive that names someone
            # says whose they are ("Soldaten der Regierungsarmee" names no one)
            and not self._named_genitive(toks, j, found)
        ):
            # "Soldaten eröffneten das Feuer": forces the text does not identify
            first = k - 1 if k == j and k > 0 and toks[k - 1].pos == "ART" else j
            mention = self._mention(
                ts, first, j + 1, MentionKind.GROUP, (), group="bare-group", head=lem
            )
            return [mention], []
        # a headline drops the article: "Mali: Armee nimmt Kidal ein"; so does a pair of
        # sides: "Kämpfe zwischen Armee und Rebellen"
        articleless = (ts.sentence.index < 0 and (j == 0 or toks[j - 1].text == ":")) or (
            _between_pair(toks, j, self._pair_prepositions)
        )
        if not (
            tok.pos == "NN"
            and (lem in self._capital_gov or lem.endswith(self._gov_heads) or same_noun)
            and (
                self._prev(toks, j) in _ARTICLES
                or (articleless and same_noun and tok.text.lower() == lem)
            )
            and (
                self._object_before_verb(toks, j + 1, found)
                or (
                    not (j + 1 < len(toks) and (j + 1) in covered)
                    and not (
                        j + 1 < len(toks)
                        and (
                            toks[j + 1].text in ("der", "des", "von")
                            or toks[j + 1].pos == "NE"
                            # "das Außenministerium in Rabat" (not "… in einer Erklärung")
                            or (
                                toks[j + 1].text in ("in", "aus")
                                and j + 2 < len(toks)
                                and (toks[j + 2].pos == "NE" or (j + 2) in covered)
                            )
                        )
                    )
                )
            )
        ):
            return None
        group = "same-noun" if same_noun else "government"
        # a force with no state before it is the article's own actor ("die Armee")
        head = lem if same_noun and lem in self._unnamed_forces else ""
        first = j if articleless and self._prev(toks, j) not in _ARTICLES else j - 1
        state = None if same_noun else self._capital_opening(toks, first, found)
        keys = (state,) if state else ()
        mention = self._mention(ts, first, j + 1, MentionKind.GROUP, keys, group=group, head=head)
        return [mention], []

    def _sent_forces(self, toks: Sequence[Token], b: int) -> bool:
        """Whether a plural force noun at ``b`` follows a full verb, past its adjectives
        and count: what the verb sends or fights ("schickte Polizisten"), no actor."""
        if b < 1 or toks[b].pos != "NN" or not self._force_noun(toks[b].lemma.lower()):
            return False
        a = b
        while a > 0 and toks[a - 1].pos in ("ADJ(A)", "CARD"):
            a -= 1
        return a > 0 and toks[a - 1].pos.startswith("VV")

    @staticmethod
    def _object_before_verb(toks: Sequence[Token], k: int, found: Sequence[EntityMention]) -> bool:
        """A known place or state at ``k`` right before the verb that ends the clause is
        that verb's object, not the name of the noun before ("Als die Armee Aden angriff",
        "nachdem die Truppen Mali verlassen hatten")."""
        m = next((x for x in found if x.first == k and x.keys), None)
        if not (
            m is not None
            and m.cls != ActorClass.PERSON
            and m.kind == MentionKind.NAME
            and m.last < len(toks)
            and toks[m.last].pos.startswith("VV")
            and not toks[m.last - 1].text.endswith("s")
        ):
            return False
        # only a clause that ends in its verb: one a conjunction or relative pronoun opens
        start = max((x + 1 for x in range(k) if toks[x].pos == "$,"), default=0)
        return any(
            toks[x].pos in ("KOUS", "PRELS") or toks[x].text.lower() == "als"
            for x in range(start, k)
        )

    @staticmethod
    def _person_at(found: Sequence[EntityMention], i: int) -> bool:
        """A person's name begins at token ``i``."""
        return any(m.first == i and m.cls == ActorClass.PERSON for m in found)

    def _force_noun(self, lemma: str) -> bool:
        """A noun of a state's forces, or a compound with one ("Regierungssoldaten",
        "Regierungstruppen")."""
        return lemma in self._unnamed_forces or any(
            lemma.endswith(f) and len(lemma) - len(f) >= 4 for f in self._unnamed_forces
        )

    def _capital_opening(
        self, toks: Sequence[Token], first: int, found: Sequence[EntityMention]
    ) -> str | None:
        """The state of a capital the clause opens with before its verb and the government
        after it: "In Peking erklärte die Regierung, …" is China's government, not the
        story's."""
        if first < 3 or not toks[first - 1].pos.endswith("(FIN)"):
            return None
        m = next((x for x in found if x.last == first - 1 and x.keys), None)
        if m is None or m.first < 1 or toks[m.first - 1].text.lower() != "in":
            return None
        if m.first >= 2 and toks[m.first - 2].pos not in ("$,", "$.", "KON"):
            return None  # "In Peking" opens the clause
        return self.dictionary.capital_of(m.keys[0])

    def _named_genitive(
        self, toks: Sequence[Token], j: int, found: Sequence[EntityMention]
    ) -> bool:
        """A genitive after the noun at ``j`` names someone: a known name ("der Armee
        Kenias", "des Geheimdienstes FSB" with FSB known), or a noun of an organisation's
        class with a name after it ("des Inlandsgeheimdienstes FSB")."""
        if not (j + 2 < len(toks) and toks[j + 1].text in ("des", "der")):
            return False
        if any(j + 1 <= m.first <= j + 4 and m.keys for m in found):
            return True
        k = j + 2
        while k < len(toks) and toks[k].pos == "ADJ(A)":
            k += 1
        return (
            k + 1 < len(toks)
            and toks[k].pos == "NN"
            and _noun_class(toks[k].text, self._class_table, plural=True) is not None
            and _name_like(toks[k + 1])
        )

    def _ref_adjective_government(self, ts, j, found, covered) -> _Change | None:
        """ "die kenianische Regierung": the state of the adjective."""
        tok = ts.tokens[j]
        lem = tok.lemma.lower()
        armed = tok.pos == "NN" and self.lexicon.group_class(lem) == ActorClass.ARMED_GROUP
        # "NNA": HanTa reads some plurals as nominalised adjectives ("ukrainische Drohnen")
        if not (
            (tok.pos in ("NN", "NNA") and (lem in self._gov_nouns or lem.endswith(self._adj_heads)))
            or armed
        ):
            return None
        if j == 0:
            return None
        adj = next((m for m in found if m.last == j and m.kind == MentionKind.ADJECTIVE), None)
        if adj is None:
            return None if armed else ([], [])
        if armed and (not adj.keys or self.dictionary.is_a(adj.keys[0], ActorClass.ACTOR)):
            return None  # "syrische Kämpfer" are not the state's: only a region's are a group
        if adj.keys and not self.dictionary.is_a(adj.keys[0], ActorClass.ACTOR):
            # "abchasische Verbände": the forces of a region, an actor of the article's own
            # (the region is no actor), unless a group named before is meant
            group = self._mention(
                ts, adj.first, j + 1, MentionKind.GROUP, (), group="armed-group", head=lem
            )
            return [group], [adj]
        mention = self._mention(
            ts, adj.first, j + 1, MentionKind.NAME, adj.keys, group="government"
        )
        return [mention], [adj]

    def _common_noun_after(self, toks: Sequence[Token], k: int) -> bool:
        """The word at ``k`` after a place noun is a German common noun, not the place's
        name: a noun with an ending only feminine nouns have, alone before the verb ("hat
        in der Stadt Stellung bezogen")."""
        nxt = toks[k]
        return (
            nxt.pos == "NN"
            and nxt.text.lower().endswith(tuple(self._morph.feminine_only_endings))
            and not (k + 1 < len(toks) and toks[k + 1].text[:1].isupper())
        )

    def _ref_place_noun(self, ts, j, found, covered) -> _Change | None:
        """ "die Stadt Goma": the name after a place noun is that kind of place; "im
        Gorongosa-Gebirge": a name joined to a place noun is that place, named by both."""
        toks, tok = ts.tokens, ts.tokens[j]
        first, _, head = tok.text.rpartition("-")
        if (
            tok.pos in ("NN", "NE")
            and first[:1].isupper()
            and first.replace("-", "").isalpha()
            and head.lower() in self._place_nouns
        ):
            key = self._normal.get(name_key(tok.text)) or name_key(tok.text)
            cls = self._place_nouns[head.lower()]
            return [self._mention(ts, j, j + 1, MentionKind.NAME, (key,), cls=cls)], []
        # a plural by its lemma too ("die Städte X und Y")
        noun_cls = self._place_class(tok.text) or (
            self._place_class(tok.lemma) if tok.pos == "NN" else None
        )
        if not (tok.pos in ("NN", "NE") and noun_cls and j + 1 < len(toks)):
            return None
        nxt = toks[j + 1]
        if not (
            nxt.text[:1].isupper() and nxt.pos in ("NE", "NN", "FM") and (j + 1) not in covered
        ) or self._common_noun_after(toks, j + 1):
            return [], []
        # "die Hafenstadt Mocímboa da Praia": a particle and a capitalised word go on with
        # the name, though a known place ("Praia") is among them
        end = j + 2
        while (
            end + 1 < len(toks)
            and toks[end].text.lower() in self._particles
            and toks[end + 1].text[:1].isupper()
            and toks[end + 1].pos in ("NE", "NN", "FM")
        ):
            end += 2
        # "im Dorf Ras Baalbek", "in der Stadt Kirjat Schmona", "das Lager Nahr al-Bared": a
        # name of two or three words (an Arabic article joined to the next one)
        while (
            end < len(toks)
            and end - (j + 1) < 3
            and (
                (toks[end].pos == "NE" and toks[end].text[:1].isupper())
                or _ARABIC_ARTICLE.match(toks[end].text) is not None
            )
            and end not in covered
        ):
            end += 1
        cls = noun_cls or PlaceClass.PLACE
        names = [(j + 1, end)]
        if tok.text.lower() != tok.lemma.lower():
            names += self._more_places(toks, end, covered)
        mentions, inside = [], []
        for first, last in names:
            inside += [m for m in found if first + 1 <= m.first < last]
            mentions.append(self._minted_name(ts, first, last, cls))
        return mentions, inside

    @staticmethod
    def _more_places(toks: Sequence[Token], end: int, covered: Set[int]) -> list[tuple[int, int]]:
        """The further names a plural place noun lists ("die Orte Anefis und Tessalit",
        "die Provinzen X, Y und Z"): one proper noun each after a comma or "und"; a name
        found already (a known place) keeps its own mention."""
        out: list[tuple[int, int]] = []
        while end + 1 < len(toks) and toks[end].text in (",", "und"):
            nxt = toks[end + 1]
            if not (nxt.pos == "NE" and nxt.text[:1].isupper()):
                break
            if end + 1 not in covered:
                out.append((end + 1, end + 2))
            end += 2
        return out


def _before_count(toks: Sequence[Token], k: int) -> int:
    """Where the phrase whose noun's attributes start at ``k`` begins with its count:
    "Rund 1900 Marineinfanteristen", "Mehr als 20.000 Soldaten", "etwa 300 Polizisten"
    (a number, and the adverbs and "als" that hedge it).

    >>> words = [("Mehr", "PIAT"), ("als", "KOKOM"), ("300", "CARD"), ("Soldaten", "NN")]
    >>> toks = [Token(i, 0, 0, w, w.lower(), p) for i, (w, p) in enumerate(words)]
    >>> _before_count(toks, 3), _before_count(toks[2:], 1), _before_count(toks[3:], 0)
    (0, 0, 0)
    """
    if not (k > 0 and toks[k - 1].pos == "CARD"):
        return k
    k -= 1
    while k > 0 and toks[k - 1].pos in ("ADV", "KOKOM", "PIAT", "ADJ(D)"):
        k -= 1
    return k
