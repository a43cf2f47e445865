"""GDELT 2.0 event records (the tab-separated ``*.export.CSV`` files, 61 columns, no header).

Columns after the GDELT 2.0 Event Codebook: ids and dates, Actor1*/Actor2* (code, name,
country code, known group, ethnic, religion, type codes), event codes and scores, three
geography blocks (Actor1Geo_*, Actor2Geo_*, ActionGeo_*), DATEADDED, SOURCEURL.
``EventCode`` is mapped through the ontology's CAMEO alignment; Actor1 becomes the agent,
Actor2 the addressee (a participant for consultations and agreements); ``SQLDATE`` the
date; ``ActionGeo_FullName`` the place, ``ActionGeo_Lat``/``ActionGeo_Long`` its
coordinates; ``SOURCEURL`` the record's source. Rows are read lazily
(:func:`iter_gdelt`), one line at a time.

>>> len(COLUMNS), COLUMNS[0], COLUMNS[26], COLUMNS[-1]
(61, 'GLOBALEVENTID', 'EventCode', 'SOURCEURL')
"""

from __future__ import annotations

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

__all__ = ["COLUMNS", "iter_gdelt", "parse_gdelt"]

_ACTOR = [
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
]  # fmt: skip
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

# Classes whose second actor takes part rather than being addressed.
_SYMMETRIC = {
    str(c.iri)
    for c in (
        EventClass.MEETING,
        EventClass.NEGOTIATION,
        EventClass.PHONE_CALL,
        EventClass.AGREEMENT,
        EventClass.CEASEFIRE_AGREEMENT,
        EventClass.MEDIATION,
    )
}


def parse_gdelt(path: Path, mappings: Mappings) -> tuple[list[SourceEvent], list[str]]:
    """Events and per-record errors (``file:line: message``) of one GDELT events file,
    all at once (:func:`iter_gdelt` gives them one at a time)."""
    return split_records(iter_gdelt(LineSource(path), mappings))


def iter_gdelt(lines: LineSource, mappings: Mappings) -> Iterator[SourceEvent | str]:
    """Each event of a GDELT events file, or the message (``file:line: why``) of a refused
    record or of refused coordinates (then the event follows, without them)."""
    path = lines.path
    for n, line, problem in lines:
        if problem is not None or line is None:
            yield f"{path}:{n}: {problem}"
            continue
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            yield f"{path}:{n}: {len(cells)} columns, a GDELT 2.0 event row has 61"
            continue
        row = dict(zip(COLUMNS, cells, strict=True))
        rid = row["GLOBALEVENTID"].strip()
        try:
            if not rid:
                raise InputError("no GLOBALEVENTID")
            check_cells(dict(row))
            cls = mappings.cameo_class(row["EventCode"])
            date = check_date(row["SQLDATE"], what="SQLDATE")
            url = check_url(row["SOURCEURL"], what="SOURCEURL")
        except InputError as err:
            yield f"{path}:{n}: record {rid or '?'}: {err}"
            continue
        place = row["ActionGeo_FullName"].strip()
        coordinates = None
        if place:
            try:
                coordinates = check_coordinates(row["ActionGeo_Lat"], row["ActionGeo_Long"])
            except InputError as err:
                yield f"{path}:{n}: record {rid}: coordinates left out: {err}"
        second = str(CKG.participant if cls in _SYMMETRIC else CKG.addressee)
        actors = []
        for i, role in ((1, str(CKG.agent)), (2, second)):
            ref = ActorRef(row[f"Actor{i}Name"].strip(), row[f"Actor{i}CountryCode"].strip())
            if ref.name or ref.country:
                actors.append((role, ref))
        yield SourceEvent(
            dataset="GDELT 2.0",
            record_id=rid,
            line=n,
            date=date,
            cls=cls,
            actors=tuple(actors),
            place=ActorRef(place) if place else None,
            url=url,
            cameo=row["EventCode"].strip(),
            coordinates=coordinates,
        )
