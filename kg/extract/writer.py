"""Write graphs to a file or stdout as TriG or N-Quads, deterministically.

>>> import io
>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph(identifier=URIRef("urn:x:g"))
>>> _ = g.add((URIRef("urn:x:s"), URIRef("urn:x:p"), Literal("<script>")))
>>> buf = io.StringIO()
>>> write_dataset([g], buf, fmt="nq")
>>> buf.getvalue()
'<urn:x:s> <urn:x:p> "<script>" <urn:x:g> .\\n'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rdflib import Graph

from kg.extract.rdf import serialize_graphs

__all__ = ["write_dataset"]


def write_dataset(graphs: Iterable[Graph], out: TextIO, *, fmt: str = "trig") -> None:
    """Serialise the graphs (sorted) as ``trig`` or ``nq`` into ``out``."""
    out.write(serialize_graphs(graphs, fmt=fmt))
