"""The explorer page: one self-contained HTML file that works with no network at all.

The vendored vis-network script and style sheet are inlined; the graph is embedded as
JSON in a ``<script type="application/json">`` element with ``<``, ``>`` and ``&``
escaped, so no label or sentence from a news text can close the element or run as
code; the page's script renders every text with ``textContent``.

>>> import networkx as nx
>>> html = render_page(nx.MultiDiGraph(view="actors"), title="leer")
>>> "This graph is empty" in html and "<title>leer</title>" in html
True
"""

from __future__ import annotations

import base64
import gzip
import html as html_lib
import json
import re
from collections import Counter
from collections.abc import Hashable
from importlib import resources
from typing import Any

import networkx as nx

from viz import analytics, style
from viz.layout import layout
from viz.model import Evidence, Model
from viz.timemap import timemap_data

__all__ = [
    "EDGE_LABEL_LIMIT",
    "PHYSICS_LIMIT",
    "SMOOTH_EDGE_LIMIT",
    "page_data",
    "render_page",
    "safe_json",
    "vis_css",
]

#: Above this many nodes physics is off and the Python layout is final.
PHYSICS_LIMIT = 1500
#: Edge labels are drawn up to this many edges (beyond, they are in tooltips only).
EDGE_LABEL_LIMIT = 400
#: Curved (and fanned-out parallel) edges up to this many edges; straight beyond (speed).
SMOOTH_EDGE_LIMIT = 3000

_WIKIDATA_ITEM = re.compile(r"^http://www\.wikidata\.org/entity/(Q[0-9]+)$")
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


def safe_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` escaped.

    >>> safe_json({"label": "</script><img src=x onerror=alert(1)>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _safe_url(url: str | None) -> str | None:
    return url if url and re.match(r"^https?://[^\s]+$", url, re.IGNORECASE) else None


class _EvidenceTable:
    """Evidence entries stored once and referred to by index."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self._index: dict[Evidence, int] = {}

    def refs(self, evidence: list[Evidence] | None) -> list[int]:
        out = []
        for ev in evidence or []:
            if ev not in self._index:
                self._index[ev] = len(self.rows)
                row = {
                    "s": ev.sentence,
                    "a": ev.article,
                    "i": ev.identifier,
                    "t": ev.title,
                    "d": ev.date,
                    "u": _safe_url(ev.url),
                    "o": [ev.start, ev.end] if ev.start is not None else None,
                }
                self.rows.append({k: v for k, v in row.items() if v is not None})
            out.append(self._index[ev])
        return out


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, [], {}, "")}


def _event_summary(e: dict[str, Any], table: _EvidenceTable) -> dict[str, Any]:
    return _drop_empty(
        {
            "type": e.get("type"),
            "date": e.get("date"),
            "conf": e.get("confidence"),
            "role": e.get("role"),
            "claim": e.get("claimed_by"),
            "ev": table.refs(e.get("evidence")),
            "iri": e.get("event"),
        }
    )


def page_data(
    g: nx.MultiDiGraph, *, title: str = "conflict-kg", model: Model | None = None
) -> dict[str, Any]:
    """The JSON the page draws: nodes, edges, evidence, legend and display options; with
    the ``model`` ``g`` was drawn from, also the events of the map and the timeline."""
    view = g.graph.get("view", "actors")
    h = analytics.simple_undirected(g)
    cent = analytics.centralities_of_simple(h) if len(h) else {}
    groups = analytics.communities_of_simple(h)
    rank = {n: i for i, c in enumerate(groups) for n in c}
    negative = any(analytics.is_negative(k) for _, _, k in g.edges(data="kind"))
    pos = layout(analytics.simple_undirected(g, negative=True) if negative else h, groups)
    sizes = analytics.node_sizes(cent) if cent else {}
    large = g.number_of_nodes() > PHYSICS_LIMIT
    table = _EvidenceTable()
    ids: dict[Hashable, str] = {n: str(n) for n in g.nodes}

    nodes = []
    for n in sorted(g.nodes, key=str):
        d = g.nodes[n]
        kind = d.get("kind", "actor")
        etype = d.get("type", "")
        c = rank.get(n, -1)
        if kind == "event":
            color, shape = style.event_color(etype), "box"
        elif kind == "place":
            color, shape = "#ced4da", style.node_shape(etype)
        elif kind == "conflict":
            color, shape = "#f5a3a3", "star"
        else:
            color, shape = style.community_color(c), style.node_shape(etype)
        wd = _WIKIDATA_ITEM.match(d.get("wikidata") or "")
        x, y = pos.get(n, (0.0, 0.0))
        nodes.append(
            _drop_empty(
                {
                    "id": ids[n],
                    "label": d.get("label") or ids[n],
                    "full": d.get("full_label"),
                    "kind": kind,
                    "type": etype,
                    "x": x,
                    "y": y,
                    "size": round(sizes.get(n, 14.0) * (0.6 if kind == "event" else 1.0), 1),
                    "color": color,
                    "shape": shape,
                    "c": c,
                    "deg": round(cent.get(n, {}).get("degree", 0.0), 4),
                    "btw": round(cent.get(n, {}).get("betweenness", 0.0), 4),
                    "date": d.get("date"),
                    "conf": d.get("confidence"),
                    "ev": table.refs(d.get("evidence")),
                    "claim": d.get("claimed_by"),
                    "roles": d.get("roles"),
                    "places": d.get("places"),
                    "quote": d.get("quote"),
                    "alt": d.get("alt_labels"),
                    "wd": wd.group(1) if wd else None,
                    "events": [_event_summary(e, table) for e in d.get("events", [])],
                }
            )
        )

    edges = []
    fan: Counter[frozenset[str]] = Counter()
    smooth = g.number_of_edges() <= SMOOTH_EDGE_LIMIT
    for i, (u, v, _key, d) in enumerate(
        sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    ):
        kind = d.get("kind", "event")
        etype = d.get("type", kind)
        claimed = bool(d.get("claimed_by"))
        base, dashes, _ = style.EDGE_STYLES.get(kind, style.EDGE_STYLES["event"])
        if kind == "event" or (kind == "role" and d.get("role") == "agent"):
            base = style.event_color(etype)
        if claimed:
            dashes = style.EDGE_STYLES["claim"][1]
        pair = frozenset((ids[u], ids[v]))
        nth = fan[pair]
        fan[pair] += 1
        label = d.get("label") or etype
        if d.get("date") and kind in {"event", "mediates"}:
            label += "\n" + str(d["date"])
        edges.append(
            _drop_empty(
                {
                    "id": f"e{i}",
                    "from": ids[u],
                    "to": ids[v],
                    "label": label,
                    "kind": kind,
                    "type": etype,
                    "role": d.get("role"),
                    "event": d.get("event"),
                    "date": d.get("date"),
                    "conf": d.get("confidence"),
                    "ev": table.refs(d.get("evidence")),
                    "claim": d.get("claimed_by"),
                    "places": d.get("places"),
                    "quote": d.get("quote"),
                    "dir": 1 if d.get("directed", True) else 0,
                    "color": base,
                    "dashes": dashes,
                    "fan": nth if smooth else 0,
                }
            )
        )

    event_types = Counter(
        d.get("type") for d in g.nodes.values() if d.get("kind") == "event"
    ) + Counter(d.get("type") for _, _, d in g.edges(data=True) if d.get("kind") == "event")
    if view != "events":  # an event with two addressees is two edges but one event
        event_types = Counter(
            d["type"]
            for d in {
                d.get("event"): d for _, _, d in g.edges(data=True) if d.get("kind") == "event"
            }.values()
        )
    entity_types = Counter(
        (d.get("kind"), d.get("type")) for d in g.nodes.values() if d.get("kind") != "event"
    )
    comms = [
        {
            "c": i,
            "color": style.community_color(i),
            "size": len(c),
            "top": [
                str(g.nodes[n].get("label") or n)
                for n in sorted(
                    (n for n in c if g.nodes[n].get("kind") != "event"),
                    key=lambda n: (-cent[n]["degree"], str(n)),
                )[:3]
            ],
        }
        for i, c in enumerate(groups[: len(style.COMMUNITY_COLORS)])
        if len(c) > 1
    ]
    dates = sorted(
        str(x)
        for x in [d.get("date") for d in g.nodes.values()]
        + [d.get("date") for _, _, d in g.edges(data=True)]
        if x
    )
    timemap = timemap_data(model, g, refs=table.refs) if model is not None else None
    kinds_present = {d.get("kind") for _, _, d in g.edges(data=True)}
    if any(d.get("claimed_by") for _, _, d in g.edges(data=True)):
        kinds_present.add("claim")
    return {
        "meta": {
            "title": title,
            "view": view,
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "components": nx.number_connected_components(h) if len(h) else 0,
            "physics": not large,
            "edgeLabels": g.number_of_edges() <= EDGE_LABEL_LIMIT,
            "smooth": smooth,
            "dateMin": dates[0] if dates else None,
            "dateMax": dates[-1] if dates else None,
        },
        "legend": {
            "eventTypes": [
                {"type": t, "color": style.event_color(t), "count": n}
                for t, n in sorted(event_types.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
            "entityTypes": [
                {
                    "kind": k,
                    "type": t,
                    "shape": style.node_shape(t) if k != "conflict" else "star",
                    "count": n,
                }
                for (k, t), n in sorted(
                    entity_types.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))
                )
            ],
            "edgeStyles": [
                {"kind": k, "color": c, "dashes": dsh, "text": txt}
                for k, (c, dsh, txt) in style.EDGE_STYLES.items()
                if k in kinds_present
            ],
            "communities": comms,
        },
        "evidence": table.rows,
        "nodes": nodes,
        "edges": edges,
        "timemap": timemap,
    }


def _asset(name: str) -> str:
    return resources.files("viz").joinpath(name).read_text(encoding="utf-8")


def _inline_script(js: str) -> str:
    # A vendored script must not end its own <script> element early.
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


#: vis-network widgets the page turns off (navigation buttons, editing, configurator):
#: their style rules carry 205 KB of inline images, dropped from every page.
_UNUSED_VIS_CSS = re.compile(
    r"vis-(navigation|manipulation|edit-mode|close|configuration|color-picker)"
)


def vis_css() -> str:
    """vis-network's style sheet without the rules of the widgets the page does not use.

    >>> css = vis_css()
    >>> "div.vis-tooltip" in css and "vis-navigation" not in css and "data:image" not in css
    True
    """
    css = _asset("static/vis-network.css")
    rules = re.findall(r"[^{}]+\{[^}]*\}", css)
    return "".join(r for r in rules if not _UNUSED_VIS_CSS.search(r.split("{", 1)[0]))


def _packed(element_id: str, text: str, *, code: bool = False) -> str:
    # base64 has no <, > or &: nothing in it can close the element. mtime=0: deterministic.
    b64 = base64.b64encode(gzip.compress(text.encode("utf-8"), 9, mtime=0)).decode("ascii")
    kind = " data-packed-code" if code else ""
    return f'<script type="application/octet-stream" id="{element_id}"{kind}>{b64}</script>'


_SCRIPTS = ("static/vis-network.min.js", "templates/explorer.js", "templates/timemap.js")


def render_page(
    g: nx.MultiDiGraph,
    *,
    title: str = "conflict-kg",
    model: Model | None = None,
    packed: bool = False,
) -> str:
    """The complete offline HTML page of the explorer for the view graph ``g``; given the
    ``model`` ``g`` was drawn from, with the map and the timeline of its events.

    ``packed`` (the notebook display, a copy per output cell) gzips the data and the
    scripts into base64 that the page unpacks with the browser's ``DecompressionStream``:
    about a quarter of the size, the same page once running.
    """
    data = safe_json(page_data(g, title=title, model=model))
    if packed:
        # JSON.parse of the unpacked text: the JSON need not be escaped for HTML there,
        # but safe_json's escapes are valid JSON, so one form serves both pages.
        scripts = [_packed("ckg-packed-data", data)]
        scripts += [
            _packed(f"ckg-packed-code-{i}", _asset(name), code=True)
            for i, name in enumerate(_SCRIPTS)
        ]
        scripts.append(f"<script>{_inline_script(_asset('templates/unpack.js'))}</script>")
        data = ""
    else:
        scripts = [f"<script>{_inline_script(_asset(name))}</script>" for name in _SCRIPTS]
    parts = {
        "TITLE": html_lib.escape(title),
        "VIS_CSS": vis_css().replace("</style", "<\\/style"),
        "SCRIPTS": "\n".join(scripts),
        "DATA_JSON": data,
    }
    template = _asset("templates/explorer.html")
    # One pass: text inserted for one placeholder is never searched for another.
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], template)
