"""The actor dictionary: states, cities, regions, organisations, people and conflicts.

Loads the TSV files of ``kg/data/actors/`` (and any extra TSV a researcher passes) into an
:class:`ActorDictionary`, and turns it into the reference named graph of known entities.

TSV columns: ``key class label_de label_en alt_de alt_en forms_de adjective_de related
wikidata``; multi-values are ``|``-separated; ``related`` holds ``name=value`` pairs
(``capital_of=armenia``, ``country=russia``, ``part_of=osce``, ``location=...``,
``party=...``); lines starting with ``#`` are comments. A later file may override an
entry with the same key.

>>> d = load_dictionary()
>>> d["armenia"].label_de, d["armenia"].cls
('Armenien', 'State')
>>> d.capital_of("moscow")
'russia'
>>> "armenisch" in d["armenia"].adjectives
True
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError
from kg.iris import entity_iri
from kg.namespaces import CKG, OWL, RDF, RDFS, REFERENCE_GRAPH, SKOS, WD
from kg.resources import data_dir
from kg.vocabulary import ActorClass, FactClass, PlaceClass, is_a

__all__ = [
    "ENTITY_CLASSES",
    "ActorDictionary",
    "Entry",
    "class_is",
    "default_dictionary_files",
    "entity_triples",
    "load_dictionary",
]

#: Classes an entry may have (ckg: local names): actors, places and armed conflicts.
ENTITY_CLASSES = frozenset({*ActorClass, *PlaceClass, FactClass.ARMED_CONFLICT})

_COLUMNS = (
    "key",
    "class",
    "label_de",
    "label_en",
    "alt_de",
    "alt_en",
    "forms_de",
    "adjective_de",
    "related",
    "wikidata",
)
_FILES = ("states", "cities", "regions", "organizations", "people", "leaders", "conflicts")
#: Files whose people are named by their full name only: their surname alone refers to them
#: once an article has named them in full (heads of state and government, ministers)
_FULL_NAME_ONLY = frozenset({"leaders"})


def _multi(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


@dataclass(frozen=True)
class Entry:
    """One known entity."""

    key: str
    cls: str
    label_de: str
    label_en: str = ""
    alt_de: tuple[str, ...] = ()
    alt_en: tuple[str, ...] = ()
    forms_de: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    related: tuple[tuple[str, str], ...] = ()
    wikidata: str = ""
    by_surname: bool = True  # the surname alone names the person in any article

    def rel(self, name: str) -> tuple[str, ...]:
        """Values of one ``related`` relation, in file order."""
        return tuple(v for n, v in self.related if n == name)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name and inflected form (German first)."""
        seen: dict[str, None] = {}
        for n in (self.label_de, *self.alt_de, *self.forms_de, self.label_en, *self.alt_en):
            if n:
                seen.setdefault(n, None)
        return tuple(seen)


class ActorDictionary:
    """Entries by key, with the lookups the extraction needs."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._entries = {e.key: e for e in entries}
        self._capital_of: dict[str, str] = {}
        self._capital: dict[str, str] = {}
        for e in self._entries.values():
            for state in e.rel("capital_of"):
                self._capital_of[e.key] = state
                self._capital.setdefault(state, e.key)

    def __getitem__(self, key: str) -> Entry:
        return self._entries[key]

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(sorted(self._entries.values(), key=lambda e: e.key))

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> Entry | None:
        return self._entries.get(key)

    def capital_of(self, key: str) -> str | None:
        """The state whose capital ``key`` is, if it is one."""
        return self._capital_of.get(key)

    def capital(self, state: str) -> str | None:
        """The capital city of ``state``."""
        return self._capital.get(state)

    def is_a(self, key: str, *classes: str) -> bool:
        """Whether the entry's class is one of ``classes`` or beneath one of them."""
        e = self._entries.get(key)
        return e is not None and class_is(e.cls, *classes)


def class_is(cls: str, *classes: str) -> bool:
    """Whether the class ``cls`` is one of ``classes`` or beneath one of them in the
    contract's class tree (:func:`kg.vocabulary.is_a`, checked against the ontology).

    >>> class_is("ArmedGroup", "Actor"), class_is("Region", "Actor"), class_is("City", "Place")
    (True, False, True)
    """
    return any(is_a(cls, c) for c in classes)


def default_dictionary_files() -> list[Path]:
    """The shipped TSV files, in load order."""
    base = data_dir() / "actors"
    return [base / f"{name}.tsv" for name in _FILES if (base / f"{name}.tsv").exists()]


_YEAR = re.compile(r"[0-9]{4}")


def _read_tsv(path: Path) -> Iterator[Entry]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read dictionary: {err}") from err
    rows = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    if not rows:
        return
    header = rows[0].split("\t")
    if header[:2] != ["key", "class"]:
        raise InputError(f"{path}: first non-comment line must be the header 'key<TAB>class...'")
    for n, row in enumerate(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
        key = (row.get("key") or "").strip()
        cls = (row.get("class") or "").strip()
        if not key:
            continue
        if cls not in ENTITY_CLASSES:
            raise InputError(f"{path}: row {n} ({key}): unknown class {cls!r}")
        related = []
        for pair in _multi(row.get("related")):
            name, _, value = pair.partition("=")
            if value:
                related.append((name.strip(), value.strip()))
        bad = [
            (name, v)
            for name, v in related
            if name in ("since", "until") and not _YEAR.fullmatch(v)
        ]
        if bad:
            name, v = bad[0]
            raise InputError(f"{path}: row {n} ({key}): {name}={v!r} is not a year (YYYY)")
        yield Entry(
            key=key,
            cls=cls,
            label_de=(row.get("label_de") or "").strip() or key,
            label_en=(row.get("label_en") or "").strip(),
            alt_de=_multi(row.get("alt_de")),
            alt_en=_multi(row.get("alt_en")),
            forms_de=_multi(row.get("forms_de")),
            adjectives=tuple(a.lower() for a in _multi(row.get("adjective_de"))),
            related=tuple(related),
            wikidata=(row.get("wikidata") or "").strip(),
            by_surname=path.stem not in _FULL_NAME_ONLY,
        )


def load_dictionary(
    paths: Sequence[Path] | None = None, *, extra: Sequence[Path] = ()
) -> ActorDictionary:
    """Load the shipped TSVs (or ``paths``), then ``extra`` ones that add or override keys."""
    entries: dict[str, Entry] = {}
    for path in [*(default_dictionary_files() if paths is None else paths), *extra]:
        for e in _read_tsv(Path(path)):
            entries[e.key] = e
    return ActorDictionary(list(entries.values()))


def entity_triples(entry: Entry) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    """Type, labels, alternative labels, Wikidata link and part-of of one entry."""
    s = entity_iri(entry.key)
    yield s, RDF.type, CKG[entry.cls]
    yield s, RDFS.label, Literal(entry.label_de, lang="de")
    if entry.label_en:
        yield s, RDFS.label, Literal(entry.label_en, lang="en")
    for alt in entry.alt_de:
        if alt != entry.label_de:
            yield s, SKOS.altLabel, Literal(alt, lang="de")
    for alt in entry.alt_en:
        if alt != entry.label_en:
            yield s, SKOS.altLabel, Literal(alt, lang="en")
    if entry.wikidata.startswith("Q") and entry.wikidata[1:].isdigit():
        yield s, OWL.sameAs, WD[entry.wikidata]


def reference_graph_from(
    dictionary: ActorDictionary, *, only: AbstractSet[Node] | None = None
) -> Graph:
    """The reference named graph: every known entity with labels, types, Wikidata links,
    membership (``part_of``), conflict parties and locations, as the data says."""
    g = Graph(identifier=REFERENCE_GRAPH)
    for entry in dictionary:
        s = entity_iri(entry.key)
        if only is not None and s not in only:
            continue
        for t in entity_triples(entry):
            g.add(t)
        for org in entry.rel("part_of"):
            g.add((s, CKG.memberOf, entity_iri(org)))
        if entry.cls == "ArmedConflict":
            for party in entry.rel("party"):
                g.add((s, CKG.party, entity_iri(party)))
            for place in entry.rel("location"):
                g.add((s, CKG.location, entity_iri(place)))
    return g


__all__ += ["reference_graph_from"]
