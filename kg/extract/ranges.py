"""Every role and office within the ontology's ranges (``ontology/shapes.ttl``), so that
what ``ckg extract`` writes is what ``ckg load`` accepts.

Reads events, facts and the article's new entities; writes them back. The roles of an
event that name someone (agent, addressee, participant, mediator) take actors only: a
region or place read into one ("die abtrünnige Region Transnistrien verhandelte") is the
event's place where it has none, else left out; a location is a place or a state. An
office belongs to a state or an organisation and is held by a person; nothing stands in a
standing relation to itself.

>>> from kg.extract.model import Event, Trigger
>>> from kg.vocabulary import RoleProperty
>>> from kg.dictionary import load_dictionary
>>> t = Trigger(0, 0, 1, "negotiate", "Negotiation", "046", (), True)
>>> ev = Event(0, t, "Negotiation", ((RoleProperty.PARTICIPANT, "moldova"),
...     (RoleProperty.PARTICIPANT, "transnistria")))
>>> [(r.value, k) for r, k in keep_in_range([ev], [], (), load_dictionary())[0][0].roles]
[('participant', 'moldova'), ('location', 'transnistria')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.dictionary import ActorDictionary, class_is
from kg.extract.lexicon import Lexicon
from kg.extract.model import ACTOR_ROLES, Event, EventRole, Fact, FactKind
from kg.vocabulary import ActorClass, EventProperty, PlaceClass

__all__ = ["keep_in_range", "regional_offices"]

_ACTOR_ROLES = frozenset(ACTOR_ROLES)


def keep_in_range(
    events: Sequence[Event],
    facts: Sequence[Fact],
    new_entities: Sequence[tuple[str, str, str]],
    dictionary: ActorDictionary,
) -> tuple[tuple[Event, ...], tuple[Fact, ...]]:
    """The events and facts with every role and office within its range."""
    new = {key: cls for key, cls, _label in new_entities}

    def is_(key: str, *classes: str) -> bool:
        cls = dictionary[key].cls if key in dictionary else new.get(key)
        return cls is not None and class_is(cls, *classes)

    kept_events = tuple(_event_in_range(ev, is_) for ev in events)
    kept_facts = tuple(
        f
        for f in facts
        # nothing leads, chairs or is a member of itself (a short name in parentheses
        # read as the leader of its long name)
        if f.subject != f.object
        and (
            f.kind != FactKind.POSITION
            or (
                is_(f.subject, ActorClass.PERSON)
                and is_(f.object, ActorClass.STATE, ActorClass.ORGANIZATION)
            )
        )
    )
    return kept_events, kept_facts


def _event_in_range(ev: Event, is_) -> Event:
    roles: list[tuple[EventRole, str]] = []
    placed = any(r == EventProperty.LOCATION for r, _k in ev.roles)
    for role, key in ev.roles:
        if role in _ACTOR_ROLES and not is_(key, ActorClass.ACTOR):
            if (
                is_(key, PlaceClass.PLACE)
                and not placed
                and (EventProperty.LOCATION, key) not in roles
            ):
                roles.append((EventProperty.LOCATION, key))  # the region it was read as acting in
            continue
        if role == EventProperty.LOCATION and not is_(key, PlaceClass.PLACE, ActorClass.STATE):
            continue
        if (role, key) not in roles:
            roles.append((role, key))
    claimed = tuple(k for k in ev.claimed_by if is_(k, ActorClass.ACTOR))
    if tuple(roles) == ev.roles and claimed == ev.claimed_by:
        return ev
    return replace(ev, roles=tuple(roles), claimed_by=claimed)


def regional_offices(
    facts: Sequence[Fact],
    new_entities: Sequence[tuple[str, str, str]],
    dictionary: ActorDictionary,
    lexicon: Lexicon,
) -> tuple[tuple[Fact, ...], tuple[tuple[str, str, str], ...]]:
    """The offices of a region's or a city's government ("der transnistrische
    Außenminister", "der Gouverneur von Rio") held in that government: a body of its own
    (``<place>-government``, labelled from ``roles.yaml`` "regional_governments"), for an
    office belongs to a state or an organisation; a church's office of a place ("der
    Erzbischof von Manila") is held in its see (``<place>-archdiocese``, from
    "regional_sees"). Returns the facts and the new entities with the bodies minted.

    >>> from kg.dictionary import load_dictionary
    >>> from kg.extract.lexicon import load_lexicon
    >>> f = Fact(FactKind.POSITION, "x-y", "transnistria", 0, "foreign-minister")
    >>> facts, new = regional_offices([f], (), load_dictionary(), load_lexicon())
    >>> facts[0].object
    'transnistria-government'
    >>> new
    (('transnistria-government', 'GovernmentBody', 'Regierung von Transnistrien'),)
    """
    new = {key: (cls, label) for key, cls, label in new_entities}
    offices = lexicon.national | lexicon.regional_roles
    minted: dict[str, tuple[str, str]] = {}
    out: list[Fact] = []
    for f in facts:
        if f.kind == FactKind.POSITION and f.role in offices:
            entry = dictionary.get(f.object)
            cls, label = (
                (entry.cls, entry.label_de) if entry is not None else new.get(f.object, ("", ""))
            )
            template = next(
                (t for c, t in lexicon.regional_governments.items() if cls and class_is(cls, c)),
                None,
            )
            suffix, body = "government", ActorClass.GOVERNMENT_BODY
            if f.role in lexicon.regional_sees and cls and class_is(cls, PlaceClass.PLACE):
                # "der Erzbischof von Manila": an office of the see, a church's body
                suffix, template = lexicon.regional_sees[f.role]
                body = ActorClass.ORGANIZATION
            if template is not None and not class_is(cls, ActorClass.STATE):
                key = f"{f.object}-{suffix}"
                if dictionary.get(key) is None and key not in new:
                    minted[key] = (body.value, template.format(label))
                f = replace(f, object=key)
        out.append(f)
    return tuple(out), (*new_entities, *((k, c, lab) for k, (c, lab) in minted.items()))
