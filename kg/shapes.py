"""Check data against the contract with the SHACL shapes of ``ontology/shapes.ttl``.

The ontology (OWL classes and the SKOS schemes, e.g. the role concepts) is merged into a
copy of the data, so that ``sh:targetClass ckg:Event`` reaches every subclass and
``sh:class skos:Concept`` finds the roles; no RDFS inference is run, so a role value is an
Actor only if the data says so. A dataset is checked as the union of its graphs.

>>> from rdflib import Graph
>>> data = Graph().parse(format="turtle", data='''
... @prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
... <https://w3id.org/conflict-kg/id/event/x> a ckg:Meeting .''')
>>> report = validate(data)
>>> report.conforms
False
>>> print(report.violations[0].message)  # doctest: +ELLIPSIS
Event has no prov:wasDerivedFrom to a ckg:Mention (or ckg:SourceRecord ...): every event ...
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, Namespace
from rdflib.term import Node

from kg.ontology import load_ontology, load_turtle
from kg.resources import shapes_file

__all__ = ["ValidationReport", "Violation", "check_shapes", "load_shapes", "validate"]

_SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node that is wrong, the property, and what is wrong."""

    focus: str
    path: str
    message: str
    severity: str = "Violation"
    shape: str = ""

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".rstrip()
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """``conforms`` is True when there is no violation; ``violations`` are sorted."""

    conforms: bool
    violations: tuple[Violation, ...]

    def text(self) -> str:
        """One line per violation, or ``conforms``."""
        if self.conforms:
            return "conforms"
        return "\n".join(str(v) for v in self.violations)


def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes graph; a malformed file raises :class:`kg.errors.InputError`."""
    return load_turtle(path if path is not None else shapes_file())


def _merged(data: Graph | Dataset, ontology: Graph) -> Graph:
    """A new graph: the data (all graphs of a dataset) plus the ontology."""
    merged = Graph()
    if isinstance(data, Dataset):
        for s, p, o, _ in data.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        for t in data:
            merged.add(t)
    for t in ontology:
        merged.add(t)
    return merged


def _text(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef | Literal):
        return str(node)
    return node.n3()


def validate(
    data: Graph | Dataset,
    *,
    ontology: Graph | None = None,
    shapes: Graph | None = None,
) -> ValidationReport:
    """Validate ``data`` (a graph, or a dataset as the union of its graphs).

    ``ontology`` and ``shapes`` default to the installed files; pass them to validate many
    graphs without re-reading the files.
    """
    ont = ontology if ontology is not None else load_ontology()
    sh = shapes if shapes is not None else load_shapes()
    conforms, results, _ = pyshacl.validate(
        _merged(data, ont),
        shacl_graph=sh,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        advanced=False,
    )
    assert isinstance(results, Graph)
    found = set()
    for result in results.subjects(_SH.resultSeverity, None):
        severity = results.value(result, _SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, _SH.resultMessage))
        found.add(
            Violation(
                focus=_text(results.value(result, _SH.focusNode)),
                path=_text(results.value(result, _SH.resultPath)),
                message="; ".join(messages),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "",
                shape=_text(results.value(result, _SH.sourceShape)),
            )
        )
    violations = tuple(sorted(found, key=lambda v: (v.focus, v.path, v.message)))
    return ValidationReport(conforms=bool(conforms), violations=violations)


def check_shapes(shapes: Graph | None = None) -> int:
    """Check that the shapes graph is well-formed SHACL (against SHACL's own shapes).

    Returns the number of node shapes; raises :class:`kg.errors.InputError` if malformed.

    >>> check_shapes() > 5
    True
    """
    from kg.errors import InputError

    sh = shapes if shapes is not None else load_shapes()
    try:
        pyshacl.validate(Graph(), shacl_graph=sh, meta_shacl=True, inference="none")
    except pyshacl.errors.ReportableRuntimeError as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise InputError(f"{shapes_file().name}: not well-formed SHACL: {first}") from None
    return len(set(sh.subjects(RDF.type, _SH.NodeShape)))
