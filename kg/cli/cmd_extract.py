"""``ckg extract ARTICLE... -o OUT.trig``: articles → one named graph per article.

Reads text files (``date YYYY-MM[-DD] headline`` then the body), JSON Lines, directories
or ``-`` (stdin); writes TriG (default) or N-Quads to ``-o`` (``-`` = stdout), with the
reference graph of known entities. A refused input is reported as
``ckg extract: error: <file[:line]>: <reason>``; the others are still written and the
exit code is 1. Each article's graph is checked before anything is written (every IRI
valid, every literal writable, :func:`kg.extract.rdf.graph_problems`): an article whose
graph could not be read back by ``ckg load`` is refused like a bad input. What the limits
on work cut (an over-long word left untagged, a stretch without a full stop split) is said
as ``ckg extract: note: <file[:line]>: <what>``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import EXIT_OK, EXIT_REFUSED, InputError

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
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kg.articles import Article, read_articles
    from kg.extract import Extractor, write_dataset
    from kg.extract.rdf import graph_problems
    from kg.extract.sentences import limit_notes

    for path in args.dictionary:
        if not path.is_file():
            raise InputError(f"{path}: dictionary file not found")
    fmt = args.format or ("nq" if str(args.output).endswith(".nq") else "trig")
    extractor = Extractor(extra_dictionaries=args.dictionary)
    graphs = []
    refused = 0
    for item in read_articles(args.articles, stdin=sys.stdin):
        if not isinstance(item, Article):
            refused += 1
            print(f"ckg extract: error: {item.origin}: {item.reason}", file=sys.stderr)
            continue
        for note in limit_notes(item.text, item.body_start):
            print(f"ckg extract: note: {item.origin}: {note}", file=sys.stderr)
        try:
            graph = extractor.extract(item)
        except Exception as err:  # a fault on one article must not lose the batch (as ingest)
            refused += 1
            print(
                f"ckg extract: error: {item.origin}: extraction failed "
                f"({type(err).__name__}: {err}); please report this article",
                file=sys.stderr,
            )
            continue
        problems = graph_problems(graph)
        if problems:
            refused += 1
            reason = "; ".join(problems)
            print(
                f"ckg extract: error: {item.origin}: cannot be written: {reason}", file=sys.stderr
            )
            continue
        graphs.append(graph)
    used = (
        None
        if args.full_reference
        else {o for g in graphs for o in g.objects()} | {s for g in graphs for s in g.subjects()}
    )
    reference = extractor.reference_graph(only=used)
    problems = graph_problems(reference)
    if problems:
        raise InputError(f"the reference graph cannot be written: {'; '.join(problems)}")
    graphs.insert(0, reference)
    if args.output == "-":
        write_dataset(graphs, sys.stdout, fmt=fmt)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
            write_dataset(graphs, fh, fmt=fmt)
    return EXIT_REFUSED if refused else EXIT_OK
