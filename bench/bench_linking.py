"""Benchmark: same-event linking on a synthetic corpus of 5 000 articles.

Builds a pyoxigraph store directly as quads (deterministic: seeded RNG), with events of
random classes, 2-3 actors from a pool of states and people, day/month dates over two
years and places; each real-world event is reported by 1-3 articles (so there is
something to link). Then times ``relink`` (read + block + score + write) and compares
the blocked candidate count and time with a naive all-pairs baseline on a subset.

    .venv/bin/python bench/bench_linking.py [--articles 5000] [--subset 1500]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

import pyoxigraph as ox

from kg.iris import article_iri, entity_iri, event_iri
from kg.linking import relink
from kg.linking.events import candidate_pairs
from kg.linking.features import score_pair
from kg.linking.store_io import default_vocabulary, read_events
from kg.namespaces import CKG, DCTERMS, RDF, XSD

CLASSES = ["Meeting", "Negotiation", "PhoneCall", "Statement", "Demand", "CeasefireDemand",
           "Agreement", "CeasefireAgreement", "Endorsement", "Accusation", "MilitaryAction",
           "Protest", "Deployment", "Mediation"]  # fmt: skip
ROLES = ["agent", "participant", "addressee", "mediator"]


def nn(x: object) -> ox.NamedNode:
    return ox.NamedNode(str(x))


def build(n_articles: int, seed: int = 42) -> tuple[ox.Store, int]:
    rng = random.Random(seed)
    actors = [f"state-{i}" for i in range(150)] + [f"person-{i}" for i in range(300)]
    places = [f"city-{i}" for i in range(200)]
    start = date(2020, 1, 1)
    # real-world events, each reported 1-3 times
    n_real = n_articles * 8 // 2
    real = []
    for _ in range(n_real):
        real.append((
            rng.choice(CLASSES),
            rng.sample(actors, rng.randint(2, 3)),
            start + timedelta(days=rng.randrange(730)),
            rng.choice(places),
        ))  # fmt: skip
    quads: list[ox.Quad] = []
    n_events = 0
    for a in range(n_articles):
        art = article_iri(f"synthetic-{a:05d}.txt")
        g = nn(art)
        day = start + timedelta(days=rng.randrange(730))
        quads += [
            ox.Quad(g, nn(RDF.type), nn(CKG.Article), g),
            ox.Quad(g, nn(DCTERMS.date), ox.Literal(day.isoformat(), datatype=nn(XSD.date)), g),
        ]
        for k in range(8):
            cls, who, when, where = real[rng.randrange(n_real)]
            e = nn(event_iri(art, k))
            n_events += 1
            quads.append(ox.Quad(e, nn(RDF.type), nn(CKG[cls]), g))
            for person in who:
                quads.append(ox.Quad(e, nn(CKG[rng.choice(ROLES)]), nn(entity_iri(person)), g))
            if rng.random() < 0.3:
                lex, dt = when.strftime("%Y-%m"), XSD.gYearMonth
            else:
                lex, dt = (when + timedelta(days=rng.choice([0, 0, 0, 1]))).isoformat(), XSD.date
            quads.append(ox.Quad(e, nn(CKG.date), ox.Literal(lex, datatype=nn(dt)), g))
            if rng.random() < 0.7:
                quads.append(ox.Quad(e, nn(CKG.location), nn(entity_iri(where)), g))
    store = ox.Store()
    store.bulk_extend(quads)
    return store, n_events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--subset", type=int, default=1500, help="events for the all-pairs baseline")
    args = ap.parse_args()
    vocab = default_vocabulary()
    t0 = time.perf_counter()
    store, n_events = build(args.articles)
    t1 = time.perf_counter()
    links = relink(store, vocabulary=vocab)
    t2 = time.perf_counter()
    records = read_events(store, vocab)
    t3 = time.perf_counter()
    n_cand = sum(1 for _ in candidate_pairs(records, vocab.hierarchy))
    print(f"corpus: {args.articles} articles, {n_events} events, {len(store)} quads "
          f"(built in {t1 - t0:.1f} s)")  # fmt: skip
    print(f"relink: {t2 - t1:.1f} s total ({len(links)} links); reading events {t3 - t2:.1f} s; "
          f"{n_cand} blocked candidate pairs")  # fmt: skip
    sub = sorted(records, key=lambda r: r.iri)[: args.subset]
    t4 = time.perf_counter()
    blocked = [(a, b) for a, b in candidate_pairs(sub, vocab.hierarchy)]
    found_b = sum(
        1 for a, b in blocked
        if (s := score_pair(a, b, hierarchy=vocab.hierarchy)).gate is None and s.score >= 0.6
    )  # fmt: skip
    t5 = time.perf_counter()
    naive = 0
    found_n = 0
    for i, a in enumerate(sub):
        for b in sub[i + 1 :]:
            if a.origin == b.origin:
                continue
            naive += 1
            s = score_pair(a, b, hierarchy=vocab.hierarchy)
            found_n += s.gate is None and s.score >= 0.6
    t6 = time.perf_counter()
    print(f"subset of {len(sub)} events: blocked {len(blocked)} pairs, {found_b} links, "
          f"{t5 - t4:.2f} s; naive all-pairs {naive} pairs, {found_n} links, "
          f"{t6 - t5:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
