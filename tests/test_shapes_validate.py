"""SHACL shapes: a valid article graph conforms; each broken variant is named."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, URIRef

from kg.ontology import load_ontology
from kg.shapes import check_shapes, load_shapes, validate

ID = "https://w3id.org/conflict-kg/id/"
VALID = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix role: <https://w3id.org/conflict-kg/id/role/> .
@prefix a: <https://w3id.org/conflict-kg/id/article/> .
@prefix m: <https://w3id.org/conflict-kg/id/mention/> .
@prefix e: <https://w3id.org/conflict-kg/id/entity/> .
@prefix ev: <https://w3id.org/conflict-kg/id/event/> .
@prefix pos: <https://w3id.org/conflict-kg/id/position/> .

a:x a ckg:Article ; dcterms:identifier "x.txt" ; dcterms:title "Putin fordert Waffenruhe" ;
    dcterms:language "de" ; dcterms:date "2020-10"^^xsd:gYearMonth .
m:x-1 a ckg:Mention ; ckg:inArticle a:x ; ckg:start 10 ; ckg:end 42 ;
    ckg:text "Putin fordert eine Waffenruhe." .
ev:x-1 a ckg:CeasefireDemand ; prov:wasDerivedFrom m:x-1 ; ckg:agent e:vladimir-putin ;
    ckg:addressee e:armenia ; ckg:date "2020-10-07"^^xsd:date ; ckg:confidence 0.9 ;
    ckg:about "Waffenruhe"@de .
e:vladimir-putin a ckg:Person ; owl:sameAs wd:Q7747 .
e:armenia a ckg:State ; ckg:memberOf e:csto .
e:russia a ckg:State .
e:csto a ckg:MilitaryAlliance .
pos:x-1 a ckg:Position ; ckg:holder e:vladimir-putin ; ckg:role role:president ; ckg:of e:russia .
[] a owl:NegativePropertyAssertion ; owl:sourceIndividual e:azerbaijan ;
   owl:assertionProperty ckg:memberOf ; owl:targetIndividual e:csto .
"""


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


@pytest.fixture(scope="module")
def shapes():
    return load_shapes()


def _check(turtle, onto, shapes):
    return validate(Graph().parse(data=turtle, format="turtle"), ontology=onto, shapes=shapes)


def test_valid_article_graph_conforms(onto, shapes):
    report = _check(VALID, onto, shapes)
    assert report.conforms, report.text()
    assert report.violations == ()


@pytest.mark.parametrize(
    ("old", "new", "focus", "message"),
    [
        (
            "prov:wasDerivedFrom m:x-1 ;",
            "",
            "event/x-1",
            "Event has no prov:wasDerivedFrom to a ckg:Mention",
        ),
        (
            "ckg:start 10 ;",
            "ckg:start 42 ;",
            "mention/x-1",
            "ckg:start must be less than its ckg:end",
        ),
        (
            '"2020-10-07"^^xsd:date',
            '"2020-10-07"^^xsd:string',
            "event/x-1",
            "ckg:date must be an xsd:date, xsd:gYearMonth or xsd:gYear literal",
        ),
        (
            "owl:sameAs wd:Q7747",
            "owl:sameAs <http://dbpedia.org/resource/Vladimir_Putin>",
            "entity/vladimir-putin",
            "must be a Wikidata item IRI",
        ),
        (
            "ckg:holder e:vladimir-putin ;",
            "",
            "position/x-1",
            "Position needs exactly one ckg:holder, a ckg:Person",
        ),
        ("ckg:confidence 0.9", "ckg:confidence 1.5", "event/x-1", "ckg:confidence must be one"),
        ("ckg:addressee e:armenia", "ckg:addressee e:nobody", "event/x-1", "ckg:addressee must"),
        ("ckg:role role:president ;", "", "position/x-1", "Position needs at least one ckg:role"),
        (
            "owl:assertionProperty ckg:memberOf ;",
            "",
            "_:",
            "needs exactly one owl:assertionProperty",
        ),
        (
            'dcterms:date "2020-10"^^xsd:gYearMonth',
            'dcterms:date "Oktober 2020"',
            "article/x",
            "Article needs exactly one dcterms:date",
        ),
        ('ckg:text "Putin fordert eine Waffenruhe."', "", "mention/x-1", "exactly one ckg:text"),
    ],
)
def test_broken_variant_is_reported(onto, shapes, old, new, focus, message):
    assert old in VALID
    report = _check(VALID.replace(old, new), onto, shapes)
    assert not report.conforms
    hits = [v for v in report.violations if message in v.message]
    assert hits, report.text()
    assert focus in hits[0].focus or (focus == "_:" and hits[0].focus.startswith("_:"))


def test_event_properties_on_untyped_node(onto, shapes):
    turtle = VALID + "\n<https://w3id.org/conflict-kg/id/event/loose> ckg:agent e:russia ."
    report = _check(turtle, onto, shapes)
    assert [v.focus for v in report.violations] == [ID + "event/loose"]
    assert "no rdf:type from the ckg:Event class tree" in report.violations[0].message


def test_dataset_is_checked_as_union_of_graphs(onto, shapes):
    full = Graph().parse(data=VALID, format="turtle")
    ds = Dataset()
    article = ds.graph(URIRef(ID + "article/x"))
    reference = ds.graph(URIRef(ID + "graph/reference"))
    for s, p, o in full:
        # types of the entities only in the reference graph
        target = reference if str(s).startswith(ID + "entity/") else article
        target.add((s, p, o))
    assert validate(ds, ontology=onto, shapes=shapes).conforms


def test_shapes_are_well_formed_shacl():
    assert check_shapes() == 12  # ckgsh:Coordinates (issue 12) made it 12
