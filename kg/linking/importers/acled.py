"""ACLED event rows (CSV with a header, the columns of the ACLED export).

Used columns: ``event_id_cnty`` (id), ``event_date`` (``YYYY-MM-DD`` or ``9 October
2020``), ``event_type``, ``sub_event_type``, ``actor1`` / ``assoc_actor_1`` (agents),
``actor2`` / ``assoc_actor_2`` (addressees; participants of an agreement), ``iso``
(numeric, ignored), ``country``, ``location``, ``source``, ``notes``, ``fatalities``.
``latitude`` / ``longitude`` give the place's coordinates. Types are mapped with
``kg/data/linking/acled-types.tsv``. A row with fewer or more cells than the header, a cell
the CSV reader cannot take, or a bad field refuses that row alone. Rows are read lazily
(:func:`iter_acled`), one line at a time; a quoted cell may span lines.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.linking.importers.common import (
    ActorRef,
    Mappings,
    SourceEvent,
    check_cells,
    check_coordinates,
    check_date,
    check_url,
    split_records,
)
from kg.linking.importers.stream import LineSource
from kg.namespaces import CKG
from kg.vocabulary import EventClass

__all__ = ["REQUIRED", "iter_acled", "parse_acled"]

REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1")


def parse_acled(path: Path, mappings: Mappings) -> tuple[list[SourceEvent], list[str]]:
    """Events and per-row errors (``file:line: message``) of one ACLED CSV file, all at
    once (:func:`iter_acled` gives them one at a time)."""
    return split_records(iter_acled(LineSource(path), mappings))


def iter_acled(lines: LineSource, mappings: Mappings) -> Iterator[SourceEvent | str]:
    """Each event of an ACLED CSV file, or the message (``file:line: why``) of a refused
    row or of refused coordinates (then the event follows, without them)."""
    path = lines.path
    problems: list[str] = []  # lines that could not be read, reported in line order
    reader = csv.DictReader(_csv_lines(lines, problems))
    try:
        fields = reader.fieldnames or []
    except csv.Error as err:
        fields = []
        problems.append(f"{path}:1: not a CSV header: {err}")
    yield from problems
    problems.clear()
    missing = [c for c in REQUIRED if c not in fields]
    if missing:
        yield f"{path}:1: not an ACLED file: missing column(s) {', '.join(missing)}"
        return
    width = len(fields)
    for n, row in _rows(reader, path, problems):
        yield from problems
        problems.clear()
        if row is None:
            continue
        yield from _event(row, n, width, path, mappings)
    yield from problems


def _event(
    row: dict[str, str], n: int, width: int, path: Path, mappings: Mappings
) -> Iterator[SourceEvent | str]:
    """The event of one row (or why it is refused)."""
    if None in row:
        yield f"{path}:{n}: more cells than the header has columns ({width})"
        return
    rid = (row.get("event_id_cnty") or "").strip()
    if None in row.values():
        cells = sum(v is not None for v in row.values())
        yield f"{path}:{n}: record {rid or '?'}: {cells} cells, the header has {width} columns"
        return
    notes = (row.get("notes") or "").strip()
    try:
        if not rid:
            raise InputError("no event_id_cnty")
        check_cells(dict(row))
        source = (row.get("source") or "").strip()
        url = check_url(source, what="source") if "://" in source else ""
        date = check_date(row.get("event_date") or "", what="event_date")
        cls = mappings.acled_class(row["event_type"] or "", row["sub_event_type"] or "", notes)
        fat = (row.get("fatalities") or "").strip()
        fatalities = int(fat) if fat else None
    except (InputError, ValueError) as err:
        yield f"{path}:{n}: record {rid or '?'}: {err}"
        return
    place = (row.get("location") or "").strip()
    coordinates = None
    if place:
        try:
            coordinates = check_coordinates(row.get("latitude"), row.get("longitude"))
        except InputError as err:
            yield f"{path}:{n}: record {rid}: coordinates left out: {err}"
    second = str(CKG.participant if cls.endswith(EventClass.AGREEMENT) else CKG.addressee)
    actors = []
    for col, role in (
        ("actor1", str(CKG.agent)),
        ("assoc_actor_1", str(CKG.agent)),
        ("actor2", second),
        ("assoc_actor_2", second),
    ):
        for name in (row.get(col) or "").split(";"):
            if name.strip():
                actors.append((role, ActorRef(_strip_qualifier(name))))
    yield SourceEvent(
        dataset="ACLED",
        record_id=rid,
        line=n,
        date=date,
        cls=cls,
        actors=tuple(actors),
        place=ActorRef(place) if place else None,
        url=url,
        text=notes,
        fatalities=fatalities,
        coordinates=coordinates,
    )


def _csv_lines(lines: LineSource, problems: list[str]) -> Iterator[str]:
    """The file's lines for the CSV reader; a line that cannot be read is reported and
    read as an empty line, so that the reader's line numbers stay the file's."""
    for n, text, problem in lines:
        if problem is not None or text is None:
            problems.append(f"{lines.path}:{n}: {problem}")
            yield "\n"
        else:
            yield text + "\n"


def _rows(
    reader: csv.DictReader[str], path: Path, errors: list[str]
) -> Iterator[tuple[int, dict[str, str] | None]]:
    """(line, row) of each row; a row the CSV reader refuses is an error (the row is then
    ``None``) and reading goes on."""
    while True:
        start = reader.line_num + 1  # where the next row starts
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            errors.append(f"{path}:{start}: not a CSV row: {err}")
            yield start, None
            continue
        yield reader.line_num, row


def _strip_qualifier(name: str) -> str:
    """ACLED writes 'Military Forces of Armenia (2018-)': keep the state's name.

    >>> _strip_qualifier("Military Forces of Armenia (2018-)")
    'Armenia'
    >>> _strip_qualifier("Government of Azerbaijan (2003-)")
    'Azerbaijan'
    """
    base = name.split("(")[0].strip()
    for prefix in ("Military Forces of ", "Government of ", "Police Forces of "):
        if base.startswith(prefix):
            return base[len(prefix) :]
    return base
