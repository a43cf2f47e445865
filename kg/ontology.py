"""The conflict-kg ontology: load it, summarise it, check it with the HermiT reasoner.

The ontology is the set of Turtle files in ``ontology/`` (the OWL vocabulary
``conflict-kg.ttl`` and the SKOS schemes ``cameo.ttl``, ``plover.ttl``, ``roles.ttl``; the
SHACL shapes are separate, see :mod:`kg.shapes`).

>>> g = load_ontology()
>>> s = summarize(g)
>>> s.version
'0.1.0'
>>> [e.name for e in s.event_classes][:3]
['Event', 'Accusation', 'Agreement']
>>> meeting = next(e for e in s.event_classes if e.name == "Meeting")
>>> [c.notation for c in meeting.cameo]
['042', '043', '044']
>>> [p.notation for p in meeting.plover]
['CONSULT', 'multilateral', 'third-party', 'visit']
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import owlready2
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError, MissingRuntimeError
from kg.namespaces import CAMEO, CKG, ONTOLOGY_GRAPH, OWL, PLOVER, RDF, RDFS, SKOS
from kg.resources import ontology_dir

__all__ = [
    "ONTOLOGY_IRI",
    "Concept",
    "EventClassDefinition",
    "OntologySummary",
    "PropertyInfo",
    "ReasoningResult",
    "check_consistency",
    "java_executable",
    "load_ontology",
    "load_turtle",
    "ontology_paths",
    "summarize",
]

#: The IRI of the ``owl:Ontology`` node in ``conflict-kg.ttl``.
ONTOLOGY_IRI = URIRef(str(CKG).rstrip("#"))

_JAVA_HINT = (
    "Java runtime not found: HermiT needs it — install one "
    "(e.g. apt-get install default-jre-headless) or set JAVA_HOME"
)


# ---------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------


def _display(path: Path) -> str:
    """The path as the user should see it: relative to the working directory if inside."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_turtle(path: Path, *, into: Graph | None = None) -> Graph:
    """Parse one Turtle file; a syntax error becomes a one-line :class:`InputError`.

    The message names the file and line: ``ontology/x.ttl:12: <parser message> — fix the
    Turtle syntax``.
    """
    graph = into if into is not None else Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as err:  # rdflib raises BadSyntax and assorted others
        text = str(err)
        line_attr = getattr(err, "lines", None)
        if isinstance(line_attr, int):
            line: int | None = line_attr + 1
        else:
            m = re.search(r"at line (\d+)", text)
            line = int(m.group(1)) if m else None
        why = re.search(r"Bad syntax \((.*?)\) at \^", text, re.DOTALL)
        message = why.group(1) if why else text.splitlines()[0] if text else type(err).__name__
        where = f"{_display(path)}:{line}" if line is not None else _display(path)
        raise InputError(f"{where}: {' '.join(message.split())} — fix the Turtle syntax") from None
    return graph


def ontology_paths(directory: Path | None = None) -> list[Path]:
    """The Turtle files of the ontology (every ``*.ttl`` but ``shapes.ttl``), sorted."""
    d = directory if directory is not None else ontology_dir()
    return sorted(p for p in d.glob("*.ttl") if p.name != "shapes.ttl")


def load_ontology(*, directory: Path | None = None) -> Graph:
    """All ontology files in one graph named :data:`kg.namespaces.ONTOLOGY_GRAPH`.

    ``directory`` defaults to the installed ``ontology/`` directory. A malformed file raises
    :class:`InputError` naming the file and line.
    """
    graph = Graph(identifier=ONTOLOGY_GRAPH)
    for prefix, ns in (("ckg", CKG), ("cameo", CAMEO), ("plover", PLOVER)):
        graph.bind(prefix, ns)
    paths = ontology_paths(directory)
    if not paths:
        where = directory if directory is not None else ontology_dir()
        raise InputError(f"{where}: no ontology files (*.ttl) found")
    for path in paths:
        load_turtle(path, into=graph)
    return graph


# ---------------------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Concept:
    """A SKOS concept an event class is aligned to (CAMEO code, PLOVER type/mode/context)."""

    iri: str
    notation: str
    label: str


@dataclass(frozen=True)
class EventClassDefinition:
    """One class of the ``ckg:Event`` tree as the ontology defines it: labels, place in the
    tree and alignments (the class names themselves are :class:`kg.vocabulary.EventClass`)."""

    iri: str
    name: str
    label_en: str
    label_de: str
    parent: str | None  # local name of the superclass within the tree, None for Event
    depth: int
    cameo: tuple[Concept, ...] = ()
    plover: tuple[Concept, ...] = ()


@dataclass(frozen=True)
class PropertyInfo:
    """One property of the ``ckg:`` namespace."""

    name: str
    kind: str  # "object", "datatype" or "annotation"
    domain: str
    range: str
    characteristics: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()


@dataclass(frozen=True)
class OntologySummary:
    """What the ontology holds, for ``ckg ontology`` and for tests."""

    iri: str
    version: str
    version_iri: str
    triples: int
    classes: int
    object_properties: int
    datatype_properties: int
    annotation_properties: int
    event_classes: tuple[EventClassDefinition, ...]
    entity_classes: tuple[tuple[str, int], ...]  # (local name, depth) below Actor/Place/...
    properties: tuple[PropertyInfo, ...]
    schemes: tuple[tuple[str, int], ...]  # (scheme label, number of concepts)


def _local(iri: Node) -> str:
    s = str(iri)
    for ns, prefix in ((str(CKG), ""), (str(CAMEO), "cameo:"), (str(PLOVER), "plover:")):
        if s.startswith(ns):
            return prefix + s[len(ns) :]
    for ns, prefix in (
        ("http://www.w3.org/2001/XMLSchema#", "xsd:"),
        ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
        ("http://www.w3.org/2004/02/skos/core#", "skos:"),
        ("http://semanticweb.cs.vu.nl/2009/11/sem/", "sem:"),
        ("http://www.w3.org/ns/prov#", "prov:"),
    ):
        if s.startswith(ns):
            return prefix + s[len(ns) :]
    return s


def _label(graph: Graph, node: Node, lang: str, prop: URIRef = RDFS.label) -> str:
    for lit in graph.objects(node, prop):
        if isinstance(lit, Literal) and lit.language == lang:
            return str(lit)
    return ""


def _describe_class(graph: Graph, node: Node) -> str:
    """A short text for a class expression: a name, or A ⊔ B for an owl:unionOf."""
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is not None:
            return " ⊔ ".join(_local(m) for m in graph.items(members))
        on = graph.value(node, OWL.onDatatype)
        if on is not None:
            facets = []
            restrictions = graph.value(node, OWL.withRestrictions)
            for r in graph.items(restrictions) if restrictions is not None else ():
                for p, o in graph.predicate_objects(r):
                    facets.append(f"{_local(p).split(':')[-1]} {o}")
            return f"{_local(on)}[{', '.join(facets)}]"
        return "(anonymous)"
    return _local(node)


def _tree(graph: Graph, root: URIRef) -> list[tuple[URIRef, URIRef | None, int]]:
    """Depth-first (class, parent, depth) under ``root`` within ckg:, children by name."""
    out: list[tuple[URIRef, URIRef | None, int]] = []

    def walk(node: URIRef, parent: URIRef | None, depth: int) -> None:
        out.append((node, parent, depth))
        children = sorted(
            {c for c in graph.subjects(RDFS.subClassOf, node) if isinstance(c, URIRef)},
            key=str,
        )
        for child in children:
            walk(child, node, depth + 1)

    walk(root, None, 0)
    return out


def _concepts(graph: Graph, cls: URIRef, namespace: str) -> tuple[Concept, ...]:
    found = []
    for target in graph.objects(cls, SKOS.closeMatch):
        if str(target).startswith(namespace):
            notation = graph.value(target, SKOS.notation)
            found.append(
                Concept(
                    iri=str(target),
                    notation=str(notation) if notation is not None else _local(target),
                    label=_label(graph, target, "en", SKOS.prefLabel),
                )
            )
    return tuple(sorted(found, key=lambda c: (c.notation.upper() != c.notation, c.notation)))


def summarize(graph: Graph) -> OntologySummary:
    """Counts, the event class tree with CAMEO/PLOVER alignments, properties, schemes."""
    version = graph.value(ONTOLOGY_IRI, OWL.versionInfo)
    version_iri = graph.value(ONTOLOGY_IRI, OWL.versionIRI)

    def ours(kind: URIRef) -> list[URIRef]:
        return sorted(
            {
                s
                for s in graph.subjects(RDF.type, kind)
                if isinstance(s, URIRef) and str(s).startswith(str(CKG))
            },
            key=str,
        )

    events = []
    for cls, parent, depth in _tree(graph, CKG.Event):
        events.append(
            EventClassDefinition(
                iri=str(cls),
                name=_local(cls),
                label_en=_label(graph, cls, "en"),
                label_de=_label(graph, cls, "de"),
                parent=_local(parent) if parent is not None else None,
                depth=depth,
                cameo=_concepts(graph, cls, str(CAMEO)),
                plover=_concepts(graph, cls, str(PLOVER)),
            )
        )
    entity_classes: list[tuple[str, int]] = []
    for root in (CKG.Actor, CKG.Place, CKG.ArmedConflict, CKG.Position, CKG.Article, CKG.Mention):
        entity_classes += [(_local(c), d) for c, _, d in _tree(graph, root)]

    props = []
    kinds = (
        (OWL.ObjectProperty, "object"),
        (OWL.DatatypeProperty, "datatype"),
        (OWL.AnnotationProperty, "annotation"),
    )
    for kind, kind_name in kinds:
        for p in ours(kind):
            domain = graph.value(p, RDFS.domain)
            rng = graph.value(p, RDFS.range)
            chars = tuple(
                sorted(
                    _local(t).split("#")[-1].replace("Property", "").lower()
                    for t in graph.objects(p, RDF.type)
                    if t in (OWL.FunctionalProperty, OWL.SymmetricProperty, OWL.TransitiveProperty)
                )
            )
            props.append(
                PropertyInfo(
                    name=_local(p),
                    kind=kind_name,
                    domain=_describe_class(graph, domain) if domain is not None else "",
                    range=_describe_class(graph, rng) if rng is not None else "",
                    characteristics=chars,
                    parents=tuple(sorted(_local(o) for o in graph.objects(p, RDFS.subPropertyOf))),
                )
            )
    schemes = []
    for scheme in sorted(set(graph.subjects(RDF.type, SKOS.ConceptScheme)), key=str):
        n = len(set(graph.subjects(SKOS.inScheme, scheme)))
        title = _label(graph, scheme, "en") or str(scheme)
        schemes.append((title, n))
    return OntologySummary(
        iri=str(ONTOLOGY_IRI),
        version=str(version) if version is not None else "",
        version_iri=str(version_iri) if version_iri is not None else "",
        triples=len(graph),
        classes=len(ours(OWL.Class)),
        object_properties=len(ours(OWL.ObjectProperty)),
        datatype_properties=len(ours(OWL.DatatypeProperty)),
        annotation_properties=len(ours(OWL.AnnotationProperty)),
        event_classes=tuple(events),
        entity_classes=tuple(entity_classes),
        properties=tuple(props),
        schemes=tuple(schemes),
    )


# ---------------------------------------------------------------------------------------
# Reasoning
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReasoningResult:
    """The outcome of running HermiT over the ontology (plus optional data)."""

    consistent: bool
    seconds: float
    triples: int
    unsatisfiable_classes: tuple[str, ...] = ()
    #: Likely causes of an inconsistency found by direct checks (HermiT itself gives none).
    explanation: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """Consistent and every named class satisfiable."""
        return self.consistent and not self.unsatisfiable_classes


def java_executable() -> str:
    """The Java binary HermiT will run with: owlready2's ``JAVA_EXE`` on ``PATH``, else
    ``$JAVA_HOME/bin/java``; raises :class:`MissingRuntimeError` if there is none."""
    found = shutil.which(owlready2.JAVA_EXE)
    if found:
        return found
    home = os.environ.get("JAVA_HOME")
    if home:
        candidate = Path(home) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise MissingRuntimeError(_JAVA_HINT)


def _explain(graph: Graph) -> tuple[str, ...]:
    """Direct checks for the usual causes of an inconsistency, as readable sentences."""
    reasons: list[str] = []
    # 1. an individual typed with two disjoint classes (directly or via subclasses)
    disjoint_pairs: set[tuple[URIRef, URIRef]] = set()
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        head = graph.value(group, OWL.members)
        items = graph.items(head) if head is not None else ()
        members = [m for m in items if isinstance(m, URIRef)]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                disjoint_pairs.add((a, b))
    for x, y in graph.subject_objects(OWL.disjointWith):
        if isinstance(x, URIRef) and isinstance(y, URIRef):
            disjoint_pairs.add((x, y))
    for a, b in sorted(disjoint_pairs):
        rows = graph.query(
            "SELECT DISTINCT ?x WHERE { ?x a/rdfs:subClassOf* ?a . ?x a/rdfs:subClassOf* ?b }",
            initNs={"rdfs": RDFS},
            initBindings={"a": a, "b": b},
        )
        for (x,) in rows:  # type: ignore[misc]
            reasons.append(f"{x} is both a {_local(a)} and a {_local(b)}, which are disjoint")

    # 2. a value of a property whose range is disjoint with the value's type
    def closure(node: Node) -> set[Node]:
        types = set(graph.objects(node, RDF.type))
        for t in list(types):
            types |= {x for x in graph.transitive_objects(t, RDFS.subClassOf) if x is not None}
        return types

    for prop, required in graph.subject_objects(RDFS.range):
        if not isinstance(required, URIRef) or not isinstance(prop, URIRef):
            continue
        for value in set(graph.objects(None, prop)):
            for t in sorted(closure(value), key=str):
                if (t, required) in disjoint_pairs or (required, t) in disjoint_pairs:
                    reasons.append(
                        f"{value} is a {_local(t)} but is the value of {_local(prop)}, "
                        f"whose values are {_local(required)}, disjoint with {_local(t)}"
                    )
    # 3. a negative property assertion contradicted by the positive statement
    rows = graph.query(
        """SELECT ?s ?p ?o WHERE {
             ?n a owl:NegativePropertyAssertion ; owl:sourceIndividual ?s ;
                owl:assertionProperty ?p ; owl:targetIndividual ?o .
             ?s ?p ?o . }""",
        initNs={"owl": OWL},
    )
    for s, p, o in rows:  # type: ignore[misc]
        reasons.append(f"{s} {_local(p)} {o} is stated and also denied (NegativePropertyAssertion)")
    # 4. a functional property with two different values
    for p in sorted(set(graph.subjects(RDF.type, OWL.FunctionalProperty)), key=str):
        for s in sorted(set(graph.subjects(p, None)), key=str):
            values = sorted({str(o) for o in graph.objects(s, p)})
            if len(values) > 1:
                reasons.append(f"{s} has {len(values)} values for functional {_local(p)}: {values}")
    # 5. confidence outside 0..1
    for s, o in graph.subject_objects(CKG.confidence):
        try:
            v = float(o)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
        if not 0 <= v <= 1:
            reasons.append(f"{s} has ckg:confidence {o}, outside 0..1")
    return tuple(sorted(set(reasons)))


def check_consistency(
    extra: Graph | None = None, *, ontology: Graph | None = None
) -> ReasoningResult:
    """Run HermiT (via owlready2) on the ontology plus ``extra`` data; needs Java.

    The graphs are written to a temporary N-Triples file (without ``owl:imports``: every
    module is in the graph) and loaded into a fresh, isolated owlready2 ``World``, which is
    closed afterwards. HermiT runs with
    ``--ignoreUnsupportedDatatypes`` because it does not implement xsd:date, xsd:gYearMonth
    and xsd:gYear; SHACL (:mod:`kg.shapes`) checks those literals instead.
    """
    java = java_executable()
    graph = Graph()
    for source in (ontology if ontology is not None else load_ontology(), extra):
        if source is not None:
            for t in source:
                graph.add(t)
    triples = len(graph)
    # The modules are all in the graph already: owlready2 would try to fetch an
    # owl:imports target (a w3id.org IRI) instead.
    graph.remove((None, OWL.imports, None))
    previous_java = owlready2.JAVA_EXE
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ckg-hermit-") as tmp:
        nt = Path(tmp) / "input.nt"
        graph.serialize(nt, format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            with nt.open("rb") as f:
                world.get_ontology(str(ONTOLOGY_IRI)).load(fileobj=f, format="ntriples")
            # owlready2's documented way to name the Java binary; restored below.
            owlready2.JAVA_EXE = java
            try:
                owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
            except owlready2.OwlReadyInconsistentOntologyError:
                return ReasoningResult(
                    consistent=False,
                    seconds=round(time.monotonic() - start, 2),
                    triples=triples,
                    explanation=_explain(graph),
                )
            except owlready2.OwlReadyJavaError as err:
                lines = [ln for ln in str(err).splitlines() if ln.strip()]
                detail = lines[1] if len(lines) > 1 else (lines[0] if lines else "unknown error")
                raise InputError(f"HermiT could not reason over the ontology: {detail}") from None
            unsat = tuple(
                sorted(
                    c.iri
                    for c in world.inconsistent_classes()
                    if getattr(c, "iri", None) and c.iri != str(OWL.Nothing)
                )
            )
            return ReasoningResult(
                consistent=True,
                seconds=round(time.monotonic() - start, 2),
                triples=triples,
                unsatisfiable_classes=unsat,
            )
        finally:
            owlready2.JAVA_EXE = previous_java
            world.close()
