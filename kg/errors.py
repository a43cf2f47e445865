"""User-facing errors and exit codes.

A :class:`CkgError` is a problem the user can fix (bad input, a missing runtime, an
unknown name). The CLI prints its message on one line, without a traceback, and exits
with its ``exit_code``.

>>> e = InputError("article.txt:1: no date line")
>>> e.exit_code
1
>>> str(e)
'article.txt:1: no date line'
"""

from __future__ import annotations

__all__ = [
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_USAGE",
    "CkgError",
    "InputError",
    "MissingRuntimeError",
    "UsageError",
]

EXIT_OK = 0
#: Some input was refused (the rest was processed), or the requested work failed.
EXIT_REFUSED = 1
#: The command line itself was wrong: unknown command, name or option.
EXIT_USAGE = 2


class CkgError(Exception):
    """An error the user can act on; its message says what to do."""

    exit_code = EXIT_REFUSED


class InputError(CkgError):
    """A file or record cannot be used; the message names it and says why."""


class UsageError(CkgError):
    """Unknown command, query name, view or option value."""

    exit_code = EXIT_USAGE


class MissingRuntimeError(CkgError):
    """An external runtime (Java for HermiT, Chromium for tests) is not installed."""
