#!/usr/bin/env python3
"""The syntactic analysis measured against a UD treebank (UD German PUD: the evaluation set).

    python bench/bench_syntax.py CONLLU [--json OUT] [--limit N] [--compare] [--stress]

Each sentence's ``# text`` goes through the project's own tokenizer, tagger and parser (as
one sentence); the system's tokens are aligned to the treebank's words by character
offsets (a multiword token such as "im" counts as its span). A pair counts when both the
dependent's token and its governor's token match, per relation:

- ``subject``: nsubj and nsubj:pass
- ``object``: obj
- ``dative``: iobj, and obl:arg in the dative (gold: the word's Case=Dat; system: an
  obl:arg with no preposition or with one that governs the dative)
- ``agent``: obl:agent
- ``coordination``: conj between nominal heads (NOUN, PROPN, PRON)

``--compare`` also scores the trained parser without the grammar rules, in the same run.
``--stress`` also times the analysis on long inputs (a sentence of 50 coordinated names,
one of 300 and 1 000 words, text without a full stop) beside tagging alone: time per token
should stay flat (sentences over ``MAX_PARSE_TOKENS`` are not parsed: their parse is flat).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.extract.conllu import TreebankSentence, read_conllu_file
from kg.extract.depparse import DependencyParser
from kg.extract.model import Sentence, TaggedSentence
from kg.extract.tokens import Tagger

RELATIONS = ("subject", "object", "dative", "agent", "coordination")
_NOMINAL = {"NOUN", "PROPN", "PRON"}
_NOMINAL_STTS = ("NN", "NE", "PPER", "PDS", "PIS", "PRELS", "PWS", "PPOSS", "PRF", "FM", "TRUNC")
_DATIVE_PREPS = {
    "mit", "von", "vom", "zu", "zum", "zur", "aus", "bei", "beim", "nach", "seit",
    "gegenüber", "gemäß", "entgegen",
}  # fmt: skip

Pair = tuple[int, int, int, str]  # sentence, dependent start, governor start, relation


def gold_pairs(k: int, s: TreebankSentence) -> set[Pair]:
    out: set[Pair] = set()
    for w in s.words:
        if w.head < 0 or w.start < 0:
            continue
        g = s.words[w.head]
        rel = _gold_relation(w.deprel, w.feats, w.upos, g.upos)
        if rel:
            out.add((k, w.start, g.start, rel))
    return out


def _gold_relation(dep: str, feats: str, upos: str, head_upos: str) -> str | None:
    if dep in ("nsubj", "nsubj:pass"):
        return "subject"
    if dep == "obj":
        return "object"
    if dep == "iobj" or (dep == "obl:arg" and "Case=Dat" in feats):
        return "dative"
    if dep == "obl:agent":
        return "agent"
    if dep == "conj" and upos in _NOMINAL and head_upos in _NOMINAL:
        return "coordination"
    return None


def predicted_pairs(k: int, ts: TaggedSentence) -> set[Pair]:
    out: set[Pair] = set()
    p = ts.parse
    if p is None:
        return out
    toks = ts.tokens
    for i, (h, dep) in enumerate(zip(p.heads, p.deps, strict=True)):
        if h == i:
            continue
        rel: str | None = None
        if dep in ("nsubj", "nsubj:pass"):
            rel = "subject"
        elif dep == "obj":
            rel = "object"
        elif dep == "iobj":
            rel = "dative"
        elif dep == "obl:arg":
            cases = [c for c in p.dependents(i, "case")]
            if not cases or toks[cases[0]].text.lower() in _DATIVE_PREPS:
                rel = "dative"
        elif dep == "obl:agent":
            rel = "agent"
        elif (
            dep == "conj"
            and toks[i].pos.startswith(_NOMINAL_STTS)
            and toks[h].pos.startswith(_NOMINAL_STTS)
        ):
            rel = "coordination"
        if rel:
            out.add((k, toks[i].start, toks[h].start, rel))
    return out


def _token_start(ts: TaggedSentence) -> dict[int, int]:
    """Each character offset inside a token -> the token's start (for alignment)."""
    out = {}
    for t in ts.tokens:
        for c in range(t.start, t.end):
            out[c] = t.start
    return out


def evaluate(sentences: Iterable[TreebankSentence], tagger: Tagger, parser: DependencyParser):
    gold: set[Pair] = set()
    pred: set[Pair] = set()
    tagged: list[TaggedSentence] = []
    treebank: list[TreebankSentence] = []
    for s in sentences:
        treebank.append(s)
        tagged.append(tagger.tag(Sentence(0, 0, len(s.text), s.text)))
    parsed = parser.parse_many(tagged)
    for k, (s, ts) in enumerate(zip(treebank, parsed, strict=True)):
        starts = _token_start(ts)
        # gold words by the system token that holds their first character
        for _k, dep, gov, rel in gold_pairs(k, s):
            gold.add((k, starts.get(dep, -1), starts.get(gov, -2), rel))
        pred |= predicted_pairs(k, ts)
    table = {}
    for rel in RELATIONS:
        g = {x for x in gold if x[3] == rel}
        p = {x for x in pred if x[3] == rel}
        hit = len(g & p)
        prec = hit / len(p) if p else 0.0
        rec = hit / len(g) if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        table[rel] = {
            "gold": len(g),
            "predicted": len(p),
            "precision": round(prec, 3),
            "recall": round(rec, 3),
            "f1": round(f1, 3),
        }
    return table, len(treebank)


def stress(tagger: Tagger, parser: DependencyParser) -> list[tuple[str, int, float, float]]:
    names = ", ".join(f"Land{n}" for n in range(49)) + " und Land49"
    clause = "Die Regierung forderte die Rebellen zur Waffenruhe auf,"  # 9 tokens
    inputs = {
        "50 coordinated names": f"Dem Pakt gehören {names} an.",
        "120 tokens": " ".join([clause] * 13),
        "240 tokens": " ".join([clause] * 26),
        "1 000 tokens (left flat)": " ".join([clause] * 111),
        "no full stop, 5 000 words (flat)": " ".join(["und dann"] * 2500),
    }
    out = []
    for name, text in inputs.items():
        sentence = Sentence(0, 0, len(text), text)
        t0 = time.perf_counter()
        ts = tagger.tag(sentence)
        tagged = time.perf_counter() - t0
        parser.parse(ts)
        out.append((name, len(ts.tokens), tagged, time.perf_counter() - t0))
    return out


def print_table(table: dict) -> None:
    print(f"{'relation':14} {'gold':>6} {'pred':>6} {'prec':>6} {'rec':>6} {'F1':>6}")
    for rel, r in table.items():
        print(
            f"{rel:14} {r['gold']:>6} {r['predicted']:>6} {r['precision']:>6.3f}"
            f" {r['recall']:>6.3f} {r['f1']:>6.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("conllu", type=Path)
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    ap.add_argument("--limit", type=int, help="only the first N sentences")
    ap.add_argument("--stress", action="store_true", help="also time long inputs")
    ap.add_argument(
        "--no-rules",
        action="store_true",
        help="the trained parser alone, without the grammar rules",
    )
    ap.add_argument(
        "--compare", action="store_true", help="also score the parser without the rules (same run)"
    )
    args = ap.parse_args(argv)
    if not args.conllu.is_file():
        print(f"bench_syntax: no such file: {args.conllu}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    tagger, parser = Tagger(), DependencyParser(rules=not args.no_rules)
    load = time.perf_counter() - t0
    sents = list(read_conllu_file(args.conllu))[: args.limit]
    t1 = time.perf_counter()
    table, n = evaluate(sents, tagger, parser)
    run = time.perf_counter() - t1
    print(f"{args.conllu.name}: {n} sentences in {run:.1f} s (+ {load:.1f} s loading)")
    print_table(table)
    if args.compare:
        bare, _n = evaluate(sents, tagger, DependencyParser(rules=False))
        print("\nthe trained parser alone, without the grammar rules (same run):")
        print_table(bare)
    if args.stress:
        # the baseline is tagging alone (HanTa), the floor every analysis pays
        print(
            f"\n{'long input':34} {'tokens':>7} {'tagging s':>10} {'+ parse s':>10} {'ms/token':>9}"
        )
        for name, ntok, tag_s, secs in stress(tagger, parser):
            per = 1000 * secs / max(1, ntok)
            print(f"{name:34} {ntok:>7} {tag_s:>10.2f} {secs:>10.2f} {per:>9.3f}")
    if args.json:
        args.json.write_text(json.dumps({"relations": table}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
