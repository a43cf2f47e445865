"""The events the explorer's map and timeline draw: one row per event, with its places.

The rows cover the events the graph on the page shows (after ``--top``), so that the
three views agree and one set of filters applies to all. A place's point is its
``geo:lat`` / ``geo:long`` in the data (the store's reference graph, an imported record);
a place without one is looked up in the gazetteer (:mod:`kg.gazetteer`): a dictionary
place by its key in the shipped table, any other place (not a region) by its labels in
GeoNames. The page says which points came from the gazetteer at display time, since
SPARQL does not see those.

>>> from viz.source import TripleIndex, load_file
>>> from viz.model import read_model
>>> from viz.graph import model_to_nx
>>> m = read_model(TripleIndex.from_source(load_file("tests/data/viz-sample.trig")))
>>> data = timemap_data(m, model_to_nx(m, view="events"), refs=lambda ev: [])
>>> moscow = data["places"]["https://w3id.org/conflict-kg/id/entity/moscow"]
>>> moscow["l"], moscow["lat"], moscow["src"]
('Moskau', '55.75204', 'gazetteer')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx

from kg.gazetteer import Gazetteer, known_point
from kg.vocabulary import PlaceClass
from viz import style
from viz.model import Entity, EventRecord, Evidence, Model
from viz.outlines import SCALE, outline_path

__all__ = ["conflicts_of", "events_shown", "locate", "timemap_data"]


def events_shown(g: nx.MultiDiGraph) -> set[str]:
    """The IRIs of the events ``g`` draws (as nodes, as edges, or listed on an actor)."""
    shown = {str(n) for n, d in g.nodes(data=True) if d.get("kind") == "event"}
    shown |= {d["event"] for _, _, d in g.edges(data=True) if d.get("event")}
    for _, d in g.nodes(data=True):
        shown |= {e["event"] for e in d.get("events", ()) if e.get("event")}
    return shown


def locate(entities: list[Entity]) -> dict[str, tuple[str, str, str]]:
    """(lat, long, where from) of each place that has a point: "data", else "gazetteer".

    GeoNames is read once for all the names still unlocated (``cities15000``).
    """
    found: dict[str, tuple[str, str, str]] = {}
    wanted = []
    for e in entities:
        known = known_point(e.iri)
        if e.lat is not None and e.long is not None:
            found[e.iri] = (e.lat, e.long, "data")
        elif known is not None:
            found[e.iri] = (known[0], known[1], "gazetteer")
        elif e.kind == "place" and e.type != PlaceClass.REGION:  # a region is an area, not a town
            wanted.append(e)
    if wanted:
        names = {n.casefold() for e in wanted for n in (e.label, *e.alt_labels)}
        gazetteer = Gazetteer(dataset="cities15000", only=names)
        for e in wanted:
            point = gazetteer.lookup(e.label, *e.alt_labels)
            if point is not None:
                found[e.iri] = (point.lat, point.long, "gazetteer")
    return found


def conflicts_of(ev: EventRecord, model: Model) -> list[str]:
    """The conflicts an event is tied to, as the saved query ``timeline`` ties them: ckg:partOf
    a conflict, or ckg:about a conflict or a conflict's region."""
    found = set(ev.conflicts) | {a for a in ev.about if a in model.conflict_places}
    about = set(ev.about)
    found |= {c for c, places in model.conflict_places.items() if about & set(places)}
    return sorted(found)


def _row(
    ev: EventRecord, model: Model, refs: Callable[[list[Evidence]], list[int]]
) -> dict[str, Any]:
    actors = [[role, a] for role, names in ev.roles.items() for a in names]
    row = {
        "id": ev.iri,
        "t": ev.type,
        "d": ev.date,
        "c": ev.confidence,
        "a": actors,
        "p": ev.places,
        "k": conflicts_of(ev, model),
        "cl": ev.claimed_by,
        "ev": refs(ev.evidence),
    }
    return {k: v for k, v in row.items() if v not in (None, [], "")}


def timemap_data(
    model: Model, g: nx.MultiDiGraph, *, refs: Callable[[list[Evidence]], list[int]]
) -> dict[str, Any]:
    """Events, the labels of their actors and places, points, and the outlines to draw.

    ``refs`` turns evidence into indexes of the page's evidence table.
    """
    shown = events_shown(g)
    events = sorted(
        (ev for ev in model.events if ev.iri in shown), key=lambda e: (e.date or "", e.iri)
    )
    names: dict[str, str] = {}
    for ev in events:
        involved = [a for actors in ev.roles.values() for a in actors] + ev.claimed_by
        for iri in involved + conflicts_of(ev, model):
            entity = model.entities.get(iri)
            names.setdefault(iri, entity.label if entity else iri)
    used = sorted({p for ev in events for p in ev.places if p in model.entities})
    points = locate([model.entities[p] for p in used])
    places: dict[str, dict[str, Any]] = {}
    for iri in used:
        places[iri] = {"l": model.entities[iri].label}
        if iri in points:
            lat, long, src = points[iri]
            places[iri].update(
                lat=lat,
                long=long,
                src=src,
                x=round(float(long) * SCALE, 2),
                y=round(-float(lat) * SCALE, 2),
            )
    located = any("x" in p for p in places.values())
    return {
        "events": [_row(ev, model, refs) for ev in events],
        "names": names,
        "places": places,
        # every class drawn, also those the graph's legend lacks (one-actor events)
        "colors": {t: style.event_color(t) for t in sorted({ev.type for ev in events})},
        "outline": outline_path() if located else "",
    }
