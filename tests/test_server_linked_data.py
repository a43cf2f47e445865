"""Dereferenceable IRIs: a real ``ckg serve`` answers ``/id/...`` and ``/ontology`` with an
HTML page, Turtle or JSON-LD as asked, 404 for what it does not know, and never lets the
text it shows (labels, sentences, titles from articles) act as markup.

The store holds the hand-written contract sample (``tests/data/contract-sample.trig``)
and one hostile article whose label, sentence and title are HTML and script.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from browser_helpers import chromium_context
from serve_fixtures import running_server
from store_fixtures import FIXTURE

from kg.loading import load_file
from kg.namespaces import CKG, DCTERMS, ID, OWL, PROV, RDF, RDFS
from kg.server.vocabulary import vocabulary
from kg.store import open_store

ARMENIA = ID["entity/armenia"]
CSTO = ID["entity/csto"]
MEETING = ID["event/2020-10-moskau-verhandlungen/c00c245d607e"]
ARTICLE = ID["article/2020-10-moskau-verhandlungen"]
SENTENCE = (
    "Moskau – Im Konflikt um die Kaukasus-Region Bergkarabach kamen auf Einladung Russlands "
    "am Freitag Armenien und Aserbaidschan in Moskau zusammen."
)

EVIL = ID["entity/evil"]
EVIL_LABEL = '<script>alert("label")</script><b>Böse</b>'
EVIL_EVENT = ID["event/hostile/e1"]
EVIL_SENTENCE = "Böse </blockquote><img src=x onerror=alert('sentence')> trafen sich."
EVIL_TITLE = "<iframe src=javascript:alert('title')></iframe>"
EVIL_ARTICLE = ID["article/hostile"]


def _hostile_quads() -> list[ox.Quad]:
    g = ox.NamedNode(str(EVIL_ARTICLE))
    mention = ox.NamedNode(str(ID["mention/hostile/0-40"]))

    def q(s: Any, p: Any, o: ox.NamedNode | ox.Literal) -> ox.Quad:
        subject = s if isinstance(s, ox.NamedNode) else ox.NamedNode(str(s))
        return ox.Quad(subject, ox.NamedNode(str(p)), o, g)

    def iri(x: Any) -> ox.NamedNode:
        return ox.NamedNode(str(x))

    return [
        q(EVIL_ARTICLE, RDF.type, iri(CKG.Article)),
        q(EVIL_ARTICLE, DCTERMS.title, ox.Literal(EVIL_TITLE)),
        q(EVIL, RDF.type, iri(CKG.Person)),
        q(EVIL, RDFS.label, ox.Literal(EVIL_LABEL, language="en")),
        q(EVIL, OWL.sameAs, ox.NamedNode("javascript:alert('sameAs')")),
        q(EVIL_EVENT, RDF.type, iri(CKG.Meeting)),
        q(EVIL_EVENT, CKG.participant, iri(EVIL)),
        q(EVIL_EVENT, CKG.participant, iri(ARMENIA)),
        q(EVIL_EVENT, PROV.wasDerivedFrom, mention),
        q(mention, RDF.type, iri(CKG.Mention)),
        q(mention, CKG.inArticle, iri(EVIL_ARTICLE)),
        q(mention, CKG.text, ox.Literal(EVIL_SENTENCE)),
        q(mention, CKG.start, ox.Literal("0", datatype=ox.NamedNode(str(rdflib.XSD.integer)))),
        q(mention, CKG.end, ox.Literal("40", datatype=ox.NamedNode(str(rdflib.XSD.integer)))),
    ]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("linked") / "store"
    store = open_store(path)
    report = load_file(store, FIXTURE)
    assert report.loaded, report.violations
    store.extend(_hostile_quads())
    store.flush()
    del store
    with running_server(path) as url:
        yield url


def _get(url: str, accept: str = "", method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    request.method = method
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def _path(iri: rdflib.URIRef) -> str:
    return str(iri).removeprefix("https://w3id.org/conflict-kg")


def test_entity_page_has_labels_types_and_links_to_other_pages(base):
    status, headers, body = _get(base + _path(ARMENIA), "text/html,*/*;q=0.8")
    page = body.decode()
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>Armenia</h1>" in page and "Armenien" in page
    assert 'href="/ontology#State"' in page  # its type, on the ontology page
    assert f'href="{_path(CSTO)}"' in page  # a fact: member of the CSTO
    assert f'href="{_path(MEETING)}"' in page  # referred to: it took part in the meeting
    assert 'href="http://www.wikidata.org/entity/Q399"' in page
    assert "script-src" not in headers["Content-Security-Policy"]  # no script may run
    assert "<script" not in page.lower()


def test_event_page_shows_the_sentence_it_came_from_and_its_article(base):
    status, _, body = _get(base + _path(MEETING))
    page = body.decode()
    assert status == 200
    assert f"<blockquote>{SENTENCE}</blockquote>" in page
    assert f'href="{_path(ARTICLE)}"' in page and "characters 151–295" in page
    for role in ("agent", "participant", "location"):
        assert f'href="/ontology#{role}"' in page
    assert f'href="{_path(ARMENIA)}"' in page


def test_article_page_lists_what_was_found_in_it(base):
    status, _, body = _get(base + _path(ARTICLE))
    page = body.decode()
    assert status == 200
    assert "Found in this article" in page
    assert f'href="{_path(MEETING)}"' in page and SENTENCE in page


def test_graph_names_open_too(base):
    _, _, body = _get(base + _path(ARMENIA), "text/html")
    assert b'href="/id/graph/reference"' in body  # the graph stating its labels
    status, _, body = _get(base + "/id/graph/reference", "text/html")
    assert status == 200 and b"It names a graph of this store" in body
    _, _, body = _get(base + _path(ARTICLE), "text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    size = graph.value(ARTICLE, rdflib.URIRef("http://rdfs.org/ns/void#triples"))
    assert size is not None and int(size) > 50


def test_turtle_parses_back_with_real_triples(base):
    status, headers, body = _get(base + _path(ARMENIA), "text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert (ARMENIA, CKG.memberOf, CSTO) in graph
    assert (ARMENIA, RDFS.label, rdflib.Literal("Armenien", lang="de")) in graph
    assert (MEETING, CKG.participant, ARMENIA) in graph  # what refers to it, too


def test_event_turtle_carries_its_sentence(base):
    _, _, body = _get(base + _path(MEETING) + "?format=ttl", "text/html")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    mention = graph.value(MEETING, PROV.wasDerivedFrom)
    assert str(graph.value(mention, CKG.text)) == SENTENCE
    assert graph.value(mention, CKG.inArticle) == ARTICLE


def test_jsonld_has_the_project_context_and_parses_back(base):
    status, headers, body = _get(base + _path(ARMENIA), "application/ld+json")
    assert status == 200 and headers["Content-Type"] == "application/ld+json"
    assert b'"ckg": "https://w3id.org/conflict-kg/ontology#"' in body
    graph = rdflib.Graph().parse(data=body, format="json-ld")
    assert (ARMENIA, CKG.memberOf, CSTO) in graph
    assert (ARMENIA, RDF.type, CKG.State) in graph


def test_ontology_document_serves_every_term(base):
    status, _, body = _get(base + "/ontology", "text/html")
    page = body.decode()
    assert status == 200 and '<section class="term" id="Meeting">' in page
    assert 'id="participant"' in page
    _, _, body = _get(base + "/ontology", "text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert (CKG.Meeting, RDF.type, OWL.Class) in graph
    assert (CKG.Meeting, RDFS.subClassOf, CKG.Event) in graph
    assert (rdflib.URIRef(str(CKG).rstrip("#")), RDF.type, OWL.Ontology) in graph
    version = vocabulary().version_iri
    if version:  # the version IRI serves the same document
        _, _, again = _get(base + _path(rdflib.URIRef(version)), "text/turtle")
        assert again == body


def test_unknown_iri_is_404_with_a_short_page_that_repeats_nothing(base):
    status, headers, body = _get(base + "/id/entity/narnia", "text/html")
    assert status == 404 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert b"narnia" not in body and len(body) < 2000
    status, headers, body = _get(base + "/id/entity/narnia", "text/turtle")
    assert status == 404 and headers["Content-Type"].startswith("text/plain")
    for path in ("/id/%3Cscript%3Ealert(1)%3C/script%3E", "/id/<script>alert(1)</script>"):
        status, _, body = _get(base + path, "text/html")
        assert status == 404 and b"script" not in body and b"alert" not in body


def test_bad_format_is_400_and_unacceptable_accept_is_406(base):
    assert _get(base + _path(ARMENIA) + "?format=pdf")[0] == 400
    assert _get(base + _path(ARMENIA), "image/png")[0] == 406
    assert _get(base + _path(ARMENIA), method="POST")[0] == 405


def test_answers_keep_the_endpoint_headers(base):
    _, headers, _ = _get(base + _path(ARMENIA), "text/turtle")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Accept" in headers["Vary"]
    assert headers["Access-Control-Allow-Origin"] == "*"  # a read, like a query


def test_hostile_label_sentence_and_title_are_shown_as_text(base):
    _, _, body = _get(base + _path(EVIL), "text/html")
    page = body.decode()
    assert "<script>alert" not in page and "<b>Böse" not in page
    assert "&lt;script&gt;alert(&quot;label&quot;)&lt;/script&gt;&lt;b&gt;Böse&lt;/b&gt;" in page
    assert 'href="javascript:' not in page
    _, _, body = _get(base + _path(EVIL_EVENT), "text/html")
    page = body.decode()
    assert "<img" not in page and "</blockquote><img" not in page
    assert "&lt;/blockquote&gt;&lt;img src=x onerror=alert(&#x27;sentence&#x27;)&gt;" in page
    _, _, body = _get(base + _path(EVIL_ARTICLE), "text/html")
    assert b"<iframe" not in body and b"&lt;iframe" in body
    # machines get the text exactly as stored
    _, _, body = _get(base + _path(EVIL), "text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert str(graph.value(EVIL, RDFS.label)) == EVIL_LABEL


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium_context(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]) as ctx:
        yield ctx


def test_pages_in_chromium_show_hostile_text_as_text_and_link_on(base, browser):
    page = browser.new_page()
    problems: list[str] = []
    requests: list[str] = []

    def on_response(r: Any) -> None:
        if r.status >= 400 and not r.url.endswith("/favicon.ico"):  # the browser's own guess
            problems.append(f"{r.status} {r.url}")

    def on_console(m: Any) -> None:
        # A failed load is reported by on_response; anything else (a CSP violation) counts.
        if m.type in ("error", "warning") and "Failed to load resource" not in m.text:
            problems.append(f"console {m.type}: {m.text}")

    def on_dialog(d: Any) -> None:
        problems.append(f"dialog: {d.message}")
        d.dismiss()

    page.on("request", lambda r: requests.append(r.url))
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", on_dialog)
    page.goto(base + _path(EVIL))
    assert page.inner_text("h1") == EVIL_LABEL  # the label, character for character
    assert page.evaluate("getComputedStyle(document.querySelector('header')).display") == "flex"
    page.click(f'a[href="{_path(EVIL_EVENT)}"]')
    page.wait_for_url("**" + _path(EVIL_EVENT))
    assert page.inner_text("blockquote") == EVIL_SENTENCE
    assert page.evaluate("document.querySelectorAll('img, iframe, script').length") == 0
    page.click(f'a[href="{_path(ARMENIA)}"]')
    page.wait_for_url("**" + _path(ARMENIA))
    assert page.inner_text("h1") == "Armenia"
    page.close()
    assert problems == [], problems  # no dialog, no script error, no CSP violation
    assert all(u.startswith(base) for u in requests), requests
