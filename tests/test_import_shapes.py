"""Imported records satisfy the SHACL shapes (regression: shapes once demanded a Mention).

Issue 6: an imported event has provenance to its source record instead of a sentence, so
the event shape accepts a ``ckg:SourceRecord`` where an article event cites a ``ckg:Mention``.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.linking.importers import import_files
from kg.shapes import validate
from kg.store import open_store

IMPORTS = Path(__file__).resolve().parents[1] / "examples" / "imports"
SAMPLES = [
    ("gdelt", "gdelt-karabakh.export.tsv"),
    ("polecat", "polecat-karabakh.jsonl"),
    ("acled", "acled-karabakh.csv"),
]


@pytest.mark.parametrize(("fmt", "name"), SAMPLES)
def test_imported_graph_conforms_to_shapes(fmt: str, name: str, tmp_path: Path) -> None:
    # A real store: actors' types come from its reference graph, as in use.
    store = open_store(tmp_path / "store")
    results = import_files(store, [IMPORTS / name], fmt=fmt, link=False)
    assert results[0].events > 0
    ds = Dataset()
    ds.parse(data=store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    report = validate(ds)
    assert report.conforms, report.text()
