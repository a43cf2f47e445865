"""Argument parsing shared by several commands."""

from __future__ import annotations

from kg.errors import UsageError

__all__ = ["parse_params"]


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
