"""GraphML and GEXF files of the actor and events graphs, for Gephi, Cytoscape, yEd and
igraph.

Both formats hold only scalar attributes of one type per name, so the explorer's graph
(:mod:`viz.graph`) is flattened first (:func:`flatten`):

- ``type`` (the ckg class, e.g. ``CeasefireDemand``) is written as ``class``: GEXF keeps
  an edge's ``type`` for directed / undirected;
- a missing value (``None``, an empty list) is left out, as both formats intend;
- ``date`` becomes the ISO start date (``2020-10`` gives ``2020-10-01``) with
  ``date_precision`` (``day``, ``month``, ``year``) and ``date_original`` (``2020-10``),
  as in the event table (:mod:`kg.event_table`);
- lists of names are ``|``-joined; ``evidence`` becomes ``evidence`` (the sentences,
  `` | ``-joined), ``articles`` (the articles' IRIs) and ``evidence_count``; an event's
  ``roles`` become ``role_agent``, ``role_addressee``, ... ; the one-actor events listed on
  an actor (actor view) become ``events`` (their IRIs) and ``event_classes``;
- strings, integers, floats (``confidence``) and booleans (``directed``) keep their type.

Node ids are the IRIs; a node's and an edge's ``label`` is what the explorer draws.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(view="actors")
>>> _ = g.add_edge("urn:am", "urn:az", key="urn:e1", type="Meeting", date="2020-10",
...                confidence=0.9, directed=False, places=["Moskau"], claimed_by=[])
>>> flatten(g).edges["urn:am", "urn:az", "urn:e1"]
{'class': 'Meeting', 'date': '2020-10-01', 'date_precision': 'month', \
'date_original': '2020-10', 'confidence': 0.9, 'directed': False, 'places': 'Moskau'}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import UsageError
from kg.linking.features import DateSpan
from viz.explorer import build_graph
from viz.graph import View
from viz.model import Evidence
from viz.source import Source

__all__ = ["GraphFormat", "flat_attributes", "flatten", "write_graph_file", "write_network"]


class GraphFormat(StrEnum):
    """Graph file formats ``ckg viz --format`` writes besides the HTML page."""

    GRAPHML = "graphml"
    GEXF = "gexf"


def _joined(values: Iterable[object], sep: str = "|") -> str:
    return sep.join(dict.fromkeys(str(v) for v in values if v not in (None, "")))


def _date(value: str) -> dict[str, str]:
    span = DateSpan.parse(value)
    if span is None:  # not a partial date: keep what was stated
        return {"date_original": value}
    return {
        "date": span.start.isoformat(),
        "date_precision": span.precision,
        "date_original": value,
    }


def _evidence(items: list[Evidence]) -> dict[str, Any]:
    return {
        "evidence": _joined((e.sentence for e in items), " | "),
        "articles": _joined(e.article for e in items),
        "evidence_count": len(items),
    }


def flat_attributes(data: Mapping[str, Any]) -> dict[str, str | int | float | bool]:
    """The attributes of one node or edge as scalars (see the module docstring).

    >>> flat_attributes({"type": "State", "alt_labels": ["AM", "Armenia"], "wikidata": None,
    ...                  "roles": {"agent": ["Armenien"], "mediator": []}})
    {'class': 'State', 'alt_labels': 'AM|Armenia', 'role_agent': 'Armenien'}
    """
    out: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:
            continue
        if key == "type":
            out["class"] = str(value)
        elif key == "date":
            out.update(_date(str(value)))
        elif key == "evidence":
            out.update(_evidence(list(value)))
        elif key == "roles":
            out.update({f"role_{role}": _joined(names) for role, names in value.items()})
        elif key == "events":  # the one-actor events listed on an actor
            out["events"] = _joined(e.get("event") for e in value)
            out["event_classes"] = _joined(e.get("type") for e in value)
        elif isinstance(value, bool | int | float | str):
            out[key] = value
        elif isinstance(value, Mapping):
            out.update({f"{key}_{k}": _joined(v) for k, v in value.items()})
        elif isinstance(value, list | tuple | set | frozenset):
            out[key] = _joined(value)
        else:  # anything added to the explorer's graph later still writes
            out[key] = str(value)
    return {k: v for k, v in out.items() if v != ""}


def flatten(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose graph, node and edge attributes are all scalars."""
    flat = nx.MultiDiGraph(**flat_attributes(g.graph))
    for node, data in g.nodes(data=True):
        flat.add_node(node, **flat_attributes(data))
    for u, v, key, data in g.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **flat_attributes(data))
    return flat


def _format(path: Path, fmt: GraphFormat | str | None) -> GraphFormat:
    if fmt is not None:
        try:
            return GraphFormat(fmt)
        except ValueError:
            known = ", ".join(f.value for f in GraphFormat)
            raise UsageError(f"unknown graph format {fmt!r} (known: {known})") from None
    try:
        return GraphFormat(path.suffix.lower().lstrip("."))
    except ValueError:
        raise UsageError(f"{path}: give a .graphml or .gexf file, or a format") from None


def write_graph_file(
    g: nx.MultiDiGraph, path: str | Path, *, fmt: GraphFormat | str | None = None
) -> Path:
    """Write ``g`` flattened as GraphML or GEXF (``fmt``, else by the file's suffix).

    >>> import tempfile
    >>> g = nx.MultiDiGraph(view="actors")
    >>> g.add_node("urn:am", label="Armenien", type="State", alt_labels=["AM"])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     back = nx.read_graphml(write_graph_file(g, Path(d) / "g.graphml"))
    >>> back.nodes["urn:am"]
    {'label': 'Armenien', 'class': 'State', 'alt_labels': 'AM'}
    """
    path = Path(path)
    flat = flatten(g)
    if _format(path, fmt) is GraphFormat.GRAPHML:
        nx.write_graphml(flat, path, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(flat, path, encoding="utf-8", prettyprint=True)
    return path


def write_network(
    source: Source,
    path: str | Path,
    *,
    view: str | View = View.ACTORS,
    fmt: GraphFormat | str | None = None,
    top: int | None = None,
) -> Path:
    """Write the ``view`` graph of ``source`` (a store, rdflib graph or CONSTRUCT result)
    to ``path`` as GraphML or GEXF; ``top`` keeps the most central actors, as in the
    explorer."""
    return write_graph_file(build_graph(source, view=view, top=top).graph, path, fmt=fmt)
