"""``ckg viz``: write the offline explorer page of the store, a saved query or a file, or
its graph as GraphML or GEXF.

Thin layer over :mod:`viz`: reads the source (``--store DIR``, or ``--input FILE``),
optionally runs a saved CONSTRUCT query on it (``--query NAME --param name=value``),
draws the chosen view and writes one self-contained HTML file (or, with ``--format`` or
an ``.graphml`` / ``.gexf`` output, the view's graph: :mod:`viz.interchange`), whose path
it prints.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli.options import add_store_option, parse_params
from kg.errors import EXIT_OK, UsageError

__all__ = ["register"]


def _viz(args: argparse.Namespace) -> int:
    import viz
    from viz.graph import parse_view

    view = parse_view(args.view)  # a bad view fails before any store is opened
    suffix = Path(args.output).suffix.lower().lstrip(".")
    fmt = args.format or (suffix if suffix in ("graphml", "gexf") else "html")
    if args.top is not None and args.top <= 0:
        raise UsageError(f"--top must be a positive number, not {args.top}")
    if args.param and not args.query:
        raise UsageError("--param needs --query NAME")
    source: object
    if args.input:
        source = viz.load_file(args.input)
    else:
        from kg.store import open_store

        source = open_store(args.store, read_only=True)
    title = args.title
    if args.query:
        from kg.query import load_saved_query, run_query

        saved = load_saved_query(args.query)
        result = run_query(source, saved, params=parse_params(args.param))
        if result.graph is None:
            raise UsageError(
                f"query {args.query} is a {result.form} query; the explorer needs a "
                "CONSTRUCT or DESCRIBE query (e.g. explorer-actor)"
            )
        source = result.graph
        title = title or f"conflict-kg: {saved.title or args.query}"
    if fmt == "html":
        out = viz.write_explorer(
            source,
            Path(args.output),
            view=view,
            title=title or "conflict-kg explorer",
            top=args.top,
        )
    else:
        from viz.interchange import write_network

        out = write_network(source, Path(args.output), view=view, fmt=fmt, top=args.top)
    print(out)
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``viz`` command to ``sub``."""
    p = sub.add_parser(
        "viz",
        help="write the explorer page (offline HTML) of the store, a query or a file, "
        "or its graph as GraphML or GEXF",
        description=(
            "Draw the knowledge graph as an interactive network in one self-contained HTML "
            "file (no network needed): actors, events, memberships, with every edge's "
            "evidence sentence. Prints the path of the file written."
        ),
    )
    src = p.add_mutually_exclusive_group()
    add_store_option(src)
    src.add_argument(
        "--input", metavar="FILE", help="an RDF file instead of the store (.trig, .nq, .ttl, .nt)"
    )
    p.add_argument(
        "--query",
        metavar="NAME",
        help="draw the result of this saved CONSTRUCT query (e.g. explorer-actor)",
    )
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a query variable, e.g. --param actor=id:entity/armenia (repeatable)",
    )
    p.add_argument(
        "--view",
        default="actors",
        metavar="actors|events",
        help="actors: events as edges between actors (default); events: events as nodes",
    )
    p.add_argument(
        "--top", type=int, metavar="N", help="keep only the N most central actors and places"
    )
    p.add_argument(
        "--title", help="page title (default: from the query, else 'conflict-kg explorer')"
    )
    p.add_argument(
        "--format",
        choices=["html", "graphml", "gexf"],
        help="html: the explorer page; graphml, gexf: the view's graph for Gephi, Cytoscape "
        "or NetworkX, attributes flattened and typed (default: by the output's suffix, "
        "else html)",
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="FILE.html, .graphml or .gexf"
    )
    p.set_defaults(handler=_viz)
