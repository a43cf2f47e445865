"""ACLED event rows (CSV with a header, the columns of the ACLED export).

Used columns: ``event_id_cnty`` (id), ``event_date`` (``YYYY-MM-DD`` or ``9 October
2020``), ``event_type``, ``sub_event_type``, ``actor1`` / ``assoc_actor_1`` (agents),
``actor2`` / ``assoc_actor_2`` (addressees; participants of an agreement), ``iso``
(numeric, ignored), ``country``, ``location``, ``source``, ``notes``, ``fatalities``.
Types are mapped with ``kg/data/linking/acled-types.tsv``. A row with fewer or more cells
than the header, a cell the CSV reader cannot take, or a bad field refuses that row alone.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.linking.importers.common import (
    ActorRef,
    Mappings,
    SourceEvent,
    check_cells,
    check_date,
    check_url,
    read_text,
)
from kg.namespaces import CKG

__all__ = ["REQUIRED", "parse_acled"]

REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1")


def parse_acled(path: Path, mappings: Mappings) -> tuple[list[SourceEvent], list[str]]:
    """Events and per-row errors (``file:line: message``) of one ACLED CSV file."""
    reader = csv.DictReader(io.StringIO(read_text(path)))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        return [], [f"{path}:1: not an ACLED file: missing column(s) {', '.join(missing)}"]
    events: list[SourceEvent] = []
    errors: list[str] = []
    width = len(reader.fieldnames or [])
    for n, row in _rows(reader, path, errors):
        if None in row:
            errors.append(f"{path}:{n}: more cells than the header has columns ({width})")
            continue
        rid = (row.get("event_id_cnty") or "").strip()
        if None in row.values():
            cells = sum(v is not None for v in row.values())
            errors.append(
                f"{path}:{n}: record {rid or '?'}: {cells} cells, the header has {width} columns"
            )
            continue
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
            errors.append(f"{path}:{n}: record {rid or '?'}: {err}")
            continue
        second = str(CKG.participant if cls.endswith("Agreement") else CKG.addressee)
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
        place = (row.get("location") or "").strip()
        events.append(
            SourceEvent(
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
            )
        )
    return events, errors


def _rows(
    reader: csv.DictReader[str], path: Path, errors: list[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) of each row; a row the CSV reader refuses is an error and reading goes on."""
    while True:
        start = reader.line_num + 1  # where the next row starts
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            errors.append(f"{path}:{start}: not a CSV row: {err}")
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
