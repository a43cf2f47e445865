"""Shallow German syntax shared by the event, role and fact stages.

Reads a :class:`~kg.extract.model.TaggedSentence` (and its mentions); answers: where a
clause starts and ends, what governs a mention (a preposition "mit", a complex
preposition "unter Vermittlung", a noun whose genitive it is, nothing), which verb
lemma a token has once a separable particle is joined ("kamen … zusammen" →
``zusammenkommen``), whether a clause is negated or passive.

>>> from kg.extract.model import Sentence
>>> from kg.extract.tokens import Tagger
>>> ts = Tagger().tag(Sentence(0, 0, 37, "Sie kamen am Freitag in Genf zusammen."))
>>> full_lemma(ts.tokens, 1)
'zusammenkommen'
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import replace

from kg.extract.dates import MONTH_NAMES, WEEKDAY_NAMES
from kg.extract.model import EntityMention, Token
from kg.extract.morphology import Morphology, load_morphology
from kg.extract.quotes import CLOSING
from kg.vocabulary import ActorClass

__all__ = [
    "NP_INNER",
    "clause_bounds",
    "finite_verb",
    "full_lemma",
    "governor",
    "is_boundary",
    "is_negated",
    "is_passive",
    "is_subjunctive",
    "is_temporal_noun",
    "is_zu_infinitive",
    "negates",
]

#: Parts of speech that may stand between a preposition and its noun.
NP_INNER = {"ART", "ADJ(A)", "ADJ(D)", "PPOSAT", "PIAT", "PIDAT", "CARD", "PDAT", "PRELAT", "ADV"}
_CLAUSE_STARTERS = {"KOUS", "PRELS", "PWAV", "PWS", "KOUI"}
_PARTICLES = {
    "mit",
    "an",
    "auf",
    "vor",
    "zu",
    "hinzu",
    "ein",
    "aus",
    "ab",
    "bei",
    "zurück",
    "fest",
    "zusammen",
}
_TEMPORAL = (
    MONTH_NAMES
    | WEEKDAY_NAMES
    | {
        "vortag",
        "tag",
        "nacht",
        "woche",
        "monat",
        "jahr",
        "uhr",
        "ortszeit",
        "morgen",
        "abend",
        "wochenende",
        "mittag",
        "twitter",
        "telefon",
        "x",
    }
)


_PARTS_OF_DAY = ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht")


def is_temporal_noun(lemma: str) -> bool:
    """A noun of time ("Montag", "Woche", "Mittwochabend"), which governs no actor.

    >>> is_temporal_noun("Mittwochabend"), is_temporal_noun("Juli"), is_temporal_noun("Abkommen")
    (True, True, False)
    """
    low = lemma.lower()
    return low in _TEMPORAL or any(
        low.startswith(day) and low[len(day) :] in _PARTS_OF_DAY for day in WEEKDAY_NAMES
    )


def full_lemma(tokens: Sequence[Token], i: int) -> str:
    """The verb lemma with a separated particle joined ("rief … auf" → "aufrufen")."""
    tok = tokens[i]
    lemma = tok.lemma.lower()
    if tok.pos.endswith("(FIN)") or tok.pos.endswith("(IMP)"):
        for n, t in enumerate(tokens[i + 1 :], i + 1):
            nxt = tokens[n + 1].text if n + 1 < len(tokens) else "."
            if t.pos == "PTKVZ" or (
                t.pos in ("APPR", "ADV", "PTKANT")
                and (nxt in (".", ",", ";", "!", "?") or nxt in CLOSING)  # "… auf“, sagte X"
                and t.text.lower() in _PARTICLES
            ):
                return t.text.lower() + lemma
            if t.text in (",", ";", ":") or t.pos in ("$.",) or t.pos.endswith("(FIN)"):
                break  # the particle of a later verb is not this verb's
    return lemma


def weak_past_infinitive(word: str) -> str | None:
    """The infinitive a weak verb's past form would have ("umzingelten" → "umzingeln",
    "meldeten" → "melden", "bombardierte" → "bombardieren"): the stem before "-te(n)" with
    "-en" ("-n" after "-el" and "-er"; an "-e" after "d" or "t" is the link), or None. A
    guess for a form the tagger left unlemmatised, only to be checked against known verbs.

    >>> [weak_past_infinitive(w) for w in ("umzingelten", "meldeten", "bombardierte", "rief")]
    ['umzingeln', 'melden', 'bombardieren', None]
    """
    w = word.lower()
    ending = next((e for e in ("ten", "test", "tet", "te") if w.endswith(e)), None)
    stem = w[: -len(ending)] if ending else ""
    if len(stem) < 3:
        return None
    if stem.endswith("e") and stem[-2] in "dt":
        stem = stem[:-1]
    return stem + ("n" if stem.endswith(("el", "er")) and not stem.endswith("ier") else "en")


def is_boundary(tokens: Sequence[Token], j: int) -> bool:
    """Whether the token at ``j`` ends a clause: ";" ":" and commas that open a new clause
    (subordinator, relative pronoun, verb, quote) rather than an apposition or a list."""
    t = tokens[j]
    if t.text in (";", ":", "–", "—") or t.pos == "$.":
        return True
    if t.text != ",":
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is None:
        return True
    if (
        nxt.pos in ("APPR", "APPRART")
        and j + 2 < len(tokens)
        and tokens[j + 2].pos in ("PRELS", "PWS", "PWAV")
    ):
        return True
    if (
        nxt.pos.endswith(("(PP)", "(INF)"))
        and j + 2 < len(tokens)
        and (tokens[j + 2].pos == "$." or tokens[j + 2].text == ",")
        and not (j > 0 and tokens[j - 1].pos.startswith(("VV", "VA", "VM")))
    ):
        # the closing verb after an apposition: "wurden von Oman, einem Mitglied des
        # Golf-Kooperationsrats, vermittelt." (the verb still belongs to the clause)
        return False
    if nxt.pos in _CLAUSE_STARTERS or nxt.pos.startswith(("VV", "VA", "VM")) or nxt.pos == "$(":
        return True
    if j > 0 and tokens[j - 1].pos.startswith(("VV", "VA", "VM")):
        # a verb before the comma ends its clause: "Er sagte, Serbien werde ... nicht
        # zulassen" (reported speech without "dass": its negation is not the verb's)
        return True
    if _finite_beside(tokens, j, -1) and _finite_beside(tokens, j, 1):
        # a finite clause on either side: "sagte dagegen, die Regierung sei nicht bereit",
        # "sagte der Minister, Somalia sei nicht bereit" (the negation is not the saying's)
        return True
    if nxt.text in ("aber", "sondern", "doch", "und", "so", "dies", "das", "es", "er", "sie"):
        return nxt.text not in ("und",) or (
            j + 2 < len(tokens) and tokens[j + 2].pos.startswith(("VV", "VA", "VM", "PP"))
        )
    return j > 0 and tokens[j - 1].text in CLOSING  # "„…“, sagte X": the quotation ends


def _finite_beside(tokens: Sequence[Token], j: int, step: int) -> bool:
    """A finite verb between the comma at ``j`` and the punctuation before it (``step``
    -1) or after it (+1)."""
    k = j + step
    while 0 <= k < len(tokens) and tokens[k].text not in (",", ";", ":") and tokens[k].pos != "$.":
        if tokens[k].pos.endswith("(FIN)"):
            return True
        k += step
    return False


def clause_bounds(tokens: Sequence[Token], i: int) -> tuple[int, int]:
    """Token range [a, b) of the clause around ``i``."""
    a = i
    while a > 0 and not is_boundary(tokens, a - 1):
        a -= 1
    b = i
    while b < len(tokens) and not is_boundary(tokens, b):
        b += 1
    return a, b


def finite_verb(tokens: Sequence[Token], i: int) -> int | None:
    """The finite verb the (non-finite) verb at ``i`` depends on, searched leftwards in its
    clause, then in the sentence (a coordinated verb phrase shares the finite verb)."""
    if tokens[i].pos.endswith("(FIN)"):
        return i
    a, b = clause_bounds(tokens, i)
    for j in range(b - 1, a - 1, -1):
        if tokens[j].pos.endswith("(FIN)") and j != i:
            return j
    if tokens[a].pos in ("PRELS", "PRELAT", "KOUS") and tokens[i].pos == "VV(PP)" and i == b - 1:
        # "…, deren Abzug Chisinau verlangt": a subordinate clause ends with its finite verb;
        # with no other verb in it, the "participle" the tagger saw is that verb
        return i
    for j in range(a - 1, -1, -1):
        if tokens[j].pos.endswith("(FIN)"):
            return j
    return None


def is_zu_infinitive(tokens: Sequence[Token], i: int, *, perfect: bool = True) -> bool:
    """The verb at ``i`` is a zu-infinitive ("zu vermitteln", "einzulenken") or, with
    ``perfect``, the participle of a perfect one ("angegriffen zu haben", "getötet worden
    zu sein").

    >>> ts = [Token(0, 0, 0, "angegriffen", "angreifen", "VV(PP)"),
    ...       Token(1, 0, 0, "zu", "zu", "PTKZU"), Token(2, 0, 0, "haben", "haben", "VA(INF)")]
    >>> is_zu_infinitive(ts, 0), is_zu_infinitive(ts, 0, perfect=False)
    (True, False)
    """
    t = tokens[i]
    if not t.pos.startswith("VV"):
        return False
    if t.pos.endswith("(IZU)") or (i > 0 and tokens[i - 1].text.lower() == "zu"):
        return True
    if not perfect:
        return False
    j = i + 1
    if j < len(tokens) and tokens[j].text.lower() == "worden":
        j += 1
    return (
        t.pos == "VV(PP)"
        and j + 1 < len(tokens)
        and tokens[j].text.lower() == "zu"
        and tokens[j + 1].lemma.lower() in ("haben", "sein")
    )


def is_passive(tokens: Sequence[Token], i: int) -> bool:
    """A participle with a form of "werden" in its clause ("wurde … vermittelt")."""
    if not tokens[i].pos.endswith("(PP)"):
        return False
    a, b = clause_bounds(tokens, i)
    return any(
        (t.lemma.lower() == "werden" and t.text.lower() not in ("wird", "werden"))
        or t.text.lower() == "worden"
        for t in tokens[a:b]
    ) or any(
        t.lemma.lower() == "werden" and t.pos.startswith("VA") and j > i
        for j, t in enumerate(tokens[a:b], a)
    )


def is_subjunctive(tokens: Sequence[Token], i: int, *, forms: Set[str] | None = None) -> bool:
    """The clause of ``i`` is reported speech in Konjunktiv I ("die von den USA vermittelt
    worden seien"): someone's claim, not the article's statement. ``forms``: the finite
    forms that mark it (default: ``morphology.yaml`` ``subjunctive_forms``).

    >>> from kg.extract.model import Token
    >>> words = "vermittelt worden seien".split()
    >>> toks = [Token(n, 0, 0, w, w.lower(), "X") for n, w in enumerate(words)]
    >>> is_subjunctive(toks, 0)
    True
    """
    forms = load_morphology().subjunctive_forms if forms is None else forms
    a, b = clause_bounds(tokens, i)
    return any(t.text.lower() in forms for t in tokens[a:b])


def negates(tokens: Sequence[Token], j: int, negation: Set[str]) -> bool:
    """The token at ``j`` is a negation word (the ``negation`` cue list) that negates:
    not "nicht nur", "nicht zuletzt" (X and more)."""
    return tokens[j].text.lower() in negation and not (
        j + 1 < len(tokens) and tokens[j + 1].text.lower() in ("nur", "zuletzt")
    )


def is_negated(tokens: Sequence[Token], i: int, negation: Set[str]) -> bool:
    """A negation word (the ``negation`` cue list) in the clause of ``i`` ("nicht",
    "keine", "nie"), not "nicht nur"."""
    a, b = clause_bounds(tokens, i)
    return any(
        negates(tokens, j, negation) and not _negates_attribute(tokens, j, i) for j in range(a, b)
    )


def _negates_attribute(tokens: Sequence[Token], j: int, i: int) -> bool:
    """The negation at ``j`` negates an attribute after it, not the clause of ``i`` ("Der
    von Moskau nicht mehr anerkannte Präsident rief … auf")."""
    k = j + 1
    while k < len(tokens) and tokens[k].pos == "ADV":
        k += 1
    return k < len(tokens) and k != i and tokens[k].pos == "ADJ(A)"


def _preposition(tok: Token, morph: Morphology) -> str:
    """A preposition's lemma, with a fused article taken off ("zum" → "zu")."""
    return morph.fused_prepositions.get(tok.text.lower(), tok.lemma.lower())


def governor(
    tokens: Sequence[Token], m: EntityMention, previous: EntityMention | None, *, morph: Morphology
) -> str:
    """What governs a mention: a preposition ("mit"), a complex preposition ("unter
    vermittlung", "auf einladung"), "gen:<noun>" for a genitive attribute, "poss" for a
    possessor ("Russlands Verpflichtungen"), or "" for none (subject/object); ``morph``
    gives the fused prepositions."""
    j = m.first - 1
    # a group phrase keeps its article ("der Angriff der Rebellen"): a genitive's or not
    articles = [tokens[m.first].text.lower()] if tokens[m.first].pos == "ART" else []
    while (
        j >= 0
        and (tokens[j].pos in NP_INNER or tokens[j].text.lower() in ("dessen", "deren"))
        and tokens[j].text not in (",",)
    ):
        if tokens[j].pos == "ART":
            articles.append(tokens[j].text.lower())
        j -= 1
    if j < 0:
        return _possessor(tokens, m)
    t = tokens[j]
    if t.pos == "NN" and j + 1 <= m.first and _participle(tokens[j + 1]):
        # "dem im schwedischen Exil lebenden GAM-Führer X": the phrase before the
        # participle is its own; the article before it governs the name
        k = j - 1
        while k >= 0 and tokens[k].pos in NP_INNER:
            k -= 1
        if k >= 0 and tokens[k].pos in ("APPR", "APPRART"):
            return governor(tokens, replace(m, first=k), previous, morph=morph)
    if t.pos in ("APPR", "APPRART", "APPO"):
        return _preposition(t, morph)
    if t.pos == "NN" and (
        is_temporal_noun(t.lemma)
        or any(a not in ("der", "des", "eines", "einer") for a in articles)
    ):
        return ""  # "am Freitag Armenien ...", "auf Twitter dem Präsidenten": not a genitive
    if (
        t.pos == "NN"
        and j == m.first - 1
        and not m.text.endswith("s")
        # "der Einmarsch irakischer Truppen": an adjective opens a genitive, not a name;
        # nor is a phrase with its own article a close apposition
        and not tokens[m.first].pos.startswith(("ADJ", "ART"))
    ):
        # close apposition, the name right after its class noun: "die linke
        # Guerillagruppe ELN", "Kremlsprecher Peskow", "dem ELN-Kommandanten García"
        # (a genitive name would be "der ELN" or end in -s): the noun phrase's governor
        return governor(tokens, replace(m, first=j), previous, morph=morph)
    if (
        t.pos == "NN"
        and j == m.first - 1
        and tokens[m.first].pos == "ADJ(A)"
        and tokens[m.first].text.endswith("e")
    ):
        # "in Transnistrien russische Soldaten": an adjective in -e opens no genitive (a
        # bare genitive plural ends in -er: "der Einmarsch irakischer Truppen")
        return ""
    if t.pos == "NN":
        k = j - 1
        while k >= 0 and tokens[k].pos in NP_INNER:
            k -= 1
        if k >= 0 and tokens[k].pos in ("APPR", "APPRART"):
            return f"{_preposition(tokens[k], morph)} {t.lemma.lower()}"
        return f"gen:{t.lemma.lower()}"
    if (
        (t.text in (",", "und", "sowie", "oder") or t.pos == "KON")
        and previous is not None
        and previous.last >= j - 1
        # "mit X telefoniert und beide Seiten ... aufgerufen": a verb ends the phrase, so
        # does a verb's particle ("warf Ruanda vor, die M23 zu unterstützen")
        and not (previous.last == j - 1 and tokens[j - 1].pos.startswith(("V", "PTKVZ")))
        # "Am Montag sagte Kenia, Russland habe eingelenkt": a finite verb right after
        # the phrase makes it the subject of a clause of its own, not a list's item
        and not (t.text == "," and m.last < len(tokens) and tokens[m.last].pos.endswith("(FIN)"))
        # "beschuldigte Algerien, Rebellen im Norden zu unterstützen": a zu-infinitive
        # after the phrase opens a clause of its own
        and not (t.text == "," and _infinitive_follows(tokens, m.last))
    ):
        return "&"
    if t.text == "," and j > 0 and tokens[j - 1].pos == "NN":
        # apposition to a noun in a prepositional phrase: "mit seinen Kollegen, Präsident X"
        k = j - 2
        while k >= 0 and tokens[k].pos in NP_INNER:
            k -= 1
        if k >= 0 and tokens[k].pos in ("APPR", "APPRART"):
            return _preposition(tokens[k], morph)
    return _possessor(tokens, m)


def _infinitive_follows(tokens: Sequence[Token], k: int) -> bool:
    """A zu-infinitive ends the stretch from ``k`` to the next comma or full stop."""
    while k < len(tokens) and tokens[k].text not in (",", ".", ";", ":"):
        if tokens[k].pos == "PTKZU" or tokens[k].pos.endswith("(IZU)"):
            return True
        k += 1
    return False


def _participle(tok: Token) -> bool:
    """An adjective that is a present or past participle ("lebenden", "vermittelten")."""
    w = tok.text.lower()
    return tok.pos.startswith("ADJ") and (
        tok.verb is not None  # the tagger's analysis: "kontrollierten" of "kontrollieren"
        or w.endswith(("end", "ende", "enden", "endem", "ender", "endes"))
        or (tok.lemma.lower().endswith("t") and w.startswith("ge"))
    )


def _possessor(tokens: Sequence[Token], m: EntityMention) -> str:
    if (
        m.cls != ActorClass.PERSON
        and m.text.endswith("s")
        and m.last < len(tokens)
        and tokens[m.last].pos == "NN"
        and not m.offices
    ):
        return "poss"
    return ""
