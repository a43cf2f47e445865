"""The ontology is OWL 2 DL under the OWL API's profile checker, as a whole and per file.

``tests/owl/ProfileCheck.java`` runs ``org.semanticweb.owlapi.profiles.OWL2DLProfile``
(Debian's ``libowlapi-java``, installed by ``scripts/bootstrap.sh test``) on every file of
``ontology/`` but ``shapes.ttl`` as an ontology document, its ``owl:imports`` resolved to
the sibling files (nothing is fetched), and on all of them merged, as
:func:`kg.ontology.load_ontology` reads them. Java runs the source file directly (JDK 11+
single-file launch).
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from kg.namespaces import CKG
from kg.ontology import ONTOLOGY_IRI, ontology_paths

HERE = Path(__file__).parent
CHECKER = HERE / "owl" / "ProfileCheck.java"
JAVA_DIR = Path("/usr/share/java")
# owlapi-distribution bundles the OWL API itself; the rest are its Debian dependencies.
JARS = (
    "owlapi-distribution",
    "guava",
    "caffeine",
    "commons-io",
    "commons-codec",
    "commons-rdf-api",
    "atinject-jsr330-api",
    "jsr305",
    "hppcrt",
    "slf4j-api",
    "slf4j-nop",
    "xz",
    "jackson-core",
    "jackson-databind",
    "jackson-annotations",
    "httpclient",
    "httpcore",
    "commons-logging",
)
VERSION = "0.1.0"


def _classpath() -> str:
    jars = [JAVA_DIR / f"{name}.jar" for name in JARS]
    jars += sorted(p for p in JAVA_DIR.glob("rdf4j-*.jar") if not p.stem[-1].isdigit())
    missing = [str(j) for j in jars if not j.is_file()]
    assert not missing, f"OWL API jars missing (apt-get install libowlapi-java): {missing}"
    return ":".join(str(j) for j in jars)


def _java() -> str:
    java = shutil.which("java")
    assert java, "java not found (scripts/bootstrap.sh test installs a JDK)"
    return java


def run_check(directory: Path, names: list[str]) -> dict[str, dict[str, list[str]]]:
    """Run the checker; {check name: {"check": [...], "closure": [...], "violations": [...]}}."""
    proc = subprocess.run(
        [_java(), "-cp", _classpath(), str(CHECKER), str(directory), *names],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out: dict[str, dict[str, list[str]]] = {}
    for line in proc.stdout.splitlines():
        kind, name, *rest = line.split("\t")
        entry = out.setdefault(name, {"check": [], "closure": [], "violations": []})
        if kind == "CHECK":
            entry["check"] = rest
        elif kind == "CLOSURE":
            entry["closure"] = rest[0].split() if rest else []
        elif kind == "VIOLATION":
            entry["violations"].append(rest[0])
    return out


@cache
def _report() -> dict[str, dict[str, list[str]]]:
    paths = ontology_paths()
    return run_check(paths[0].parent, [p.name for p in paths])


@pytest.fixture(scope="module")
def report() -> dict[str, dict[str, list[str]]]:
    return _report()


def test_merged_ontology_is_owl2_dl(report):
    assert "merged" in report
    assert report["merged"]["violations"] == []


@pytest.mark.parametrize("path", ontology_paths(), ids=lambda p: p.name)
def test_each_file_is_owl2_dl_with_header_and_version(report, path):
    entry = report[path.name]
    assert entry["violations"] == []
    iri, version_iri, _imports, _axioms = entry["check"]
    assert iri, f"{path.name} has no owl:Ontology header"
    assert version_iri == f"{iri}/{VERSION}", f"{path.name}: version IRI {version_iri!r}"


def test_core_imports_every_module(report):
    """Opening conflict-kg.ttl (Protégé, the OWL API) gives the whole ontology."""
    entry = report["conflict-kg.ttl"]
    iri, _version, imports, _axioms = entry["check"]
    assert iri == str(ONTOLOGY_IRI) == str(CKG).rstrip("#")
    modules = {report[p.name]["check"][0] for p in ontology_paths()} - {iri}
    assert set(imports.split()) == modules
    assert set(entry["closure"]) == modules | {iri}


def test_checker_reports_a_violation(tmp_path):
    """The check is live: the old partial-date datatype (a union of XSD types outside the
    OWL 2 datatype map) gives one violation per type."""
    (tmp_path / "bad.ttl").write_text(
        """@prefix ex: <https://example.org/bad#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/bad> a owl:Ontology .
ex:PartialDate a rdfs:Datatype ;
    owl:equivalentClass [ a rdfs:Datatype ; owl:unionOf ( xsd:date xsd:gYearMonth xsd:gYear ) ] .
""",
        encoding="utf-8",
    )
    out = run_check(tmp_path, ["bad.ttl"])
    for name in ("bad.ttl", "merged"):
        found = out[name]["violations"]
        assert len(found) == 3, found
        assert all("undeclared datatype" in v for v in found), found
