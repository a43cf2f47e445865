"""Benchmark: extraction in one process beside a local Dask cluster of 2 worker processes.

    .venv/bin/python bench/bench_cluster.py [--copies 8] [--corpus DIR] [--shards 8]

Repeats the dev corpus (``../shared/corpus/de``, 35 articles; ``--corpus`` for another
directory of articles) ``--copies`` times, each copy made new as ``bench/bench_jobs.py``
makes it (every sentence changed, so that no cache flatters a configuration), and writes
the articles as ``--shards`` JSON Lines shards. Then, in the same run:

- one process: :func:`kg.extract_batch.extract_dataset` over all shards with ``jobs=1``,
  what ``ckg extract shards/*.jsonl -o all.nq --jobs 1`` does, written as N-Quads;
- a Dask ``LocalCluster`` with 2 worker processes (one thread each):
  :func:`kg.cluster.extract_shards`, what ``ckg extract --scheduler ADDRESS`` does.

Start-up is reported apart (loading the models in this process; starting the cluster and
one small shard per worker, which loads the models in each). The run checks that the
sorted lines of the cluster's shards are byte for byte the one-process output (both files
are kept if not: in a working tree being edited, a change to the dictionaries between the
two runs is enough to make them differ). Reported:
seconds, articles/s, speed-up, the CPU the run got (this process and its children, from
``/proc``; a speed-up needs two free cores) and the load average before and after.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench_jobs import CORPUS, vary

from kg.articles import Article, read_articles


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the cluster's
    nannies and, through them, its workers: all have ended when a run is measured)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def write_shards(articles: list[Article], directory: Path, shards: int) -> list[Path]:
    """The articles as ``shards`` JSON Lines files (article i in shard i mod shards)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for s in range(shards):
        path = directory / f"shard-{s:03d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for a in articles[s::shards]:
                record = {"id": a.identifier, "date": a.date, "title": a.title, "text": a.body}
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def one_process(shards: list[Path]) -> tuple[float, float, bytes]:
    """(start-up seconds, extraction seconds, N-Quads bytes) of one process."""
    from kg.extract import default_extractor, write_dataset
    from kg.extract_batch import extract_dataset

    t0 = time.perf_counter()
    default_extractor()
    t1 = time.perf_counter()
    result = extract_dataset(read_articles(shards), jobs=1)
    buffer = io.StringIO()
    write_dataset(result.graphs, buffer, fmt="nq")
    return t1 - t0, time.perf_counter() - t1, buffer.getvalue().encode("utf-8")


def on_cluster(shards: list[Path], warm: list[Path], out: Path) -> tuple[float, float, bytes]:
    """(start-up seconds, extraction seconds, sorted unique lines of the output shards)."""
    from distributed import LocalCluster

    from kg.cluster import extract_shards

    t0 = time.perf_counter()
    with LocalCluster(
        processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        extract_shards(warm, scheduler=cluster.scheduler_address, output_dir=out / "warm")
        t1 = time.perf_counter()
        result = extract_shards(shards, scheduler=cluster.scheduler_address, output_dir=out)
        t2 = time.perf_counter()
    assert result.refused == 0, result
    lines = {line for p in out.glob("*.nq") for line in p.read_bytes().splitlines(True)}
    return t1 - t0, t2 - t1, b"".join(sorted(lines))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=8, help="times the corpus is repeated")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="directory of articles")
    parser.add_argument("--shards", type=int, default=8, help="JSON Lines shards")
    args = parser.parse_args(argv)
    base = [a for a in read_articles([args.corpus]) if isinstance(a, Article)]
    if not base:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 1
    articles = [vary(a, k) for k in range(args.copies) for a in base]
    work = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    shards = write_shards(articles, work / "shards", args.shards)
    warm = write_shards([vary(a, 10_000 + i) for i, a in enumerate(base[:2])], work / "warm", 2)
    print(f"{len(articles)} articles in {len(shards)} shards; load average {os.getloadavg()}")

    rows = []
    for name, run in (
        ("1 process", lambda: one_process(shards)),
        ("Dask, 2 workers", lambda: on_cluster(shards, warm, work / "out")),
    ):
        cpu0 = _cpu()
        startup, seconds, output = run()
        cpu = _cpu() - cpu0
        rows.append((name, startup, seconds, output, cpu / (startup + seconds)))
    same = rows[0][3] == rows[1][3]
    if not same:  # kept for a look: what differs
        for row, path in zip(rows, ("one-process.nq", "cluster-sorted.nq"), strict=True):
            (work / path).write_bytes(row[3])
            print(f"{row[0]}: {work / path}")
    print(f"{'run':16} {'start-up s':>10} {'seconds':>8} {'articles/s':>10} {'speed-up':>8} cores")
    for name, startup, seconds, _output, cores in rows:
        speed = len(articles) / seconds
        ratio = rows[0][2] / seconds
        print(
            f"{name:16} {startup:>10.1f} {seconds:>8.1f} {speed:>10.1f} {ratio:>7.2f}x {cores:.2f}"
        )
    print(f"same bytes (sorted shard lines = one process): {same}")
    print(f"load average {os.getloadavg()}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
