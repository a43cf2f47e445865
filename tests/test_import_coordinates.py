"""Coordinates from imported records: GDELT's ActionGeo_Lat/Long, ACLED's latitude and
longitude (and POLECAT's event_loc) become geo:lat / geo:long of the place, as
xsd:decimal; bad coordinates are refused alone, with file, line and reason."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.linking.importers import import_files
from kg.linking.importers.gdelt import COLUMNS
from kg.namespaces import CKG, GEO, PROV, XSD

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "imports"
LAT, LONG = ox.NamedNode(str(GEO.lat)), ox.NamedNode(str(GEO.long))


def _coordinates(store: ox.Store, graph: str | None = None) -> dict[str, tuple[Decimal, Decimal]]:
    """place IRI -> (lat, long), checking each is one xsd:decimal."""
    g = ox.NamedNode(graph) if graph else None
    found: dict[str, dict[ox.NamedNode, list[ox.Literal]]] = {}
    for q in store.quads_for_pattern(None, None, None, g):
        if q.predicate in (LAT, LONG):
            assert isinstance(q.object, ox.Literal)
            assert q.object.datatype == ox.NamedNode(str(XSD.decimal))
            found.setdefault(q.subject.value, {}).setdefault(q.predicate, []).append(q.object)  # type: ignore[union-attr]
    out = {}
    for place, values in found.items():
        assert len(values[LAT]) == len(values[LONG]) == 1, place
        # compared as numbers: the store writes xsd:decimal canonically (39.5200 -> 39.52)
        out[place] = (Decimal(values[LAT][0].value), Decimal(values[LONG][0].value))
    return out


def _place_of(store: ox.Store, record_line: int, graph: str) -> str:
    """The place of the event imported from the record on ``record_line``."""
    g = ox.NamedNode(graph)
    line = ox.Literal(str(record_line), datatype=ox.NamedNode(str(XSD.integer)))
    [record] = [q.subject for q in store.quads_for_pattern(None, node(CKG.sourceLine), line, g)]
    [event] = [
        q.subject for q in store.quads_for_pattern(None, node(PROV.wasDerivedFrom), record, g)
    ]
    [place] = [q.object for q in store.quads_for_pattern(event, node(CKG.location), None, g)]
    return place.value  # type: ignore[union-attr]


def node(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def test_gdelt_and_acled_samples_put_coordinates_on_their_places() -> None:
    store = ox.Store()
    [g] = import_files(store, [SAMPLES / "gdelt-karabakh.export.tsv"], fmt="gdelt", link=False)
    [a] = import_files(store, [SAMPLES / "acled-karabakh.csv"], fmt="acled", link=False)
    assert g.errors == [] and a.errors == []
    gdelt, acled = _coordinates(store, g.graph), _coordinates(store, a.graph)
    # the first sample row: ActionGeo Moscow at 55.7522, 37.6156 (not rounded)
    assert gdelt[_place_of(store, 1, g.graph)] == (Decimal("55.7522"), Decimal("37.6156"))
    # ACLED row 2 (line 2): Yerevan 40.1811, 44.5136; row 3: Hadrut 39.5200, 47.0300
    assert acled[_place_of(store, 2, a.graph)] == (Decimal("40.1811"), Decimal("44.5136"))
    assert acled[_place_of(store, 3, a.graph)] == (Decimal("39.5200"), Decimal("47.0300"))
    for lat, long in [*gdelt.values(), *acled.values()]:
        assert -90 <= lat <= 90 and -180 <= long <= 180


def test_polecat_event_loc_coordinates_too() -> None:
    store = ox.Store()
    [p] = import_files(store, [SAMPLES / "polecat-karabakh.jsonl"], fmt="polecat", link=False)
    assert p.errors == []
    assert _coordinates(store, p.graph)[_place_of(store, 1, p.graph)] == (
        Decimal("55.75222"),
        Decimal("37.61556"),
    )


def _gdelt_row(**cells: str) -> str:
    first = (SAMPLES / "gdelt-karabakh.export.tsv").read_text(encoding="utf-8").split("\n")[0]
    row = dict(zip(COLUMNS, first.split("\t"), strict=True))
    row.update(cells)
    return "\t".join(row[c] for c in COLUMNS)


@pytest.mark.parametrize(
    ("lat", "long", "reason"),
    [
        ("95.2", "37.6", "latitude '95.2' is outside -90..90"),
        ("55.7", "-181", "longitude '-181' is outside -180..180"),
        ("55.7", "east", "longitude 'east' is not a decimal number"),
        ("1e3", "37.6", "latitude '1e3' is not a decimal number"),
        ("55.7", "", "a latitude without a longitude"),
    ],
)
def test_bad_gdelt_coordinates_refuse_only_the_coordinates(
    tmp_path: Path, lat: str, long: str, reason: str
) -> None:
    path = tmp_path / "geo.export.tsv"
    rows = [
        _gdelt_row(GLOBALEVENTID="1", ActionGeo_Lat=lat, ActionGeo_Long=long),
        _gdelt_row(GLOBALEVENTID="2", ActionGeo_FullName="Baku, Azerbaijan",
                   ActionGeo_Lat="40.3777", ActionGeo_Long="49.892"),
    ]  # fmt: skip
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    store = ox.Store()
    [r] = import_files(store, [path], fmt="gdelt", link=False)
    assert r.events == 2  # the record is kept, with its place
    assert r.errors == [f"{path}:1: record 1: coordinates left out: {reason}"]
    coordinates = _coordinates(store, r.graph)
    assert _place_of(store, 1, r.graph) not in coordinates
    assert coordinates[_place_of(store, 2, r.graph)] == (Decimal("40.3777"), Decimal("49.892"))


def test_bad_acled_coordinates_are_reported_by_the_command_with_exit_code_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (SAMPLES / "acled-karabakh.csv").read_text(encoding="utf-8").splitlines()
    bad = lines[1].replace(",40.1811,44.5136,", ",-91,44.5136,")
    assert bad != lines[1]
    path = tmp_path / "a.csv"
    path.write_text("\n".join([lines[0], bad, *lines[2:]]) + "\n", encoding="utf-8")
    code = main(["import", "--store", str(tmp_path / "s"), "--format", "acled", str(path)])
    captured = capsys.readouterr()
    assert code == 1
    assert (
        f"ckg import: {path}:2: record AZE1001: coordinates left out: "
        "latitude '-91' is outside -90..90"
    ) in captured.err
    assert f"{path}: 3 events" in captured.out


def test_a_place_keeps_the_first_coordinates_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "twice.export.tsv"
    rows = [
        _gdelt_row(GLOBALEVENTID=str(i), ActionGeo_Lat=f"55.75{i}", ActionGeo_Long="37.6156")
        for i in range(1, 5)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    store = ox.Store()
    # batches of one row: the first coordinates are found in the store, not in a batch
    [r] = import_files(store, [path], fmt="gdelt", link=False, batch_rows=1)
    assert r.events == 4
    assert list(_coordinates(store, r.graph).values()) == [(Decimal("55.751"), Decimal("37.6156"))]
