"""Every term of the contract exists in the ontology, documented and aligned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg import vocabulary
from kg.namespaces import CAMEO, CKG, OWL, PLOVER, RDF, RDFS, ROLE, SKOS
from kg.ontology import load_ontology, summarize
from kg.vocabulary import EventClass, RoleProperty

CONTRACT = Path("/work/shared/spec/CONTRACT.md")

# The contract's terms are kg.vocabulary's enums: checked against CONTRACT.md below (when
# the shared directory is mounted) and against the ontology file both ways in
# tests/test_vocabulary.py; here every one must be documented and aligned in the ontology.
CLASSES = [m.value for enum in vocabulary.CLASSES for m in enum]
PROPERTIES = [m.value for enum in vocabulary.PROPERTIES for m in enum]
EVENT_CLASSES = [c.value for c in EventClass if c is not EventClass.EVENT]
#: Event classes without a PLOVER match, and why (the class comment must say so).
NO_PLOVER = {"Statement": "PLOVER"}
ROLE_KEYS = [
    "president",
    "vice-president",
    "prime-minister",
    "chancellor",
    "foreign-minister",
    "deputy-foreign-minister",
    "deputy-prime-minister",
    "deputy-head-of-government",
    "defence-minister",
    "interior-minister",
    "secretary-general",
    "high-representative",
    "special-envoy",
    "spokesperson",
    "ambassador",
    "head-of-state",
    "head-of-government",
    "monarch",
    "commander",
    "leader",
    "chairperson",
]


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_literal_list_matches_contract_when_present():
    if not CONTRACT.exists():
        pytest.skip("shared contract not mounted; the literal list is used")
    text = CONTRACT.read_text(encoding="utf-8")
    named = set(re.findall(r"`ckg:([A-Za-z]+)`", text)) | set(re.findall(r"ckg:([A-Za-z]+)", text))
    assert named <= set(CLASSES) | set(PROPERTIES)
    assert set(CLASSES) | set(PROPERTIES) <= named | {"Event"}


@pytest.mark.parametrize("name", CLASSES + PROPERTIES)
def test_term_exists_with_labels_and_comment(onto, name):
    term = CKG[name]
    types = set(onto.objects(term, RDF.type))
    assert types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    langs = {lit.language for lit in onto.objects(term, RDFS.label) if isinstance(lit, Literal)}
    assert {"de", "en"} <= langs, f"{name}: labels in {langs}"
    comments = [c for c in onto.objects(term, RDFS.comment) if c.language == "en"]
    assert comments and len(str(comments[0])) > 30


def test_class_and_property_structure(onto):
    assert (
        CKG.Event,
        RDFS.subClassOf,
        URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event"),
    ) in onto
    assert (CKG.Article, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in onto
    assert (CKG.Mention, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in onto
    assert (CKG.Negotiation, RDFS.subClassOf, CKG.Meeting) in onto
    assert (CKG.CeasefireDemand, RDFS.subClassOf, CKG.Demand) in onto
    assert (CKG.AssistanceRequest, RDFS.subClassOf, CKG.Demand) in onto
    assert (CKG.CeasefireAgreement, RDFS.subClassOf, CKG.Agreement) in onto
    for role in RoleProperty:
        if role is not RoleProperty.HAS_ACTOR:
            assert (role.iri, RDFS.subPropertyOf, CKG.hasActor) in onto, role
    sem = "http://semanticweb.cs.vu.nl/2009/11/sem/"
    assert (CKG.hasActor, RDFS.subPropertyOf, URIRef(sem + "hasActor")) in onto
    assert (CKG.location, RDFS.subPropertyOf, URIRef(sem + "hasPlace")) in onto
    for cls in (CKG.Person, CKG.State, CKG.Organization):
        assert (cls, RDFS.subClassOf, CKG.Actor) in onto
    # ckg:date ranges over ckg:PartialDate, a declared datatype with no OWL definition
    # (xsd:date, xsd:gYearMonth and xsd:gYear are outside the OWL 2 datatype map); the
    # SHACL shapes check the values (tests/test_shapes_validate.py)
    assert onto.value(CKG.date, RDFS.range) == CKG.PartialDate
    assert onto.value(CKG.startDate, RDFS.range) == CKG.PartialDate
    assert (CKG.PartialDate, RDF.type, RDFS.Datatype) in onto
    assert onto.value(CKG.PartialDate, OWL.equivalentClass) is None
    # memberOf is aligned to Wikidata P463 (direct-property form)
    assert (
        CKG.memberOf,
        SKOS.closeMatch,
        URIRef("http://www.wikidata.org/prop/direct/P463"),
    ) in onto


def test_same_event_as_is_symmetric_and_transitive(onto):
    types = set(onto.objects(CKG.sameEventAs, RDF.type))
    assert {OWL.ObjectProperty, OWL.SymmetricProperty, OWL.TransitiveProperty} <= types
    assert onto.value(CKG.sameEventAs, RDFS.domain) == CKG.Event
    assert onto.value(CKG.sameEventAs, RDFS.range) == CKG.Event


@pytest.mark.parametrize("name", EVENT_CLASSES)
def test_event_class_aligned_to_existing_cameo_and_plover_concepts(onto, name):
    matches = list(onto.objects(CKG[name], SKOS.closeMatch))
    cameo = [m for m in matches if str(m).startswith(str(CAMEO))]
    plover_types = [
        m
        for m in matches
        if str(m).startswith(str(PLOVER)) and "/" not in str(m)[len(str(PLOVER)) :]
    ]
    assert cameo, f"{name} has no CAMEO match"
    for m in cameo + [m for m in matches if str(m).startswith(str(PLOVER))]:
        assert (m, RDF.type, SKOS.Concept) in onto, f"{m} is not a concept of cameo/plover.ttl"
        assert onto.value(m, SKOS.notation) is not None
    if name in NO_PLOVER:
        assert not plover_types
        assert NO_PLOVER[name] in str(onto.value(CKG[name], RDFS.comment))
    else:
        assert plover_types, f"{name} has no PLOVER type"


def test_mediation_classes_say_which_plover_type_they_map_to(onto):
    for name, plover in (("Mediation", "CONSULT"), ("MediationOffer", "AGREE")):
        comment = " ".join(str(c) for c in onto.objects(CKG[name], RDFS.comment))
        assert "no mediation type" in comment and plover in comment
        assert (CKG[name], SKOS.closeMatch, PLOVER[plover]) in onto
        assert (CKG[name], SKOS.closeMatch, PLOVER["context/diplomatic"]) in onto


def test_cameo_scheme_has_all_roots_and_a_hierarchy(onto):
    for root in range(1, 21):
        code = f"{root:02d}"
        assert onto.value(CAMEO[code], SKOS.notation) == Literal(code)
    assert (CAMEO["0871"], SKOS.broader, CAMEO["087"]) in onto
    assert (CAMEO["087"], SKOS.broader, CAMEO["08"]) in onto
    label = {lit.language: str(lit) for lit in onto.objects(CAMEO["01"], SKOS.prefLabel)}
    assert label == {"en": "Make public statement", "de": "Öffentliche Erklärung abgeben"}
    assert str(onto.value(CAMEO["042"], SKOS.prefLabel)) in {"Make a visit", "Besuch abstatten"}


def test_plover_scheme_has_the_sixteen_types():
    onto = load_ontology()
    types = set(onto.objects(URIRef(str(PLOVER) + "event-types"), SKOS.member))
    names = {str(onto.value(t, SKOS.notation)) for t in types}
    assert names == set(
        [
            "AGREE",
            "CONSULT",
            "SUPPORT",
            "CONCEDE",
            "COOPERATE",
            "AID",
            "RETREAT",
            "REQUEST",
            "ACCUSE",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "SANCTION",
            "MOBILIZE",
            "COERCE",
            "ASSAULT",
        ]
    )
    assert (PLOVER["mode/phone"], RDF.type, SKOS.Concept) in onto


def test_role_scheme_keys_and_labels(onto):
    for key in ROLE_KEYS:
        labels = {lit.language for lit in onto.objects(ROLE[key], SKOS.prefLabel)}
        assert labels == {"de", "en"}, key
    alt = {str(a) for a in onto.objects(ROLE["prime-minister"], SKOS.altLabel)}
    assert {"Regierungschef", "Premierminister", "Premier"} <= alt
    assert (ROLE["monarch"], SKOS.broader, ROLE["head-of-state"]) in onto
    assert (ROLE["president"], SKOS.broader, ROLE["head-of-state"]) not in onto


def test_summary_counts(onto):
    s = summarize(onto)
    assert s.version == "0.1.0"
    assert s.classes >= len(CLASSES) + 1  # + PartialDate is a datatype, not counted
    names = [e.name for e in s.event_classes]
    assert set(EVENT_CLASSES) <= set(names) and names[0] == "Event"
    cf = next(e for e in s.event_classes if e.name == "CeasefireDemand")
    assert cf.parent == "Demand" and [c.notation for c in cf.cameo] == ["0256", "1056"]


def test_every_office_the_extraction_writes_is_in_the_offices_scheme():
    """Regression: new offices in kg/data/patterns/roles.yaml (deputy-prime-minister)
    were written as ckg:role values without a concept in ontology/roles.ttl."""
    import yaml
    from rdflib import Graph

    from kg.resources import data_dir, ontology_dir

    spec = yaml.safe_load((data_dir() / "patterns" / "roles.yaml").read_text(encoding="utf-8"))
    keys = set(spec["labels"]) | set(spec["titles"].values())
    onto = Graph().parse(ontology_dir() / "roles.ttl", format="turtle")
    missing = sorted(k for k in keys if (ROLE[k], RDF.type, SKOS.Concept) not in onto)
    assert not missing, missing
