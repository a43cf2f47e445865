"""Benchmark: the store's loader and saved queries vs a bare pyoxigraph bulk load and rdflib.

Generates a synthetic graph of N triples (default 1,000,000) shaped like real extraction
output: one named graph per article, each with the article node, sentence mentions with
offsets, events of the contract's classes with roles, dates, confidence and provenance,
standing facts (memberships, non-memberships as blank nodes, positions), and entity labels;
plus the real ontology and reference graphs. Then measures, in one run:

- ingest rate (triples/s): this project's writer (``kg.writer.GraphWriter``, one unit
  per article, as ``ckg ingest`` writes) vs a bare ``Store.bulk_load`` of the same N-Quads
  vs rdflib's in-memory ``Dataset`` parse;
- each saved query's median latency (with its documented example parameters; rows are
  triples for a CONSTRUCT) as the endpoint answers (pyoxigraph evaluates and serialises
  SPARQL JSON) and through the Python API ``kg.query.run_query`` (rows as rdflib terms),
  vs the same query text on the rdflib Dataset (rdflib runs in a forked child with a
  time cap; "> N s" when exceeded). rdflib runs without this project's join-order
  plugin (``--rdflib-join-order`` keeps it).

Usage: python bench/bench_store.py [--triples N] [--repeat R] [--rdflib-cap SECONDS]
       [--skip-rdflib] [--queries NAME ...] [--rdflib-join-order]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset
from rdflib.plugins.sparql import CUSTOM_EVALS

from kg.namespaces import ONTOLOGY_GRAPH, PREFIXES
from kg.query import load_saved_query, prepare_query, run_query, saved_queries, with_prefixes
from kg.store import open_store, to_rdflib
from kg.writer import GraphWriter

CKG = PREFIXES["ckg"]
ID = PREFIXES["id"]
XSD = PREFIXES["xsd"]
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
DCT = PREFIXES["dcterms"]
PROV_DERIVED = f"<{PREFIXES['prov']}wasDerivedFrom>"
OWL = PREFIXES["owl"]

EVENT_CLASSES = [
    "Meeting", "Negotiation", "PhoneCall", "Statement", "Demand", "CeasefireDemand",
    "MediationOffer", "Mediation", "Agreement", "CeasefireAgreement", "Endorsement",
    "Accusation", "Rejection", "Deployment", "MilitaryAction", "Protest",
]  # fmt: skip
ROLES = ["agent", "addressee", "participant", "mediator"]
NAMED = [
    "armenia", "azerbaijan", "russia", "united-states", "vladimir-putin", "csto",
    "osce-minsk-group", "african-union", "ethiopia", "tplf", "france", "turkey",
]  # fmt: skip
CONFLICTS = ["nagorno-karabakh-conflict", "tigray-war"] + [f"conflict-{i}" for i in range(40)]
ROLE_CONCEPTS = ["president", "prime-minister", "foreign-minister", "secretary-general"]


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def synthetic_nquads(target: int, seed: int = 42) -> tuple[bytes, int, int]:
    """(N-Quads bytes, triples, articles) of about ``target`` triples."""
    lines: list[str] = []
    articles = 0
    for chunk in synthetic_articles(target, seed=seed):
        lines += chunk
        articles += 1
    return "".join(lines).encode("utf-8"), len(lines), articles


def synthetic_articles(target: int, *, seed: int = 42) -> Iterator[list[str]]:
    """The N-Quads lines of ``synthetic_nquads``, one article at a time (for graphs too large
    to hold in memory: ``bench/bench_queries_scale.py`` writes them to a file)."""
    rng = random.Random(seed)
    entities = NAMED + [f"actor-{i}" for i in range(3000)]
    written = 0
    articles = 0
    while written < target:
        lines: list[str] = []
        a = articles
        articles += 1
        slug = f"bench-{a:06d}"
        art = f"<{ID}article/{slug}>"
        g = f" {art} .\n"
        year = rng.randint(2015, 2024)
        month = rng.randint(1, 12)
        lines += [
            f"{art} {RDF_TYPE} <{CKG}Article>" + g,
            f"{art} <{DCT}identifier> {_lit(slug + '.txt')}" + g,
            f"{art} <{DCT}title> {_lit(f'Artikel {a} über Verhandlungen')}" + g,
            f'{art} <{DCT}language> "de"' + g,
            f'{art} <{DCT}date> "{year}-{month:02d}"^^<{XSD}gYearMonth>' + g,
        ]
        mentioned: set[str] = set()
        conflict = rng.choice(CONFLICTS)
        offset = 60
        for e in range(rng.randint(8, 14)):
            start, end = offset, offset + rng.randint(60, 200)
            offset = end + 2
            m = f"<{ID}mention/{slug}/{start}-{end}>"
            ev = f"<{ID}event/{slug}/{e:04x}>"
            cls = rng.choice(EVENT_CLASSES)
            day = rng.randint(1, 28)
            lines += [
                f"{m} {RDF_TYPE} <{CKG}Mention>" + g,
                f"{m} <{CKG}inArticle> {art}" + g,
                f'{m} <{CKG}start> "{start}"^^<{XSD}integer>' + g,
                f'{m} <{CKG}end> "{end}"^^<{XSD}integer>' + g,
                f"{m} <{CKG}text> {_lit(f'Satz {e} in {a}: Verhandlungen über eine Waffenruhe.')}"
                + g,
                f"{ev} {RDF_TYPE} <{CKG}{cls}>" + g,
                f"{ev} {PROV_DERIVED} {m}" + g,
                f'{ev} <{CKG}date> "{year}-{month:02d}-{day:02d}"^^<{XSD}date>' + g,
                f'{ev} <{CKG}confidence> "0.{rng.randint(5, 9)}"^^<{XSD}decimal>' + g,
            ]
            if rng.random() < 0.7:
                lines.append(f"{ev} <{CKG}partOf> <{ID}entity/{conflict}>" + g)
            for role in ROLES[: rng.randint(1, 4)]:
                who = rng.choice(entities) if rng.random() < 0.8 else rng.choice(NAMED)
                mentioned.add(who)
                lines.append(f"{ev} <{CKG}{role}> <{ID}entity/{who}>" + g)
            if cls == "Accusation" or rng.random() < 0.03:
                lines.append(f"{ev} <{CKG}claimedBy> <{ID}entity/{rng.choice(NAMED)}>" + g)
        # standing facts
        member, org = rng.choice(entities), rng.choice(["csto", "african-union", "osce"])
        lines.append(f"<{ID}entity/{member}> <{CKG}memberOf> <{ID}entity/{org}>" + g)
        b = f"_:npa{a}"
        lines += [
            f"{b} {RDF_TYPE} <{OWL}NegativePropertyAssertion>" + g,
            f"{b} <{OWL}sourceIndividual> <{ID}entity/{rng.choice(entities)}>" + g,
            f"{b} <{OWL}assertionProperty> <{CKG}memberOf>" + g,
            f"{b} <{OWL}targetIndividual> <{ID}entity/{org}>" + g,
        ]
        holder = rng.choice(entities)
        p = f"<{ID}position/{slug}-1>"
        lines += [
            f"{p} {RDF_TYPE} <{CKG}Position>" + g,
            f"{p} <{CKG}holder> <{ID}entity/{holder}>" + g,
            f"{p} <{CKG}role> <{ID}role/{rng.choice(ROLE_CONCEPTS)}>" + g,
            f"{p} <{CKG}of> <{ID}entity/{rng.choice(NAMED)}>" + g,
        ]
        for who in sorted(mentioned | {holder, member}):
            lines += [
                f"<{ID}entity/{who}> {RDF_TYPE} <{CKG}Actor>" + g,
                f"<{ID}entity/{who}> {LABEL} {_lit(who.replace('-', ' ').title())}@en" + g,
            ]
        written += len(lines)
        yield lines


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _our_loader(store: ox.Store, data: bytes) -> None:
    grouped: dict[str, list[ox.Quad]] = defaultdict(list)
    for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        grouped[str(q.graph_name)].append(q)
    with GraphWriter(store) as writer:  # one unit per article, as ingest writes
        for name, quads in grouped.items():
            writer.put({name.strip("<>"): quads})


def _serialised(store: ox.Store, text: str) -> bytes:
    """The answer as ``ckg serve`` sends it: pyoxigraph evaluates and serialises."""
    result = store.query(text, prefixes=PREFIXES)
    if isinstance(result, ox.QuerySolutions):
        return result.serialize(format=ox.QueryResultsFormat.JSON) or b""
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
    return b"true" if result else b"false"


# Where a documented example names something the synthetic graph does not hold, a term
# of the same kind that it does hold (an event for ``sources``).
SYNTHETIC_PARAMS = {"sources": {"event": f"<{ID}event/bench-000123/0003>"}}


def _example_params(name: str) -> dict[str, str]:
    if name in SYNTHETIC_PARAMS:
        return SYNTHETIC_PARAMS[name]
    q = load_saved_query(name)
    return dict(re.findall(r"--param (\w+)=(\S+)", q.example))


def _rdflib_child(dataset: Dataset, text: str, conn) -> None:
    t = time.perf_counter()
    rows = list(dataset.query(text))
    conn.send((time.perf_counter() - t, len(rows)))


def _rdflib_time(dataset: Dataset, text: str, cap: float) -> tuple[float | None, int | None]:
    ctx = mp.get_context("fork")  # the child shares the loaded dataset copy-on-write
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(dataset, text, child))
    proc.start()
    if parent.poll(cap):
        seconds, n = parent.recv()
        proc.join()
        return seconds, n
    proc.kill()
    proc.join()
    return None, None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--rdflib-cap", type=float, default=30.0, help="seconds per rdflib query")
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--queries", nargs="*", metavar="NAME", help="only these saved queries")
    parser.add_argument(
        "--rdflib-join-order",
        action="store_true",
        help="keep this project's rdflib join-order plugin (default: stock rdflib baseline)",
    )
    args = parser.parse_args()
    if not args.rdflib_join_order:
        # The installed entry point makes rdflib faster; the baseline is rdflib as shipped.
        CUSTOM_EVALS.pop("conflict_kg_join_order", None)

    data, n, articles = synthetic_nquads(args.triples)
    size = len(data) / 1e6
    print(f"synthetic graph: {n:,} triples in {articles:,} article graphs ({size:.0f} MB N-Quads)")
    tmp = Path(tempfile.mkdtemp(prefix="ckg-bench-"))

    def bulk() -> None:
        bare = ox.Store(str(tmp / "bare"))
        bare.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        bare.flush()

    t_bulk = _timed(bulk)

    store = open_store(tmp / "ours")

    def ours() -> None:
        _our_loader(store, data)
        store.flush()

    t_ours = _timed(ours)

    t_rdflib: float | None = None
    dataset: Dataset | None = None
    if not args.skip_rdflib:
        dataset = Dataset()
        t_rdflib = _timed(lambda: dataset.parse(data=data.decode("utf-8"), format="nquads"))
        onto = dataset.graph(ONTOLOGY_GRAPH)
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH))):
            onto.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))

    print("\nLoading (same N-Quads)            seconds   triples/s   vs bare bulk_load")
    print(f"  pyoxigraph bulk_load (bare)   {t_bulk:9.1f} {n / t_bulk:11,.0f}   1.00x")
    ratio = t_ours / t_bulk
    print(f"  ckg GraphWriter (as ingest)  {t_ours:9.1f} {n / t_ours:11,.0f}   {ratio:.2f}x")
    if t_rdflib is not None:
        ratio = t_rdflib / t_bulk
        print(
            f"  rdflib Dataset.parse          {t_rdflib:9.1f} {n / t_rdflib:11,.0f}   {ratio:.2f}x"
        )

    print(f"\nSaved queries (median of {args.repeat}, example parameters)")
    print("  endpoint: evaluated and serialised by pyoxigraph (SPARQL JSON / N-Triples), as")
    print("  /sparql answers; Python API: kg.query.run_query, rows as rdflib terms, as")
    print("  rdflib returns them (the ratio compares these two)")
    print(
        f"  {'query':20} {'rows':>7} {'endpoint':>10} {'Python API':>11} {'rdflib':>10}"
        f" {'rdflib/Python API':>18}"
    )
    for saved in saved_queries():
        if args.queries and saved.name not in args.queries:
            continue
        params = _example_params(saved.name)
        times = []
        rows = 0
        for _ in range(args.repeat):
            t = time.perf_counter()
            result = run_query(store, saved, params=params)
            rows = len(result.rows) if result.graph is None else len(result.graph)
            times.append(time.perf_counter() - t)
        median = statistics.median(times)
        text_bound = prepare_query(saved, params)
        served = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            _serialised(store, text_bound)
            served.append(time.perf_counter() - t)
        endpoint = statistics.median(served)
        rd = ratio_text = "-"
        if dataset is not None:
            text = with_prefixes(prepare_query(saved, params))
            seconds, _ = _rdflib_time(dataset, text, args.rdflib_cap)
            if seconds is None:
                rd = f"> {args.rdflib_cap:.0f} s"
                ratio_text = f"> {args.rdflib_cap / median:,.0f}x"
            else:
                rd, ratio_text = f"{seconds * 1000:,.0f} ms", f"{seconds / median:,.0f}x"
        print(
            f"  {saved.name:20} {rows:7,} {endpoint * 1000:7,.0f} ms {median * 1000:8,.0f} ms"
            f" {rd:>10} {ratio_text:>18}"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
