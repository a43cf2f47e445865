"""Run the shared scorer on the dev corpus (when ../shared is present) and hold the figures.

Measured on the five dev articles: recall 1.000 (68/68), precision 1.000 (52/52),
must_not 0, dates 1.000, evidence 1.000. Asserted with a small margin.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.mark.skipif(
    not (SHARED / "tools" / "score_extraction.py").exists(), reason="../shared not present"
)
def test_dev_corpus_scores(tmp_path):
    out = tmp_path / "dev.trig"
    ckg = Path(sys.executable).parent / "ckg"
    arts = sorted((SHARED / "corpus" / "de").glob("*.txt"))
    r = subprocess.run(
        [str(ckg), "extract", *map(str, arts), "-o", str(out)], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    figures = tmp_path / "score.json"
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_extraction.py"),
            "--gold",
            str(SHARED / "corpus" / "gold"),
            "--graph",
            str(out),
            "--ontology",
            str(REPO / "ontology"),
            "--articles",
            str(SHARED / "corpus"),
            "--json",
            str(figures),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=900,
    )
    tot = json.loads(figures.read_text())["total"]
    assert tot["recall"] >= 0.95
    assert tot["precision"] >= 0.93
    assert tot["violations"] == 0
    assert tot["date_exactness"] >= 0.95
    assert tot["evidence"] == 1.0
