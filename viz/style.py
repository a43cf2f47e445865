"""How the explorer draws things: colours, shapes and dashes, explained by its legend.

Event kinds of the same family share a hue (talks blue, demands orange, agreements
green, hostility red/purple), so the picture reads at a glance.

>>> event_color("CeasefireDemand")
'#e8590c'
>>> node_shape("State"), node_shape("MilitaryAlliance"), node_shape("City")
('square', 'diamond', 'triangle')
"""

from __future__ import annotations

from kg.iris import content_hash
from kg.vocabulary import ActorClass, EventClass, FactClass, PlaceClass

__all__ = [
    "COMMUNITY_COLORS",
    "EDGE_STYLES",
    "EVENT_COLORS",
    "community_color",
    "event_color",
    "node_shape",
]

EVENT_COLORS: dict[str, str] = {
    EventClass.EVENT: "#868e96",
    EventClass.MEETING: "#1c7ed6",
    EventClass.NEGOTIATION: "#1864ab",
    EventClass.PHONE_CALL: "#4dabf7",
    EventClass.STATEMENT: "#6c757d",
    EventClass.DEMAND: "#f08c00",
    EventClass.CEASEFIRE_DEMAND: "#e8590c",
    EventClass.ASSISTANCE_REQUEST: "#fab005",
    EventClass.MEDIATION_OFFER: "#12b886",
    EventClass.MEDIATION: "#087f5b",
    EventClass.AGREEMENT: "#2f9e44",
    EventClass.CEASEFIRE_AGREEMENT: "#5c940d",
    EventClass.ENDORSEMENT: "#8ce99a",
    EventClass.ACCUSATION: "#ae3ec9",
    EventClass.REJECTION: "#862e9c",
    EventClass.APOLOGY: "#e64980",
    EventClass.DEPLOYMENT: "#795548",
    EventClass.MILITARY_ACTION: "#c92a2a",
    EventClass.PROTEST: "#d9480f",
}
_EXTRA_COLORS = ("#5f3dc4", "#0b7285", "#a61e4d", "#364fc7", "#2b8a3e", "#e67700")

#: Pastel fills for communities; the index is the community's rank by size.
COMMUNITY_COLORS = (
    "#a5d8ff",
    "#ffd8a8",
    "#b2f2bb",
    "#fcc2d7",
    "#d0bfff",
    "#ffec99",
    "#99e9f2",
    "#eebefa",
    "#c0eb75",
    "#ffc9c9",
    "#bac8ff",
    "#96f2d7",
)
_OTHER_COMMUNITY = "#dee2e6"

_SHAPES: dict[str, str] = {
    ActorClass.PERSON: "dot",
    ActorClass.STATE: "square",
    ActorClass.ORGANIZATION: "diamond",
    ActorClass.MILITARY_ALLIANCE: "diamond",
    ActorClass.INTERNATIONAL_ORGANIZATION: "diamond",
    ActorClass.MEDIA_ORGANIZATION: "diamond",
    ActorClass.GOVERNMENT_BODY: "diamond",
    ActorClass.ARMED_GROUP: "triangleDown",
    ActorClass.ACTOR: "hexagon",
    PlaceClass.PLACE: "triangle",
    PlaceClass.REGION: "triangle",
    PlaceClass.CITY: "triangle",
    FactClass.ARMED_CONFLICT: "star",
}

#: Edge kinds: (colour, dash pattern or None, legend text). Event edges take the
#: colour of their event type; a claim is dashed whatever its kind.
EDGE_STYLES: dict[str, tuple[str, list[int] | None, str]] = {
    "event": ("", None, "event between actors (colour = event type), arrow from agent"),
    "claim": ("", [8, 5], "claimed by someone (ckg:claimedBy), not stated as fact"),
    "mediates": ("#087f5b", [2, 4], "mediates between the parties"),
    "role": ("#868e96", None, "role of an actor in an event"),
    "memberOf": ("#495057", None, "member of"),
    "notMemberOf": ("#e03131", [4, 4], "NOT member of (owl:NegativePropertyAssertion)"),
    "leads": ("#1864ab", None, "leads"),
    "office": ("#7048e8", None, "holds office (e.g. head of state) of"),
    "party": ("#7f1d1d", None, "party to the armed conflict"),
}


def event_color(event_type: str) -> str:
    """The colour of an event type (a stable extra colour for types not in the contract)."""
    if event_type in EVENT_COLORS:
        return EVENT_COLORS[event_type]
    return _EXTRA_COLORS[int(content_hash(event_type), 16) % len(_EXTRA_COLORS)]


def community_color(rank: int) -> str:
    """The fill of the community ranked ``rank`` by size (grey beyond the palette)."""
    return COMMUNITY_COLORS[rank] if 0 <= rank < len(COMMUNITY_COLORS) else _OTHER_COMMUNITY


def node_shape(entity_type: str) -> str:
    """The vis-network shape of an entity type; events are drawn as boxes."""
    return _SHAPES.get(entity_type, "box")
