"""Deterministic IRIs for articles, mentions, events, entities and facts.

Every IRI is derived from content (an identifier, offsets, a key), never from a counter
or a clock, so the same input always yields the same IRIs (contract: "IRIs are minted
deterministically").

>>> str(article_iri("2020-10-moskau-verhandlungen.txt"))
'https://w3id.org/conflict-kg/id/article/2020-10-moskau-verhandlungen'
>>> str(mention_iri(article_iri("a.txt"), 10, 42))
'https://w3id.org/conflict-kg/id/mention/a/10-42'
>>> str(entity_iri("vladimir-putin"))
'https://w3id.org/conflict-kg/id/entity/vladimir-putin'
>>> slugify("Wladimir Putin"), slugify("Äthiopien"), slugify("Mlambo-Ngcuka")
('wladimir-putin', 'aethiopien', 'mlambo-ngcuka')
>>> content_hash("a", 1, "b")
'37a148803eca'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePath

from rdflib import URIRef

from kg.namespaces import ID

__all__ = [
    "article_iri",
    "article_slug",
    "content_hash",
    "entity_iri",
    "event_iri",
    "fact_iri",
    "mention_iri",
    "slugify",
]

_GERMAN_FOLD = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def slugify(text: str) -> str:
    """A lowercase ASCII slug: German umlauts folded (ä → ae), other accents dropped."""
    folded = unicodedata.normalize("NFKD", text.translate(_GERMAN_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def content_hash(*parts: object, length: int = 12) -> str:
    """A short, stable hex digest of the parts (joined by a separator that cannot clash)."""
    data = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:length]


def article_slug(identifier: str) -> str:
    """The slug of an article identifier: a file name without its extension, or a record id.

    >>> article_slug("2020-10-10-humanitaere-waffenruhe.txt")
    '2020-10-10-humanitaere-waffenruhe'
    >>> article_slug("dpa 2021/07#3")
    'dpa-2021-07-3'
    """
    suffix = PurePath(identifier).suffix
    stem = identifier[: -len(suffix)] if suffix in {".txt", ".json"} else identifier
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-") or content_hash(identifier)


def article_iri(identifier: str) -> URIRef:
    """The article's IRI, which is also the name of its named graph."""
    return ID[f"article/{article_slug(identifier)}"]


def _tail(article: URIRef) -> str:
    return str(article).rsplit("/", 1)[-1]


def mention_iri(article: URIRef, start: int, end: int) -> URIRef:
    """The IRI of the span ``start:end`` of an article."""
    return ID[f"mention/{_tail(article)}/{start}-{end}"]


def event_iri(article: URIRef, *key: object) -> URIRef:
    """An event of an article, keyed by what identifies it (class, offsets of its trigger)."""
    return ID[f"event/{_tail(article)}/{content_hash(*key)}"]


def entity_iri(key: str) -> URIRef:
    """An entity (actor, place, conflict) by its dictionary key or minted slug."""
    return ID[f"entity/{key}"]


def fact_iri(kind: str, *key: object) -> URIRef:
    """A node for a standing fact (position, negative assertion), keyed by its content."""
    return ID[f"{kind}/{content_hash(*key)}"]
