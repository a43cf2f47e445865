"""Stage 2b: a UD dependency analysis of every sentence.

Reads :class:`~kg.extract.model.TaggedSentence` records (the project's tokens with
HanTa's lemma and STTS tag); writes them again with :attr:`TaggedSentence.parse`, a
:class:`~kg.extract.model.Parse`: each token's governor and UD v2 relation (``nsubj``,
``obj``, ``obl:agent``, ``conj`` …; the content verb is the head, auxiliaries and the
copula depend on it).

The parser is spaCy's transition-based parser, trained by ``scripts/train_parser.py`` on
UD German treebanks (never on PUD, the evaluation set) with HanTa's tags and lemmas as
input features, and shipped in ``kg/data/models/parser-de``. Nothing is downloaded.
A few rules of German grammar then mend what a small treebank teaches badly
(:func:`mend`): "von"/"durch" in a passive clause is the agent.

>>> from kg.extract.model import Sentence
>>> from kg.extract.tokens import Tagger
>>> text = "Die Regierung wurde von den Rebellen angegriffen."
>>> ts = DependencyParser().parse(Tagger().tag(Sentence(0, 0, len(text), text)))
>>> [(ts.tokens[i].text, ts.parse.deps[i], ts.tokens[ts.parse.heads[i]].text)
...  for i in (1, 5)]
[('Regierung', 'nsubj:pass', 'angegriffen'), ('Rebellen', 'obl:agent', 'angegriffen')]
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from kg.extract.model import Parse, TaggedSentence, Token
from kg.extract.morphology import Morphology, load_morphology
from kg.resources import data_dir

__all__ = [
    "MAX_PARSE_TOKENS",
    "DependencyParser",
    "dateline_length",
    "feature_doc",
    "mend",
    "model_dir",
]

#: Sentences longer than this are not parsed (the parser is linear, but a "sentence" of
#: thousands of tokens is a list or markup, not German): their parse is flat.
MAX_PARSE_TOKENS = 250


def model_dir() -> Path:
    """Where the shipped parser model lies."""
    return data_dir() / "models" / "parser-de"


def feature_doc(vocab: Any, tokens: Sequence[Token]) -> Any:
    """A spaCy ``Doc`` of the tokens with HanTa's tag and lemma as features (the same
    for training and for parsing, so the model sees at run time what it learnt on)."""
    from spacy.tokens import Doc

    words = [t.text for t in tokens]
    spaces = [
        bool(n + 1 < len(tokens) and tokens[n + 1].start > t.end) for n, t in enumerate(tokens)
    ]
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=[t.pos for t in tokens],
        lemmas=[t.lemma.lower() for t in tokens],
    )


_DASHES = {"–", "—", "-"}


def dateline_length(tokens: Sequence[Token]) -> int:
    """How many tokens open the sentence as a news dateline ("Moskau –", "Addis Abeba
    (AFP) –"): capitalised words and a parenthesis before a dash among the first eight
    tokens; 0 when there is none.

    >>> toks = [Token(i, 0, 0, w, w, "NE") for i, w in enumerate("Kairo – Die".split())]
    >>> dateline_length(toks)
    2
    """
    for j, t in enumerate(tokens[:8]):
        if t.text in _DASHES:
            before = tokens[:j]
            if before and all(b.text[:1].isupper() or b.text in ("(", ")", "/") for b in before):
                return j + 1
            return 0
        if t.text in (",", ".", ":", ";"):
            return 0
    return 0


def _children(heads: Sequence[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for i, h in enumerate(heads):
        if h != i:
            out.setdefault(h, []).append(i)
    return out


def _is_passive(
    tokens: Sequence[Token], kids: Sequence[int], deps: Sequence[str], v: int, morph: Morphology
) -> bool:
    """A participle with a form of the passive auxiliary among its auxiliaries."""
    return tokens[v].pos.endswith("(PP)") and any(
        deps[c].startswith("aux") and morph.is_passive_auxiliary(tokens[c].lemma) for c in kids
    )


def _case(
    tokens: Sequence[Token], kids: Sequence[int], deps: Sequence[str], i: int, morph: Morphology
) -> str | None:
    """The case the phrase headed by ``i`` shows: its own form (a pronoun) or that of its
    determiner."""
    own = (
        morph.case_of(tokens[i].text) if tokens[i].pos.startswith(("PPER", "PDS", "PIS")) else None
    )
    if own:
        return own
    for c in kids:
        if deps[c] in ("det", "det:poss"):
            return morph.case_of(tokens[c].text)
    return None


def mend(
    tokens: Sequence[Token],
    heads: list[int],
    deps: list[str],
    morph: Morphology | None = None,
) -> None:
    """Rules of German grammar over the parse, in place (the parser learnt from a small
    treebank; these hold whatever the treebank):

    1. Voice: a subject is ``nsubj:pass`` exactly when its verb is a participle with the
       passive auxiliary ("wurde … gewählt"), else ``nsubj`` ("hat … gewählt").
    2. A "von"/"durch" phrase on a passive participle is the agent (``obl:agent``),
       also where the parse hangs it on an adverbial ("wurde am Freitag von X …").
    3. Case: a "subject" whose determiner or form is only dative ("dem Präsidenten",
       "ihm") is the dative object (``iobj``); one that cannot be nominative ("einen
       Plan", "den Vertrag", "ihn"), the object (``obj``). A nominative-only pronoun
       as object is the subject.
    4. A participle or infinitive coordinated under one auxiliary shares its subject
       ("hat X aufgefordert und die Vermittlung angeboten"): a second "subject" of it
       is its object.
    5. A finite active clause has a subject: where the parse gives it none but an
       object whose form does not show the accusative, that object is the subject
       ("kamen am Samstag Vertreter der Armee zusammen") — unless the verb shares the
       subject of a verb it is coordinated with ("kam und traf Vertreter").
    6. Agreement: a plural finite verb does not agree with a singular pronoun, a
       single name or a noun with a singular article ("Das bestätigten Ankara und
       Bagdad", "Der Nato gehören Estland und Lettland an", "Das Abkommen unterzeichneten
       Kenia und Äthiopien"): where the parse makes that the subject and a coordination the
       object, the coordination is the subject (the other the object, or the dative
       where its article can be dative).
    7. Coordination (UD v2): every conjunct depends on the first ("A, B und C": B and C
       on A), never on the conjunct before it; a truncated word heads its coordination
       ("Rohstoff- und Energiekosten": "Energiekosten" is a conjunct of "Rohstoff-").
    8. Word order: where neither phrase shows its case, the phrase before the finite
       verb of a main clause is the subject and the one after it the object (German
       news puts the subject first unless the form says otherwise): "Die Vereinten
       Nationen riefen Israel und die Hisbollah … auf".
    9. A verb has one subject: a second "subject" right after a comma continues the
       first as a list ("Die Armee, die Polizei und die Miliz zogen ab").
    12. "weder A noch B" is one coordination (B a conjunct of A); of two subjects left
        on one verb, a later one whose article can be dative is the dative.
    11. A subject has no preposition: a "subject" whose phrase opens with one ("Nach
        zwei Jahrzehnten Krieg haben die Regierung und die Rebellen …") is an adverbial,
        and rule 5 finds the subject.
    10. A noun attribute without preposition is a genitive: one whose article shows the
        dative or the accusative ("trat Somalia dem Abkommen bei", "gratulierte auf
        Twitter dem Präsidenten") is an object of the verb, not an attribute.

    >>> toks = [Token(i, 0, 0, w, l, p) for i, (w, l, p) in enumerate(
    ...     [("Er", "er", "PPER"), ("wurde", "werden", "VA(FIN)"), ("von", "von", "APPR"),
    ...      ("X", "X", "NE"), ("gewählt", "wählen", "VV(PP)")])]
    >>> heads, deps = [4, 4, 3, 4, 4], ["nsubj", "aux", "case", "obl", "root"]
    >>> mend(toks, heads, deps); deps[0], deps[3]
    ('nsubj:pass', 'obl:agent')
    """
    morph = morph or load_morphology()
    _no_prepositional_subjects(tokens, heads, deps)
    kids = _children(heads)
    for i, dep in enumerate(deps):
        h = heads[i]
        if dep in ("nsubj", "nsubj:pass"):
            passive = _is_passive(tokens, kids.get(h, ()), deps, h, morph)
            deps[i] = "nsubj:pass" if passive else "nsubj"
            case = _case(tokens, kids.get(i, ()), deps, i, morph)
            if case == "dat":
                deps[i] = "iobj"
            elif case in ("acc", "obl"):
                deps[i] = "obj"
        elif dep == "obj" and _case(tokens, kids.get(i, ()), deps, i, morph) == "nom":
            if not any(deps[c].startswith("nsubj") for c in kids.get(h, ())):
                deps[i] = "nsubj"
        elif dep == "nmod" and deps[h] == "obl" and heads[h] != h:
            # "wurde am Freitag von Tschad beschuldigt": the "von" phrase belongs to the
            # passive verb, not to the adverbial before it
            v = heads[h]
            cases = [c for c in kids.get(i, ()) if deps[c] == "case"]
            if (
                cases
                and morph.is_agent_preposition(tokens[cases[0]].text)
                and _is_passive(tokens, kids.get(v, ()), deps, v, morph)
                and not any(deps[c] == "obl:agent" for c in kids.get(v, ()))
            ):
                heads[i], deps[i] = v, "obl:agent"
        elif dep == "obl":
            cases = [c for c in kids.get(i, ()) if deps[c] == "case"]
            if (
                cases
                and morph.is_agent_preposition(tokens[cases[0]].text)
                and _is_passive(tokens, kids.get(h, ()), deps, h, morph)
            ):
                deps[i] = "obl:agent"
    for v, dep in enumerate(deps):
        if dep != "conj" or not tokens[v].pos.endswith(("(PP)", "(INF)")):
            continue
        own = kids.get(v, ())
        if any(deps[c].startswith("aux") or deps[c] == "cop" for c in own):
            continue
        first = heads[v]
        if not any(deps[c].startswith("nsubj") for c in kids.get(first, ())):
            continue
        for c in own:
            if deps[c] == "nsubj":
                deps[c] = "obj"
    kids = _children(heads)
    for v in range(len(tokens)):
        own = kids.get(v, ())
        objs = [c for c in own if deps[c] == "obj"]
        if not objs or any(deps[c].startswith(("nsubj", "csubj", "expl")) for c in own):
            continue
        finite = tokens[v].pos.endswith("(FIN)") or any(
            deps[c].startswith("aux") and tokens[c].pos.endswith("(FIN)") for c in own
        )
        if not finite or _is_passive(tokens, own, deps, v, morph) or deps[v] == "conj":
            continue
        for c in objs:
            if _case(tokens, kids.get(c, ()), deps, c, morph) is None and tokens[c].pos != "PRF":
                deps[c] = "nsubj"
                break
    _comma_subjects(tokens, heads, deps)
    _no_dative_genitives(tokens, heads, deps, morph)
    _weder_noch(tokens, heads, deps)
    _agreement(tokens, _children(heads), deps, morph)
    _one_subject(tokens, _children(heads), deps, morph)
    _subject_first(tokens, heads, _children(heads), deps, morph)
    _flatten_conjuncts(tokens, heads, deps)


def _next_nominal(tokens: Sequence[Token], k: int) -> int | None:
    while k < len(tokens) and tokens[k].pos in ("ART", "ADJ(A)", "PPOSAT", "PIAT", "CARD"):
        k += 1
    return k if k < len(tokens) and tokens[k].pos in ("NN", "NE", "PPER", "PDS") else None


def _weder_noch(tokens: Sequence[Token], heads: list[int], deps: list[str]) -> None:
    """Rule 12 of :func:`mend` (the coordination)."""
    for i, t in enumerate(tokens):
        if t.text.lower() != "weder":
            continue
        a = _next_nominal(tokens, i + 1)
        noch = next(
            (j for j in range(i + 1, len(tokens)) if tokens[j].text.lower() == "noch"), None
        )
        if a is None or noch is None:
            continue
        b = _next_nominal(tokens, noch + 1)
        if b is None or b == a or heads[a] == b:
            continue
        heads[b], deps[b] = a, "conj"
        heads[noch], deps[noch] = b, "cc"
        heads[i], deps[i] = a, "cc:preconj"


def _one_subject(
    tokens: Sequence[Token], kids: dict[int, list[int]], deps: list[str], morph: Morphology
) -> None:
    """Rule 12 of :func:`mend` (one subject a verb)."""
    for own in kids.values():
        subj = [c for c in own if deps[c] == "nsubj"]
        for extra in subj[1:]:
            # only where its article can be dative ("gehört weder der EU noch …"): other
            # second subjects are as often the real one as not
            dets = [k for k in kids.get(extra, ()) if tokens[k].pos == "ART"]
            if dets and morph.may_be_dative(tokens[dets[0]].text):
                deps[extra] = "iobj"


def _no_prepositional_subjects(tokens: Sequence[Token], heads: list[int], deps: list[str]) -> None:
    """Rule 11 of :func:`mend`."""
    kids = _children(heads)
    for i, dep in enumerate(deps):
        if not dep.startswith("nsubj"):
            continue
        first = min(_span(kids, i))
        if tokens[first].pos in ("APPR", "APPRART") and deps[first] == "case":
            deps[i] = "obl"


def _no_dative_genitives(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """Rule 10 of :func:`mend`."""
    kids = _children(heads)
    for i, dep in enumerate(deps):
        if dep != "nmod" or any(deps[c] == "case" for c in kids.get(i, ())):
            continue
        case = _case(tokens, kids.get(i, ()), deps, i, morph)
        if case not in ("dat", "acc"):
            continue
        v = heads[i]
        seen = {i}
        while v not in seen and not tokens[v].pos.startswith(("VV", "VA", "VM")) and heads[v] != v:
            seen.add(v)
            v = heads[v]
        if tokens[v].pos.startswith(("VV", "VA", "VM")):
            heads[i], deps[i] = v, "iobj" if case == "dat" else "obj"


def _comma_subjects(tokens: Sequence[Token], heads: list[int], deps: list[str]) -> None:
    """Rule 9 of :func:`mend`: a verb has one subject; a second one right after a comma
    continues the first as a list ("Die Armee, die Polizei und die Miliz zogen ab")."""
    kids = _children(heads)
    for own in kids.values():
        subj = [c for c in own if deps[c].startswith("nsubj")]
        for a, b in itertools.pairwise(subj):
            first_of_b = min(_span(kids, b))
            if (
                first_of_b > 0
                and tokens[first_of_b - 1].text == ","
                and max(_span(kids, a)) == first_of_b - 2
            ):
                heads[b], deps[b] = a, "conj"


def _span(kids: dict[int, list[int]], i: int) -> list[int]:
    """The tokens of the phrase headed by ``i`` (its subtree)."""
    out, todo = [i], [i]
    while todo:
        for c in kids.get(todo.pop(), ()):
            out.append(c)
            todo.append(c)
    return out


def _agreement(
    tokens: Sequence[Token], kids: dict[int, list[int]], deps: list[str], morph: Morphology
) -> None:
    """Rule 6 of :func:`mend`."""
    for v in range(len(tokens)):
        own = kids.get(v, ())
        fin = [v] if tokens[v].pos.endswith("(FIN)") else []
        fin += [c for c in own if deps[c].startswith("aux") and tokens[c].pos.endswith("(FIN)")]
        if not fin or not morph.is_plural_verb(tokens[fin[0]].text):
            continue

        def coordinated(c: int) -> bool:
            return any(deps[k] == "conj" for k in kids.get(c, ()))

        def singular(c: int) -> bool:
            if coordinated(c):
                return False
            if morph.is_singular_pronoun(tokens[c].text) or tokens[c].pos == "NE":
                return True
            dets = [k for k in kids.get(c, ()) if tokens[k].pos == "ART"]
            return bool(dets) and morph.is_singular_determiner(tokens[dets[0]].text)

        subj = [c for c in own if deps[c] == "nsubj" and singular(c)]
        # a coordinated second "subject" counts only across the finite verb from the first
        # ("Der Nato gehören weder Serbien noch Bosnien an"), not beside it in one list
        coord = [
            c
            for c in own
            if coordinated(c)
            and c not in subj
            and (
                deps[c] in ("obj", "iobj")
                or (deps[c] == "nsubj" and subj and (c < fin[0]) != (subj[0] < fin[0]))
            )
        ]
        if subj and coord:
            dets = [tokens[k].text for k in kids.get(subj[0], ()) if tokens[k].pos == "ART"]
            deps[subj[0]] = "iobj" if dets and morph.may_be_dative(dets[0]) else "obj"
            deps[coord[0]] = "nsubj"


def _subject_first(
    tokens: Sequence[Token],
    heads: Sequence[int],
    kids: dict[int, list[int]],
    deps: list[str],
    morph: Morphology,
) -> None:
    """Rule 8 of :func:`mend`."""
    for v in range(len(tokens)):
        if heads[v] != v and deps[v] != "conj":
            continue  # main clauses only (a root, or a main clause coordinated with one)
        own = kids.get(v, ())
        fin = (
            v
            if tokens[v].pos.endswith("(FIN)")
            else next(
                (c for c in own if deps[c].startswith("aux") and tokens[c].pos.endswith("(FIN)")),
                None,
            )
        )
        if fin is None:
            continue
        subj = [c for c in own if deps[c] == "nsubj" and c > fin]
        obj = [c for c in own if deps[c] == "obj" and c < fin]
        if not subj or not obj:
            continue
        s, o = subj[0], obj[0]
        if any(_case(tokens, kids.get(x, ()), deps, x, morph) for x in (s, o)):
            continue
        if tokens[s].pos.startswith(("PPER", "PDS", "PRF")) or tokens[o].pos.startswith(
            ("PPER", "PDS", "PRF", "PRELS", "PWS")
        ):
            continue  # pronouns: "Das bestätigten …" is the agreement rule's, "sich" no subject
        plural = morph.is_plural_verb(tokens[fin].text)
        if not plural and any(deps[k] == "conj" for k in kids.get(o, ())):
            continue  # a singular verb does not agree with a coordination
        dets = [k for k in kids.get(o, ()) if tokens[k].pos == "ART"]
        if plural and dets and morph.is_singular_determiner(tokens[dets[0]].text):
            continue  # "Ein Abkommen unterzeichneten …": a singular phrase is no plural's subject
        deps[s], deps[o] = "obj", "nsubj"


_COORDINATORS = {"und", "oder", "sowie", "bzw.", "beziehungsweise"}


def _flatten_conjuncts(tokens: Sequence[Token], heads: list[int], deps: list[str]) -> None:
    """Rule 7 of :func:`mend`."""
    for i, t in enumerate(tokens[:-2]):
        if t.pos != "TRUNC" or tokens[i + 1].text.lower() not in _COORDINATORS:
            continue
        j = i + 2  # the completing word, possibly after adjectives
        while j < len(tokens) - 1 and tokens[j].pos.startswith("ADJ"):
            j += 1
        if heads[i] != j or not tokens[j].pos.startswith("N"):
            continue
        heads[i], deps[i] = heads[j], deps[j]
        if heads[i] == j:
            heads[i], deps[i] = i, "root"
        for k, h in enumerate(heads):
            if h == j and k != i:
                heads[k] = i
        heads[j], deps[j] = i, "conj"
        heads[i + 1] = j
    for i, dep in enumerate(deps):
        if dep != "conj":
            continue
        first, seen = heads[i], {i}
        while deps[first] == "conj" and heads[first] != first and first not in seen:
            seen.add(first)
            first = heads[first]
        heads[i] = first


class DependencyParser:
    """The shipped parser, loaded once; :meth:`parse` adds a parse to a tagged sentence."""

    def __init__(self, path: Path | None = None, *, rules: bool = True) -> None:
        """``rules=False`` leaves the parser's output as it is (to measure the rules)."""
        import spacy  # heavy import, only when a parser is made

        self.rules = rules
        self._nlp = spacy.load(path or model_dir())
        self._morph = load_morphology()
        self._parser = self._nlp.get_pipe("parser")

    def parse(self, ts: TaggedSentence) -> TaggedSentence:
        """The sentence with its dependency parse."""
        return self.parse_many([ts])[0]

    def parse_many(
        self,
        sentences: Sequence[TaggedSentence],
        *,
        names: Sequence[Sequence[tuple[int, int]]] = (),
    ) -> list[TaggedSentence]:
        """Parse sentences in one batch (faster than one by one).

        ``names`` gives, per sentence, token ranges ``(first, last)`` of multiword names
        the recogniser found ("Afrikanischen Union", "Internationalen Komitee vom Roten
        Kreuz"): the parser sees each as one proper noun, and its words attach to the
        name's head word as ``flat`` (a treebank this small cannot parse every name)."""
        out: list[TaggedSentence] = list(sentences)
        units = [
            _units(ts.tokens, dateline_length(ts.tokens), names[n] if n < len(names) else ())
            for n, ts in enumerate(sentences)
        ]
        todo = [n for n in range(len(sentences)) if 0 < len(units[n]) <= MAX_PARSE_TOKENS]
        docs = [
            feature_doc(self._nlp.vocab, [_unit_token(sentences[n].tokens, u) for u in units[n]])
            for n in todo
        ]
        for n, doc in zip(todo, self._nlp.pipe(docs, batch_size=64), strict=True):
            toks = sentences[n].tokens
            # tokens outside every unit (the dateline "Moskau –") are roots of their own
            heads = list(range(len(toks)))
            deps = ["dep"] * len(toks)
            for (a, b, rep), t in zip(units[n], doc, strict=True):
                heads[rep] = units[n][t.head.i][2]
                deps[rep] = t.dep_ if t.head.i != t.i else "root"
                for x in range(a, b):
                    if x != rep:
                        heads[x], deps[x] = rep, "flat"
            if self.rules:
                # a multiword name is a proper noun for the rules too
                seen = list(toks)
                for unit in units[n]:
                    seen[unit[2]] = _unit_token(toks, unit)
                mend(seen, heads, deps, self._morph)
            out[n] = replace(sentences[n], parse=Parse(tuple(heads), tuple(deps)))
        for n, ts in enumerate(sentences):
            if out[n].parse is None:
                flat = tuple(range(len(ts.tokens)))
                out[n] = replace(ts, parse=Parse(flat, tuple("dep" for _ in ts.tokens)))
        return out


def _units(
    tokens: Sequence[Token], skip: int, names: Sequence[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """What the parser sees, as token ranges ``(a, b, head word)``: one per token after
    the dateline, one per multiword name (headed by its first noun)."""
    starts = {a: b for a, b in names if b - a >= 2 and a >= skip}
    out = []
    i = skip
    while i < len(tokens):
        b = starts.get(i, i + 1)
        head = next((x for x in range(i, b) if tokens[x].pos in ("NN", "NE")), b - 1)
        out.append((i, b, head))
        i = b
    return out


def _unit_token(tokens: Sequence[Token], unit: tuple[int, int, int]) -> Token:
    a, b, head = unit
    return tokens[head] if b - a == 1 else replace(tokens[head], pos="NE")
