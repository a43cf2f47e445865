"""``ckg export``: deterministic bytes, and export → load into an empty store → same graphs."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from store_fixtures import fixture_store

from kg.cli import main
from kg.errors import UsageError
from kg.export import export_store
from kg.loading import load_file
from kg.store import open_store

ARTICLE = "https://w3id.org/conflict-kg/id/article/2020-10-moskau-verhandlungen"


def _graphs(store: ox.Store) -> dict[str, set[str]]:
    """Each named graph as a set of canonical quads (blank nodes relabelled, RDFC-1.0)."""
    out: dict[str, set[str]] = {}
    for g in store.named_graphs():
        ds = ox.Dataset(store.quads_for_pattern(None, None, None, g))
        ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        out[str(g)] = {str(q) for q in ds}
    return out


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    return fixture_store(tmp_path_factory.mktemp("src") / "store")


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("trig", ".trig"), ("nq", ".nq"), ("jsonld", ".jsonld")]
)
def test_round_trip_whole_store(source, tmp_path, fmt, suffix):
    data = export_store(source, fmt)
    path = tmp_path / f"export{suffix}"
    path.write_bytes(data)
    target = open_store(tmp_path / "target")
    report = load_file(target, path)
    assert report.loaded and len(report.graphs) == 5
    assert _graphs(target) == _graphs(source)


def test_round_trip_one_article_as_turtle(source, tmp_path):
    data = export_store(source, "ttl", article="2020-10-moskau-verhandlungen.txt")
    assert b"ckg:CeasefireDemand" in data
    path = tmp_path / "one.ttl"
    path.write_bytes(data)
    target = open_store(tmp_path / "target")
    load_file(target, path, graph=ARTICLE)
    assert _graphs(target)[f"<{ARTICLE}>"] == _graphs(source)[f"<{ARTICLE}>"]
    # the negative membership assertions are blank nodes: they survive the trip
    assert sum("NegativePropertyAssertion" in q for q in _graphs(target)[f"<{ARTICLE}>"]) == 2


def test_output_is_deterministic_across_stores(source, tmp_path):
    other = fixture_store(tmp_path / "other")  # blank nodes get other labels in this store
    for fmt in ("trig", "nq", "jsonld", "ttl"):
        article = ARTICLE if fmt == "ttl" else None
        assert export_store(other, fmt, article=article) == export_store(
            source, fmt, article=article
        )


def test_cli_export_to_file(source, tmp_path, capsys):
    # the module store is open in this process: export a copy of it via the CLI
    path = tmp_path / "s"
    fixture_store(path)
    out = tmp_path / "out.nq"
    assert main(["export", "--store", str(path), "--format", "nq", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    graphs = [line.rsplit(" ", 2)[-2] for line in lines]
    assert graphs == sorted(graphs)  # quads come graph by graph, in order
    assert any(line.endswith(f"<{ARTICLE}> .") for line in lines)
    assert main(["export", "--store", str(path), "--article", "nope"]) == 2
    assert "no article 'nope' in the store" in capsys.readouterr().err


def test_unknown_article(source):
    with pytest.raises(UsageError, match="no article"):
        export_store(source, "trig", article="missing.txt")
