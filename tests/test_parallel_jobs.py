"""``--jobs``: extraction in worker processes gives what one process gives.

Byte-identical ``ckg extract`` output and the same messages with 1 and 2 jobs (on the dev
corpus, with bad records in the middle), the same store content and report from
``ckg ingest``, results in input order, and a killed worker reported with its article
instead of a hang.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.articles import Article, Rejected, parse_article_text, read_articles
from kg.cli import main
from kg.parallel import Extracted, ExtractionPool, WorkerCrashed

CKG = str(Path(sys.executable).parent / "ckg")
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "de"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="dev corpus not present")


def _ckg(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CKG, *map(str, args)], capture_output=True, text=True, timeout=600, check=False
    )


def _corpus_with_bad_records(tmp_path: Path) -> list[Path]:
    """The dev corpus with, in the middle, a JSON Lines file of good and bad records
    (not JSON, a bad url, no text) and a text file without a date line."""
    files = sorted(CORPUS.glob("*.txt"))
    middle = len(files) // 2
    good = read_articles([files[0]])
    text = next(a for a in good if isinstance(a, Article)).body
    records = tmp_path / "middle.jsonl"
    records.write_text(
        "\n".join(
            [
                json.dumps({"id": "m1", "date": "2020-01-02", "text": text}, ensure_ascii=False),
                "not json",
                json.dumps({"id": "m2", "date": "2020-01-02", "text": "x", "url": "http://a b"}),
                json.dumps({"id": "m3", "date": "2020-01-02"}),
                json.dumps({"id": "m4", "date": "2020-01-03", "text": "Die AU vermittelte."}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    nodate = tmp_path / "nodate.txt"
    nodate.write_text("Ein Text ohne Datumszeile.\n", encoding="utf-8")
    return [*files[:middle], records, nodate, *files[middle:]]


@needs_corpus
def test_extract_with_two_jobs_is_byte_identical_with_bad_records_in_the_middle(tmp_path):
    inputs = _corpus_with_bad_records(tmp_path)
    one, two = tmp_path / "one.trig", tmp_path / "two.trig"
    r1 = _ckg("extract", *inputs, "-o", one, "--jobs", 1)
    r2 = _ckg("extract", *inputs, "-o", two, "--jobs", 2)
    assert r1.returncode == r2.returncode == 1, (r1.stderr, r2.stderr)
    assert one.read_bytes() == two.read_bytes()
    assert one.stat().st_size > 100_000  # the whole corpus, not just the reference graph
    # the same messages, in the same order, naming each bad record by file and line
    assert r1.stderr == r2.stderr
    for origin in ("middle.jsonl:2", "middle.jsonl:3", "middle.jsonl:4", "nodate.txt"):
        assert f"ckg extract: error: {tmp_path / origin}: " in r2.stderr
    assert r2.stderr.count("ckg extract: error:") == 4


def test_extract_nquads_to_stdout_is_the_same_with_two_jobs(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "date 2023-04-20 Sudan\nKhartum – Die Armee und die RSF haben sich unter Vermittlung "
        "der USA auf eine Waffenruhe geeinigt.\n",
        encoding="utf-8",
    )
    other = tmp_path / "b.jsonl"
    other.write_text(
        json.dumps({"id": "b1", "date": "2022-11-02", "text": "Die AU vermittelte in Pretoria."})
        + "\n",
        encoding="utf-8",
    )
    r1 = _ckg("extract", article, other, "--format", "nq", "--jobs", 1)
    r2 = _ckg("extract", article, other, "--format", "nq", "--jobs", 2)
    assert r1.returncode == r2.returncode == 0, r2.stderr
    assert r1.stdout == r2.stdout and r1.stdout.count(" .\n") > 20


def _dump(store_dir: Path) -> list[str]:
    from kg.store import open_store

    store = open_store(store_dir)
    dataset = ox.Dataset(store.quads_for_pattern(None, None, None, None))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(str(q) for q in dataset)


@needs_corpus
def test_ingest_with_two_jobs_stores_the_same_quads_in_input_order(tmp_path):
    inputs = _corpus_with_bad_records(tmp_path)
    r1 = _ckg("ingest", *inputs, "--store", tmp_path / "one", "--jobs", 1)
    r2 = _ckg("ingest", *inputs, "--store", tmp_path / "two", "--jobs", 2)
    assert r1.returncode == r2.returncode == 1, (r1.stderr, r2.stderr)
    # the report lists the articles in input order, with the same counts and links
    assert r1.stdout == r2.stdout
    listed = [line.split()[1] for line in r2.stdout.splitlines()]
    expected = [a.identifier for a in read_articles(inputs) if isinstance(a, Article)]
    assert listed == expected
    assert r1.stderr == r2.stderr and r2.stderr.count("ckg ingest: rejected:") == 4
    one, two = _dump(tmp_path / "one"), _dump(tmp_path / "two")
    assert one == two and len(one) > 5_000


def _article(i: int, sentences: int) -> Article:
    body = " ".join(["Die Ukraine und Russland haben sich in Istanbul geeinigt."] * sentences)
    return parse_article_text(
        f"date 2022-03-{i + 1:02d} Bericht {i}\nKiew – {body}\n",
        identifier=f"a{i}.txt",
        origin=f"a{i}.txt",
    )


def test_results_come_in_input_order_with_rejected_inputs_in_place():
    # long and short articles alternate, so the workers finish out of order
    items: list[Article | Rejected] = [_article(i, 30 if i % 3 == 0 else 1) for i in range(9)]
    items.insert(4, Rejected("bad.jsonl:2", "not JSON"))
    with ExtractionPool(jobs=2) as pool:
        got = list(pool.extract(items))
    assert [x.origin if isinstance(x, Rejected) else x.article.origin for x in got] == [
        x.origin for x in items
    ]
    with ExtractionPool(jobs=1) as pool:
        here = [x.graph() for x in pool.extract(items) if isinstance(x, Extracted)]
    there = [x.graph() for x in got if isinstance(x, Extracted)]
    assert [set(g) for g in there] == [set(g) for g in here]
    assert [g.identifier for g in there] == [g.identifier for g in here]


def _alarm(seconds: int) -> None:
    def hung(signum, frame):  # type: ignore[no-untyped-def]
        raise AssertionError(f"no answer within {seconds} s: the pool hangs")

    signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)


def test_a_killed_worker_is_an_error_naming_its_article_not_a_hang():
    items = [_article(i, 40) for i in range(8)]
    _alarm(180)
    try:
        with pytest.raises(WorkerCrashed) as caught, ExtractionPool(jobs=2) as pool:
            for n, item in enumerate(pool.extract(items)):
                assert isinstance(item, Extracted)
                if n == 0:  # both workers are running by now, each with an article
                    workers = [p for p in multiprocessing.active_children() if p.pid]
                    assert workers
                    for process in workers:
                        os.kill(process.pid, signal.SIGKILL)  # type: ignore[arg-type]
    finally:
        signal.alarm(0)
    message = str(caught.value)
    assert "died (killed by SIGKILL)" in message
    assert any(message.startswith(f"{a.origin}: ") for a in items[1:]), message
    assert not multiprocessing.active_children()  # no worker left behind


def _workers_of(pid: int) -> list[int]:
    """The extraction workers among the children of ``pid`` (Linux ``/proc``)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    pids = [int(p) for p in children.read_text().split()] if children.exists() else []
    found = []
    for child in pids:
        with_args = Path(f"/proc/{child}/cmdline")
        if with_args.exists() and b"spawn_main" in with_args.read_bytes():
            found.append(child)
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_a_killed_worker_stops_ckg_extract_with_the_article_named(tmp_path):
    paths = []
    for i in range(6):
        article = _article(i, 40)
        path = tmp_path / article.identifier
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    proc = subprocess.Popen(
        [CKG, "extract", *map(str, paths), "--jobs", "2", "-o", str(tmp_path / "out.trig")],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):  # a worker holds an article from its start
            workers = _workers_of(proc.pid)
            if workers or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert workers, "no worker process appeared"
        os.kill(workers[0], signal.SIGKILL)
        _out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1
    assert f"(pid {workers[0]}) died (killed by SIGKILL); the run stopped there" in err
    assert any(f"ckg extract: error: {p}: the worker process" in err for p in paths), err
    assert not (tmp_path / "out.trig").exists()  # nothing half-written


def test_jobs_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["extract", "--jobs", "0", "x.txt"])
    assert exited.value.code == 2
    assert "--jobs: expected a number of processes of at least 1, got '0'" in (
        capsys.readouterr().err
    )
