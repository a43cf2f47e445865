"""Grammatical functions of entity mentions, read off the dependency parse.

Reads a parsed :class:`~kg.extract.model.TaggedSentence` and its mentions; answers, for a
predicate (the trigger's content verb or event noun), which mentions fill which slot:

=============  ==============================================================
slot           UD relation (of the mention's head, after climbing)
=============  ==============================================================
``subj``       ``nsubj`` (active subject)
``obj``        ``obj`` (accusative object)
``dat``        ``iobj``, or ``obl:arg``/``obl`` without preposition (dative)
``pass-subj``  ``nsubj:pass`` (the patient of a passive)
``agent``      ``obl:agent`` ("von"/"durch" in a passive)
PREPOSITION    ``obl``/``nmod`` with that preposition (``mit``, ``zwischen`` …)
=============  ==============================================================

Climbing: a conjunct takes the function of the first conjunct ("A, B und C"), an
apposition that of its anchor ("die Präsidenten …, A, B und C"), a name part that of the
name, and the genitive of a proxy noun that of the noun ("Vertreter der Armee"). A
predicate without a subject of its own takes it from where German grammar puts it: the
antecedent of a relative pronoun, the first of coordinated verbs, the controller of a
zu-infinitive.

>>> from kg.extract.model import EntityMention, MentionKind, Parse, Sentence, TaggedSentence
>>> from kg.extract.model import Token
>>> words = [("Dem", "ART"), ("Pakt", "NN"), ("gehören", "VV(FIN)"), ("Chile", "NE"),
...          ("und", "KON"), ("Peru", "NE"), ("an", "PTKVZ")]
>>> toks = tuple(Token(i, i, i + 1, w, w.lower(), p) for i, (w, p) in enumerate(words))
>>> deps = ("det", "iobj", "root", "nsubj", "cc", "conj", "compound:prt")
>>> parse = Parse((1, 2, 2, 2, 5, 3, 2), deps)
>>> ts = TaggedSentence(Sentence(0, 0, 7, "x"), toks, parse)
>>> ms = [EntityMention(0, i, i + 1, i, i + 1, w, MentionKind.NAME, (w,))
...       for i, w in ((1, "Pakt"), (3, "Chile"), (5, "Peru"))]
>>> from kg.extract.morphology import load_morphology
>>> slots = argument_slots(ts, 2, ms, proxies=frozenset(), morph=load_morphology())
>>> sorted((m.text, slot) for m, slot in slots)
[('Chile', 'subj'), ('Pakt', 'dat'), ('Peru', 'subj')]
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from kg.extract.model import EntityMention, Parse, TaggedSentence, Token
from kg.extract.morphology import Morphology

__all__ = [
    "argument_slots",
    "attribute_arguments",
    "auxiliaries",
    "clause_subject",
    "complement_subjects",
    "mention_head",
    "participle_attribute",
    "preposition",
]

_CLIMB = {"conj", "appos", "flat", "flat:name", "nmod:poss"}
_SUBJECT_SLOTS = ("subj", "pass-subj")


def mention_head(parse: Parse, m: EntityMention) -> int:
    """The token of the mention whose governor lies outside it (its syntactic head)."""
    for i in range(m.first, m.last):
        h = parse.heads[i]
        if h == i or not m.first <= h < m.last:
            return i
    return m.first


def preposition(toks: Sequence[Token], parse: Parse, i: int, *, morph: Morphology) -> str | None:
    """The preposition ("case" dependent) of the phrase headed by ``i``, normalised
    ("zum" → "zu") by ``morph``."""
    for c in parse.dependents(i, "case"):
        w = toks[c].text.lower()
        return morph.preposition(w)
    return None


def _climb(
    toks: Sequence[Token], parse: Parse, i: int, proxies: Container[str], morph: Morphology
) -> int:
    """From a mention's head to the phrase that bears its function in the clause."""
    seen = set()
    while i not in seen:
        seen.add(i)
        h, dep = parse.heads[i], parse.deps[i]
        if h == i:
            return i
        prep = preposition(toks, parse, i, morph=morph) if dep == "nmod" else None
        if dep in _CLIMB or dep.startswith("flat"):
            i = h
        elif (
            dep == "nmod"
            and toks[h].lemma.lower() in proxies
            and (prep in ("von", "aus") or (prep is None and _genitive_form(toks, parse, i)))
        ):
            i = h  # "Vertreter der Armee", "eine Delegation aus Kiew": the group acts
        elif dep == "amod" and toks[h].lemma.lower() in proxies:
            i = h  # "die griechische Delegation": the state acts through it
        elif (
            dep == "nmod"
            and h == i - 1
            and toks[i].pos == "NE"
            and toks[h].pos == "NN"
            and not (toks[h].lemma.lower() in proxies and parse.dependents(h, "amod"))
            and not parse.dependents(i, "case")
        ):
            # "die Gemeinschaft Sant'Egidio": a name right after its noun (but a group
            # its adjective already names is not named again: "die griechische Delegation
            # Ankara" is two phrases)
            i = h
        else:
            return i
    return i


def _genitive_form(toks: Sequence[Token], parse: Parse, i: int) -> bool:
    """The phrase headed by ``i`` can be a genitive: it has a determiner ("der Armee") or
    ends in -s ("Kiews", "Sri Lankas"); a bare "Ankara" after "die Delegation" is a phrase
    of its own."""
    last = max((i, *parse.dependents(i, "flat", "flat:name")))
    return bool(parse.dependents(i, "det", "det:poss")) or toks[last].text.endswith(("s", "'"))


def _slot(toks: Sequence[Token], parse: Parse, i: int, morph: Morphology) -> str | None:
    dep = parse.deps[i]
    if dep == "nsubj":
        return "subj"
    if dep == "nsubj:pass":
        return "pass-subj"
    if dep == "obj":
        return "obj"
    if dep == "iobj":
        return "dat"
    if dep == "obl:agent":
        return "agent"
    if dep.split(":")[0] in ("obl", "nmod"):
        p = preposition(toks, parse, i, morph=morph)
        if p is None:
            return "dat" if dep == "obl:arg" else None
        return p
    return None


def auxiliaries(ts: TaggedSentence, pred: int) -> tuple[Token, ...]:
    """The auxiliaries and modal verbs of the predicate ``pred`` ("hat … angeboten",
    "kann … entsenden", "könnte … geschickt werden")."""
    parse = ts.parse
    if parse is None:
        return ()
    return tuple(ts.tokens[c] for c in parse.dependents(pred, "aux"))


def _zu_infinitive(ts: TaggedSentence, p: int) -> bool:
    """The verb at ``p`` is a zu-infinitive ("zurückzuerobern", "zu verhandeln")."""
    assert ts.parse is not None
    toks = ts.tokens
    return toks[p].pos == "VV(IZU)" or any(
        toks[c].pos == "PTKZU" for c in ts.parse.dependents(p, "mark")
    )


def clause_subject(ts: TaggedSentence, pred: int, *, morph: Morphology) -> tuple[int, str] | None:
    """The token standing as subject of ``pred`` and its slot, including a subject the
    predicate shares: the antecedent of a relative pronoun, the first of coordinated
    verbs ("begrüßte X und rief Y auf"), the controller of a zu-infinitive, the verb an
    auxiliary or a modal chain depends on."""
    parse = ts.parse
    if parse is None:
        return None
    toks = ts.tokens
    seen: set[int] = set()
    p = pred
    while p not in seen:
        seen.add(p)
        subj = parse.dependents(p, "nsubj", "nsubj:pass")
        if subj:
            s = subj[0]
            slot = "pass-subj" if parse.deps[s] == "nsubj:pass" else "subj"
            # (the tagger may read the pronoun as an article, "einem US-Kampfjet, der
            # Stellungen … bombardierte": an article that is itself the subject is one)
            pronoun = toks[s].pos == "PRELS" or (
                toks[s].pos == "ART" and toks[s].text.lower() in ("der", "die", "das")
            )
            if pronoun and parse.deps[p] == "acl:relcl":
                return parse.heads[p], slot  # "Holbrooke, der … vermittelt hatte"
            return s, slot
        dep, h = parse.deps[p], parse.heads[p]
        if dep == "ccomp" and _zu_infinitive(ts, p):
            # the parser's ccomp for "versuchten, die Hafenstadt zurückzuerobern": a
            # zu-infinitive has no subject of its own, whatever its label
            dep = "xcomp"
        if h == p or dep not in ("conj", "xcomp", "ccomp:inf", "advcl:inf"):
            return None
        if dep == "xcomp" and not morph.is_subject_control(toks[h].lemma):
            # object control: "forderte X auf, … zu verhandeln", "warf X vor, … zu haben"
            obj = [
                c
                for c in parse.dependents(h, "obj", "iobj", "obl:arg")
                if not parse.dependents(c, "case")
            ]
            if obj:
                return obj[0], "subj"
        p = h
    return None


def complement_subjects(ts: TaggedSentence, pred: int, *, morph: Morphology) -> tuple[int, ...]:
    """The subjects (with their conjuncts) of the complement clauses of the verb ``pred``
    that say what ought to happen: a clause opened by a conjunction such as "dass"
    ("verlangte, dass die ELN die Geiseln freilässt") or a verb-second clause with a modal
    of obligation ("forderte, Russland müsse seine Truppen abziehen"); the words are
    ``morph.complement_conjunctions`` and ``morph.obligation_modals``.

    >>> from kg.extract.model import Parse, Sentence
    >>> words = [("USA", "usa", "NE"), ("forderten", "fordern", "VV(FIN)"), (",", ",", "$,"),
    ...          ("Russland", "russland", "NE"), ("müsse", "müssen", "VM(FIN)"),
    ...          ("abziehen", "abziehen", "VV(INF)")]
    >>> toks = tuple(Token(i, i, i + 1, *w) for i, w in enumerate(words))
    >>> parse = Parse((1, 1, 5, 5, 5, 1), ("nsubj", "root", "punct", "nsubj", "aux", "ccomp"))
    >>> ts = TaggedSentence(Sentence(0, 0, 6, "x"), toks, parse)
    >>> from kg.extract.morphology import load_morphology
    >>> complement_subjects(ts, 1, morph=load_morphology())
    (3,)
    """
    parse = ts.parse
    if parse is None:
        return ()
    toks = ts.tokens
    out: list[int] = []
    for c in parse.children(pred):
        if c < pred or parse.deps[c].split(":")[0] not in ("ccomp", "advcl", "conj", "parataxis"):
            continue
        if not toks[c].pos.startswith("V"):
            continue
        marks = [toks[k].text.lower() for k in parse.dependents(c, "mark")]
        modals = [toks[k].lemma.lower() for k in parse.dependents(c, "aux")]
        if marks:
            wanted = all(w in morph.complement_conjunctions for w in marks)
        else:
            wanted = any(m in morph.obligation_modals for m in modals)
        if wanted:
            out += [k for s in parse.dependents(c, "nsubj") for k in parse.conjuncts(s)]
    return tuple(out)


def attribute_arguments(ts: TaggedSentence, pred: int) -> set[int]:
    """Tokens inside the arguments of participle attributes other than ``pred`` ("von
    Norwegen" in "das von Norwegen vermittelte Abkommen"): they are not ``pred``'s."""
    parse = ts.parse
    if parse is None:
        return set()
    kids: dict[int, list[int]] = {}
    for j, h in enumerate(parse.heads):
        if h != j:
            kids.setdefault(h, []).append(j)
    out: set[int] = set()
    for p, dep in enumerate(parse.deps):
        if (
            p == pred
            or dep not in ("amod", "acl")
            or not ts.tokens[p].pos.startswith(("ADJ", "VV"))
        ):
            continue
        todo = [c for c in kids.get(p, ()) if parse.deps[c] not in ("advmod", "punct")]
        while todo:
            c = todo.pop()
            out.add(c)
            todo.extend(kids.get(c, ()))
    return out


def _attribute_slots(
    ts: TaggedSentence,
    pred: int,
    mentions: Sequence[EntityMention],
    proxies: Container[str],
    morph: Morphology,
) -> list[tuple[EntityMention, str]]:
    """A participle as attribute is a passive ("das von Norwegen vermittelte Abkommen"):
    its "von"/"durch" phrase is the agent, the noun it describes the passive subject."""
    parse = ts.parse
    assert parse is not None
    toks = ts.tokens
    noun = parse.heads[pred]
    out = []
    for m in mentions:
        top = _climb(toks, parse, mention_head(parse, m), proxies, morph)
        if parse.heads[top] == pred and top != pred:
            prep = preposition(toks, parse, top, morph=morph)
            if prep is not None and morph.is_agent_preposition(prep):
                out.append((m, "agent"))
        elif top == noun:
            out.append((m, "pass-subj"))
    return out


def participle_attribute(toks: Sequence[Token], parse: Parse, i: int) -> bool:
    """Token ``i`` is a participle the parse hangs on a noun as its attribute ("das von
    Norwegen vermittelte Abkommen"); a finite verb is none: the parser's "acl" on it is a
    relative clause ("…, deren Generalsekretär X die Gespräche begleitete")."""
    return (
        parse.deps[i] in ("amod", "acl")
        and parse.heads[i] != i
        and not toks[i].pos.endswith("(FIN)")
    )


def argument_slots(
    ts: TaggedSentence,
    pred: int,
    mentions: Sequence[EntityMention],
    *,
    proxies: Container[str],
    morph: Morphology,
) -> list[tuple[EntityMention, str]]:
    """The mentions that are arguments of ``pred`` (directly, or through the shared
    subject of :func:`clause_subject`), each with its slot; ``morph``: the grammar word
    lists."""
    parse = ts.parse
    if parse is None:
        return []
    toks = ts.tokens
    if participle_attribute(toks, parse, pred):
        return _attribute_slots(ts, pred, mentions, proxies, morph)
    shared = clause_subject(ts, pred, morph=morph)
    fronted = None
    nominative = [
        c for c in parse.dependents(pred, "nsubj") if morph.case_of(toks[c].text) == "nom"
    ]
    relative = (
        parse.deps[pred] == "acl:relcl" and shared is not None and shared[0] == parse.heads[pred]
    )
    if shared is not None and len(nominative) == 1 and shared[0] != nominative[0] and not relative:
        # "Russlands Präsident Putin dankte er für die Hilfe": of two subjects the parse
        # gives, a pronoun only a nominative can be is the one; the other is an object
        fronted, shared = shared[0], (nominative[0], "subj")
    out = []
    for m in mentions:
        head = mention_head(parse, m)
        glued = parse.heads[head]
        glued_on = parse.deps[head].startswith("flat") or (
            parse.deps[head] == "nmod"
            and glued == head - 1
            and toks[head].pos == "NE"
            and not parse.dependents(head, "case")
            and not _genitive_form(toks, parse, head)
        )
        if (
            glued_on
            and parse.heads[glued] == pred
            and any(x.first <= glued < x.last for x in mentions if x is not m)
        ):
            # "traf in Santiago Präsident Augusto Pinochet", "warf Präsident X Moskau
            # vor", "forderte die UN-Generalversammlung Eritrea auf": a name the parse
            # glued to another actor's name is a phrase of its own, the verb's object
            out.append((m, "obj"))
            continue
        top = _climb(toks, parse, head, proxies, morph)
        if top == fronted:
            out.append((m, "obj"))
        elif parse.heads[top] == pred and top != pred:
            slot = _slot(toks, parse, top, morph)
            if slot in _SUBJECT_SLOTS and shared is not None and shared[0] != top:
                slot = None  # a second "subject" beside the real one is a parse error
            if slot:
                out.append((m, slot))
        elif shared is not None and shared[0] in (top, head):
            # (the antecedent itself, wherever it hangs: "die Soldaten wurden von einem
            # US-Kampfjet unterstützt, der … bombardierte")
            out.append((m, shared[1]))
    return out
