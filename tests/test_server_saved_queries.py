"""The saved query library through ``ckg serve``: listed, and answering like ``ckg query``.

The store holds the contract-shaped hand-written sample ``tests/data/viz-sample.trig``
(two articles), so the saved queries have real answers independent of extraction quality.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic
from serve_fixtures import running_server

from kg.ingest import ingest_graph
from kg.query import run_query, saved_queries
from kg.store import open_store

SAMPLE = Path(__file__).parent / "data" / "viz-sample.trig"
QUERIES = saved_queries()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("saved") / "store"
    store = open_store(path)
    dataset = Dataset()
    dataset.parse(SAMPLE, format="trig")
    for graph in dataset.graphs():
        if len(graph) and "/article/" in str(graph.identifier):
            ingest_graph(store, graph, link=False)
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def base(store_dir) -> Iterator[str]:
    with running_server(store_dir) as url:
        yield url


def test_queries_json_lists_every_saved_query(base):
    with urllib.request.urlopen(f"{base}/queries.json") as response:
        listed = json.load(response)
    assert [q["name"] for q in listed] == [q.name for q in QUERIES]
    assert all(q["title"] and q["description"] for q in listed)
    first = QUERIES[0]
    with urllib.request.urlopen(f"{base}/queries/{first.name}.rq") as response:
        assert response.read().decode() == first.text


@pytest.mark.parametrize("saved", QUERIES, ids=[q.name for q in QUERIES])
def test_endpoint_answers_like_ckg_query(saved, base, store_dir):
    params = {}
    if saved.params and all(p.example for p in saved.params):
        params = {p.name.lstrip("?"): str(p.example) for p in saved.params}
    store = open_store(store_dir, read_only=True)
    here = run_query(store, saved, params=params)
    there = run_query(f"{base}/sparql", saved, params=params)
    if here.graph is not None:
        assert there.graph is not None and isomorphic(here.graph, there.graph)
    elif here.boolean is not None:
        assert here.boolean == there.boolean
    else:
        assert here.variables == there.variables
        # Same engine on both sides: same rows in the same order, blank nodes aside.
        assert [[str(r.get(v)) for v in here.variables] for r in here.rows] == [
            [str(r.get(v)) for v in there.variables] for r in there.rows
        ]
