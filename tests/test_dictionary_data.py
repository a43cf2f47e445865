"""Integrity of the actor/place dictionary in ``kg/data/actors/*.tsv``.

The extraction pipeline looks surface forms up in these files, so they must parse, keys
must be unique and slug-shaped, every cross reference must resolve, Wikidata links must be
verified ones, and a surface form must name exactly one entity (unless allow-listed here).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from kg.vocabulary import ActorClass, FactClass, PlaceClass

ACTORS_DIR = Path(__file__).resolve().parents[1] / "kg" / "data" / "actors"
VERIFIED_TSV = Path("/work/shared/reference/wikidata-verified.tsv")

FILES = (
    "states.tsv",
    "cities.tsv",
    "regions.tsv",
    "organizations.tsv",
    "people.tsv",
    "leaders.tsv",
    "conflicts.tsv",
)
HEADER = [
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
]
# The classes come from kg.vocabulary (checked against the ontology in test_vocabulary.py);
# which of them a row may have, and in which file, is this test's own.
# A row names its actor's kind: the root class ckg:Actor says nothing.
ACTOR_CLASSES = {c for c in ActorClass if c is not ActorClass.ACTOR}
PLACE_CLASSES = set(PlaceClass)
ALLOWED_CLASSES = ACTOR_CLASSES | PLACE_CLASSES | {FactClass.ARMED_CONFLICT}
# Which classes each file may hold.
FILE_CLASSES = {
    "states.tsv": {ActorClass.STATE},
    "cities.tsv": {PlaceClass.CITY, PlaceClass.PLACE},
    "regions.tsv": {PlaceClass.REGION, PlaceClass.PLACE},
    "organizations.tsv": ACTOR_CLASSES - {ActorClass.STATE, ActorClass.PERSON},
    "people.tsv": {ActorClass.PERSON},
    "leaders.tsv": {ActorClass.PERSON},
    "conflicts.tsv": {FactClass.ARMED_CONFLICT},
}
# related=name=value: the names a row may use, and the classes the value must have.
RELATED_TARGETS = {
    "capital_of": {ActorClass.STATE},
    "country": {ActorClass.STATE},
    "part_of": ACTOR_CLASSES - {ActorClass.PERSON},
    "led_by": ACTOR_CLASSES,
    "seat": {PlaceClass.CITY},
    "location": PLACE_CLASSES | {ActorClass.STATE},  # a war "in Syria" is located in the state
    "party": ACTOR_CLASSES,
}
# related=name=value whose value is a literal, not a key: the pattern it must match.
RELATED_LITERALS = {
    "since": re.compile(r"[0-9]{4}"),  # the year a conflict began
    "until": re.compile(r"[0-9]{4}"),  # the year it ended
}

# A literal copy of the Q-ids in /work/shared/reference/wikidata-verified.tsv, so that the
# test also runs where shared/ is absent. Extend both together.
VERIFIED_QIDS = {
    "Q159",
    "Q399",
    "Q227",
    "Q232",
    "Q813",
    "Q863",
    "Q184",
    "Q649",
    "Q1953",
    "Q9248",
    "Q244165",
    "Q7747",
    "Q7035479",
    "Q318693",
    "Q350604",
    "Q198",
    "Q2001305",
}

# The 193 member states of the United Nations, by dictionary key.
_UN_MEMBER_STATES_TEXT = """
afghanistan albania algeria andorra angola antigua-and-barbuda argentina armenia australia
austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
bolivia bosnia-and-herzegovina botswana brazil brunei bulgaria burkina-faso burundi
cabo-verde cambodia cameroon canada central-african-republic chad chile china colombia
comoros congo-republic costa-rica cote-divoire croatia cuba cyprus czechia dr-congo denmark
djibouti dominica dominican-republic ecuador egypt el-salvador equatorial-guinea eritrea
estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece
grenada guatemala guinea guinea-bissau guyana haiti honduras hungary iceland india
indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati
north-korea south-korea kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
marshall-islands mauritania mauritius mexico micronesia moldova monaco mongolia montenegro
morocco mozambique myanmar namibia nauru nepal netherlands new-zealand nicaragua niger
nigeria north-macedonia norway oman pakistan palau panama papua-new-guinea paraguay peru
philippines poland portugal qatar romania russia rwanda saint-kitts-and-nevis saint-lucia
saint-vincent-and-the-grenadines samoa san-marino sao-tome-and-principe saudi-arabia senegal
serbia seychelles sierra-leone singapore slovakia slovenia solomon-islands somalia
south-africa south-sudan spain sri-lanka sudan suriname sweden switzerland syria tajikistan
tanzania thailand timor-leste togo tonga trinidad-and-tobago tunisia turkey turkmenistan
tuvalu uganda ukraine united-arab-emirates united-kingdom united-states uruguay uzbekistan
vanuatu venezuela vietnam yemen zambia zimbabwe
"""
UN_MEMBER_STATES = _UN_MEMBER_STATES_TEXT.split()
# City-states: the state entry stands for the city, there is no separate capital row.
CITY_STATES = {"monaco", "singapore"}
# Former states (README.md, "Former states"): a capital that is today another state's stays
# with that state (Moskau is Russia's), so these need no capital row; East Germany has one
# (Ost-Berlin), as that name was only ever its capital.
FORMER_STATES = {
    "soviet-union",
    "yugoslavia",
    "east-germany",
    "czechoslovakia",
    "south-vietnam",
    "north-vietnam",
    "south-yemen",
}

# Surface forms that deliberately name two entities; the pipeline must disambiguate them
# by context. Each entry: casefolded form -> the set of keys allowed to share it.
AMBIGUOUS_FORMS: dict[str, set[str]] = {}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")
ADJECTIVE_STEM = re.compile(r"^[a-zäöüß]+(?:-[a-zäöüß]+)*$")


def _read(name: str) -> list[dict[str, str]]:
    path = ACTORS_DIR / name
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#") and line.strip()]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == HEADER, f"{name}: header is {rows[0]}"
    records = []
    for number, row in enumerate(rows[1:], start=2):
        assert len(row) == len(HEADER), f"{name} record {number}: {len(row)} columns: {row}"
        records.append({"_file": name, **dict(zip(HEADER, row, strict=True))})
    return records


def _split(value: str) -> list[str]:
    return value.split("|") if value else []


def _related(value: str) -> list[tuple[str, str]]:
    return [tuple(item.split("=", 1)) for item in _split(value)]  # type: ignore[misc]


@pytest.fixture(scope="module")
def records() -> list[dict[str, str]]:
    return [record for name in FILES for record in _read(name)]


@pytest.fixture(scope="module")
def by_key(records: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {record["key"]: record for record in records}


def test_every_file_parses_with_the_header() -> None:
    for name in FILES:
        assert _read(name), f"{name} has no records"


def test_keys_unique_across_files_and_slug_shaped(records: list[dict[str, str]]) -> None:
    seen: dict[str, str] = {}
    for record in records:
        key = record["key"]
        assert SLUG.match(key), f"{record['_file']}: key {key!r} is not a lowercase slug"
        assert key not in seen, f"key {key!r} in {seen.get(key)} and {record['_file']}"
        seen[key] = record["_file"]


def test_classes_allowed_and_in_the_right_file(records: list[dict[str, str]]) -> None:
    for record in records:
        assert record["class"] in ALLOWED_CLASSES, record
        assert record["class"] in FILE_CLASSES[record["_file"]], record


def test_cells_are_clean(records: list[dict[str, str]]) -> None:
    for record in records:
        assert record["label_de"] and record["label_en"], record
        for column in HEADER:
            value = record[column]
            assert value == value.strip(), f"{record['key']}.{column}: stray whitespace"
            assert "  " not in value, f"{record['key']}.{column}: double space"
            items = _split(value)
            for item in items:
                assert item and item == item.strip(), f"{record['key']}.{column}: {value!r}"
            assert len(items) == len(set(items)), f"{record['key']}.{column}: repeated item"
        # forms_de holds only what the labels and alt_de do not already say.
        german = {record["label_de"], *_split(record["alt_de"])}
        repeated = german & set(_split(record["forms_de"]))
        assert not repeated, f"{record['key']}: forms_de repeats {repeated}"


def test_adjective_stems_are_lowercase_stems(records: list[dict[str, str]]) -> None:
    for record in records:
        for stem in _split(record["adjective_de"]):
            assert ADJECTIVE_STEM.match(stem), f"{record['key']}: adjective {stem!r}"
            # A stem has no inflection ending: -isch / -sch / -ch stems end in a consonant.
            assert not stem.endswith(("e", "er", "en", "em", "es")), (record["key"], stem)


def test_related_values_refer_to_existing_keys(
    records: list[dict[str, str]], by_key: dict[str, dict[str, str]]
) -> None:
    for record in records:
        for name, value in _related(record["related"]):
            if name in RELATED_LITERALS:
                assert RELATED_LITERALS[name].fullmatch(value), (record["key"], name, value)
                assert record["class"] == FactClass.ARMED_CONFLICT, record["key"]
                continue
            assert name in RELATED_TARGETS, f"{record['key']}: unknown related name {name!r}"
            assert value in by_key, f"{record['key']}: {name}={value} is not a key"
            target_class = by_key[value]["class"]
            assert target_class in RELATED_TARGETS[name], (record["key"], name, target_class)
            assert value != record["key"], f"{record['key']} refers to itself"


def test_wikidata_ids_are_verified_ones(records: list[dict[str, str]]) -> None:
    verified = set(VERIFIED_QIDS)
    if VERIFIED_TSV.exists():
        with VERIFIED_TSV.open(encoding="utf-8") as handle:
            listed = {
                line.split("\t", 1)[0]
                for line in handle
                if line.startswith("Q") and not line.startswith("#")
            }
        assert listed >= VERIFIED_QIDS, "the literal copy lists a Q-id the shared file lacks"
        verified = listed
    used = []
    for record in records:
        qid = record["wikidata"]
        if qid:
            assert QID.match(qid), f"{record['key']}: {qid!r}"
            assert qid in verified, f"{record['key']}: {qid} is not a verified Wikidata id"
            used.append(qid)
    assert len(used) == len(set(used)), "one Wikidata item linked from two entities"


def test_all_un_member_states_present(by_key: dict[str, dict[str, str]]) -> None:
    assert len(UN_MEMBER_STATES) == 193 == len(set(UN_MEMBER_STATES))
    missing = [
        key for key in UN_MEMBER_STATES if by_key.get(key, {}).get("class") != ActorClass.STATE
    ]
    assert not missing, f"UN member states missing from states.tsv: {missing}"
    for extra in ("palestine", "holy-see", "kosovo", "taiwan"):
        assert by_key[extra]["class"] == ActorClass.STATE


def test_every_state_has_its_capital(records: list[dict[str, str]]) -> None:
    capitals: dict[str, list[str]] = defaultdict(list)
    for record in records:
        for name, value in _related(record["related"]):
            if name == "capital_of":
                assert record["class"] == PlaceClass.CITY, record["key"]
                capitals[value].append(record["key"])
    states = [record["key"] for record in records if record["class"] == ActorClass.STATE]
    missing = [
        key for key in states if not capitals[key] and key not in CITY_STATES | FORMER_STATES
    ]
    assert not missing, f"states without a capital in cities.tsv: {missing}"


def test_former_states_are_states_and_no_un_member(by_key: dict[str, dict[str, str]]) -> None:
    # The exemption above covers only states that no longer exist.
    for key in FORMER_STATES:
        assert by_key[key]["class"] == ActorClass.STATE, key
        assert key not in UN_MEMBER_STATES, key


def _surface_forms(record: dict[str, str]) -> set[str]:
    forms = {record["label_de"], record["label_en"]}
    for column in ("alt_de", "alt_en", "forms_de"):
        forms.update(_split(record[column]))
    return {form.casefold() for form in forms}


def test_surface_forms_name_one_entity(records: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for form in _surface_forms(record):
            owners[form].add(record["key"])
    clashes = {
        form: keys
        for form, keys in owners.items()
        if len(keys) > 1 and not keys <= AMBIGUOUS_FORMS.get(form, set())
    }
    assert not clashes, f"surface forms claimed by several entities: {clashes}"


def test_adjective_stems_name_one_entity(records: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for stem in _split(record["adjective_de"]):
            owners[stem].add(record["key"])
    clashes = {stem: keys for stem, keys in owners.items() if len(keys) > 1}
    assert not clashes, f"adjective stems claimed by several entities: {clashes}"


def test_allow_list_entries_are_real_clashes(records: list[dict[str, str]]) -> None:
    # An allow-list entry that no longer clashes hides nothing and should be removed.
    owners: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for form in _surface_forms(record):
            owners[form].add(record["key"])
    for form, keys in AMBIGUOUS_FORMS.items():
        assert len(owners[form] & keys) > 1, f"allow-list entry {form!r} is not ambiguous"


@pytest.mark.parametrize(
    ("key", "forms"),
    [
        ("russia", {"russland", "russia", "russlands"}),
        ("united-states", {"usa", "vereinigte staaten", "vereinigten staaten"}),
        ("csto", {"ovks", "csto", "collective security treaty organization"}),
        ("osce-minsk-group", {"minsk-gruppe", "minsker gruppe"}),
        ("icrc", {"ikrk", "internationalen komitee vom roten kreuz"}),
        ("african-union", {"afrikanische union", "afrikanischen union", "au"}),
        ("zohrab-mnatsakanyan", {"zohrab mnatsakanjan", "zohrab mnatsakanyan"}),
        ("nagorno-karabakh", {"bergkarabach", "berg-karabach"}),
        ("nagorno-karabakh-conflict", {"berg-karabach-konflikt"}),
        ("moscow", {"moskau", "moskauer"}),
        ("rossiya-24", {"rossia 24"}),
        ("tplf", {"tplf", "volksbefreiungsfront von tigray"}),
        ("lachin-corridor", {"latschin-korridor"}),
        ("shusha", {"schuscha"}),
    ],
)
def test_dev_corpus_surface_forms(
    by_key: dict[str, dict[str, str]], key: str, forms: set[str]
) -> None:
    # The forms in which the dev articles name these entities.
    assert forms <= _surface_forms(by_key[key])
