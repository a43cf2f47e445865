"""People no dictionary lists, recognised by the noun that names their function.

Reads a tagged sentence and the mentions found so far; writes new person mentions. German
news introduces a person by a noun of function before the name ("der Unterhändler Richard
Holbrooke", "Präsidialamtssprecher Garba Shehu", "Oberst Ronald Rwivanga") or as an
apposition after it ("Der Leiter der Regierungsdelegation, Firmin Ngrebada, …"). The nouns
are the ``person_nouns`` list of ``references.yaml``, matched as the head of a compound
("Regierungssprecher" ends in "sprecher"); a name is two or more capitalised words, or
several such names coordinated ("den Delegationsleitern Otty Patiño und Pablo Beltrán").
Offices are the title stage's (:mod:`kg.extract.entities`): these people get none.

>>> from kg.extract.model import Sentence
>>> from kg.extract.tokens import Tagger
>>> text = "Das teilte Regierungssprecher Oberst Abdoulaye Maïga mit."
>>> ts = Tagger().tag(Sentence(0, 0, len(text), text))
>>> finder = PersonNouns(frozenset({"sprecher", "oberst"}))
>>> [(a, b) for a, b in finder.names(ts.tokens, set())]
[(4, 6)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence, Set

from kg.extract.model import Token

#: The Arabic article or a patronymic written before a name ("al-Baschir", "bin Salman").
ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ar|at|an|asch|ash|ibn|bin)-[A-ZÄÖÜ]", re.IGNORECASE)

__all__ = ["ARTICLE_PREFIX", "PersonNouns"]

_NAMEISH = {"NE", "FM", "NN", "XY"}
_INFLECTION = ("", "n", "en", "s", "es", "in", "innen")
#: How far an apposition's name may stand after its noun ("Der Leiter der
#: Regierungsdelegation, Firmin Ngrebada,": the genitive in between).
_APPOSITION_REACH = 8
#: The endings of a noun of nationality after the adjective's stem ("Italien-er",
#: "Schwed-e", "Italien-erin", "Schwed-en").
_NATIONALITY_ENDINGS = ("er", "ern", "erin", "erinnen", "e", "en", "in", "innen")


class PersonNouns:
    """Find names after nouns of function; build once with the lexicon's list."""

    def __init__(
        self,
        nouns: Set[str],
        is_title=None,
        *,
        particles: Set[str] = frozenset(),
        places: Set[str] = frozenset(),
        adjectives: Set[str] = frozenset(),
        locative: Set[str] = frozenset(),
    ) -> None:
        self.nouns = tuple(sorted(nouns, key=len, reverse=True))
        # stems of states' adjectives ("italienisch" → "italien"), by which a noun of
        # nationality is known ("der Italiener Mario Raffaelli")
        self.nationalities = frozenset(
            a[: -len("isch")] for a in adjectives if a.endswith("isch") and len(a) >= 8
        )
        self.is_title = is_title or (lambda _w: False)
        # lower-case words inside a full name ("Hamad bin Dschassim")
        self.particles = frozenset(particles)
        # nouns of places, which the tagger may read as names ("Regionalhauptstadt Suchumi")
        self.places = tuple(p for p in places if len(p) >= 5)
        # prepositions after which a name is a place's ("in Ponta Delgada")
        self.locative = frozenset(locative)

    def is_place_noun(self, tok: Token) -> bool:
        """A noun of a kind of place, or a compound ending in one ("Regionalhauptstadt")."""
        return tok.text.lower().endswith(self.places) if self.places else False

    def is_nationality_noun(self, tok: Token) -> bool:
        """A noun of nationality, known by the stem of a state's adjective it shares
        ("Italiener", "Liberianer", "Schwede" beside "italienisch", "liberianisch",
        "schwedisch").

        >>> p = PersonNouns(frozenset(), adjectives={"italienisch", "schwedisch"})
        >>> [p.is_nationality_noun(Token(i, 0, 0, w, w, "NN")) for i, w in enumerate(
        ...     ["Italiener", "Schweden", "Italien", "Regierung"])]
        [True, True, False, False]
        """
        # (a demonym HanTa does not know it may take for a name: "Liberianer")
        if tok.pos not in ("NN", "NE") or not tok.text[:1].isupper():
            return False
        w = tok.text.lower()
        for ending in _NATIONALITY_ENDINGS:
            if w.endswith(ending) and w[: len(w) - len(ending)] in self.nationalities:
                return True
        return False

    def is_person_noun(self, tok: Token) -> bool:
        """A noun of function, inflected or as the head of a compound; the tagger calls
        some compounds proper nouns ("Maoistenchef"), so those count when the head is a
        known noun of function after a first part of three letters or more."""
        # (HanTa tags nominalised adjectives "NNA": "der Abgeordnete")
        if tok.pos not in ("NN", "NE", "NNA") or not tok.text[:1].isupper():
            return False
        w = tok.text.lower().replace("-", "")
        for ending in _INFLECTION:
            if ending and not w.endswith(ending):
                continue
            stem = w[: len(w) - len(ending)] if ending else w
            for n in self.nouns:
                if stem.endswith(n) and (tok.pos != "NE" or stem == n or len(stem) - len(n) >= 3):
                    return True
        return False

    def _name_at(self, toks: Sequence[Token], k: int, taken: Set[int]) -> int:
        """The end of a name of two or more capitalised words starting at ``k`` (``k`` if
        there is none)."""
        end = k
        while (
            end < len(toks)
            and end not in taken
            # "Chalil al-Hajja", "Hamad bin Dschassim": the Arabic article or a
            # patronymic inside the name, before a capitalised word
            and (
                (toks[end].text[:1].isupper() and toks[end].pos in _NAMEISH)
                or (end > k and ARTICLE_PREFIX.match(toks[end].text))
                # a particle is tagged as anything ("da" an adverb)
                or (
                    end > k
                    and toks[end].text in self.particles
                    and end + 1 < len(toks)
                    and toks[end + 1].text[:1].isupper()
                )
            )
            and not toks[end].quoted
            and not self.is_person_noun(toks[end])
            and not self.is_title(toks[end].text)
        ):
            end += 1
        return end if end - k >= 2 else k

    def names(self, toks: Sequence[Token], taken: Set[int]) -> Iterator[tuple[int, int]]:
        """Token ranges of the names introduced by a noun of function."""
        j = 0
        while j < len(toks):
            if not self.is_person_noun(toks[j]) and not self.is_nationality_noun(toks[j]):
                j += 1
                continue
            k = j + 1
            while k < len(toks) and self.is_person_noun(toks[k]):
                k += 1  # "Regierungssprecher Oberst Abdoulaye Maïga"
            spans = self._coordinated(toks, k, taken)
            if not spans:
                spans = self._apposition(toks, k, taken)
            yield from spans
            j = spans[-1][1] if spans else j + 1

    def described_names(
        self,
        toks: Sequence[Token],
        taken: Set[int],
        *,
        epithets: Sequence[str],
        endings: Sequence[str],
        names_class: Callable[[Token], bool],
    ) -> Iterator[tuple[int, int]]:
        """Names of two words after a noun that describes the person, not a noun of
        function: one of ``epithets`` or a noun with one of the ``endings`` of nouns of
        people that names no class of organisation (``names_class``) or kind of place
        ("der Jurist Hamid Korabi", "der frühere Bankmanager Laisenia Qarase"; not "das
        Schiff Ever Given", "die Miliz Ansar Dine").

        >>> from kg.extract.model import Sentence
        >>> from kg.extract.tokens import Tagger
        >>> text = "Das lehnte der frühere Bankmanager Laisenia Qarase ab."
        >>> ts = Tagger().tag(Sentence(0, 0, len(text), text))
        >>> list(PersonNouns(frozenset()).described_names(ts.tokens, set(),
        ...     epithets=(), endings=("er",), names_class=lambda t: False))
        [(5, 7)]
        """
        epithets, endings = tuple(epithets), tuple(endings)
        for j in range(len(toks) - 2):
            stem = toks[j].lemma.lower()
            described = stem.endswith(epithets) or (
                stem.endswith(endings)
                and not names_class(toks[j])
                and not self.is_place_noun(toks[j])
            )
            if (
                described
                and _described_at(toks, j)
                and not {j, j + 1, j + 2} & taken
                and not any(
                    self.is_person_noun(t) or self.is_title(t.text) for t in toks[j + 1 : j + 3]
                )
            ):
                yield j + 1, j + 3

    def _coordinated(self, toks: Sequence[Token], k: int, taken: Set[int]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        while True:
            end = self._name_at(toks, k, taken)
            if end == k:
                return out
            out.append((k, end))
            if end + 1 < len(toks) and toks[end].text in ("und", "sowie"):
                k = end + 1
                continue
            return out

    def _apposition(self, toks: Sequence[Token], k: int, taken: Set[int]) -> list[tuple[int, int]]:
        """ "Der Leiter der Regierungsdelegation, Firmin Ngrebada, …": a comma after the
        noun's complement, the name (perhaps after a noun of nationality: ", der Ire
        Conor Cruise O'Brien"), and a comma or the end of the clause."""
        for c in range(k, min(len(toks), k + _APPOSITION_REACH)):
            if toks[c].text == ",":
                start = c + 1
                if (
                    start + 2 < len(toks)
                    and toks[start].pos == "ART"
                    and toks[start + 1].pos == "NN"
                    and toks[start + 2].pos in ("NE", "FM")
                ):
                    start += 2  # ", der Amerikaner Ralph Bunche": a nationality before it
                while start < len(toks) and self.is_person_noun(toks[start]):
                    start += 1  # ", Oberst Ronald Rwivanga,"
                names = self._coordinated(toks, start, taken)
                if not names:
                    return []
                end = names[-1][1]
                closes = end < len(toks) and (
                    toks[end].text in (",", ".") or toks[end].pos.startswith("V")
                )
                return names if closes else []
            if toks[c].pos.startswith("V") or toks[c].text in ("und", "oder", ";", ":", "."):
                return []  # brackets ("(LTTE)") may stand in the noun's complement
        return []

    def _apposition_at(
        self, toks: Sequence[Token], end: int, *, offices_only: bool = False
    ) -> bool:
        """A comma at ``end`` and a noun of function after it, with its article and
        adjectives or not (", der frühere Anführer der Gruppe,", ", Sprecher der Armee,");
        with ``offices_only`` the title of an office only (", der Regierungschef,")."""
        if end >= len(toks) or toks[end].text != ",":
            return False
        k = end + 1
        if k < len(toks) and toks[k].pos == "ART":
            k += 1
        while k < len(toks) and toks[k].pos.startswith("ADJ"):
            k += 1
        if k >= len(toks):
            return False
        return bool(self.is_title(toks[k].text)) or (
            not offices_only and self.is_person_noun(toks[k])
        )

    def bare_names(self, toks: Sequence[Token], taken: Set[int]) -> Iterator[tuple[int, int]]:
        """Full names without a noun before them ("von Nelson Mandela"): two or three
        words the tagger reads as proper nouns, none of them known or a noun of function,
        inside the sentence (at its start only before a conjunction or a verb) and
        followed by punctuation, a conjunction or a verb."""
        j = 0
        while j < len(toks):
            end = j
            while (
                end < len(toks)
                and end - j < 3
                and end not in taken
                and toks[end].pos in ("NE", "FM")
                and (toks[end].text[:1].isupper() or ARTICLE_PREFIX.match(toks[end].text))
                and not toks[end].quoted
                and not self.is_person_noun(toks[end])
                and not self.is_title(toks[end].text)
                and not self.is_place_noun(toks[end])
            ):
                end += 1
            # a function named in apposition makes the words before it a person's name,
            # wherever they stand and however the tagger read them ("Ob Schaker al-Abssi,
            # der Anführer der Gruppe, …"); else only proper nouns count
            appositive = (end - j >= 2 and self._apposition_at(toks, end)) or (
                # one word with an office in apposition: "Mussolini, der italienische
                # Regierungschef, …" (a noun of function alone, "Sprecher", is too weak)
                end - j == 1
                and toks[j].pos == "NE"
                and self._apposition_at(toks, end, offices_only=True)
            )
            if not appositive:
                end = next((e for e in range(j, end) if toks[e].pos != "NE"), end)
            closes = end < len(toks) and (
                toks[end].pos.startswith(("$", "V", "KON"))
                or toks[end].text == ")"
                or toks[end].verb is not None  # "von X Y vermittelte Abkommen"
                # the next phrase's article: "setzten X Y ihre Namen unter …"
                or (end - j >= 2 and toks[end].pos in ("ART", "PPOSAT"))
                # a name in a phrase of its own, before the next one: "Gespräche mit
                # Henry Kissinger in Moskau"
                or (
                    end - j >= 2
                    and toks[end].pos in ("APPR", "APPRART")
                    and j > 0
                    and toks[j - 1].pos == "APPR"
                )
                # the object right after the verb, before an adverbial or the particle:
                # "macht Schamil Bassajew für den Anschlag verantwortlich", "kritisierte X Y
                # scharf", "griff X Y an"
                or (
                    end - j >= 2
                    and j > 0
                    and toks[j - 1].pos.startswith("V")
                    and toks[end].pos in ("APPR", "APPRART", "ADJ(D)", "ADV", "PTKVZ", "PTKNEG")
                )
            )
            # at the sentence's start, where every word is capitalised, only a name the
            # tagger reads as two proper nouns before a conjunction or verb ("Omar
            # al-Baschir und Salva Kiir setzten …")
            opens = (
                (
                    j == 0
                    and end - j >= 2
                    and end < len(toks)
                    and (
                        toks[end].pos.startswith(("KON", "V"))
                        # "Aguila Saleh, der das Repräsentantenhaus führt, …": a relative clause
                        or (
                            end + 1 < len(toks)
                            and toks[end].text == ","
                            and toks[end + 1].pos == "PRELS"
                        )
                    )
                )
                or (
                    j > 0
                    and (
                        # (after the reflexive of an inverted clause: "Zu dem Anschlag bekannte
                        # sich Mokhtar Belmokhtar")
                        toks[j - 1].pos in ("APPR", "APPRART", "KON", "$,", "ART", "VVFIN", "PRF")
                        or toks[j - 1].pos.startswith("V")
                    )
                    # "trafen sich in Ponta Delgada": after a locative preposition, a place
                    and toks[j - 1].text.lower() not in self.locative
                )
                or _after_gapped_phrase(toks, j, taken)
            )
            if (
                (end - j >= 2 or appositive)
                and (appositive or (closes and opens))
                and (end >= len(toks) or end not in taken)
            ):
                yield j, end
                j = end
            else:
                j += 1


def _described_at(toks: Sequence[Token], j: int) -> bool:
    """A common noun at ``j`` after its article (and adjectives) and before a name of
    exactly two proper nouns that closes the phrase: "der Jurist Hamid Korabi,", "des
    früheren Bankmanagers Laisenia Qarase".

    >>> toks = [Token(i, 0, 0, w, w, p) for i, (w, p) in enumerate([("der", "ART"),
    ...     ("frühere", "ADJ(A)"), ("Jurist", "NN"), ("Hamid", "NE"), ("Korabi", "NE"),
    ...     ("lehnte", "VV(FIN)")])]
    >>> _described_at(toks, 2), _described_at(toks, 3)
    (True, False)
    """
    end = j + 3
    if (
        end >= len(toks)
        or toks[j].pos != "NN"
        or not all(
            t.pos == "NE" and t.text[:1].isupper() and t.text.isalpha() and not t.quoted
            for t in toks[j + 1 : end]
        )
        or not (
            toks[end].pos.startswith(("$", "V", "KON", "PTKVZ", "APPR"))
            or toks[end].verb is not None
        )
    ):
        return False
    k = j - 1
    while k >= 0 and toks[k].pos.startswith("ADJ"):
        k -= 1
    return k >= 0 and toks[k].pos == "ART"


def _after_gapped_phrase(toks: Sequence[Token], j: int, taken: Set[int]) -> bool:
    """Token ``j`` follows a known name in a phrase that opens a clause without its verb
    after a comma ("Für Belgien unterschrieb X, für Dänemark Gustav Rasmussen"): the
    clause's subject comes next."""
    k = j - 1
    if k not in taken:
        return False
    while k > 0 and (k in taken or toks[k].pos in ("ART", "ADJ(A)")):
        k -= 1
    return k > 0 and toks[k].pos == "APPR" and toks[k - 1].text == ","
