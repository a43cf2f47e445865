"""PLOVER/POLECAT event records in JSON: JSON Lines, or one array of records.

Fields after the PLOVER specification (JSON data fields): ``id`` (required), ``date``
(``YYYY-MM-DD``, required), ``event`` (a type or a list of types; POLECAT exports also
use ``event_type``), ``mode``, ``context``, ``source`` / ``recipient`` (lists of actor
objects with ``code`` = ISO 3166 alpha-3, ``actor_text``, ``identifier_text``),
``event_loc`` (a geonames-style object with ``name``), ``event_text``, ``cite_info``
(with ``url``). The type is checked against ``ontology/plover.ttl`` and mapped with
``kg/data/linking/plover-types.tsv``. ``event_loc``'s ``latitude`` / ``longitude`` give
the place's coordinates.

Records are read lazily (:func:`iter_polecat`): JSON Lines a line at a time, and a JSON
array a record at a time (:func:`_array_records`), never the whole file at once. A
record's messages name the line it starts on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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

__all__ = ["iter_polecat", "parse_polecat"]

#: Longest record of a JSON array (characters): a POLECAT record is a few KB. A longer
#: one is a broken file (an unclosed string or brace), and reading stops there.
MAX_RECORD_CHARS = 4 * 1024 * 1024
#: Characters read on when a record is not complete yet (a record spans lines).
_READ_AHEAD_CHARS = 64 * 1024
_BETWEEN = re.compile(r"[\s,]*")


def _records(lines: LineSource) -> Iterator[tuple[int, Any, str | None]]:
    """(line, record, parse error) of a JSON Lines file or a JSON array (the first
    non-blank line starts with ``[``)."""
    source = iter(lines)
    first = True
    for n, text, problem in source:
        if problem is not None or text is None:
            yield n, None, problem
        elif first and text.lstrip().startswith("["):
            yield from _array_records(source, n, text.lstrip()[1:])
            return
        elif text.strip():
            yield _json_line(n, text)
        first = first and not (text and text.strip())


def _json_line(n: int, text: str) -> tuple[int, Any, str | None]:
    try:
        return n, json.loads(text), None
    except json.JSONDecodeError as err:
        return n, None, f"not valid JSON: {err.msg}"


def _array_records(
    source: Iterator[tuple[int, str | None, str | None]], line: int, text: str
) -> Iterator[tuple[int, Any, str | None]]:
    """The records of a JSON array whose first line (after ``[``) is ``text``, decoded one
    at a time from a buffer that holds about one record (``raw_decode`` at an offset,
    more lines read when the record is not complete yet)."""
    decoder = json.JSONDecoder()
    buffer, pos, ended = text + "\n", 0, False
    while True:
        gap = _BETWEEN.match(buffer, pos)
        assert gap is not None
        line += buffer.count("\n", pos, gap.end())
        pos = gap.end()
        if buffer.startswith("]", pos):
            return
        try:
            if pos == len(buffer):
                raise json.JSONDecodeError("the array is not closed", buffer, pos)
            record, end = decoder.raw_decode(buffer, pos)
        except json.JSONDecodeError as err:
            if ended or len(buffer) - pos > MAX_RECORD_CHARS:
                yield line, None, f"not valid JSON: {err.msg}"
                return
            parts = [buffer[pos:]]  # keep only the record being read
            ended = _read_more(source, parts)
            buffer, pos = "".join(parts), 0
            continue
        yield line, record, None
        line += buffer.count("\n", pos, end)
        pos = end


def _read_more(source: Iterator[tuple[int, str | None, str | None]], parts: list[str]) -> bool:
    """Append lines to ``parts`` until about :data:`_READ_AHEAD_CHARS` more were read;
    True if the file ended. A line that cannot be read counts as an empty line."""
    added = 0
    for _n, text, _problem in source:
        parts.append((text or "") + "\n")
        added += len(parts[-1])
        if added >= _READ_AHEAD_CHARS:
            return False
    return True


def _first(value: Any) -> str:
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return "" if value is None else str(value)


def _actor(obj: Any) -> ActorRef:
    if isinstance(obj, str):
        return ActorRef(obj)
    if not isinstance(obj, dict):
        return ActorRef()
    name = obj.get("identifier_text") or obj.get("actor_text") or obj.get("name") or ""
    return ActorRef(str(name), str(obj.get("code") or obj.get("country") or ""))


def parse_polecat(path: Path, mappings: Mappings) -> tuple[list[SourceEvent], list[str]]:
    """Events and per-record errors (``file:line: message``) of one PLOVER JSON file, all
    at once (:func:`iter_polecat` gives them one at a time)."""
    return split_records(iter_polecat(LineSource(path), mappings))


def iter_polecat(lines: LineSource, mappings: Mappings) -> Iterator[SourceEvent | str]:
    """Each event of a PLOVER JSON file, or the message (``file:line: why``) of a refused
    record or of refused coordinates (then the event follows, without them)."""
    for n, rec, problem in _records(lines):
        where = f"{lines.path}:{n}"
        if problem or not isinstance(rec, dict):
            yield f"{where}: {problem or 'a record must be a JSON object'}"
            continue
        yield from _event(rec, where, n, mappings)


def _event(
    rec: dict[str, Any], where: str, n: int, mappings: Mappings
) -> Iterator[SourceEvent | str]:
    """The event of one record (or why it is refused)."""
    rid = str(rec.get("id") or "").strip()
    try:
        if not rid:
            raise InputError("record without id")
        check_cells(rec)
        date = check_date(str(rec.get("date") or ""), what="date")
        etype = _first(rec.get("event") or rec.get("event_type")).strip().upper()
        if not etype:
            raise InputError("record without event type")
        mode = _first(rec.get("mode")).strip().lower()
        cls = mappings.plover_class(etype, mode)
        cite = rec.get("cite_info") or {}
        url = check_url(str(cite.get("url") or "") if isinstance(cite, dict) else "")
    except InputError as err:
        yield f"{where}: record {rid or '?'}: {err}"
        return
    symmetric = etype in {"CONSULT", "AGREE"} or cls == str(CKG.CeasefireAgreement)
    second = str(CKG.participant if symmetric else CKG.addressee)
    actors = [(str(CKG.agent), _actor(a)) for a in rec.get("source") or []]
    actors += [(second, _actor(a)) for a in rec.get("recipient") or []]
    loc = rec.get("event_loc") or {}
    place = str(loc.get("name") or "") if isinstance(loc, dict) else str(loc)
    coordinates = None
    if place and isinstance(loc, dict):
        try:
            coordinates = check_coordinates(loc.get("latitude"), loc.get("longitude"))
        except InputError as err:
            yield f"{where}: record {rid}: coordinates left out: {err}"
    yield SourceEvent(
        dataset="POLECAT",
        record_id=rid,
        line=n,
        date=date,
        cls=cls,
        actors=tuple((r, a) for r, a in actors if a.name or a.country),
        place=ActorRef(place) if place else None,
        url=url,
        text=_first(rec.get("event_text")),
        plover_type=etype,
        plover_mode=mode,
        coordinates=coordinates,
    )
