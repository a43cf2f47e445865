"""Ingesting articles: one transaction each, replacement without duplicates, dry runs,
rejections, removal, listing, and a kill -9 in the middle of a batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pyoxigraph as ox
import pytest
from store_fixtures import CORPUS, EXAMPLE

from kg.articles import Article, read_articles
from kg.cli import main
from kg.extract import extract_article
from kg.ingest import Status, ingest_articles
from kg.iris import article_iri
from kg.store import graph_quads, open_store, rdflib_quads


def _canonical(quads: list[ox.Quad], name: str) -> set[str]:
    g = ox.NamedNode(name)
    ds = ox.Dataset(ox.Quad(q.subject, q.predicate, q.object, g) for q in quads)
    ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return {str(q) for q in ds}


def _article(text_path, identifier=None, text=None) -> Article:
    article = next(a for a in read_articles([text_path]) if isinstance(a, Article))
    if identifier or text:
        return Article(
            identifier=identifier or article.identifier,
            date=article.date,
            title=article.title,
            text=text or article.text,
            body_start=article.body_start,
            origin=article.origin,
        )
    return article


def _fresh(article: Article) -> set[str]:
    graph = extract_article(article)
    return _canonical(rdflib_quads(graph), str(graph.identifier))


def test_ingest_replace_and_dry_run(tmp_path):
    store = open_store(tmp_path / "s")
    article = _article(EXAMPLE)
    iri = str(article_iri(article.identifier))
    first = ingest_articles(store, [article], link=False)
    (outcome,) = first.articles
    assert outcome.status is Status.NEW and outcome.events >= 5 and outcome.facts >= 3
    stored = graph_quads(store, ox.NamedNode(iri))
    assert len(stored) == outcome.triples == outcome.added
    assert _canonical(stored, iri) == _fresh(article)

    again = ingest_articles(store, [article], link=False)
    assert again.articles[0].status is Status.UNCHANGED
    assert len(graph_quads(store, ox.NamedNode(iri))) == len(stored)  # no duplicates

    # The same article with a changed text: a dry run reports, and writes nothing.
    changed = _article(EXAMPLE, text=article.text.replace("am Freitag", "am Samstag"))
    dry = ingest_articles(store, [changed], dry_run=True, link=False)
    assert dry.articles[0].status is Status.CHANGED
    assert dry.articles[0].added > 0 and dry.articles[0].removed > 0
    assert _canonical(graph_quads(store, ox.NamedNode(iri)), iri) == _fresh(article)

    real = ingest_articles(store, [changed], link=False)
    assert real.articles[0].status is Status.CHANGED
    assert _canonical(graph_quads(store, ox.NamedNode(iri)), iri) == _fresh(changed)


def test_cli_ingest_reports_rejections_and_goes_on(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("no date line here\nText.", encoding="utf-8")
    records = tmp_path / "more.jsonl"
    records.write_text(
        json.dumps({"id": "rec-1", "date": "2020-10-12", "text": "Putin telefonierte mit Alijew."})
        + "\n{broken\n",
        encoding="utf-8",
    )
    store = tmp_path / "s"
    assert (
        main(["ingest", "--store", str(store), "--no-link", str(EXAMPLE), str(bad), str(records)])
        == 1
    )
    out, err = capsys.readouterr()
    assert "new        2020-10-moskau-verhandlungen.txt" in out
    assert "rec-1" in out
    assert f"rejected: {bad}" in err
    assert f"rejected: {records}:2" in err
    assert "ingested 2 article(s) (2 new, 0 changed, 0 unchanged)" in err
    assert "2 input(s) rejected" in err

    assert main(["articles", "--store", str(store), "--format", "csv"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0] == "identifier,title,date,events,facts"
    assert any(line.startswith("2020-10-moskau-verhandlungen.txt,") for line in listing)
    assert any(line.startswith("rec-1,") for line in listing)

    assert main(["ingest", "--store", str(store), "--dry-run", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.startswith("unchanged  2020-10-moskau-verhandlungen.txt")


def test_cli_remove(tmp_path, capsys):
    store = tmp_path / "s"
    assert main(["ingest", "--store", str(store), "--no-link", str(EXAMPLE)]) == 0
    assert main(["remove", "--store", str(store), "nope.txt"]) == 2
    assert "no article 'nope.txt' in the store" in capsys.readouterr().err
    assert main(["remove", "--store", str(store), "2020-10-moskau-verhandlungen.txt"]) == 0
    s = open_store(store)
    assert not s.contains_named_graph(ox.NamedNode(str(article_iri(EXAMPLE.name))))


def test_linking_hook_runs_after_each_article(tmp_path):
    if not CORPUS.is_dir():
        pytest.skip("dev corpus not present")
    store = open_store(tmp_path / "s")
    paths = sorted(CORPUS.glob("*.txt"))
    report = ingest_articles(store, read_articles(paths), link=True)
    assert len(report.articles) == len(paths) and not report.rejected
    assert report.links == sum(a.links for a in report.articles) >= 0


def test_one_linking_pass_per_batch_links_as_one_pass_per_article(tmp_path):
    """The batch hook makes the same links (same quads in the links graph) as linking
    article by article, and counts each link once, under the later article."""
    from kg.namespaces import LINKS_GRAPH

    def links_graph(store: ox.Store) -> set[str]:
        return _canonical(graph_quads(store, ox.NamedNode(str(LINKS_GRAPH))), str(LINKS_GRAPH))

    paths = sorted(CORPUS.glob("*.txt"))
    one_by_one = open_store(tmp_path / "a")
    # a batch of at most one quad: every article is its own batch
    by_article = ingest_articles(one_by_one, read_articles(paths), max_batch_quads=1)
    batched = open_store(tmp_path / "b")
    by_batch = ingest_articles(batched, read_articles(paths))
    assert links_graph(batched) == links_graph(one_by_one) != set()
    assert [a.links for a in by_batch.articles] == [a.links for a in by_article.articles]
    assert by_batch.links == by_article.links > 0


KILLED_INGEST = textwrap.dedent(
    """
    import sys
    from kg.articles import read_articles
    from kg.ingest import ingest_articles
    from kg.store import open_store

    class Say:
        def advance(self, label=""):
            print(label, flush=True)
        def close(self):
            pass

    store = open_store(sys.argv[1])
    # commit every 0.2 s, so that a few batches are done before the kill
    ingest_articles(
        store, read_articles([sys.argv[2]]), progress=Say(), link=False, max_batch_seconds=0.2
    )
    print("finished", flush=True)
    """
)


def test_kill_9_during_ingest_leaves_whole_articles(tmp_path):
    """SIGKILL a batch ingest mid-way: the store opens, every article in it is complete
    (equal to a fresh extraction), and every article reported done is there."""
    base = _article(EXAMPLE)
    batch = tmp_path / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as f:
        for i in range(60):
            rec = {"id": f"copy-{i:02d}", "date": base.date, "title": base.title, "text": base.text}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    path = tmp_path / "s"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_INGEST, str(path), str(batch)],
        stdout=subprocess.PIPE,
        text=True,
    )
    done: list[str] = []
    assert proc.stdout is not None
    while len(done) < 4:
        line = proc.stdout.readline().strip()
        assert line and line != "finished", "ingest ended before it could be killed"
        done.append(line)
    time.sleep(0.05)  # land somewhere inside the next article's work
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    store = open_store(path)
    present = sorted(
        g.value.rsplit("/", 1)[-1]
        for g in store.named_graphs()
        if isinstance(g, ox.NamedNode) and "/article/copy-" in g.value
    )
    assert set(done) <= set(present)
    assert len(present) < 60
    records = {json.loads(line)["id"]: json.loads(line) for line in batch.read_text().splitlines()}
    for slug in present:
        rec = records[slug]
        article = Article(
            identifier=rec["id"], date=rec["date"], title=rec["title"], text=rec["text"]
        )
        iri = str(article_iri(article.identifier))
        assert _canonical(graph_quads(store, ox.NamedNode(iri)), iri) == _fresh(article), slug
