"""NetworkX analytics that help a reader of the explorer.

Degree and betweenness centrality (node size), communities (node colour), the mediators
between two actors (the actors on the shortest paths between them) and connected
components. All results are deterministic: ties are broken by node id and random
choices use a fixed seed.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_edges_from([("am", "ru"), ("ru", "az"), ("am", "csto"), ("ru", "csto")])
[0, 0, 0, 0]
>>> mediators_between(g, "am", "az")
['ru']
>>> [sorted(c) for c in components(g)]
[['am', 'az', 'csto', 'ru']]
>>> round(centralities(g)["ru"]["betweenness"], 3)
0.667
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any

import networkx as nx

from kg.errors import UsageError

__all__ = [
    "BETWEENNESS_EXACT_LIMIT",
    "BETWEENNESS_LIMIT",
    "SEED",
    "centralities",
    "centralities_of_simple",
    "communities",
    "communities_of_simple",
    "components",
    "is_negative",
    "mediators_between",
    "node_sizes",
    "resolve_node",
    "simple_undirected",
    "summary",
]

#: Seed for every random choice (community detection, betweenness sampling, layout).
SEED = 42
#: Above this many nodes betweenness is estimated from a sample of source nodes.
BETWEENNESS_EXACT_LIMIT = 1500
#: Above this many nodes betweenness is not computed (0.0): even a sample costs seconds
#: and node size then follows degree alone.
BETWEENNESS_LIMIT = 5000
_BETWEENNESS_SAMPLE = 16  # enough to tell hubs from leaves, which is all node size shows


def is_negative(kind: object) -> bool:
    """True for an edge that says two entities are NOT related (a non-membership)."""
    return kind == "notMemberOf" or str(kind).startswith("not:")


def simple_undirected(g: nx.Graph, *, negative: bool = False) -> nx.Graph:
    """``g`` as a simple undirected graph; ``weight`` counts the edges merged, no self-loops.

    Edges that state a non-relation ("not member of") are not ties, so they are left out
    unless ``negative`` is true (the layout keeps them: they are drawn).
    """
    h = nx.Graph()
    h.add_nodes_from(sorted(g.nodes, key=str))
    for u, v, kind in g.edges(data="kind"):
        if u == v or (not negative and is_negative(kind)):
            continue
        if h.has_edge(u, v):
            h[u][v]["weight"] += 1
        else:
            h.add_edge(u, v, weight=1)
    return h


def centralities(g: nx.Graph) -> dict[Hashable, dict[str, float]]:
    """Degree and betweenness centrality of every node (on :func:`simple_undirected`).

    Betweenness is exact up to :data:`BETWEENNESS_EXACT_LIMIT` nodes, then estimated
    from a fixed-seed sample of sources (exact betweenness is O(n·m)), and above
    :data:`BETWEENNESS_LIMIT` nodes not computed (all 0.0).
    """
    return centralities_of_simple(simple_undirected(g))


def centralities_of_simple(h: nx.Graph) -> dict[Hashable, dict[str, float]]:
    """:func:`centralities` of a graph that is already simple and undirected."""
    degree = nx.degree_centrality(h) if len(h) > 1 else dict.fromkeys(h, 0.0)
    if len(h) <= BETWEENNESS_EXACT_LIMIT:
        between = nx.betweenness_centrality(h)
    elif len(h) > BETWEENNESS_LIMIT:
        between = dict.fromkeys(h, 0.0)
    else:
        between = nx.betweenness_centrality(h, k=_BETWEENNESS_SAMPLE, seed=SEED)
    return {n: {"degree": degree[n], "betweenness": between[n]} for n in h}


def communities(g: nx.Graph) -> list[set[Hashable]]:
    """Communities by Louvain modularity (fixed seed), largest first.

    Large graphs use label propagation, which is linear in the number of edges.
    """
    return communities_of_simple(simple_undirected(g))


def communities_of_simple(h: nx.Graph) -> list[set[Hashable]]:
    """:func:`communities` of a graph that is already simple and undirected."""
    if len(h) == 0:
        return []
    if h.number_of_edges() <= 20_000:
        found = nx.community.louvain_communities(h, weight="weight", seed=SEED)
    else:
        found = list(nx.community.fast_label_propagation_communities(h, seed=SEED))
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(map(str, c))))


def components(g: nx.Graph) -> list[set[Hashable]]:
    """Connected components (ignoring direction), largest first."""
    h = simple_undirected(g)
    return sorted(
        (set(c) for c in nx.connected_components(h)), key=lambda c: (-len(c), min(map(str, c)))
    )


def resolve_node(g: nx.Graph, name: Hashable) -> Hashable:
    """The node ``name`` names: a node id, else a node whose label or alternative label
    equals it (case-insensitive). :class:`~kg.errors.UsageError` if none or ambiguous."""
    if name in g:
        return name
    want = str(name).casefold()
    hits = sorted(
        (
            n
            for n, d in g.nodes(data=True)
            if want
            in {
                str(x).casefold()
                for x in (d.get("label"), d.get("full_label"), *d.get("alt_labels", []))
                if x
            }
        ),
        key=str,
    )
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise UsageError(f"no node with id or label {name!r}")
    raise UsageError(f"{name!r} names {len(hits)} nodes: {', '.join(map(str, hits[:5]))}")


def mediators_between(g: nx.Graph, a: Hashable, b: Hashable) -> list[Hashable]:
    """The actors on the shortest paths between ``a`` and ``b`` (ids or labels), most
    frequent first. Nodes whose ``kind`` is not ``actor`` (events, places) are passed
    through but not listed; an empty list if there is no path.
    """
    h = simple_undirected(g)
    src, dst = resolve_node(g, a), resolve_node(g, b)
    try:
        paths = list(nx.all_shortest_paths(h, src, dst))
    except nx.NetworkXNoPath:
        return []
    counts: dict[Hashable, int] = {}
    for path in paths:
        for n in path[1:-1]:
            if g.nodes[n].get("kind", "actor") == "actor":
                counts[n] = counts.get(n, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], str(n)))


def node_sizes(
    cent: dict[Hashable, dict[str, float]], *, smallest: float = 10, largest: float = 30
) -> dict[Hashable, float]:
    """Node sizes from centrality: betweenness and degree, square-root scaled."""
    score = {n: 0.7 * c["betweenness"] + 0.3 * c["degree"] for n, c in cent.items()}
    top = max(score.values(), default=0.0) or 1.0
    return {n: smallest + (largest - smallest) * math.sqrt(s / top) for n, s in score.items()}


def summary(g: nx.Graph) -> dict[str, Any]:
    """Counts a reader wants first: nodes, edges, components."""
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "components": len(components(g)),
    }
