"""Importers for other event data sets: GDELT 2.0, PLOVER/POLECAT JSON, ACLED CSV.

:func:`import_files` reads each file lazily and writes its good records into one named
graph per file, in batches committed whole (:mod:`kg.linking.importers.stream`: memory
holds one batch, whatever the file's size), links the new events to the store's events,
and reports refused records and refused coordinates (``file:line: why``) without
stopping.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.linking.importers.acled import iter_acled, parse_acled
from kg.linking.importers.common import (
    ImportResult,
    Mappings,
    SourceEvent,
    batch_graph,
    write_batch,
)
from kg.linking.importers.gdelt import iter_gdelt, parse_gdelt
from kg.linking.importers.polecat import iter_polecat, parse_polecat
from kg.linking.importers.stream import (
    BATCH_ROWS,
    ImportProgress,
    LineSource,
    import_records,
    progress_printer,
)

__all__ = [
    "PARSERS",
    "ImportFormat",
    "ImportProgress",
    "ImportResult",
    "import_files",
    "progress_printer",
    "write_batch",
]


class ImportFormat(enum.Enum):
    """The formats ``ckg import --format`` accepts."""

    GDELT = "gdelt"
    POLECAT = "polecat"
    ACLED = "acled"


_READERS: dict[ImportFormat, Callable[[LineSource, Mappings], Iterator[SourceEvent | str]]] = {
    ImportFormat.GDELT: iter_gdelt,
    ImportFormat.POLECAT: iter_polecat,
    ImportFormat.ACLED: iter_acled,
}
#: Whole-file parsers (every record in one list), by format name: the path before
#: streaming, kept for callers that want the records themselves.
PARSERS: dict[str, Callable[[Path, Mappings], tuple[list[SourceEvent], list[str]]]] = {
    "gdelt": parse_gdelt,
    "polecat": parse_polecat,
    "acled": parse_acled,
}


def import_files(
    store: ox.Store,
    paths: Sequence[str | Path],
    *,
    fmt: ImportFormat | str,
    link: bool = True,
    threshold: float | None = None,
    batch_rows: int = BATCH_ROWS,
    on_error: Callable[[str], object] | None = None,
    on_progress: Callable[[ImportProgress], object] | None = None,
) -> list[ImportResult]:
    """Import each file into its own named graph; link the new events unless ``link=False``.

    Each file is read lazily and written ``batch_rows`` events at a time, each batch one
    atomic write. ``on_error`` is called with each problem as it is found (else the
    messages are kept in :attr:`ImportResult.errors`); ``on_progress`` after each batch.
    With ``link``, each batch also enters the file's graph in the journal of graphs whose
    links are pending, so that a run killed before linking is linked by the next
    ``ckg ingest`` or ``ckg import`` (:mod:`kg.writer`).
    """
    from kg.linking.events import DEFAULT_THRESHOLD, link_article_events

    form = ImportFormat(fmt)
    mappings = Mappings.load()
    results = []
    for p in paths:
        path = Path(p)
        try:
            source = LineSource(path)
            result = import_records(
                store,
                _READERS[form](source, mappings),
                fmt=form.value,
                path=path,
                mappings=mappings,
                batch_rows=batch_rows,
                journal=link,
                on_error=on_error,
                on_progress=on_progress,
                source=source,
            )
        except InputError as err:  # the file cannot be read (what was committed stays)
            result = ImportResult(str(path), batch_graph(form.value, path), refused=1)
            if on_error is not None:
                on_error(str(err))
            else:
                result.errors.append(str(err))
            results.append(result)
            continue
        if result.events and link:
            link_article_events(
                store,
                result.graph,
                threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
            )
        results.append(result)
    return results
