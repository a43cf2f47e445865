"""``ckg ontology``: check the ontology files and show what they hold.

Parses every Turtle file of ``ontology/``, checks that the SHACL shapes are well-formed
SHACL, and prints the version, the event classes with their CAMEO and PLOVER alignments,
the entity classes, the properties and the concept schemes. ``--reason`` also runs HermiT
(needs Java) and reports whether the ontology is consistent.
"""

from __future__ import annotations

import argparse
import json
from enum import StrEnum
from pathlib import Path
from typing import Any

from kg.errors import EXIT_OK, EXIT_REFUSED
from kg.ontology import (
    OntologySummary,
    ReasoningResult,
    check_consistency,
    load_ontology,
    load_turtle,
    ontology_paths,
    summarize,
)
from kg.shapes import check_shapes

__all__ = ["OutputFormat", "register", "render_json", "render_text", "run"]


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``ckg ontology`` to ``sub``."""
    p = sub.add_parser(
        "ontology",
        help="check the ontology and shapes, show classes, alignments and properties",
        description=(
            "Parse every Turtle file of the ontology, check that the SHACL shapes are "
            "well-formed, and print the event classes with their CAMEO and PLOVER "
            "alignments, the entity classes, the properties and the concept schemes. "
            "With --reason, also check consistency with the HermiT reasoner (needs Java)."
        ),
    )
    p.add_argument(
        "--reason",
        action="store_true",
        help="also run HermiT and report whether the ontology is consistent",
    )
    p.add_argument(
        "--format",
        choices=[f.value for f in OutputFormat],
        default=OutputFormat.TEXT.value,
        help="text for reading (default), json for scripts",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handler of ``ckg ontology``."""
    graph = load_ontology()
    summary = summarize(graph)
    shapes = check_shapes()
    files = [(p.name, _count(p)) for p in ontology_paths()]
    reasoning = check_consistency(ontology=graph) if args.reason else None
    if OutputFormat(args.format) is OutputFormat.JSON:
        print(render_json(summary, files=files, shapes=shapes, reasoning=reasoning))
    else:
        print(render_text(summary, files=files, shapes=shapes, reasoning=reasoning))
    if reasoning is not None and not reasoning.ok:
        return EXIT_REFUSED
    return EXIT_OK


def _count(path: Path) -> int:
    return len(load_turtle(path))


def _codes(concepts: Any) -> str:
    return ", ".join(c.notation for c in concepts)


def render_text(
    summary: OntologySummary,
    *,
    files: list[tuple[str, int]],
    shapes: int,
    reasoning: ReasoningResult | None = None,
) -> str:
    """The human-readable report."""
    out: list[str] = []
    out.append(f"conflict-kg ontology {summary.version}  <{summary.iri}>")
    out.append(f"  version IRI  {summary.version_iri}")
    out.append(
        "  files        "
        + ", ".join(f"{name} ({n} triples)" for name, n in files)
        + f"; shapes.ttl: {shapes} node shapes, well-formed SHACL"
    )
    out.append(
        f"  terms        {summary.classes} classes, {summary.object_properties} object "
        f"properties, {summary.datatype_properties} datatype properties, "
        f"{summary.annotation_properties} annotation properties"
    )
    out.append(
        "  schemes      " + ", ".join(f"{title}: {n} concepts" for title, n in summary.schemes)
    )
    if reasoning is not None:
        if reasoning.ok:
            verdict = "consistent, every class satisfiable"
        elif reasoning.consistent:
            verdict = "consistent, but unsatisfiable: " + ", ".join(reasoning.unsatisfiable_classes)
        else:
            verdict = "INCONSISTENT"
        out.append(f"  HermiT       {verdict} ({reasoning.seconds:.1f} s)")
        out.extend(f"               - {line}" for line in reasoning.explanation)
    out.append("")
    names = ["  " * e.depth + f"{e.name} ({e.label_de})" for e in summary.event_classes]
    w1 = max(len("Event class"), *(len(n) for n in names)) + 2
    w2 = max(len("CAMEO"), *(len(_codes(e.cameo)) for e in summary.event_classes)) + 2
    out.append(f"  {'Event class':<{w1}}{'CAMEO':<{w2}}PLOVER (type, mode, context)")
    for name, e in zip(names, summary.event_classes, strict=True):
        plover = _codes(e.plover) or ("— (PLOVER does not code comments)" if e.depth else "")
        out.append(f"  {name:<{w1}}{_codes(e.cameo):<{w2}}{plover}".rstrip())
    out.append("")
    legend: dict[str, str] = {}
    for e in summary.event_classes:
        for c in (*e.cameo, *e.plover):
            legend.setdefault(c.notation, c.label)
    out.append("Codes used")
    cameo_codes = sorted(k for k in legend if k[:1].isdigit())
    other = sorted((k for k in legend if not k[:1].isdigit()), key=lambda k: (k.upper() != k, k))
    for code in [*cameo_codes, *other]:
        scheme = "CAMEO " if code[:1].isdigit() else "PLOVER"
        out.append(f"  {scheme} {code:<14}{legend[code]}")
    out.append("")
    out.append("Entity and provenance classes")
    for name, depth in summary.entity_classes:
        out.append("  " + "  " * depth + name)
    out.append("")
    out.append("Properties")
    for p in summary.properties:
        extra = []
        if p.parents:
            extra.append("⊑ " + ", ".join(p.parents))
        if p.characteristics:
            extra.append(", ".join(p.characteristics))
        tail = f"  [{'; '.join(extra)}]" if extra else ""
        domain = p.domain or "any"
        rng = p.range or "any"
        out.append(f"  {p.kind:<10} {p.name:<20} {domain} → {rng}{tail}")
    return "\n".join(out)


def render_json(
    summary: OntologySummary,
    *,
    files: list[tuple[str, int]],
    shapes: int,
    reasoning: ReasoningResult | None = None,
) -> str:
    """The machine-readable report (stable key order)."""
    doc: dict[str, Any] = {
        "iri": summary.iri,
        "version": summary.version,
        "version_iri": summary.version_iri,
        "files": [{"name": n, "triples": c} for n, c in files],
        "shapes": {"node_shapes": shapes, "well_formed": True},
        "counts": {
            "triples": summary.triples,
            "classes": summary.classes,
            "object_properties": summary.object_properties,
            "datatype_properties": summary.datatype_properties,
            "annotation_properties": summary.annotation_properties,
        },
        "schemes": [{"title": t, "concepts": n} for t, n in summary.schemes],
        "event_classes": [
            {
                "iri": e.iri,
                "name": e.name,
                "label_en": e.label_en,
                "label_de": e.label_de,
                "parent": e.parent,
                "cameo": [{"code": c.notation, "label": c.label, "iri": c.iri} for c in e.cameo],
                "plover": [{"name": c.notation, "label": c.label, "iri": c.iri} for c in e.plover],
            }
            for e in summary.event_classes
        ],
        "entity_classes": [{"name": n, "depth": d} for n, d in summary.entity_classes],
        "properties": [
            {
                "name": p.name,
                "kind": p.kind,
                "domain": p.domain,
                "range": p.range,
                "characteristics": list(p.characteristics),
                "subPropertyOf": list(p.parents),
            }
            for p in summary.properties
        ],
    }
    if reasoning is not None:
        doc["reasoning"] = {
            "reasoner": "HermiT",
            "consistent": reasoning.consistent,
            "unsatisfiable_classes": list(reasoning.unsatisfiable_classes),
            "explanation": list(reasoning.explanation),
            "seconds": reasoning.seconds,
        }
    return json.dumps(doc, ensure_ascii=False, indent=2)
