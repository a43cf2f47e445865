"""Country outlines for the explorer's map, from the vendored Natural Earth 1:110m TopoJSON.

``viz/static/countries-110m.json`` is the ``world-atlas`` npm package's file, unchanged
(Natural Earth, public domain; see ``viz/static/LICENSE-world-atlas.txt``). The page needs
no TopoJSON decoder: this module decodes the arcs once and writes one SVG path, in an
equirectangular projection at a tenth of a degree (x = 10 × longitude, y = −10 × latitude),
with points that fall on the same tenth dropped (44 KB for the world). The map draws
events in the same units, so outline and points agree without any projection code in
the browser.

>>> d = outline_path()
>>> d.startswith("M") and len(d) < 90_000
True
"""

from __future__ import annotations

import itertools
import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["SCALE", "outline_path"]

#: Map units per degree: the outlines are rounded to a tenth of a degree.
SCALE = 10
# Antarctica (ISO 3166 numeric 010) goes round the pole, which a flat map cannot close;
# no conflict the project codes is there, so it is left out.
_ANTARCTICA = "010"


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized TopoJSON topology as (longitude, latitude) lists."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded integer positions
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[int, int]]:
    """One closed ring in map units; a negative index is an arc walked backwards (~i)."""
    out: list[tuple[int, int]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        for lon, lat in points[1:] if out else points:  # arcs share their end points
            p = (round(lon * SCALE), round(-lat * SCALE))
            if not out or p != out[-1]:
                out.append(p)
    return out


def _unwrap(ring: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A ring that crosses the antimeridian (Russia, Fiji) continued east past 180°, so
    that it is not drawn as a band across the whole world."""
    half = 180 * SCALE
    if all(abs(b[0] - a[0]) <= half for a, b in zip(ring, ring[1:] + ring[:1], strict=True)):
        return ring
    return [(x + 2 * half if x < 0 else x, y) for x, y in ring]


def _path(ring: list[tuple[int, int]]) -> str:
    # Relative moves: short numbers, and a minus sign needs no separator before it.
    (x0, y0), parts = ring[0], []
    for (ax, ay), (bx, by) in itertools.pairwise(ring):
        parts.append(f"{bx - ax} {by - ay}")
    body = " ".join(parts).replace(" -", "-")
    return f"M{x0} {y0}l{body}z"


@lru_cache(maxsize=1)
def outline_path() -> str:
    """SVG path data of every country's outline (fill rule even-odd), in map units."""
    source = resources.files("viz").joinpath("static", "countries-110m.json")
    topo = json.loads(source.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    paths = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry.get("id") == _ANTARCTICA:
            continue
        kind, rings = geometry.get("type"), geometry.get("arcs") or []
        polygons = [rings] if kind == "Polygon" else rings if kind == "MultiPolygon" else []
        for polygon in polygons:
            for indexes in polygon:
                ring = _unwrap(_ring(arcs, indexes))
                if len(ring) >= 3:  # a ring that rounds to a point or a line is not drawn
                    paths.append(_path(ring))
    return "".join(paths)
