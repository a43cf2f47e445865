"""``ckg extract ARTICLE... -o OUT.trig``: articles → one named graph per article.

Reads text files (``date YYYY-MM[-DD] headline`` then the body), JSON Lines, directories
or ``-`` (stdin); writes TriG (default) or N-Quads to ``-o`` (``-`` = stdout), with the
reference graph of known entities. A refused input is reported as
``ckg extract: error: <file[:line]>: <reason>``; the others are still written and the
exit code is 1. Each article's graph is checked before anything is written (every IRI
valid, every literal writable, :func:`kg.extract.rdf.graph_problems`): an article whose
graph could not be read back by ``ckg load`` is refused like a bad input. What the limits
on work cut (an over-long word left untagged, a stretch without a full stop split) is said
as ``ckg extract: note: <file[:line]>: <what>``. ``--jobs N`` extracts in N worker
processes (default: one per core; 1: in this process), with the same output, byte for
byte, and the same messages (:mod:`kg.extract_batch`, :mod:`kg.parallel`).
``--scheduler ADDRESS`` extracts each JSON Lines shard on a Dask cluster into
``-o DIR/<shard>.nq`` (:mod:`kg.cluster`; ``pip install 'conflict-kg[cluster]'``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli.options import add_jobs_option
from kg.errors import EXIT_OK, EXIT_REFUSED, InputError, UsageError

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``extract`` to ``sub``."""
    p = sub.add_parser(
        "extract",
        help="extract events and facts from German articles into TriG",
        description="Extract events, roles, dates and standing facts from German news articles "
        "into one named graph per article (plus the reference graph of known entities).",
    )
    p.add_argument(
        "articles", nargs="+", metavar="ARTICLE", help="text file, .jsonl file, directory or '-'"
    )
    p.add_argument(
        "-o", "--output", default="-", metavar="OUT", help="output file ('-' = stdout, default)"
    )
    p.add_argument(
        "--format",
        choices=["trig", "nq"],
        default=None,
        help="output format (default: from the file suffix, else trig)",
    )
    p.add_argument(
        "--dictionary",
        action="append",
        type=Path,
        default=[],
        metavar="FILE.tsv",
        help="extra actor dictionary TSV (same columns as kg/data/actors); repeatable",
    )
    p.add_argument(
        "--full-reference",
        action="store_true",
        help="write every known entity into the reference graph, not only those the "
        "articles mention",
    )
    add_jobs_option(p)
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract on a Dask cluster (e.g. tcp://host:8786): each ARTICLE is a shard "
        "(.jsonl), written to -o DIR/<shard>.nq; shards and DIR on a file system every "
        "worker sees (docs/scale-out.md)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.scheduler:
        return _run_on_cluster(args)
    from kg.articles import read_articles
    from kg.extract_batch import extract_dataset
    from kg.parallel import default_jobs
    from kg.serialize import write_dataset

    for path in args.dictionary:
        if not path.is_file():
            raise InputError(f"{path}: dictionary file not found")
    fmt = args.format or ("nq" if str(args.output).endswith(".nq") else "trig")
    result = extract_dataset(
        read_articles(args.articles, stdin=sys.stdin),
        jobs=args.jobs or default_jobs(),
        extra_dictionaries=args.dictionary,
        full_reference=args.full_reference,
        on_message=lambda message: print(f"ckg extract: {message}", file=sys.stderr),
    )
    if args.output == "-":
        write_dataset(result.graphs, sys.stdout, fmt=fmt)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
            write_dataset(result.graphs, fh, fmt=fmt)
    return EXIT_REFUSED if result.refused else EXIT_OK


def _run_on_cluster(args: argparse.Namespace) -> int:
    try:
        from kg.cluster import extract_shards
    except ImportError as err:  # distributed is an optional extra
        raise UsageError(
            f"--scheduler needs Dask distributed ({err}): pip install 'conflict-kg[cluster]'"
        ) from err
    if args.output == "-" or args.format == "trig" or args.jobs:
        raise UsageError("with --scheduler, -o names a directory for N-Quads shards (no --jobs)")

    def shard_done(shard, done: int, total: int) -> None:
        if shard is not None:
            print(
                f"ckg extract: shard {done}/{total}: {shard.shard} -> {shard.output} "
                f"({shard.articles} articles)",
                file=sys.stderr,
            )

    result = extract_shards(
        args.articles,
        scheduler=args.scheduler,
        output_dir=args.output,
        extra_dictionaries=args.dictionary,
        full_reference=args.full_reference,
        on_message=lambda message: print(f"ckg extract: {message}", file=sys.stderr),
        on_shard=shard_done,
    )
    print(f"{result.articles} articles from {len(result.shards)} shard(s) -> {args.output}")
    return EXIT_REFUSED if result.refused else EXIT_OK
