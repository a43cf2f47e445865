"""RDF to NetworkX: the events view and the actor-to-actor view.

*Events view*: actors, places, conflicts and events are nodes; an event is linked to each
actor by its role (agent, addressee, participant, mediator), to its place and conflict.
*Actor view*: events become typed, dated edges between actors (agent → addressee or
participant, e.g. Putin —CeasefireDemand 2020-10→ Armenien); mediators are linked to
the parties. Both views carry the standing facts (member of, leads, office, and "not
member of" for a non-membership).

Every node and edge has ``label``, ``kind``, ``type`` and, where known, ``date``,
``confidence``, ``evidence`` (a list of :class:`viz.model.Evidence`: sentence, article,
link) and ``claimed_by`` (labels of claimants; an event that is only a claim).

>>> from viz.source import load_file
>>> g = build_nx(load_file("tests/data/viz-sample.trig"), view="actors")
>>> putin = "https://w3id.org/conflict-kg/id/entity/vladimir-putin"
>>> armenia = "https://w3id.org/conflict-kg/id/entity/armenia"
>>> [(d["type"], d["date"]) for _, v, d in g.out_edges(putin, data=True) if v == armenia]
[('CeasefireDemand', '2020-10')]
"""

from __future__ import annotations

import itertools
from enum import StrEnum
from typing import Any

import networkx as nx

from kg.errors import UsageError
from kg.vocabulary import RoleProperty
from viz.gcpause import gc_paused
from viz.model import Entity, EventRecord, Model, read_model
from viz.source import Source, TripleIndex

__all__ = ["View", "build_nx", "model_to_nx", "parse_view"]


class View(StrEnum):
    """Which picture of the graph to draw."""

    ACTORS = "actors"
    EVENTS = "events"


def parse_view(view: str | View) -> View:
    """The :class:`View` named ``view``; :class:`~kg.errors.UsageError` if there is none.

    >>> parse_view("events")
    <View.EVENTS: 'events'>
    """
    try:
        return View(view)
    except ValueError:
        known = ", ".join(v.value for v in View)
        raise UsageError(f"unknown view {view!r} (known views: {known})") from None


_ROLE_LABELS: dict[str, str] = {
    RoleProperty.AGENT: "agent",
    RoleProperty.ADDRESSEE: "addressee",
    RoleProperty.PARTICIPANT: "participant",
    RoleProperty.MEDIATOR: "mediator",
    RoleProperty.HAS_ACTOR: "actor",
}


def _entity_node(e: Entity) -> dict[str, Any]:
    return {
        "label": e.short_label or e.label,
        "full_label": e.label,
        "kind": e.kind,
        "type": e.type,
        "iri": e.iri,
        "alt_labels": e.alt_labels,
        "wikidata": e.wikidata,
        "lat": float(e.lat) if e.lat is not None else None,
        "long": float(e.long) if e.long is not None else None,
    }


def _event_attrs(ev: EventRecord, labels: dict[str, str]) -> dict[str, Any]:
    return {
        "type": ev.type,
        "event": ev.iri,
        "date": ev.date,
        "confidence": ev.confidence,
        "evidence": ev.evidence,
        "claimed_by": [labels.get(c, c) for c in ev.claimed_by],
        "places": [labels.get(p, p) for p in ev.places],
        "quote": ev.quote,
        "effective_from": ev.effective_from,
    }


def _add_facts(g: nx.MultiDiGraph, model: Model) -> None:
    """Add the standing facts. A fact stated by an article brings its entities along; a
    fact only in reference data (all UN bodies are members of the UN...) is drawn only
    between entities already in the picture, so that it adds context, not clutter."""
    for f in sorted(model.facts, key=lambda f: not f.grounded):
        if not f.grounded and not (f.source in g and f.target in g):
            continue
        for n in (f.source, f.target):
            if n not in g and n in model.entities:
                g.add_node(n, **_entity_node(model.entities[n]))
        g.add_edge(
            f.source,
            f.target,
            key=f"{f.kind}|{f.label}",
            kind=f.kind,
            type=f.kind,
            label=f.label,
            evidence=f.evidence,
            date=None,
            confidence=None,
            claimed_by=[],
        )


def _events_view(model: Model) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(view=View.EVENTS.value)
    labels = {iri: e.label for iri, e in model.entities.items()}
    for ev in model.events:
        attrs = _event_attrs(ev, labels)
        g.add_node(
            ev.iri,
            label=ev.type + (f"\n{ev.date}" if ev.date else ""),
            full_label=ev.type,
            kind="event",
            iri=ev.iri,
            roles={r: [labels.get(a, a) for a in actors] for r, actors in ev.roles.items()},
            **attrs,
        )
        links = [(role, a) for role, actors in ev.roles.items() for a in actors]
        links += [("location", p) for p in ev.places] + [("part of", c) for c in ev.conflicts]
        links += [("claimed by", c) for c in ev.claimed_by]
        for role, target in links:
            if target not in g and target in model.entities:
                g.add_node(target, **_entity_node(model.entities[target]))
            g.add_edge(
                ev.iri,
                target,
                key=role,
                kind="role",
                label=_ROLE_LABELS.get(role, role),
                role=role,
                **attrs,
            )
    _add_facts(g, model)
    return g


def _actor_view(model: Model) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(view=View.ACTORS.value)
    labels = {iri: e.label for iri, e in model.entities.items()}
    for ev in model.events:
        attrs = _event_attrs(ev, labels)
        # A mediator is never a party, even when the data gives it another role too:
        # otherwise one of two co-mediators would be drawn mediating for the other.
        mediators = ev.roles.get(RoleProperty.MEDIATOR, [])
        agents = [a for a in ev.roles.get(RoleProperty.AGENT, []) if a not in mediators]
        others = [
            a
            for role in (RoleProperty.ADDRESSEE, RoleProperty.PARTICIPANT, RoleProperty.HAS_ACTOR)
            for a in ev.roles.get(role, [])
            if a not in agents and a not in mediators
        ]
        others = list(dict.fromkeys(others))
        pairs: list[tuple[str, str, bool]] = []  # (from, to, directed)
        if agents:
            targets = others or []
            pairs += [(a, t, True) for a in agents for t in targets if a != t]
            if not targets:  # several agents acting together
                pairs += [(a, b, False) for a, b in itertools.combinations(agents, 2)]
        else:
            pairs += [(a, b, False) for a, b in itertools.combinations(others, 2)]
        parties = list(dict.fromkeys(agents + others))
        for m in mediators:
            pairs += [(m, p, True) for p in parties]
        if not parties:  # mediators acting together, with no party named: a joint event
            pairs += [(a, b, False) for a, b in itertools.combinations(mediators, 2)]
        drawn = False
        for src, dst, directed in pairs:
            mediates = src in mediators and dst in parties
            g.add_edge(
                src,
                dst,
                key=ev.iri + ("|mediates" if mediates else ""),
                kind="mediates" if mediates else "event",
                label=f"mediates ({ev.type})" if mediates else ev.type,
                directed=directed,
                **attrs,
            )
            drawn = True
        involved = list(dict.fromkeys(parties + mediators))
        for a in involved:
            if not drawn:  # an event with one actor: listed on the actor, not drawn
                if a not in g:
                    g.add_node(a, **_entity_node(model.entities[a]))
                g.nodes[a].setdefault("events", []).append(
                    {"label": ev.type, **attrs, "role": _role_of(ev, a)}
                )
    for n in g.nodes:  # endpoints added by add_edge have no attributes yet
        if "kind" not in g.nodes[n] and n in model.entities:
            g.nodes[n].update(_entity_node(model.entities[n]))
    _add_facts(g, model)
    # Conflicts take part as nodes only through their parties; places are named on edges.
    for n in [n for n, d in g.nodes(data=True) if d.get("kind") == "place"]:
        g.remove_node(n)
    return g


def _role_of(ev: EventRecord, actor: str) -> str:
    return next((r for r, actors in ev.roles.items() if actor in actors), "actor")


def model_to_nx(model: Model, *, view: str | View = View.ACTORS) -> nx.MultiDiGraph:
    """The NetworkX graph of ``model`` for ``view`` (see module docstring)."""
    v = parse_view(view)
    with gc_paused():
        return _actor_view(model) if v is View.ACTORS else _events_view(model)


def build_nx(source: Source, *, view: str | View = View.ACTORS) -> nx.MultiDiGraph:
    """Read ``source`` (pyoxigraph Store, rdflib Dataset or Graph) into a NetworkX graph."""
    v = parse_view(view)  # fail on a bad view before reading a large store
    return model_to_nx(read_model(TripleIndex.from_source(source)), view=v)
