"""The rdflib join-order plugin: registered through the entry point, same answers as rdflib."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, Dataset, Graph, URIRef
from rdflib.plugins.sparql import CUSTOM_EVALS

from kg.namespaces import sparql_prefixes
from kg.rdflib_join_order import evaluate_bgp

SAMPLE = Path(__file__).parent / "data" / "contract-sample.trig"
ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "conflict-kg.ttl"
ARTICLE = URIRef("https://w3id.org/conflict-kg/id/article/2020-10-moskau-verhandlungen")

LABEL = "(rdfs:label|skos:prefLabel|skos:altLabel)"
QUERIES = {
    "two actors by label": f"""SELECT DISTINCT ?e WHERE {{
        ?e rdf:type/rdfs:subClassOf* ckg:Event .
        ?e ?p ?x . ?p rdfs:subPropertyOf* ckg:hasActor .
        ?x {LABEL} ?l . FILTER(REGEX(STR(?l), "armen", "i"))
        ?e ?q ?y . ?q rdfs:subPropertyOf* ckg:hasActor .
        ?y {LABEL} ?m . FILTER(REGEX(STR(?m), "aserb|azerb", "i")) }}""",
    "every triple": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
    "repeated variable": "SELECT ?x WHERE { ?x ?p ?x }",
    "optional and union": f"""SELECT ?e ?d ?l WHERE {{
        {{ ?e a ckg:Meeting }} UNION {{ ?e a ckg:CeasefireDemand }}
        OPTIONAL {{ ?e ckg:date ?d }} OPTIONAL {{ ?e ckg:agent/{LABEL} ?l }} }}""",
    "minus and inverse path": """SELECT ?a WHERE {
        ?a ^ckg:agent ?e . MINUS { ?e a ckg:Statement } }""",
    "join on literal": """SELECT ?e ?f WHERE {
        ?e ckg:date ?d . ?f ckg:date ?d . FILTER(?e != ?f) }""",
}


# Two reflexive triples so that a repeated variable has answers.
EXTRA = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ckg:Event rdfs:subClassOf ckg:Event . ckg:hasActor rdfs:subPropertyOf ckg:hasActor .
"""


def load() -> Graph:
    """One article of the contract sample plus the ontology's hierarchy (not its labels).

    Stock rdflib, the reference here, needs minutes on the label-matching query once a
    few hundred labels exist: that is the problem the plugin solves.
    """
    ds = Dataset()
    ds.parse(SAMPLE, format="trig")
    g = Graph()
    for quad in ds.quads((None, None, None, ARTICLE)):
        g.add(quad[:3])
    for t in Graph().parse(ONTOLOGY, format="turtle"):
        if t[1] in (RDFS.subClassOf, RDFS.subPropertyOf):
            g.add(t)
    g.parse(data=EXTRA, format="turtle")
    return g


def answers(ds: Graph, query: str) -> list[tuple[str, ...]]:
    rows = ds.query(sparql_prefixes() + "\n" + query)
    return sorted(tuple(str(v) for v in row) for row in rows)


def test_plugin_is_registered_by_entry_point() -> None:
    assert CUSTOM_EVALS.get("conflict_kg_join_order") is evaluate_bgp


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_same_answers_as_rdflib(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ds = load()
    ours = answers(ds, QUERIES[name])
    monkeypatch.delitem(CUSTOM_EVALS, "conflict_kg_join_order")
    stock = answers(ds, QUERIES[name])
    assert ours == stock
    assert ours, f"query {name!r} should have answers on the sample"
