"""``ckg ingest``, ``articles``, ``remove``, ``load``, ``query``, ``export``: the store.

Thin layer over :mod:`kg.ingest`, :mod:`kg.store`, :mod:`kg.loading`, :mod:`kg.query` and
:mod:`kg.export`. Every command takes ``--store DIR`` (default ``$CKG_STORE``, else
``~/.local/share/conflict-kg/store``). ``articles``, ``query`` and ``export`` open an
existing store read-only under its shared lock (:mod:`kg.store.lock`): beside ``ckg serve``
and other readers they just run; while ``ckg ingest`` (or another writer) has the store,
they wait up to ``$CKG_LOCK_TIMEOUT`` seconds (5) and then stop with "the store ... is
being written by another process (pid N); try again" (exit 1), never reading a store
being written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli.options import add_jobs_option, add_store_option, parse_params
from kg.errors import EXIT_OK, EXIT_REFUSED, CkgError, UsageError

__all__ = ["register"]


def _write(text: str | bytes, output: str | None) -> None:
    if output and output != "-":
        data = text.encode("utf-8") if isinstance(text, str) else text
        Path(output).write_bytes(data)
    elif isinstance(text, bytes):
        sys.stdout.buffer.write(text)
        sys.stdout.flush()
    else:
        sys.stdout.write(text)


# --- ingest ---------------------------------------------------------------------------------


def _ingest(args: argparse.Namespace) -> int:
    from kg.articles import Article, read_articles
    from kg.extract.sentences import limit_notes
    from kg.ingest import ingest_articles
    from kg.parallel import default_jobs
    from kg.progress import ProgressBar
    from kg.store import open_store

    store = open_store(args.store)
    items = list(read_articles(args.articles))
    for item in items:
        if isinstance(item, Article):
            for note in limit_notes(item.text, item.body_start):
                print(f"ckg ingest: note: {item.origin}: {note}", file=sys.stderr)
    bar = ProgressBar(sum(isinstance(i, Article) for i in items)) if len(items) > 1 else None
    if sys.stderr.isatty():  # the models take seconds to load before any bar moves: say so
        print("ckg ingest: loading the German models…", file=sys.stderr, flush=True)
    report = ingest_articles(
        store,
        items,
        dry_run=args.dry_run,
        progress=bar,
        link=not args.no_link,
        jobs=args.jobs or default_jobs(),
    )
    for a in report.articles:
        change = f"+{a.added} -{a.removed} triples" if a.status.value != "unchanged" else ""
        links = f", {a.links} links" if a.links else ""
        print(
            f"{a.status.value:9}  {a.identifier}  {a.events} events, {a.facts} facts"
            f"{links}  {change}".rstrip()
        )
    for r in report.rejected:
        print(f"ckg ingest: rejected: {r.origin}: {r.reason}", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return EXIT_REFUSED if report.rejected else EXIT_OK


def _articles(args: argparse.Namespace) -> int:
    from rdflib import Literal, URIRef
    from rdflib.term import Node

    from kg.query import QueryResult, format_result
    from kg.store import article_graphs, graph_quads, open_store_for_reading
    from kg.store.summary import count_events_and_facts, event_classes

    store = open_store_for_reading(args.store)
    events = event_classes(store)
    rows: list[dict[str, Node | None]] = []
    for row in article_graphs(store):
        graph = URIRef(str(row["g"]))
        n_events, n_facts = count_events_and_facts(graph_quads(store, graph), events)
        rows.append(
            {
                "identifier": row["id"],
                "title": row["title"],
                "date": row["date"],
                "events": Literal(n_events),
                "facts": Literal(n_facts),
            }
        )
    result = QueryResult(
        form="SELECT",
        text="",
        variables=["identifier", "title", "date", "events", "facts"],
        rows=rows,
    )
    _write(format_result(result, args.format), None)
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    from kg.store import find_article, open_store, replace_graphs

    store = open_store(args.store)
    for ref in args.articles:
        iri = find_article(store, ref)
        replace_graphs(store, {iri: []})
        print(f"removed {iri}")
    return EXIT_OK


def _load(args: argparse.Namespace) -> int:
    from kg.errors import InputError
    from kg.loading import load_file
    from kg.store import open_store

    store = open_store(args.store)
    status = EXIT_OK
    for name in args.files:
        path = Path(name)
        try:
            report = load_file(store, path, graph=args.graph)
        except InputError as err:  # malformed or unreadable: this file only, nothing of it
            print(f"ckg load: error: {err} (file refused, nothing of it loaded)", file=sys.stderr)
            status = EXIT_REFUSED
            continue
        if report.violations:
            print(
                f"ckg load: {path}: refused, nothing loaded: {len(report.violations)} "
                "shape violation(s):",
                file=sys.stderr,
            )
            for v in report.violations:
                print(f"  {v}", file=sys.stderr)
            status = EXIT_REFUSED
            continue
        for skipped in report.skipped:
            print(f"{path}: skipped {skipped} (the store maintains it)", file=sys.stderr)
        print(f"{path}: loaded {len(report.graphs)} graph(s), {report.triples} triples")
    return status


# --- query ---------------------------------------------------------------------------------


def _query(args: argparse.Namespace) -> int:
    from kg.query import (
        format_result,
        load_query_file,
        load_saved_query,
        prepare_query,
        run_query,
        saved_queries,
    )

    if args.list:
        for q in saved_queries():
            params = " ".join(f"--param {p.name}=…" for p in q.params)
            print(f"{q.name:20} {q.title}" + (f"  [{params}]" if params else ""))
        return EXIT_OK
    if not args.query:
        raise UsageError("give a query NAME or FILE.rq (see 'ckg query --list')")
    ref = args.query
    saved = (
        load_query_file(ref)
        if ref.endswith(".rq") or Path(ref).is_file()
        else load_saved_query(ref)
    )
    bindings = parse_params(args.param)
    if args.explain:
        text = prepare_query(saved, bindings)
        print(f"# query {saved.name}" + (f": {saved.title}" if saved.title else ""))
        if bindings:
            print("# parameters are bound as RDF terms by the VALUES lines at the top of WHERE")
        print(text)
        return EXIT_OK
    if args.endpoint:
        source: object = args.endpoint
    else:
        from kg.store import open_store_for_reading

        source = open_store_for_reading(args.store)
    result = run_query(source, saved, params=bindings)  # type: ignore[arg-type]
    if result.note:
        print(f"ckg query: note: {result.note}", file=sys.stderr)
    fmt = args.format or ("ttl" if result.graph is not None else "table")
    _write(format_result(result, fmt), args.output)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from kg.export import export_store
    from kg.store import open_store_for_reading

    store = open_store_for_reading(args.store)
    data = export_store(store, args.format, article=args.article)
    if not data:  # never an empty file that looks like a successful export
        raise CkgError("nothing to export: the store holds no triples (nothing written)")
    _write(data, args.output)
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``ingest``, ``articles``, ``remove``, ``load``, ``query`` and ``export``."""
    p = sub.add_parser(
        "ingest",
        help="extract articles and add each to the store whole",
        description="Extract articles and add each to the store whole: new articles in "
        "atomic batches (a kill loses at most the batch in flight, about a second of work, "
        "never part of an article), a changed article in its own transaction "
        "(re-ingesting replaces the article's graph). Same-event links a kill left "
        "unwritten are made at the start of the next run. Exit 1 if any input was rejected.",
    )
    p.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help="text files, JSON Lines, directories, or - for stdin",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="report new / unchanged / changed (+added -removed) without writing",
    )
    p.add_argument("--no-link", action="store_true", help="do not run event linking after ingest")
    add_jobs_option(p)
    add_store_option(p)
    p.set_defaults(handler=_ingest)

    p = sub.add_parser(
        "articles",
        help="list the articles in the store",
        description="List the articles in the store: identifier, title, date, "
        "number of events and standing facts.",
    )
    p.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    add_store_option(p)
    p.set_defaults(handler=_articles)

    p = sub.add_parser(
        "remove",
        help="remove articles from the store",
        description="Remove articles (by identifier, slug or IRI) from the store.",
    )
    p.add_argument("articles", nargs="+", metavar="ARTICLE")
    add_store_option(p)
    p.set_defaults(handler=_remove)

    p = sub.add_parser(
        "load",
        help="add RDF made elsewhere (TriG, N-Quads, Turtle, JSON-LD), validated first",
        description="Validate files against the SHACL shapes and load each valid file's "
        "graphs all or nothing (replacing graphs of the same name). Malformed or invalid "
        "files are refused with their line or violations, nothing of them is loaded, and "
        "the other files are still loaded (exit 1).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=".trig, .nq, .ttl, .nt or .jsonld")
    p.add_argument(
        "--graph", metavar="IRI", help="graph for triples without one (required for .ttl / .nt)"
    )
    add_store_option(p)
    p.set_defaults(handler=_load)

    p = sub.add_parser(
        "query",
        help="run a saved (NAME) or ad-hoc (FILE.rq) SPARQL query",
        description="Run a saved query (see --list) or a .rq file on the store, or on a "
        "remote SPARQL 1.1 endpoint with --endpoint. Parameters are bound as RDF terms.",
    )
    p.add_argument("query", nargs="?", metavar="NAME|FILE.rq")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help='bind ?NAME to VALUE: <iri>, prefix:local, "text"@de, '
        '"…"^^xsd:date, or a plain string (repeatable)',
    )
    p.add_argument(
        "--format",
        choices=["table", "csv", "tsv", "json", "ttl"],
        help="output format (default: table, or ttl for CONSTRUCT/DESCRIBE)",
    )
    p.add_argument(
        "--explain", action="store_true", help="print the query after binding, do not run it"
    )
    p.add_argument("--list", action="store_true", help="list the saved queries")
    p.add_argument("--endpoint", metavar="URL", help="query this SPARQL 1.1 endpoint instead")
    p.add_argument("-o", "--output", metavar="FILE", help="write the result to FILE")
    add_store_option(p)
    p.set_defaults(handler=_query)

    p = sub.add_parser(
        "export",
        help="write the store (or one article) as TriG, N-Quads, Turtle or JSON-LD",
        description="Export every named graph (trig, nq, jsonld with a context of the "
        "project's prefixes), or one article's graph (--article). Turtle has no graph "
        "names: without --article it holds the union of all graphs, the default graph "
        "queries see. Output is deterministic.",
    )
    p.add_argument("--format", choices=["trig", "nq", "ttl", "jsonld"], default="trig")
    p.add_argument("--article", metavar="ID", help="only this article (identifier, slug or IRI)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_store_option(p)
    p.set_defaults(handler=_export)
