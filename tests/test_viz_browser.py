"""The explorer page in a real browser: headless Chromium (Debian's) driven by Playwright.

Every page opened here is checked for requests that leave the machine (anything but
file:, data:, about:, blob:) and for console errors, page errors and dialogs.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import rdflib
from browser_helpers import chromium_context

from kg.namespaces import CKG, DCTERMS, ID, PROV
from viz import build_graph, load_file

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SAMPLE = Path(__file__).parent / "data" / "viz-sample.trig"
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"
EXAMPLE = Path(__file__).parent.parent / "examples/articles/de/2020-10-moskau-verhandlungen.txt"
E = "https://w3id.org/conflict-kg/id/entity/"
LOCAL = ("file:", "data:", "about:", "blob:")


@dataclass
class Opened:
    page: Any
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def js(self, expr: str, arg: Any = None) -> Any:
        return self.page.evaluate(expr, arg)

    def wait(self, expr: str, timeout: float = 15.0) -> Any:
        """Poll ``expr`` with evaluate (the page's CSP forbids wait_for_function's eval)."""
        end = time.monotonic() + timeout
        while True:
            value = self.page.evaluate(expr)
            if value or time.monotonic() > end:
                return value
            time.sleep(0.05)

    def check_clean(self) -> None:
        outside = [u for u in self.requests if not u.startswith(LOCAL)]
        assert outside == [], f"requests left the machine: {outside}"
        assert self.problems == [], f"console errors, page errors or dialogs: {self.problems}"


@pytest.fixture(scope="module")
def browser_context() -> Iterator[Any]:
    with chromium_context(ARGS, viewport={"width": 1400, "height": 860}) as ctx:
        yield ctx


@pytest.fixture
def open_page(browser_context, tmp_path) -> Iterator[Any]:
    opened: list[Opened] = []

    def _open(html: str, name: str = "page.html") -> Opened:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        page = browser_context.new_page()
        o = Opened(page)
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(LOCAL) else route.abort()
            ),
        )
        page.on("request", lambda r: o.requests.append(r.url))
        page.on(
            "console",
            lambda m: (
                o.problems.append(f"console {m.type}: {m.text}")
                if m.type in {"error", "warning"}
                else None
            ),
        )
        page.on("pageerror", lambda e: o.problems.append(f"page error: {e}"))

        def on_dialog(d: Any) -> None:
            o.problems.append(f"dialog: {d.message}")
            d.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.as_uri())
        assert o.wait("!!(window.ckgExplorer && window.ckgExplorer.ready)"), "page never drew"
        opened.append(o)
        return o

    yield _open
    for o in opened:
        o.page.close()


@pytest.fixture(scope="module")
def sample():
    return load_file(SAMPLE)


def _visible(o: Opened, what: str) -> list[dict[str, Any]]:
    return o.js(f"network.body.data.{what}.get({{filter: x => !x.hidden}})")


def _click_node(o: Opened, node_id: str) -> None:
    pos = o.js(
        """id => { network.fit({animation: false}); network.redraw();
                   const p = network.canvasToDOM(network.getPositions([id])[id]);
                   const r = document.getElementById('network').getBoundingClientRect();
                   return {x: r.left + p.x, y: r.top + p.y}; }""",
        node_id,
    )
    o.page.mouse.click(pos["x"], pos["y"])


def test_actor_view_holds_the_expected_nodes_and_edges(open_page, sample):
    o = open_page(build_graph(sample, view="actors").html())
    nodes = {n["id"]: n["label"] for n in o.js("network.body.data.nodes.get()")}
    assert nodes == {
        E + "vladimir-putin": "Wladimir Putin",
        E + "ilham-aliyev": "Ilham Alijew",
        E + "armenia": "Armenien",
        E + "azerbaijan": "Aserbaidschan",
        E + "russia": "Russland",
        E + "csto": "OVKS",
    }
    edges = o.js("network.body.data.edges.get()")
    assert len(edges) == 13
    by = {(e["from"].rsplit("/", 1)[1], e["to"].rsplit("/", 1)[1], e["label"]): e for e in edges}
    assert ("vladimir-putin", "armenia", "CeasefireDemand\n2020-10") in by
    neg = by[("azerbaijan", "csto", "not member of")]
    assert neg["dashes"] and neg["color"]["color"] == "#e03131"
    claim = by[("azerbaijan", "armenia", "MilitaryAction\n2020-10")]
    fact = by[("azerbaijan", "armenia", "MilitaryAction\n2020-09-27")]
    assert claim["dashes"] and not fact["dashes"]
    # the legend explains dashes and the red non-membership line
    legend = o.page.inner_text("#controls")
    assert "NOT member of" in legend and "claimed by someone" in legend
    o.check_clean()


def test_search_finds_and_focuses_an_actor(open_page, sample):
    o = open_page(build_graph(sample, view="actors").html())
    o.wait("!network.physics.options.enabled")  # stabilised
    o.page.fill("#search", "putin")
    o.page.press("#search", "Enter")
    assert o.js("network.getSelectedNodes()") == [E + "vladimir-putin"]
    assert o.wait(
        """(() => { const c = network.getViewPosition();
                    const p = network.getPositions([ID])[ID];
                    return Math.hypot(c.x - p.x, c.y - p.y) < 2; })()""".replace(
            "ID", repr(E + "vladimir-putin")
        )
    ), "the view is not centred on the node found"
    assert "Wladimir Putin" in o.page.inner_text("#details")
    assert "Wladimir Putin" in o.page.inner_text("#search-msg")
    # an alternative label finds the node too, and a miss says so
    o.page.fill("#search", "CSTO")
    o.page.press("#search", "Enter")
    assert o.js("network.getSelectedNodes()") == [E + "csto"]
    o.page.fill("#search", "Narnia")
    o.page.press("#search", "Enter")
    assert o.page.inner_text("#search-msg") == "No node matches."
    o.check_clean()


def test_filters_hide_event_types_actor_types_dates_and_claims(open_page, sample):
    o = open_page(build_graph(sample, view="actors").html())
    all_edges = len(_visible(o, "edges"))
    o.page.uncheck('input[data-filter="event:MilitaryAction"]')
    shown = _visible(o, "edges")
    assert len(shown) == all_edges - 2
    assert not [e for e in shown if e["label"].startswith("MilitaryAction")]
    o.page.check('input[data-filter="event:MilitaryAction"]')
    assert len(_visible(o, "edges")) == all_edges

    o.page.uncheck('input[data-filter="entity:Person"]')
    names = {n["label"] for n in _visible(o, "nodes")}
    assert names == {"Armenien", "Aserbaidschan", "Russland", "OVKS"}
    assert not [e for e in _visible(o, "edges") if "vladimir-putin" in e["from"]]
    o.page.check('input[data-filter="entity:Person"]')

    o.page.fill("#date-from", "2020-10")
    o.page.press("#date-from", "Enter")
    labels = {e["label"].split("\n")[0] for e in _visible(o, "edges")}
    assert "AssistanceRequest" not in labels  # 2020-09-28
    assert {"CeasefireDemand", "MilitaryAction", "member of", "not member of"} <= labels
    o.page.fill("#date-to", "2020-10-08")
    o.page.press("#date-to", "Enter")
    dated = {e["label"].replace("\n", " ") for e in _visible(o, "edges") if "\n" in e["label"]}
    # "2020-10" overlaps the range; 2020-10-09 (the Moscow talks) is after it
    assert "PhoneCall 2020-10-08" in dated and not any("2020-10-09" in d for d in dated)

    o.page.click("text=Reset filters")
    assert len(_visible(o, "edges")) == all_edges
    o.page.check("#hide-claims")
    assert len(_visible(o, "edges")) == all_edges - 1
    o.check_clean()


def test_clicking_an_event_shows_its_sentence_and_article(open_page, sample):
    o = open_page(build_graph(sample, view="events").html())
    o.wait("!network.physics.options.enabled")
    demand = str(ID["event/moskau/ceasefire-demand"])
    _click_node(o, demand)
    assert o.js("network.getSelectedNodes()") == [demand]
    details = o.page.inner_text("#details")
    assert "Russlands Präsident Wladimir Putin hat die Konfliktparteien" in details
    assert "2020-10-moskau-verhandlungen.txt" in details and "0.90" in details
    link = o.page.get_attribute("#details a[target=_blank]", "href")
    assert link == "https://example.org/news/moskau-verhandlungen"
    # the claim says whose claim it is
    _click_node(o, str(ID["event/moskau/shelling"]))
    assert "Claim: only asserted by Armenien" in o.page.inner_text("#details")
    # hovering shows the tooltip with the sentence
    pos = o.js(
        """id => { const p = network.canvasToDOM(network.getPositions([id])[id]);
                   const r = document.getElementById('network').getBoundingClientRect();
                   return {x: r.left + p.x, y: r.top + p.y}; }""",
        demand,
    )
    o.page.mouse.move(pos["x"] + 1, pos["y"] + 1)
    assert o.wait("document.getElementById('tooltip').style.display === 'block'")
    assert "Konfliktparteien" in o.page.inner_text("#tooltip")
    o.check_clean()


XSS = [
    '<img src=x onerror="window.__xss=1;alert(1)">',
    "</script><script>window.__xss=2;alert(2)</script>",
    "\u2028<svg onload=window.__xss=3>&amp;",
]


def _xss_graph() -> rdflib.Dataset:
    ds = rdflib.Dataset()
    art = ID["article/xss"]
    g = ds.graph(art)
    ev, m = ID["event/xss/1"], ID["mention/xss/0-10"]
    a, b = ID["entity/xss-a"], ID["entity/xss-b"]
    g.add((art, rdflib.RDF.type, CKG.Article))
    g.add((art, DCTERMS.identifier, rdflib.Literal(XSS[1])))
    g.add((art, DCTERMS.title, rdflib.Literal("</title><script>window.__xss=4</script>")))
    g.add((art, DCTERMS.source, rdflib.Literal("javascript:window.__xss=5")))
    g.add((m, CKG.inArticle, art))
    g.add((m, CKG.text, rdflib.Literal(XSS[0] + " " + XSS[1])))
    g.add((ev, rdflib.RDF.type, CKG.Accusation))
    g.add((ev, PROV.wasDerivedFrom, m))
    g.add((ev, CKG.agent, a))
    g.add((ev, CKG.addressee, b))
    g.add((ev, CKG.claimedBy, a))
    g.add((a, rdflib.RDF.type, CKG.Person))
    g.add((a, rdflib.RDFS.label, rdflib.Literal(XSS[0], lang="de")))
    g.add((b, rdflib.RDF.type, rdflib.URIRef(str(CKG) + "State<script>")))
    g.add((b, rdflib.RDFS.label, rdflib.Literal(XSS[1], lang="de")))
    g.add((b, rdflib.RDFS.label, rdflib.Literal(XSS[2], lang="en")))
    return ds


@pytest.mark.parametrize("view", ["actors", "events"])
def test_hostile_labels_are_shown_as_text_never_run(open_page, view):
    eg = build_graph(_xss_graph(), view=view, title="<script>window.__xss=6</script>")
    o = open_page(eg.html())
    labels = {n["label"] for n in o.js("network.body.data.nodes.get()")}
    assert XSS[0] in labels and XSS[1] in labels
    for node in o.js("network.body.data.nodes.get()"):
        if node["label"] in XSS:
            _click_node(o, node["id"])
            details = o.page.inner_text("#details")
            assert node["label"] in details  # the raw text, as text
            o.page.mouse.move(5, 5)
    edge = o.js("network.body.data.edges.get()")[0]
    o.js("id => { network.setSelection({nodes: [], edges: [id]}); }", edge["id"])
    o.page.fill("#search", "img src")
    o.page.press("#search", "Enter")
    assert o.js("document.querySelectorAll('img, svg[onload], #details script').length") == 0
    assert o.js("typeof window.__xss") == "undefined"
    assert o.js("document.title") == "<script>window.__xss=6</script>"
    assert o.js("document.querySelectorAll('a[href^=javascript]').length") == 0
    o.check_clean()


def test_empty_graph_page_says_so(open_page):
    o = open_page(build_graph(rdflib.Graph()).html())
    assert "This graph is empty" in o.page.inner_text("body")
    assert o.js("window.network") is None
    o.check_clean()


def test_large_graph_is_drawn_with_physics_off(open_page):
    import networkx as nx

    from viz.explorer import ExplorerGraph
    from viz.graph import View

    g = nx.MultiDiGraph(view="actors")
    n = 2000
    for i in range(n):
        g.add_node(f"n{i}", label=f"Akteur {i}", kind="actor", type="State")
    for i in range(n):
        g.add_edge(f"n{i}", f"n{(i * 7 + 1) % n}", kind="event", type="Meeting", label="Meeting")
    o = open_page(ExplorerGraph(g, view=View.ACTORS).html())
    assert o.js("network.physics.options.enabled") is False
    assert o.js("network.body.data.nodes.length") == n
    assert o.js("network.body.data.edges.get()[0].label") is None  # labels off when large
    o.check_clean()


def test_example_article_page_and_screenshot(open_page):
    pytest.importorskip("kg.extract")
    from kg.articles import Article, read_articles
    from kg.extract import extract_article, reference_graph

    (article,) = [a for a in read_articles([EXAMPLE]) if isinstance(a, Article)]
    ds = rdflib.Dataset()
    for graph in (extract_article(article), reference_graph()):
        target = ds.graph(graph.identifier)
        for t in graph:
            target.add(t)
    eg = build_graph(ds, view="actors", title="Moskau-Verhandlungen (2020-10)")
    o = open_page(eg.html(), "example.html")
    o.wait("!network.physics.options.enabled")
    labels = {n["label"] for n in o.js("network.body.data.nodes.get()")}
    assert {"Wladimir Putin", "Armenien", "Aserbaidschan"} <= labels
    demands = [
        e
        for e in o.js("network.body.data.edges.get()")
        if e["from"] == E + "vladimir-putin" and e["label"].startswith("CeasefireDemand")
    ]
    assert {e["to"] for e in demands} >= {E + "armenia", E + "azerbaijan"}
    o.page.fill("#search", "Putin")
    o.page.press("#search", "Enter")
    o.wait("document.getElementById('details').innerText.includes('Relations')")
    o.js("network.fit({animation: false})")
    ARTIFACTS.mkdir(exist_ok=True)
    o.page.screenshot(path=str(ARTIFACTS / "explorer-example.png"))
    assert (ARTIFACTS / "explorer-example.png").stat().st_size > 20_000
    o.check_clean()


# --- the map and the timeline (issue 12) ---------------------------------------------------

DEVCORPUS = Path(__file__).parent / "data" / "viz-devcorpus.trig"


@pytest.fixture(scope="module")
def devcorpus_page():
    eg = build_graph(load_file(DEVCORPUS), view="events", title="Bergkarabach")
    return eg.html()


def _located_rows(o: Opened) -> list[dict[str, Any]]:
    """The rows the filters let through that have a place with a point."""
    return o.js(
        """(() => { const tm = ckgExplorer.data.timemap;
                    return tm.events.filter(ckgExplorer.eventVisible).filter(r =>
                      (r.p || []).some(p => tm.places[p] && 'x' in tm.places[p])); })()"""
    )


def _dot_events(o: Opened) -> list[str]:
    return o.js("[...document.querySelectorAll('#map-svg .event-dot')].map(c => c.dataset.event)")


def test_map_places_events_and_a_click_shows_the_sentence(open_page, devcorpus_page):
    o = open_page(devcorpus_page)
    o.page.click('#tabs button[data-tab="map"]')
    assert o.page.is_visible("#mapview") and not o.page.is_visible("#network")
    rows = _located_rows(o)
    assert len(rows) >= 10
    assert sorted(set(_dot_events(o))) == sorted(r["id"] for r in rows)
    labels = o.js("[...document.querySelectorAll('#map-svg .place-label')].map(t => t.textContent)")
    assert any(label.startswith("Moskau") for label in labels)
    assert "not on the map" in o.page.inner_text("#map-note")
    # a click on a dot shows the event with the sentence it was extracted from
    meeting = next(r for r in rows if r["t"] in ("Meeting", "Negotiation") and r.get("ev"))
    o.page.click(f'#map-svg circle[data-event="{meeting["id"]}"]', force=True)
    sentence = o.js(f"ckgExplorer.data.evidence[{meeting['ev'][0]}].s")
    details = o.page.inner_text("#details")
    assert meeting["t"] in details and sentence in details
    # ... and leads to the same event in the graph
    o.page.click("#details >> text=Show in the graph")
    assert o.page.is_visible("#network")
    assert o.js("network.getSelectedNodes()") == [meeting["id"]]
    o.check_clean()


def test_map_and_graph_share_their_filters(open_page, devcorpus_page):
    o = open_page(devcorpus_page)
    o.page.click('#tabs button[data-tab="map"]')
    before = _dot_events(o)
    o.page.uncheck('input[data-filter="event:Meeting"]')
    types = o.js("Object.fromEntries(ckgExplorer.data.timemap.events.map(r => [r.id, r.t]))")
    after = _dot_events(o)
    assert len(after) < len(before) and "Meeting" not in {types[e] for e in after}
    o.page.check('input[data-filter="event:Meeting"]')
    o.page.fill("#date-from", "2020-10-10")
    o.page.fill("#date-to", "2020-10-31")
    o.page.press("#date-to", "Enter")
    dates = {e: d for e, d in o.js("ckgExplorer.data.timemap.events.map(r => [r.id, r.d || ''])")}
    shown = _dot_events(o)
    assert shown and all("2020-10" <= dates[e][:10] <= "2020-10-31" for e in shown)
    # the actor filter: only Armenia's events, on the map and in the graph
    o.page.fill("#date-from", "")
    o.page.fill("#date-to", "")
    o.page.press("#date-to", "Enter")
    o.page.select_option("#only-actor", E + "armenia")
    actors = o.js(
        "Object.fromEntries(ckgExplorer.data.timemap.events.map(r => "
        "[r.id, (r.a || []).map(x => x[1])]))"
    )
    shown = _dot_events(o)
    assert shown and all(E + "armenia" in actors[e] for e in shown)
    events_in_graph = [n["id"] for n in _visible(o, "nodes") if n["id"] in actors]
    assert events_in_graph and all(E + "armenia" in actors[e] for e in events_in_graph)
    # ... and of one conflict: what is left has both
    o.page.select_option("#only-conflict", E + "nagorno-karabakh-conflict")
    conflicts = o.js(
        "Object.fromEntries(ckgExplorer.data.timemap.events.map(r => [r.id, r.k || []]))"
    )
    shown = _dot_events(o)
    assert all(E + "nagorno-karabakh-conflict" in conflicts[e] for e in shown)
    assert all(E + "armenia" in actors[e] for e in shown)
    o.page.click("text=Reset filters")
    assert len(_dot_events(o)) == len(before)
    o.check_clean()


def test_timeline_lanes_marks_and_date_brush(open_page, devcorpus_page):
    o = open_page(devcorpus_page)
    o.page.click('#tabs button[data-tab="timeline"]')
    dated = o.js("ckgExplorer.data.timemap.events.filter(r => r.d).map(r => r.id)")
    marks = o.js(
        "[...document.querySelectorAll('#timeline-svg .event-mark')].map(m => m.dataset.event)"
    )
    assert set(marks) == set(dated)  # every dated event, in each of its actors' lanes
    lanes = o.js("[...document.querySelectorAll('#timeline-svg .lane')].map(g => g.dataset.lane)")
    assert "Armenien" in lanes and "Aserbaidschan" in lanes
    o.page.select_option("#lanes", "class")
    lanes = o.js("[...document.querySelectorAll('#timeline-svg .lane')].map(g => g.dataset.lane)")
    types = set(o.js("ckgExplorer.data.timemap.events.filter(r => r.d).map(r => r.t)"))
    assert set(lanes) == types
    assert len(o.js("[...document.querySelectorAll('#timeline-svg .event-mark')]")) == len(dated)
    # a click on a mark shows the event; a drag across the axis sets the date range
    o.page.click("#timeline-svg .event-mark >> nth=0", force=True)
    assert "Event" in o.page.inner_text("#details")
    box = o.page.locator("#timeline-svg .brush-area").bounding_box()
    y = box["y"] + box["height"] / 2
    o.page.mouse.move(box["x"] + 2, y)
    o.page.mouse.down()
    o.page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    o.page.mouse.up()
    start, end = o.page.input_value("#date-from"), o.page.input_value("#date-to")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", start) and start < end
    shown = o.js("document.getElementById('timeline-svg').dataset.events")
    assert 0 < int(shown) < len(marks)
    # the graph follows: fewer event nodes than before the drag
    events_shown = [n for n in _visible(o, "nodes") if n["id"] in set(dated)]
    assert 0 < len(events_shown) < len(dated)
    o.check_clean()


def test_map_and_timeline_screenshots(open_page, tmp_path):
    """The README's pictures: the dev corpus in a store, coordinates from its reference graph."""
    from kg.store import open_store

    store = open_store(tmp_path / "store")
    store.extend(load_file(DEVCORPUS).quads_for_pattern(None, None, None, None))
    eg = build_graph(store, view="actors", title="Bergkarabach: five articles")
    del store
    o = open_page(eg.html(), "readme.html")
    ARTIFACTS.mkdir(exist_ok=True)
    for tab in ("map", "timeline"):
        o.page.click(f'#tabs button[data-tab="{tab}"]')
        if tab == "map":  # every located place of the store's reference graph: "data"
            assert "by the gazetteer" not in o.page.inner_text("#map-note")
            talks = o.js(
                """ckgExplorer.data.timemap.events.find(r => r.t === 'Negotiation'
                     && (r.p || []).some(p => p.endsWith('/moscow'))).id"""
            )
            o.page.click(f'#map-svg circle[data-event="{talks}"]', force=True)
            assert "characters" in o.page.inner_text("#details")  # the sentence's offsets
        else:  # the autumn 2020 war, where the articles have most of their events
            o.js("ckgExplorer.setDates('2020-09-25', '2020-11-15')")
        o.page.screenshot(path=str(ARTIFACTS / f"explorer-{tab}.png"))
        assert (ARTIFACTS / f"explorer-{tab}.png").stat().st_size > 20_000
    o.check_clean()


# --- labels at the first view, edge labels apart, the notebook display (issue 12) -----------


def _settled(o: Opened) -> None:
    assert o.wait("!!ckgExplorer.settled"), "the first view was never set"


_LABEL_BOXES = """(() => {
  // vis's own label boxes (graph coordinates), as drawn: only labels vis shows
  const boxes = Object.values(network.body.edges)
    .filter(e => network.body.edgeIndices.includes(e.id) && e.labelModule.visible()
                 && e.labelModule.size.width > 0)
    .map(e => [e.id, e.labelModule.size]);
  const hit = (a, b) => a.left < b.left + b.width && b.left < a.left + a.width
                        && a.top < b.top + b.height && b.top < a.top + a.height;
  const pairs = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (hit(boxes[i][1], boxes[j][1])) pairs.push([boxes[i][0], boxes[j][0]]);
  return {shown: boxes.length, pairs};
})()"""


def _redrawn(o: Opened) -> None:
    """Draw once more, so that vis's label boxes are those of the current view."""
    o.js("window.__drawn = false; network.once('afterDrawing', () => { window.__drawn = true; })")
    o.js("network.redraw()")
    assert o.wait("window.__drawn")


def test_events_view_opens_with_readable_labels(open_page, devcorpus_page):
    o = open_page(devcorpus_page)
    _settled(o)
    _redrawn(o)
    # every node in the viewport has its label drawn, at a readable size (not 2.2x away)
    r = o.js(
        """(() => { const box = document.getElementById('network').getBoundingClientRect();
          const tl = network.DOMtoCanvas({x: 0, y: 0});
          const br = network.DOMtoCanvas({x: box.width, y: box.height});
          const pos = network.getPositions();
          const inView = Object.keys(pos).filter(id => pos[id].x > tl.x && pos[id].x < br.x
                                                    && pos[id].y > tl.y && pos[id].y < br.y);
          const shown = inView.filter(id => network.body.nodes[id].labelModule.visible());
          const px = Math.min(...inView.map(id =>
            network.body.nodes[id].labelModule.fontOptions.size * network.getScale()));
          return {inView: inView.length, shown: shown.length, px}; })()"""
    )
    assert r["inView"] >= 20, r
    assert r["shown"] == r["inView"], r
    assert r["px"] >= 7, r
    # "Fit all" shows the whole graph, zoomed out below the readable scale
    o.page.click("#fit-all")
    assert o.js("network.getScale()") < o.js("ckgExplorer.readableScale")
    o.check_clean()


@pytest.mark.parametrize("view", ["actors", "events"])
def test_edge_labels_do_not_cover_one_another(open_page, view):
    eg = build_graph(load_file(DEVCORPUS), view=view)
    o = open_page(eg.html())
    _settled(o)
    _redrawn(o)  # vis draws every edge, in the viewport or not: every label is measured
    r = o.js(_LABEL_BOXES)
    assert r["pairs"] == [], f"{len(r['pairs'])} pairs of edge labels overlap"
    assert r["shown"] >= 0.5 * eg.graph.number_of_edges(), r
    # a label left off the canvas is still the edge's: in the tooltip and details data
    assert o.js("ckgExplorer.data.edges.every(e => !!e.label)")
    # a filter frees space: labels come back, still apart
    before = r["shown"]
    o.page.uncheck('input[data-filter="event:Meeting"]')
    _redrawn(o)
    r = o.js(_LABEL_BOXES)
    assert r["pairs"] == []
    hidden = o.js("ckgExplorer.data.edges.filter(e => e.type === 'Meeting').length")
    assert r["shown"] >= before - hidden  # a label that was left off can come back
    o.check_clean()


def test_notebook_display_runs_packed_in_a_sandboxed_iframe(browser_context, tmp_path):
    eg = build_graph(load_file(DEVCORPUS), view="events")
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body>{eg._repr_html_()}</body></html>", "utf-8")
    page = browser_context.new_page()
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in {"error", "warning"} else None
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(host.as_uri())
    frame = page.frames[1]
    end = time.monotonic() + 15
    while not frame.evaluate("!!(window.ckgExplorer && window.ckgExplorer.settled)"):
        assert time.monotonic() < end, "the packed page never drew"
        time.sleep(0.05)
    assert frame.evaluate("network.body.data.nodes.length") == eg.graph.number_of_nodes()
    assert frame.evaluate("ckgExplorer.data.timemap.events.length") > 0
    assert frame.is_visible("#tabs")
    assert problems == []
    page.close()
