"""The ontology as a document: ``https://w3id.org/conflict-kg/ontology`` and its terms.

The terms are hash IRIs (``ontology#Meeting``), so one document serves them all: the
ontology header and every term of the ``ckg:`` namespace, each with the blank nodes of
its axioms (unions, restrictions), read from the ontology files this release ships (not
from a store, whose copy has the class hierarchy closed for queries). Declarations of
other vocabularies' terms (``prov:Entity a owl:Class``) stay out: those IRIs are not
ours to describe. The version IRI (``ontology/0.1.0``) serves the same document. (For
code, the classes and properties are enums in :mod:`kg.vocabulary`.)

>>> vocab = vocabulary()
>>> vocab.iri
'https://w3id.org/conflict-kg/ontology'
>>> meeting = next(t for t in vocab.terms if t.iri.value.endswith("#Meeting"))
>>> meeting.kind, vocab.labels[meeting.iri.value]
('Classes', 'Meeting')
>>> vocab.serves("https://w3id.org/conflict-kg/ontology"), vocab.serves("https://x.org/o")
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from kg.namespaces import CKG, OWL, RDF, RDFS
from kg.resources import ontology_files
from kg.server.describe import Lookup, blank_closure

__all__ = ["KINDS", "Vocabulary", "VocabularyTerm", "vocabulary"]

_TYPE = ox.NamedNode(str(RDF.type))
#: Sections of the document: (heading, the OWL/RDFS type of the terms in it).
KINDS: tuple[tuple[str, str], ...] = (
    ("Classes", str(OWL.Class)),
    ("Object properties", str(OWL.ObjectProperty)),
    ("Datatype properties", str(OWL.DatatypeProperty)),
    ("Annotation properties", str(OWL.AnnotationProperty)),
    ("Datatypes", str(RDFS.Datatype)),
)
_OTHER = "Other terms"


@dataclass(frozen=True)
class VocabularyTerm:
    """One term of the ``ckg:`` namespace with its quads (blank nodes of its axioms too)."""

    iri: ox.NamedNode
    kind: str  # a heading of KINDS, or "Other terms"
    quads: tuple[ox.Quad, ...]


@dataclass(frozen=True)
class Vocabulary:
    """The ontology document: header quads, terms, and a label for every IRI they name."""

    iri: str
    version_iri: str | None
    header: tuple[ox.Quad, ...]
    terms: tuple[VocabularyTerm, ...]
    labels: dict[str, str]

    def serves(self, iri: str) -> bool:
        """Whether ``iri`` is this document's (the ontology IRI or its version IRI)."""
        return iri in (self.iri, self.version_iri)

    def triples(self) -> list[ox.Triple]:
        """The document as RDF, header first, then the terms in order."""
        seen: dict[ox.Triple, None] = {}
        for q in self.header:
            seen.setdefault(q.triple, None)
        for term in self.terms:
            for q in term.quads:
                seen.setdefault(q.triple, None)
        return list(seen)


def _kind(types: set[str]) -> str:
    return next((heading for heading, iri in KINDS if iri in types), _OTHER)


def _axioms(store: ox.Store, lookup: Lookup) -> list[ox.Quad]:
    """Axioms about our terms that hang off no IRI (``[] a owl:AllDisjointClasses ...``)."""
    objects = {q.object.value for q in store if isinstance(q.object, ox.BlankNode)}
    roots = sorted(
        {q.subject.value for q in store if isinstance(q.subject, ox.BlankNode)} - objects
    )
    out: list[ox.Quad] = []
    for root in roots:
        quads = blank_closure(lookup, [ox.BlankNode(root)])
        if any(
            isinstance(t, ox.NamedNode) and t.value.startswith(str(CKG))
            for q in quads
            for t in (q.predicate, q.object)
        ):
            out.extend(quads)
    return out


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The ontology document of the installed release (read once per process)."""
    store = ox.Store()
    for path in ontology_files():
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    lookup = Lookup(store)
    # The document's IRI is the namespace without its '#', whatever the files declare.
    ontology = ox.NamedNode(str(CKG).rstrip("#"))
    version = next(
        (
            q.object.value
            for q in store.quads_for_pattern(ontology, ox.NamedNode(str(OWL.versionIRI)), None)
            if isinstance(q.object, ox.NamedNode)
        ),
        None,
    )

    def with_blanks(subject: ox.NamedNode) -> tuple[ox.Quad, ...]:
        own = list(store.quads_for_pattern(subject, None, None, None))
        starts = [q.object for q in own if isinstance(q.object, ox.BlankNode)]
        return tuple(own + blank_closure(lookup, starts))

    subjects = sorted(
        {
            q.subject.value
            for q in store.quads_for_pattern(None, None, None, None)
            if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(str(CKG))
        }
    )
    terms = []
    for value in subjects:
        node = ox.NamedNode(value)
        quads = with_blanks(node)
        types = {
            q.object.value
            for q in quads
            if q.subject == node and q.predicate == _TYPE and isinstance(q.object, ox.NamedNode)
        }
        terms.append(VocabularyTerm(node, _kind(types), quads))
    order = [heading for heading, _ in KINDS] + [_OTHER]
    terms.sort(key=lambda t: (order.index(t.kind), lookup.label(t.iri).lower(), t.iri.value))
    header = list(with_blanks(ontology)) + _axioms(store, lookup)
    for quad in (*header, *(q for t in terms for q in t.quads)):
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.NamedNode):
                lookup.label(term)
    return Vocabulary(
        iri=ontology.value,
        version_iri=version,
        header=tuple(header),
        terms=tuple(terms),
        labels=dict(lookup.labels),
    )
