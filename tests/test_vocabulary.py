"""The enums of kg.vocabulary are the ontology's classes and properties, no more, no fewer."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from kg.namespaces import CKG, OWL, RDF, RDFS
from kg.resources import ontology_file
from kg.vocabulary import (
    CLASSES,
    PROPERTIES,
    SUPERCLASS,
    ActorClass,
    EventClass,
    FactClass,
    PlaceClass,
    ancestors,
)
from viz.style import EVENT_COLORS, node_shape

_PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


def _declared(graph: Graph, *kinds: URIRef) -> set[str]:
    """Local names of the ckg: terms typed with one of ``kinds``."""
    return {
        str(s).removeprefix(str(CKG))
        for kind in kinds
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(str(CKG))
    }


def _members(enums) -> list[str]:
    return [m.value for enum in enums for m in enum]


def test_every_ontology_class_is_a_member_and_every_member_a_class(ontology):
    declared = _declared(ontology, OWL.Class, RDFS.Class)
    members = _members(CLASSES)
    assert len(members) == len(set(members)), "a class in two enums"
    assert declared - set(members) == set(), "ontology classes missing from kg.vocabulary"
    assert set(members) - declared == set(), "kg.vocabulary names classes the ontology lacks"


def test_every_ontology_property_is_a_member_and_every_member_a_property(ontology):
    declared = _declared(ontology, *_PROPERTY_TYPES)
    members = _members(PROPERTIES)
    assert len(members) == len(set(members)), "a property in two enums"
    assert declared - set(members) == set(), "ontology properties missing from kg.vocabulary"
    assert set(members) - declared == set(), "kg.vocabulary names properties the ontology lacks"


def test_superclasses_are_the_ontologys(ontology):
    """SUPERCLASS holds exactly the ontology's rdfs:subClassOf edges within ckg:."""
    edges = {
        (str(s).removeprefix(str(CKG)), str(o).removeprefix(str(CKG)))
        for s, o in ontology.subject_objects(RDFS.subClassOf)
        if isinstance(s, URIRef)
        and isinstance(o, URIRef)
        and str(s).startswith(str(CKG))
        and str(o).startswith(str(CKG))
    }
    assert set(SUPERCLASS.items()) == edges


def test_members_are_their_local_names_and_iris():
    """Code that compares, sorts or writes class names as strings sees no difference."""
    assert EventClass.CEASEFIRE_DEMAND == "CeasefireDemand"
    assert f"{EventClass.PHONE_CALL}" == str(EventClass.PHONE_CALL) == "PhoneCall"
    assert {"Meeting": 1}[EventClass.MEETING] == 1
    assert EventClass.MEETING.iri == CKG.Meeting
    assert ancestors(EventClass.CEASEFIRE_AGREEMENT) == ("CeasefireAgreement", "Agreement", "Event")


def test_the_explorer_draws_every_class_in_its_own_style():
    """A class added to the vocabulary gets a colour or shape of its own, not a fallback."""
    assert set(EVENT_COLORS) == set(EventClass)
    drawn = [*ActorClass, *PlaceClass, FactClass.ARMED_CONFLICT]
    assert all(node_shape(c) != node_shape("NoSuchClass") for c in drawn)
