"""ckg extract end to end: determinism, exact evidence, bad input, text that looks like code."""

import subprocess
import sys
from pathlib import Path

from rdflib import Dataset, URIRef

from kg.namespaces import CKG, DCTERMS, PROV

CKG_BIN = [str(Path(sys.executable).parent / "ckg")]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE = (
    'date 2023-04-20 Kämpfe im Sudan "} ; DROP ALL ; {" <b>\n'
    "Khartum – Die Armee und die RSF haben sich unter Vermittlung der USA auf eine Waffenruhe "
    'geeinigt. „Wir halten uns daran "} ; DROP ALL ; {" <script>alert(1)</script>“, sagte '
    "Abdel Fattah al-Burhan.\n"
)


def _run(*args, cwd=None):
    return subprocess.run(
        [*CKG_BIN, "extract", *map(str, args)], capture_output=True, text=True, cwd=cwd
    )


def test_deterministic_bytes_and_markup_stays_literal(tmp_path):
    art = tmp_path / "sudan.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    out1, out2 = tmp_path / "a.trig", tmp_path / "b.trig"
    assert _run(art, "-o", out1).returncode == 0
    assert _run(art, "-o", out2).returncode == 0
    assert out1.read_bytes() == out2.read_bytes()
    ds = Dataset()
    ds.parse(out1, format="trig")
    texts = [str(o) for _s, _p, o, _g in ds.quads((None, CKG.text, None, None))]
    assert any('"} ; DROP ALL ; {"' in t and "<script>" in t for t in texts)
    quotes = [str(o) for _s, _p, o, _g in ds.quads((None, CKG.quote, None, None))]
    assert quotes == ['Wir halten uns daran "} ; DROP ALL ; {" <script>alert(1)</script>']
    titles = [str(o) for _s, _p, o, _g in ds.quads((None, DCTERMS.title, None, None))]
    assert titles == ['Kämpfe im Sudan "} ; DROP ALL ; {" <b>']


def test_nquads_to_stdout(tmp_path):
    art = tmp_path / "sudan.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    r = _run(art, "-o", "-", "--format", "nq")
    assert r.returncode == 0 and r.stdout.count(" .\n") > 20
    assert "_:" not in r.stdout  # no blank nodes


def test_bad_inputs_are_named_and_the_rest_is_written(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\xfe\x00garbage")
    (tmp_path / "nodate.txt").write_text("Ein Text ohne Datumszeile.\n", encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(
        '{"id": "r1", "date": "2022-11-02", "text": "Die AU vermittelte."}\nnot json\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.trig"
    r = _run(
        *(
            tmp_path / n
            for n in ["good.txt", "empty.txt", "binary.txt", "nodate.txt", "records.jsonl"]
        ),
        "-o",
        out,
    )
    assert r.returncode == 1
    for name in ("empty.txt", "binary.txt", "nodate.txt", "records.jsonl:2"):
        assert f"ckg extract: error: {tmp_path / name}" in r.stderr
    ds = Dataset()
    ds.parse(out, format="trig")
    ids = {
        str(o)
        for _s, _p, o, _g in ds.quads(
            (None, URIRef("http://purl.org/dc/terms/identifier"), None, None)
        )
    }
    assert {"good.txt", "r1"} <= ids


def test_evidence_is_exact_on_dev_articles(tmp_path):
    arts = sorted((SHARED / "corpus" / "de").glob("*.txt"))
    if not arts:
        import pytest

        pytest.skip("../shared not present")
    out = tmp_path / "dev.trig"
    assert _run(*arts, "-o", out).returncode == 0
    ds = Dataset()
    ds.parse(out, format="trig")
    texts = {a.name: a.read_text(encoding="utf-8") for a in arts}
    checked = 0
    for m, _p, t, g in ds.quads((None, CKG.text, None, None)):
        ident = next(
            str(o) for o in ds.graph(g).objects(None, URIRef("http://purl.org/dc/terms/identifier"))
        )
        s = int(next(ds.graph(g).objects(m, CKG.start)))
        e = int(next(ds.graph(g).objects(m, CKG.end)))
        assert texts[ident][s:e] == str(t)
        checked += 1
    events = {s for s, _p, _o, _g in ds.quads((None, PROV.wasDerivedFrom, None, None))}
    assert checked > 40 and len(events) > 30
