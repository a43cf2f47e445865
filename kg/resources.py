"""Locate the files shipped with the package: ontology, shapes, queries, dictionaries.

They are package data (``kg.ontology_ttl``, ``kg.queries``, ``kg.data``), so the same code
finds them in a checkout and in an installed wheel.

>>> ontology_file().name
'conflict-kg.ttl'
>>> shapes_file().name
'shapes.ttl'
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

__all__ = [
    "data_dir",
    "ontology_dir",
    "ontology_file",
    "ontology_files",
    "queries_dir",
    "shapes_file",
]


def _dir(package: str) -> Path:
    # Packages are installed as plain directories (no zip imports), so the traversable
    # is a real path; as_file() keeps that honest if that ever changes.
    with as_file(files(package)) as p:
        return Path(p)


def ontology_dir() -> Path:
    """The directory holding the Turtle files of the ontology and the SHACL shapes."""
    return _dir("kg.ontology_ttl")


def ontology_file() -> Path:
    """The OWL ontology (``conflict-kg.ttl``)."""
    return ontology_dir() / "conflict-kg.ttl"


def shapes_file() -> Path:
    """The SHACL shapes (``shapes.ttl``)."""
    return ontology_dir() / "shapes.ttl"


def ontology_files() -> list[Path]:
    """Every Turtle file of the ontology except the shapes, sorted by name."""
    return sorted(p for p in ontology_dir().glob("*.ttl") if p.name != "shapes.ttl")


def queries_dir() -> Path:
    """The directory of saved SPARQL queries (one ``.rq`` per question)."""
    return _dir("kg.queries")


def data_dir() -> Path:
    """The directory of researcher-editable dictionaries (actors, event patterns)."""
    return _dir("kg.data")
