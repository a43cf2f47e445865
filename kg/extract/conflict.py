"""Stage 8b: the armed conflict the article is about.

Reads resolved mentions, tagged sentences, time expressions and the dictionary; writes a
:class:`~kg.extract.model.Conflict`: a known conflict named in the text or whose parties
and places the article names (at least two of them), else a conflict minted from the
region the article names most often, with the sides "Kämpfe zwischen A und B" names.
Its start is the START time expression of a sentence about the fighting breaking out
("seit seinem Ausbruch am …", "waren am … aufgeflammt", "war im November 2020
ausgebrochen"); places named in that sentence ("im Norden Äthiopiens") are its locations.
With no region at all, a dated outbreak makes a conflict between the two states the
article names most ("Konflikt zwischen Thailand und Kambodscha").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from kg.dictionary import ActorDictionary
from kg.extract.dates import TimeExpression, TimeKind
from kg.extract.lexicon import Lexicon
from kg.extract.model import Conflict, EntityMention, TaggedSentence

__all__ = ["find_conflict"]


def find_conflict(
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    exprs: Mapping[int, list[TimeExpression]],
    dictionary: ActorDictionary,
    lex: Lexicon,
) -> Conflict | None:
    d = dictionary
    named = Counter(k for m in mentions for k in m.keys)
    conflict_nouns = lex.cue("conflict_nouns")
    start_words = lex.cue("conflict_start_verbs") | lex.cue("conflict_start_nouns")
    onset_nouns = lex.cue("conflict_onset_nouns")
    duration_verbs = lex.cue("conflict_duration_verbs")
    best: tuple[int, str] | None = None
    for e in d:
        if e.cls != "ArmedConflict":
            continue
        score = (
            10 * named[e.key]
            + sum(1 for p in e.rel("party") if named[p])
            + sum(2 for p in e.rel("location") if named[p])
        )
        # a conflict not named needs two distinct entities of it in the text: a state that
        # is both party and place ("Türkei") is one clue, not two
        clues = {p for p in (*e.rel("party"), *e.rel("location")) if named[p]}
        if not named[e.key] and len(clues) < 2:
            continue
        if score >= 2 and (best is None or score > best[0]):
            best = (score, e.key)
    parties: list[str] = []
    locations: list[str] = []
    start = None
    sentence = None
    for ts in sentences:
        lemmas = [t.lemma.lower() for t in ts.tokens]
        has_conflict = any(any(lm.endswith(c) for c in conflict_nouns) for lm in lemmas) or (
            # the attack on a party named as the war's onset: "Der Angriff auf X begann ..."
            any(lm in onset_nouns for lm in lemmas)
            and any(t.text.lower() == "auf" for t in ts.tokens)
            and any(lm in lex.cue("conflict_start_verbs") for lm in lemmas)
        )
        if not has_conflict:
            continue
        sms = [m for m in mentions if m.sentence == ts.sentence.index and m.keys]
        for j, t in enumerate(ts.tokens):
            if t.text.lower() == "zwischen":
                for m in sms:
                    if j < m.first <= j + 5 and d.is_a(m.keys[0], "State", "Organization"):
                        parties.append(m.keys[0])
        if start is None and (
            any(lm in start_words or any(lm.endswith(w) for w in start_words) for lm in lemmas)
            # "Der Konflikt dauert seit 1988 an": a lasting conflict's "seit" date
            or any(lm in duration_verbs for lm in lemmas)
        ):
            st = [e for e in exprs.get(ts.sentence.index, []) if e.kind == TimeKind.START]
            if st:
                start = (st[0].value, st[0].datatype)
                sentence = ts.sentence.index
                for m in sms:
                    if d.is_a(m.keys[0], "Region", "State") and m.kind.value == "name":
                        locations.append(m.keys[0])
    if best is not None:
        e = d[best[1]]
        return Conflict(
            key=e.key,
            label=e.label_de,
            parties=tuple(dict.fromkeys([*e.rel("party"), *parties])),
            locations=tuple(dict.fromkeys([*e.rel("location"), *locations])),
            start=start,
            sentence=sentence,
            known=True,
        )
    regions = Counter(k for m in mentions for k in m.keys if d.is_a(k, "Region"))
    if not regions and not start:
        return None
    region = regions.most_common(1)[0][0] if regions else (locations[0] if locations else None)
    if region is None:
        # "Die Kämpfe waren am 24. Juli ausgebrochen" in an article about two states and no
        # region: the conflict between the two states the article names most
        states = Counter(
            k for m in mentions if m.kind.value == "name" for k in m.keys if d.is_a(k, "State")
        )
        sides = parties[:2] or [k for k, _n in states.most_common(2)]
        if start is None or len(sides) < 2:
            return None
        a, b = sorted(sides)
        name_a, name_b = (d[k].label_de if k in d else k for k in (a, b))
        return Conflict(
            key=f"{a}-{b}-conflict",
            label=f"Konflikt zwischen {name_a} und {name_b}",
            parties=(a, b),
            locations=(),
            start=start,
            sentence=sentence,
        )
    label = f"Konflikt um {d[region].label_de}" if region in d else f"Konflikt {region}"
    return Conflict(
        key=f"{region}-conflict",
        label=label,
        parties=tuple(dict.fromkeys(parties)),
        locations=tuple(dict.fromkeys([region, *locations])),
        start=start,
        sentence=sentence,
    )
