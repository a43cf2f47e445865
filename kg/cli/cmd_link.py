"""``ckg relink | unlink | link | links | import | check | table``: linking commands.

Thin layer over :mod:`kg.linking` (and :mod:`kg.event_table` for ``table``); every command
takes ``--store DIR``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli.options import add_store_option
from kg.errors import EXIT_OK, EXIT_REFUSED, UsageError

__all__ = ["register"]


def _store(args: argparse.Namespace, *, read_only: bool = False):
    from kg.store import open_store

    return open_store(args.store, read_only=read_only)


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"threshold must be in 0..1, got {value}")
    return value


def _relink(args: argparse.Namespace) -> int:
    from kg.linking import relink, stored_clusters

    store = _store(args)
    links = relink(store, threshold=args.threshold)
    clusters = len(stored_clusters(store))
    print(f"{len(links)} same-event links in {clusters} clusters (threshold {args.threshold})")
    return EXIT_OK


def _unlink(args: argparse.Namespace) -> int:
    from kg.linking import unlink

    split = unlink(_store(args), args.event1, args.event2, note=args.note, creator=args.creator)
    print("cluster split; rejection recorded" if split else "not linked; rejection recorded")
    return EXIT_OK


def _link(args: argparse.Namespace) -> int:
    from kg.linking.annotations import add_annotation

    ann = add_annotation(
        _store(args),
        args.subject,
        args.predicate,
        args.object,
        note=args.note,
        creator=args.creator,
    )
    print(ann.iri)
    return EXIT_OK


def _links(args: argparse.Namespace) -> int:
    from kg.linking import stored_links
    from kg.linking.annotations import list_annotations

    store = _store(args, read_only=True)
    rows = [
        (
            a.created,
            a.creator,
            a.subject,
            a.predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1],
            a.object,
            a.note,
        )
        for a in list_annotations(store)
    ]
    if args.automatic:
        rows += [
            ("", "(linker)", e1, f"sameEventAs {s:.3f}", e2, "")
            for e1, e2, s in stored_links(store)
        ]
    header = ("created", "creator", "subject", "predicate", "object", "note")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from kg.linking.importers import import_files, progress_printer

    results = import_files(
        _store(args),
        args.files,
        fmt=args.format,
        threshold=args.threshold,
        link=not args.no_link,
        on_error=lambda message: print(f"ckg import: {message}", file=sys.stderr),
        on_progress=progress_printer(sys.stderr),
    )
    for r in results:
        print(f"{r.path}: {r.events} events -> {r.graph}")
    return EXIT_REFUSED if any(r.refused for r in results) else EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from kg.linking.check import check_store

    conflicts = check_store(
        _store(args, read_only=True), reasoner=not args.no_reasoner, window_days=args.window
    )
    for c in conflicts:
        print(
            f"{c.kind}: {c.message}\n  sources: {c.source1} | {c.source2}\n"
            f"  found by: {c.confirmed_by}"
        )
    print(f"{len(conflicts)} conflict(s)")
    return EXIT_REFUSED if conflicts else EXIT_OK


def _table(args: argparse.Namespace) -> int:
    from kg.event_table import write_event_parquet, write_event_table

    parquet = args.format == "parquet" or (
        args.format is None and str(args.output or "").lower().endswith(".parquet")
    )
    if parquet and not args.output:
        raise UsageError("Parquet is binary: give -o FILE.parquet")
    store = _store(args, read_only=True)
    if parquet:
        n = write_event_parquet(store, args.output)
    elif args.output:
        with Path(args.output).open("w", encoding="utf-8", newline="") as f:
            n = write_event_table(store, f)
    else:
        write_event_table(store, sys.stdout)
        return EXIT_OK
    print(f"{n} events -> {args.output}", file=sys.stderr)
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to ``sub``."""
    from kg.linking import DEFAULT_THRESHOLD
    from kg.linking.annotations import LinkPredicate
    from kg.linking.importers import ImportFormat

    def add(name: str, help_: str, handler) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_[0].lower() + help_[1:].rstrip("."), description=help_)
        add_store_option(p)
        p.set_defaults(handler=handler)
        return p

    p = add(
        "relink",
        "Recompute every same-event cluster (ckg:sameEventAs with evidence).",
        _relink,
    )
    p.add_argument(
        "--threshold",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        help="score 0..1 (default %(default)s)",
    )

    p = add(
        "unlink",
        "Record that two events differ and split their cluster; relink keeps them apart.",
        _unlink,
    )
    p.add_argument("event1")
    p.add_argument("event2")
    p.add_argument("--note", default="", help="why the link is wrong")
    p.add_argument("--creator", help="who rejects it (default: $CKG_CREATOR or login name)")

    p = add("link", "Record a researcher's link as a W3C Web Annotation.", _link)
    p.add_argument("subject", help="IRI or CURIE (id:event/...)")
    p.add_argument(
        "predicate",
        choices=[x.value for x in LinkPredicate],
        metavar="PREDICATE",
        help="one of: " + ", ".join(x.value for x in LinkPredicate),
    )
    p.add_argument("object", help="IRI or CURIE")
    p.add_argument("--note", required=True, help="the evidence or reason, as text")
    p.add_argument("--creator", help="who asserts it (default: $CKG_CREATOR or login name)")

    p = add(
        "links", "List researchers' links (annotations); --automatic adds the linker's.", _links
    )
    p.add_argument("--automatic", action="store_true", help="also list ckg:sameEventAs links")

    p = add("import", "Import GDELT 2.0, PLOVER/POLECAT JSON or ACLED CSV records.", _import)
    p.add_argument("--format", required=True, choices=[f.value for f in ImportFormat])
    p.add_argument("--threshold", type=_threshold, default=DEFAULT_THRESHOLD)
    p.add_argument(
        "--no-link",
        action="store_true",
        help="do not link the new events to the store's now (linking holds every new event "
        "in memory); 'ckg relink' links everything later",
    )
    p.add_argument("files", nargs="+", metavar="FILE")

    p = add("check", "Report contradictions across sources (exit 1 if any).", _check)
    p.add_argument("--no-reasoner", action="store_true", help="SPARQL rules only, skip HermiT")
    p.add_argument(
        "--window", type=int, default=60, help="days within which offices count as concurrent"
    )

    p = add("table", "Write the event table (one event a row) as CSV or Parquet.", _table)
    p.add_argument(
        "--format",
        choices=["csv", "parquet"],
        help="default: parquet for -o FILE.parquet, else csv (Parquet needs pyarrow)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="FILE.csv or FILE.parquet (default: CSV on stdout)"
    )
    _ = UsageError
