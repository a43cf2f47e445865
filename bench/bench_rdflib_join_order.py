"""Benchmark: rdflib's own BGP order vs conflict-kg's step-by-step join order.

The query matches three actors of one event by label — the shape of the extraction
scorer's gold-fact queries and of any "who took part" question over an rdflib graph.
Unrelated label triples are added to the graph; stock rdflib's time grows with their
number cubed, the plugin's does not.

    python bench/bench_rdflib_join_order.py [--labels 10 20 40 80] [--cap 120]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import time

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.plugins.sparql import CUSTOM_EVALS

DATA = """@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ckg:participant rdfs:subPropertyOf ckg:hasActor . ckg:Meeting rdfs:subClassOf ckg:Event .
<http://x/e1> a ckg:Meeting ; ckg:participant <http://x/a>, <http://x/b>, <http://x/c> .
<http://x/a> rdfs:label "Bayramow" . <http://x/b> rdfs:label "Mnazakanjan" .
<http://x/c> rdfs:label "Lawrow" ."""
LABEL = "(rdfs:label|skos:prefLabel|skos:altLabel)"
QUERY = f"""PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?e WHERE {{ ?e a/rdfs:subClassOf* ckg:Meeting .
  ?e ?p1 ?x1 . ?p1 rdfs:subPropertyOf* ckg:hasActor .
  ?x1 {LABEL} ?l1 . FILTER(REGEX(?l1, "bayram", "i"))
  ?e ?p2 ?x2 . ?p2 rdfs:subPropertyOf* ckg:hasActor .
  ?x2 {LABEL} ?l2 . FILTER(REGEX(?l2, "mnaza", "i"))
  ?e ?p3 ?x3 . ?p3 rdfs:subPropertyOf* ckg:hasActor .
  ?x3 {LABEL} ?l3 . FILTER(REGEX(?l3, "lawrow", "i"))
}}"""


def run(labels: int, stock: bool, out: mp.Queue) -> None:
    if stock:
        CUSTOM_EVALS.pop("conflict_kg_join_order", None)
    g = Graph().parse(data=DATA, format="turtle")
    for i in range(labels):
        g.add((URIRef(f"http://x/other{i}"), RDFS.label, Literal(f"Name {i}")))
    t = time.perf_counter()
    n = len(list(g.query(QUERY)))
    out.put((time.perf_counter() - t, n))


def timed(labels: int, stock: bool, cap: float) -> str:
    q: mp.Queue = mp.Queue()
    p = mp.Process(target=run, args=(labels, stock, q))
    p.start()
    p.join(cap)
    if p.is_alive():
        p.kill()
        return f"> {cap:.0f} s"
    seconds, rows = q.get()
    assert rows == 1
    return f"{seconds:.3f} s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=int, nargs="+", default=[10, 20, 40, 80])
    ap.add_argument("--cap", type=float, default=120.0, help="seconds before a run is stopped")
    args = ap.parse_args()
    print(f"{'labels':>7} {'rdflib':>12} {'conflict-kg':>12}")
    for n in args.labels:
        print(f"{n:>7} {timed(n, True, args.cap):>12} {timed(n, False, args.cap):>12}", flush=True)


if __name__ == "__main__":
    main()
