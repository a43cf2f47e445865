"""The explorer page as written (no browser), the Jupyter display and `ckg viz`."""

from __future__ import annotations

import base64
import gzip
import html as html_lib
import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.cli import main
from viz import build_graph, explorer_page, load_file
from viz.explorer import ExplorerGraph
from viz.graph import View
from viz.page import PHYSICS_LIMIT, _asset, page_data, safe_json

SAMPLE = Path(__file__).parent / "data" / "viz-sample.trig"


@pytest.fixture(scope="module")
def store():
    return load_file(SAMPLE)


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="ckg-data">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def test_page_is_self_contained_and_deterministic(store):
    page = explorer_page(store, view="actors", title="Bergkarabach")
    assert page == explorer_page(load_file(SAMPLE), view="actors", title="Bergkarabach")
    # nothing is loaded from anywhere: no src/href attributes to fetch, a CSP forbidding it
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page, re.I)
    assert "default-src 'none'" in page and "connect-src 'none'" in page
    assert "vis-network" in page and "<title>Bergkarabach</title>" in page
    data = _data(page)
    assert data["meta"]["view"] == "actors" and data["meta"]["physics"] is True
    assert len(data["nodes"]) == 6 and len(data["edges"]) == 13
    sentences = [e["s"] for e in data["evidence"] if "s" in e]
    assert any(s.startswith("Russlands Präsident Wladimir Putin") for s in sentences)
    legend_types = [t["type"] for t in data["legend"]["eventTypes"]]
    assert legend_types[0] == "MilitaryAction"  # two events, then the single ones
    assert {"claim", "notMemberOf", "mediates"} <= {s["kind"] for s in data["legend"]["edgeStyles"]}


def test_embedded_json_cannot_break_out_of_its_script_element():
    hostile = "</script><script>alert(1)</script><!-- &amp; \u2028"
    text = safe_json({"label": hostile})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"label": hostile}


def test_large_graphs_get_a_python_layout_and_no_physics():
    g = nx.MultiDiGraph(view="actors")
    n = PHYSICS_LIMIT + 100
    for i in range(n):
        g.add_node(i, label=f"A{i}", kind="actor", type="State")
        g.add_edge(i, (i * 13 + 5) % n, kind="event", type="Meeting", label="Meeting")
    data = page_data(g)
    assert data["meta"]["physics"] is False and data["meta"]["edgeLabels"] is False
    xy = {(nd["x"], nd["y"]) for nd in data["nodes"]}
    assert len(xy) == n  # every node has its own position


def test_jupyter_display_is_an_iframe_with_the_escaped_page(store):
    eg = build_graph(store)
    html = eg._repr_html_()
    assert html.startswith("<iframe srcdoc=") and "&lt;!DOCTYPE html&gt;" in html
    assert "<script" not in html  # the page is an attribute value, not markup here
    assert repr(eg) == "<ExplorerGraph actors view: 6 nodes, 13 edges>"


DEVCORPUS = Path(__file__).parent / "data" / "viz-devcorpus.trig"


@pytest.mark.parametrize("view", ["actors", "events"])
def test_notebook_display_is_a_packed_page_a_quarter_of_the_size(view):
    """Each output cell keeps its own copy: the dev corpus embedded 976 KB (actors) and
    1055 KB (events) before; the packed page carries the same data and scripts."""
    eg = build_graph(load_file(DEVCORPUS), view=view)
    page, shown = eg.html(), eg._repr_html_()
    assert len(shown.encode()) < 300_000
    assert len(shown.encode()) < 0.4 * len(page.encode())
    packed = html_lib.unescape(re.search(r'srcdoc="([^"]*)"', shown).group(1))

    def unpacked(element_id: str) -> str:
        m = re.search(rf'id="{element_id}"[^>]*>([A-Za-z0-9+/=]*)</script>', packed)
        assert m, element_id
        return gzip.decompress(base64.b64decode(m.group(1))).decode("utf-8")

    assert json.loads(unpacked("ckg-packed-data")) == _data(page)
    assert unpacked("ckg-packed-code-0").startswith(_asset("static/vis-network.min.js")[:200])
    assert "DecompressionStream" in packed  # the browser tests run it in a sandboxed iframe


def test_page_drops_the_style_of_vis_widgets_it_does_not_use(store):
    page = explorer_page(store)
    vis_style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert "vis-navigation" not in vis_style and "data:image" not in vis_style
    assert "div.vis-tooltip" in vis_style and len(page.encode()) < 700_000


def test_empty_graph_page(tmp_path):
    page = ExplorerGraph(nx.MultiDiGraph(view="events"), view=View.EVENTS).html()
    assert "This graph is empty" in page
    assert _data(page)["nodes"] == []


def test_cli_writes_the_page_and_prints_its_path(tmp_path, capsys):
    out = tmp_path / "x.html"
    assert main(["viz", "--input", str(SAMPLE), "--view", "events", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert _data(out.read_text(encoding="utf-8"))["meta"]["view"] == "events"


def test_cli_saved_query_on_a_store(tmp_path, capsys):
    path = tmp_path / "store"
    s = ox.Store(str(path))
    s.bulk_load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    s.flush()
    del s
    out = tmp_path / "aliyev.html"
    args = ["viz", "--store", str(path), "--query", "explorer-actor", "-o", str(out)]
    assert main([*args, "--param", "actor=id:entity/ilham-aliyev"]) == 0
    data = _data(out.read_text(encoding="utf-8"))
    assert sorted(n["label"] for n in data["nodes"]) == ["Ilham Alijew", "Wladimir Putin"]
    assert data["meta"]["title"].startswith("conflict-kg: Explorer")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--view", "map"], "unknown view 'map'"),
        (["--query", "no-such-query"], "unknown query 'no-such-query'"),
        (["--query", "claims"], "is a SELECT query"),
        (["--top", "0"], "--top must be a positive number"),
    ],
)
def test_cli_usage_errors(tmp_path, capsys, args, message):
    code = main(["viz", "--input", str(SAMPLE), *args, "-o", str(tmp_path / "x.html")])
    assert code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_cli_entry_point_runs():
    r = subprocess.run(
        [sys.executable, "-m", "kg.cli", "viz", "--help"], capture_output=True, text=True
    )
    if r.returncode != 0 and "No module named kg.cli.__main__" in r.stderr:
        r = subprocess.run(
            [str(Path(sys.executable).with_name("ckg")), "viz", "--help"],
            capture_output=True,
            text=True,
        )
    assert r.returncode == 0 and "--view" in r.stdout and "--top" in r.stdout
