"""Benchmark: every saved query at one million and at ten million triples, side by side.

The graphs are ``bench/bench_store.py``'s synthetic ones (same generator, same seed: one
named graph per article, 16 event classes, 3,012 actors of which 12 are hubs in
thousands of events), written to an N-Quads file article by article so that ten million
triples never sit in memory, bulk-loaded into a store opened as ``ckg`` opens one
(ontology and reference graphs included), then compacted (``Store.optimize``: RocksDB
compacts in the background for minutes after a bulk load, which slowed the first
queries up to 4x). For each size, each saved query runs with its documented example
parameters (``bench_store.SYNTHETIC_PARAMS`` where the example names
something the synthetic graph lacks) as the endpoint answers it: pyoxigraph evaluates and
serialises SPARQL JSON (N-Triples for a CONSTRUCT). Printed per query: rows and median
at each size, and the growth ratio of the largest size to the smallest; beside them
rdflib's in-memory ``Dataset`` on the same text, for sizes up to ``--rdflib-max``
(rdflib holds the whole graph in memory: about 1.5 GB a million triples), capped at
``--rdflib-cap`` seconds a query as in ``bench_store.py`` ("> N s" when exceeded).
``--also NAME:k=v,...`` adds a run of a query with other parameters (e.g. without its
date window) as an extra row.

Usage: python bench/bench_queries_scale.py [--sizes 1000000 10000000] [--repeat 5]
       [--rdflib-cap 20] [--rdflib-max 1000000] [--queries NAME ...] [--also NAME:k=v,...]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from bench_store import (
    SYNTHETIC_PARAMS,
    _example_params,
    _rdflib_time,
    _serialised,
    synthetic_articles,
)
from rdflib import Dataset
from rdflib.plugins.sparql import CUSTOM_EVALS

from kg.namespaces import ONTOLOGY_GRAPH
from kg.query import SavedQuery, prepare_query, saved_queries, with_prefixes
from kg.store import open_store, to_rdflib


@dataclass
class Case:
    """One row of the table: a saved query with one set of parameters."""

    label: str
    query: SavedQuery
    params: dict[str, str]
    rows: dict[int, int] = field(default_factory=dict)
    median: dict[int, float] = field(default_factory=dict)
    rdflib: dict[int, float | None] = field(default_factory=dict)


def write_graph(path: Path, triples: int) -> tuple[int, int]:
    """Write the synthetic graph of about ``triples`` triples; (triples, articles)."""
    written = articles = 0
    with path.open("w", encoding="utf-8") as out:
        for lines in synthetic_articles(triples):
            out.write("".join(lines))
            written += len(lines)
            articles += 1
    return written, articles


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cases(names: list[str] | None, also: list[str]) -> list[Case]:
    cases = [
        Case(q.name, q, _example_params(q.name))
        for q in saved_queries()
        if not names or q.name in names
    ]
    by_name = {q.name: q for q in saved_queries()}
    for spec in also:
        name, _, rest = spec.partition(":")
        params = dict(p.split("=", 1) for p in rest.split(",") if p)
        label = f"{name} ({rest or 'no parameters'})"
        cases.append(Case(label, by_name[name], params))
    return cases


def _time_query(store: ox.Store, text: str, repeat: int) -> tuple[float, int]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        _serialised(store, text)
        times.append(time.perf_counter() - t)
    result = store.query(text)
    rows = len(list(result)) if not isinstance(result, ox.QueryBoolean) else 1
    return statistics.median(times), rows


def run_size(size: int, cases: list[Case], args: argparse.Namespace, tmp: Path) -> None:
    """Generate, load and query one size; fills each case's figures for ``size``."""
    nq = tmp / f"graph-{size}.nq"
    t = time.perf_counter()
    triples, articles = write_graph(nq, size)
    generated = time.perf_counter() - t
    store_dir = tmp / f"store-{size}"
    store = open_store(store_dir)
    t = time.perf_counter()
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    loaded = time.perf_counter() - t
    # RocksDB compacts the loaded files in the background for minutes after a bulk load
    # (queries measured meanwhile took up to 4x longer): compact first, as a server that
    # has been up a while would have
    t = time.perf_counter()
    store.optimize()
    compacted = time.perf_counter() - t
    print(
        f"\n{triples:,} triples in {articles:,} article graphs: written in {generated:.0f} s, "
        f"bulk-loaded in {loaded:.0f} s, compacted in {compacted:.0f} s; peak memory so far "
        f"{_peak_mb():,.0f} MB"
    )
    sys.stdout.flush()
    for case in cases:
        text = prepare_query(case.query, case.params)
        case.median[size], case.rows[size] = _time_query(store, text, args.repeat)
        print(f"  {case.label:50} {case.rows[size]:8,} rows {case.median[size] * 1000:9,.1f} ms")
        sys.stdout.flush()
    if not args.skip_rdflib and size <= args.rdflib_max:
        dataset = Dataset()
        dataset.parse(str(nq), format="nquads")
        onto = dataset.graph(ONTOLOGY_GRAPH)
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH))):
            onto.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        for case in cases:
            text = with_prefixes(prepare_query(case.query, case.params))
            case.rdflib[size], _ = _rdflib_time(dataset, text, args.rdflib_cap)
        del dataset
    del store
    shutil.rmtree(store_dir, ignore_errors=True)
    nq.unlink()


def _ms(seconds: float | None, cap: float) -> str:
    return f"> {cap:.0f} s" if seconds is None else f"{seconds * 1000:,.0f} ms"


def report(cases: list[Case], sizes: list[int], cap: float) -> None:
    small, large = sizes[0], sizes[-1]
    head = "".join(f" {f'{s / 1e6:g}M rows':>11} {f'{s / 1e6:g}M':>10}" for s in sizes)
    rd_sizes = sorted({s for c in cases for s in c.rdflib})
    rd_head = "".join(f" {f'rdflib {s / 1e6:g}M':>12}" for s in rd_sizes)
    print("\nSaved queries at the endpoint (median, example parameters unless given)")
    print(f"  {'query':50}{head} {'growth':>8}{rd_head}")
    for c in cases:
        cells = "".join(
            f" {c.rows.get(s, 0):11,} {c.median[s] * 1000:7,.0f} ms" for s in sizes if s in c.median
        )
        growth = c.median[large] / c.median[small] if small in c.median and large in c.median else 0
        rd = "".join(f" {_ms(c.rdflib.get(s), cap):>12}" for s in rd_sizes)
        print(f"  {c.label:50}{cells} {growth:7.1f}x{rd}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--rdflib-cap", type=float, default=20.0, help="seconds per rdflib query")
    parser.add_argument(
        "--rdflib-max", type=int, default=1_000_000, help="largest size rdflib loads"
    )
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--queries", nargs="*", metavar="NAME", help="only these saved queries")
    parser.add_argument(
        "--also", nargs="*", default=[], metavar="NAME:k=v,...", help="extra runs of a query"
    )
    parser.add_argument("--dir", type=Path, default=None, help="scratch directory (default: /tmp)")
    args = parser.parse_args()
    # the rdflib baseline is rdflib as shipped, without this project's join-order plugin
    CUSTOM_EVALS.pop("conflict_kg_join_order", None)
    sizes = sorted(args.sizes)
    cases = _cases(args.queries, args.also)
    print(f"example parameters: synthetic overrides {sorted(SYNTHETIC_PARAMS)}")
    tmp = Path(tempfile.mkdtemp(prefix="ckg-scale-", dir=args.dir))
    try:
        for size in sizes:
            run_size(size, cases, args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report(cases, sizes, args.rdflib_cap)
    print(f"\npeak memory of this process: {_peak_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
