"""The ontology's classes and properties as Python enums, defined once.

Every class and property of ``ontology/conflict-kg.ttl`` (the terms of the data contract,
``CONTRACT.md``) is a member of exactly one enum below, valued by its local name, so code
names a class as ``EventClass.MEETING`` rather than the string ``"Meeting"``: a typo is
an ``AttributeError``, not a class nobody has. Members are strings (:class:`~enum.StrEnum`),
so they compare equal to, hash like and print as their local names, and ``.iri`` is the
full IRI. ``tests/test_vocabulary.py`` checks the enums against the ontology both ways
(every class and property of the ontology is here, everything here is in the ontology)
and :data:`SUPERCLASS` against its ``rdfs:subClassOf``.

The link terms of ``ontology/links.ttl`` (``ckg:EventCluster``, ...) are not here; the
ontology document served at the endpoint is :mod:`kg.server.vocabulary`.

>>> EventClass.CEASEFIRE_AGREEMENT == "CeasefireAgreement"
True
>>> str(EventClass.MEETING.iri)
'https://w3id.org/conflict-kg/ontology#Meeting'
>>> EventClass("PhoneCall") is EventClass.PHONE_CALL
True
>>> ancestors(EventClass.NEGOTIATION)
('Negotiation', 'Meeting', 'Event')
>>> is_a("MilitaryAlliance", ActorClass.ACTOR), is_a(PlaceClass.CITY, ActorClass.ACTOR)
(True, False)
"""

from __future__ import annotations

from enum import StrEnum

from rdflib import URIRef

from kg.namespaces import CKG

__all__ = [
    "CLASSES",
    "PROPERTIES",
    "SUPERCLASS",
    "ActorClass",
    "EventClass",
    "EventProperty",
    "FactClass",
    "FactProperty",
    "MentionProperty",
    "PlaceClass",
    "RoleProperty",
    "SourceClass",
    "ancestors",
    "is_a",
]


class _Term(StrEnum):
    """A term of the ``ckg:`` namespace, valued by its local name."""

    @property
    def iri(self) -> URIRef:
        """The term's IRI (``ckg:`` + local name)."""
        return CKG[self.value]


class EventClass(_Term):
    """``ckg:Event`` and the kinds of event beneath it (contract, "Events")."""

    EVENT = "Event"
    MEETING = "Meeting"
    NEGOTIATION = "Negotiation"
    PHONE_CALL = "PhoneCall"
    STATEMENT = "Statement"
    DEMAND = "Demand"
    CEASEFIRE_DEMAND = "CeasefireDemand"
    ASSISTANCE_REQUEST = "AssistanceRequest"
    MEDIATION_OFFER = "MediationOffer"
    MEDIATION = "Mediation"
    AGREEMENT = "Agreement"
    CEASEFIRE_AGREEMENT = "CeasefireAgreement"
    ENDORSEMENT = "Endorsement"
    ACCUSATION = "Accusation"
    REJECTION = "Rejection"
    APOLOGY = "Apology"
    DEPLOYMENT = "Deployment"
    MILITARY_ACTION = "MilitaryAction"
    PROTEST = "Protest"


class ActorClass(_Term):
    """``ckg:Actor`` and the kinds of actor beneath it (contract, "Entities")."""

    ACTOR = "Actor"
    PERSON = "Person"
    STATE = "State"
    ORGANIZATION = "Organization"
    MILITARY_ALLIANCE = "MilitaryAlliance"
    INTERNATIONAL_ORGANIZATION = "InternationalOrganization"
    ARMED_GROUP = "ArmedGroup"
    MEDIA_ORGANIZATION = "MediaOrganization"
    GOVERNMENT_BODY = "GovernmentBody"


class PlaceClass(_Term):
    """``ckg:Place`` and the kinds of place beneath it."""

    PLACE = "Place"
    REGION = "Region"
    CITY = "City"


class FactClass(_Term):
    """The nodes of standing facts: an office held, an armed conflict with its sides."""

    POSITION = "Position"
    ARMED_CONFLICT = "ArmedConflict"


class SourceClass(_Term):
    """Where statements come from: an article and a span of it."""

    ARTICLE = "Article"
    MENTION = "Mention"


class RoleProperty(_Term):
    """``ckg:hasActor`` and the roles beneath it: who takes part in an event or conflict."""

    HAS_ACTOR = "hasActor"
    AGENT = "agent"
    ADDRESSEE = "addressee"
    PARTICIPANT = "participant"
    MEDIATOR = "mediator"
    PARTY = "party"


class EventProperty(_Term):
    """The other properties of events (``location`` also of conflicts)."""

    LOCATION = "location"
    DATE = "date"
    EFFECTIVE_FROM = "effectiveFrom"
    ABOUT = "about"
    QUOTE = "quote"
    PART_OF = "partOf"
    CLAIMED_BY = "claimedBy"
    CONFIDENCE = "confidence"
    SAME_EVENT_AS = "sameEventAs"


class FactProperty(_Term):
    """The properties of standing facts: membership, leadership, offices, conflicts."""

    MEMBER_OF = "memberOf"
    LEADS = "leads"
    HOLDER = "holder"
    ROLE = "role"
    OF = "of"
    START_DATE = "startDate"


class MentionProperty(_Term):
    """The properties of a mention: its article, its text and where it stands."""

    IN_ARTICLE = "inArticle"
    TEXT = "text"
    START = "start"
    END = "end"


#: Every enum of classes, and of properties.
CLASSES: tuple[type[_Term], ...] = (EventClass, ActorClass, PlaceClass, FactClass, SourceClass)
PROPERTIES: tuple[type[_Term], ...] = (RoleProperty, EventProperty, FactProperty, MentionProperty)

_E, _A, _P = EventClass, ActorClass, PlaceClass
#: The class tree of the contract: each class's direct super-class within ``ckg:`` (the
#: roots Event, Actor, Place and the others have none here), for code that must work on
#: data loaded without the ontology.
SUPERCLASS: dict[str, str] = {
    **{
        c: _E.EVENT
        for c in (
            _E.MEETING,
            _E.PHONE_CALL,
            _E.STATEMENT,
            _E.DEMAND,
            _E.MEDIATION_OFFER,
            _E.MEDIATION,
            _E.AGREEMENT,
            _E.ENDORSEMENT,
            _E.ACCUSATION,
            _E.REJECTION,
            _E.APOLOGY,
            _E.DEPLOYMENT,
            _E.MILITARY_ACTION,
            _E.PROTEST,
        )
    },
    _E.NEGOTIATION: _E.MEETING,
    _E.CEASEFIRE_DEMAND: _E.DEMAND,
    _E.ASSISTANCE_REQUEST: _E.DEMAND,
    _E.CEASEFIRE_AGREEMENT: _E.AGREEMENT,
    _A.PERSON: _A.ACTOR,
    _A.STATE: _A.ACTOR,
    _A.ORGANIZATION: _A.ACTOR,
    **{
        c: _A.ORGANIZATION
        for c in (
            _A.MILITARY_ALLIANCE,
            _A.INTERNATIONAL_ORGANIZATION,
            _A.ARMED_GROUP,
            _A.MEDIA_ORGANIZATION,
            _A.GOVERNMENT_BODY,
        )
    },
    _P.REGION: _P.PLACE,
    _P.CITY: _P.PLACE,
}


def ancestors(cls: str) -> tuple[str, ...]:
    """``cls`` and its super-classes in :data:`SUPERCLASS`, nearest first.

    >>> ancestors("Unknown")
    ('Unknown',)
    """
    out = [cls]
    while (up := SUPERCLASS.get(out[-1])) is not None:
        out.append(up)
    return tuple(str(c) for c in out)


def is_a(cls: str, ancestor: str) -> bool:
    """Whether ``cls`` is ``ancestor`` or beneath it in :data:`SUPERCLASS`.

    >>> is_a(EventClass.CEASEFIRE_DEMAND, EventClass.DEMAND)
    True
    """
    return ancestor in ancestors(cls)
