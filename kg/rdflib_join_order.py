"""Join ordering for rdflib's SPARQL engine, registered as an rdflib ``sparqleval`` plugin.

rdflib orders the triple patterns of a basic graph pattern once, before evaluation, by how
many of their terms are unbound at the start. A pattern such as
``?x (rdfs:label|skos:altLabel) ?name`` then runs before ``?event ?role ?x``, because a
property path counts as bound and the plain pattern has three variables. Matching several
actors of one event by label (the shape of every "who took part" question, and of the
gold-fact queries of the extraction scorer) then enumerates every label in the graph once
per actor: the cost grows with the number of labels to the power of the number of actors
(measured: 3 actors, 80 unrelated labels, 105 s; see ``bench/bench_rdflib_join_order.py``).

This module evaluates a basic graph pattern with the order chosen step by step instead:
at each step it runs the pattern with the fewest unbound terms *given the bindings so far*,
plain patterns before property paths on ties. The solutions are the same — join order
does not change the answer of a BGP — only the work differs.

It is installed through rdflib's documented extension point, the ``rdf.plugins.sparqleval``
entry point group (``pyproject.toml``), so it applies to rdflib queries in an environment
where conflict-kg is installed; parts other than a BGP are left to rdflib.

>>> from rdflib import Graph
>>> g = Graph().parse(data='''
...   @prefix ex: <http://example.org/> .
...   @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
...   ex:e ex:participant ex:a, ex:b .
...   ex:a rdfs:label "Armenien" . ex:b rdfs:label "Aserbaidschan" .
... ''', format="turtle")
>>> q = '''PREFIX ex: <http://example.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
...   SELECT ?e WHERE { ?e ?p ?x . ?x rdfs:label|rdfs:comment ?l . FILTER(?l = "Armenien")
...                     ?e ?q ?y . ?y rdfs:label|rdfs:comment ?m . FILTER(?m = "Aserbaidschan") }'''
>>> [str(r.e) for r in g.query(q)]
['http://example.org/e']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from rdflib.paths import Path

__all__ = ["evaluate_bgp", "order_key"]

_Triple = tuple[Any, Any, Any]


def order_key(ctx: Any, triple: _Triple) -> tuple[int, bool]:
    """How expensive ``triple`` is to run next, given the bindings in ``ctx``.

    The number of unbound terms, one more for a path with both ends unbound (it walks
    the whole graph), and plain patterns before paths on ties.
    """
    s, p, o = (ctx[t] is None for t in triple)
    is_path = isinstance(triple[1], Path)
    return s + p + o + (1 if is_path and s and o else 0), is_path


def _join(ctx: Any, triples: Sequence[_Triple]) -> Iterator[Any]:
    from rdflib.plugins.sparql.sparql import AlreadyBound

    if not triples:
        yield ctx.solution()
        return
    best = min(range(len(triples)), key=lambda i: (order_key(ctx, triples[i]), i))
    s, p, o = triples[best]
    rest = [*triples[:best], *triples[best + 1 :]]
    _s, _p, _o = ctx[s], ctx[p], ctx[o]
    # Same binding rules as rdflib.plugins.sparql.evaluate.evalBGP.
    for ss, sp, so in ctx.graph.triples((_s, _p, _o)):
        c = ctx.push() if None in (_s, _p, _o) else ctx
        try:
            if _s is None:
                c[s] = ss
            if _p is None:
                c[p] = sp
            if _o is None:
                c[o] = so
        except AlreadyBound:
            continue
        yield from _join(c, rest)


def evaluate_bgp(ctx: Any, part: Any) -> Iterator[Any]:
    """rdflib custom evaluation function: basic graph patterns, ordered step by step.

    Raises ``NotImplementedError`` for every other algebra part, as rdflib's protocol for
    custom evaluation functions asks, so rdflib evaluates those itself.
    """
    if part.name != "BGP":
        raise NotImplementedError
    return _join(ctx, list(part.triples))
