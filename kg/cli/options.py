"""Argument parsing shared by several commands."""

from __future__ import annotations

import argparse

from kg.errors import UsageError

__all__ = ["add_jobs_option", "parse_params"]


def parse_params(pairs: list[str] | None) -> dict[str, str]:
    """``--param name=value`` pairs as a dict; a leading ``?`` or ``$`` is dropped.

    >>> parse_params(["org=id:entity/csto", "?actor=<urn:x>"])
    {'org': 'id:entity/csto', 'actor': '<urn:x>'}
    >>> parse_params(["org"])
    Traceback (most recent call last):
    kg.errors.UsageError: --param 'org': expected name=value
    """
    params: dict[str, str] = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {pair!r}: expected name=value")
        params[name.strip().lstrip("?$")] = value
    return params


def _job_count(text: str) -> int:
    """``--jobs``'s value: a whole number of at least 1.

    >>> _job_count("2")
    2
    >>> _job_count("0")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a number of processes of at least 1, got '0'
    """
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(
            f"expected a number of processes of at least 1, got {text!r}"
        )
    return jobs


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    """``--jobs N`` (``args.jobs``; ``None`` when not given: the caller takes the number
    of cores, :func:`kg.parallel.default_jobs`)."""
    parser.add_argument(
        "-j",
        "--jobs",
        type=_job_count,
        default=None,
        metavar="N",
        help="extract in N worker processes, each loading the models once (default: one "
        "per core; 1: in this process); output and messages are the same with any N",
    )


def add_store_option(parser: argparse._ActionsContainer) -> None:
    """``--store DIR``, the same for every command that reads or writes the store."""
    parser.add_argument(
        "--store",
        metavar="DIR",
        help="store directory (default: $CKG_STORE, else ~/.local/share/conflict-kg/store)",
    )
