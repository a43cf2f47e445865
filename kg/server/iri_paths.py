"""Where each project IRI lives on ``ckg serve``: ``https://w3id.org/conflict-kg/X`` at ``/X``.

The project mints its IRIs under :data:`BASE` (entities, events, articles, mentions,
positions under ``id/``; the ontology at ``ontology``, its terms as ``ontology#Term``; the
CAMEO and PLOVER schemes under ``cameo`` and ``plover``). A publisher registers redirect
rules at w3id.org that send ``BASE + X`` to ``https://their-host/X`` (README, "Resolvable
IRIs"), so the server maps a request path back to the IRI by putting :data:`BASE` in
front, and links to other IRIs by taking it off: pages link to each other on whatever
host serves them.

Non-ASCII characters travel percent-encoded as UTF-8 (RFC 3987, 3.1); ASCII escapes stay
as they are, since ``%20`` in an IRI is part of that IRI.

>>> iri_for_path("/id/entity/armenia")
'https://w3id.org/conflict-kg/id/entity/armenia'
>>> path_for_iri("https://w3id.org/conflict-kg/ontology#Meeting")
'/ontology#Meeting'
>>> iri_for_path("/id/entity/m%C3%BCnchen"), path_for_iri(BASE + "id/entity/münchen")
('https://w3id.org/conflict-kg/id/entity/münchen', '/id/entity/m%C3%BCnchen')
>>> iri_for_path("/static/page.css") is None, iri_for_path("/id/a b") is None
(True, True)
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

import pyoxigraph as ox

__all__ = ["BASE", "iri_for_path", "is_resource_path", "path_for_iri"]

#: The namespace every IRI the project mints starts with.
BASE = "https://w3id.org/conflict-kg/"

# The first path segments that hold project IRIs; anything else is not looked up, so a
# stray request (/favicon.ico) costs no worker.
_SEGMENTS = frozenset({"id", "ontology", "cameo", "plover"})
# Longer than any IRI the project mints by far; a bound on what is looked up.
_MAX_PATH = 2048
# A run of percent-escaped bytes >= 0x80: the UTF-8 encoding of non-ASCII characters.
_HIGH_ESCAPES = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")


def is_resource_path(path: str) -> bool:
    """Whether ``path`` is where a project IRI would be served (``/id/...``, ``/ontology``...).

    >>> is_resource_path("/id/entity/armenia"), is_resource_path("/ontology")
    (True, True)
    >>> is_resource_path("/sparql"), is_resource_path("/identity")
    (False, False)
    """
    first = path[1:].split("/", 1)[0]
    return path.startswith("/") and first in _SEGMENTS


def _decode_non_ascii(text: str) -> str:
    def decode(match: re.Match[str]) -> str:
        try:
            return unquote(match.group(), errors="strict")
        except UnicodeDecodeError:
            return match.group()  # not UTF-8: leave the escapes, the lookup finds nothing

    return _HIGH_ESCAPES.sub(decode, text)


def iri_for_path(path: str) -> str | None:
    """The IRI served at ``path``, or None when the path cannot name one."""
    if len(path) > _MAX_PATH or not is_resource_path(path):
        return None
    iri = BASE + _decode_non_ascii(path[1:])
    try:
        ox.NamedNode(iri)  # the same IRI syntax the store holds
    except ValueError:
        return None
    return iri


def path_for_iri(iri: str) -> str | None:
    """The local path (with its fragment) that serves ``iri``, or None outside :data:`BASE`."""
    if not iri.startswith(BASE):
        return None
    rest = iri[len(BASE) :]
    if rest.split("/", 1)[0].split("#", 1)[0] not in _SEGMENTS:
        return None
    return "/" + "".join(c if ord(c) < 128 else quote(c, safe="") for c in rest)
