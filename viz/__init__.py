"""NetworkX analytics and the offline browser explorer of conflict-kg graphs.

Turn a store, a CONSTRUCT result or an RDF file into a NetworkX graph (actor view or
events view), analyse it, and write one self-contained HTML page that works offline (or
the graph as GraphML / GEXF for Gephi: :func:`write_network`):

>>> from viz import build_graph, explorer_page, load_file
>>> store = load_file("tests/data/viz-sample.trig")
>>> eg = build_graph(store, view="actors")
>>> eg.graph.nodes["https://w3id.org/conflict-kg/id/entity/armenia"]["label"]
'Armenien'
>>> page = explorer_page(store, view="events", title="Bergkarabach")
>>> page.startswith("<!DOCTYPE html>") and "<script src" not in page
True
"""

from viz.analytics import centralities, communities, components, mediators_between
from viz.explorer import ExplorerGraph, build_graph, explorer_page, top_subgraph, write_explorer
from viz.graph import View, build_nx, model_to_nx
from viz.interchange import GraphFormat, flatten, write_graph_file, write_network
from viz.model import Model, read_model
from viz.page import render_page
from viz.source import TripleIndex, load_file

__all__ = [
    "ExplorerGraph",
    "GraphFormat",
    "Model",
    "TripleIndex",
    "View",
    "build_graph",
    "build_nx",
    "centralities",
    "communities",
    "components",
    "explorer_page",
    "flatten",
    "load_file",
    "mediators_between",
    "model_to_nx",
    "read_model",
    "render_page",
    "top_subgraph",
    "write_explorer",
    "write_graph_file",
    "write_network",
]
