"""PLOVER/POLECAT event records in JSON: JSON Lines, or one array of records.

Fields after the PLOVER specification (JSON data fields): ``id`` (required), ``date``
(``YYYY-MM-DD``, required), ``event`` (a type or a list of types; POLECAT exports also
use ``event_type``), ``mode``, ``context``, ``source`` / ``recipient`` (lists of actor
objects with ``code`` = ISO 3166 alpha-3, ``actor_text``, ``identifier_text``),
``event_loc`` (a geonames-style object with ``name``), ``event_text``, ``cite_info``
(with ``url``). The type is checked against ``ontology/plover.ttl`` and mapped with
``kg/data/linking/plover-types.tsv``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.linking.importers.common import (
    ActorRef,
    Mappings,
    SourceEvent,
    check_cells,
    check_date,
    check_url,
    read_lines,
    read_text,
)
from kg.namespaces import CKG

__all__ = ["parse_polecat"]


def _records(path: Path) -> list[tuple[int, Any, str | None]]:
    """(line or record number, record, parse error)."""
    text = read_text(path)
    if text.lstrip().startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            return [(err.lineno, None, f"not valid JSON: {err.msg}")]
        return [(i, rec, None) for i, rec in enumerate(data, 1)]
    out: list[tuple[int, Any, str | None]] = []
    for n, line in enumerate(read_lines(path), 1):
        if line.strip():
            try:
                out.append((n, json.loads(line), None))
            except json.JSONDecodeError as err:
                out.append((n, None, f"not valid JSON: {err.msg}"))
    return out


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
    """Events and per-record errors (``file:record N: message``) of one PLOVER JSON file."""
    events: list[SourceEvent] = []
    errors: list[str] = []
    for n, rec, problem in _records(path):
        where = f"{path}:{n}"
        if problem or not isinstance(rec, dict):
            errors.append(f"{where}: {problem or 'a record must be a JSON object'}")
            continue
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
            errors.append(f"{where}: record {rid or '?'}: {err}")
            continue
        symmetric = etype in {"CONSULT", "AGREE"} or cls == str(CKG.CeasefireAgreement)
        second = str(CKG.participant if symmetric else CKG.addressee)
        actors = [(str(CKG.agent), _actor(a)) for a in rec.get("source") or []]
        actors += [(second, _actor(a)) for a in rec.get("recipient") or []]
        loc = rec.get("event_loc") or {}
        place = str(loc.get("name") or "") if isinstance(loc, dict) else str(loc)
        events.append(
            SourceEvent(
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
            )
        )
    return events, errors
