"""The dataset a SPARQL query runs on: one definition for ``ckg query``, the Python API and
``ckg serve``.

**The default graph is the union of all graphs** in the store: every article's named graph,
the reference, ontology, links and annotations graphs (and the store's own default graph,
which conflict-kg leaves empty). This is what Virtuoso and GraphDB do, and Fuseki with
``unionDefaultGraph``, so an ad-hoc query that names no graph (``SELECT * { ?s ?p ?o }``)
gives the same rows on the embedded store, on ``ckg serve`` and there. A query's ``FROM`` /
``FROM NAMED``, or the protocol's ``default-graph-uri`` / ``named-graph-uri``, replace it
with the dataset they name (the protocol's parameters win, as the SPARQL 1.1 Protocol
says). ``GRAPH ?g { ... }`` reads the named graphs either way.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"),
...                   ox.Literal("x"), ox.NamedNode("http://e/graph")))
>>> query = "SELECT ?o { ?s ?p ?o }"
>>> [str(r["o"]) for r in store.query(query, **dataset_options(query))]
['"x"']
>>> dataset_options("SELECT ?o FROM <http://e/graph> { ?s ?p ?o }")
{}
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyoxigraph as ox

__all__ = ["DEFAULT_GRAPH", "dataset_options", "declares_dataset", "names_graph"]

#: How the default graph is defined, for messages and service descriptions.
DEFAULT_GRAPH = "the union of all named graphs"

# Strings, IRIs and comments are skipped so that a keyword inside them does not count;
# variables (?from) and prefixed names (ex:from) are not keywords either.
_SKIPPED = (
    r"""'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>"""
    r"""|\#[^\n]*"""
)
_FROM = re.compile(_SKIPPED + r"""|(?<![?$\w:])(FROM)\b""", re.IGNORECASE | re.DOTALL)
_FROM_OR_GRAPH = re.compile(
    _SKIPPED + r"""|(?<![?$\w:])(FROM|GRAPH)\b""", re.IGNORECASE | re.DOTALL
)


def declares_dataset(query: str) -> bool:
    """Whether a query names its own dataset with ``FROM`` / ``FROM NAMED``.

    >>> declares_dataset("SELECT * FROM <http://g> { ?s ?p ?o }")
    True
    >>> declares_dataset('SELECT ?from { ?s <http://x/FROM> "from" } # FROM nowhere')
    False
    """
    return any(m.group(1) for m in _FROM.finditer(query))


def names_graph(query: str) -> bool:
    """Whether a query says which graph it reads (``GRAPH``, ``FROM``, ``FROM NAMED``).

    A query that does not reads the default graph only, whose definition differs between
    stores (see the module docstring): an empty answer from it is worth explaining.

    >>> names_graph("SELECT * { GRAPH ?g { ?s ?p ?o } }")
    True
    >>> names_graph("SELECT ?graph { ?graph <http://x/GRAPH> 'GRAPH' }")
    False
    """
    return any(m.group(1) for m in _FROM_OR_GRAPH.finditer(query))


def dataset_options(
    query: str,
    *,
    default_graphs: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
) -> dict[str, object]:
    """Keyword arguments for ``pyoxigraph.Store.query`` that give ``query`` its dataset.

    ``default_graphs`` / ``named_graphs`` are the protocol's ``default-graph-uri`` /
    ``named-graph-uri`` values; they override ``FROM`` in the query. Without either, a
    query with ``FROM`` gets exactly what it names (pyoxigraph would ignore ``FROM`` if
    the union were asked for too), any other the union of all graphs.

    >>> dataset_options("ASK {}", named_graphs=["http://g"])["named_graphs"]
    [<NamedNode value=http://g>]
    """
    if default_graphs or named_graphs:
        return {
            "default_graph": [ox.NamedNode(g) for g in default_graphs],
            "named_graphs": [ox.NamedNode(g) for g in named_graphs],
        }
    if declares_dataset(query):
        return {}
    return {"use_default_graph_as_union": True}
