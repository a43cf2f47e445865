"""`ckg check`: contradictions across sources, naming both; a clean store has none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.linking.check import check_store

DATA = Path(__file__).parent / "data"
A = "https://w3id.org/conflict-kg/id/article/"


def _store(*names: str) -> ox.Store:
    s = ox.Store()
    for n in names:
        s.load(path=str(DATA / n), format=ox.RdfFormat.TRIG)
    return s


def test_office_clash_and_event_before_conflict_start() -> None:
    found = check_store(_store("check-contradictions.trig"), reasoner=False)
    kinds = [(c.kind, c.source1, c.source2) for c in found]
    assert ("office", A + "a1", A + "a2") in kinds
    # a3 is eight months later: not "at the same time"
    assert not any(c.kind == "office" and A + "a3" in (c.source1, c.source2) for c in found)
    before = [c for c in found if c.kind == "before-start"]
    assert len(before) == 1 and "event/a2/y" in before[0].message
    assert (before[0].source1, before[0].source2) == (A + "a2", A + "a1")


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")
def test_membership_denied_elsewhere_is_confirmed_by_hermit() -> None:
    found = [c for c in check_store(_store("linking-sample.trig")) if c.kind == "membership"]
    assert len(found) == 1
    c = found[0]
    assert (c.source1, c.source2) == (A + "waffenruhe-25", A + "moskau")
    assert "azerbaijan" in c.message and "csto" in c.message
    assert c.confirmed_by == "HermiT (inconsistent)"


def test_clean_store_has_no_conflicts(tmp_path: Path) -> None:
    text = (DATA / "linking-sample.trig").read_text(encoding="utf-8")
    clean = text.replace("  e:azerbaijan ckg:memberOf e:csto .\n", "")
    assert clean != text
    s = ox.Store()
    s.load(clean.encode(), format=ox.RdfFormat.TRIG)
    assert check_store(s, reasoner=False) == []


def test_cli_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.store import open_store

    d = tmp_path / "store"
    s = open_store(d)
    s.load(path=str(DATA / "check-contradictions.trig"), format=ox.RdfFormat.TRIG)
    del s
    assert main(["check", "--store", str(d), "--no-reasoner"]) == 1
    out = capsys.readouterr().out
    assert "office:" in out and A + "a1" in out and A + "a2" in out
    open_store(tmp_path / "clean")  # an empty store, without conflicts
    assert main(["check", "--store", str(tmp_path / "clean"), "--no-reasoner"]) == 0
