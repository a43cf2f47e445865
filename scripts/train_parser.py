#!/usr/bin/env python3
"""Train the German dependency parser that conflict-kg ships (kg/data/models/parser-de).

    python scripts/train_parser.py [--ud DIR] [--out DIR] [--epochs N] [--seed N]
                                   [--treebanks gsd,lit]

Training data: the UD German treebanks GSD (dev and test files) and LIT, read from
``--ud`` (default ``$CKG_UD_DIR`` or ``~/.cache/conflict-kg/ud``; fetch them from the
UniversalDependencies repositories, never commit them). UD German PUD is the evaluation
set (``bench/bench_syntax.py``): this script refuses any file of it. One sentence in ten
of GSD is held out to choose the best epoch.

The input features are the project's own: HanTa's STTS tag and lemma per token (as
``kg.extract.tokens.Tagger`` gives them at run time), plus the word's shape, prefix and
suffix. The model is spaCy's transition-based parser (pseudo-projective, so German's
non-projective trees are learnt too). Same data, same seed, same thread count: same model.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

#: The treebanks by name and their files. GSD is CC BY-SA 4.0; LIT is CC BY-NC-SA 4.0
#: (non-commercial), so a model trained with it inherits that restriction: train with
#: ``--treebanks gsd`` for a model free of it.
TREEBANKS = {
    "gsd": ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu"),
    "lit": ("de_lit-ud-test.conllu",),
}

PARSER_CONFIG = {
    "moves": None,
    "update_with_oracle_cut_size": 100,
    "learn_tokens": False,
    # obl:agent is rare in the treebanks (about 30 times): keep every relation
    "min_action_freq": 1,
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "parser",
        "extra_state_tokens": False,
        "hidden_width": 128,
        "maxout_pieces": 3,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": 128,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "LEMMA"],
                "rows": [6000, 1000, 3000, 1000, 200, 6000],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": 128,
                "depth": 4,
                "window_size": 1,
                "maxout_pieces": 3,
            },
        },
    },
}


def ud_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    return Path(os.environ.get("CKG_UD_DIR", Path.home() / ".cache" / "conflict-kg" / "ud"))


def examples(paths: list[Path], nlp, tagger):
    """spaCy Examples: predicted docs carry HanTa's features, reference docs the tree."""
    from spacy.tokens import Doc
    from spacy.training import Example

    from kg.extract.conllu import read_conllu_file
    from kg.extract.depparse import feature_doc
    from kg.extract.model import Sentence

    train, dev = [], []
    for path in paths:
        for n, s in enumerate(read_conllu_file(path)):
            words = s.surface()
            if not words or any(w.start < 0 for w in words):
                continue  # the words are not found in the text: offsets unknown
            sent = Sentence(0, 0, len(s.text), s.text)
            ts = tagger.tag_spans(sent, [(w.start, w.end, w.form) for w in words])
            pred = feature_doc(nlp.vocab, ts.tokens)
            heads = [w.head if w.head >= 0 else i for i, w in enumerate(words)]
            deps = [w.deprel if w.head >= 0 else "ROOT" for w in words]
            ref = Doc(
                nlp.vocab,
                words=[t.text for t in pred],
                spaces=[bool(t.whitespace_) for t in pred],
                heads=heads,
                deps=deps,
            )
            eg = Example(pred, ref)
            (dev if "gsd" in path.name and n % 10 == 0 else train).append(eg)
    return train, dev


def score(nlp, egs) -> dict[str, float]:
    """Attachment scores and subject/object F1 on held-out examples."""
    gold_pairs: set = set()
    pred_pairs: set = set()
    las = uas = total = 0
    docs = nlp.pipe([eg.predicted.copy() for eg in egs], batch_size=128)
    for k, (eg, doc) in enumerate(zip(egs, docs, strict=True)):
        for g, p in zip(eg.reference, doc, strict=True):
            if g.is_punct:
                continue
            total += 1
            if g.head.i == p.head.i:
                uas += 1
                if g.dep_.lower() == p.dep_.lower():
                    las += 1
            for tok, pairs in ((g, gold_pairs), (p, pred_pairs)):
                rel = tok.dep_.split(":")[0]
                if rel in ("nsubj", "obj"):
                    pairs.add((k, tok.i, tok.head.i, rel))
    hit = len(gold_pairs & pred_pairs)
    f1 = 2 * hit / max(1, len(gold_pairs) + len(pred_pairs))
    return {"uas": uas / max(1, total), "las": las / max(1, total), "subj_obj_f1": f1}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ud", help="directory holding the UD .conllu files")
    ap.add_argument("--out", type=Path, help="model directory (default: the shipped one)")
    ap.add_argument("--epochs", type=int, default=14)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--treebanks",
        default="gsd,lit",
        help="comma-separated: gsd (CC BY-SA 4.0), lit (CC BY-NC-SA 4.0); default gsd,lit",
    )
    args = ap.parse_args(argv)

    import spacy
    from spacy.util import fix_random_seed, minibatch

    from kg.extract.depparse import model_dir
    from kg.extract.tokens import Tagger

    src = ud_dir(args.ud)
    names = args.treebanks.split(",")
    unknown = [n for n in names if n not in TREEBANKS]
    if unknown:
        print(f"train_parser: unknown treebanks {unknown} (known: gsd, lit)", file=sys.stderr)
        return 2
    paths = [src / f for name in names for f in TREEBANKS[name]]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        names = ", ".join(map(str, missing))
        print(f"train_parser: missing treebank files: {names}", file=sys.stderr)
        return 1
    if any("pud" in p.name.lower() for p in paths):
        print(
            "train_parser: UD German PUD is the evaluation set, not training data", file=sys.stderr
        )
        return 1
    out = args.out or model_dir()
    fix_random_seed(args.seed)
    nlp = spacy.blank("de")
    nlp.add_pipe("parser", config=PARSER_CONFIG)
    t0 = time.time()
    train, dev = examples(paths, nlp, Tagger())
    print(f"{len(train)} training sentences, {len(dev)} held out ({time.time() - t0:.0f} s)")
    optimizer = nlp.initialize(lambda: train)
    rng = random.Random(args.seed)
    best = -1.0
    for epoch in range(args.epochs):
        rng.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=16):
            nlp.update(batch, drop=0.25, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            s = score(nlp, dev)
            mark = ""
            if s["las"] > best:
                best = s["las"]
                nlp.to_disk(out)
                mark = " *"
        print(
            f"epoch {epoch + 1:2d}  loss {losses.get('parser', 0):9.1f}  "
            f"UAS {s['uas']:.3f}  LAS {s['las']:.3f}  subj/obj F1 {s['subj_obj_f1']:.3f}"
            f"  {time.time() - t0:5.0f} s{mark}",
            flush=True,
        )
    print(f"best held-out LAS {best:.3f}; model in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
