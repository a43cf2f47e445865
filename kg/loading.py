"""Load RDF made elsewhere (TriG, N-Quads, Turtle, JSON-LD) into the store, validated first.

``ckg load FILE`` parses the file with pyoxigraph (a syntax error names the file and line),
validates all of it against the SHACL shapes (:func:`kg.shapes.validate`), and only if it
conforms writes every graph of the file as ONE atomic unit (:class:`kg.writer.GraphWriter`:
a single bulk ingestion, or a single transaction when it replaces graphs or is large), each
replacing the graph of the same name. Invalid data is refused with its violations and
nothing is written. Blank nodes are local to the file: two files that both say ``_:b0``
do not share a node.

Turtle has no graph names: give the graph with ``graph=`` (``--graph IRI``). The
ontology and reference graphs are maintained by the store itself; quads for them in a
file are skipped (and reported), so that a round trip through ``ckg export`` works.

>>> import tempfile
>>> from kg.store import open_store
>>> with tempfile.TemporaryDirectory() as d:
...     bad = '<http://a> <http://b> "x" <http://g> .\\n<http://a> <b> .\\n'
...     _ = Path(d, "bad.nq").write_text(bad)
...     load_file(open_store(Path(d) / "s"), Path(d) / "bad.nq")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.InputError: .../bad.nq:2: ...
"""

from __future__ import annotations

import gc
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from kg.errors import InputError, UsageError
from kg.namespaces import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kg.store import to_rdflib
from kg.writer import GraphWriter

__all__ = ["FORMATS", "LoadReport", "load_file", "parse_file"]

#: File extensions ``ckg load`` reads, and their pyoxigraph formats.
FORMATS: dict[str, ox.RdfFormat] = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
_MANAGED = {str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH)}


@dataclass
class LoadReport:
    """What a load did: graphs written (name → triples), graphs skipped, violations."""

    path: Path
    graphs: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    @property
    def loaded(self) -> bool:
        return not self.violations

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def parse_file(path: Path, *, graph: str | None = None) -> dict[str, list[ox.Quad]]:
    """The quads of an RDF file, grouped by graph name (IRI string; ``""`` = default)."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise UsageError(f"{path}: unknown RDF file type {path.suffix!r} (known: {known})")
    target: ox.NamedNode | None = None
    if graph is not None:
        try:
            target = ox.NamedNode(graph.strip("<>"))
        except ValueError as err:
            raise UsageError(f"--graph {graph}: not an IRI ({err})") from err
    elif fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        raise UsageError(f"{path}: {fmt.name} has no graph names; give one with --graph IRI")
    grouped: dict[str, list[ox.Quad]] = defaultdict(list)
    try:
        for q in ox.parse(path=str(path), format=fmt):
            name = q.graph_name
            if isinstance(name, ox.DefaultGraph) and target is not None:
                name = target
            if isinstance(name, ox.BlankNode):
                raise InputError(f"{path}: a graph named by a blank node cannot be stored")
            grouped["" if isinstance(name, ox.DefaultGraph) else name.value].append(q)
    except SyntaxError as err:
        line = err.lineno if err.lineno else "?"
        raise InputError(f"{path}:{line}: {err.msg or err}") from err
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err}") from err
    return dict(grouped)


def _dataset(grouped: dict[str, list[ox.Quad]]) -> Dataset:
    dataset = Dataset()
    for name, quads in grouped.items():
        graph = dataset.graph(URIRef(name)) if name else dataset.default_graph
        for q in quads:
            graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return dataset


def load_file(
    store: ox.Store, path: Path, *, graph: str | None = None, validate: bool = True
) -> LoadReport:
    """Parse, validate and (if valid) store every graph of ``path``, all or nothing."""
    grouped = parse_file(path, graph=graph)
    report = LoadReport(path=path)
    for name in sorted(grouped):
        if name in _MANAGED:
            report.skipped.append(name)
            del grouped[name]
    if "" in grouped:
        raise UsageError(
            f"{path}: has triples in the default graph; the store keeps one named graph per "
            "article: give a graph for them with --graph IRI"
        )
    if validate and grouped:
        from kg.shapes import validate as shacl_validate

        result = shacl_validate(_dataset(grouped))
        # pyshacl leaves a garbage cycle holding its frames, whose f_back chain would keep
        # this frame (and so the store and its directory lock) alive after returning.
        gc.collect()
        if not result.conforms:
            report.violations = [str(v) for v in result.violations]
            return report
    # The file is one unit: all its graphs are written together or not at all.
    with GraphWriter(store) as writer:
        writer.put({n: quads for n, quads in sorted(grouped.items())})
    report.graphs = {n: len(q) for n, q in sorted(grouped.items())}
    return report
