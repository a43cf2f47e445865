"""Integration with Virtuoso: push the dev corpus, then every saved query gives the same answers.

Starts Debian's ``virtuoso-t`` (apt package ``virtuoso-opensource``) inside the test run,
with a ``virtuoso.ini`` of its own in a temporary directory (database files there,
loopback ports chosen free at run time), pushes the store with ``ckg push`` (Graph Store
Protocol, digest auth as ``dba`` on ``/sparql-graph-crud-auth``), and compares each saved
query's answers from Virtuoso's ``/sparql`` with those of the embedded store. Virtuoso is
stopped at the end, also on failure.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from serve_fixtures import free_port

from kg.articles import read_articles
from kg.query import run_query, saved_queries
from kg.remote import RemoteError, RemoteStore, graph_triple_counts, push_store
from kg.store import open_store

pytestmark = pytest.mark.slow

VIRTUOSO = shutil.which("virtuoso-t")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "de"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "articles" / "de"
CKG = str(Path(sys.executable).parent / "ckg")

INI = """\
[Database]
DatabaseFile       = {d}/virtuoso.db
ErrorLogFile       = {d}/virtuoso.log
LockFile           = {d}/virtuoso.lck
TransactionFile    = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = {d}/virtuoso-temp.db
TransactionFile    = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0
[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., {d}
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
ThreadsPerQuery      = 2
[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8
EnabledGzipContent   = 0
[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 120
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[str]:
    """Base URL of a Virtuoso started for this module (stopped afterwards, always)."""
    if VIRTUOSO is None:
        pytest.skip("virtuoso-t not installed (apt-get install virtuoso-opensource)")
    d = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = free_port(), free_port()
    (d / "virtuoso.ini").write_text(INI.format(d=d, sql_port=sql_port, http_port=http_port))
    log = (d / "stdout.log").open("wb")
    proc = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(d / "virtuoso.ini")],
        cwd=d,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        "Virtuoso did not start:\n" + (d / "stdout.log").read_text()[-2000:]
                    )
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    """The dev corpus (or, without ../shared, the example article) ingested by the project."""
    from kg.ingest import ingest_articles

    path = tmp_path_factory.mktemp("embedded") / "store"
    store = open_store(path)
    articles = CORPUS if CORPUS.is_dir() else EXAMPLE
    report = ingest_articles(store, read_articles([articles]), link=True)
    assert not report.rejected, report.rejected
    assert len(report.articles) >= 1
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def pushed(virtuoso, store_dir) -> str:
    """Push with the real CLI; return Virtuoso's SPARQL endpoint URL."""
    result = subprocess.run(
        [
            CKG,
            "push",
            "--store",
            str(store_dir),
            "--endpoint",
            f"{virtuoso}/sparql",
            "--graph-store",
            f"{virtuoso}/sparql-graph-crud-auth",
            "--user",
            "dba",
            "--password",
            "dba",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "verified" in result.stdout
    return f"{virtuoso}/sparql"


def test_every_graph_arrived_whole(pushed, store_dir):
    store = open_store(store_dir, read_only=True)
    local = {
        g.value: len(list(store.quads_for_pattern(None, None, None, g)))
        for g in store.named_graphs()
        if isinstance(g, ox.NamedNode)
    }
    remote = graph_triple_counts(RemoteStore(pushed))
    assert local, "nothing to push"
    assert {g: remote.get(g) for g in local} == local


def test_push_twice_replaces_instead_of_duplicating(pushed, virtuoso, store_dir):
    store = open_store(store_dir, read_only=True)
    remote = RemoteStore(pushed, graph_store=f"{virtuoso}/sparql-graph-crud-auth",
                         user="dba", password="dba")  # fmt: skip
    article = next(g.value for g in store.named_graphs() if "/article/" in getattr(g, "value", ""))
    before = graph_triple_counts(remote)[article]
    report = push_store(store, remote, articles=[article])
    assert report.ok and report.verified and list(report.pushed) == [article]
    assert graph_triple_counts(remote)[article] == before


def test_wrong_password_is_a_clear_error_naming_the_graph(virtuoso, store_dir):
    store = open_store(store_dir, read_only=True)
    remote = RemoteStore(f"{virtuoso}/sparql", graph_store=f"{virtuoso}/sparql-graph-crud-auth",
                         user="dba", password="wrong")  # fmt: skip
    report = push_store(store, remote, verify=False)
    assert not report.ok and not report.pushed
    first = next(iter(report.failed.values()))
    assert "401" in first and "pushing graph <" in first
    with pytest.raises(RemoteError, match="cannot reach"):
        push_store(store, RemoteStore(f"http://127.0.0.1:{free_port()}/sparql"))


# --- same answers -------------------------------------------------------------------------

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_NUMERIC = {
    _XSD + t
    for t in ("integer", "decimal", "double", "float", "int", "long", "short", "nonNegativeInteger")
}
# GROUP_CONCAT's order is not defined by SPARQL (section 18.5.1.7): compare the parts as sets.
_GROUP_CONCAT = re.compile(
    r'GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*?(?:;\s*separator\s*=\s*"((?:[^"\\]|\\.)*)")?\s*\)'
    r"\s*AS\s*[?$](\w+)",
    re.IGNORECASE,
)


def _norm(term: object) -> str:
    """A comparable string for a term, forgiving only Virtuoso's representation quirks.

    Numbers compare by value (Virtuoso answers 0.90 as 0.9 and may widen integer types);
    ``xsd:string`` equals a plain literal; language tags compare case-insensitively;
    blank nodes compare as "a blank node" (their labels are local to each store).
    """
    if term is None:
        return "UNBOUND"
    if isinstance(term, BNode):
        return "_:b"
    if isinstance(term, URIRef):
        return f"<{term}>"
    assert isinstance(term, Literal)
    if term.language:
        return f'"{term}"@{term.language.lower()}'
    datatype = str(term.datatype) if term.datatype else _XSD_STRING
    if datatype in _NUMERIC:
        try:
            return f"number:{Decimal(str(term)).normalize()}"
        except InvalidOperation:
            pass
    if datatype == _XSD_STRING:
        return f'"{term}"'
    return f'"{term}"^^<{datatype}>'


def _rows(result, concatenated: dict[str, str]) -> Counter[tuple[str, ...]]:
    def cell(row: dict, var: str) -> str:
        term = row.get(var)
        if var in concatenated and isinstance(term, Literal):
            parts = sorted(str(term).split(concatenated[var]))
            return "concat:" + concatenated[var].join(parts)
        return _norm(term)

    return Counter(tuple(cell(row, v) for v in result.variables) for row in result.rows)


def _normalised_graph(graph: Graph) -> Graph:
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and str(o.datatype) == _XSD_STRING:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


QUERIES = saved_queries()


@pytest.mark.parametrize("saved", QUERIES, ids=[q.name for q in QUERIES])
def test_saved_query_gives_the_same_answers_on_virtuoso(saved, pushed, store_dir):
    store = open_store(store_dir, read_only=True)
    params = {}
    if saved.params and all(p.example for p in saved.params):
        params = {p.name.lstrip("?"): str(p.example) for p in saved.params}
    here = run_query(store, saved, params=params)
    there = run_query(pushed, saved, params=params)
    if here.graph is not None:
        assert there.graph is not None
        assert isomorphic(_normalised_graph(here.graph), _normalised_graph(there.graph))
    elif here.boolean is not None:
        assert here.boolean == there.boolean
    else:
        assert here.variables == there.variables
        concatenated = {
            var: (sep or " ").encode().decode("unicode_escape")
            for sep, var in _GROUP_CONCAT.findall(saved.text)
        }
        ours, theirs = _rows(here, concatenated), _rows(there, concatenated)
        assert ours == theirs, f"only here: {ours - theirs}\nonly on Virtuoso: {theirs - ours}"
