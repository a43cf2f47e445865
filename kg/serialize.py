"""RDF as text, byte for byte deterministic: the one serializer of extract, export and ingest.

Two kinds of input, each with one layout, so that the same graphs always give the same
bytes:

- **extracted graphs** (rdflib, named by their article; IRIs and literals only, no blank
  nodes): :func:`serialize_graphs` / :func:`write_dataset` write TriG (the project's
  prefixes, graphs and subjects sorted, one block a graph) or N-Quads (lines sorted, each
  once). ``ckg extract`` writes this, in one process, in ``--jobs`` workers and as the
  N-Quads shards of a Dask cluster.
- **store quads** (which may hold blank nodes, with whatever labels the store gave them):
  :func:`serialize_quads` gives blank nodes canonical labels (RDFC-1.0,
  :func:`canonical_quads`), sorts the quads by graph, subject, predicate and object, and
  writes TriG, N-Quads, Turtle (the graphs merged, a triple once) or JSON-LD (with a
  context of the project's prefixes, :mod:`kg.jsonld`). ``ckg export`` writes this
  (:mod:`kg.export`).

:func:`canonical_quads` is also how ingest tells whether an article changed
(:mod:`kg.ingest`) and how the store fingerprints its managed graphs
(:mod:`kg.store.managed`): two versions of a graph are the same when their canonical
quads are.

>>> import io
>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph(identifier=URIRef("urn:x:g"))
>>> _ = g.add((URIRef("urn:x:s"), URIRef("urn:x:p"), Literal('"} ; DROP ALL ; {"')))
>>> print(serialize_graphs([g], fmt="nq").strip())
<urn:x:s> <urn:x:p> "\\"} ; DROP ALL ; {\\"" <urn:x:g> .
>>> buf = io.StringIO()
>>> write_dataset([g], buf, fmt="nq")
>>> buf.getvalue() == serialize_graphs([g], fmt="nq")
True
>>> b = ox.Quad(ox.BlankNode("store-label"), ox.NamedNode("urn:x:p"), ox.Literal("x"),
...             ox.NamedNode("urn:x:g"))
>>> serialize_quads([b], "nq")
b'_:c14n0 <urn:x:p> "x" <urn:x:g> .\\n'
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TextIO

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.jsonld import jsonld_from_expanded
from kg.namespaces import PREFIXES

__all__ = [
    "RdfSyntax",
    "canonical_quads",
    "serialize_graphs",
    "serialize_quads",
    "write_dataset",
]


class RdfSyntax(StrEnum):
    """The RDF syntaxes written: ``trig`` and ``nq`` keep graph names, ``ttl`` and
    ``jsonld`` (store quads only; JSON-LD keeps them too) are for other tools."""

    TRIG = "trig"
    NQ = "nq"
    TTL = "ttl"
    JSONLD = "jsonld"


_OX_FORMATS = {
    RdfSyntax.TRIG: ox.RdfFormat.TRIG,
    RdfSyntax.NQ: ox.RdfFormat.N_QUADS,
    RdfSyntax.TTL: ox.RdfFormat.TURTLE,
    RdfSyntax.JSONLD: ox.RdfFormat.JSON_LD,
}


# --- store quads ---------------------------------------------------------------------


def _quad_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def canonical_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads with canonical blank node labels (RDFC-1.0), each once, sorted by graph,
    subject, predicate and object: the same for the same graphs, whatever their labels.

    >>> p, g = ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:g")
    >>> a = canonical_quads([ox.Quad(ox.BlankNode("one"), p, ox.Literal("x"), g)])
    >>> a == canonical_quads([ox.Quad(ox.BlankNode("two"), p, ox.Literal("x"), g)])
    True
    """
    dataset = ox.Dataset(quads)
    # Labels are unique across the dataset, so graphs merged later (Turtle) keep the
    # blank nodes of different graphs apart.
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(dataset, key=_quad_key)


def serialize_quads(quads: Iterable[ox.Quad], fmt: RdfSyntax | str = RdfSyntax.TRIG) -> bytes:
    """The quads in ``fmt``, blank nodes labelled canonically, sorted (see the module
    documentation); no quads give no bytes. ``ttl`` writes the union of the graphs.

    >>> q = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("x"),
    ...             ox.NamedNode("urn:x:g"))
    >>> print(serialize_quads([q, q], "ttl").decode().splitlines()[-1])
    <urn:x:s> <urn:x:p> "x" .
    >>> serialize_quads([], "trig")
    b''
    """
    fmt = RdfSyntax(fmt)
    ordered = canonical_quads(quads)
    if not ordered:
        return b""
    if fmt is RdfSyntax.NQ:
        return "".join(f"{q} .\n" for q in ordered).encode("utf-8")
    if fmt is RdfSyntax.TTL:
        triples = sorted(
            {q.triple for q in ordered},
            key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
        )
        return _bytes(ox.serialize(triples, format=_OX_FORMATS[fmt], prefixes=PREFIXES))
    if fmt is RdfSyntax.JSONLD:
        return jsonld_from_expanded(_bytes(ox.serialize(ordered, format=_OX_FORMATS[fmt])))
    return _bytes(ox.serialize(ordered, format=_OX_FORMATS[fmt], prefixes=PREFIXES))


def _bytes(data: bytes | None) -> bytes:
    return data or b""


# --- extracted graphs ------------------------------------------------------------------


def _term(t: Node, nm: NamespaceManager) -> str:
    """TriG form of a term: a prefixed name where the local part allows, else ``<IRI>``."""
    if isinstance(t, URIRef):
        s = str(t)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda x: -len(x[1])):
            if s.startswith(ns):
                local = s[len(ns) :]
                if (
                    local and all(c.isalnum() or c in "-_" for c in local) and local[0].isalpha()
                ) or (local and local.isalnum()):
                    return f"{prefix}:{local}"
        return f"<{s}>"
    return t.n3(nm)


def _nq_term(t: Node) -> str:
    """N-Quads form of a term: rdflib's, except literals with line breaks (no long strings)."""
    if isinstance(t, Literal) and ("\n" in t or "\r" in t):
        if t.language:
            return str(ox.Literal(str(t), language=t.language))
        datatype = ox.NamedNode(str(t.datatype)) if t.datatype else None
        return str(ox.Literal(str(t), datatype=datatype))
    return t.n3()


def serialize_graphs(graphs: Iterable[Graph], *, fmt: RdfSyntax | str = RdfSyntax.TRIG) -> str:
    """TriG or N-Quads text of extracted graphs, sorted so that the output is
    deterministic (see the module documentation)."""
    fmt = RdfSyntax(fmt)
    if fmt not in (RdfSyntax.TRIG, RdfSyntax.NQ):
        raise ValueError(f"extracted graphs are written as trig or nq, not {fmt}")
    graphs = list(graphs)
    if fmt is RdfSyntax.NQ:
        lines = []
        for g in graphs:
            name = g.identifier.n3()
            for s, p, o in g:
                lines.append(f"{s.n3()} {p.n3()} {_nq_term(o)} {name} .")
        return "".join(line + "\n" for line in sorted(set(lines)))
    nm = Graph().namespace_manager
    out = [f"@prefix {p}: <{iri}> ." for p, iri in sorted(PREFIXES.items())]
    out.append("")
    for g in sorted(graphs, key=lambda x: str(x.identifier)):
        out.append(f"{_term(g.identifier, nm)} {{")
        subjects: dict[str, list[tuple[str, str]]] = {}
        for s, p, o in g:
            subjects.setdefault(_term(s, nm), []).append((_term(p, nm), _term(o, nm)))
        for subj in sorted(subjects):
            pos = sorted(set(subjects[subj]))
            body = " ;\n        ".join(f"{pred} {obj}" for pred, obj in pos)
            out.append(f"    {subj} {body} .")
        out.append("}")
        out.append("")
    return "\n".join(out)


def write_dataset(
    graphs: Iterable[Graph], out: TextIO, *, fmt: RdfSyntax | str = RdfSyntax.TRIG
) -> None:
    """Write extracted graphs (sorted) as ``trig`` or ``nq`` into ``out``
    (:func:`serialize_graphs`)."""
    out.write(serialize_graphs(graphs, fmt=fmt))
