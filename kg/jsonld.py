"""JSON-LD with a context of the project's prefixes: compact IRIs instead of full ones.

pyoxigraph writes expanded JSON-LD (every IRI in full). :func:`compact_jsonld` puts the
prefixes of :data:`kg.namespaces.PREFIXES` into an ``@context`` and writes each IRI that
starts with one of them as a compact IRI (``ckg:Meeting``, ``id:entity/armenia``), in keys,
``@id`` and ``@type`` values (datatypes too: ``xsd:date``); ``rdf:type`` becomes ``@type``.
Literal values are left as they are. The result means exactly the same graphs (any JSON-LD
1.1 processor, pyoxigraph and rdflib included, expands it back), and the same input gives
the same bytes.

>>> expanded = [{"@id": "https://w3id.org/conflict-kg/id/entity/armenia",
...     "http://www.w3.org/1999/02/22-rdf-syntax-ns#type":
...         [{"@id": "https://w3id.org/conflict-kg/ontology#State"}],
...     "http://www.w3.org/2000/01/rdf-schema#label": [{"@value": "Armenien", "@language": "de"}]}]
>>> doc = compact_jsonld(expanded)
>>> doc["@graph"][0]["@id"], doc["@graph"][0]["@type"], list(doc["@graph"][0])
('id:entity/armenia', ['ckg:State'], ['@id', '@type', 'rdfs:label'])
>>> doc["@context"]["ckg"]
'https://w3id.org/conflict-kg/ontology#'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from kg.namespaces import PREFIXES, RDF

__all__ = ["compact_iri", "compact_jsonld", "jsonld_context", "jsonld_from_expanded"]

_RDF_TYPE = str(RDF.type)
# A suffix that would make ``prefix:suffix`` read as something else: an absolute IRI
# ("//host"), or a character JSON-LD or IRIs do not allow unescaped.
_UNSAFE_SUFFIX = re.compile(r"^//|[\s<>\"{}|\\^`]")


def jsonld_context(prefixes: Mapping[str, str] = PREFIXES) -> dict[str, str]:
    """The ``@context``: one term per prefix, in the project's order."""
    return dict(prefixes)


def compact_iri(iri: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """``iri`` as ``prefix:suffix`` with the longest matching prefix, else unchanged.

    >>> compact_iri("https://w3id.org/conflict-kg/id/role/president")
    'role:president'
    >>> compact_iri("https://example.org/x")
    'https://example.org/x'
    """
    best = max(
        (p for p, ns in prefixes.items() if iri.startswith(ns)),
        key=lambda p: len(prefixes[p]),
        default=None,
    )
    if best is None:
        return iri
    suffix = iri[len(prefixes[best]) :]
    return iri if _UNSAFE_SUFFIX.search(suffix) else f"{best}:{suffix}"


def _node(obj: Any, prefixes: Mapping[str, str]) -> Any:
    """One expanded JSON-LD value compacted (node objects recursively, literals as given)."""
    if isinstance(obj, list):
        return [_node(x, prefixes) for x in obj]
    if not isinstance(obj, dict):
        return obj
    if "@value" in obj:  # a literal: only its datatype is an IRI
        if "@type" in obj:
            return {**obj, "@type": compact_iri(obj["@type"], prefixes)}
        return obj
    out: dict[str, Any] = {}
    for key, value in obj.items():
        if key == "@id":
            out[key] = value if value.startswith("_:") else compact_iri(value, prefixes)
        elif key == "@type":
            out[key] = out.get(key, []) + [compact_iri(t, prefixes) for t in value]
        elif key == _RDF_TYPE and all(
            isinstance(v, dict) and "@id" in v and not v["@id"].startswith("_:") for v in value
        ):
            # @type is what JSON-LD users look for; a blank-node class stays rdf:type
            types = [compact_iri(v["@id"], prefixes) for v in value]
            out["@type"] = out.get("@type", []) + types
        elif key.startswith("@"):
            out[key] = _node(value, prefixes)
        else:
            out[compact_iri(key, prefixes)] = _node(value, prefixes)
    return out


def compact_jsonld(
    expanded: list[dict[str, Any]], prefixes: Mapping[str, str] = PREFIXES
) -> dict[str, Any]:
    """An expanded JSON-LD document (a list of node or graph objects) with a context of
    ``prefixes`` and compact IRIs, as one ``{"@context": …, "@graph": […]}`` object."""
    return {"@context": jsonld_context(prefixes), "@graph": _node(expanded, prefixes)}


def jsonld_from_expanded(data: bytes, prefixes: Mapping[str, str] = PREFIXES) -> bytes:
    """pyoxigraph's expanded JSON-LD bytes, compacted (see :func:`compact_jsonld`)."""
    doc = compact_jsonld(json.loads(data), prefixes)
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
