"""What the importers share: source events, actor and type mapping, writing one batch.

Each importer parses its format into :class:`SourceEvent` values (or a per-record error
message naming file and line); :func:`write_batch` turns the good ones into quads under
the contract, in one named graph per imported file (``id:source/<format>/<file-slug>``),
and writes them in one transaction. Every event is ``prov:wasDerivedFrom`` a
``ckg:SourceRecord`` (``dcterms:identifier`` the record id, ``dcterms:source`` its URL)
instead of a mention.

Coordinates of the event's place (GDELT ``ActionGeo_Lat``/``_Long``, ACLED
``latitude``/``longitude``, POLECAT ``event_loc``) go on the place entity as W3C Basic Geo
``geo:lat`` / ``geo:long`` (``xsd:decimal`` degrees, WGS84), after
:func:`check_coordinates`: bad coordinates refuse only themselves (the record is kept).

Every record is judged alone (:func:`check_cells`, :func:`check_url`): a cell with a NUL
character or a lone surrogate, a cell longer than :data:`MAX_CELL_CHARS`, or a URL that
is not a valid IRI refuses that record with its line and reason, and the others go on.
Lines end at ``\\n`` or ``\\r\\n`` only
(:class:`~kg.linking.importers.stream.LineSource`): a U+2028 in a cell does not split a
record.

>>> m = Mappings.load()
>>> m.cameo_class("0871").rsplit("#")[-1], m.cameo_class("0873").rsplit("#")[-1]
('CeasefireAgreement', 'Event')
>>> m.actor_key("ARMENIA", ""), m.actor_key("", "AZE"), m.actor_key("Sergey Lavrov", "")
('armenia', 'azerbaijan', 'sergey-lavrov')
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.dictionary import load_dictionary
from kg.errors import InputError
from kg.iris import content_hash, entity_iri, fact_iri, slugify
from kg.linking.store_io import nn, replace_quads
from kg.namespaces import CAMEO, CKG, DCTERMS, GEO, ID, PLOVER, PROV, RDF, RDFS, SKOS, XSD
from kg.resources import data_dir, ontology_files
from kg.vocabulary import PlaceClass

__all__ = [
    "MAX_CELL_CHARS",
    "ActorRef",
    "ImportResult",
    "Mappings",
    "SourceEvent",
    "batch_graph",
    "check_cells",
    "check_coordinates",
    "check_url",
    "split_records",
    "write_batch",
]

#: Longest cell (characters) of an imported record. ACLED notes run to a few hundred,
#: URLs to a few hundred; a longer cell is a broken file (an unclosed quote), not data.
MAX_CELL_CHARS = 32_768


@dataclass(frozen=True)
class ActorRef:
    """An actor as a source names it: a name and/or an ISO 3166 alpha-3 country code."""

    name: str = ""
    country: str = ""


@dataclass(frozen=True)
class SourceEvent:
    """One imported event before it becomes RDF."""

    dataset: str  # "GDELT 2.0", "POLECAT", "ACLED"
    record_id: str
    line: int
    date: str  # xsd:date lexical (YYYY-MM-DD)
    cls: str  # event class IRI
    actors: tuple[tuple[str, ActorRef], ...] = ()  # (role property IRI, actor)
    place: ActorRef | None = None
    url: str = ""
    text: str = ""
    cameo: str = ""
    plover_type: str = ""
    plover_mode: str = ""
    fatalities: int | None = None
    coordinates: tuple[str, str] | None = None  # the place's (lat, long), xsd:decimal


@dataclass
class ImportResult:
    """What one file gave: its graph, the events written, and the problems: refused
    records and refused coordinates (``refused`` counts them; ``errors`` holds their
    messages unless they were handed to a callback as they came)."""

    path: str
    graph: str
    events: int = 0
    errors: list[str] = field(default_factory=list)
    refused: int = 0


def batch_graph(fmt: str, path: str | Path) -> str:
    """The named graph of one imported file.

    >>> batch_graph("gdelt", "examples/imports/gdelt-karabakh.tsv")
    'https://w3id.org/conflict-kg/id/source/gdelt/gdelt-karabakh-tsv'
    """
    return str(ID[f"source/{fmt}/{slugify(Path(path).name)}"])


def _read_table(path: Path, columns: int) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            rows.append((parts + [""] * columns)[:columns])
    return rows[1:]


@dataclass(frozen=True)
class Mappings:
    """CAMEO and PLOVER alignments (from the ontology), actor names and ISO codes."""

    cameo_known: frozenset[str]
    cameo_classes: dict[str, str]
    plover_known: frozenset[str]
    plover_rows: tuple[tuple[str, str, str], ...]
    acled_rows: tuple[tuple[str, str, str, str], ...]
    names: dict[str, str]
    iso3: dict[str, str]
    places: frozenset[str]

    @classmethod
    def load(cls) -> Mappings:
        """From the installed ontology, dictionary and ``kg/data/linking/*.tsv``."""
        files = tuple((str(p), p.stat().st_mtime) for p in ontology_files() if p.is_file())
        return _load_mappings(files)

    def cameo_class(self, code: str) -> str:
        """The class aligned to ``code`` or its nearest broader code; ``ckg:Event`` if none.

        Raises :class:`InputError` for a code that is not in the CAMEO scheme.
        """
        code = code.strip()
        if code not in self.cameo_known:
            raise InputError(f"unknown CAMEO code {code!r}")
        for n in (len(code), 3, 2):
            if n <= len(code) and code[:n] in self.cameo_classes:
                return self.cameo_classes[code[:n]]
        return str(CKG.Event)

    def plover_class(self, event_type: str, mode: str = "") -> str:
        """The class for a PLOVER type and mode (``plover-types.tsv``); ``ckg:Event`` if none."""
        t = event_type.strip().upper()
        if t not in self.plover_known:
            raise InputError(f"unknown PLOVER event type {event_type!r}")
        for typ, m, klass in self.plover_rows:
            if typ == t and m in ("*", mode.strip().lower()):
                return str(CKG[klass])
        return str(CKG.Event)

    def acled_class(self, event_type: str, sub_type: str, notes: str) -> str:
        """The class for an ACLED event/sub-event type (``acled-types.tsv``)."""
        for et, st, rx, klass in self.acled_rows:
            if et.lower() == event_type.strip().lower() and st in ("*", sub_type.strip()):
                if rx and not re.search(rx, notes, re.IGNORECASE):
                    continue
                return str(CKG[klass])
        raise InputError(f"unknown ACLED event type {event_type!r}/{sub_type!r}")

    def actor_key(self, name: str, country: str) -> str | None:
        """The dictionary key for a name (any spelling it lists) or else a country code."""
        for candidate in (name.strip().casefold(), slugify(name)):
            if candidate and candidate in self.names:
                return self.names[candidate]
        return self.iso3.get(country.strip().upper())

    def place_key(self, name: str) -> str | None:
        """The dictionary key of a place named ``name`` or its first comma-part."""
        for part in (name, name.split(",")[0]):
            key = self.actor_key(part, "")
            if key and key in self.places:
                return key
        return None


@lru_cache(maxsize=2)
def _load_mappings(files: tuple[tuple[str, float], ...]) -> Mappings:
    g = rdflib.Graph()
    for path, _ in files:
        g.parse(path, format="turtle")
    cameo_known = frozenset(
        str(n) for s, n in g.subject_objects(SKOS.notation) if str(s).startswith(str(CAMEO))
    )
    plover_known = frozenset(
        str(s)[len(str(PLOVER)) :]
        for s in g.subjects(RDF.type, SKOS.Concept)
        if str(s).startswith(str(PLOVER)) and "/" not in str(s)[len(str(PLOVER)) :]
    )
    cameo_classes: dict[str, str] = {}
    for klass, target in sorted(g.subject_objects(SKOS.closeMatch)):
        t = str(target)
        if t.startswith(str(CAMEO)) and str(klass).startswith(str(CKG)):
            cameo_classes.setdefault(t[len(str(CAMEO)) :], str(klass))
    base = data_dir() / "linking"
    plover_rows = tuple(
        (r[0].strip().upper(), r[1].strip().lower(), r[2].strip())
        for r in _read_table(base / "plover-types.tsv", 3)
    )
    acled_rows = tuple(
        (r[0].strip(), r[1].strip(), r[2].strip(), r[3].strip())
        for r in _read_table(base / "acled-types.tsv", 4)
    )
    iso3 = {r[0].strip().upper(): r[1].strip() for r in _read_table(base / "iso3.tsv", 2)}
    names: dict[str, str] = {}
    places = set()
    dictionary = load_dictionary()
    for entry in dictionary:
        for n in entry.names:
            names.setdefault(n.casefold(), entry.key)
            names.setdefault(slugify(n), entry.key)
        names.setdefault(entry.key, entry.key)
        if dictionary.is_a(entry.key, PlaceClass.PLACE):
            places.add(entry.key)
    return Mappings(
        cameo_known,
        cameo_classes,
        plover_known,
        plover_rows,
        acled_rows,
        names,
        iso3,
        frozenset(places),
    )


def _actor_node(ref: ActorRef, mappings: Mappings, g: ox.NamedNode) -> tuple[str, list[ox.Quad]]:
    key = mappings.actor_key(ref.name, ref.country)
    if key:
        return str(entity_iri(key)), []
    iri = str(entity_iri(slugify(ref.name) if ref.name else f"unknown-{content_hash(ref)}"))
    quads = [ox.Quad(nn(iri), nn(RDF.type), nn(CKG.Actor), g)]
    if ref.name:
        quads.append(ox.Quad(nn(iri), nn(RDFS.label), ox.Literal(ref.name, language="en"), g))
    return iri, quads


def _place_node(ref: ActorRef, mappings: Mappings, g: ox.NamedNode) -> tuple[str, list[ox.Quad]]:
    key = mappings.place_key(ref.name)
    if key:
        return str(entity_iri(key)), []
    iri = str(entity_iri(slugify(ref.name)))
    return iri, [
        ox.Quad(nn(iri), nn(RDF.type), nn(CKG.Place), g),
        ox.Quad(nn(iri), nn(RDFS.label), ox.Literal(ref.name, language="en"), g),
    ]


def event_quads(
    ev: SourceEvent, *, fmt: str, path: Path, graph: str, mappings: Mappings
) -> list[ox.Quad]:
    """The quads of one imported event, its source record and minted actors."""
    g = nn(graph)
    event = nn(fact_iri(f"event/{fmt}", ev.record_id))
    record = nn(fact_iri(f"record/{fmt}", ev.record_id))
    quads = [
        ox.Quad(event, nn(RDF.type), nn(ev.cls), g),
        ox.Quad(event, nn(CKG.date), ox.Literal(ev.date, datatype=nn(XSD.date)), g),
        ox.Quad(event, nn(PROV.wasDerivedFrom), record, g),
        ox.Quad(record, nn(RDF.type), nn(CKG.SourceRecord), g),
        ox.Quad(record, nn(DCTERMS.identifier), ox.Literal(ev.record_id), g),
        ox.Quad(record, nn(CKG.dataset), ox.Literal(ev.dataset), g),
        ox.Quad(record, nn(CKG.sourceFile), ox.Literal(path.name), g),
        ox.Quad(record, nn(CKG.sourceLine), ox.Literal(str(ev.line), datatype=nn(XSD.integer)), g),
    ]
    if ev.url:
        try:
            quads.append(ox.Quad(record, nn(DCTERMS.source), ox.NamedNode(ev.url), g))
        except ValueError:
            quads.append(ox.Quad(record, nn(DCTERMS.source), ox.Literal(ev.url), g))
    if ev.text:
        quads.append(ox.Quad(record, nn(RDFS.comment), ox.Literal(ev.text), g))
    if ev.cameo:
        quads.append(ox.Quad(event, nn(CKG.cameoCode), nn(CAMEO[ev.cameo]), g))
    if ev.plover_type:
        quads.append(ox.Quad(event, nn(CKG.ploverType), nn(PLOVER[ev.plover_type.upper()]), g))
    if ev.plover_mode:
        quads.append(ox.Quad(event, nn(CKG.ploverMode), nn(PLOVER[f"mode/{ev.plover_mode}"]), g))
    if ev.fatalities is not None:
        lit = ox.Literal(str(ev.fatalities), datatype=nn(XSD.integer))
        quads.append(ox.Quad(event, nn(CKG.fatalities), lit, g))
    for role, ref in ev.actors:
        iri, extra = _actor_node(ref, mappings, g)
        quads += [*extra, ox.Quad(event, nn(role), nn(iri), g)]
    if ev.place is not None and ev.place.name:
        iri, extra = _place_node(ev.place, mappings, g)
        quads += [*extra, ox.Quad(event, nn(CKG.location), nn(iri), g)]
        if ev.coordinates is not None:
            lat, long = (ox.Literal(v, datatype=nn(XSD.decimal)) for v in ev.coordinates)
            quads += [
                ox.Quad(nn(iri), nn(GEO.lat), lat, g),
                ox.Quad(nn(iri), nn(GEO.long), long, g),
            ]
    return quads


def write_batch(
    store: ox.Store,
    events: Sequence[SourceEvent],
    *,
    fmt: str,
    path: Path,
    mappings: Mappings,
) -> str:
    """Replace the file's graph by these events, in one transaction; returns the graph."""
    graph = batch_graph(fmt, path)
    quads: list[ox.Quad] = []
    for ev in events:
        quads += event_quads(ev, fmt=fmt, path=path, graph=graph, mappings=mappings)
    old = list(store.quads_for_pattern(None, None, None, nn(graph)))
    replace_quads(store, remove=old, add=list(dict.fromkeys(quads)))
    return graph


def check_date(value: str, *, what: str = "date") -> str:
    """An ``xsd:date`` lexical from ``YYYY-MM-DD`` or ``YYYYMMDD``; InputError otherwise.

    >>> check_date("20201010"), check_date("2020-10-10")
    ('2020-10-10', '2020-10-10')
    """
    from datetime import date, datetime

    v = value.strip()
    for fmt in ("%Y-%m-%d", "%Y%m%d", "%d %B %Y", "%d-%B-%Y"):
        try:
            return datetime.strptime(v, fmt).date().isoformat()
        except ValueError:
            continue
    if not v:
        raise InputError(f"no {what}")
    _ = date  # the accepted forms are listed in the message
    raise InputError(
        f"malformed {what} {value!r} (expected YYYY-MM-DD, YYYYMMDD or '9 October 2020')"
    )


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def check_coordinates(latitude: object, longitude: object) -> tuple[str, str] | None:
    """A place's latitude and longitude as ``xsd:decimal`` lexicals (degrees, WGS84), or
    ``None`` when both are missing; InputError naming the bad one otherwise.

    >>> check_coordinates(" 40.1811", "44.5136"), check_coordinates("", None)
    (('40.1811', '44.5136'), None)
    >>> check_coordinates(55.75222, -8)
    ('55.75222', '-8')
    >>> check_coordinates("95.2", "44.5")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: latitude '95.2' is outside -90..90
    >>> check_coordinates("40.1", "")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: a latitude without a longitude
    """
    cells = [_cell(v) for v in (latitude, longitude)]
    if not any(cells):
        return None
    if not all(cells):
        given, missing = ("latitude", "longitude") if cells[0] else ("longitude", "latitude")
        raise InputError(f"a {given} without a {missing}")
    values = []
    for name, text, bound in (("latitude", cells[0], 90), ("longitude", cells[1], 180)):
        if not _NUMBER.fullmatch(text):
            raise InputError(f"{name} {text!r} is not a decimal number")
        if abs(Decimal(text)) > bound:
            raise InputError(f"{name} {text!r} is outside -{bound}..{bound}")
        values.append(text.lstrip("+"))
    return values[0], values[1]


def _cell(value: object) -> str:
    """A coordinate cell as text: a JSON number (POLECAT) in plain decimal notation."""
    if value is None:
        return ""
    if isinstance(value, bool):  # JSON true/false: not a number, whatever Python says
        return str(value).lower()
    if isinstance(value, float) and math.isfinite(value):
        return format(Decimal(repr(value)), "f")  # 1e-05 -> 0.00001 (xsd:decimal has no E)
    return str(value).strip()


def check_cells(cells: dict[str, object]) -> None:
    """InputError for the first cell (any string inside it) that cannot be stored.

    >>> check_cells({"notes": "ok", "actors": ["a", {"name": "b"}]})
    >>> check_cells({"notes": "a\\x00b"})
    Traceback (most recent call last):
    ...
    kg.errors.InputError: cell 'notes' has a NUL character at character 2
    """
    from kg.articles import _string_problem

    for name, value in cells.items():
        for text in _strings(value):
            if len(text) > MAX_CELL_CHARS:
                raise InputError(
                    f"cell {name!r} has {len(text):,} characters, more than the limit of "
                    f"{MAX_CELL_CHARS:,}"
                )
            problem = _string_problem(text)
            if problem:
                raise InputError(f"cell {name!r} has {problem}")


def split_records(
    records: Iterable[SourceEvent | str],
) -> tuple[list[SourceEvent], list[str]]:
    """The events and the error messages of an importer's records, all at once.

    >>> split_records(["f:2: bad date"])
    ([], ['f:2: bad date'])
    """
    items = list(records)
    return (
        [r for r in items if isinstance(r, SourceEvent)],
        [r for r in items if isinstance(r, str)],
    )


def _strings(value: object) -> list[str]:
    """Every string in a cell value (a string, or JSON lists and objects)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def check_url(value: str, *, what: str = "URL") -> str:
    """``value`` stripped if empty or a valid IRI; InputError naming ``what`` otherwise.

    >>> check_url(" https://example.org/a "), check_url("")
    ('https://example.org/a', '')
    >>> check_url("http://example.org/a b", what="SOURCEURL")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: SOURCEURL is not a valid IRI: a space at character 21
    """
    from kg.articles import iri_problem

    url = value.strip()
    problem = iri_problem(url) if url else None
    if problem:
        raise InputError(f"{what} is not a valid IRI: {problem}")
    return url
