"""One query semantics everywhere: ``ckg query`` and a real ``ckg serve`` (spoken to by
SPARQLWrapper) give the same rows for the same ad-hoc query, whether it names no graph
(the default graph is the union of all named graphs on both), a graph with ``GRAPH``, or
its dataset with ``FROM``."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_fixtures import CKG, running_server
from SPARQLWrapper import JSON, SPARQLWrapper
from store_fixtures import fixture_store

from kg.namespaces import ID, REFERENCE_GRAPH, sparql_prefixes

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
CSTO = ID["entity/csto"]

QUERIES = {
    # names no graph: the case (0 rows from ckg query, 3 on the endpoint, before)
    "no-graph": "SELECT ?member ?org WHERE { ?member ckg:memberOf ?org } ORDER BY ?member ?org",
    "count-all": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "graph": f"SELECT ?g ?member WHERE {{ GRAPH ?g {{ ?member ckg:memberOf <{CSTO}> }} }} "
    "ORDER BY ?g ?member",
    "from": f"SELECT ?member ?org FROM <{REFERENCE_GRAPH}> WHERE {{ ?member ckg:memberOf ?org }} "
    "ORDER BY ?member ?org",
}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("semantics") / "store"
    store = fixture_store(path)
    del store  # release the store's lock before ckg serve and ckg query open it
    return path


@pytest.fixture(scope="module")
def server(store_dir) -> Iterator[str]:
    with running_server(store_dir) as base:
        yield base


def _rows(bindings: list[dict[str, dict[str, str]]]) -> list[dict[str, tuple[str, ...]]]:
    """SPARQL JSON bindings with a simple literal written one way (xsd:string or none)."""
    out = []
    for b in bindings:
        row = {}
        for var, term in b.items():
            datatype = term.get("datatype", XSD_STRING if term["type"] == "literal" else "")
            lang = term.get("xml:lang", "")
            row[var] = (term["type"], term["value"], lang, "" if lang else datatype)
        out.append(row)
    return out


def _ckg_query(store_dir: Path, path: Path) -> list[dict[str, tuple[str, ...]]]:
    run = subprocess.run(
        [CKG, "query", str(path), "--store", str(store_dir), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return _rows(json.loads(run.stdout)["results"]["bindings"])


def _endpoint(base: str, text: str) -> list[dict[str, tuple[str, ...]]]:
    client = SPARQLWrapper(f"{base}/sparql")
    client.setQuery(text)
    client.setReturnFormat(JSON)
    result = client.queryAndConvert()
    assert isinstance(result, dict)
    return _rows(result["results"]["bindings"])


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_ckg_query_and_the_endpoint_give_the_same_rows(store_dir, server, tmp_path, name):
    text = sparql_prefixes() + "\n" + QUERIES[name]
    path = tmp_path / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    local = _ckg_query(store_dir, path)
    remote = _endpoint(server, text)
    assert local, f"{name}: no rows"
    assert local == remote


def test_no_graph_query_reads_article_and_reference_graphs(server):
    def members(name: str) -> set[str]:
        return {r["member"][1] for r in _endpoint(server, f"{sparql_prefixes()}\n{QUERIES[name]}")}

    # the union: members stated by the articles and by the reference data alike
    assert members("from") < members("no-graph") and members("graph") <= members("no-graph")
