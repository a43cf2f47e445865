"""The articles a store holds: list them, and find one by any name a user gives it.

An article's graph is named by the article's IRI (:func:`kg.iris.article_iri`) and holds
the article node (``ckg:Article``) with its identifier, title and date.

>>> store = ox.Store()
>>> article_graphs(store)
[]
>>> find_article(store, "x.txt")
Traceback (most recent call last):
    ...
kg.errors.UsageError: no article 'x.txt' in the store (see 'ckg articles')
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from kg.errors import UsageError
from kg.iris import article_iri
from kg.namespaces import CKG, DCTERMS, ID
from kg.store.terms import to_rdflib

__all__ = ["article_graphs", "find_article"]


def article_graphs(store: ox.Store) -> list[dict[str, Node | None]]:
    """The articles in the store: graph IRI, identifier, title, date, sorted by IRI."""
    rows = store.query(
        f"""SELECT ?g ?id ?title ?date WHERE {{
          GRAPH ?g {{ ?g a <{CKG.Article}> .
            OPTIONAL {{ ?g <{DCTERMS.identifier}> ?id }}
            OPTIONAL {{ ?g <{DCTERMS.title}> ?title }}
            OPTIONAL {{ ?g <{DCTERMS.date}> ?date }} }} }} ORDER BY ?g"""
    )
    return [
        {k: (None if row[k] is None else to_rdflib(row[k])) for k in ("g", "id", "title", "date")}
        for row in rows  # type: ignore[union-attr]
    ]


def find_article(store: ox.Store, ref: str) -> URIRef:
    """The graph IRI of an article named by its identifier, slug, ``id:article/...`` or IRI.

    An unknown article is a :class:`~kg.errors.UsageError`.
    """
    candidates: list[str] = []
    text = ref.strip()
    if text.startswith("<") and text.endswith(">"):
        candidates.append(text[1:-1])
    elif text.startswith(("http://", "https://")):
        candidates.append(text)
    elif text.startswith("id:"):
        candidates.append(str(ID) + text[3:])
    candidates.append(str(article_iri(text)))
    for iri in candidates:
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            continue
        if store.contains_named_graph(node):
            return URIRef(iri)
    for row in article_graphs(store):
        if row["id"] is not None and str(row["id"]) == text:
            return URIRef(str(row["g"]))
    raise UsageError(f"no article {ref!r} in the store (see 'ckg articles')")
