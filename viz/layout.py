"""Node positions computed in Python, deterministic, fast enough for 10 000 nodes.

Small graphs get a spring layout of the whole graph (the browser then refines it with
physics). Large graphs are laid out community by community: each community gets a spring
layout of its own (or a sunflower spiral, hubs in the middle, if it is big), and the
communities are packed in rows, largest first. That is linear in the graph's size,
where a global force layout in pure Python is quadratic.

>>> import networkx as nx
>>> pos = layout(nx.path_graph(4), [{0, 1, 2, 3}])
>>> sorted(pos) == [0, 1, 2, 3] and all(len(p) == 2 for p in pos.values())
True
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence

import networkx as nx
import numpy as np

from viz.analytics import SEED

__all__ = ["SPRING_LIMIT", "layout"]

#: Graphs up to this many nodes get one spring layout of the whole graph.
SPRING_LIMIT = 400
_COMMUNITY_SPRING_LIMIT = 150  # larger communities are drawn as a sunflower
_SPACING = 70.0  # pixels between neighbouring nodes
_GOLDEN = math.pi * (3 - math.sqrt(5))


def _sunflower(nodes: Sequence[Hashable], h: nx.Graph) -> dict[Hashable, tuple[float, float]]:
    order = sorted(nodes, key=lambda n: (-h.degree(n), str(n)))  # hubs in the middle
    i = np.arange(len(order))
    r = _SPACING * 0.6 * np.sqrt(i + 0.5)
    x, y = r * np.cos(i * _GOLDEN), r * np.sin(i * _GOLDEN)
    return {n: (float(x[k]), float(y[k])) for k, n in enumerate(order)}


def _spring(
    h: nx.Graph, nodes: Sequence[Hashable], iterations: int = 40
) -> dict[Hashable, tuple[float, float]]:
    sub = h.subgraph(nodes)
    if len(sub) == 1:
        return {nodes[0]: (0.0, 0.0)}
    pos = nx.spring_layout(sub, seed=SEED, iterations=iterations)
    scale = _SPACING * math.sqrt(len(sub)) * 0.9
    return {n: (float(p[0]) * scale, float(p[1]) * scale) for n, p in pos.items()}


def _radius(pos: dict[Hashable, tuple[float, float]]) -> float:
    return max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + _SPACING * 0.6


def layout(
    h: nx.Graph, groups: Sequence[set[Hashable]] | None = None
) -> dict[Hashable, tuple[float, float]]:
    """Positions (x, y in pixels) of every node of the simple undirected graph ``h``.

    ``groups`` are its communities (each node in one); nodes in no group are placed as
    groups of their own.
    """
    if len(h) == 0:
        return {}
    if len(h) <= SPRING_LIMIT:
        return _spring(h, sorted(h.nodes, key=str))
    grouped = [sorted(g, key=str) for g in (groups or []) if g]
    seen = {n for g in grouped for n in g}
    grouped += [[n] for n in sorted(h.nodes, key=str) if n not in seen]
    # Tiny groups share one sunflower instead of taking a cell (and a spring run) each.
    tiny = 2 if len(h) <= 2000 else 7
    small = [n for g in grouped if len(g) <= tiny for n in g]
    cells = [g for g in grouped if len(g) > tiny]
    if small:
        cells.append(small)
    iterations = 30 if len(h) <= 2000 else 12
    placed = [
        _spring(h, g, iterations)
        if len(g) <= _COMMUNITY_SPRING_LIMIT and g is not small
        else _sunflower(g, h)
        for g in cells
    ]
    radii = [_radius(p) for p in placed]
    # Shelf packing: rows of discs, largest first, about as wide as the result is tall.
    order = sorted(range(len(placed)), key=lambda i: -radii[i])
    width = math.sqrt(sum((2 * r) ** 2 for r in radii)) * 1.15
    out: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for i in order:
        d = 2 * radii[i]
        if x > 0 and x + d > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radii[i], y + radii[i]
        for n, (px, py) in placed[i].items():
            out[n] = (round(cx + px, 1), round(cy + py, 1))
        x += d
        row_height = max(row_height, d)
    return out
