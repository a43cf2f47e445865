"""Benchmark: extraction time of pathological inputs beside a normal article of the same size.

Times the extraction of (a) one word of 2 000 letters, (b) 100 000 characters without a
full stop, (c) a list of 10 000 names, (d) 150 000 characters with 10 000 abbreviation
dots that end no sentence, each beside a normal article (German news
sentences, every one unique) of the same number of characters, measured in the same run
with the same extractor. Extraction should be linear in input size: the ratio
pathological / normal stays small and does not grow with the size.

    .venv/bin/python bench/bench_pathological.py [--scale F]

``--scale 0.1`` runs every input at a tenth of its size (a quick check).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from kg.articles import Article, parse_article_text
from kg.extract import Extractor
from kg.extract.sentences import long_stretches
from kg.extract.tokens import long_tokens

SENTENCES = [
    "Die Ukraine und Russland haben sich unter Vermittlung der Türkei auf eine Feuerpause geeinigt",
    "Der ukrainische Präsident Wolodymyr Selenskyj traf am Freitag in Kiew den französischen "
    "Präsidenten Emmanuel Macron",
    "UN-Generalsekretär António Guterres rief beide Seiten zu einer sofortigen Waffenruhe auf",
    "Israel und die Hamas werfen sich gegenseitig vor, die Waffenruhe gebrochen zu haben",
    "Katar bot erneut seine Vermittlung an",
    "In Khartum stürmten Demonstranten das Parlamentsgebäude",
    "Die Armee und die RSF kamen auf Einladung Saudi-Arabiens in Dschidda zusammen",
    "Russland wird nach Angaben des Kremls Truppen in die Region entsenden",
    "Die Huthi griffen am Montag ein Schiff im Roten Meer an",
    "Kenias Präsident William Ruto telefonierte mit seinem Amtskollegen aus Tansania",
]
NAMES = [
    "Wladimir Putin",
    "Recep Tayyip Erdoğan",
    "Emmanuel Macron",
    "Olaf Scholz",
    "Joe Biden",
    "Wolodymyr Selenskyj",
    "Sergej Lawrow",
    "Antony Blinken",
    "William Ruto",
    "António Guterres",
]
WORDS = [
    "der",
    "die",
    "und",
    "in",
    "den",
    "von",
    "zu",
    "mit",
    "sich",
    "des",
    "auf",
    "für",
    "ist",
    "im",
    "dem",
    "nicht",
    "ein",
    "eine",
    "als",
]


def normal_body(size: int) -> str:
    """German news sentences, each made unique by a number, in paragraphs, ``size`` long."""
    rng = random.Random(7)
    parts: list[str] = []
    n = 0
    while n < size:
        sentence = f"{rng.choice(SENTENCES)}, hieß es in Bericht {len(parts)}."
        parts.append(sentence + ("\n" if len(parts) % 6 == 5 else " "))
        n += len(parts[-1])
    return "".join(parts)[:size]


def long_word(size: int) -> str:
    """One word of ``size`` letters in a short sentence."""
    return f"Putin sagte {'a' * size} am Montag."


def no_full_stop(size: int) -> str:
    """``size`` characters of words and names with a comma now and then, no sentence end."""
    rng = random.Random(11)
    parts: list[str] = []
    n = 0
    while n < size:
        word = rng.choice(WORDS + NAMES + ["Russland", "Kenia", "traf", "sprach"])
        parts.append(word + (", " if rng.random() < 0.05 else " "))
        n += len(parts[-1])
    return "".join(parts)[:size]


def name_list(count: int) -> str:
    """``count`` names separated by commas, each numbered (no two pieces alike), full stop."""
    return ", ".join(f"{NAMES[i % len(NAMES)]} ({i})" for i in range(count)) + "."


def abbreviations(size: int) -> str:
    """Short sentences whose dots are mostly abbreviations ("Dr.", "Nr."), ``size`` long."""
    return ("Laut Dr. Müller kam Nr. 5 an. " * (size // 30 + 1))[:size]


def article(body: str, ident: str) -> Article:
    text = f"date 2023-05-12 Bericht\n{body}"
    # above the input limit of ``ckg`` (200 000) on purpose: the list of names is longer
    art = parse_article_text(text, identifier=ident, origin=ident, max_chars=1_000_000)
    assert isinstance(art, Article), art
    return art


def timed(ex: Extractor, art: Article) -> tuple[float, int]:
    t0 = time.perf_counter()
    triples = len(ex.extract(art))
    return time.perf_counter() - t0, triples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="input sizes times F")
    args = parser.parse_args(argv)
    cases: list[tuple[str, Callable[[int], str], int]] = [
        ("one word of 2 000 letters", long_word, 2_000),
        ("100 000 characters without a full stop", no_full_stop, 100_000),
        ("a list of 10 000 names", name_list, 10_000),
        ("150 000 characters, 10 000 abbreviations", abbreviations, 150_000),
    ]
    t0 = time.perf_counter()
    ex = Extractor()
    ex.extract(article(normal_body(2_000), "warm-up.txt"))
    print(f"start-up {time.perf_counter() - t0:.2f} s")
    print(f"{'input':42} {'chars':>9} {'time':>8} {'normal':>8} {'ratio':>6}  notes")
    for i, (label, make, size) in enumerate(cases):
        n = max(1, int(size * args.scale))
        body = make(n)
        bad = article(body, f"bad-{i}.txt")
        good = article(normal_body(len(body)), f"normal-{i}.txt")
        bad_s, _ = timed(ex, bad)
        good_s, _ = timed(ex, good)
        notes = (
            f"{len(long_tokens(bad.text))} long token(s), "
            f"{len(long_stretches(bad.text, bad.body_start))} long stretch(es) cut"
        )
        print(
            f"{label:42} {len(body):9,} {bad_s:7.2f}s {good_s:7.2f}s "
            f"{bad_s / max(good_s, 1e-9):6.2f}  {notes}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
