"""``ckg viz --format graphml|gexf``: the actor and events graphs as files NetworkX (and so
Gephi, Cytoscape, yEd) reads back, with flat, typed attributes."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.cli import main
from viz import build_nx, load_file

SAMPLE = Path(__file__).parent / "data" / "viz-devcorpus.trig"
READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


@pytest.fixture(scope="module")
def graphs() -> dict[str, nx.MultiDiGraph]:
    source = load_file(SAMPLE)
    return {view: build_nx(source, view=view) for view in ("actors", "events")}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("view", ["actors", "events"])
def test_networkx_reads_the_file_back(graphs, tmp_path, capsys, view, fmt):
    out = tmp_path / f"{view}.{fmt}"
    assert main(["viz", "--input", str(SAMPLE), "--view", view, "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    back = READERS[fmt](out)
    original = graphs[view]
    assert set(back.nodes) == set(original.nodes)
    assert back.number_of_edges() == original.number_of_edges() > 50
    assert sorted((u, v, str(k)) for u, v, k in back.edges(keys=True)) == sorted(
        (u, v, str(k)) for u, v, k in original.edges(keys=True)
    )
    values = [d for _, d in back.nodes(data=True)] + [d for *_, d in back.edges(data=True)]
    assert all(isinstance(x, str | int | float | bool) for d in values for x in d.values())
    dated = [d for *_, d in back.edges(data=True) if "date_original" in d]
    assert dated and all(
        datetime.date.fromisoformat(d["date"]).isoformat().startswith(d["date_original"])
        and d["date_precision"] in ("day", "month", "year")
        for d in dated
    )
    assert {type(d["confidence"]) for *_, d in back.edges(data=True) if "confidence" in d} == {
        float
    }
    armenia = back.nodes["https://w3id.org/conflict-kg/id/entity/armenia"]
    assert armenia["label"] == "Armenien" and armenia["class"] == "State"
    assert "Republik Armenien" in armenia["alt_labels"].split("|")
    if view == "actors":
        kinds = {type(d["directed"]) for *_, d in back.edges(data=True) if "directed" in d}
        assert kinds == {bool}  # events between actors; standing facts have no direction flag
    else:
        event = next(d for _, d in back.nodes(data=True) if d.get("kind") == "event")
        assert any(k.startswith("role_") for k in event) and event["evidence"]


def test_gexf_edges_leave_the_type_attribute_to_gexf(tmp_path):
    out = tmp_path / "g.xml"
    assert main(["viz", "--input", str(SAMPLE), "--format", "gexf", "-o", str(out)]) == 0
    edges = [e for e in ET.parse(out).iter() if e.tag.endswith("}edge")]
    assert edges and not any("type" in e.attrib for e in edges)  # directed/undirected only


def test_html_stays_the_default(tmp_path):
    out = tmp_path / "page.html"
    assert main(["viz", "--input", str(SAMPLE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
