"""Read RDF from whatever the user has (a pyoxigraph store, an rdflib graph, a file) into
one small index the explorer works on.

Terms become plain Python values: an IRI is its string, a blank node ``"_:" + id``, a
literal a :class:`Lit`. Reading the quads once into dictionaries keeps the rest of the
explorer independent of the RDF library and fast on large stores.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("Armenien", lang="de")))
>>> idx = TripleIndex.from_source(g)
>>> idx.objects("urn:x:a", "urn:x:p")
[Lit(value='Armenien', lang='de', datatype=None)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
import rdflib

from kg.errors import InputError, UsageError
from kg.namespaces import CKG

__all__ = ["TRACKED", "Lit", "Source", "Term", "TripleIndex", "load_file", "quads_of"]


class Lit(NamedTuple):
    """An RDF literal: its lexical value, language tag and datatype IRI."""

    value: str
    lang: str | None
    datatype: str | None


#: An IRI (``str``), a blank node (``"_:id"``) or a literal.
Term = str | Lit

#: What the explorer can read.
Source = ox.Store | rdflib.Graph

_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}


def load_file(path: str | Path) -> ox.Store:
    """Load an RDF file (.trig, .nq, .ttl, .nt, .rdf) into an in-memory store.

    Raises :class:`~kg.errors.UsageError` for an unknown extension and
    :class:`~kg.errors.InputError` (naming the file and the line) when it does not parse.
    """
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_FORMATS))
        raise UsageError(f"{path}: unknown RDF file extension {path.suffix!r} (known: {known})")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as err:
        raise InputError(f"{path}: not valid {fmt.name}: {err.msg}") from None
    return store


def _from_ox(term: object) -> Term:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        lang = term.language
        return Lit(term.value, lang, None if lang else term.datatype.value)
    return str(term)  # DefaultGraph or a quoted triple: not used by the explorer


def _from_rdflib(term: object) -> Term:
    if isinstance(term, rdflib.Literal):
        lang = term.language
        dt = None if lang else str(term.datatype or rdflib.XSD.string)
        return Lit(str(term), lang, dt)
    if isinstance(term, rdflib.BNode):
        return "_:" + str(term)
    return str(term)


def quads_of(source: Source) -> Iterator[tuple[str, str, Term, str | None]]:
    """Every (subject, predicate, object, graph name or None) of ``source``.

    ``source`` is a pyoxigraph ``Store``, or an rdflib ``Dataset``/``Graph``.
    """
    if isinstance(source, ox.Store):
        for q in source.quads_for_pattern(None, None, None, None):
            g = q.graph_name
            gname = None if isinstance(g, ox.DefaultGraph) else str(_from_ox(g))
            yield (
                str(_from_ox(q.subject)),
                str(_from_ox(q.predicate)),
                _from_ox(q.object),
                gname,
            )
    elif isinstance(source, rdflib.Dataset | rdflib.ConjunctiveGraph):
        for s, p, o, ctx in source.quads((None, None, None, None)):
            gid = getattr(ctx, "identifier", ctx)
            gname = (
                None if gid is None or gid == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else str(gid)
            )
            yield str(_from_rdflib(s)), str(p), _from_rdflib(o), gname
    elif isinstance(source, rdflib.Graph):
        gname = None if isinstance(source.identifier, rdflib.BNode) else str(source.identifier)
        for s, p, o in source:
            yield str(_from_rdflib(s)), str(p), _from_rdflib(o), gname
    else:
        raise UsageError(
            f"cannot read RDF from a {type(source).__name__}: "
            "give a pyoxigraph Store or an rdflib Dataset or Graph"
        )


#: Predicates whose triples remember their named graphs: standing facts, whose evidence
#: is the article graph that states them.
TRACKED = frozenset({str(CKG.memberOf), str(CKG.leads)})


class TripleIndex:
    """Triples by subject and predicate, plus the named graphs each subject appears in."""

    def __init__(
        self,
        quads: Iterable[tuple[str, str, Term, str | None]],
        *,
        track: frozenset[str] = TRACKED,
    ) -> None:
        self._sp: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        self._graphs: dict[str, set[str]] = defaultdict(set)
        self._triple_graphs: dict[tuple[str, str, Term], set[str]] = defaultdict(set)
        seen: set[tuple[str, str, Term]] = set()
        for s, p, o, g in quads:
            if g is not None:
                self._graphs[s].add(g)
                if p in track:
                    self._triple_graphs[(s, p, o)].add(g)
            if (s, p, o) in seen:  # the same triple in several named graphs
                continue
            seen.add((s, p, o))
            self._sp[s][p].append(o)
        for preds in self._sp.values():  # deterministic order whatever the source order
            for objs in preds.values():
                objs.sort(key=_sort_key)

    @classmethod
    def from_source(cls, source: Source) -> TripleIndex:
        """Index every quad of ``source`` (see :func:`quads_of`)."""
        return cls(quads_of(source))

    def __len__(self) -> int:
        return len(self._sp)

    def subjects(self) -> list[str]:
        """All subjects, sorted."""
        return sorted(self._sp)

    def predicates(self, s: str) -> dict[str, list[Term]]:
        """The predicate → objects map of ``s`` (empty if ``s`` is not a subject)."""
        return self._sp.get(s, {})

    def objects(self, s: str, p: str) -> list[Term]:
        """The objects of ``s p ?o``, sorted."""
        return self._sp.get(s, {}).get(p, [])

    def first(self, s: str, p: str) -> Term | None:
        """One object of ``s p ?o`` (the smallest), or None."""
        objs = self.objects(s, p)
        return objs[0] if objs else None

    def graphs(self, s: str) -> set[str]:
        """The names of the named graphs in which ``s`` is a subject."""
        return self._graphs.get(s, set())

    def triple_graphs(self, s: str, p: str, o: Term) -> set[str]:
        """The named graphs holding ``s p o`` (only for predicates in ``track``)."""
        return self._triple_graphs.get((s, p, o), set())


def _sort_key(term: Term) -> tuple[int, str, str, str]:
    if isinstance(term, Lit):
        return (1, term.value, term.lang or "", term.datatype or "")
    return (0, term, "", "")
