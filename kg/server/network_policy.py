"""Keep queries off the network: refuse ``SERVICE`` (and ``LOAD``) unless allow-listed.

pyoxigraph evaluates ``SERVICE <url> { … }`` by fetching ``url``, and an update's
``LOAD <url>`` the same way, from the server's own network position. The endpoint
therefore refuses every operation that could name such a call, before it reaches a
worker, unless each target is a literal absolute IRI on the operator's allow-list
(``ckg serve --allow-service URL``).

The check reads the text the way SPARQL's lexer does: string literals, IRIs, comments,
variables and prefixed names are set aside, and a ``service`` or ``load`` left in what
remains counts, whatever its case and whatever stands before it (``.SERVICE``,
``}SERVICE``, ``1SERVICE``). Where the lexer could disagree with this reading, it
errs towards refusing: a ``<`` that may be a less-than sign rather than an IRI hides
nothing after a ``)``, a comment ends at the first line break of either kind, and
``\\uXXXX`` escapes are checked both as written and decoded. A query that merely
mentions the word (``?service``, ``ex:service``, ``"service"``, ``<http://x/service>``)
is answered as usual.

>>> check_network_access("SELECT ?service { ?service a <http://e/Service> }")
>>> check_network_access("SELECT * { SERVICE <http://127.0.0.1:9/admin> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.server.sparql_protocol.ProtocolError: SERVICE is refused: ...
>>> check_network_access(
...     "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
...     allowed=("https://query.wikidata.org/sparql",),
... )
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.server.sparql_protocol import ProtocolError

__all__ = ["check_network_access", "network_calls"]

# One SPARQL token of the kinds that hide words: strings (long forms first), IRIs,
# comments (ending at CR or LF), variables and prefixed names (whose local part may
# hold backslash escapes such as \' or \#). Everything else is code, read word by word.
_TOKEN = re.compile(
    r"""(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\""""
    r"""|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")"""
    r"""|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
    r"""|(?P<comment>\#[^\n\r]*)"""
    r"""|(?P<var>[?$]\w+)"""
    r"""|(?P<pname>[\w.\-]*:(?:[\w.\-:%]|\\[^\s])*)"""
    r"""|(?P<word>\w+)""",
    re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_CALLS = ("service", "load")


def _decode_escapes(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _ESCAPE.sub(one, text)


def network_calls(text: str) -> list[tuple[str, str | None]]:
    """Each ``SERVICE``/``LOAD`` in ``text`` with its target IRI (None if not a plain IRI).

    >>> network_calls("SELECT * { ?s ?p ?o .SERVICE SILENT <http://a/> {} }")
    [('service', 'http://a/')]
    >>> network_calls("SELECT * { FILTER(1<2)SERVICE#>\\n<http://a/> {} }")  # no plain target
    [('service', None)]
    >>> network_calls("LOAD <http://a/x.ttl> INTO GRAPH <http://g>")
    [('load', 'http://a/x.ttl')]
    >>> network_calls("SELECT ?service { ?service ex:load 'SERVICE' } # service")
    []
    """
    calls: list[tuple[str, str | None]] = []
    for variant in dict.fromkeys((text, _decode_escapes(text))):
        tokens = [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(variant)]
        for i, (kind, value) in enumerate(tokens):
            lowered = value.lower()
            if kind == "iri" and ")" in value:
                # Maybe "?a<1)SERVICE#>": a less-than sign, not an IRI. Refuse any call in it.
                after = lowered[lowered.index(")") :]
                calls += [(name, None) for name in _CALLS if name in after]
            if kind != "word" or not any(name in lowered for name in _CALLS):
                continue
            name = next(n for n in _CALLS if n in lowered)
            rest = tokens[i + 1 : i + 3]
            if rest and rest[0][1].lower() == "silent":
                rest = rest[1:]
            target = None
            if lowered == name and rest and rest[0][0] == "iri" and ")" not in rest[0][1]:
                target = rest[0][1][1:-1]
            calls.append((name, target))
    return calls


def check_network_access(text: str, *, allowed: Iterable[str] = ()) -> None:
    """Raise :class:`ProtocolError` (400) unless every network call goes to ``allowed``."""
    permitted = set(allowed)
    for name, target in network_calls(text):
        if target is not None and target in permitted:
            continue
        keyword = name.upper()
        if not permitted:
            raise ProtocolError(
                400,
                f"{keyword} is refused: this endpoint makes no network requests for a query "
                f"(the operator can allow federated queries with --allow-service URL)",
            )
        shown = f"<{target}>" if target else "a target that is not a literal absolute IRI"
        raise ProtocolError(
            400,
            f"{keyword} is refused for {shown}: allowed are only "
            + ", ".join(f"<{url}>" for url in sorted(permitted)),
        )
