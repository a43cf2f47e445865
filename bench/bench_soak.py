"""Soak: concurrent clients against ``ckg serve`` while ``ckg ingest`` writes (issue 11).

Starts ``ckg serve`` on a store on 127.0.0.1, then for ``--seconds`` (default 180):

* **a writer** runs ``ckg ingest`` again and again (the real command, a process each),
  each time on ``--batch`` new synthetic articles plus one more copy of the example
  article (wire copy, which joins the same-event clusters), pausing ``--pause`` seconds
  in between;
* **``--clients`` clients** (default 20, each from its own loopback address
  127.0.0.2, 127.0.0.3, …, so the endpoint's per-client limit treats them as 20
  clients) send queries in a loop, one at a time, and check every answer;
* **a sampler** reads the peak resident memory (``VmHWM``) of the server, its query
  workers, each ``ckg ingest`` and its extraction workers every 0.2 s.

Everything stops by itself: the clients and the writer start nothing after the deadline,
the last ingest is waited for (and killed if it runs past the deadline by more than
``--grace`` seconds), then the server is stopped. Traffic goes to 127.0.0.1 only.

Every answer is classed as

* **ok**: 200 and the checks below hold;
* **wrong**: 200 but a check fails. The checks, all decidable from the committed state:
  ``articles``: the number of article graphs equals the number of them with a title
  (none half-written), is one of the counts the store has between two ingests (the
  writer holds the store for a whole ingest), is at least the count after the last
  ingest that had finished when the request was sent, and at most the count after the
  last ingest started by the time the answer came; ``links``: the copies of the wire
  article in clusters equal the copies stored times the events one copy links (links are
  never behind the articles); ``saved``: three saved queries (``ceasefire-demands``,
  ``meetings-calls``, ``actor-events``) never return fewer rows than the same client
  got before (articles are only added);
* **busy**: 503 "… is being written by another process (pid N); try again", the store
  lock's fast refusal of a read during an ingest (``kg.store.lock``: a reader waits at
  most ``$CKG_LOCK_TIMEOUT`` seconds, 5 by default, for the writer), counted apart from
  errors: it is the designed answer, not a failure;
* **overload**: any other 503 (queue full, time limit), with ``Retry-After``;
* **error**: anything else (another status, a broken connection, an unreadable body).

Clients honour ``Retry-After`` (at most 2 s) after a 503. Crashes: the server exiting
before it is stopped, or an ingest exiting non-zero.

    .venv/bin/python bench/bench_soak.py [--seconds 180] [--clients 20] [--json]

>>> _percentile([1.0, 2.0, 3.0, 4.0], 50), _percentile([], 99)
(2.5, 0.0)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "articles" / "de" / "2020-10-moskau-verhandlungen.txt"
CKG = str(Path(sys.executable).parent / "ckg")
ID = "https://w3id.org/conflict-kg/id/"
PREFIXES = (
    "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
)
ARTICLES = PREFIXES + (
    "SELECT (COUNT(DISTINCT ?g) AS ?n) (COUNT(DISTINCT ?titled) AS ?titled) WHERE {\n"
    "  GRAPH ?g { ?g a ckg:Article . OPTIONAL { ?g dcterms:title ?t BIND (?g AS ?titled) } } }"
)
LINKS = PREFIXES + (
    "SELECT (COUNT(DISTINCT ?a) AS ?copies) (COUNT(DISTINCT ?m) AS ?linked) WHERE {\n"
    f'  {{ GRAPH ?a {{ ?a a ckg:Article }} FILTER STRSTARTS(STR(?a), "{ID}article/wire-") }}\n'
    f"  UNION {{ GRAPH <{ID}graph/links> {{ ?c ckg:clusterMember ?m }}\n"
    f'    FILTER STRSTARTS(STR(?m), "{ID}event/wire-") }} }}'
)
SAVED = ("ceasefire-demands", "meetings-calls", "actor-events")
BUSY = "is being written by another process"
ACTORS = ["Deutschland", "Frankreich", "Russland", "Armenien", "Aserbaidschan", "Polen"]
CITIES = ["Wien", "Genf", "Minsk", "Paris", "Berlin"]


def _percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (linear interpolation); 0 for no values."""
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[min(98, max(0, int(q) - 1))]


# --- articles -------------------------------------------------------------------------


def _synthetic(n: int) -> dict[str, str]:
    """Article number ``n``: a meeting of two foreign ministers and a ceasefire demand."""
    a, b = ACTORS[n % len(ACTORS)], ACTORS[(n + 1) % len(ACTORS)]
    day = f"2021-03-{1 + n % 28:02d}"
    text = (
        f"Berlin – Die Außenminister von {a} und {b} trafen sich am Montag in "
        f"{CITIES[n % len(CITIES)]}. {a} forderte eine Waffenruhe. Es war Treffen Nummer {n}."
    )
    return {"id": f"soak-{n:05d}", "date": day, "title": f"Treffen Nummer {n}", "text": text}


@lru_cache(maxsize=1)
def _example() -> tuple[str, str, str]:
    """The example article as read: (date, title, text)."""
    from kg.articles import Article, read_articles

    [article] = [a for a in read_articles([EXAMPLE]) if isinstance(a, Article)]
    return article.date, article.title, article.body


def _wire(n: int) -> dict[str, str]:
    """Copy ``n`` of the example article (the same text, its own record id)."""
    date, title, text = _example()
    return {"id": f"wire-{n:04d}", "date": date, "title": title, "text": text}


def _write_batch(path: Path, records: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


# --- memory ---------------------------------------------------------------------------


def _status_kb(pid: int, field_name: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc."""
    out: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            out[ppid].append(int(entry))
    return out


class MemorySampler:
    """Peak ``VmHWM`` (MB) by role: ``server``, ``server workers``, ``ingest`` and
    ``ingest workers`` (the processes under an ingest), sampled every ``every`` s."""

    def __init__(self, *, every: float = 0.2) -> None:
        self.every = every
        self.peak: dict[str, float] = defaultdict(float)
        self.seen: dict[str, set[int]] = defaultdict(set)
        self.roots: dict[str, int] = {}  # role -> pid (server, the running ingest)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sample()

    def _note(self, role: str, pid: int) -> None:
        mb = _status_kb(pid, "VmHWM") / 1024
        if mb:
            self.seen[role].add(pid)
            self.peak[role] = max(self.peak[role], mb)

    def sample(self) -> None:
        children = _children()
        for role, pid in list(self.roots.items()):
            self._note(role, pid)
            todo = list(children.get(pid, ()))
            while todo:
                child = todo.pop()
                self._note(f"{role} workers", child)
                todo += children.get(child, ())

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()


# --- state of the writer, as the checks need it ---------------------------------------


@dataclass
class WriterState:
    """Article counts after each ingest; how many ingests finished / started."""

    counts: list[int] = field(default_factory=list)  # counts[i]: after i ingests
    finished: int = 0
    started: int = 0
    failed: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def window(self) -> tuple[int, int]:
        with self.lock:
            return self.finished, self.started


@dataclass
class Outcome:
    kind: str  # ok, wrong, busy, overload, error
    seconds: float
    query: str
    detail: str = ""


# --- the clients ----------------------------------------------------------------------


def _ask(
    port: int, source: str, query: str, *, timeout: float
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0)
    )
    try:
        path = "/sparql?" + urllib.parse.urlencode({"query": query})
        conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def _rows(body: bytes) -> list[dict[str, str]]:
    doc = json.loads(body)
    return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]


class Client:
    """One client: queries in a loop until the deadline, each answer checked."""

    def __init__(
        self,
        number: int,
        *,
        port: int,
        deadline: float,
        state: WriterState,
        per_copy: int,
        saved: dict[str, str],
        timeout: float,
    ) -> None:
        self.source = f"127.0.0.{2 + number}"
        self.port, self.deadline, self.state = port, deadline, state
        self.per_copy, self.saved, self.timeout = per_copy, saved, timeout
        self.outcomes: list[Outcome] = []
        self._last_rows: dict[str, int] = {}
        self._random = random.Random(number)

    def run(self) -> None:
        kinds = ["articles", "links", *self.saved]
        while time.monotonic() < self.deadline:
            name = self._random.choice(kinds)
            text = {"articles": ARTICLES, "links": LINKS}.get(name) or self.saved[name]
            before = self.state.window()
            t0 = time.monotonic()
            try:
                status, headers, body = _ask(self.port, self.source, text, timeout=self.timeout)
            except (OSError, http.client.HTTPException) as err:
                self.outcomes.append(Outcome("error", time.monotonic() - t0, name, repr(err)))
                time.sleep(0.2)
                continue
            took = time.monotonic() - t0
            after = self.state.window()
            outcome = self._judge(name, status, body, before, after, took)
            self.outcomes.append(outcome)
            if status == 503:
                retry = headers.get("Retry-After", "1")
                time.sleep(min(2.0, float(retry) if retry.isdigit() else 1.0))

    def _judge(
        self,
        name: str,
        status: int,
        body: bytes,
        before: tuple[int, int],
        after: tuple[int, int],
        took: float,
    ) -> Outcome:
        if status == 503:
            text = body.decode("utf-8", "replace")
            return Outcome("busy" if BUSY in text else "overload", took, name, text[:120])
        if status != 200:
            return Outcome("error", took, name, f"{status} {body[:120]!r}")
        try:
            rows = _rows(body)
            problem = self._check(name, rows, before, after)
        except (ValueError, KeyError, IndexError) as err:
            return Outcome("error", took, name, f"unreadable answer: {err!r}")
        return Outcome("wrong" if problem else "ok", took, name, problem)

    def _check(
        self, name: str, rows: list[dict[str, str]], before: tuple[int, int], after: tuple[int, int]
    ) -> str:
        """What is wrong with this answer ("" if nothing)."""
        if name == "articles":
            n, titled = int(rows[0]["n"]), int(rows[0]["titled"])
            if n != titled:
                return f"{n} articles but {titled} with a title: one half-written"
            with self.state.lock:
                counts, failed = list(self.state.counts), self.state.failed
            if failed:  # a failed ingest leaves counts unknown: only the rule above holds
                return ""
            legal = counts[before[0] : after[1] + 1]
            if n not in legal:
                return f"{n} articles; legal then: {legal[0]}..{legal[-1]}"
            return ""
        if name == "links":
            copies, linked = int(rows[0]["copies"]), int(rows[0]["linked"])
            if copies >= 2 and self.per_copy and linked != copies * self.per_copy:
                expected = copies * self.per_copy
                return f"{copies} wire copies, {linked} of their events linked (not {expected})"
            return ""
        last = self._last_rows.get(name, 0)
        self._last_rows[name] = max(last, len(rows))
        if len(rows) < last:
            return f"{len(rows)} rows after {last} before"
        return ""


# --- the writer -----------------------------------------------------------------------


@dataclass
class IngestRun:
    seconds: float
    exit: int
    articles: int
    peak_mb: float  # ru_maxrss of the ingest process (and its waited-for children)


def _ingest(
    store: Path, batch: Path, *, env: dict[str, str], sampler: MemorySampler | None, kill_at: float
) -> tuple[int, float, float]:
    """Run ``ckg ingest`` on ``batch``: (exit code, seconds, peak MB by rusage)."""
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [CKG, "ingest", "--store", str(store), str(batch)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    if sampler is not None:
        sampler.roots["ingest"] = proc.pid
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > kill_at:  # bounded: a stuck ingest is killed, and counted
            os.killpg(proc.pid, signal.SIGKILL)
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if sampler is not None:
        sampler.sample()
        sampler.roots.pop("ingest", None)
    return proc.returncode, time.monotonic() - t0, usage.ru_maxrss / 1024


def writer_loop(
    *,
    store: Path,
    work: Path,
    state: WriterState,
    deadline: float,
    grace: float,
    batch: int,
    pause: float,
    env: dict[str, str],
    sampler: MemorySampler,
    first: tuple[int, int],
) -> list[IngestRun]:
    """Ingest ``batch`` new articles and one wire copy, pause, again, until the deadline."""
    runs: list[IngestRun] = []
    article, wire = first
    while time.monotonic() < deadline:
        records = [_synthetic(article + i) for i in range(batch)] + [_wire(wire)]
        path = _write_batch(work / f"batch-{len(runs):04d}.jsonl", records)
        with state.lock:
            state.started += 1
        code, took, peak = _ingest(store, path, env=env, sampler=sampler, kill_at=deadline + grace)
        with state.lock:
            if code == 0:
                state.counts.append(state.counts[-1] + len(records))
                state.finished += 1
            else:
                state.failed += 1
        runs.append(IngestRun(took, code, len(records), peak))
        article, wire = article + batch, wire + 1
        stop = min(deadline, time.monotonic() + pause)
        while time.monotonic() < stop:
            time.sleep(0.05)
    return runs


# --- setting up -----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(port: int, proc: subprocess.Popen[bytes], *, seconds: float = 60) -> None:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        if proc.poll() is not None:
            raise RuntimeError(f"ckg serve exited with {proc.returncode}")
        try:
            status, _, _ = _ask(port, "127.0.0.1", ARTICLES, timeout=5)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("ckg serve did not answer")


def _seed(store: Path, work: Path, *, articles: int, env: dict[str, str]) -> tuple[int, int]:
    """Ingest the first articles and two wire copies; (articles, wire events linked per
    copy), read from the store before the server starts."""
    records = [_synthetic(i) for i in range(articles)] + [_wire(0), _wire(1)]
    code, _, _ = _ingest(
        store, _write_batch(work / "seed.jsonl", records), env=env, sampler=None, kill_at=1e18
    )
    if code != 0:
        raise RuntimeError(f"seeding the store failed (ckg ingest exit {code})")
    from kg.query import run_query
    from kg.store import open_store_for_reading
    from kg.store.lock import reap

    reader = open_store_for_reading(store)
    row = run_query(reader, LINKS).rows[0]
    del reader
    reap()
    copies, linked = int(row["copies"]), int(row["linked"])  # type: ignore[call-overload]
    return len(records), linked // copies if copies else 0


def _saved_texts() -> dict[str, str]:
    return {name: (REPO / "queries" / f"{name}.rq").read_text(encoding="utf-8") for name in SAVED}


def _summary(outcomes: list[Outcome]) -> dict[str, object]:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for o in outcomes:
        by_kind[o.kind].append(o.seconds)
    every = [o.seconds for o in outcomes]

    def lat(values: list[float]) -> dict[str, float]:
        return {
            "p50_ms": round(_percentile(values, 50) * 1000, 1),
            "p99_ms": round(_percentile(values, 99) * 1000, 1),
            "max_ms": round(max(values, default=0.0) * 1000, 1),
            "over_1s": sum(1 for v in values if v > 1.0),
        }

    return {
        "requests": len(outcomes),
        **{k: len(by_kind.get(k, [])) for k in ("ok", "wrong", "busy", "overload", "error")},
        "latency_all": lat(every),
        "latency_ok": lat(by_kind.get("ok", [])),
        "latency_busy": lat(by_kind.get("busy", [])),
        "by_query": {
            q: sum(1 for o in outcomes if o.query == q and o.kind == "ok")
            for q in ["articles", "links", *SAVED]
        },
    }


def soak(args: argparse.Namespace, *, say: Callable[[str], None]) -> dict[str, object]:
    """Run the soak; the figures as a dict (see the module documentation)."""
    work = Path(tempfile.mkdtemp(prefix="ckg-soak-"))
    store = work / "store"
    env = dict(os.environ)
    if args.lock_timeout is not None:
        env["CKG_LOCK_TIMEOUT"] = str(args.lock_timeout)
    sampler = MemorySampler()
    server: subprocess.Popen[bytes] | None = None
    try:
        say(f"seeding {args.seed} articles and 2 wire copies ...")
        seeded, per_copy = _seed(store, work, articles=args.seed, env=env)
        state = WriterState(counts=[seeded])
        port = _free_port()
        log = (work / "serve.log").open("wb")  # a file, not a pipe nobody drains
        server = subprocess.Popen(
            [CKG, "serve", "--store", str(store), "--port", str(port), "--quiet",
             "--workers", str(args.workers)],
            stdout=subprocess.DEVNULL,
            stderr=log,
            env=env,
        )  # fmt: skip
        _wait_for(port, server)
        sampler.roots["server"] = server.pid
        sampler.start()
        say(
            f"serving on 127.0.0.1:{port} ({args.workers} workers); {args.clients} clients "
            f"and the writer for {args.seconds:g} s ..."
        )
        started = time.monotonic()
        deadline = started + args.seconds
        saved = _saved_texts()
        clients = [
            Client(i, port=port, deadline=deadline, state=state, per_copy=per_copy,
                   saved=saved, timeout=args.timeout)
            for i in range(args.clients)
        ]  # fmt: skip
        threads = [threading.Thread(target=c.run, daemon=True) for c in clients]
        for t in threads:
            t.start()
        runs = writer_loop(
            store=store,
            work=work,
            state=state,
            deadline=deadline,
            grace=args.grace,
            batch=args.batch,
            pause=args.pause,
            env=env,
            sampler=sampler,
            first=(args.seed, 2),
        )
        for t in threads:
            t.join(timeout=args.timeout + 10)
        elapsed = time.monotonic() - started
        server_alive = server.poll() is None
        final = _final_check(port, state) if server_alive else "server gone"
        sampler.stop()
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(15)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    outcomes = [o for c in clients for o in c.outcomes]
    wrong = [o for o in outcomes if o.kind == "wrong"]
    errors = [o for o in outcomes if o.kind == "error"]
    return {
        "seconds": round(elapsed, 1),
        "clients": args.clients,
        "server_workers": args.workers,
        "ingests": len(runs),
        "ingests_failed": sum(1 for r in runs if r.exit != 0),
        "ingest_seconds_p50": round(_percentile([r.seconds for r in runs], 50), 1),
        "articles_written": state.counts[-1] - state.counts[0],
        "wire_events_linked_per_copy": per_copy,
        **_summary(outcomes),
        "throughput_ok_per_s": round(sum(1 for o in outcomes if o.kind == "ok") / elapsed, 1),
        "server_crashed": not server_alive,
        "final_check": final,
        "peak_mb": {role: round(mb) for role, mb in sorted(sampler.peak.items())},
        "processes_seen": {role: len(p) for role, p in sorted(sampler.seen.items())},
        "ingest_peak_mb_rusage": round(max((r.peak_mb for r in runs), default=0)),
        "soak_clients_peak_mb": round(_status_kb(os.getpid(), "VmHWM") / 1024),
        "examples": {
            "wrong": [f"{o.query}: {o.detail}" for o in wrong[:5]],
            "error": [f"{o.query}: {o.detail}" for o in errors[:5]],
        },
    }


def _final_check(port: int, state: WriterState) -> str:
    """After the writer stopped: the endpoint answers the final count ("ok"), else why not."""
    for _ in range(20):
        status, _, body = _ask(port, "127.0.0.1", ARTICLES, timeout=30)
        if status == 200:
            n = int(_rows(body)[0]["n"])
            expected = state.counts[-1]
            return "ok" if n == expected or state.failed else f"{n} articles, not {expected}"
        time.sleep(1)
    return f"no answer ({status})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=180.0, help="how long (180)")
    ap.add_argument("--clients", type=int, default=20, help="concurrent clients (20)")
    ap.add_argument("--workers", type=int, default=2, help="ckg serve --workers (2)")
    ap.add_argument("--batch", type=int, default=10, help="new articles per ingest (10)")
    ap.add_argument("--pause", type=float, default=5.0, help="seconds between ingests (5)")
    ap.add_argument("--seed", type=int, default=20, help="articles in the store at the start (20)")
    ap.add_argument("--timeout", type=float, default=60.0, help="client timeout, seconds (60)")
    ap.add_argument(
        "--grace", type=float, default=120.0, help="kill an ingest this long past the end"
    )
    ap.add_argument(
        "--lock-timeout",
        type=float,
        help="$CKG_LOCK_TIMEOUT for server and ingest (default: unset, 5)",
    )
    ap.add_argument("--keep", action="store_true", help="keep the store and batches")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    if not 1 <= args.clients <= 250:
        ap.error("--clients must be 1..250 (one loopback address each)")
    result = soak(args, say=lambda line: print(line, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for key, value in result.items():
        print(f"{key:28} {value}")


if __name__ == "__main__":
    main()
