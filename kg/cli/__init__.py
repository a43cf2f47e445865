"""The ``ckg`` command line: a thin layer that parses arguments and calls the library.

Each command lives in one module of this package with a ``register(subparsers)``
function that adds its parser and sets ``handler`` to a function
``(args: argparse.Namespace) -> int``. :data:`COMMAND_MODULES` is the registry, a
literal list, in the order ``ckg --help`` shows them.

User errors (:class:`kg.errors.CkgError`) are printed as one line on stderr, without a
traceback, and end with the error's exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from kg.cli import (
    cmd_extract,
    cmd_link,
    cmd_ontology,
    cmd_serve,
    cmd_store,
    cmd_summary,
    cmd_viz,
    input_help,
)
from kg.errors import EXIT_USAGE, CkgError

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

COMMAND_MODULES: list[ModuleType] = [
    cmd_ontology,  # ontology: validate and summarise the ontology, run HermiT
    cmd_extract,  # extract: articles -> TriG
    cmd_store,  # ingest, articles, remove, load, query, export, push
    cmd_summary,  # summary: what the store holds, and what to try next
    cmd_serve,  # serve: SPARQL endpoint, query page, explorer
    cmd_viz,  # viz: explorer page
    cmd_link,  # relink, unlink, link, links, import, check, table
]


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors that say what to do."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The full ``ckg`` argument parser with every registered command."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version("conflict-kg")
    except PackageNotFoundError:  # running from a checkout without installing
        ver = "unknown"
    parser = _Parser(
        prog="ckg",
        description="conflict-kg: news on armed conflicts as a traceable RDF knowledge graph.",
    )
    parser.add_argument("--version", action="version", version=f"conflict-kg {ver}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(sub)
    # The commands that read articles end their help with the one description of the input.
    for name in ("extract", "ingest"):
        input_help.attach(sub.choices[name])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ckg`` with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(handler(args))
    except CkgError as err:
        print(f"ckg {args.command}: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print(f"ckg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `ckg query ... | head`
        return 0
