"""Benchmark: extraction speed in articles per second on a synthetic corpus.

Builds a few thousand articles by recombining self-written German sentences about several
conflicts (deterministic seed), extracts each into its named graph, and prints the rate.

    .venv/bin/python bench/bench_extract.py [N_ARTICLES]
"""

from __future__ import annotations

import random
import sys
import time

from kg.articles import parse_article_text
from kg.extract import Extractor

SENTENCES = [
    "Die Ukraine und Russland haben sich unter Vermittlung der Türkei auf eine Feuerpause geeinigt.",  # noqa: E501 (German test sentence)
    "Der ukrainische Präsident Wolodymyr Selenskyj traf am Freitag in Kiew den französischen Präsidenten Emmanuel Macron.",  # noqa: E501 (German test sentence)
    "UN-Generalsekretär António Guterres rief beide Seiten zu einer sofortigen Waffenruhe auf.",
    "Israel und die Hamas werfen sich gegenseitig vor, die Waffenruhe gebrochen zu haben.",
    "Katar bot erneut seine Vermittlung an.",
    "„Wir wollen Frieden“, sagte der Sprecher.",
    "In Khartum stürmten Demonstranten das Parlamentsgebäude.",
    "Die Armee und die RSF kamen auf Einladung Saudi-Arabiens in Dschidda zusammen.",
    "Mali ist nicht Mitglied der Afrikanischen Union, sagte ein Diplomat.",
    "Russland wird nach Angaben des Kremls Truppen in die Region entsenden.",
    "Der Krieg war im Februar 2022 ausgebrochen.",
    "Die Huthi griffen am Montag ein Schiff im Roten Meer an.",
    "Kenias Präsident William Ruto telefonierte mit seinem Amtskollegen aus Tansania.",
    "Die Regierung in Kinshasa bat die Vereinten Nationen um Hilfe.",
]


def corpus(n: int, seed: int = 20231123) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        body = " ".join(rng.sample(SENTENCES, k=rng.randint(4, 8)))
        day = 1 + i % 28
        out.append(f"date 2023-05-{day:02d} Bericht {i}\nGenf – {body}\n")
    return out


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 3000
    texts = corpus(n)
    t0 = time.perf_counter()
    ex = Extractor()
    t1 = time.perf_counter()
    triples = 0
    for i, text in enumerate(texts):
        art = parse_article_text(text, identifier=f"bench-{i}.txt", origin=f"bench-{i}.txt")
        triples += len(ex.extract(art))  # type: ignore[arg-type]
    t2 = time.perf_counter()
    print(
        f"start-up {t1 - t0:.2f} s; {n} articles in {t2 - t1:.1f} s = {n / (t2 - t1):.1f} articles/s; "  # noqa: E501 (German test sentence)
        f"{triples} triples"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
