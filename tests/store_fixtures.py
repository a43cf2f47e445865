"""Shared helpers for the store, query and export tests (not a test module itself)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.articles import read_articles
from kg.ingest import ingest_articles
from kg.loading import load_file
from kg.query import QueryResult
from kg.store import open_store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "de"
GOLD = SHARED / "corpus" / "gold"
EXAMPLE = REPO / "examples" / "articles" / "de" / "2020-10-moskau-verhandlungen.txt"
FIXTURE = REPO / "tests" / "data" / "contract-sample.trig"


def fixture_store(directory: Path) -> ox.Store:
    """A new store holding the hand-written contract fixture."""
    store = open_store(directory)
    report = load_file(store, FIXTURE)
    assert report.loaded, report.violations
    return store


def ingested_store(directory: Path, paths: Iterable[Path]) -> ox.Store:
    """A new store with the articles extracted and ingested for real (no linking)."""
    store = open_store(directory)
    report = ingest_articles(store, read_articles(list(paths)), link=False)
    assert not report.rejected, report.rejected
    return store


def texts(result: QueryResult, column: str) -> list[str]:
    """The values of one column as strings ('' for unbound)."""
    return ["" if v is None else str(v) for v in result.column(column)]


def rows_matching(result: QueryResult, **patterns: str) -> list[dict]:
    """Rows whose columns match the given case-insensitive regular expressions."""
    out = []
    for row in result.rows:
        if all(
            row.get(col) is not None and re.search(rx, str(row[col]), re.I)
            for col, rx in patterns.items()
        ):
            out.append(row)
    return out
