"""The explorer as one object: a view graph that writes its page and shows inline in Jupyter.

>>> from viz.source import load_file
>>> eg = build_graph(load_file("tests/data/viz-sample.trig"), view="actors")
>>> eg.mediators_between("Armenien", "Aserbaidschan")
[]
>>> eg.mediators_between("Wladimir Putin", "Organisation des Vertrags über kollektive Sicherheit")
['https://w3id.org/conflict-kg/id/entity/armenia', 'https://w3id.org/conflict-kg/id/entity/russia']
>>> "<iframe" in eg._repr_html_()
True
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Hashable
from pathlib import Path

import networkx as nx

from kg.errors import UsageError
from viz import analytics
from viz.graph import View, model_to_nx, parse_view
from viz.model import Model, read_model
from viz.page import render_page
from viz.source import Source, TripleIndex

__all__ = ["ExplorerGraph", "build_graph", "explorer_page", "top_subgraph", "write_explorer"]


def top_subgraph(g: nx.MultiDiGraph, n: int) -> nx.MultiDiGraph:
    """Keep the ``n`` most central actors, places and conflicts (degree, then betweenness).

    In the events view, the events that involve a kept node stay too, linked only to
    kept nodes. ``n`` must be positive.
    """
    if n <= 0:
        raise UsageError(f"--top must be a positive number of nodes, not {n}")
    cent = analytics.centralities(g)
    entities = [x for x, d in g.nodes(data=True) if d.get("kind") != "event"]
    ranked = sorted(entities, key=lambda x: (-cent[x]["degree"], -cent[x]["betweenness"], str(x)))
    keep = set(ranked[:n])
    keep |= {
        x
        for x, d in g.nodes(data=True)
        if d.get("kind") == "event" and any(y in keep for y in nx.all_neighbors(g, x))
    }
    sub = g.subgraph(keep).copy()
    sub.graph["top"] = n
    return sub


class ExplorerGraph:
    """A view of the knowledge graph as NetworkX graph, with its explorer page.

    ``graph`` is a ``networkx.MultiDiGraph`` whose nodes are IRIs (see :mod:`viz.graph`
    for the attributes). In a notebook the object displays the explorer inline.
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        *,
        view: View,
        title: str = "conflict-kg",
        model: Model | None = None,
    ):
        self.graph = graph
        self.view = view
        self.title = title
        self.model = model  # what the graph was drawn from: the map and timeline need it

    def __repr__(self) -> str:
        return (
            f"<ExplorerGraph {self.view.value} view: {self.graph.number_of_nodes()} nodes, "
            f"{self.graph.number_of_edges()} edges>"
        )

    def html(self, *, title: str | None = None) -> str:
        """The complete offline explorer page."""
        return render_page(self.graph, title=title or self.title, model=self.model)

    def write(self, path: str | Path, *, title: str | None = None) -> Path:
        """Write the page to ``path`` (UTF-8) and return the path."""
        path = Path(path)
        path.write_text(self.html(title=title), encoding="utf-8")
        return path

    def _repr_html_(self) -> str:
        # An iframe keeps the page's script and style apart from the notebook's; the page
        # is packed (gzip'd data and scripts) because the notebook keeps a copy per output.
        page = render_page(self.graph, title=self.title, model=self.model, packed=True)
        doc = html_lib.escape(page, quote=True)
        return (
            f'<iframe srcdoc="{doc}" style="width:100%;height:640px;border:1px solid #ddd" '
            'sandbox="allow-scripts allow-popups" title="conflict-kg explorer"></iframe>'
        )

    def centralities(self) -> dict[Hashable, dict[str, float]]:
        """Degree and betweenness centrality of every node."""
        return analytics.centralities(self.graph)

    def communities(self) -> list[set[Hashable]]:
        """Communities (fixed-seed Louvain), largest first."""
        return analytics.communities(self.graph)

    def components(self) -> list[set[Hashable]]:
        """Connected components, largest first."""
        return analytics.components(self.graph)

    def mediators_between(self, a: Hashable, b: Hashable) -> list[Hashable]:
        """Actors on the shortest paths between ``a`` and ``b`` (IRIs or labels)."""
        return analytics.mediators_between(self.graph, a, b)


def build_graph(
    source: Source,
    *,
    view: str | View = View.ACTORS,
    top: int | None = None,
    title: str = "conflict-kg",
) -> ExplorerGraph:
    """Read ``source`` (pyoxigraph Store, rdflib Dataset or Graph) into an :class:`ExplorerGraph`.

    ``top`` keeps only the ``top`` most central actors (see :func:`top_subgraph`).
    """
    v = parse_view(view)
    model = read_model(TripleIndex.from_source(source))
    g = model_to_nx(model, view=v)
    if top is not None:
        g = top_subgraph(g, top)
    return ExplorerGraph(g, view=v, title=title, model=model)


def explorer_page(
    source: Source,
    *,
    view: str | View = "actors",
    title: str = "conflict-kg",
    top: int | None = None,
) -> str:
    """The offline explorer page (complete HTML) of ``source`` in ``view``.

    ``source`` is a pyoxigraph Store, an rdflib Dataset or an rdflib Graph (for example
    a CONSTRUCT result). Raises :class:`~kg.errors.UsageError` for an unknown view.
    """
    return build_graph(source, view=view, top=top, title=title).html()


def write_explorer(
    source: Source,
    path: str | Path,
    *,
    view: str | View = "actors",
    title: str = "conflict-kg",
    top: int | None = None,
) -> Path:
    """Write the explorer page of ``source`` to ``path`` and return the path."""
    return build_graph(source, view=view, top=top, title=title).write(path)
