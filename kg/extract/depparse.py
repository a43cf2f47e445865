"""Stage 2b: a UD dependency analysis of every sentence.

Reads :class:`~kg.extract.model.TaggedSentence` records (the project's tokens with
HanTa's lemma and STTS tag); writes them again with :attr:`TaggedSentence.parse`, a
:class:`~kg.extract.model.Parse`: each token's governor and UD v2 relation (``nsubj``,
``obj``, ``obl:agent``, ``conj`` …; the content verb is the head, auxiliaries and the
copula depend on it).

The parser is spaCy's transition-based parser, trained by ``scripts/train_parser.py`` on
UD German treebanks (never on PUD, the evaluation set) with HanTa's tags and lemmas as
input features, and shipped in ``kg/data/models/parser-de``. Nothing is downloaded.
Rules of German grammar then mend what a small treebank teaches badly
(:func:`kg.extract.grammar.mend`): "von"/"durch" in a passive clause is the agent, case
and agreement decide subject and object, and so on.

>>> from kg.extract.model import Sentence
>>> from kg.extract.tokens import Tagger
>>> text = "Die Regierung wurde von den Rebellen angegriffen."
>>> ts = DependencyParser().parse(Tagger().tag(Sentence(0, 0, len(text), text)))
>>> [(ts.tokens[i].text, ts.parse.deps[i], ts.tokens[ts.parse.heads[i]].text)
...  for i in (1, 5)]
[('Regierung', 'nsubj:pass', 'angegriffen'), ('Rebellen', 'obl:agent', 'angegriffen')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from kg.extract.grammar import mend
from kg.extract.model import Parse, TaggedSentence, Token
from kg.extract.morphology import load_morphology
from kg.extract.tokens import dateline_words
from kg.resources import data_dir

__all__ = ["MAX_PARSE_TOKENS", "DependencyParser", "dateline_length", "feature_doc", "model_dir"]

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


def dateline_length(tokens: Sequence[Token]) -> int:
    """How many tokens open the sentence as a news dateline (:func:`dateline_words`).

    >>> toks = [Token(i, 0, 0, w, w, "NE") for i, w in enumerate("Kairo – Die".split())]
    >>> dateline_length(toks)
    2
    """
    return dateline_words([t.text for t in tokens])


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
