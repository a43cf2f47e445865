"""Buildings and compounds the news names, and the places they stand in.

An event done to a building or in it happened where the building is: "Spezialeinheiten
stürmten das Gebäude" after "einer Schule im nordossetischen Beslan" is in Beslan, "Die
Rebellen hatten die Residenz gestürmt" after "der Residenz des japanischen Botschafters in
Lima" in Lima. The nouns are ``facility_nouns`` of ``cues.yaml``, matched as the end of a
word ("Gasanlage", "Botschafterresidenz"); a definite one with no name after it refers back
to the last facility with the same noun named with its place, and ``facility_reference_nouns``
("das Gebäude", "die Anlage") to the last facility of any kind.

The entity stage marks such references (a group mention ``facility:<noun>``); the role stage
notes, sentence by sentence, the facilities named with their place
(:meth:`FacilityNouns.place_after`) and gives a reference its place
(:meth:`FacilityNouns.refer`).

>>> nouns = FacilityNouns(["gebäude", "residenz", "anlage"], ["gebäude", "anlage"])
>>> nouns.head("Botschafterresidenz"), nouns.head("Gasanlage"), nouns.head("Regierung")
('residenz', 'anlage', None)
>>> named = [("residenz", "lima"), ("schule", "beslan")]
>>> nouns.refer("residenz", named), nouns.refer("gebäude", named), nouns.refer("anlage", [])
('lima', 'beslan', None)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from kg.extract.model import EntityMention, Token

__all__ = ["FacilityNouns", "facility_group", "facility_noun"]

#: Prepositions that give a facility its place: "die Schule in Beslan", "das Gefängnis von
#: Khiam", "die Gasanlage nahe In Amenas".
_PLACE_PREPOSITIONS = ("in", "im", "von", "vom", "nahe", "bei", "beim")


_GROUP = "facility:"


def facility_group(noun: str) -> str:
    """The group of a mention that refers to a facility with ``noun`` ("das Gebäude").

    >>> facility_group("gebäude")
    'facility:gebäude'
    """
    return _GROUP + noun


def facility_noun(m: EntityMention) -> str | None:
    """The facility noun of a mention that refers to a facility, None for any other."""
    group = m.group or ""
    return group.removeprefix(_GROUP) if group.startswith(_GROUP) else None


class FacilityNouns:
    """The facility nouns of the lexicon, longest first so that a compound takes its most
    specific noun; ``genitives`` are the determiners of a genitive attribute that may stand
    between a facility noun and its place ("die Residenz des Botschafters in Lima")."""

    def __init__(
        self,
        nouns: Iterable[str],
        references: Iterable[str],
        *,
        genitives: Iterable[str] = (),
    ) -> None:
        self._nouns = tuple(sorted({n.lower() for n in nouns}, key=lambda n: (-len(n), n)))
        self._references = frozenset(n.lower() for n in references)
        self._genitives = frozenset(g.lower() for g in genitives)

    def head(self, word: str) -> str | None:
        """The facility noun ``word`` ends in, if any."""
        low = word.lower()
        return next((n for n in self._nouns if low.endswith(n)), None)

    def refer(self, head: str, named: Sequence[tuple[str, str]]) -> str | None:
        """The place of the facility a reference with noun ``head`` refers back to, from
        ``named``, the (noun, place) of the facilities named so far, in order."""
        for noun, place in reversed(named):
            if noun == head or head in self._references:
                return place
        return None

    def place_after(
        self,
        toks: Sequence[Token],
        j: int,
        mentions: Sequence[EntityMention],
        is_place: Callable[[str], bool],
    ) -> str | None:
        """The place a facility noun at token ``j`` is given by the phrase after it ("in
        Lima", "im nordossetischen Beslan"), past a genitive attribute; ``is_place`` tells
        which keys are towns, regions or places."""
        k = j + 1
        if k < len(toks) and toks[k].text.lower() in self._genitives:
            k += 1
            while k < len(toks) and toks[k].pos.startswith("ADJ"):
                k += 1
            if not (k < len(toks) and toks[k].pos in ("NN", "NE")):
                return None
            k += 1
        if not (k < len(toks) and toks[k].text.lower() in _PLACE_PREPOSITIONS):
            return None
        k += 1
        while k < len(toks) and (toks[k].pos == "ART" or toks[k].pos.startswith("ADJ")):
            k += 1
        at = next((m for m in mentions if m.first == k and m.keys), None)
        if at is None or not is_place(at.keys[0]):
            return None
        return at.keys[0]
