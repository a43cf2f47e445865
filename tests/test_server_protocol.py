"""SPARQL 1.1 Protocol parsing, content negotiation and evaluation, without HTTP."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kg.server.execute import Job, execute, execute_update
from kg.server.sparql_protocol import (
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    ProtocolError,
    declares_dataset,
    negotiate,
    parse_operation,
)

EX = "http://example.org/"


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    for graph in ("g1", "g2"):
        for i in range(3):
            s.add(
                ox.Quad(
                    ox.NamedNode(f"{EX}{graph}/s{i}"),
                    ox.NamedNode(f"{EX}p"),
                    ox.Literal(f"{graph}-{i}", language="de"),
                    ox.NamedNode(f"{EX}{graph}"),
                )
            )
    return s


def _rows(reply_body: bytes) -> list[dict[str, str]]:
    return [
        {k: v["value"] for k, v in b.items()} for b in json.loads(reply_body)["results"]["bindings"]
    ]


def test_get_form_and_direct_posts_give_the_same_operation():
    get = parse_operation("GET", "query=ASK+%7B%7D", "", b"")
    form = parse_operation("POST", "", "application/x-www-form-urlencoded", b"query=ASK+%7B%7D")
    direct = parse_operation("POST", "", "application/sparql-query; charset=utf-8", b"ASK {}")
    assert get == form == direct
    assert get.kind == "query" and get.text == "ASK {}"


def test_update_forms_and_refusals():
    assert parse_operation(
        "POST", "", "application/x-www-form-urlencoded", b"update=CLEAR+ALL"
    ) == (parse_operation("POST", "", "application/sparql-update", b"CLEAR ALL"))
    with pytest.raises(ProtocolError) as err:
        parse_operation("GET", "update=CLEAR+ALL", "", b"")
    assert err.value.status == 400 and "POST" in str(err.value)
    with pytest.raises(ProtocolError) as err:
        parse_operation("POST", "", "application/x-www-form-urlencoded", b"query=ASK{}&update=X")
    assert err.value.status == 400
    with pytest.raises(ProtocolError) as err:
        parse_operation("POST", "", "application/json", b"{}")
    assert err.value.status == 415
    with pytest.raises(ProtocolError) as err:
        parse_operation("GET", "query=ASK{}&query=ASK{}", "", b"")
    assert "given 2 times" in str(err.value)
    with pytest.raises(ProtocolError) as err:
        parse_operation(
            "POST", "using-graph-uri=http%3A%2F%2Fg", "application/sparql-update", b"CLEAR ALL"
        )
    assert "using-graph-uri" in str(err.value)


def test_dataset_parameters_from_url_for_direct_post():
    op = parse_operation(
        "POST",
        "default-graph-uri=http%3A%2F%2Fa&named-graph-uri=http%3A%2F%2Fb&named-graph-uri=http%3A%2F%2Fc",
        "application/sparql-query",
        b"SELECT * {}",
    )
    assert op.default_graphs == ("http://a",)
    assert op.named_graphs == ("http://b", "http://c")


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/sparql-results+json", "json"),
        ("application/sparql-results+xml", "xml"),
        ("text/csv", "csv"),
        ("text/tab-separated-values", "tsv"),
        ("application/json, text/csv;q=0.1", "json"),
        ("text/csv;q=0.2, text/tab-separated-values;q=0.9", "tsv"),
        ("text/*", "csv"),
        ("*/*", "json"),
        ("application/sparql-results+json;q=0, */*;q=0.1", "xml"),
    ],
)
def test_negotiation_for_results(accept, expected):
    fmt = negotiate(accept, SOLUTION_FORMATS)
    assert fmt is not None and fmt.name == expected


def test_negotiation_for_graphs_and_refusal():
    assert negotiate("application/n-triples", GRAPH_FORMATS).name == "ntriples"
    assert negotiate("application/ld+json", GRAPH_FORMATS).name == "jsonld"
    assert negotiate("application/trig", GRAPH_FORMATS).name == "trig"
    assert negotiate("text/html", GRAPH_FORMATS) is None
    assert negotiate("text/csv", GRAPH_FORMATS) is None
    # The format parameter decides when Accept is only a wildcard.
    assert negotiate("*/*", GRAPH_FORMATS, hint="jsonld").name == "jsonld"
    assert negotiate("text/turtle", GRAPH_FORMATS, hint="jsonld").name == "turtle"


def test_declares_dataset_ignores_strings_iris_comments_and_variables():
    assert declares_dataset("SELECT * FROM NAMED <http://g> { GRAPH ?g {} }")
    assert declares_dataset("select *\nfrom <http://g>\nwhere {}")
    assert not declares_dataset("SELECT ?from { ?s ?p 'FROM here' } # from x")
    assert not declares_dataset('SELECT * { ?s <http://x/from> """\nFROM\n""" }')
    assert not declares_dataset("PREFIX ex: <http://e/> SELECT * { ?s ex:from ?o }")


def test_default_graph_is_the_union_of_named_graphs(store):
    reply = execute(store, Job("query", "SELECT ?o { ?s ?p ?o } ORDER BY ?o"))
    assert reply.status == 200
    assert [r["o"] for r in _rows(reply.body)] == [
        "g1-0", "g1-1", "g1-2", "g2-0", "g2-1", "g2-2"
    ]  # fmt: skip


def test_protocol_dataset_and_from_clause_override_the_union(store):
    only_g2 = execute(
        store, Job("query", "SELECT ?o { ?s ?p ?o } ORDER BY ?o", default_graphs=(f"{EX}g2",))
    )
    assert [r["o"] for r in _rows(only_g2.body)] == ["g2-0", "g2-1", "g2-2"]
    from_g1 = execute(store, Job("query", f"SELECT ?o FROM <{EX}g1> {{ ?s ?p ?o }} ORDER BY ?o"))
    assert [r["o"] for r in _rows(from_g1.body)] == ["g1-0", "g1-1", "g1-2"]
    # named-graph-uri alone: GRAPH sees only the named ones, the default graph is empty.
    named = execute(
        store,
        Job(
            "query",
            "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }",
            named_graphs=(f"{EX}g1",),
        ),
    )
    assert [r["g"] for r in _rows(named.body)] == [f"{EX}g1"]


def test_every_result_format_round_trips(store):
    query = "SELECT ?s ?o { ?s ?p ?o } ORDER BY ?o"
    for fmt, rformat in [
        ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ]:
        reply = execute(store, Job("query", query, accept=fmt))
        assert reply.media_type == fmt
        parsed = ox.parse_query_results(reply.body, format=rformat)
        assert [str(row["o"]) for row in parsed][:2] == ['"g1-0"@de', '"g1-1"@de']
    csv = execute(store, Job("query", query, accept="text/csv"))
    assert csv.body.splitlines()[:2] == [b"s,o", f"{EX}g1/s0,g1-0".encode()]


def test_ask_and_construct(store):
    ask = execute(store, Job("query", f"ASK {{ <{EX}g2/s1> ?p ?o }}"))
    assert json.loads(ask.body)["boolean"] is True
    ask_xml = execute(store, Job("query", "ASK { ?s ?p 42 }", accept="application/xml"))
    assert b"<boolean>false</boolean>" in ask_xml.body
    construct = f"CONSTRUCT {{ ?s <{EX}q> ?o }} WHERE {{ GRAPH <{EX}g1> {{ ?s ?p ?o }} }}"
    nt = execute(store, Job("query", construct, accept="application/n-triples"))
    assert nt.media_type == "application/n-triples"
    assert sorted(nt.body.decode().splitlines())[0] == f'<{EX}g1/s0> <{EX}q> "g1-0"@de .'
    for accept, rdf_format in [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/n-quads", ox.RdfFormat.N_QUADS),
        ("application/trig", ox.RdfFormat.TRIG),
    ]:
        reply = execute(store, Job("query", construct, accept=accept))
        assert reply.status == 200 and reply.media_type == accept
        assert len(list(ox.parse(reply.body, format=rdf_format))) == 3


def test_syntax_error_is_400_with_the_parser_message(store):
    reply = execute(store, Job("query", "SELECT ?x WHERE { ?x ?y }"))
    assert reply.status == 400
    assert reply.body.startswith(b"SPARQL syntax error: error at 1:")


def test_unacceptable_format_for_the_result_kind_is_406(store):
    reply = execute(store, Job("query", "CONSTRUCT WHERE { ?s ?p ?o }", accept="text/csv"))
    assert reply.status == 406 and b"text/turtle" in reply.body
    reply = execute(store, Job("query", "SELECT * { ?s ?p ?o }", accept="text/turtle"))
    assert reply.status == 406


def test_results_beyond_the_limit_are_truncated_and_flagged(store):
    reply = execute(store, Job("query", "SELECT ?o { ?s ?p ?o } ORDER BY ?o", max_results=4))
    assert len(_rows(reply.body)) == 4
    assert dict(reply.headers) == {"X-Result-Truncated": "true", "X-Result-Limit": "4"}
    exact = execute(store, Job("query", "SELECT ?o { ?s ?p ?o }", max_results=6))
    assert len(_rows(exact.body)) == 6 and exact.headers == ()
    graph = execute(
        store,
        Job("query", "CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples", max_results=5),
    )
    assert len(graph.body.splitlines()) == 5 and ("X-Result-Truncated", "true") in graph.headers


def test_unbound_values_and_special_characters_survive_truncation_path():
    s = ox.Store()
    s.add(ox.Quad(ox.NamedNode(f"{EX}a"), ox.NamedNode(f"{EX}p"), ox.Literal('zwei\tZeilen\n"x"')))
    reply = execute(s, Job("query", "SELECT ?o ?missing { ?s ?p ?o }"))
    (row,) = json.loads(reply.body)["results"]["bindings"]
    assert row == {"o": {"type": "literal", "value": 'zwei\tZeilen\n"x"'}}


def test_update_applies_in_one_transaction(store):
    ok = execute_update(
        store, Job("update", f"INSERT DATA {{ GRAPH <{EX}g3> {{ <{EX}x> <{EX}p> 1 }} }}")
    )
    assert ok.status == 204
    assert store.contains_named_graph(ox.NamedNode(f"{EX}g3"))
    bad = execute_update(store, Job("update", "INSERT DATA { nonsense }"))
    assert bad.status == 400
