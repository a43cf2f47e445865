"""Importers on the sample files and on broken records; imported events link to articles."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.linking import stored_links
from kg.linking.importers import import_files
from kg.namespaces import CKG, PROV, RDF

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "imports"
DATA = Path(__file__).parent / "data"


@pytest.fixture()
def store() -> ox.Store:
    s = ox.Store()
    s.load(path=str(DATA / "linking-sample.trig"), format=ox.RdfFormat.TRIG)
    return s


def _events(store: ox.Store, graph: str) -> list[str]:
    g = ox.NamedNode(graph)
    return sorted(
        q.subject.value  # type: ignore[union-attr]
        for q in store.quads_for_pattern(None, ox.NamedNode(str(PROV.wasDerivedFrom)), None, g)
    )


@pytest.mark.parametrize(
    ("fmt", "name", "count"),
    [
        ("gdelt", "gdelt-karabakh.export.tsv", 4),
        ("polecat", "polecat-karabakh.jsonl", 3),
        ("acled", "acled-karabakh.csv", 3),
    ],
)
def test_sample_files_import_cleanly_with_provenance(
    store: ox.Store, fmt: str, name: str, count: int
) -> None:
    [result] = import_files(store, [SAMPLES / name], fmt=fmt)
    assert result.errors == [] and result.events == count
    events = _events(store, result.graph)
    assert len(events) == count
    g = ox.NamedNode(result.graph)
    records = list(
        store.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CKG.SourceRecord)), g
        )
    )
    assert len(records) == count


def test_gdelt_ceasefire_code_maps_and_links_to_article_event(store: ox.Store) -> None:
    [r] = import_files(store, [SAMPLES / "gdelt-karabakh.export.tsv"], fmt="gdelt")
    g = ox.NamedNode(r.graph)
    ceasefires = {
        q.subject.value  # type: ignore[union-attr]
        for q in store.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CKG.CeasefireAgreement)), g
        )
    }
    assert len(ceasefires) == 2
    linked = {(a, b) for a, b, _ in stored_links(store)}
    h1 = "https://w3id.org/conflict-kg/id/event/waffenruhe-10/h1"
    assert any(h1 in pair and (pair[0] in ceasefires or pair[1] in ceasefires) for pair in linked)
    # the 26 October ceasefire must not link to the 10 October one
    assert not any({h1} < set(pair) and "waffenruhe-25" in "".join(pair) for pair in linked)
    # unrelated USA/China accusation links to nothing
    accusations = [
        q.subject.value  # type: ignore[union-attr]
        for q in store.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CKG.Accusation)), g
        )
    ]
    assert accusations and not any(accusations[0] in pair for pair in linked)


@pytest.mark.parametrize(
    ("fmt", "name", "good", "messages"),
    [
        (
            "gdelt",
            "gdelt-broken.export.tsv",
            1,
            [
                ":2: 58 columns",
                ":3: record 950000103: unknown CAMEO code '0999'",
                ":4: record 950000105: malformed SQLDATE",
            ],
        ),
        (
            "polecat",
            "polecat-broken.jsonl",
            1,
            [
                ":2: record PLV-NODATE-2: no date",
                ":3: record PLV-BADTYPE-3: unknown PLOVER",
                ":4: record PLV-BADDATE-4: malformed date",
                ":5: not valid JSON",
            ],
        ),
        (
            "acled",
            "acled-broken.csv",
            1,
            [":3: record AZE2002: no event_date", ":4: record AZE2003: unknown ACLED event type"],
        ),
    ],
)
def test_broken_records_are_refused_one_by_one(
    fmt: str, name: str, good: int, messages: list[str]
) -> None:
    store = ox.Store()
    [r] = import_files(store, [DATA / name], fmt=fmt)
    assert r.events == good
    assert len(r.errors) == len(messages)
    for err, expected in zip(r.errors, messages, strict=True):
        assert name in err and expected in err
    assert len(_events(store, r.graph)) == good


def test_cli_import_exit_code_and_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_dir = str(tmp_path / "store")
    assert (
        main(
            [
                "import",
                "--store",
                store_dir,
                "--format",
                "acled",
                str(SAMPLES / "acled-karabakh.csv"),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "import",
                "--store",
                store_dir,
                "--format",
                "gdelt",
                str(DATA / "gdelt-broken.export.tsv"),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "gdelt-broken.export.tsv:3: record 950000103: unknown CAMEO code" in err


def test_reimport_replaces_the_batch_graph(store: ox.Store) -> None:
    import_files(store, [SAMPLES / "polecat-karabakh.jsonl"], fmt="polecat")
    n = len(store)
    import_files(store, [SAMPLES / "polecat-karabakh.jsonl"], fmt="polecat")
    assert len(store) == n
