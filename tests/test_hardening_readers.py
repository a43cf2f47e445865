"""Readers beside a writer (issue 11, item 5): answered correctly, or refused at once.

pyoxigraph calls reading a store while another process writes it undefined (it gave
corruption errors and runaway memory), so readers and writers take the store's lock
(:mod:`kg.store.lock`). A real ``ckg ingest`` of hundreds of articles runs in a
subprocess while this process reads the store again and again, in-process through the
public API and through ``ckg serve``: every answer is either the store as it was before
the ingest or as it is after it (never a half-written state, never an error of the
store), or the clear "being written by another process (pid N); try again" (503 with
``Retry-After`` at the endpoint).
"""

from __future__ import annotations

import os
import resource
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from serve_fixtures import CKG, running_server

from kg.articles import read_articles
from kg.ingest import ingest_articles
from kg.query import run_query
from kg.store import open_store, open_store_for_reading
from kg.store.lock import LOCK_TIMEOUT_ENV, WRITE_LOCK_TIMEOUT_ENV, StoreBusy, hold, reap

BEFORE = 5
ADDED = 300
HUNG = 900  # seconds; the ingest takes about a minute on an idle machine
# Article graphs, and those of them that are complete (their title written with them).
COUNT = """SELECT (COUNT(DISTINCT ?g) AS ?n) (COUNT(DISTINCT ?t) AS ?titled) WHERE {
  GRAPH ?g { ?g a ckg:Article . OPTIONAL { ?g dcterms:title ?t } } }"""
ACTORS = ["Deutschland", "Frankreich", "Russland", "Armenien", "Aserbaidschan", "Polen"]
PREFIXES = (
    "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
)
BUSY = "is being written by another process (pid "


def _articles(directory: Path, first: int, count: int) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + count):
        a, b = ACTORS[i % len(ACTORS)], ACTORS[(i + 1) % len(ACTORS)]
        (directory / f"treffen-{i:04d}.txt").write_text(
            f"date 2021-03-{1 + i % 28:02d} Treffen Nummer {i}\n\n"
            f"Berlin – Die Außenminister von {a} und {b} trafen sich am Montag in Wien. "
            f"{a} forderte eine Waffenruhe.\n",
            encoding="utf-8",
        )
    return directory


@pytest.fixture
def store_dir(tmp_path) -> Path:
    path = tmp_path / "store"
    store = open_store(path)
    report = ingest_articles(store, read_articles([_articles(tmp_path / "a0", 0, BEFORE)]))
    assert not report.rejected
    del store
    reap()
    return path


def _ingest(store: Path, articles: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [CKG, "ingest", "--no-link", "--store", str(store), str(articles)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _count(store: object) -> tuple[int, int]:
    row = run_query(store, COUNT).rows[0]  # type: ignore[arg-type]
    return int(row["n"]), int(row["titled"])  # type: ignore[arg-type]


def test_reads_during_an_ingest_are_right_or_refused_at_once(store_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0.2")
    proc = _ingest(store_dir, _articles(tmp_path / "a1", BEFORE, ADDED))
    answers: list[tuple[int, int]] = []
    refused: list[tuple[float, str]] = []
    after = 0
    started = time.monotonic()
    try:
        while after < 20 or len(answers) + len(refused) < 200:
            t0 = time.monotonic()
            try:
                store = open_store_for_reading(store_dir)
                answers.append(_count(store))
                del store
            except StoreBusy as err:
                refused.append((time.monotonic() - t0, str(err)))
            if proc.poll() is not None:
                after += 1
            # A guard against a hung writer only: how fast it writes is the benchmarks' job.
            assert time.monotonic() - started < HUNG, "the ingest never ended"
    finally:
        if proc.poll() is None:
            proc.kill()
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    # Every answer is the store before or after the ingest, each article whole.
    assert {n for n, _ in answers} <= {BEFORE, BEFORE + ADDED}, sorted(set(answers))
    assert all(n == titled for n, titled in answers)
    assert [n for n, _ in answers] == sorted(n for n, _ in answers)  # never backwards
    assert answers[-1] == (BEFORE + ADDED, BEFORE + ADDED)
    # The reads during the ingest were refused quickly, with the reason and the writer.
    assert refused, "no read met the writer"
    assert all(BUSY in message and "try again" in message for _, message in refused)
    assert max(waited for waited, _ in refused) < 2.0
    assert f"(pid {proc.pid})" in refused[0][1]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(answers)} answers, {len(refused)} refused, peak {peak_mb:.0f} MB")
    assert peak_mb < 1500, f"reader peak memory {peak_mb:.0f} MB"


def test_command_line_readers_and_writers_fail_fast_with_the_other_pid(store_dir):
    env = {**os.environ, LOCK_TIMEOUT_ENV: "0.5", WRITE_LOCK_TIMEOUT_ENV: "0.5"}
    query = store_dir.parent / "count.rq"
    query.write_text(COUNT, encoding="utf-8")

    def ckg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [CKG, *args, "--store", str(store_dir)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )

    with hold(store_dir, exclusive=True):  # as 'ckg ingest' does while it runs
        for command in (["query", str(query)], ["articles"], ["export", "--format", "nq"]):
            result = ckg(*command)
            assert result.returncode == 1, result
            assert result.stderr.strip().splitlines()[-1] == (
                f"ckg {command[0]}: error: the store {store_dir} is being written by "
                f"another process (pid {os.getpid()}); try again"
            )
        result = ckg("remove", "treffen-0001")  # a second writer is refused at once
        assert result.returncode == 1
        assert f"is in use by another process (pid {os.getpid()})" in result.stderr
    with hold(store_dir, exclusive=False):  # a reader: other readers go on, writers wait
        result = ckg("query", str(query), "--format", "csv")
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[1] == f"{BEFORE},{BEFORE}"
        result = ckg("remove", "treffen-0001")
        assert result.returncode == 1
        assert "was not free within 0.5 s" in result.stderr
    result = ckg("remove", "treffen-0001")
    assert result.returncode == 0, result.stderr


def test_endpoint_during_an_ingest_answers_200_or_503_with_retry_after(
    store_dir, tmp_path, monkeypatch
):
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0.3")  # the server's workers inherit it
    url = "/sparql?" + urllib.parse.urlencode({"query": PREFIXES + COUNT})
    statuses: dict[int, int] = {}
    counts: list[int] = []
    busy_bodies: list[str] = []
    with running_server(store_dir) as base:
        proc = _ingest(store_dir, _articles(tmp_path / "a1", BEFORE, ADDED))
        after = 0
        started = time.monotonic()
        try:
            while after < 10 or sum(statuses.values()) < 150:
                assert time.monotonic() - started < HUNG, "the ingest never ended"
                request = urllib.request.Request(base + url, headers={"Accept": "text/csv"})
                try:
                    with urllib.request.urlopen(request, timeout=30) as response:
                        lines = response.read().decode().splitlines()
                        n, titled = (int(x) for x in lines[1].split(","))
                        assert n == titled
                        counts.append(n)
                        status = response.status
                except urllib.error.HTTPError as err:
                    status = err.code
                    assert status == 503, (status, err.read())
                    assert err.headers.get("Retry-After"), "503 without Retry-After"
                    busy_bodies.append(err.read().decode())
                statuses[status] = statuses.get(status, 0) + 1
                if proc.poll() is not None:
                    after += 1
        finally:
            if proc.poll() is None:
                proc.kill()
            _out, err_text = proc.communicate(timeout=30)
    assert proc.returncode == 0, err_text
    print(f"statuses {statuses}")
    assert set(statuses) <= {200, 503}, statuses
    assert set(counts) <= {BEFORE, BEFORE + ADDED}, sorted(set(counts))
    assert counts == sorted(counts) and counts[-1] == BEFORE + ADDED
    assert any(BUSY in body for body in busy_bodies), busy_bodies[:3]
