"""The events of the explorer's map and timeline: which, where, and what the page weighs."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from viz import build_graph, load_file
from viz.outlines import SCALE, outline_path
from viz.page import page_data

DATA = Path(__file__).parent / "data"
E = "https://w3id.org/conflict-kg/id/entity/"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"


def _timemap(store: ox.Store, **options):
    eg = build_graph(store, **options)
    return page_data(eg.graph, model=eg.model)["timemap"]


@pytest.fixture
def sample() -> ox.Store:
    return load_file(DATA / "viz-sample.trig")


def test_every_event_of_the_graph_is_a_row(sample):
    eg = build_graph(sample, view="events")
    events = {n for n, d in eg.graph.nodes(data=True) if d.get("kind") == "event"}
    tm = page_data(eg.graph, model=eg.model)["timemap"]
    assert {r["id"] for r in tm["events"]} == events
    # the rows are in date order, undated first
    dates = [r.get("d", "") for r in tm["events"]]
    assert dates == sorted(dates)
    # actors with their roles, and the evidence sentence of each event
    demand = next(r for r in tm["events"] if r["t"] == "CeasefireDemand")
    assert ["agent", E + "vladimir-putin"] in demand["a"] and demand["ev"]
    assert tm["names"][E + "vladimir-putin"] == "Wladimir Putin"


def test_top_keeps_the_map_and_timeline_to_the_events_drawn():
    store = load_file(DATA / "viz-devcorpus.trig")
    all_rows = _timemap(store, view="actors")["events"]
    top_rows = _timemap(store, view="actors", top=3)["events"]
    assert 0 < len(top_rows) < len(all_rows)
    assert {r["id"] for r in top_rows} <= {r["id"] for r in all_rows}


def test_coordinates_in_the_data_come_first(sample):
    # an imported record's point for Moscow, in its own graph
    moscow, graph = ox.NamedNode(E + "moscow"), ox.NamedNode("https://example.org/import")
    dec = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    sample.add(ox.Quad(moscow, ox.NamedNode(GEO + "lat"), ox.Literal("55.7", datatype=dec), graph))
    sample.add(ox.Quad(moscow, ox.NamedNode(GEO + "long"), ox.Literal("37.6", datatype=dec), graph))
    place = _timemap(sample, view="events")["places"][E + "moscow"]
    assert (place["lat"], place["long"], place["src"]) == ("55.7", "37.6", "data")
    assert (place["x"], place["y"]) == (37.6 * SCALE, -55.7 * SCALE)


def test_places_without_coordinates_are_looked_up_regions_are_not():
    tm = _timemap(load_file(DATA / "viz-devcorpus.trig"), view="events")
    places = tm["places"]
    assert places[E + "moscow"]["src"] == "gazetteer"
    assert places[E + "shusha"]["lat"] == "39.76006"  # Schuscha, from the shipped table
    assert "x" not in places[E + "nagorno-karabakh"]  # a region: no point


def test_outline_has_no_band_across_the_world():
    d = outline_path()
    assert 30_000 < len(d) < 50_000
    for ring in re.findall(r"M(-?\d+) (-?\d+)l([^z]*)z", d):
        steps = [int(n) for n in re.findall(r"-?\d+", ring[2])]
        assert all(abs(dx) <= 180 * SCALE for dx in steps[0::2]), "a ring wraps round the map"


def test_page_weight_of_the_map_and_timeline(sample):
    eg = build_graph(sample, view="actors")
    with_map = eg.html()
    eg.model = None
    without = eg.html()
    extra = len(with_map.encode()) - len(without.encode())
    # the outlines (44 KB) and the rows; a page is still mostly vis-network (690 KB)
    assert 44_000 < extra < 60_000, extra


def test_no_outline_when_no_event_is_placed(tmp_path):
    trig = tmp_path / "x.trig"
    trig.write_text(
        """@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
        <https://example.org/g> {
          <https://example.org/e> a ckg:Meeting ; ckg:date "2020-10-09" ;
            ckg:participant <https://example.org/a> , <https://example.org/b> .
          <https://example.org/a> a ckg:State . <https://example.org/b> a ckg:State . }""",
        encoding="utf-8",
    )
    tm = _timemap(load_file(trig), view="events")
    assert len(tm["events"]) == 1 and tm["outline"] == ""


def test_when_sources_disagree_a_pair_from_one_graph_the_reference_first(tmp_path, sample):
    from kg.store import open_store

    store = open_store(tmp_path / "store")  # its reference graph locates Moscow
    store.extend(sample.quads_for_pattern(None, None, None, None))
    moscow, graph = ox.NamedNode(E + "moscow"), ox.NamedNode("https://example.org/import")
    dec = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    # an imported record with another point: lat sorts before, long after the reference's
    store.add(ox.Quad(moscow, ox.NamedNode(GEO + "lat"), ox.Literal("10.5", datatype=dec), graph))
    store.add(ox.Quad(moscow, ox.NamedNode(GEO + "long"), ox.Literal("99.5", datatype=dec), graph))
    place = _timemap(store, view="events")["places"][E + "moscow"]
    assert (place["lat"], place["long"], place["src"]) == ("55.75204", "37.61781", "data")


def test_a_place_the_dictionary_lacks_is_found_by_its_german_name(tmp_path):
    trig = tmp_path / "minted.trig"
    trig.write_text(
        """@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix ent: <https://w3id.org/conflict-kg/id/entity/> .
        <https://example.org/g> {
          <https://example.org/e1> a ckg:Meeting ; ckg:date "2020-10-09" ;
            ckg:participant ent:armenia , ent:azerbaijan ; ckg:location ent:hamburg .
          <https://example.org/e2> a ckg:MilitaryAction ; ckg:date "2020-10-10" ;
            ckg:agent ent:armenia ; ckg:location ent:springfield , ent:wuestenland .
          ent:hamburg a ckg:City ; rdfs:label "Hamburg"@de .
          ent:springfield a ckg:City ; rdfs:label "Springfield"@de .
          ent:wuestenland a ckg:Region ; rdfs:label "Hamburg"@de .
          ent:armenia a ckg:State . ent:azerbaijan a ckg:State . }""",
        encoding="utf-8",
    )
    places = _timemap(load_file(trig), view="events")["places"]
    assert places[E + "hamburg"]["src"] == "gazetteer"
    assert places[E + "hamburg"]["lat"].startswith("53.5")
    assert "x" not in places[E + "springfield"]  # many Springfields, none 10x the next
    assert "x" not in places[E + "wuestenland"]  # a region is never a town's point


def test_imported_records_put_their_places_on_the_map():
    from kg.linking.importers import import_files

    store = ox.Store()
    samples = Path(__file__).parent.parent / "examples" / "imports"
    [report] = import_files(store, [samples / "acled-karabakh.csv"], fmt="acled", link=False)
    assert report.errors == []
    places = _timemap(store, view="events")["places"]
    points = {
        (float(p["lat"]), float(p["long"])) for p in places.values() if p.get("src") == "data"
    }
    assert (39.52, 47.03) in points  # Hadrut, as the ACLED record gives it


def test_events_are_tied_to_conflicts_as_the_timeline_query_ties_them():
    tm = _timemap(load_file(DATA / "viz-devcorpus.trig"), view="events")
    conflict = E + "nagorno-karabakh-conflict"
    tied = [r for r in tm["events"] if conflict in r.get("k", [])]
    # the extractor says ckg:about the conflict or its region (Bergkarabach), not partOf
    assert len(tied) >= 5 and tm["names"][conflict] == "Bergkarabach-Konflikt"
    assert len(tied) < len(tm["events"])
