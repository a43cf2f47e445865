"""Importers for other event data sets: GDELT 2.0, PLOVER/POLECAT JSON, ACLED CSV.

:func:`import_files` parses each file, writes its good records as one named graph in one
transaction, links the new events to the store's events, and reports refused records
(``file:line: why``) without stopping.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.linking.importers.acled import parse_acled
from kg.linking.importers.common import (
    ImportResult,
    Mappings,
    SourceEvent,
    batch_graph,
    write_batch,
)
from kg.linking.importers.gdelt import parse_gdelt
from kg.linking.importers.polecat import parse_polecat

__all__ = ["ImportFormat", "ImportResult", "import_files"]


class ImportFormat(enum.Enum):
    """The formats ``ckg import --format`` accepts."""

    GDELT = "gdelt"
    POLECAT = "polecat"
    ACLED = "acled"


_PARSERS: dict[ImportFormat, Callable[[Path, Mappings], tuple[list[SourceEvent], list[str]]]] = {
    ImportFormat.GDELT: parse_gdelt,
    ImportFormat.POLECAT: parse_polecat,
    ImportFormat.ACLED: parse_acled,
}


def import_files(
    store: ox.Store,
    paths: Sequence[str | Path],
    *,
    fmt: ImportFormat | str,
    link: bool = True,
    threshold: float | None = None,
) -> list[ImportResult]:
    """Import each file into its own named graph; link the new events unless ``link=False``."""
    from kg.linking.events import DEFAULT_THRESHOLD, link_article_events

    form = ImportFormat(fmt)
    mappings = Mappings.load()
    results = []
    for p in paths:
        path = Path(p)
        result = ImportResult(str(path), batch_graph(form.value, path))
        try:
            events, errors = _PARSERS[form](path, mappings)
        except InputError as err:
            result.errors.append(str(err))
            results.append(result)
            continue
        result.errors.extend(errors)
        if events:
            write_batch(store, events, fmt=form.value, path=path, mappings=mappings)
            result.events = len(events)
            if link:
                link_article_events(
                    store,
                    result.graph,
                    threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
                )
        results.append(result)
    return results
