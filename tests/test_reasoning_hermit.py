"""HermiT (via owlready2) over the ontology and small data graphs. Needs Java."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.errors import MissingRuntimeError
from kg.ontology import check_consistency, java_executable, load_ontology

PREFIXES = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix role: <https://w3id.org/conflict-kg/id/role/> .
"""

# The contract's example (IRIs written out), plus a position, a conflict and an agreement.
EXAMPLE = (
    PREFIXES
    + """
<https://w3id.org/conflict-kg/id/article/2020-10-moskau-verhandlungen> a ckg:Article ;
    dcterms:identifier "2020-10-moskau-verhandlungen.txt" ; dcterms:language "de" ;
    dcterms:date "2020-10"^^xsd:gYearMonth .
<https://w3id.org/conflict-kg/id/mention/m1> a ckg:Mention ;
    ckg:inArticle <https://w3id.org/conflict-kg/id/article/2020-10-moskau-verhandlungen> ;
    ckg:start 521 ; ckg:end 676 ; ckg:text "Russlands Präsident Wladimir Putin hat ..." .
<https://w3id.org/conflict-kg/id/event/e1> a ckg:CeasefireDemand ;
    prov:wasDerivedFrom <https://w3id.org/conflict-kg/id/mention/m1> ;
    ckg:agent <https://w3id.org/conflict-kg/id/entity/vladimir-putin> ;
    ckg:addressee <https://w3id.org/conflict-kg/id/entity/armenia> ,
                  <https://w3id.org/conflict-kg/id/entity/azerbaijan> ;
    ckg:date "2020-10"^^xsd:gYearMonth ; ckg:confidence 0.9 ; ckg:about "Waffenruhe"@de .
<https://w3id.org/conflict-kg/id/entity/armenia> a ckg:State ;
    ckg:memberOf <https://w3id.org/conflict-kg/id/entity/csto> ; owl:sameAs wd:Q399 .
<https://w3id.org/conflict-kg/id/entity/azerbaijan> a ckg:State .
<https://w3id.org/conflict-kg/id/entity/csto> a ckg:MilitaryAlliance .
<https://w3id.org/conflict-kg/id/entity/russia> a ckg:State ;
    ckg:leads <https://w3id.org/conflict-kg/id/entity/csto> .
<https://w3id.org/conflict-kg/id/entity/moscow> a ckg:City ; owl:sameAs wd:Q649 .
<https://w3id.org/conflict-kg/id/entity/nagorno-karabakh> a ckg:Region .
[] a owl:NegativePropertyAssertion ;
   owl:sourceIndividual <https://w3id.org/conflict-kg/id/entity/azerbaijan> ;
   owl:assertionProperty ckg:memberOf ;
   owl:targetIndividual <https://w3id.org/conflict-kg/id/entity/csto> .
[] a owl:NegativePropertyAssertion ;
   owl:sourceIndividual <https://w3id.org/conflict-kg/id/entity/nagorno-karabakh> ;
   owl:assertionProperty ckg:memberOf ;
   owl:targetIndividual <https://w3id.org/conflict-kg/id/entity/csto> .
<https://w3id.org/conflict-kg/id/entity/vladimir-putin> a ckg:Person ;
    rdfs:label "Wladimir Putin"@de , "Vladimir Putin"@en ; owl:sameAs wd:Q7747 .
<https://w3id.org/conflict-kg/id/position/p1> a ckg:Position ;
    ckg:holder <https://w3id.org/conflict-kg/id/entity/vladimir-putin> ;
    ckg:role role:president ; ckg:of <https://w3id.org/conflict-kg/id/entity/russia> .
<https://w3id.org/conflict-kg/id/conflict/c1> a ckg:ArmedConflict ;
    ckg:party <https://w3id.org/conflict-kg/id/entity/armenia> ,
              <https://w3id.org/conflict-kg/id/entity/azerbaijan> ;
    ckg:location <https://w3id.org/conflict-kg/id/entity/nagorno-karabakh> ;
    ckg:startDate "2020-09-27"^^xsd:date .
<https://w3id.org/conflict-kg/id/event/e2> a ckg:CeasefireAgreement ;
    ckg:mediator <https://w3id.org/conflict-kg/id/entity/russia> ;
    ckg:participant <https://w3id.org/conflict-kg/id/entity/armenia> ;
    ckg:location <https://w3id.org/conflict-kg/id/entity/moscow> ;
    ckg:partOf <https://w3id.org/conflict-kg/id/conflict/c1> ;
    ckg:effectiveFrom "2020-10-10T12:00:00+04:00"^^xsd:dateTime .
"""
)


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def _graph(turtle: str) -> Graph:
    return Graph().parse(data=turtle, format="turtle")


def test_ontology_is_consistent_and_all_classes_satisfiable(onto):
    result = check_consistency(ontology=onto)
    assert result.consistent and result.ok
    assert result.unsatisfiable_classes == ()
    assert result.triples == len(onto)


def test_contract_example_is_consistent(onto):
    result = check_consistency(_graph(EXAMPLE), ontology=onto)
    assert result.consistent, result.explanation


def test_person_and_state_at_once_is_inconsistent(onto):
    data = _graph(PREFIXES + "id:entity-x a ckg:Person , ckg:State .")
    result = check_consistency(data, ontology=onto)
    assert not result.consistent
    assert any("both a Person and a State" in r for r in result.explanation)


def test_negative_assertion_contradicted_by_membership_is_inconsistent(onto):
    data = _graph(
        EXAMPLE + "<https://w3id.org/conflict-kg/id/entity/azerbaijan> ckg:memberOf "
        "<https://w3id.org/conflict-kg/id/entity/csto> ."
    )
    result = check_consistency(data, ontology=onto)
    assert not result.consistent
    assert result.explanation == (
        "https://w3id.org/conflict-kg/id/entity/azerbaijan memberOf "
        "https://w3id.org/conflict-kg/id/entity/csto is stated and also denied "
        "(NegativePropertyAssertion)",
    )


def test_city_acting_as_agent_is_inconsistent(onto):
    # the contract resolves an acting capital to its state; a City agent contradicts that
    data = _graph(
        PREFIXES + "id:event-x a ckg:Meeting ; ckg:agent id:entity-moscow .\n"
        "id:entity-moscow a ckg:City ."
    )
    result = check_consistency(data, ontology=onto)
    assert not result.consistent
    assert result.explanation == (
        "https://w3id.org/conflict-kg/id/entity-moscow is a City but is the value of agent, "
        "whose values are Actor, disjoint with City",
    )


def test_confidence_above_one_is_inconsistent(onto):
    data = _graph(PREFIXES + "id:event-x a ckg:Meeting ; ckg:confidence 1.5 .")
    assert not check_consistency(data, ontology=onto).consistent


def test_missing_java_is_reported(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no java on PATH
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(MissingRuntimeError) as err:
        check_consistency()
    assert str(err.value) == (
        "Java runtime not found: HermiT needs it — install one "
        "(e.g. apt-get install default-jre-headless) or set JAVA_HOME"
    )


def test_java_home_is_used_when_java_is_not_on_path(monkeypatch, tmp_path):
    real = java_executable()
    home = tmp_path / "jdk"
    (home / "bin").mkdir(parents=True)
    (home / "bin" / "java").symlink_to(real)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("JAVA_HOME", str(home))
    assert java_executable() == str(home / "bin" / "java")
    assert check_consistency(_graph(PREFIXES + "id:entity-x a ckg:Person .")).consistent
