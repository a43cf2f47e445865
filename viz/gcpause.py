"""Pause Python's cyclic garbage collector while a large, acyclic structure is built.

Reading a store creates millions of small dicts, lists and tuples that all stay alive.
The collector would walk them again and again as they pile up (in the benchmark about a
third of the time from RDF to the graph) without finding anything to free: reference
counting frees everything here. Pausing is scoped, nests, and leaves the collector as it
found it.

>>> import gc
>>> with gc_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block; re-enable it after if it was on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
