"""The event table CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox

from kg.linking.importers import import_files
from kg.linking.table import COLUMNS, write_event_table

ROOT = Path(__file__).resolve().parents[1]


def test_event_table_rows() -> None:
    s = ox.Store()
    s.load(path=str(ROOT / "tests" / "data" / "linking-sample.trig"), format=ox.RdfFormat.TRIG)
    import_files(s, [ROOT / "examples" / "imports" / "gdelt-karabakh.export.tsv"], fmt="gdelt")
    buf = io.StringIO()
    n = write_event_table(s, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0]) == COLUMNS and len(rows) == n == 14
    m1 = next(r for r in rows if r["event"].endswith("/moskau/m1"))
    assert m1["class"] == "Meeting" and m1["cameo"] == "042|043|044" and m1["plover"] == "CONSULT"
    assert m1["other_actors"] == "participant:Armenia|participant:Azerbaijan"
    assert (m1["date"], m1["confidence"], m1["source"], m1["sentence"]) == (
        "2020-10-09",
        "0.9",
        "moskau.txt",
        "x",
    )
    g = next(r for r in rows if r["cameo"] == "0871" and r["date"] == "2020-10-10")
    assert g["source"].startswith("https://example.org/") and g["agents"] == "Armenia"
    again = io.StringIO()
    write_event_table(s, again)
    assert again.getvalue() == buf.getvalue()
