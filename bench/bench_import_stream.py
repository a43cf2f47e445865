"""Benchmark: streaming imports of GDELT, POLECAT and ACLED files, rows/s and peak memory.

    .venv/bin/python bench/bench_import_stream.py [--rows 200000] [--small 20000]
        [--formats gdelt,polecat,acled] [--whole-file] [--link] [--limit-mb 1024]

Writes synthetic but valid files of each format (deterministic: same seed, same bytes;
varied ids, dates over three years, actors from ``kg/data/linking/iso3.tsv``, places with
coordinates, valid CAMEO codes, PLOVER and ACLED types, one bad row in 1 000 to exercise
the error path), then imports each into a fresh on-disk store in a process of its own, as
``ckg import`` does (:func:`kg.linking.importers.import_files`, batches committed whole),
and reports rows/s and the peak memory of that process: its peak resident set
(``ru_maxrss``) and how far it grew after start-up (modules and mappings loaded, before the
first row is read). Beside it in the same run: the same import of ``--small`` rows (memory
must not grow with the file), and with ``--whole-file`` the old path (every row parsed
into one list, then one write), which holds the whole file.

Each run is made under an address-space limit (``--limit-mb``, ``resource.RLIMIT_AS``,
what ``ulimit -v`` sets): a run that needs more fails with MemoryError, and the table says
so. Same-event linking is off by default (``--link`` turns it on): it is a separate pass
whose cost depends on how many events share actors and dates (``bench/bench_linking.py``),
not on reading the file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Places with coordinates (name as each source writes it, latitude, longitude).
_PLACES = [
    ("Moscow, Moskva, Russia", "Moscow", 55.7522, 37.6156),
    ("Yerevan, Yerevan, Armenia", "Yerevan", 40.1811, 44.5136),
    ("Baku, Baki, Azerbaijan", "Baku", 40.3777, 49.892),
    ("Stepanakert, Azerbaijan", "Stepanakert", 39.8153, 46.7519),
    ("Kyiv, Kyyiv, Misto, Ukraine", "Kyiv", 50.4501, 30.5234),
    ("Khartoum, Khartoum, Sudan", "Khartoum", 15.5007, 32.5599),
    ("Bamako, Bamako, Mali", "Bamako", 12.6392, -8.0029),
    ("Addis Ababa, Adis Abeba, Ethiopia", "Addis Ababa", 9.03, 38.74),
    ("Washington, District of Columbia, United States", "Washington", 38.8951, -77.0364),
    ("Hadrut, Azerbaijan", "Hadrut", 39.52, 47.03),
]
_CAMEO = ["010", "036", "042", "043", "046", "051", "057", "0871", "112", "120", "190", "195"]
_PLOVER = [
    ("CONSULT", "phone"),
    ("CONSULT", ""),
    ("AGREE", "ceasefire"),
    ("AGREE", ""),
    ("REQUEST", "assist"),
    ("ACCUSE", ""),
    ("PROTEST", ""),
    ("ASSAULT", ""),
]
_ACLED = [
    ("Strategic developments", "Agreement", "agreed to a ceasefire"),
    ("Strategic developments", "Agreement", "signed an accord"),
    ("Battles", "Armed clash", "clashes near the front"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelling"),
    ("Protests", "Peaceful protest", "demonstrators marched"),
]
_ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
#: One row in this many is broken (an unknown code), so the error path is measured too.
BAD_EVERY = 1000


def _countries() -> list[tuple[str, str]]:
    """(ISO alpha-3 code, dictionary key) of every country the mappings know."""
    rows = []
    path = ROOT / "kg" / "data" / "linking" / "iso3.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("code\t"):
            code, key = line.split("\t")[:2]
            rows.append((code.strip(), key.strip()))
    return rows


def _day(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2019, 2021), rng.randint(1, 12), rng.randint(1, 28)


def write_gdelt(path: Path, rows: int, *, seed: int = 1) -> None:
    """``rows`` GDELT 2.0 event rows (61 tab-separated columns, no header)."""
    from kg.linking.importers.gdelt import COLUMNS

    rng, countries = random.Random(seed), _countries()
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for i in range(rows):
            (c1, k1), (c2, k2) = rng.sample(countries, 2)
            y, m, d = _day(rng)
            full, _name, lat, lon = rng.choice(_PLACES)
            code = "9999" if i % BAD_EVERY == BAD_EVERY - 1 else rng.choice(_CAMEO)
            row = dict.fromkeys(COLUMNS, "")
            row.update(
                GLOBALEVENTID=str(900_000_000 + i),
                SQLDATE=f"{y}{m:02d}{d:02d}",
                MonthYear=f"{y}{m:02d}",
                Year=str(y),
                Actor1Code=c1,
                Actor1Name=k1.upper().replace("-", " "),
                Actor1CountryCode=c1,
                Actor2Code=c2,
                Actor2Name=k2.upper().replace("-", " "),
                Actor2CountryCode=c2,
                EventCode=code,
                EventBaseCode=code[:3],
                EventRootCode=code[:2],
                ActionGeo_Type="4",
                ActionGeo_FullName=full,
                ActionGeo_Lat=f"{lat:.4f}",
                ActionGeo_Long=f"{lon:.4f}",
                DATEADDED=f"{y}{m:02d}{d:02d}120000",
                SOURCEURL=f"https://example.org/news/{y}/{m:02d}/{d:02d}/{i}",
            )
            fh.write("\t".join(row[c] for c in COLUMNS) + "\n")


def write_polecat(path: Path, rows: int, *, seed: int = 2) -> None:
    """``rows`` PLOVER/POLECAT records, JSON Lines."""
    rng, countries = random.Random(seed), _countries()
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for i in range(rows):
            (c1, k1), (c2, k2) = rng.sample(countries, 2)
            y, m, d = _day(rng)
            _full, name, lat, lon = rng.choice(_PLACES)
            etype, mode = rng.choice(_PLOVER)
            if i % BAD_EVERY == BAD_EVERY - 1:
                etype = "NO-SUCH-TYPE"
            rec = {
                "id": f"PLV-{i:08d}",
                "date": f"{y}-{m:02d}-{d:02d}",
                "event": [etype],
                "mode": mode,
                "source": [{"code": c1, "actor_text": k1}],
                "recipient": [{"code": c2, "actor_text": k2}],
                "event_loc": {"name": name, "latitude": lat, "longitude": lon},
                "event_text": [f"Report {i} on {k1} and {k2}."],
                "cite_info": {"url": f"https://example.org/plover/{i}"},
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def write_acled(path: Path, rows: int, *, seed: int = 3) -> None:
    """``rows`` ACLED rows (CSV with the export's header)."""
    rng, countries = random.Random(seed), _countries()
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(_ACLED_HEADER)
        for i in range(rows):
            (_c1, k1), (_c2, k2) = rng.sample(countries, 2)
            y, m, d = _day(rng)
            _full, name, lat, lon = rng.choice(_PLACES)
            etype, sub, notes = rng.choice(_ACLED)
            if i % BAD_EVERY == BAD_EVERY - 1:
                etype = "No such type"
            row = dict.fromkeys(_ACLED_HEADER, "")
            row.update(
                event_id_cnty=f"SYN{i}",
                event_date=f"{y}-{m:02d}-{d:02d}",
                year=str(y),
                event_type=etype,
                sub_event_type=sub,
                actor1=f"Military Forces of {k1.title()} (2018-)",
                actor2=f"Government of {k2.title()} (2003-)",
                location=name,
                latitude=f"{lat:.4f}",
                longitude=f"{lon:.4f}",
                source="Synthetic News",
                notes=f"On that day {notes} (report {i}).",
                fatalities=str(rng.randint(0, 5)),
            )
            out.writerow([row[c] for c in _ACLED_HEADER])


WRITERS: dict[str, tuple[str, Callable[..., None]]] = {
    "gdelt": ("export.tsv", write_gdelt),
    "polecat": ("jsonl", write_polecat),
    "acled": ("csv", write_acled),
}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _child(fmt: str, path: str, mode: str, link: bool) -> None:
    """One import in this (fresh) process; prints one JSON line of figures."""
    from kg.linking.importers import import_files
    from kg.linking.importers.common import Mappings, write_batch
    from kg.store import open_store

    store = open_store(Path(tempfile.mkdtemp()) / "store")
    mappings = Mappings.load()  # the start-up every import pays; not counted as growth
    start_rss = _rss_mb()
    t0 = time.perf_counter()
    if mode == "stream":
        [result] = import_files(store, [path], fmt=fmt, link=link, on_error=lambda _m: None)
        events, refused = result.events, result.refused
    else:  # the old path: every row parsed into one list, then one write of the whole file
        from kg.linking.importers import PARSERS

        parsed, errors = PARSERS[fmt](Path(path), mappings)
        write_batch(store, parsed, fmt=fmt, path=Path(path), mappings=mappings)
        events, refused = len(parsed), len(errors)
    seconds = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "events": events,
                "refused": refused,
                "seconds": seconds,
                "start_mb": start_rss,
                "peak_mb": _rss_mb(),
            }
        )
    )


def _run(fmt: str, path: Path, mode: str, *, link: bool, limit_mb: int) -> dict[str, object]:
    """Run :func:`_child` in a process of its own under an address-space limit."""

    def limit() -> None:
        size = limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    cmd = [sys.executable, __file__, "--child", fmt, str(path), mode]
    cmd += ["--link"] if link else []
    proc = subprocess.run(
        cmd, capture_output=True, text=True, preexec_fn=limit, check=False, cwd=ROOT
    )
    if proc.returncode != 0:
        # Python raises MemoryError; pyoxigraph (Rust) aborts on a failed allocation
        memory = any(w in proc.stderr for w in ("MemoryError", "memory allocation", "backtrace"))
        tail = proc.stderr.strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
        return {"failed": f"out of memory under {limit_mb} MB" if memory else tail[0][:80]}
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--formats", default="gdelt,polecat,acled")
    parser.add_argument("--whole-file", action="store_true", help="also run the old path")
    parser.add_argument("--link", action="store_true", help="link same events too")
    parser.add_argument("--limit-mb", type=int, default=1024, help="address-space limit")
    parser.add_argument(
        "--child", nargs=3, metavar=("FORMAT", "FILE", "MODE"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        fmt, path, mode = args.child
        _child(fmt, path, mode, link=args.link)
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    print(f"load average {os.getloadavg()[0]:.2f}; limit {args.limit_mb} MB (RLIMIT_AS)")
    header = f"{'format':8} {'path':12} {'rows':>8} {'events':>8} {'refused':>7} "
    header += f"{'rows/s':>8} {'peak MB':>8} {'growth MB':>9}"
    print(header)
    for fmt in args.formats.split(","):
        suffix, write = WRITERS[fmt]
        runs = [(args.small, "stream"), (args.rows, "stream")]
        if args.whole_file:
            runs += [(args.small, "whole-file"), (args.rows, "whole-file")]
        for rows, mode in runs:
            path = work / f"{fmt}-{rows}.{suffix}"
            if not path.exists():
                write(path, rows)
            r = _run(fmt, path, mode, link=args.link, limit_mb=args.limit_mb)
            if "failed" in r:
                print(f"{fmt:8} {mode:12} {rows:>8} failed: {r['failed']}")
                continue
            seconds, peak, start = (float(r[k]) for k in ("seconds", "peak_mb", "start_mb"))  # type: ignore[arg-type]
            print(
                f"{fmt:8} {mode:12} {rows:>8} {r['events']:>8} {r['refused']:>7} "
                f"{rows / seconds:>8.0f} {peak:>8.0f} {peak - start:>9.0f}"
            )
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
