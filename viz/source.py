"""Read RDF from whatever the user has (a pyoxigraph store, an rdflib graph, a file) into
one small index the explorer works on.

Terms become plain Python values: an IRI is its string, a blank node ``"_:" + id`` (ids
given by content, see :mod:`viz.blanks`), a literal a :class:`Lit`. Reading the quads
once into dictionaries keeps the rest of the explorer independent of the RDF library.

Speed (this is the explorer's hot loop on a large store): one pass over the store's
quads with terms converted by exact type; plain dicts, a subject looked up once per run
of its quads; object lists sorted only when they have two or more entries; the cyclic
garbage collector paused while the index is built (:mod:`viz.gcpause`).

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("Armenien", lang="de")))
>>> idx = TripleIndex.from_source(g)
>>> idx.objects("urn:x:a", "urn:x:p")
[Lit(value='Armenien', lang='de', datatype=None)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, cast

import pyoxigraph as ox
import rdflib

from kg.errors import InputError, UsageError
from kg.namespaces import CKG, GEO, XSD
from viz.blanks import canonical_blank_labels
from viz.gcpause import gc_paused

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


_OX_IRI, _OX_BNODE, _OX_LITERAL, _OX_DEFAULT = (
    ox.NamedNode,
    ox.BlankNode,
    ox.Literal,
    ox.DefaultGraph,
)
_XSD_STRING = str(XSD.string)


def _from_ox(term: Any) -> Term:
    # Exact type tests, most frequent first: this runs for every term of every quad.
    kind = type(term)
    if kind is _OX_IRI:
        return term.value
    if kind is _OX_LITERAL:
        lang = term.language
        return Lit(term.value, lang, None if lang else term.datatype.value)
    if kind is _OX_BNODE:
        return "_:" + term.value
    return str(term)  # DefaultGraph or a quoted triple: not used by the explorer


def _from_rdflib(term: Any) -> Term:
    if isinstance(term, rdflib.Literal):
        lang = term.language
        return Lit(str(term), lang, None if lang else str(term.datatype or _XSD_STRING))
    if isinstance(term, rdflib.BNode):
        return "_:" + str(term)
    return str(term)


def _ox_quads(store: ox.Store) -> Iterator[tuple[str, str, Term, str | None]]:
    # The common cases (IRI, literal, named graph) inline: this runs once per quad.
    iri, literal, default, convert = _OX_IRI, _OX_LITERAL, _OX_DEFAULT, _from_ox
    for s, p, o, g in store.quads_for_pattern(None, None, None, None):
        kind = type(o)
        if kind is iri:
            obj: Term = o.value
        elif kind is literal:
            lang = o.language
            obj = Lit(o.value, lang, None if lang else o.datatype.value)
        else:
            obj = convert(o)
        kind = type(g)
        yield (
            s.value if type(s) is iri else str(convert(s)),
            p.value,
            obj,
            g.value if kind is iri else None if kind is default else str(convert(g)),
        )


def _rdflib_term_converter() -> Callable[[Any], Term]:
    """``_from_rdflib`` with IRIs shortcut by exact type (the common case)."""
    uri = rdflib.URIRef

    def convert(term: Any) -> Term:
        return str(term) if type(term) is uri else _from_rdflib(term)

    return convert


def _rdflib_dataset_quads(
    source: rdflib.Dataset | rdflib.ConjunctiveGraph,
) -> Iterator[tuple[str, str, Term, str | None]]:
    # Graph by graph: the graph name is converted once, and the store is asked for
    # triples of one context, which it answers without looking up every triple's contexts.
    convert = _rdflib_term_converter()
    for ctx in source.store.contexts():  # (Dataset.graphs() would add a default graph)
        gid = getattr(ctx, "identifier", ctx)
        gname = None if gid is None or gid == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else str(gid)
        for (s, p, o), _ in source.store.triples((None, None, None), context=ctx):
            yield str(convert(s)), str(p), convert(o), gname


def quads_of(source: Source) -> Iterator[tuple[str, str, Term, str | None]]:
    """Every (subject, predicate, object, graph name or None) of ``source``.

    ``source`` is a pyoxigraph ``Store``, or an rdflib ``Dataset``/``Graph``.
    """
    if isinstance(source, ox.Store):
        yield from _ox_quads(source)
    elif isinstance(source, rdflib.Dataset | rdflib.ConjunctiveGraph):
        yield from _rdflib_dataset_quads(source)
    elif isinstance(source, rdflib.Graph):
        gname = None if isinstance(source.identifier, rdflib.BNode) else str(source.identifier)
        convert = _rdflib_term_converter()
        for s, p, o in source:
            yield str(convert(s)), str(p), convert(o), gname
    else:
        raise UsageError(
            f"cannot read RDF from a {type(source).__name__}: "
            "give a pyoxigraph Store or an rdflib Dataset or Graph"
        )


#: Predicates whose triples remember their named graphs: standing facts, whose evidence
#: is the article graph that states them, and coordinates, whose latitude and longitude
#: must come from the same source.
TRACKED = frozenset({str(CKG.memberOf), str(CKG.leads), str(GEO.lat), str(GEO.long)})


class TripleIndex:
    """Triples by subject and predicate, plus the named graphs each subject appears in.

    Blank nodes get labels from what they say (``_:b0``, ``_:b1``... in the order of
    their triples, graphs and referrers), not from the parser, so that the same data
    gives the same output whatever store or parse it comes from.
    """

    def __init__(
        self,
        quads: Iterable[tuple[str, str, Term, str | None]],
        *,
        track: frozenset[str] = TRACKED,
    ) -> None:
        with gc_paused():
            self._build(quads, track)

    def _build(
        self, quads: Iterable[tuple[str, str, Term, str | None]], track: frozenset[str]
    ) -> None:
        # Plain dicts and local names: this loop runs once per quad of the store.
        sp: dict[str, dict[str, list[Term]]] = {}
        graphs: dict[str, set[str]] = {}
        triple_graphs: dict[tuple[str, str, Term], set[str]] = {}
        blank_refs: list[tuple[str, str]] = []  # (s, p) of the triples whose object is blank
        # Stores give a subject's quads together: look its entries up once per run.
        last_s: str | None = None
        last_g: str | None = None
        preds: dict[str, list[Term]] = {}
        for s, p, o, g in quads:
            if s != last_s:
                last_s, last_g = s, None
                found = sp.get(s)
                preds = sp[s] = {} if found is None else found
            objs = preds.get(p)
            if objs is None:
                preds[p] = [o]
            else:
                objs.append(o)
            if type(o) is str and o.startswith("_:"):
                blank_refs.append((s, p))
            if g is not None:
                if g != last_g:
                    last_g = g
                    gs = graphs.get(s)
                    if gs is None:
                        graphs[s] = {g}
                    else:
                        gs.add(g)
                if p in track:
                    tg = triple_graphs.get((s, p, o))
                    if tg is None:
                        triple_graphs[(s, p, o)] = {g}
                    else:
                        tg.add(g)
        for preds in sp.values():  # deterministic order whatever the source order
            for p, objs in preds.items():
                if len(objs) > 1:  # also drops a triple repeated in several graphs
                    preds[p] = _sorted_unique(objs)
        self._sp = sp
        self._graphs = graphs
        self._triple_graphs = triple_graphs
        if blank_refs or any(s[:2] == "_:" for s in sp):
            self._relabel_blanks(blank_refs)

    def _relabel_blanks(self, blank_refs: list[tuple[str, str]]) -> None:
        sp, graphs = self._sp, self._graphs
        refs = sorted(set(blank_refs))
        new = canonical_blank_labels(sp, graphs, refs, key=_sort_key)

        def rename(term: Term) -> Term:
            return new.get(term, term) if isinstance(term, str) else term

        def rename_iri(term: str) -> str:
            return new.get(term, term)

        moved = {b: sp.pop(b) for b in new if b in sp}
        sp.update((new[b], preds) for b, preds in moved.items())
        moved_graphs = {b: graphs.pop(b) for b in new if b in graphs}
        graphs.update((new[b], gs) for b, gs in moved_graphs.items())
        for s, p in refs:
            objs = sp[rename_iri(s)][p]
            objs[:] = _sorted_unique([rename(o) for o in objs])
        tg = self._triple_graphs
        for key in [k for k in tg if k[0] in new or k[2] in new]:
            s, p, o = key
            tg.setdefault((rename_iri(s), p, rename(o)), set()).update(tg.pop(key))

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


def _sorted_unique(terms: list[Term]) -> list[Term]:
    """``terms`` without repeats, in :func:`_sort_key` order."""
    unique = set(terms)
    if all(type(t) is str for t in unique):
        return sorted(cast(set[str], unique))  # IRIs: the same order, faster
    return sorted(unique, key=_sort_key)
