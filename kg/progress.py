"""A minimal progress bar on stderr, drawn only when stderr is a terminal.

No dependency: one line rewritten with ``\\r``. When the stream is not a TTY (a pipe, a
log file, a test), nothing is written, so logs stay clean.

>>> import io
>>> bar = ProgressBar(3, stream=io.StringIO())  # not a TTY: silent
>>> bar.advance("a.txt"); bar.close()
>>> bar.done
1
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["ProgressBar"]


class ProgressBar:
    """``[#####.....] 5/10 name`` on one line of ``stream`` (default stderr)."""

    def __init__(self, total: int | None, *, stream: TextIO | None = None, width: int = 30):
        self.total = total
        self.done = 0
        self.width = width
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last = 0.0

    def advance(self, label: str = "") -> None:
        """Count one item done and redraw (at most ten times a second)."""
        self.done += 1
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.1 and self.done != self.total):
            return
        self._last = now
        if self.total:
            filled = int(self.width * self.done / self.total)
            bar = "#" * filled + "." * (self.width - filled)
            text = f"[{bar}] {self.done}/{self.total} {label}"
        else:
            text = f"{self.done} {label}"
        self.stream.write("\r" + text[:100].ljust(100))
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar's line."""
        if self.enabled and self.done:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()
