"""Issue 11, items 7 and 10: every record judged alone; extract never writes what load refuses.

Each test is seeded by the issue's reproduction: a JSON Lines ``url`` with a space or a
quote crashed ``ckg ingest`` and made ``ckg extract`` write TriG that cannot be parsed;
``ckg load bad.trig good.trig`` stopped at the first malformed file; a NUL byte after the
first 8 KB was accepted; a GDELT cell with U+2028 split a record; an ACLED row with too
few cells was reported as an unknown event type.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg.articles import Article, Rejected, read_articles
from kg.cli import main
from kg.extract.rdf import graph_problems
from kg.linking.importers import import_files
from kg.linking.importers.gdelt import COLUMNS
from kg.serialize import serialize_graphs

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "imports"
TEXT = "Der russische Präsident Wladimir Putin traf am Montag in Moskau Recep Tayyip Erdoğan."
BAD_URLS = [
    "http://example.org/a b",
    'http://example.org/"q',
    "http://example.org/<script>",
    "http://example.org/a\u0001b",
]


def _record(ident: str, **extra: str) -> str:
    return json.dumps({"id": ident, "date": "2022-11-02", "text": TEXT, **extra})


def _bad_url_batch(tmp_path: Path) -> Path:
    lines = [_record("good-1")]
    lines += [_record(f"bad-{i}", url=url) for i, url in enumerate(BAD_URLS)]
    lines.append(_record("good-2", url="https://example.org/ok?x=1"))
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _parse(path: Path, fmt: ox.RdfFormat = ox.RdfFormat.TRIG) -> list[ox.Quad]:
    return list(ox.parse(path=str(path), format=fmt))


def _article_graphs(quads: list[ox.Quad]) -> set[str]:
    return {q.graph_name.value for q in quads if "/article/" in str(q.graph_name)}


# --- JSON Lines records -----------------------------------------------------------------------


def test_bad_url_refuses_only_its_record_with_line_and_reason(tmp_path: Path) -> None:
    path = _bad_url_batch(tmp_path)
    out = list(read_articles([path]))
    assert [type(x).__name__ for x in out] == ["Article"] + ["Rejected"] * 4 + ["Article"]
    reasons = [str(x) for x in out if isinstance(x, Rejected)]
    assert reasons[0] == f"{path}:2: field 'url' is not a valid IRI: a space at character 21"
    assert "a quotation mark" in reasons[1] and f"{path}:3:" in reasons[1]
    assert "an angle bracket" in reasons[2]
    assert "control character U+0001" in reasons[3]


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"lang": "de DE"}, "field 'lang' must be a language tag"),
        ({"title": "a\u0000b"}, "field 'title' has a NUL character"),
        ({"text": TEXT + "\ud800"}, "field 'text' has a lone surrogate U+D800"),
    ],
)
def test_other_fields_that_cannot_become_rdf_refuse_the_record(
    tmp_path: Path, fields: dict[str, str], reason: str
) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(_record("bad", **fields) + "\n" + _record("ok") + "\n", encoding="utf-8")
    bad, ok = read_articles([path])
    assert isinstance(bad, Rejected) and bad.origin == f"{path}:1" and reason in bad.reason
    assert isinstance(ok, Article)


def test_nul_byte_after_8_kb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "late.txt"
    body = "Armenien verhandelt. " * 500 + "\n"  # 10 500 bytes before the NUL
    path.write_bytes(f"date 2020-10-09 T\n{body}".encode() + b"Ende\x00.\n")
    [r] = read_articles([path])
    assert isinstance(r, Rejected) and r.reason.startswith("line 3: binary file (NUL byte)")


def test_nul_byte_or_bad_utf8_in_a_jsonl_line_refuses_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    ok = _record("ok").encode()
    path.write_bytes(b"\n".join([ok.replace(b"ok", b"a"), b'{"id": "n\x00"}', b"\xff{}", ok]))
    out = list(read_articles([path]))
    assert [type(x).__name__ for x in out] == ["Article", "Rejected", "Rejected", "Article"]
    assert str(out[1]) == f"{path}:2: a NUL byte in the record (binary data)"
    assert str(out[2]) == f"{path}:3: not UTF-8 text (byte 0 of the line)"


# --- ckg extract, ckg ingest, ckg load ----------------------------------------------------------


def test_extract_refuses_bad_records_and_writes_parsable_trig(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.trig"
    assert main(["extract", str(_bad_url_batch(tmp_path)), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("ckg extract: error: ") == 4 and "batch.jsonl:2: field 'url'" in err
    graphs = _article_graphs(_parse(out))
    assert {g.rsplit("/", 1)[-1] for g in graphs} == {"good-1", "good-2"}


def test_nquads_with_a_line_break_in_a_literal_parse(tmp_path: Path) -> None:
    src = tmp_path / "r.jsonl"
    src.write_text(_record("t", title='Zwei\nZeilen "mit" Zitat') + "\n", encoding="utf-8")
    out = tmp_path / "out.nq"
    assert main(["extract", str(src), "-o", str(out)]) == 0
    titles = [
        q.object.value
        for q in _parse(out, ox.RdfFormat.N_QUADS)
        if q.predicate.value.endswith("/title")
    ]
    assert titles == ['Zwei\nZeilen "mit" Zitat']


def test_graph_problems_name_what_cannot_be_written() -> None:
    g = Graph(identifier=URIRef("urn:x:g"))
    g.add((URIRef("urn:x:s"), URIRef("urn:x:p"), URIRef('http://x/"a"')))
    g.add((URIRef("urn:x:s"), URIRef("urn:x:p"), Literal("a\ud800")))
    problems = graph_problems(g)
    assert sorted(problems) == [
        '<http://x/"a"> is not a valid IRI: a quotation mark at character 10',
        "literal 'a\\ud800' has a lone surrogate U+D800 at character 2",
    ]
    ok = Graph(identifier=URIRef("urn:x:g"))
    ok.add((URIRef("urn:x:s"), URIRef("urn:x:p"), Literal('<b> "x" \u2028 \x01')))
    assert graph_problems(ok) == []
    ox.parse(serialize_graphs([ok]).encode(), format=ox.RdfFormat.TRIG)


def test_ingest_goes_on_after_a_bad_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    assert main(["ingest", "--no-link", "--store", str(store), str(_bad_url_batch(tmp_path))]) == 1
    out, err = capsys.readouterr()
    assert err.count("ckg ingest: rejected: ") == 4 and "Traceback" not in err
    assert "good-1" in out and "good-2" in out


def test_load_loads_the_good_file_and_reports_the_malformed_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "good.jsonl"
    src.write_text(_record("good") + "\n", encoding="utf-8")
    good = tmp_path / "good.trig"
    assert main(["extract", str(src), "-o", str(good)]) == 0
    bad = tmp_path / "bad.trig"
    bad.write_text(
        good.read_text(encoding="utf-8").replace(
            'dcterms:title ""', 'dcterms:source <http://x.org/a b> ; dcterms:title ""'
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    store = tmp_path / "store"
    assert main(["load", "--store", str(store), str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert f"ckg load: error: {bad}:" in err and "Invalid IRI code point ' '" in err
    assert "nothing of it loaded" in err
    assert f"{good}: loaded 1 graph(s)" in out


# --- importers --------------------------------------------------------------------------------


def _gdelt_row(**cells: str) -> str:
    first = (SAMPLES / "gdelt-karabakh.export.tsv").read_text(encoding="utf-8").split("\n")[0]
    row = dict(zip(COLUMNS, first.split("\t"), strict=True))
    row.update(cells)
    return "\t".join(row[c] for c in COLUMNS)


def test_gdelt_cell_with_u2028_does_not_split_the_record(tmp_path: Path) -> None:
    path = tmp_path / "sep.export.tsv"
    path.write_text(_gdelt_row(Actor1Name="ARMENIA\u2028GOV") + "\r\n", encoding="utf-8")
    [r] = import_files(ox.Store(), [path], fmt="gdelt", link=False)
    assert r.errors == [] and r.events == 1


def test_gdelt_bad_source_url_refuses_its_record(tmp_path: Path) -> None:
    path = tmp_path / "url.export.tsv"
    rows = [
        _gdelt_row(GLOBALEVENTID="1", SOURCEURL="http://x.org/a b"),
        _gdelt_row(GLOBALEVENTID="2"),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    [r] = import_files(ox.Store(), [path], fmt="gdelt", link=False)
    assert r.events == 1
    assert r.errors == [
        f"{path}:1: record 1: SOURCEURL is not a valid IRI: a space at character 15"
    ]


def test_acled_short_row_and_oversized_cell_are_reported_as_such(tmp_path: Path) -> None:
    lines = (SAMPLES / "acled-karabakh.csv").read_text(encoding="utf-8").splitlines()
    header, row = lines[0], lines[1]
    width = len(header.split(","))
    short = ",".join(row.split(",")[:6])
    huge = row.replace(",Armenia,", ',"' + "x" * 200_000 + '",', 1)
    path = tmp_path / "a.csv"
    path.write_text("\n".join([header, short, huge, row]) + "\n", encoding="utf-8")
    [r] = import_files(ox.Store(), [path], fmt="acled", link=False)
    assert r.events == 1
    assert len(r.errors) == 2
    assert f"{path}:2: record " in r.errors[0] and f"6 cells, the header has {width}" in r.errors[0]
    assert "unknown ACLED event type" not in r.errors[0]
    assert f"{path}:3: " in r.errors[1] and (
        "field larger" in r.errors[1] or "limit" in r.errors[1]
    )


def test_gdelt_oversized_cell_refuses_its_record(tmp_path: Path) -> None:
    path = tmp_path / "big.export.tsv"
    path.write_text(_gdelt_row(Actor1Name="A" * 40_000) + "\n", encoding="utf-8")
    [r] = import_files(ox.Store(), [path], fmt="gdelt", link=False)
    assert r.events == 0
    assert r.errors == [
        f"{path}:1: record 950000101: cell 'Actor1Name' has 40,000 characters, "
        "more than the limit of 32,768"
    ]
