"""The saved query library through ``ckg serve``: listed, and answering like ``ckg query``.

The store holds the contract-shaped hand-written sample ``tests/data/viz-sample.trig``
(two articles), so the saved queries have real answers independent of extraction quality.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import chromium_context
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


# -- the query page as a workbench (issue 12) ------------------------------------------------

BASE = "https://w3id.org/conflict-kg/"
CSTO = BASE + "id/entity/csto"


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_saved_query_text_binds_the_parameters_given(base):
    status, body = _get(f"{base}/queries/members.rq?org=id:entity/csto")
    assert status == 200 and f"VALUES ?org {{ <{CSTO}> }}" in body.decode()
    # A value is a term, never query text.
    hostile = urllib.parse.quote('x" } ; DROP ALL ; { "')
    status, body = _get(f"{base}/queries/members.rq?org={hostile}")
    assert status == 200 and 'VALUES ?org { "x\\" } ; DROP ALL ; { \\"" }' in body.decode()
    status, body = _get(f"{base}/queries/members.rq?nope=1")
    assert status == 400 and b"has no variable ?nope" in body


def _drawn_nodes(page: bytes) -> int:
    """How many nodes an explorer page draws (from the data it embeds)."""
    data = page.split(b'<script type="application/json" id="ckg-data">', 1)[1]
    return len(json.loads(data.split(b"</script>", 1)[0])["nodes"])


def test_explorer_honours_the_saved_querys_parameters(base):
    status, armenia = _get(f"{base}/explorer?query=explorer-actor&actor=id:entity/armenia")
    assert status == 200
    assert b"<title>conflict-kg: explorer-actor actor=id:entity/armenia</title>" in armenia
    status, everyone = _get(f"{base}/explorer?query=explorer-actor")
    assert status == 200 and 0 < _drawn_nodes(armenia) < _drawn_nodes(everyone)
    status, nobody = _get(f"{base}/explorer?query=explorer-actor&actor=id:entity/nobody")
    assert status == 200 and _drawn_nodes(nobody) == 0
    status, body = _get(f"{base}/explorer?query=explorer-actor&nope=1")
    assert status == 400 and b"has no variable ?nope" in body
    status, body = _get(f"{base}/explorer?actor=id:entity/armenia")
    assert status == 400 and b"need a saved query" in body


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium_context(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]) as ctx:
        yield ctx


def test_query_page_parameter_fields_bind_and_results_link_to_pages(base, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/")
    field = page.locator('li[data-query="members"] input[name="org"]')
    field.wait_for()
    assert field.input_value() == "id:entity/csto"  # the example
    assert "organisation" in (field.get_attribute("title") or "")
    page.click('li[data-query="members"] button.run')
    page.wait_for_selector(".yasr table.dataTable tbody tr td a.iri")
    editor = page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()")
    assert f"VALUES ?org {{ <{CSTO}> }}" in editor
    table = page.inner_text(".yasr table.dataTable tbody")
    assert "id:entity/armenia" in table and "https://w3id.org" not in table  # prefixed
    assert "member" in table and "^^" not in table and "@en" not in table  # readable
    # Every project IRI links to its page on this server, and the link opens it.
    hrefs = page.eval_on_selector_all(".yasr a.iri", "els => els.map(a => a.getAttribute('href'))")
    assert "/id/entity/armenia" in hrefs and not any(h.startswith(BASE) for h in hrefs)
    # Another value in the field: the query is bound to it (an actor that is no
    # organisation: no rows).
    field.fill("id:entity/armenia")
    page.click('li[data-query="members"] button.run')
    page.wait_for_function(
        "document.querySelector('.CodeMirror').CodeMirror.getValue().includes('entity/armenia> }')"
    )
    page.wait_for_selector(".yasr .dataTables_empty, .yasr td.dt-empty")
    # Back to the example (Enter in the field runs the query), and follow a link.
    field.fill("id:entity/csto")
    field.press("Enter")
    page.click('.yasr a.iri[href="/id/entity/armenia"]')
    page.wait_for_url("**/id/entity/armenia")
    assert page.inner_text("h1") == "Armenia"
    page.close()
    assert errors == [], errors
