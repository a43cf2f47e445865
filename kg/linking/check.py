"""Contradictions across sources (``ckg check``), each naming both sources.

Rules:

* **membership** — ``?x ckg:memberOf ?org`` in one graph and an
  ``owl:NegativePropertyAssertion`` denying it in another (SPARQL finds the pair; HermiT,
  through :func:`kg.ontology.check_consistency`, confirms the two statements are
  inconsistent under OWL semantics when Java is available);
* **office** — one person holding two incompatible offices at once
  (``kg/data/linking/incompatible-offices.tsv``: e.g. president of two different states,
  president and prime minister of the same state), "at once" meaning stated in sources
  dated within ``window_days`` of each other (undated sources count as concurrent);
* **before-start** — an event ``ckg:partOf`` a conflict and dated (entirely) before the
  conflict's ``ckg:startDate`` as another (or the same) source gives it.

>>> import pyoxigraph as ox
>>> check_store(ox.Store(), reasoner=False)
[]
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
import rdflib

from kg.errors import CkgError
from kg.linking.features import DateSpan
from kg.linking.importers.common import _read_table
from kg.linking.store_io import nn
from kg.namespaces import CKG, DCTERMS, OWL, ROLE, sparql_prefixes
from kg.resources import data_dir

__all__ = ["Conflict", "check_store"]


@dataclass(frozen=True, order=True)
class Conflict:
    """One contradiction: its rule, a one-line explanation, and the two sources."""

    kind: str
    message: str
    source1: str
    source2: str
    confirmed_by: str = "SPARQL rule"


def _v(term: object) -> str:
    return str(getattr(term, "value", term))


def _membership(store: ox.Store) -> list[tuple[str, str, str, str, str]]:
    q = (
        sparql_prefixes()
        + """
SELECT DISTINCT ?g1 ?g2 ?x ?org ?npa WHERE {
  GRAPH ?g1 { ?x ckg:memberOf ?org }
  GRAPH ?g2 { ?npa owl:sourceIndividual ?x ; owl:assertionProperty ckg:memberOf ;
              owl:targetIndividual ?org }
} ORDER BY ?x ?org ?g1 ?g2"""
    )
    return [tuple(_v(r[k]) for k in ("g1", "g2", "x", "org", "npa")) for r in store.query(q)]  # type: ignore[misc, union-attr]


def _hermit(x: str, org: str) -> str:
    """'HermiT' if HermiT finds the two statements inconsistent, else why not confirmed."""
    from kg.ontology import check_consistency

    g = rdflib.Graph()
    xs, os_, npa = rdflib.URIRef(x), rdflib.URIRef(org), rdflib.URIRef(f"{x}#npa")
    g.add((xs, CKG.memberOf, os_))
    g.add((npa, rdflib.RDF.type, OWL.NegativePropertyAssertion))
    g.add((npa, OWL.sourceIndividual, xs))
    g.add((npa, OWL.assertionProperty, CKG.memberOf))
    g.add((npa, OWL.targetIndividual, os_))
    try:
        result = check_consistency(g)
    except CkgError as err:
        return f"SPARQL rule (HermiT not run: {err})"
    return "HermiT (inconsistent)" if not result.consistent else "SPARQL rule (HermiT: consistent?)"


def _source_dates(store: ox.Store) -> dict[str, DateSpan]:
    out = {}
    for q in store.quads_for_pattern(None, nn(DCTERMS.date), None, None):
        if _v(q.subject) == _v(q.graph_name):
            span = DateSpan.parse(_v(q.object))
            if span:
                out[_v(q.graph_name)] = span
    return out


def _offices(store: ox.Store, window_days: int) -> list[Conflict]:
    rules = [
        (r[0].strip(), r[1].strip(), r[2].strip(), r[3].strip())
        for r in _read_table(data_dir() / "linking" / "incompatible-offices.tsv", 4)
    ]
    q = (
        sparql_prefixes()
        + """
SELECT DISTINCT ?g ?holder ?role ?of WHERE {
  GRAPH ?g { ?p ckg:holder ?holder ; ckg:role ?role ; ckg:of ?of }
} ORDER BY ?holder ?g ?role ?of"""
    )
    rows = [tuple(_v(r[k]) for k in ("g", "holder", "role", "of")) for r in store.query(q)]  # type: ignore[union-attr]
    dates = _source_dates(store)
    found: set[Conflict] = set()
    by_holder: dict[str, list[tuple[str, ...]]] = {}
    for row in rows:
        by_holder.setdefault(row[1], []).append(row)
    for holder, positions in by_holder.items():
        for i, (g1, _, r1, of1) in enumerate(positions):
            for g2, _, r2, of2 in positions[i:]:
                d1, d2 = dates.get(g1), dates.get(g2)
                if d1 and d2 and abs((d1.start - d2.start).days) > window_days:
                    continue
                for ra, rb, same, why in rules:
                    a, b = str(ROLE[ra]), str(ROLE[rb])
                    if {r1, r2} != {a, b} and not (r1 == a and r2 == b):
                        continue
                    if (same == "same") != (of1 == of2):
                        continue
                    if r1 == r2 and of1 == of2:
                        continue
                    s1, s2 = sorted((g1, g2))
                    found.add(
                        Conflict(
                            "office",
                            f"{holder}: {why} ({r1.rsplit('/', 1)[-1]} of {of1}; "
                            f"{r2.rsplit('/', 1)[-1]} of {of2})",
                            s1,
                            s2,
                        )
                    )
    return sorted(found)


def _before_start(store: ox.Store) -> list[Conflict]:
    q = (
        sparql_prefixes()
        + """
SELECT DISTINCT ?g1 ?g2 ?e ?date ?c ?start WHERE {
  GRAPH ?g1 { ?e ckg:partOf ?c ; ckg:date ?date }
  GRAPH ?g2 { ?c ckg:startDate ?start }
} ORDER BY ?e ?g2"""
    )
    out = []
    for r in store.query(q):  # type: ignore[union-attr]
        g1, g2, e, d, c, s = (_v(r[k]) for k in ("g1", "g2", "e", "date", "c", "start"))
        ed, sd = DateSpan.parse(d), DateSpan.parse(s)
        if ed and sd and ed.end < sd.start:
            out.append(Conflict("before-start", f"{e} dated {d}, before {c} began ({s})", g1, g2))
    return out


def check_store(store: ox.Store, *, reasoner: bool = True, window_days: int = 60) -> list[Conflict]:
    """Every contradiction the rules find, sorted. ``reasoner=False`` skips HermiT."""
    conflicts: list[Conflict] = []
    confirmed: dict[tuple[str, str], str] = {}
    for g1, g2, x, org, _npa in _membership(store):
        if (x, org) not in confirmed:
            confirmed[(x, org)] = _hermit(x, org) if reasoner else "SPARQL rule"
        msg = f"{x} ckg:memberOf {org} is stated in {g1} and denied in {g2}"
        conflicts.append(Conflict("membership", msg, g1, g2, confirmed[(x, org)]))
    conflicts += _offices(store, window_days)
    conflicts += _before_start(store)
    return sorted(conflicts)
