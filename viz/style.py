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

__all__ = [
    "COMMUNITY_COLORS",
    "EDGE_STYLES",
    "EVENT_COLORS",
    "community_color",
    "event_color",
    "node_shape",
]

EVENT_COLORS: dict[str, str] = {
    "Event": "#868e96",
    "Meeting": "#1c7ed6",
    "Negotiation": "#1864ab",
    "PhoneCall": "#4dabf7",
    "Statement": "#6c757d",
    "Demand": "#f08c00",
    "CeasefireDemand": "#e8590c",
    "AssistanceRequest": "#fab005",
    "MediationOffer": "#12b886",
    "Mediation": "#087f5b",
    "Agreement": "#2f9e44",
    "CeasefireAgreement": "#5c940d",
    "Endorsement": "#8ce99a",
    "Accusation": "#ae3ec9",
    "Rejection": "#862e9c",
    "Apology": "#e64980",
    "Deployment": "#795548",
    "MilitaryAction": "#c92a2a",
    "Protest": "#d9480f",
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

_SHAPES = {
    "Person": "dot",
    "State": "square",
    "Organization": "diamond",
    "MilitaryAlliance": "diamond",
    "InternationalOrganization": "diamond",
    "MediaOrganization": "diamond",
    "GovernmentBody": "diamond",
    "ArmedGroup": "triangleDown",
    "Actor": "hexagon",
    "Place": "triangle",
    "Region": "triangle",
    "City": "triangle",
    "ArmedConflict": "star",
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
