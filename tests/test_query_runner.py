"""Running queries: parameters as RDF terms, errors, formats, explain, remote endpoints."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest
from store_fixtures import fixture_store, texts

from kg.cli import main
from kg.errors import CkgError, UsageError
from kg.query import (
    OutputFormat,
    bind_values,
    format_result,
    load_saved_query,
    parse_param_value,
    prepare_query,
    query_variables,
    run_query,
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return fixture_store(tmp_path_factory.mktemp("q") / "store")


# --- parameters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<https://example.org/a>", "<https://example.org/a>"),
        ("id:entity/csto", "<https://w3id.org/conflict-kg/id/entity/csto>"),
        ("wd:Q7747", "<http://www.wikidata.org/entity/Q7747>"),
        ('"Armenien"@de', '"Armenien"@de'),
        ('"2020-10"^^xsd:gYearMonth', '"2020-10"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'),
        ("Armenien", '"Armenien"'),
        ("nokey:abc", '"nokey:abc"'),
        ('a "quoted" } value', '"a \\"quoted\\" } value"'),
    ],
)
def test_param_values_become_terms(value, expected):
    assert str(parse_param_value(value)) == expected


def test_injection_attempt_is_a_string_that_matches_nothing(store):
    before = len(store)
    evil = '"} ; DROP ALL ; {"'
    result = run_query(store, load_saved_query("members"), params={"org": evil})
    assert result.rows == []
    assert len(store) == before
    text = prepare_query(load_saved_query("members"), {"org": 'x"} } ; DROP ALL ; { {"'})
    assert 'VALUES ?org { "x\\"} } ; DROP ALL ; { {\\"" }' in text


def test_values_go_into_the_where_group():
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    bound = bind_values(construct, {"s": ox.NamedNode("urn:x")})
    assert bound == "CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { <urn:x> } ?s ?p ?o }"
    short = bind_values("SELECT * { ?s ?p ?o }", {"o": ox.Literal("x")})
    assert short == 'SELECT * { VALUES ?o { "x" } ?s ?p ?o }'
    with pytest.raises(UsageError, match="no WHERE group"):
        bind_values("DESCRIBE <urn:x>", {"s": ox.Literal("x")})


def test_param_for_an_unknown_variable_names_the_query_variables(store):
    q = load_saved_query("members")
    with pytest.raises(UsageError) as err:
        run_query(store, q, params={"organisation": "id:entity/csto"})
    message = str(err.value)
    assert message.startswith("query members has no variable ?organisation (its variables: ")
    assert "?org" in message and "?member" in message
    assert query_variables(q.text) >= {"org", "member", "status", "graph"}


def test_param_binding_restricts(store):
    r = run_query(store, load_saved_query("offices"), params={"holder": "id:entity/vladimir-putin"})
    assert set(texts(r, "holderLabel")) == {"Vladimir Putin"} and len(r.rows) == 2


# --- errors --------------------------------------------------------------------------------------


def test_syntax_error_names_the_query_and_position(store, tmp_path, capsys):
    bad = tmp_path / "broken.rq"
    bad.write_text("SELECT ?x WHERE { ?x ckg:agent }\n", encoding="utf-8")
    assert main(["query", "--store", str(tmp_path / "s"), str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ckg query: error: query broken: syntax error: error at 1:")
    with pytest.raises(UsageError, match="query query: syntax error"):
        run_query(store, "SELECT WHERE {")


def test_unknown_query_name(tmp_path, capsys):
    assert main(["query", "--store", str(tmp_path / "s"), "ceasefire"]) == 2
    err = capsys.readouterr().err
    assert "unknown query 'ceasefire'; did you mean: ceasefire-demands?" in err


def test_unreachable_endpoint():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed as soon as the block ends: nothing listens
    with pytest.raises(CkgError, match=rf"cannot reach endpoint http://127.0.0.1:{port}/sparql: "):
        run_query(f"http://127.0.0.1:{port}/sparql", "ASK { ?s ?p ?o }", timeout=5)


# --- output --------------------------------------------------------------------------------------


def test_formats(store):
    r = run_query(store, load_saved_query("members"), params={"org": "id:entity/csto"})
    table = format_result(r, OutputFormat.TABLE).splitlines()
    assert table[0].split() == ["org", "orgLabel", "status", "member", "memberLabel", "graph"]
    assert "id:entity/armenia" in table[2] and table[-1] == "(3 rows)"

    rows = list(csv.reader(io.StringIO(format_result(r, "csv"))))
    assert rows[0] == ["org", "orgLabel", "status", "member", "memberLabel", "graph"]
    assert rows[1][3] == "https://w3id.org/conflict-kg/id/entity/armenia"
    assert format_result(r, "csv").endswith("\r\n")

    tsv = format_result(r, "tsv").splitlines()
    assert tsv[0].startswith("?org\t?orgLabel\t?status")
    assert '"Collective Security Treaty Organization"@en' in tsv[1]

    doc = json.loads(format_result(r, "json"))
    assert doc["head"]["vars"][0] == "org"
    first = doc["results"]["bindings"][0]
    assert first["member"] == {
        "type": "uri",
        "value": "https://w3id.org/conflict-kg/id/entity/armenia",
    }
    assert first["orgLabel"]["xml:lang"] == "en"
    with pytest.raises(UsageError, match="a SELECT result is a table"):
        format_result(r, "ttl")


def test_construct_and_ask(store):
    c = run_query(
        store,
        "CONSTRUCT { ?m ckg:memberOf ?o } WHERE { GRAPH ?g { ?m ckg:memberOf ?o } "
        'FILTER(STRSTARTS(STR(?g), "https://w3id.org/conflict-kg/id/article/")) }',
    )
    assert c.graph is not None and len(c.graph) == 2
    assert "ckg:memberOf" in format_result(c, "ttl")
    a = run_query(store, "ASK { GRAPH ?g { ?m ckg:memberOf id:entity\\/csto } }")
    assert a.boolean is True and format_result(a, "json") == '{"head": {}, "boolean": true}\n'


def test_explain_shows_the_binding(capsys, tmp_path):
    assert main(["query", "members", "--explain", "--param", "org=id:entity/csto"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# query members: Members and declared non-members")
    assert "VALUES ?org { <https://w3id.org/conflict-kg/id/entity/csto> }" in out


def test_list(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert "mediators" in out and "--param org=" in out


def test_to_dataframe(store):
    r = run_query(store, load_saved_query("members"), params={"org": "id:entity/csto"})
    df = r.to_dataframe()
    assert list(df.columns) == r.variables and len(df) == 3


def test_to_dataframe_gives_each_column_the_dtype_of_its_literals(store):
    import pandas as pd

    r = run_query(
        store,
        """PREFIX e: <https://w3id.org/conflict-kg/id/entity/>
           SELECT ?iri ?n ?x ?ok ?day ?partial WHERE {
             VALUES (?iri ?n ?x ?ok ?day ?partial) {
               (e:armenia 3 1.5 true "2020-10-10"^^xsd:date "2020-10"^^xsd:gYearMonth)
               (e:russia 4 2 false "2020-11-09"^^xsd:date "2020-11-10"^^xsd:date)
               (e:turkey UNDEF UNDEF UNDEF UNDEF UNDEF)
             }
           }""",
    )
    df = r.to_dataframe()
    assert len(df) == 3
    assert str(df["iri"].dtype) == "string"
    assert str(df["n"].dtype) == "Int64" and pd.isna(df["n"][2])
    assert str(df["x"].dtype) == "Float64"  # a decimal and an integer: numbers
    assert str(df["ok"].dtype) == "boolean"
    assert pd.api.types.is_datetime64_any_dtype(df["day"])
    # a partial date ("2020-10") beside a full one: text, never a half-parsed date
    assert str(df["partial"].dtype) == "string" and df["partial"][0] == "2020-10"


# --- a real SPARQL 1.1 protocol endpoint ---------------------------------------------------------


class _Endpoint(BaseHTTPRequestHandler):
    store: ox.Store

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
        assert self.headers["Content-Type"] == "application/x-www-form-urlencoded"
        try:
            result = self.store.query(form["query"][0])
        except SyntaxError as err:
            self.send_response(400)
            self.end_headers()
            self.wfile.write(str(err).encode())
            return
        if isinstance(result, ox.QueryTriples):
            body = ox.serialize(result, format=ox.RdfFormat.N_TRIPLES) or b""
            media = "application/n-triples"
        else:
            body = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
            media = "application/sparql-results+json"
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def endpoint(store):
    handler = type("Handler", (_Endpoint,), {"store": store})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("members", {"org": "id:entity/csto"}),
        ("mediators", {"conflict": "id:entity/nagorno-karabakh-conflict"}),
        ("ceasefire-demands", {}),
        ("timeline", {"conflict": "id:entity/tigray-war"}),
    ],
)
def test_endpoint_gives_the_same_answers(store, endpoint, name, params):
    local = run_query(store, load_saved_query(name), params=params)
    remote = run_query(endpoint, load_saved_query(name), params=params)
    assert remote.variables == local.variables
    assert remote.rows == local.rows and local.rows


def test_endpoint_construct_and_errors(endpoint):
    c = run_query(
        endpoint,
        "CONSTRUCT { ?m ckg:memberOf ?o } WHERE { GRAPH ?g { ?m ckg:memberOf ?o } "
        'FILTER(STRSTARTS(STR(?g), "https://w3id.org/conflict-kg/id/article/")) }',
    )
    assert c.graph is not None and len(c.graph) == 2
    with pytest.raises(UsageError, match=r"refused it \(400\)"):
        run_query(endpoint, "SELECT * WHERE { ?s ?p }")


def test_cli_endpoint_option(endpoint, capsys):
    assert (
        main(
            [
                "query",
                "members",
                "--endpoint",
                endpoint,
                "--param",
                "org=id:entity/csto",
                "--format",
                "csv",
            ]
        )
        == 0
    )
    assert len(capsys.readouterr().out.strip().splitlines()) == 4


def test_ad_hoc_query_reads_the_union_of_the_named_graphs(store):
    # the store's own default graph is empty: rows can only come from the named graphs
    r = run_query(store, "SELECT ?m WHERE { ?m ckg:memberOf ?org }")
    assert r.rows and r.note is None


def test_empty_remote_answer_to_a_query_naming_no_graph_explains_the_default_graph(
    endpoint, tmp_path, capsys
):
    # this endpoint's default graph is its store's own (empty) one, not the union
    text = "SELECT ?m WHERE { ?m ckg:memberOf ?org }"
    r = run_query(endpoint, text)
    assert r.rows == [] and r.note and "union of all named graphs" in r.note
    named = run_query(endpoint, "SELECT ?m WHERE { GRAPH ?g { ?m ckg:memberOf <urn:none> } }")
    assert named.rows == [] and named.note is None  # it said where to look
    path = tmp_path / "members.rq"
    path.write_text(text, encoding="utf-8")
    assert main(["query", str(path), "--endpoint", endpoint]) == 0
    assert "ckg query: note: query members names no graph" in capsys.readouterr().err
