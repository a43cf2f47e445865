"""Researchers' own links, recorded as W3C Web Annotations in the annotations graph.

``ckg link SUBJECT PREDICATE OBJECT --note TEXT`` becomes, in :data:`ANNOTATIONS_GRAPH`::

    id:annotation/<hash> a oa:Annotation ;
        oa:motivatedBy oa:linking ;            # oa:moderating for a rejected link
        oa:hasTarget SUBJECT, OBJECT ;
        oa:hasBody id:annotation/<hash>/link, id:annotation/<hash>/note ;
        dcterms:creator "NAME" ;
        dcterms:created "2026-01-01T12:00:00+00:00"^^xsd:dateTime .
    id:annotation/<hash>/link a rdf:Statement ;
        rdf:subject SUBJECT ; rdf:predicate P ; rdf:object OBJECT .
    id:annotation/<hash>/note a oa:TextualBody ; rdf:value "TEXT" ;
        dcterms:format "text/plain" .
    SUBJECT P OBJECT .                          # the link itself, for plain queries

The annotation IRI derives from subject, predicate, object, creator and note, so the
same annotation recorded twice is one annotation (its first creation time is kept).

>>> resolve_iri("id:event/a/1")
'https://w3id.org/conflict-kg/id/event/a/1'
>>> LinkPredicate("same-event").iri == str(CKG.sameEventAs)
True
"""

from __future__ import annotations

import enum
import getpass
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import pyoxigraph as ox

from kg.errors import InputError, UsageError
from kg.iris import fact_iri
from kg.linking.store_io import nn, replace_quads
from kg.namespaces import ANNOTATIONS_GRAPH, CKG, DCTERMS, OA, OWL, PREFIXES, RDF, SEM, XSD

__all__ = [
    "Annotation",
    "LinkPredicate",
    "add_annotation",
    "default_creator",
    "iri_exists",
    "list_annotations",
    "resolve_iri",
]


class LinkPredicate(enum.Enum):
    """The links a researcher can record, by their command-line name."""

    SAME_EVENT = "same-event"
    SAME_ACTOR = "same-actor"
    CAUSED = "caused"
    FOLLOWED = "followed"
    PART_OF = "part-of"
    SUB_EVENT = "sub-event"
    DIFFERENT_EVENT = "different-event"

    @property
    def iri(self) -> str:
        """The RDF property the link asserts."""
        return {
            "same-event": str(CKG.sameEventAs),
            "same-actor": str(OWL.sameAs),
            "caused": str(CKG.caused),
            "followed": str(CKG.followedBy),
            "part-of": str(CKG.partOf),
            "sub-event": str(SEM.subEventOf),
            "different-event": str(CKG.differentEventFrom),
        }[self.value]

    @property
    def motivation(self) -> str:
        """``oa:linking``, or ``oa:moderating`` for a rejection."""
        return str(OA.moderating if self is LinkPredicate.DIFFERENT_EVENT else OA.linking)

    @classmethod
    def parse(cls, text: str) -> LinkPredicate:
        """The predicate named ``text`` (a CLI name, or the property IRI/CURIE)."""
        for p in cls:
            if text in (p.value, p.iri) or resolve_iri(text) == p.iri:
                return p
        names = ", ".join(p.value for p in cls)
        raise UsageError(f"unknown link predicate {text!r}: use one of {names}")


@dataclass(frozen=True)
class Annotation:
    """One researcher's link as read back from the store."""

    iri: str
    subject: str
    predicate: str
    object: str
    creator: str
    created: str
    note: str


_CURIE = re.compile(r"^([A-Za-z][\w-]*):(.*)$")


def resolve_iri(text: str) -> str:
    """A full IRI from ``<IRI>``, an IRI, or a CURIE with a project prefix (``id:...``)."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    m = _CURIE.match(text)
    if m and m.group(1) in PREFIXES and not m.group(2).startswith("//"):
        return PREFIXES[m.group(1)] + m.group(2)
    return text


def iri_exists(store: ox.Store, iri: str) -> bool:
    """Whether ``iri`` is the subject of some statement in any graph of the store."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    return any(True for _ in store.quads_for_pattern(node, None, None, None))


def default_creator() -> str:
    """``$CKG_CREATOR``, else the login name."""
    return os.environ.get("CKG_CREATOR") or getpass.getuser()


def add_annotation(
    store: ox.Store,
    subject: str,
    predicate: LinkPredicate | str,
    obj: str,
    *,
    note: str,
    creator: str | None = None,
    created: datetime | None = None,
) -> Annotation:
    """Record a researcher's link; both IRIs must exist in the store, else nothing is written.

    Raises :class:`kg.errors.InputError` for an unknown IRI.
    """
    pred = predicate if isinstance(predicate, LinkPredicate) else LinkPredicate.parse(predicate)
    s, o = resolve_iri(subject), resolve_iri(obj)
    missing = [x for x in (s, o) if not iri_exists(store, x)]
    if missing:
        raise InputError(f"{missing[0]}: no such IRI in the store; nothing recorded")
    if s == o:
        raise InputError(f"{s}: a link needs two different IRIs")
    creator = creator or default_creator()
    iri = str(fact_iri("annotation", s, pred.iri, o, creator, note))
    existing = _read(store, iri)
    if existing is not None:
        return existing
    when = (created or datetime.now(UTC)).isoformat(timespec="seconds")
    g = nn(ANNOTATIONS_GRAPH)
    a, body, text = nn(iri), nn(f"{iri}/link"), nn(f"{iri}/note")
    quads = [
        ox.Quad(a, nn(RDF.type), nn(OA.Annotation), g),
        ox.Quad(a, nn(OA.motivatedBy), nn(pred.motivation), g),
        ox.Quad(a, nn(OA.hasTarget), nn(s), g),
        ox.Quad(a, nn(OA.hasTarget), nn(o), g),
        ox.Quad(a, nn(OA.hasBody), body, g),
        ox.Quad(a, nn(DCTERMS.creator), ox.Literal(creator), g),
        ox.Quad(a, nn(DCTERMS.created), ox.Literal(when, datatype=nn(XSD.dateTime)), g),
        ox.Quad(body, nn(RDF.type), nn(RDF.Statement), g),
        ox.Quad(body, nn(RDF.subject), nn(s), g),
        ox.Quad(body, nn(RDF.predicate), nn(pred.iri), g),
        ox.Quad(body, nn(RDF.object), nn(o), g),
        ox.Quad(nn(s), nn(pred.iri), nn(o), g),
    ]
    if note:
        quads += [
            ox.Quad(a, nn(OA.hasBody), text, g),
            ox.Quad(text, nn(RDF.type), nn(OA.TextualBody), g),
            ox.Quad(text, nn(RDF.value), ox.Literal(note), g),
            ox.Quad(text, nn(DCTERMS["format"]), ox.Literal("text/plain"), g),
        ]
    replace_quads(store, remove=[], add=quads)
    result = _read(store, iri)
    assert result is not None
    return result


def _one(store: ox.Store, s: str, p: object) -> str:
    for q in store.quads_for_pattern(nn(s), nn(p), None, nn(ANNOTATIONS_GRAPH)):
        return str(getattr(q.object, "value", q.object))
    return ""


def _read(store: ox.Store, iri: str) -> Annotation | None:
    if not _one(store, iri, RDF.type):
        return None
    body = f"{iri}/link"
    return Annotation(
        iri=iri,
        subject=_one(store, body, RDF.subject),
        predicate=_one(store, body, RDF.predicate),
        object=_one(store, body, RDF.object),
        creator=_one(store, iri, DCTERMS.creator),
        created=_one(store, iri, DCTERMS.created),
        note=_one(store, f"{iri}/note", RDF.value),
    )


def list_annotations(store: ox.Store) -> list[Annotation]:
    """Every researcher's link in the store, oldest first (then by IRI)."""
    g = nn(ANNOTATIONS_GRAPH)
    found = []
    for q in store.quads_for_pattern(None, nn(RDF.type), nn(OA.Annotation), g):
        ann = _read(store, q.subject.value)  # type: ignore[union-attr]
        if ann is not None:
            found.append(ann)
    return sorted(found, key=lambda a: (a.created, a.iri))
