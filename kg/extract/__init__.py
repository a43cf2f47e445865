"""Extraction: German news articles → one named graph per article (see CONTRACT.md).

Stages (one module each, communicating through the frozen records of
:mod:`kg.extract.model`): :mod:`~kg.extract.sentences` → :mod:`~kg.extract.tokens` →
:mod:`~kg.extract.entities` → :mod:`~kg.extract.events` → :mod:`~kg.extract.roles` →
:mod:`~kg.extract.anaphora` → :mod:`~kg.extract.timing` (with :mod:`~kg.extract.dates`) →
:mod:`~kg.extract.conflict` → :mod:`~kg.extract.facts` → :mod:`~kg.extract.claims` →
:mod:`~kg.extract.rdf`. :mod:`~kg.extract.pipeline` runs them.
"""

from __future__ import annotations

from kg.extract.pipeline import Extractor, default_extractor, extract_article, reference_graph
from kg.serialize import serialize_graphs, write_dataset  # the one writer (kg.serialize)

__all__ = [
    "Extractor",
    "default_extractor",
    "extract_article",
    "reference_graph",
    "serialize_graphs",
    "write_dataset",
]
