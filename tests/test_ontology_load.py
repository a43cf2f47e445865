"""Loading the ontology files, malformed input, and the ``ckg ontology`` command."""

from __future__ import annotations

import json
import shutil

import pytest
from rdflib import Graph

from kg.cli import main
from kg.errors import InputError
from kg.namespaces import CKG, ONTOLOGY_GRAPH
from kg.ontology import load_ontology, ontology_paths
from kg.resources import ontology_dir
from kg.shapes import check_shapes


def test_load_ontology_reads_every_file_but_shapes():
    g = load_ontology()
    assert g.identifier == ONTOLOGY_GRAPH
    names = [p.name for p in ontology_paths()]
    assert {"conflict-kg.ttl", "cameo.ttl", "plover.ttl", "roles.ttl"} <= set(names)
    assert "shapes.ttl" not in names
    assert (CKG.Meeting, None, None) in g


def test_malformed_file_names_file_and_line(tmp_path, monkeypatch):
    for p in ontology_paths():
        shutil.copy(p, tmp_path / p.name)
    bad = tmp_path / "broken.ttl"
    bad.write_text(
        "@prefix ex: <http://example.org/> .\n"
        "ex:a ex:p ex:b .\n"
        "\n"
        'ex:c ex:p "unterminated .\n'
        "ex:d ex:p ex:e .\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as err:
        load_ontology(directory=tmp_path)
    msg = str(err.value)
    assert msg.startswith("broken.ttl:4: ")
    assert msg.endswith(" — fix the Turtle syntax")
    assert "\n" not in msg


def test_malformed_shapes_are_refused():
    shapes = Graph().parse(
        format="turtle",
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:minCount "many" .""",
    )
    with pytest.raises(InputError, match="not well-formed SHACL"):
        check_shapes(shapes)


def test_cli_text_report(capsys):
    assert main(["ontology"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("conflict-kg ontology 0.1.0")
    assert "CeasefireDemand (Forderung nach Waffenruhe)" in out
    line = next(ln for ln in out.splitlines() if "PhoneCall (Telefonat)" in ln)
    assert "041" in line and "CONSULT, phone" in line
    assert "CAMEO  0871          Declare truce, ceasefire" in out
    assert "shapes.ttl: 12 node shapes, well-formed SHACL" in out
    assert "HermiT" not in out


def test_cli_json_report_with_reasoning(capsys):
    assert main(["ontology", "--format", "json", "--reason"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["version"] == "0.1.0"
    assert doc["reasoning"]["consistent"] is True
    meeting = next(e for e in doc["event_classes"] if e["name"] == "Meeting")
    assert [c["code"] for c in meeting["cameo"]] == ["042", "043", "044"]
    assert meeting["cameo"][0]["label"] == "Make a visit"
    names = {p["name"]: p for p in doc["properties"]}
    assert names["sameEventAs"]["characteristics"] == ["symmetric", "transitive"]
    assert names["agent"]["subPropertyOf"] == ["hasActor"]


def test_installed_directory_has_the_shapes():
    assert (ontology_dir() / "shapes.ttl").is_file()
