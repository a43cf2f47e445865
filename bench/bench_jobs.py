"""Benchmark: extraction in 1, 2 and N worker processes, beside tagging alone.

    .venv/bin/python bench/bench_jobs.py [--copies 8] [--corpus DIR] [--jobs 1,2,4]

Repeats the dev corpus (``../shared/corpus/de``, 35 articles) ``--copies`` times (280
articles by default) and extracts it through :class:`kg.parallel.ExtractionPool`, what
``ckg extract`` and ``ckg ingest`` use, with 1 job (in this process), 2 jobs and N jobs
(N = the cores this process may use, :func:`kg.parallel.default_jobs`). Beside it, in
the same run: tagging alone, i.e. sentence splitting, tokens and HanTa's tags over the
same text in one process, the floor every extractor pays.

Copies are not identical: the extractor caches HanTa's tags per sentence, so a verbatim
copy would cost about half of its first reading and flatter every figure. Copy ``k`` (from
1) therefore says "(Meldung k)" before the end of each sentence, which makes every
sentence new at the cost of three tokens; the original comes first unchanged.

Every pool is started first (start-up: starting the workers, loading the models, one
article each). Then the copies are taken in turn, and each copy is tagged and extracted
by every pool one after the other: on a shared machine the load drifts, and taking the
configurations in turn spreads the drift over all of them alike.

Reported per job count: start-up, articles/s, speed-up over 1 job, and the cost of an
article relative to tagging it alone (extraction seconds per article ÷ tagging seconds
per article: what parallel workers bring down). Then CPU milliseconds per article (this
process and the workers, from ``/proc`` on Linux): what the work costs whatever else
runs; and the cores the run got (CPU time ÷ wall time): N jobs can be N times faster only
if N cores are free. The graphs of every job count are checked to be the same as those of
1 job. The machine's load average is printed before and after.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import re
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.articles import Article, read_articles
from kg.extract import serialize_graphs
from kg.extract.sentences import split_sentences
from kg.extract.tokens import MAX_TOKEN_CHARS, tokenize
from kg.parallel import Extracted, ExtractionPool, default_jobs

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "de"
_END = re.compile(r"[.!?][\"'“”»«)]*\s*$")
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def vary(article: Article, copy: int) -> Article:
    """Copy ``copy`` of ``article``: "(Meldung copy)" before each sentence end (0: as is)."""
    if copy == 0:
        return article
    text = article.text
    for sentence in reversed(split_sentences(text, article.body_start)):
        end = _END.search(sentence.text)
        at = sentence.start + (end.start() if end else len(sentence.text))
        text = f"{text[:at]} (Meldung {copy}){text[at:]}"
    return dataclasses.replace(
        article,
        identifier=f"{copy}-{article.identifier}",
        origin=f"{article.origin}#copy{copy}",
        text=text,
    )


def _process_cpu(pid: int) -> float:
    """CPU seconds used so far by the process ``pid`` (0 where ``/proc`` is missing)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime


@dataclass
class Run:
    """One job count: its pool, its worker processes, and what it measured."""

    jobs: int
    pool: ExtractionPool
    workers: list[int] = field(default_factory=list)
    start_up: float = 0.0
    seconds: float = 0.0
    cpu: float = 0.0
    graphs: list[Graph] = field(default_factory=list)

    def cpu_now(self) -> float:
        return time.process_time() + sum(_process_cpu(pid) for pid in self.workers)

    def extract(self, articles: list[Article]) -> None:
        cpu, t0 = self.cpu_now(), time.perf_counter()
        for item in self.pool.extract(articles):
            assert isinstance(item, Extracted)
            self.graphs.append(item.graph())
        self.seconds += time.perf_counter() - t0
        self.cpu += self.cpu_now() - cpu


def start(jobs: int, warm_up: list[Article], stack: ExitStack) -> Run:
    """A started pool of ``jobs``: every worker has loaded the models and extracted one
    article (a copy no round uses, so that it fills no cache the rounds read)."""
    before = {p.pid for p in multiprocessing.active_children()}
    t0 = time.perf_counter()
    pool = stack.enter_context(ExtractionPool(jobs=jobs))
    for item in pool.extract(warm_up[:jobs]):
        assert isinstance(item, Extracted)
        item.graph()
    run = Run(jobs, pool, start_up=time.perf_counter() - t0)
    run.workers = [
        p.pid for p in multiprocessing.active_children() if p.pid and p.pid not in before
    ]
    return run


def tag(articles: list[Article], hanta: object) -> float:
    """Seconds to split, tokenize and tag ``articles`` with HanTa (no cache)."""
    t0 = time.perf_counter()
    for article in articles:
        for sentence in split_sentences(article.text, article.body_start):
            words = [w for _s, _e, w in tokenize(sentence.text, sentence.start)]
            short = [w for w in words if len(w) <= MAX_TOKEN_CHARS]  # as the extractor does
            if short:
                hanta.tag_sent(short, taglevel=1)  # type: ignore[attr-defined]
    return time.perf_counter() - t0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=8, help="times the corpus is repeated")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="directory of articles")
    parser.add_argument(
        "--jobs", default=None, help="comma-separated job counts (default: 1, 2 and N)"
    )
    args = parser.parse_args(argv[1:])
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    cores = default_jobs()
    counts = [int(j) for j in args.jobs.split(",")] if args.jobs else [1, 2, cores]
    counts = list(dict.fromkeys(counts))
    originals = [a for a in read_articles([args.corpus]) if isinstance(a, Article)]
    rounds = [[vary(a, k) for a in originals] for k in range(args.copies)]
    n = sum(len(r) for r in rounds)
    warm_up = [vary(a, args.copies + k) for k, a in enumerate(originals[: max(counts)])]
    print(
        f"{n} articles ({sum(len(a.text) for r in rounds for a in r):,} characters) in "
        f"{args.copies} rounds; {cores} core(s) usable, {os.cpu_count()} in the machine; "
        f"load average before {os.getloadavg()[0]:.2f}"
    )
    from HanTa import HanoverTagger

    hanta = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    tagging = 0.0
    with ExitStack() as stack:
        runs = [start(jobs, warm_up, stack) for jobs in counts]
        for articles in rounds:  # in turn, so that load drift hits every run alike
            tagging += tag(articles, hanta)
            for run in runs:
                run.extract(articles)
    tag_rate = n / tagging
    print(f"tagging alone (1 process): {tag_rate:.1f} articles/s")
    base = next((r for r in runs if r.jobs == 1), runs[0])
    print()
    print("| jobs | start-up | articles/s | speed-up | × tagging alone | CPU/article | cores got |")
    print("|---|---|---|---|---|---|---|")
    for r in runs:
        print(
            f"| {r.jobs} | {r.start_up:.1f} s | {n / r.seconds:.1f} | "
            f"{base.seconds / r.seconds:.2f}× | {r.seconds / tagging:.2f} | "
            f"{r.cpu / n * 1000:.0f} ms | {r.cpu / r.seconds:.2f} |"
        )
    expected = serialize_graphs(base.graphs, fmt="nq")
    same = all(serialize_graphs(r.graphs, fmt="nq") == expected for r in runs if r is not base)
    print()
    print(f"same graphs with every job count: {same}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
