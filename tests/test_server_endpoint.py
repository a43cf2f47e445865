"""``ckg serve`` as a real subprocess, spoken to by SPARQLWrapper and urllib.

One server (read-only, 2 s time limit, 50-result limit, three workers, so that the one
client the tests are may use two at once) is shared by the module; a second one with
``--allow-update`` and a token checks that updates work when allowed.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from serve_fixtures import EX, make_label_store, running_server
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

TIMEOUT = 2.0
MAX_RESULTS = 50

# 120 subjects x 1 triple in each of 2 graphs: small enough to load in milliseconds, big
# enough that a 4-way cartesian product (240^4 = 3.3e9 rows) takes far longer than 2 s.
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    make_label_store(path)
    return path


@pytest.fixture(scope="module")
def server(store_dir) -> Iterator[str]:
    with running_server(
        store_dir, "--timeout", str(TIMEOUT), "--max-results", str(MAX_RESULTS), "--workers", "3"
    ) as base:
        yield base


def _client(base: str, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{base}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def _http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, dict[str, str], bytes]:  # fmt: skip
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


COUNT_G1 = f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{EX}g1> {{ ?s ?p ?o }} }}"
FIRST_TWO = "SELECT ?s ?o { ?s ?p ?o } ORDER BY ?s LIMIT 2"


def test_select_json(server):
    result = _client(server, FIRST_TWO, JSON).queryAndConvert()
    assert result["head"]["vars"] == ["s", "o"]
    assert result["results"]["bindings"][0] == {
        "s": {"type": "uri", "value": f"{EX}g1/s000"},
        "o": {"type": "literal", "value": "g1 Nummer 0", "xml:lang": "de"},
    }


def test_select_xml(server):
    dom = _client(server, FIRST_TWO, XML).queryAndConvert()
    literals = [n.firstChild.data for n in dom.getElementsByTagName("literal")]
    assert literals == ["g1 Nummer 0", "g1 Nummer 1"]


def test_select_csv_and_tsv(server):
    csv = _client(server, FIRST_TWO, CSV).queryAndConvert()
    assert csv.decode().splitlines() == [
        "s,o",
        f"{EX}g1/s000,g1 Nummer 0",
        f"{EX}g1/s001,g1 Nummer 1",
    ]
    tsv = _client(server, FIRST_TWO, TSV).queryAndConvert()
    assert tsv.decode().splitlines()[1] == f'<{EX}g1/s000>\t"g1 Nummer 0"@de'


def test_default_graph_is_the_union_and_dataset_parameters_narrow_it(server):
    rows = _client(server, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", JSON).queryAndConvert()
    assert rows["results"]["bindings"][0]["n"]["value"] == "240"
    client = _client(server, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", JSON)
    client.addDefaultGraph(f"{EX}g2")
    assert client.queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "120"


def test_ask(server):
    assert _client(server, f"ASK {{ <{EX}g2/s007> ?p ?o }}", JSON).queryAndConvert()["boolean"]
    assert not _client(server, f"ASK {{ <{EX}nope> ?p ?o }}", JSON).queryAndConvert()["boolean"]


CONSTRUCT = f"CONSTRUCT {{ ?s <{EX}name> ?o }} WHERE {{ GRAPH <{EX}g1> {{ ?s ?p ?o }} FILTER(?s IN (<{EX}g1/s001>, <{EX}g1/s002>)) }}"  # noqa: E501


def _names(converted: object, rdf_format: str) -> set[tuple[str, str]]:
    # SPARQLWrapper hands Turtle over as bytes and JSON-LD as an rdflib graph.
    graph = converted
    if isinstance(converted, bytes):
        graph = rdflib.Graph().parse(data=converted, format=rdf_format)
    assert isinstance(graph, rdflib.Graph)
    return {(str(s), str(o)) for s, _, o in graph}


def test_construct_turtle_ntriples_jsonld(server):
    expected = {(f"{EX}g1/s001", "g1 Nummer 1"), (f"{EX}g1/s002", "g1 Nummer 2")}
    turtle = _client(server, CONSTRUCT, TURTLE).query()
    assert turtle.response.headers["Content-Type"].startswith("text/turtle")
    assert _names(turtle.convert(), "turtle") == expected
    jsonld = _client(server, CONSTRUCT, JSONLD).query()
    assert jsonld.response.headers["Content-Type"] == "application/ld+json"
    assert _names(jsonld.convert(), "json-ld") == expected
    status, headers, body = _http(
        f"{server}/sparql?{urllib.parse.urlencode({'query': CONSTRUCT})}",
        headers={"Accept": "application/n-triples"},
    )
    assert status == 200 and headers["Content-Type"] == "application/n-triples"
    assert sorted(body.decode().splitlines()) == [
        f'<{EX}g1/s001> <{EX}name> "g1 Nummer 1"@de .',
        f'<{EX}g1/s002> <{EX}name> "g1 Nummer 2"@de .',
    ]


def test_post_form_and_post_direct(server):
    for method in (POST, POSTDIRECTLY):
        client = _client(server, COUNT_G1, JSON)
        client.setMethod(POST)
        client.setRequestMethod("urlencoded" if method == POST else "postdirectly")
        assert client.queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "120"
    status, _, body = _http(
        f"{server}/sparql",
        data=COUNT_G1.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert (status, body) == (200, b"n\r\n120\r\n")


def test_update_is_refused_with_403(server):
    for data, ctype in [
        (b"update=CLEAR+ALL", "application/x-www-form-urlencoded"),
        (b"CLEAR ALL", "application/sparql-update"),
    ]:
        status, _, body = _http(f"{server}/sparql", data=data, headers={"Content-Type": ctype})
        assert status == 403 and b"read-only" in body
    assert _client(server, COUNT_G1, JSON).queryAndConvert()["results"]["bindings"][0]["n"][
        "value"
    ] == "120"  # fmt: skip


def test_syntax_error_is_400_with_the_message(server):
    with pytest.raises(QueryBadFormed):
        _client(server, "SELECT ?x WHERE { ?x ", JSON).queryAndConvert()
    status, _, body = _http(f"{server}/sparql?query=SELECT+%3Fx+WHERE+%7B")
    assert status == 400 and body.startswith(b"SPARQL syntax error: error at 1:")


def test_unsupported_accept_is_406(server):
    status, _, body = _http(
        f"{server}/sparql?{urllib.parse.urlencode({'query': FIRST_TWO})}",
        headers={"Accept": "image/png"},
    )
    assert status == 406 and b"image/png" in body
    status, _, _ = _http(
        f"{server}/sparql?{urllib.parse.urlencode({'query': CONSTRUCT})}",
        headers={"Accept": "text/csv"},
    )
    assert status == 406


def test_result_limit_truncates_and_says_so(server):
    status, headers, body = _http(
        f"{server}/sparql?{urllib.parse.urlencode({'query': 'SELECT * { ?s ?p ?o }'})}",
        headers={"Accept": "application/sparql-results+json"},
    )
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == MAX_RESULTS
    assert headers["X-Result-Truncated"] == "true"
    assert headers["X-Result-Limit"] == str(MAX_RESULTS)


def test_slow_query_times_out_while_others_are_answered(server):
    slow: dict[str, object] = {}

    def run_slow() -> None:
        start = time.monotonic()
        slow["reply"] = _http(f"{server}/sparql?{urllib.parse.urlencode({'query': SLOW_QUERY})}")
        slow["seconds"] = time.monotonic() - start

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.3)  # the slow query is running in one worker now
    start = time.monotonic()
    quick = _client(server, COUNT_G1, JSON).queryAndConvert()
    quick_seconds = time.monotonic() - start
    assert quick["results"]["bindings"][0]["n"]["value"] == "120"
    assert quick_seconds < 1.0
    thread.join(30)
    status, _, body = slow["reply"]  # type: ignore[misc]
    assert status == 503 and b"time limit of 2 s" in body
    assert TIMEOUT <= slow["seconds"] < TIMEOUT + 3  # type: ignore[operator]
    # The killed worker was replaced: two queries at once still work.
    results: list[str] = []
    threads = [
        threading.Thread(
            target=lambda: results.append(
                _client(server, COUNT_G1, JSON).queryAndConvert()["results"]["bindings"][0]["n"][
                    "value"
                ]
            )
        )
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == ["120", "120"]


def test_cors_headers_and_preflight(server):
    status, headers, _ = _http(
        f"{server}/sparql",
        method="OPTIONS",
        headers={
            "Origin": "http://elsewhere.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    # Reads only: the update token's header is not allowed cross-origin.
    assert "content-type" in headers["Access-Control-Allow-Headers"].lower()
    assert "authorization" not in headers["Access-Control-Allow-Headers"].lower()
    _, headers, _ = _http(f"{server}/sparql?{urllib.parse.urlencode({'query': COUNT_G1})}")
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_service_description_says_union_default_graph(server):
    status, headers, body = _http(f"{server}/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    features = {t.object.value for t in triples if t.predicate.value == f"{sd}feature"}
    assert features == {f"{sd}UnionDefaultGraph"}
    languages = {t.object.value for t in triples if t.predicate.value == f"{sd}supportedLanguage"}
    assert languages == {f"{sd}SPARQL11Query"}


def test_query_page_loads_and_references_only_local_assets(server):
    status, headers, body = _http(f"{server}/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    html = body.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/yasgui/yasgui.min.js" in assets and "/static/query-page.js" in assets
    for asset in assets:
        assert asset.startswith("/"), asset  # no CDN, no other host
    for asset in (a for a in assets if a.startswith("/static/")):
        status, _, content = _http(f"{server}{asset}")
        assert status == 200 and content, asset
    css = _http(f"{server}/static/yasgui/yasgui.min.css")[2].decode()
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)
    assert not re.search(r"@import", css)
    status, _, _ = _http(f"{server}/static/../app.py")
    assert status == 404


def test_ingest_while_serving_is_visible_to_the_next_query(server, store_dir):
    # The server holds no lock (read-only handles), so a writer can open the store.
    writer = ox.Store(str(store_dir))
    try:
        writer.add(
            ox.Quad(
                ox.NamedNode(f"{EX}g3/new"),
                ox.NamedNode(f"{EX}label"),
                ox.Literal("neu"),
                ox.NamedNode(f"{EX}g3"),
            )
        )
        writer.flush()
    finally:
        del writer
    query = f"SELECT ?o {{ GRAPH <{EX}g3> {{ ?s ?p ?o }} }}"
    for _ in range(2):  # both workers see it
        rows = _client(server, query, JSON).queryAndConvert()["results"]["bindings"]
        assert [r["o"]["value"] for r in rows] == ["neu"]


def test_explorer_page_is_served_and_bad_view_is_refused(server):
    status, headers, body = _http(f"{server}/explorer")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"<html" in body.lower() and b"vis-network" in body.lower()
    status, _, body = _http(f"{server}/explorer?view=nonsense")
    assert status == 400 and b"nonsense" in body


def test_update_allowed_with_the_flag(tmp_path):
    store = tmp_path / "store"
    make_label_store(store)
    with running_server(store, "--allow-update", "--update-token", "s3cret") as base:
        client = SPARQLWrapper(f"{base}/sparql")
        client.setMethod(POST)
        client.addCustomHttpHeader("Authorization", "Bearer s3cret")
        client.setQuery(f"INSERT DATA {{ GRAPH <{EX}g9> {{ <{EX}x> <{EX}p> 'eingefügt' }} }}")
        client.query()
        rows = _client(base, f"SELECT ?o {{ GRAPH <{EX}g9> {{ ?s ?p ?o }} }}", JSON)
        assert [r["o"]["value"] for r in rows.queryAndConvert()["results"]["bindings"]] == [
            "eingefügt"
        ]
        sd = _http(f"{base}/sparql", headers={"Accept": "application/n-triples"})[2].decode()
        assert "SPARQL11Update" in sd


def test_explorer_of_unknown_saved_query_is_404(server):
    status, _, body = _http(f"{server}/explorer?query=no-such-query")
    assert status == 404 and b"no-such-query" in body
