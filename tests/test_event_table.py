"""The event table: CSV and Parquet, and both read back by pandas with the right dtypes
(codes as strings, the date column a date)."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pandas as pd
import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import MissingRuntimeError
from kg.event_table import (
    COLUMNS,
    CSV_DTYPES,
    event_dataframe,
    read_event_table,
    write_event_parquet,
    write_event_table,
)
from kg.linking.importers import import_files
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "linking-sample.trig"
GDELT = ROOT / "examples" / "imports" / "gdelt-karabakh.export.tsv"


def _fill(store: ox.Store) -> ox.Store:
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    import_files(store, [GDELT], fmt="gdelt")
    return store


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return _fill(ox.Store())


@pytest.fixture(scope="module")
def csv_text(store) -> str:
    buf = io.StringIO()
    write_event_table(store, buf)
    return buf.getvalue()


def test_event_table_rows(store, csv_text) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 14
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
    write_event_table(store, again)
    assert again.getvalue() == csv_text


def test_a_month_is_its_first_day_with_precision_and_original(csv_text) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    months = [r for r in rows if r["date_precision"] == "month"]
    assert months and all(
        r["date"] == r["date_original"] + "-01" and len(r["date_original"]) == 7 for r in months
    )
    days = [r for r in rows if r["date_precision"] == "day"]
    assert days and all(r["date"] == r["date_original"] for r in days)


def _check_dtypes(df: pd.DataFrame) -> None:
    assert list(df.columns) == list(COLUMNS) and len(df) == 14
    for column in CSV_DTYPES:
        assert pd.api.types.is_string_dtype(df[column]), (column, df[column].dtype)
    assert "0871" in set(df["cameo"].dropna()) and "046" in set(
        df["cameo"].dropna().str.split("|").explode()
    )
    assert pd.api.types.is_datetime64_any_dtype(df["date"])
    assert df["date"].min() == pd.Timestamp("2020-10-01")
    assert df["confidence"].dtype == "float64" and df["confidence"].dropna().tolist() == [0.9]


def test_dataframe_has_the_schema_dtypes(store) -> None:
    _check_dtypes(event_dataframe(store))


def test_csv_read_by_pandas(tmp_path, csv_text) -> None:
    path = tmp_path / "events.csv"
    path.write_text(csv_text, encoding="utf-8")
    plain = pd.read_csv(path)  # the date column parses as it is (undated events: NaT)
    assert pd.to_datetime(plain["date"]).notna().sum() == plain["date"].notna().sum() > 10
    typed = pd.read_csv(path, dtype=CSV_DTYPES)
    assert "0871" in set(typed["cameo"])
    _check_dtypes(read_event_table(path))


def test_parquet_round_trip(store, tmp_path) -> None:
    path = tmp_path / "events.parquet"
    assert write_event_parquet(store, path) == 14
    plain = pd.read_parquet(path)  # types come with the file
    assert pd.api.types.is_string_dtype(plain["cameo"]) and "0871" in set(plain["cameo"])
    assert pd.to_datetime(plain["date"]).min() == pd.Timestamp("2020-10-01")
    _check_dtypes(read_event_table(path))


def test_cli_writes_csv_or_parquet_by_suffix(tmp_path, capsys) -> None:
    store_dir = tmp_path / "s"
    _fill(open_store(store_dir))
    out = tmp_path / "events.parquet"
    assert main(["table", "--store", str(store_dir), "-o", str(out)]) == 0
    assert "14 events ->" in capsys.readouterr().err
    assert out.read_bytes().startswith(b"PAR1")
    assert main(["table", "--store", str(store_dir), "--format", "parquet"]) == 2
    assert "give -o FILE.parquet" in capsys.readouterr().err


def test_parquet_without_pyarrow_says_what_to_install(store, tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails
    with pytest.raises(MissingRuntimeError, match=r"conflict-kg\[parquet\]"):
        write_event_parquet(store, tmp_path / "events.parquet")
