"""Deterministic labels for blank nodes, from what they say rather than from the parser.

Parsers and stores invent blank-node labels afresh on every load, so ordering by label
(subjects are read in sorted order) would change the explorer's output from one run to
the next. Here each blank node is labelled by its rank in the order of its signature:
its own triples and named graphs, and the (subject, predicate) pairs that point to it,
with every other blank node in them written as ``_:``. Blank nodes with the same
signature say the same thing one level deep, so their order does not change the picture.

>>> sp = {"_:x9": {"urn:p": ["urn:b"]}, "_:a1": {"urn:p": ["urn:a"]}}
>>> canonical_blank_labels(sp, {}, [], key=lambda t: (0, t))
{'_:a1': '_:b0', '_:x9': '_:b1'}
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

__all__ = ["canonical_blank_labels"]


def _is_blank(term: object) -> bool:
    return isinstance(term, str) and term.startswith("_:")


def canonical_blank_labels(
    sp: Mapping[str, Mapping[str, Sequence[Any]]],
    graphs: Mapping[str, set[str]],
    refs: Sequence[tuple[str, str]],
    *,
    key: Callable[[Any], Hashable],
) -> dict[str, str]:
    """Old label → ``_:b<rank>`` for every blank node subject of ``sp`` or object at ``refs``.

    ``sp`` maps subject → predicate → objects; ``graphs`` subject → named graphs; ``refs``
    lists the (subject, predicate) pairs whose objects include blank nodes; ``key`` orders
    objects (IRIs and literals).
    """
    blanks = {s for s in sp if _is_blank(s)}
    incoming: dict[str, list[tuple[str, str]]] = {}
    for s, p in refs:
        for o in sp[s][p]:
            if _is_blank(o):
                blanks.add(o)
                incoming.setdefault(o, []).append(("_:" if _is_blank(s) else s, p))

    def anon(term: Any) -> Any:
        return "_:" if _is_blank(term) else term

    def signature(b: str) -> tuple[list[Any], list[str], list[tuple[str, str]]]:
        said = sorted((p, key(anon(o))) for p, objs in sp.get(b, {}).items() for o in objs)
        return said, sorted(graphs.get(b, ())), sorted(incoming.get(b, []))

    ordered = sorted(blanks, key=signature)
    width = len(str(max(len(ordered) - 1, 0)))
    return {b: f"_:b{rank:0{width}d}" for rank, b in enumerate(ordered)}
