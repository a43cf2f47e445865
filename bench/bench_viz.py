"""Explorer benchmark: a 10 000-node, 30 000-edge actor graph.

Measures, side by side with pyvis's own ``Network.from_nx`` + ``generate_html`` (run in a
child process with a time cap, because it is quadratic):

* HTML written: NetworkX graph → complete offline page on disk (target < 5 s);
* first render in headless Chromium: page load until vis-network's first drawing
  (target < 5 s);
* RDF → HTML: the same kind of graph as N-Quads (events with mentions) through
  ``viz.write_explorer``, for information;
* RDF → model: ``bench_store``'s extraction-shaped graph (articles, mentions, events,
  standing facts, blank-node non-memberships) of ``--rdf-quads`` sizes in an in-memory
  pyoxigraph store, read into the explorer's model and actor graph; baseline: iterating
  the store's quads without keeping anything (the floor for any Python reader).

Run: ``.venv/bin/python bench/bench_viz.py [--nodes 10000 --edges 30000 --pyvis-cap 120]
[--rdf-quads 200000 1000000] [--skip-html]``; the pyvis baseline needs the ``bench`` extra
(``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from viz.explorer import ExplorerGraph, write_explorer
from viz.graph import View, model_to_nx
from viz.model import Evidence, read_model
from viz.source import TripleIndex, load_file

sys.path.insert(0, str(Path(__file__).parent))
from bench_store import synthetic_nquads as store_nquads

TYPES = ["Meeting", "PhoneCall", "CeasefireDemand", "Accusation", "MilitaryAction", "Statement"]
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def synthetic(nodes: int, edges: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """An actor graph with communities of ~50 and a few hubs, each edge an event."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph(view="actors")
    for i in range(nodes):
        g.add_node(f"a{i}", label=f"Akteur {i}", kind="actor", type="State" if i % 3 else "Person")
    k = 0
    while k < edges:  # (number_of_edges() is O(n) on a MultiDiGraph)
        u = rnd.randrange(nodes)
        v = (u // 50) * 50 + rnd.randrange(50) if rnd.random() < 0.8 else rnd.randrange(nodes)
        if u == v or v >= nodes:
            continue
        ev = Evidence(
            sentence=f"Akteur {u} hat Akteur {v} am {k % 28 + 1}. Oktober getroffen (Satz {k}).",
            article=f"https://w3id.org/conflict-kg/id/article/a{k % 500}",
            identifier=f"a{k % 500}.txt",
        )
        t = TYPES[k % len(TYPES)]
        g.add_edge(
            f"a{u}",
            f"a{v}",
            key=f"e{k}",
            kind="event",
            type=t,
            label=t,
            date=f"2020-{k % 12 + 1:02d}",
            confidence=0.8,
            evidence=[ev],
            claimed_by=[],
        )
        k += 1
    return g


def synthetic_nquads(nodes: int, edges: int, path: Path, *, seed: int = 1) -> None:
    """The same shape as RDF: events with agent, addressee, date, mention, article."""
    rnd = random.Random(seed)
    ckg, idp = "https://w3id.org/conflict-kg/ontology#", "https://w3id.org/conflict-kg/id/"
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    lines = []
    g0 = f"<{idp}article/a0>"
    for i in range(nodes):
        lines.append(f"<{idp}entity/a{i}> <{rdf}> <{ckg}State> {g0} .")
        lines.append(f'<{idp}entity/a{i}> <{label}> "Akteur {i}"@de {g0} .')
    for k in range(edges):
        u = rnd.randrange(nodes)
        v = (u // 50) * 50 + rnd.randrange(50) if rnd.random() < 0.8 else rnd.randrange(nodes)
        v = min(v, nodes - 1)
        art, ev, m = f"<{idp}article/a{k % 500}>", f"<{idp}event/e{k}>", f"<{idp}mention/m{k}>"
        lines += [
            f"{ev} <{rdf}> <{ckg}{TYPES[k % len(TYPES)]}> {art} .",
            f"{ev} <{ckg}agent> <{idp}entity/a{u}> {art} .",
            f"{ev} <{ckg}addressee> <{idp}entity/a{v}> {art} .",
            f'{ev} <{ckg}date> "2020-{k % 12 + 1:02d}" {art} .',
            f"{ev} <http://www.w3.org/ns/prov#wasDerivedFrom> {m} {art} .",
            f'{m} <{ckg}text> "Akteur {u} traf Akteur {v} (Satz {k})." {art} .',
            f"{m} <{ckg}inArticle> {art} {art} .",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _pyvis(g: nx.MultiDiGraph, out: str, q: mp.Queue) -> None:
    from pyvis.network import Network

    t = time.perf_counter()
    net = Network(directed=True, cdn_resources="in_line")
    plain = nx.MultiDiGraph()
    plain.add_nodes_from((n, {"label": d["label"]}) for n, d in g.nodes(data=True))
    plain.add_edges_from((u, v, {"title": d["label"]}) for u, v, d in g.edges(data=True))
    net.from_nx(plain)
    Path(out).write_text(net.generate_html(), encoding="utf-8")
    q.put(time.perf_counter() - t)


def pyvis_baseline(g: nx.MultiDiGraph, out: Path, cap: float) -> str:
    import importlib.util

    if importlib.util.find_spec("pyvis") is None:  # the child would die before answering
        return "skipped (pip install -e '.[bench]')"
    q: mp.Queue = mp.Queue()
    p = mp.Process(target=_pyvis, args=(g, str(out), q))
    p.start()
    p.join(cap)
    if p.is_alive():
        p.terminate()
        p.join()
        return f"> {cap:.0f} s (stopped)"
    return f"{q.get():.1f} s"


def first_render(path: Path) -> float | None:
    """Seconds from navigation start to vis-network's first drawing, or None."""
    if not Path("/usr/bin/chromium").exists():
        return None
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", headless=True, args=ARGS
        )
        page = ctx.new_page()
        page.goto(path.as_uri(), timeout=120_000)
        end = time.monotonic() + 120
        ms = None
        while time.monotonic() < end and ms is None:
            ms = page.evaluate("window.__ckgFirstDrawMs || null")
            time.sleep(0.05)
        ctx.close()
    return None if ms is None else ms / 1000


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def rdf_to_model(quads: int, repeat: int) -> list[tuple[str, str, str, str]]:
    """Rows: store → model and → actor graph, against iterating the quads (best of ``repeat``)."""
    data, _, _ = store_nquads(quads)
    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    n = len(store)
    floor = _best(lambda: sum(1 for _ in store.quads_for_pattern(None, None, None, None)), repeat)
    to_model = _best(lambda: read_model(TripleIndex.from_source(store)), repeat)
    to_graph = _best(
        lambda: model_to_nx(read_model(TripleIndex.from_source(store)), view=View.ACTORS), repeat
    )
    return [
        (f"RDF → model ({n:,} quads)", f"{to_model:.2f} s", f"{floor:.2f} s", ""),
        (f"RDF → actor graph ({n:,})", f"{to_graph:.2f} s", "", ""),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--edges", type=int, default=30_000)
    ap.add_argument(
        "--pyvis-cap", type=float, default=120.0, help="seconds before pyvis is stopped"
    )
    ap.add_argument("--skip-pyvis", action="store_true")
    ap.add_argument(
        "--rdf-quads",
        type=int,
        nargs="*",
        default=[200_000],
        metavar="N",
        help="sizes of the RDF → model benchmark (default 200000; none to skip)",
    )
    ap.add_argument("--repeat", type=int, default=3, help="RDF → model runs per size (best)")
    ap.add_argument("--skip-html", action="store_true", help="only the RDF → model benchmark")
    args = ap.parse_args(argv)
    model_rows = [row for n in args.rdf_quads for row in rdf_to_model(n, args.repeat)]
    if model_rows:
        print(f"{'':34} {'conflict-kg':>12} {'iterate quads':>18}")
        for name, a, b, _ in model_rows:
            print(f"{name:34} {a:>12} {b:>18}")
    if args.skip_html:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        g = synthetic(args.nodes, args.edges)
        print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
        t = time.perf_counter()
        ExplorerGraph(g, view=View.ACTORS, title="bench").write(out / "ckg.html")
        ours = time.perf_counter() - t
        size = (out / "ckg.html").stat().st_size / 1e6
        render = first_render(out / "ckg.html")
        base = (
            "skipped" if args.skip_pyvis else pyvis_baseline(g, out / "pyvis.html", args.pyvis_cap)
        )
        nq = out / "bench.nq"
        synthetic_nquads(args.nodes, args.edges, nq)
        t = time.perf_counter()
        write_explorer(load_file(nq), out / "rdf.html", view="actors")
        rdf = time.perf_counter() - t
        rows = [
            ("HTML written (nx → page)", f"{ours:.2f} s", base, "< 5 s"),
            ("first render in Chromium", f"{render:.2f} s" if render else "n/a", "n/a", "< 5 s"),
            ("page size", f"{size:.1f} MB", "", ""),
            ("RDF (N-Quads) → page", f"{rdf:.2f} s", "", ""),
        ]
        print(f"{'':28} {'conflict-kg':>12} {'pyvis from_nx':>18} {'target':>8}")
        for name, a, b, target in rows:
            print(f"{name:28} {a:>12} {b:>18} {target:>8}")
        ok = ours < 5 and (render is None or render < 5)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
