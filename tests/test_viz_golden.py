"""The explorer's output, pinned: model, NetworkX graph and HTML page for fixed inputs.

The RDF → model path is optimised for large stores; these tests hold it to the exact
output of the straightforward reader it replaced. ``tests/data/viz-golden.json`` holds,
per fixture and view, digests of a canonical dump of the model, of the graph (nodes,
edges, keys and attributes, *in insertion order*, which the page follows) and of the
page. The digests were written by the straightforward reader (checked equal to it, with
its blank-node labels replaced by the canonical ones of :mod:`viz.blanks`). When the
output changes on purpose (a new attribute, a new fixture), rewrite them with::

    CKG_UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/test_viz_golden.py

and say why in the commit. A second set of tests checks that a pyoxigraph Store, an
rdflib Dataset and an rdflib Graph with the same triples give the same picture.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from viz import load_file, model_to_nx, read_model
from viz.page import render_page
from viz.source import TripleIndex

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "viz-golden.json"
#: viz-devcorpus.trig is `ckg extract --full-reference` on the five dev-corpus articles,
#: frozen, so that extraction changes do not move these digests.
FIXTURES = [
    "viz-sample.trig",
    "viz-edge-cases.trig",
    "viz-devcorpus.trig",
    "contract-sample.trig",
    "linking-sample.trig",
    "check-contradictions.trig",
]
VIEWS = ["actors", "events"]


def _plain(o: Any) -> Any:
    if dataclasses.is_dataclass(o) and not isinstance(o, type):
        return {"__" + type(o).__name__: dataclasses.asdict(o)}
    if isinstance(o, set | frozenset):
        return sorted(o)
    raise TypeError(f"cannot dump {type(o).__name__}")


def _dump(data: Any) -> str:
    # No sort_keys: the order of dict entries is part of what is pinned.
    return json.dumps(data, ensure_ascii=False, default=_plain, indent=1)


def graph_dump(g: nx.MultiDiGraph) -> str:
    """Nodes, edges, keys and attributes in insertion order."""
    return _dump(
        {
            "graph": dict(g.graph),
            "nodes": [[n, d] for n, d in g.nodes(data=True)],
            "edges": [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)],
        }
    )


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digests(store: ox.Store) -> dict[str, Any]:
    model = read_model(TripleIndex.from_source(store))
    out: dict[str, Any] = {"model": _sha(_dump(model))}
    for view in VIEWS:
        g = model_to_nx(model, view=view)
        out[view] = {
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "graph": _sha(graph_dump(g)),
            "html": _sha(render_page(g, title="golden")),
        }
    return out


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    if os.environ.get("CKG_UPDATE_GOLDEN"):
        GOLDEN.write_text(
            json.dumps({f: _digests(load_file(DATA / f)) for f in FIXTURES}, indent=1) + "\n",
            encoding="utf-8",
        )
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fixture", FIXTURES)
def test_model_graph_and_page_match_golden(fixture: str, golden: dict[str, Any]) -> None:
    got = _digests(load_file(DATA / fixture))
    assert got == golden[fixture]


def test_golden_covers_every_fixture_with_something_to_draw(golden: dict[str, Any]) -> None:
    assert sorted(golden) == sorted(FIXTURES)
    for fixture in FIXTURES:
        assert golden[fixture]["events"]["nodes"] > 0, fixture
    assert sum(golden[f]["actors"]["edges"] for f in FIXTURES) > 100


def _rdflib_dataset(path: Path) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(path, format="trig")
    return ds


@pytest.mark.parametrize("fixture", FIXTURES[:3])
@pytest.mark.parametrize("view", VIEWS)
def test_rdflib_dataset_draws_the_same_graph_as_the_store(fixture: str, view: str) -> None:
    store = load_file(DATA / fixture)
    from_store = model_to_nx(read_model(TripleIndex.from_source(store)), view=view)
    from_ds = model_to_nx(
        read_model(TripleIndex.from_source(_rdflib_dataset(DATA / fixture))), view=view
    )
    assert graph_dump(from_ds) == graph_dump(from_store)


@pytest.mark.parametrize("view", VIEWS)
def test_rdflib_graph_draws_the_same_graph_as_a_store_of_its_triples(view: str) -> None:
    # A CONSTRUCT result is a plain rdflib Graph: every triple, no named graphs.
    ds = _rdflib_dataset(DATA / "viz-edge-cases.trig")
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    store = ox.Store()
    store.load(g.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    from_graph = model_to_nx(read_model(TripleIndex.from_source(g)), view=view)
    from_store = model_to_nx(read_model(TripleIndex.from_source(store)), view=view)
    assert graph_dump(from_graph) == graph_dump(from_store)
    assert from_graph.number_of_edges() > 0
