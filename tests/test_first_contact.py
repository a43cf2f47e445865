"""First contact: the main job (``scripts/demo.sh``) and ``ckg summary`` say in a few lines
what was read, found and stored, where the page is and what to try next; no line is wider
than 120 characters, and something shows from the first second."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from store_fixtures import FIXTURE, REPO

from kg.loading import load_file
from kg.store import open_store

CKG = str(Path(sys.executable).parent / "ckg")
WIDTH = 120


def _check_shape(lines: list[str], *, at_most: int, actor: str) -> None:
    assert len(lines) <= at_most, "\n".join(lines)
    wide = [line for line in lines if len(line) > WIDTH]
    assert wide == [], wide
    text = "\n".join(lines)
    for label in ("Read", "Found", "Stored", "Page"):
        assert any(line.startswith(label) for line in lines), label
    commands = [line.strip() for line in lines if line.lstrip().startswith((CKG, "ckg", ".venv"))]
    assert [c.split()[1] for c in commands] == ["query", "serve", "query"], text
    assert f"query actor-events --param actor=id:entity/{actor}" in text  # in the most events
    assert "query --list" in commands[2]


def test_summary_is_short_and_names_the_next_commands(tmp_path):
    store = open_store(tmp_path / "store")
    report = load_file(store, FIXTURE)
    assert report.loaded, report.violations
    del store
    page = tmp_path / "explorer.html"
    page.write_text("<!DOCTYPE html>")
    res = subprocess.run(
        [CKG, "summary", "--store", str(tmp_path / "store"), "--page", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    _check_shape(lines, at_most=20, actor="azerbaijan")
    assert lines[0].startswith("Read    5 articles, 2020-10 to 2022-11-02: ")
    assert any("events:" in line and "Meeting" in line for line in lines)
    assert any(str(page) in line for line in lines)


@pytest.mark.slow
def test_main_job_prints_a_short_summary_and_starts_talking_at_once():
    # A short directory of its own, as out/ would be; the tests' ckg, so no setup runs.
    out = Path(tempfile.mkdtemp(prefix="ckg-demo-"))
    try:
        _run_main_job(out)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _run_main_job(out: Path) -> None:
    env = {**os.environ, "CKG_DEMO_OUT": str(out), "CKG_DEMO_CKG": CKG}
    started = time.monotonic()
    proc = subprocess.Popen(
        [str(REPO / "scripts" / "demo.sh")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert time.monotonic() - started < 2, "nothing shown in the first seconds"
    assert first.startswith(b"conflict-kg demo")
    rest, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, err.decode()[-3000:]
    lines = (first + rest).decode().splitlines()
    assert [line[:5] for line in lines if line.startswith("[")] == [
        "[1/4]",
        "[2/4]",
        "[3/4]",
        "[4/4]",
    ]
    assert "consistent" in lines[1]
    _check_shape(lines, at_most=25, actor="vladimir-putin")
    assert (out / "explorer.html").is_file() and (out / "example.trig").is_file()
    log = (out / "demo.log").read_text(encoding="utf-8")
    assert "Event class" in log  # the ontology listing went to the log, not the screen
    assert "ceasefire-demands" in log and "rows)" in log  # and the answers
    assert f"{out}/demo.log" in lines[-1]
