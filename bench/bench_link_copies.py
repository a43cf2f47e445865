"""Benchmark: same-event links of wire copy, clusters against pairs (issue 11, item 9).

Wire copy repeated by many outlets is the normal case. This writes N copies of each
given article (default: the example article, 300 copies) into an on-disk store the way
``ckg ingest`` writes what it extracts (batches of whole graphs entered in the journal,
the linking hook once per batch), and reports the time spent linking, the link records
and quads of the links graph, and the peak memory, for

* ``clusters``: conflict-kg's linker (one ``ckg:EventCluster`` per event, a spanning
  tree of evidence: linear in the copies), and
* ``pairs``: the pairwise linker it replaced (every pair of reports at the threshold,
  with its evidence), run in the same way on the same data.

Each article is extracted once; copy ``k`` is its graph with the record id renamed, so
the figures are those of linking alone. Each run is a process of its own (peak memory).
The pairwise run is skipped above ``--pairs-max`` copies (its quads grow with the square
of the copies): its link records are then counted (pairs between two copies times
C(N, 2)), not written.

    .venv/bin/python bench/bench_link_copies.py [--copies 300] [--pairs-max 60] [ARTICLE ...]

>>> sorted(_sizes(300, 60))
[30, 60, 300]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "articles" / "de" / "2020-10-moskau-verhandlungen.txt"


def _sizes(copies: int, pairs_max: int) -> list[int]:
    """The copy counts to run: a tenth, the pairwise limit, and ``copies``."""
    return sorted({max(2, copies // 10), min(pairs_max, copies), copies})


def _extract(paths: list[Path]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Each article as record ``copy-000-<slug>`` extracts, as N-Triples terms."""
    from dataclasses import replace

    from kg.articles import Article, read_articles
    from kg.extract import extract_article
    from kg.iris import article_slug
    from kg.store import rdflib_quads

    out = []
    for article in (a for a in read_articles(paths) if isinstance(a, Article)):
        name = f"copy-000-{article_slug(article.identifier)}"
        graph = extract_article(replace(article, identifier=name))
        terms = [(str(q.subject), str(q.predicate), str(q.object)) for q in rdflib_quads(graph)]
        out.append((name, terms))
    return out


def _pairwise_hook(store: ox.Store, names: list[str], *, threshold: float) -> None:
    """The linker before clusters: every pair with a batch event at the threshold, with
    its evidence, written in transactions of at most MAX_BATCH_QUADS quads."""
    from kg.linking.clusters import EventLink, candidate_pairs
    from kg.linking.features import score_pair
    from kg.linking.links_graph import link_quads
    from kg.linking.store_io import default_vocabulary, read_events, replace_quads
    from kg.writer import MAX_BATCH_QUADS, PENDING_GRAPH, clear_journal

    vocab = default_vocabulary()
    own = read_events(store, vocab, graphs=names)
    windows = [r.date for r in own if r.date is not None]
    records = read_events(store, vocab, windows=windows) if windows else own
    focus = {r.iri for r in own}
    quads: list[ox.Quad] = []
    for a, b in candidate_pairs(records, vocab.hierarchy, focus=focus):
        s = score_pair(a, b, hierarchy=vocab.hierarchy)
        if s.gate is None and s.score >= threshold:
            quads += link_quads(EventLink(a.iri, b.iri, s), threshold=threshold)
    for i in range(0, len(quads), MAX_BATCH_QUADS):
        replace_quads(store, remove=[], add=quads[i : i + MAX_BATCH_QUADS])
    clear_journal(store, PENDING_GRAPH, names)


def run(*, mode: str, copies: int, paths: list[Path]) -> dict[str, float | int | str]:
    """Write ``copies`` copies of each article and link them; the figures of the run."""
    from kg.linking import link_articles_events
    from kg.linking.events import DEFAULT_THRESHOLD
    from kg.namespaces import CKG, ID, LINKS_GRAPH, RDF
    from kg.store import open_store
    from kg.writer import PENDING_GRAPH, GraphWriter

    articles = _extract(paths)
    linking = 0.0
    tmp = tempfile.TemporaryDirectory()
    store = open_store(Path(tmp.name) / "store")

    def commit(names: list[str]) -> None:
        nonlocal linking
        t0 = time.perf_counter()
        if mode == "clusters":
            link_articles_events(store, names)
        else:
            _pairwise_hook(store, names, threshold=DEFAULT_THRESHOLD)
        linking += time.perf_counter() - t0

    with tmp:
        started = time.perf_counter()
        with GraphWriter(store, journal=PENDING_GRAPH, on_commit=commit) as writer:
            for c in range(copies):
                for name, terms in articles:
                    copy = name.replace("copy-000", f"copy-{c:03d}", 1)
                    text = "\n".join(f"{s} {p} {o} ." for s, p, o in terms)
                    g = ox.NamedNode(str(ID[f"article/{copy}"]))
                    parsed = ox.parse(text.replace(name, copy), format=ox.RdfFormat.N_TRIPLES)
                    writer.put({g: [ox.Quad(t.subject, t.predicate, t.object, g) for t in parsed]})
        total = time.perf_counter() - started
        links = ox.NamedNode(str(LINKS_GRAPH))
        rdf_type = ox.NamedNode(str(RDF.type))
        records = sum(
            1
            for _ in store.quads_for_pattern(
                None, rdf_type, ox.NamedNode(str(CKG.EventLink)), links
            )
        )
        clusters = sum(
            1
            for _ in store.quads_for_pattern(
                None, rdf_type, ox.NamedNode(str(CKG.EventCluster)), links
            )
        )
        quads = sum(1 for _ in store.quads_for_pattern(None, None, None, links))
        events = _event_count(store)
    return {
        "mode": mode,
        "copies": copies,
        "articles": len(articles) * copies,
        "events": events,
        "link_records": records,
        "clusters": clusters,
        "links_graph_quads": quads,
        "linking_s": round(linking, 1),
        "write_and_link_s": round(total, 1),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }


def _event_count(store: ox.Store) -> int:
    from kg.linking.store_io import default_vocabulary, read_events

    return len(read_events(store, default_vocabulary()))


def counted_pairs(*, copies: int, paths: list[Path]) -> int:
    """The pairwise linker's link records for ``copies`` copies, counted, not written:
    the copies are alike, so every two of them share the pairs two copies share."""
    from kg.linking.clusters import DEFAULT_THRESHOLD, candidate_pairs
    from kg.linking.features import score_pair
    from kg.linking.store_io import default_vocabulary, read_events
    from kg.namespaces import ID

    vocab = default_vocabulary()
    store = ox.Store()
    for name, terms in _extract(paths):
        for c in range(2):
            copy = name.replace("copy-000", f"copy-{c:03d}", 1)
            text = "\n".join(f"{s} {p} {o} ." for s, p, o in terms).replace(name, copy)
            g = ox.NamedNode(str(ID[f"article/{copy}"]))
            store.extend(
                ox.Quad(t.subject, t.predicate, t.object, g)
                for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)
            )
    records = read_events(store, vocab)
    two = {r.iri: r.graph.split("/copy-", 1)[1][:3] for r in records}
    between = sum(
        1
        for a, b in candidate_pairs(records, vocab.hierarchy)
        if two[a.iri] != two[b.iri]
        and (s := score_pair(a, b, hierarchy=vocab.hierarchy)).gate is None
        and s.score >= DEFAULT_THRESHOLD
    )
    return between * copies * (copies - 1) // 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="*", type=Path, help=f"default: {EXAMPLE.name}")
    ap.add_argument("--copies", type=int, default=300)
    ap.add_argument("--pairs-max", type=int, default=60, help="largest pairwise run written")
    ap.add_argument("--run", choices=["clusters", "pairs"], help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help="one JSON object per run")
    args = ap.parse_args()
    paths = args.articles or [EXAMPLE]
    if args.run:  # one measured run, in a process of its own
        print(json.dumps(run(mode=args.run, copies=args.copies, paths=paths)))
        return
    results = []
    for n in _sizes(args.copies, args.pairs_max):
        for mode in ("clusters", "pairs"):
            if mode == "pairs" and n > args.pairs_max:
                continue
            out = subprocess.run(
                [sys.executable, __file__, "--run", mode, "--copies", str(n), *map(str, paths)],
                capture_output=True,
                text=True,
                check=True,
                cwd=REPO,
            )
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
            if args.json:
                print(out.stdout.strip().splitlines()[-1], flush=True)
    counted = counted_pairs(copies=args.copies, paths=paths)
    if args.json:
        print(
            json.dumps({"mode": "pairs (counted)", "copies": args.copies, "link_records": counted})
        )
        return
    print(f"{len(paths)} article(s) x N copies; linking time, links graph, peak memory")
    head = ("mode", "N", "events", "records", "quads", "link s", "peak MB")
    print("{:9} {:>4} {:>7} {:>9} {:>10} {:>7} {:>8}".format(*head))
    for r in results:
        print(
            f"{r['mode']:9} {r['copies']:>4} {r['events']:>7} {r['link_records']:>9} "
            f"{r['links_graph_quads']:>10} {r['linking_s']:>7} {r['peak_mb']:>8}"
        )
    print(f"pairs     {args.copies:>4} (counted, not written): {counted} link records")


if __name__ == "__main__":
    main()
