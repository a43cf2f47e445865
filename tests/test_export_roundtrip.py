"""``ckg export``: deterministic bytes, and export → load into an empty store → same graphs;
Turtle of the whole store and JSON-LD with a context re-parse isomorphic to the source."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from store_fixtures import fixture_store

from kg.cli import main
from kg.errors import UsageError
from kg.export import export_store
from kg.loading import load_file
from kg.namespaces import PREFIXES
from kg.store import open_store, to_rdflib

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


def _rdflib_graph(store: ox.Store, graph: ox.NamedNode | None = None) -> rdflib.Graph:
    """One named graph of the store, or (``None``) the union of all its graphs."""
    g = rdflib.Graph()
    for q in store.quads_for_pattern(None, None, None, graph):
        g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return g


def test_whole_store_as_turtle_is_the_union_of_all_graphs(source, tmp_path):
    path = tmp_path / "s"
    fixture_store(path)
    out = tmp_path / "all.ttl"
    assert main(["export", "--store", str(path), "--format", "ttl", "-o", str(out)]) == 0
    parsed = rdflib.Graph().parse(out, format="turtle")
    union = _rdflib_graph(source)
    assert len(parsed) == len(union) > 1000  # articles, reference data and ontology
    assert isomorphic(parsed, union)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inside rdflib's JSON-LD parser
def test_jsonld_has_a_context_of_the_project_prefixes_and_reparses_isomorphic(source):
    data = export_store(source, "jsonld")
    doc = json.loads(data)
    assert doc["@context"] == PREFIXES
    article = next(
        g for g in doc["@graph"] if g["@id"] == "id:article/2020-10-moskau-verhandlungen"
    )
    types = {t for node in article["@graph"] for t in node.get("@type", [])}
    assert "ckg:CeasefireDemand" in types and not any(t.startswith("https:") for t in types)
    parsed = rdflib.Dataset()
    parsed.parse(data=data, format="json-ld")
    for name in source.named_graphs():
        assert isomorphic(parsed.graph(rdflib.URIRef(name.value)), _rdflib_graph(source, name))


def test_cli_export_never_writes_an_empty_file(monkeypatch, tmp_path, capsys):
    path = tmp_path / "s"
    fixture_store(path)
    monkeypatch.setattr("kg.export.export_store", lambda *a, **k: b"")
    out = tmp_path / "out.ttl"
    assert main(["export", "--store", str(path), "--format", "ttl", "-o", str(out)]) == 1
    assert "nothing to export" in capsys.readouterr().err and not out.exists()
