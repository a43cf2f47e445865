"""``ckg load``: parse, validate against the SHACL shapes, and load all-or-nothing."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from store_fixtures import FIXTURE

from kg.cli import main
from kg.errors import InputError
from kg.loading import load_file
from kg.store import open_store

ARTICLE = "https://w3id.org/conflict-kg/id/article/x"
VALID_TTL = f"""
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{ARTICLE}> a ckg:Article ; dcterms:identifier "x.txt" ; dcterms:title "X" ;
    dcterms:language "de" ; dcterms:date "2020-10"^^xsd:gYearMonth .
<https://w3id.org/conflict-kg/id/mention/x/0-5> a ckg:Mention ; ckg:inArticle <{ARTICLE}> ;
    ckg:start 0 ; ckg:end 5 ; ckg:text "Hallo" .
<https://w3id.org/conflict-kg/id/event/x/1> a ckg:Statement ;
    prov:wasDerivedFrom <https://w3id.org/conflict-kg/id/mention/x/0-5> .
"""


def _articles(store: ox.Store) -> list[str]:
    return sorted(g.value for g in store.named_graphs() if "/article/" in g.value)


def test_load_fixture_all_graphs(tmp_path, capsys):
    store = tmp_path / "s"
    assert main(["load", "--store", str(store), str(FIXTURE)]) == 0
    out, err = capsys.readouterr()
    assert f"{FIXTURE}: loaded 5 graph(s), 604 triples" in out
    assert "skipped https://w3id.org/conflict-kg/id/graph/reference" in err
    assert len(_articles(open_store(store))) == 5


def test_malformed_rdf_names_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.trig"
    bad.write_text(
        f'<{ARTICLE}> {{\n  <{ARTICLE}> a <urn:x> .\n  <{ARTICLE}> <urn:p> "open\n}}\n',
        encoding="utf-8",
    )
    store = tmp_path / "s"
    assert main(["load", "--store", str(store), str(bad)]) == 1
    assert f"ckg load: error: {bad}:3: " in capsys.readouterr().err
    assert _articles(open_store(store)) == []
    with pytest.raises(InputError, match=rf"^{bad}:3: "):
        load_file(open_store(tmp_path / "s2"), bad)


def test_invalid_data_is_refused_with_violations_and_nothing_loaded(tmp_path, capsys):
    # Two graphs: one valid, one with an event that cites no sentence.
    other = ARTICLE + "-2"
    bad = tmp_path / "two.trig"
    bad.write_text(
        "@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .\n"
        f"<{ARTICLE}> {{ <{ARTICLE}> a ckg:Article . }}\n"
        f"<{other}> {{ <https://w3id.org/conflict-kg/id/event/y/1> a ckg:Meeting . }}\n",
        encoding="utf-8",
    )
    good = tmp_path / "good.ttl"
    good.write_text(VALID_TTL, encoding="utf-8")
    store = tmp_path / "s"
    assert main(["load", "--store", str(store), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: refused, nothing loaded" in err
    assert "https://w3id.org/conflict-kg/id/event/y/1" in err and "prov:wasDerivedFrom" in err
    assert _articles(open_store(store)) == []


def test_turtle_needs_a_graph(tmp_path, capsys):
    good = tmp_path / "good.ttl"
    good.write_text(VALID_TTL, encoding="utf-8")
    store = tmp_path / "s"
    assert main(["load", "--store", str(store), str(good)]) == 2
    assert "has no graph names; give one with --graph IRI" in capsys.readouterr().err
    assert main(["load", "--store", str(store), "--graph", ARTICLE, str(good)]) == 0
    assert _articles(open_store(store)) == [ARTICLE]


def test_unknown_file_type(tmp_path, capsys):
    f = tmp_path / "data.csv"
    f.write_text("a,b\n")
    assert main(["load", "--store", str(tmp_path / "s"), str(f)]) == 2
    assert "unknown RDF file type '.csv'" in capsys.readouterr().err


def test_reload_replaces_the_graph(tmp_path):
    good = tmp_path / "good.ttl"
    good.write_text(VALID_TTL, encoding="utf-8")
    store = open_store(tmp_path / "s")
    load_file(store, good, graph=ARTICLE)
    load_file(store, good, graph=ARTICLE)
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(ARTICLE)))) == 12


def test_blank_nodes_of_two_files_stay_apart(tmp_path):
    """Regression: two files that both write ``_:b0`` (as rdflib and most tools do) shared
    one blank node in the store, merging two articles' declared non-memberships."""
    store = open_store(tmp_path / "s")
    for name, who in (("a", "armenia"), ("b", "azerbaijan")):
        path = tmp_path / f"{name}.trig"
        path.write_text(
            f"""@prefix owl: <http://www.w3.org/2002/07/owl#> .
            <{ARTICLE}-{name}> {{
              _:b0 a owl:NegativePropertyAssertion ;
                owl:sourceIndividual <https://w3id.org/conflict-kg/id/entity/{who}> ;
                owl:assertionProperty <https://w3id.org/conflict-kg/ontology#memberOf> ;
                owl:targetIndividual <https://w3id.org/conflict-kg/id/entity/csto> .
            }}""",
            encoding="utf-8",
        )
        load_file(store, path, validate=False)
    source = ox.NamedNode("http://www.w3.org/2002/07/owl#sourceIndividual")
    nodes = {q.subject for q in store.quads_for_pattern(None, source, None)}
    assert len(nodes) == 2
    assert all(isinstance(n, ox.BlankNode) for n in nodes)
