"""The event table (``ckg table``): one event a row, for statistics tools, as CSV, as Parquet
or as a pandas DataFrame, with the same columns and types in each.

Columns (:data:`SCHEMA` gives each one's type):

- ``event``, ``class``: the event's IRI and its most specific classes;
- ``cameo``, ``plover``: the record's own codes (imported events) or the class's alignment
  in the ontology. **Strings**: CAMEO "046" stays "046" (as a number it would be 46);
- ``agents``, ``other_actors``, ``place``, ``claimed_by``: actors and places by their
  English label (else German, else their IRI's last segment); ``other_actors`` carry their
  role (``participant:Armenia``);
- ``date``: the first day the event's date stands for, ISO 8601 (``2020-10`` gives
  ``2020-10-01``), so that it parses as a date everywhere; ``date_precision``: ``day``,
  ``month`` or ``year``; ``date_original``: the date as stated (``2020-10``). An event with
  several dates gets the earliest in ``date`` and all of them in ``date_original``;
- ``confidence``: a number in 0..1;
- ``source``: the article identifier and URL, or the imported record's URL; ``sentence``
  the evidence sentence (mention text) or the record's text.

Multi-values are ``|``-separated and sorted. A missing value is an empty CSV cell, a
Parquet null, a pandas ``<NA>`` / ``NaN`` / ``NaT``. CSV has no types:
:func:`read_event_table` (or ``pd.read_csv(path, dtype=CSV_DTYPES)``) reads the codes as
strings; a Parquet file carries its types (strings, ``date32``, ``float64``).

>>> import pyoxigraph as ox, io
>>> buf = io.StringIO()
>>> write_event_table(ox.Store(), buf)
0
>>> buf.getvalue().split(",")[:3]
['event', 'class', 'cameo']
>>> SCHEMA["date"], SCHEMA["cameo"], SCHEMA["confidence"]
('date', 'string', 'float')
"""

from __future__ import annotations

import csv
import datetime
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

import pyoxigraph as ox
import rdflib

from kg.errors import MissingRuntimeError
from kg.linking.features import DateSpan
from kg.linking.store_io import LinkingVocabulary, default_vocabulary, nn, read_events
from kg.namespaces import CAMEO, CKG, DCTERMS, PLOVER, PROV, RDFS, SKOS
from kg.resources import ontology_files

__all__ = [
    "COLUMNS",
    "CSV_DTYPES",
    "SCHEMA",
    "event_dataframe",
    "event_rows",
    "read_event_table",
    "write_event_parquet",
    "write_event_table",
]

#: Every column and its type: ``string``, ``date`` (a calendar day) or ``float``.
SCHEMA: dict[str, str] = {
    "event": "string",
    "class": "string",
    "cameo": "string",
    "plover": "string",
    "agents": "string",
    "other_actors": "string",
    "date": "date",
    "date_precision": "string",
    "date_original": "string",
    "place": "string",
    "confidence": "float",
    "claimed_by": "string",
    "source": "string",
    "sentence": "string",
}
COLUMNS = tuple(SCHEMA)

#: ``pd.read_csv(path, dtype=CSV_DTYPES)`` reads the CSV with every text column as text
#: (then ``pd.to_datetime(df["date"])``): without it pandas makes numbers of the codes.
CSV_DTYPES: dict[str, str] = {c: "string" for c, t in SCHEMA.items() if t == "string"}

#: A row: strings (``None`` when missing), a ``datetime.date`` and a ``float``.
Row = dict[str, Any]


def _v(t: object) -> str:
    return str(getattr(t, "value", t))


def _alignments() -> dict[str, tuple[list[str], list[str]]]:
    g = rdflib.Graph()
    for p in ontology_files():
        g.parse(p, format="turtle")
    out: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for cls, target in g.subject_objects(SKOS.closeMatch):
        t = str(target)
        if t.startswith(str(CAMEO)):
            out[str(cls)][0].append(t[len(str(CAMEO)) :])
        elif t.startswith(str(PLOVER)) and "/" not in t[len(str(PLOVER)) :]:
            out[str(cls)][1].append(t[len(str(PLOVER)) :])
    return out


def _date_columns(values: list[str]) -> tuple[datetime.date | None, str | None, str | None]:
    """``date``, ``date_precision``, ``date_original`` from the event's ``ckg:date`` values.

    >>> _date_columns(["2020-10", "2020-10-10"])
    (datetime.date(2020, 10, 1), 'month', '2020-10|2020-10-10')
    >>> _date_columns([])
    (None, None, None)
    """
    spans = sorted(s for s in map(DateSpan.parse, values) if s is not None)
    original = "|".join(values) or None
    if not spans:
        return None, None, original
    return spans[0].start, spans[0].precision, original


def event_rows(store: ox.Store, *, vocabulary: LinkingVocabulary | None = None) -> list[Row]:
    """Every event of the store as a row of :data:`COLUMNS` (sorted by event IRI)."""
    vocab = vocabulary or default_vocabulary()
    records = read_events(store, vocab)
    if not records:
        return []
    align = _alignments()
    labels: dict[str, str] = {}

    def label(iri: str) -> str:
        if iri not in labels:
            found: dict[str, str] = {}
            for q in store.quads_for_pattern(nn(iri), nn(RDFS.label), None, None):
                found.setdefault(getattr(q.object, "language", "") or "", _v(q.object))
            labels[iri] = found.get("en") or found.get("de") or iri.rsplit("/", 1)[-1]
        return labels[iri]

    def values(s: str, p: object, g: str) -> list[str]:
        return sorted(_v(q.object) for q in store.quads_for_pattern(nn(s), nn(p), None, nn(g)))

    def joined(items: list[str], sep: str = "|") -> str | None:
        return sep.join(items) or None

    agent = str(CKG.agent)
    rows = []
    for r in records:
        cls = sorted(vocab.hierarchy.specific(r.classes))
        cameo = [v.rsplit("/", 1)[-1] for v in values(r.iri, CKG.cameoCode, r.graph)]
        plover = [v.rsplit("/", 1)[-1] for v in values(r.iri, CKG.ploverType, r.graph)]
        for c in cls:
            cameo = cameo or sorted(align[c][0])
            plover = plover or sorted(align[c][1])
        agents = sorted(label(a) for role, a in r.actors if role == agent)
        others = sorted(
            f"{role.rsplit('#', 1)[-1]}:{label(a)}" for role, a in r.actors if role != agent
        )
        sources, sentences = [], []
        for d in values(r.iri, PROV.wasDerivedFrom, r.graph):
            sentences += values(d, CKG.text, r.graph) + values(d, RDFS.comment, r.graph)
            sources += [v for v in values(d, DCTERMS.source, r.graph) if "://" in v]
        if r.origin == r.graph:  # an article: its identifier and URL
            sources = values(r.graph, DCTERMS.identifier, r.graph) + sources
            sources += [v for v in values(r.graph, DCTERMS.source, r.graph) if "://" in v]
        date, precision, original = _date_columns(values(r.iri, CKG.date, r.graph))
        confidence = values(r.iri, CKG.confidence, r.graph)
        rows.append(
            {
                "event": r.iri,
                "class": joined([c.rsplit("#", 1)[-1] for c in cls]),
                "cameo": joined(cameo),
                "plover": joined(plover),
                "agents": joined(agents),
                "other_actors": joined(others),
                "date": date,
                "date_precision": precision,
                "date_original": original,
                "place": joined(sorted(label(p) for p in r.places)),
                "confidence": max(map(float, confidence)) if confidence else None,
                "claimed_by": joined(
                    sorted(label(c) for c in values(r.iri, CKG.claimedBy, r.graph))
                ),
                "source": joined(list(dict.fromkeys(sources))),
                "sentence": joined(list(dict.fromkeys(sentences)), " | "),
            }
        )
    return rows


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def write_event_table(
    store: ox.Store, out: TextIO, *, vocabulary: LinkingVocabulary | None = None
) -> int:
    """Write the table as CSV to ``out``; returns the number of event rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    rows = event_rows(store, vocabulary=vocabulary)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in COLUMNS])
    return len(rows)


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise MissingRuntimeError(
            "writing Parquet needs pyarrow, which is not installed "
            "(pip install 'conflict-kg[parquet]'); CSV needs nothing"
        ) from err
    return pa, pq


def write_event_parquet(
    store: ox.Store, path: str | Path, *, vocabulary: LinkingVocabulary | None = None
) -> int:
    """Write the table as a Parquet file at ``path``; returns the number of event rows.

    Needs pyarrow (the ``parquet`` extra). Column types: :data:`SCHEMA`.
    """
    pa, pq = _pyarrow()
    types = {"string": pa.string(), "date": pa.date32(), "float": pa.float64()}
    schema = pa.schema([(c, types[t]) for c, t in SCHEMA.items()])
    rows = event_rows(store, vocabulary=vocabulary)
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, str(path))
    return len(rows)


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as err:
        raise MissingRuntimeError(
            "a DataFrame needs pandas, which is not installed "
            "(pip install 'conflict-kg[notebook]'); write_event_table writes CSV without it"
        ) from err
    return pd


def _typed(df: Any) -> Any:
    """``df`` with the dtypes of :data:`SCHEMA`: ``string``, ``datetime64``, ``float64``."""
    pd = _pandas()
    for column, kind in SCHEMA.items():
        if kind == "string":
            df[column] = df[column].astype("string")
        elif kind == "date":
            df[column] = pd.to_datetime(df[column])
        else:
            df[column] = df[column].astype("float64")
    return df


def event_dataframe(store: ox.Store, *, vocabulary: LinkingVocabulary | None = None) -> Any:
    """The table as a pandas DataFrame with the dtypes of :data:`SCHEMA` (needs pandas)."""
    pd = _pandas()
    return _typed(pd.DataFrame(event_rows(store, vocabulary=vocabulary), columns=list(COLUMNS)))


def read_event_table(path: str | Path, *, dtypes: Mapping[str, str] = CSV_DTYPES) -> Any:
    """A table written by ``ckg table`` (``.csv`` or ``.parquet``) as a typed DataFrame,
    the same as :func:`event_dataframe` gives (needs pandas; Parquet also pyarrow)."""
    pd = _pandas()
    if Path(path).suffix.lower() == ".parquet":
        return _typed(pd.read_parquet(path))
    return _typed(pd.read_csv(path, dtype=dict(dtypes), keep_default_na=False, na_values=[""]))
