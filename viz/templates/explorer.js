/* conflict-kg explorer: draws the embedded graph with vis-network.
 * Every text from the data (labels, sentences, titles) is untrusted: it is only ever
 * written with textContent or drawn on the canvas, never parsed as HTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("ckg-data").textContent);
  var meta = DATA.meta, legend = DATA.legend, EVIDENCE = DATA.evidence;

  /* ---------- small DOM helpers (text only) ---------- */
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (k === "text") e.textContent = attrs[k];
        else if (k === "cls") e.className = attrs[k];
        else e.setAttribute(k, attrs[k]);
      }
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }
  function safeUrl(u) { return typeof u === "string" && /^https?:\/\/\S+$/i.test(u) ? u : null; }
  function link(href, text) {
    var a = el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: text });
    return a;
  }
  function svgShape(shape, color) {
    var NS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("class", "shape"); svg.setAttribute("viewBox", "0 0 14 14");
    var p;
    var pts = {
      square: "2,2 12,2 12,12 2,12", diamond: "7,1 13,7 7,13 1,7", triangle: "7,1 13,13 1,13",
      triangleDown: "1,1 13,1 7,13", hexagon: "4,1 10,1 13,7 10,13 4,13 1,7",
      star: "7,0.5 8.8,5 13.5,5.2 9.8,8.2 11.1,13 7,10.3 2.9,13 4.2,8.2 0.5,5.2 5.2,5",
      box: "1,3 13,3 13,11 1,11"
    };
    if (shape === "dot") { p = document.createElementNS(NS, "circle"); p.setAttribute("cx", 7); p.setAttribute("cy", 7); p.setAttribute("r", 5.5); }
    else { p = document.createElementNS(NS, "polygon"); p.setAttribute("points", pts[shape] || pts.box); }
    p.setAttribute("fill", color); p.setAttribute("stroke", "#495057"); p.setAttribute("stroke-width", "1");
    svg.appendChild(p);
    return svg;
  }
  function svgLine(color, dashes) {
    var NS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", 34); svg.setAttribute("height", 10);
    var l = document.createElementNS(NS, "line");
    l.setAttribute("x1", 1); l.setAttribute("y1", 5); l.setAttribute("x2", 27); l.setAttribute("y2", 5);
    l.setAttribute("stroke", color || "#495057"); l.setAttribute("stroke-width", 2);
    if (dashes) l.setAttribute("stroke-dasharray", dashes.join(","));
    var h = document.createElementNS(NS, "polygon");
    h.setAttribute("points", "27,1 33,5 27,9"); h.setAttribute("fill", color || "#495057");
    svg.appendChild(l); svg.appendChild(h);
    return svg;
  }
  function fmtConf(c) { return typeof c === "number" ? c.toFixed(2) : null; }

  /* ---------- header ---------- */
  document.getElementById("title").textContent = meta.title;
  document.title = meta.title;
  var viewName = meta.view === "events" ? "events view" : "actor view";
  document.getElementById("counts").textContent =
    viewName + " · " + meta.nodes + " nodes · " + meta.edges + " edges · " + meta.components + " components";

  var api = { ready: false };
  window.ckgExplorer = api;

  if (!DATA.nodes.length) {
    ["controls", "network", "details"].forEach(function (id) {
      var n = document.getElementById(id); n.parentNode.removeChild(n);
    });
    document.body.appendChild(el("div", { id: "empty" }, [
      "This graph is empty: the source holds no actors, events or standing facts to draw."]));
    document.getElementById("search").disabled = true;
    document.getElementById("search-btn").disabled = true;
    document.getElementById("fit-all").disabled = true;
    window.network = null;
    api.ready = true;
    return;
  }

  /* ---------- nodes and edges ---------- */
  var byId = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {};
  DATA.edges.forEach(function (e) { edgeById[e.id] = e; });

  function darker(hex) {
    var m = /^#([0-9a-f]{6})$/i.exec(hex || "");
    if (!m) return "#495057";
    var v = parseInt(m[1], 16), f = 0.62;
    var r = Math.round(((v >> 16) & 255) * f), g = Math.round(((v >> 8) & 255) * f), b = Math.round((v & 255) * f);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }
  function visNode(n) {
    var isEvent = n.kind === "event";
    var border = darker(n.color);
    var node = {
      id: n.id, label: n.label, x: n.x, y: n.y, shape: n.shape,
      size: n.shape === "square" || n.shape === "diamond" ? n.size * 0.75 : n.size,
      color: { background: n.color, border: border, highlight: { background: n.color, border: "#000" },
               hover: { background: n.color, border: "#000" } },
      borderWidth: isEvent ? 1 : 1.5,
      font: isEvent ? { size: 11, color: "#fff", face: "system-ui, sans-serif" }
                    : { size: 14, color: "#212529", strokeWidth: 3, strokeColor: "#fff", face: "system-ui, sans-serif" }
    };
    if (isEvent) { node.margin = 5; node.widthConstraint = { maximum: 150 }; }
    if (n.claim) { node.shapeProperties = { borderDashes: [5, 4] }; node.borderWidth = 2; }
    return node;
  }
  var EDGE_FONT = 10;  // graph units, as the label boxes below are measured
  function visEdge(e) {
    var edge = {
      id: e.id, from: e.from, to: e.to,
      arrows: e.dir ? { to: { enabled: true, scaleFactor: 0.6 } } : "",
      color: { color: e.color || "#868e96", highlight: "#000", hover: "#000", opacity: 0.85 },
      width: e.kind === "event" ? 1.8 : 1.3,
      dashes: e.dashes || false
    };
    if (meta.edgeLabels) {
      edge.label = e.label;
      edge.font = { size: EDGE_FONT, color: "#495057", strokeWidth: 3, strokeColor: "#fff", align: "horizontal" };
    }
    if (meta.smooth) {
      edge.smooth = e.fan ? { enabled: true, type: e.fan % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.ceil(e.fan / 2) }
                          : { enabled: false };
    }
    return edge;
  }
  var nodes = new vis.DataSet(DATA.nodes.map(visNode));
  var edges = new vis.DataSet(DATA.edges.map(visEdge));

  var options = {
    autoResize: true,
    nodes: { scaling: { label: { drawThreshold: 6 } } },
    edges: { smooth: meta.smooth ? { enabled: false } : false, selectionWidth: 2, hoverWidth: 0.5 },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: !meta.physics, hideEdgesOnZoom: !meta.physics,
                   navigationButtons: false, keyboard: false, multiselect: false },
    layout: { randomSeed: 7, improvedLayout: false },
    physics: meta.physics ? {
      enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -9000, springLength: 170, springConstant: 0.03, avoidOverlap: 0.4, damping: 0.35 },
      stabilization: { enabled: true, iterations: 250, fit: true }
    } : { enabled: false }
  };
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  window.network = network;
  api.network = network; api.nodes = nodes; api.edges = edges; api.data = DATA;
  network.once("afterDrawing", function () {
    window.__ckgFirstDrawMs = performance.now();
    api.ready = true;
    document.body.setAttribute("data-ready", "1");
  });
  /* ---------- the first view: labels readable ---------- */
  // vis hides a label drawn smaller than a few pixels; a dense graph fitted whole would
  // open with none. So the first view is never zoomed out below READABLE_PX for the
  // smallest label: the whole graph if it fits, else its largest component, else the
  // middle of that component. "Fit all" shows everything.
  var READABLE_PX = 7;
  var readableScale = READABLE_PX / (DATA.nodes.some(function (n) { return n.kind === "event"; }) ? 11 : 14);
  function largestComponent() {
    var adj = {}, seen = {}, best = [];
    DATA.nodes.forEach(function (n) { adj[n.id] = []; });
    DATA.edges.forEach(function (e) {
      if (adj[e.from] && adj[e.to]) { adj[e.from].push(e.to); adj[e.to].push(e.from); }
    });
    DATA.nodes.forEach(function (n) {
      if (seen[n.id]) return;
      var comp = [n.id], i = 0; seen[n.id] = true;
      for (; i < comp.length; i++) adj[comp[i]].forEach(function (m) { if (!seen[m]) { seen[m] = true; comp.push(m); } });
      if (comp.length > best.length) best = comp;
    });
    return best;
  }
  function initialView() {
    network.fit({ animation: false });
    if (network.getScale() >= readableScale) return;
    var comp = largestComponent();
    network.fit({ nodes: comp, animation: false });
    if (network.getScale() >= readableScale) return;
    var hub = comp.reduce(function (a, b) { return (byId[b].deg || 0) > (byId[a].deg || 0) ? b : a; });
    network.moveTo({ position: network.getPositions([hub])[hub], scale: readableScale, animation: false });
  }
  api.readableScale = readableScale;
  api.fitAll = function () { network.fit({ animation: false }); };
  document.getElementById("fit-all").addEventListener("click", api.fitAll);
  function settle() {
    initialView();
    declutterEdgeLabels();
    api.settled = true;
  }
  if (meta.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      settle();
    });
  } else {
    settle();
  }

  /* ---------- edge labels that do not cover one another ---------- */
  // A label is drawn at its edge's middle with its font in graph units, so whether two
  // labels overlap does not depend on the zoom: decided once the layout stands (again
  // after a drag or a filter). Events and mediations go first, then the busiest edges;
  // a label left out is still in the tooltip and the details panel.
  var measure = document.createElement("canvas").getContext("2d");
  var KIND_RANK = { event: 0, mediates: 0, role: 1 };
  function labelBox(e) {
    var edge = network.body.edges[e.id];
    if (!edge || !edge.connected || !edge.edgeType) return null;
    var mid = edge.edgeType.getPoint(0.5);
    measure.font = EDGE_FONT + "px system-ui, sans-serif";
    var lines = String(e.label).split("\n");
    var w = Math.max.apply(null, lines.map(function (l) { return measure.measureText(l).width; })) + 6;
    var h = lines.length * EDGE_FONT * 1.2 + 4;
    return { left: mid.x - w / 2, top: mid.y - h / 2, width: w, height: h };
  }
  function overlaps(a, b) {
    return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
  }
  var mutedLabels = {};
  function declutterEdgeLabels() {
    if (!meta.edgeLabels) return;
    var hidden = typeof current === "object" ? current.edges : {};  // filters not set up yet
    var order = DATA.edges.filter(function (e) { return e.label && !hidden[e.id]; });
    var weight = function (e) { return (byId[e.from].deg || 0) + (byId[e.to].deg || 0); };
    order.sort(function (a, b) {
      return ((KIND_RANK[a.kind] === undefined ? 2 : KIND_RANK[a.kind]) - (KIND_RANK[b.kind] === undefined ? 2 : KIND_RANK[b.kind])) ||
             (weight(b) - weight(a)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    var placed = [], mute = {};
    order.forEach(function (e) {
      var box = labelBox(e);
      if (!box) return;
      if (placed.some(function (p) { return overlaps(p, box); })) mute[e.id] = true;
      else placed.push(box);
    });
    var changes = [];
    DATA.edges.forEach(function (e) {
      if (!e.label || !!mutedLabels[e.id] === !!mute[e.id]) return;
      // a zero-size font, not an empty label: vis keeps the old text for an empty one
      changes.push({ id: e.id, font: { size: mute[e.id] ? 0 : EDGE_FONT } });
    });
    mutedLabels = mute;
    if (changes.length) edges.update(changes);
    api.mutedLabels = Object.keys(mute).length;
  }
  api.declutterEdgeLabels = declutterEdgeLabels;
  network.on("dragEnd", function (p) { if (p.nodes && p.nodes.length) declutterEdgeLabels(); });

  /* ---------- tooltips (own DOM, never HTML strings) ---------- */
  var tip = document.getElementById("tooltip");
  function evidenceOf(item) { return (item.ev || []).map(function (i) { return EVIDENCE[i]; }); }
  function itemType(item) {
    if (item.kind === "event") return item.type;
    if (item.kind === "role") return item.label + " of " + item.type;
    return item.type;
  }
  function tooltipContent(item, isEdge) {
    var parts = [];
    var title = isEdge ? (labelOf(item.from) + " → " + labelOf(item.to)) : (item.full || item.label);
    parts.push(el("div", { cls: "t-title", text: title }));
    var metaBits = [isEdge ? (item.label || "").split("\n")[0] : itemType(item)];
    if (item.date) metaBits.push(item.date);
    if (fmtConf(item.conf)) metaBits.push("confidence " + fmtConf(item.conf));
    parts.push(el("div", { cls: "t-meta", text: metaBits.join(" · ") }));
    if (item.claim) parts.push(el("div", { cls: "t-meta", text: "Claim by " + item.claim.join(", ") + " (not stated as fact)" }));
    var ev = evidenceOf(item);
    if (ev.length && ev[0].s) {
      var s = ev[0].s.length > 320 ? ev[0].s.slice(0, 317) + "…" : ev[0].s;
      parts.push(el("div", { cls: "t-sentence", text: "„" + s + "“" }));
    }
    if (ev.length) parts.push(el("div", { cls: "t-meta", text: "Article: " + (ev[0].i || ev[0].a || "?") + (ev.length > 1 ? " (+" + (ev.length - 1) + " more)" : "") }));
    if (!isEdge && item.kind !== "event") parts.push(el("div", { cls: "t-meta", text: "Click for details and relations" }));
    return parts;
  }
  function showTip(item, isEdge, pointer) {
    tip.replaceChildren.apply(tip, tooltipContent(item, isEdge));
    var rect = container.getBoundingClientRect();
    var x = rect.left + pointer.x + 14, y = rect.top + pointer.y + 14;
    tip.style.display = "block";
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, x - w - 28);
    if (y + h > window.innerHeight - 8) y = Math.max(8, y - h - 28);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function hideTip() { tip.style.display = "none"; }
  network.on("hoverNode", function (p) { showTip(byId[p.node], false, p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeById[p.edge], true, p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  /* ---------- details panel ---------- */
  var details = document.getElementById("details");
  function labelOf(id) { var n = byId[id]; return n ? (n.full || n.label) : id; }
  function dl(rows) {
    var d = el("dl");
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      d.appendChild(el("dt", { text: r[0] }));
      d.appendChild(el("dd", {}, [typeof r[1] === "string" || typeof r[1] === "number" ? String(r[1]) : r[1]]));
    });
    return d;
  }
  function evidenceBlock(list) {
    var out = [];
    list.forEach(function (ev) {
      if (ev.s) out.push(el("blockquote", { text: ev.s }));
      var src = el("div", { cls: "source" });
      var name = ev.t ? ev.t + " (" + (ev.i || "") + ")" : (ev.i || ev.a || "");
      src.appendChild(document.createTextNode((ev.s ? "— " : "Stated in ") + name + (ev.d ? ", " + ev.d : "")));
      if (ev.o) src.appendChild(document.createTextNode(" · characters " + ev.o[0] + "–" + ev.o[1]));
      var u = safeUrl(ev.u);
      if (u) { src.appendChild(document.createTextNode(" · ")); src.appendChild(link(u, "open article")); }
      if (ev.a) { src.appendChild(el("br")); src.appendChild(el("code", { text: ev.a })); }
      out.push(src);
    });
    return out;
  }
  function relLink(text, fn) {
    var a = el("a", { cls: "rel", href: "#", text: text });
    a.addEventListener("click", function (evt) { evt.preventDefault(); fn(); });
    return a;
  }
  function claimBox(item) {
    return item.claim ? el("div", { cls: "claim", text: "Claim: only asserted by " + item.claim.join(", ") + ", not stated as fact by the article." }) : null;
  }
  function showEmptyDetails() {
    details.replaceChildren(
      el("h2", { text: "Details" }),
      el("p", { cls: "note", text: "Click a node or an edge to see its type, date, confidence and the sentence it was extracted from. Hover for a quick look; search above to find an actor." }));
  }
  function showNode(id) {
    var n = byId[id];
    if (!n) return;
    var head = [el("h2", { text: n.kind === "event" ? "Event" : (n.kind === "place" ? "Place" : (n.kind === "conflict" ? "Conflict" : "Actor")) }),
                el("h3", { text: n.full || n.label }),
                el("span", { cls: "badge", style: "background:" + darker(n.color), text: n.type })];
    var rows = [["Date", n.date], ["Confidence", fmtConf(n.conf)]];
    if (n.alt) rows.push(["Also", n.alt.join(" · ")]);
    if (n.wd) rows.push(["Wikidata", link("https://www.wikidata.org/wiki/" + n.wd, "wd:" + n.wd)]);
    if (n.kind !== "event") rows.push(["Centrality", "degree " + (n.deg || 0).toFixed(3) + " · betweenness " + (n.btw || 0).toFixed(3)]);
    if (n.c >= 0 && n.kind !== "event") rows.push(["Community", String(n.c + 1)]);
    if (n.places) rows.push(["Place", n.places.join(", ")]);
    if (n.roles) Object.keys(n.roles).forEach(function (r) { rows.push([r, n.roles[r].join(", ")]); });
    if (n.quote) rows.push(["Quote", "„" + n.quote + "“"]);
    rows.push(["IRI", el("code", { text: n.id })]);
    var body = head.concat([claimBox(n), dl(rows)]);
    var ev = evidenceOf(n);
    if (ev.length) { body.push(el("h2", { text: "Evidence" })); body = body.concat(evidenceBlock(ev)); }
    if (n.events) {
      body.push(el("h2", { text: "Events with no other actor (" + n.events.length + ")" }));
      n.events.forEach(function (e) {
        body.push(el("div", {}, [el("strong", { text: e.type }), " " + (e.role || "") + (e.date ? " · " + e.date : "") + (e.conf !== undefined ? " · confidence " + fmtConf(e.conf) : "")]));
        if (e.claim) body.push(claimBox(e));
        body = body.concat(evidenceBlock(e.ev ? e.ev.map(function (i) { return EVIDENCE[i]; }) : []));
      });
    }
    var conn = network.getConnectedEdges(id);
    if (conn.length) {
      body.push(el("h2", { text: "Relations (" + conn.length + ")" }));
      var ul = el("ul");
      conn.slice(0, 200).map(function (eid) { return edgeById[eid]; }).sort(function (a, b) {
        return String(a.date || "").localeCompare(String(b.date || "")) || a.id.localeCompare(b.id);
      }).forEach(function (e) {
        var out = e.from === id;
        var other = out ? e.to : e.from;
        var text = (out ? "→ " : "← ") + (e.label || "").replace("\n", " · ") + " " + (out ? "" : "from ") + labelOf(other);
        ul.appendChild(el("li", {}, [relLink(text, function () { selectEdge(e.id); }), e.claim ? " (claim)" : null]));
      });
      body.push(ul);
      if (conn.length > 200) body.push(el("p", { cls: "note", text: "Showing 200 of " + conn.length + "." }));
    }
    details.replaceChildren.apply(details, body.filter(Boolean));
  }
  function showEdge(id) {
    var e = edgeById[id];
    if (!e) return;
    var title = (e.label || "").split("\n")[0];
    var body = [el("h2", { text: e.kind === "event" || e.kind === "mediates" ? "Event" : "Relation" }),
                el("h3", {}, [relLink(labelOf(e.from), function () { selectNode(e.from); }), " → ",
                              relLink(labelOf(e.to), function () { selectNode(e.to); })]),
                el("span", { cls: "badge", style: "background:" + (e.color || "#495057"), text: title })];
    body.push(claimBox(e));
    var rows = [["Type", e.type], ["Date", e.date], ["Confidence", fmtConf(e.conf)]];
    if (e.places) rows.push(["Place", e.places.join(", ")]);
    if (e.quote) rows.push(["Quote", "„" + e.quote + "“"]);
    if (e.event) rows.push(["Event", el("code", { text: e.event })]);
    body.push(dl(rows));
    var ev = evidenceOf(e);
    if (ev.length) { body.push(el("h2", { text: "Evidence" })); body = body.concat(evidenceBlock(ev)); }
    details.replaceChildren.apply(details, body.filter(Boolean));
  }
  /* An event row of the map or the timeline, as the graph shows an event. */
  function showEventRow(r) {
    var name = function (iri) { return TM.names[iri] || labelOf(iri); };
    var color = (legend.eventTypes.filter(function (t) { return t.type === r.t; })[0] || {}).color;
    var body = [el("h2", { text: "Event" }), el("h3", { text: r.t }),
                el("span", { cls: "badge", style: "background:" + (color || "#495057"), text: r.t })];
    if (r.cl) body.push(claimBox({ claim: r.cl.map(name) }));
    var rows = [["Date", r.d], ["Confidence", fmtConf(r.c)]];
    (r.a || []).forEach(function (x) { rows.push([x[0], name(x[1])]); });
    if (r.p) rows.push(["Place", r.p.map(function (p) { return (TM.places[p] || {}).l || p; }).join(", ")]);
    if (r.k) rows.push(["Conflict", r.k.map(name).join(", ")]);
    rows.push(["Event", el("code", { text: r.id })]);
    body.push(dl(rows));
    var inGraph = byId[r.id] ? function () { switchTo && switchTo("graph"); selectNode(r.id); } : null;
    if (!inGraph) {
      var eid = DATA.edges.filter(function (e) { return e.event === r.id; }).map(function (e) { return e.id; })[0];
      if (eid) inGraph = function () { switchTo && switchTo("graph"); selectEdge(eid); };
    }
    if (inGraph) body.push(el("p", {}, [relLink("Show in the graph", inGraph)]));
    var ev = (r.ev || []).map(function (i) { return EVIDENCE[i]; });
    if (ev.length) { body.push(el("h2", { text: "Evidence" })); body = body.concat(evidenceBlock(ev)); }
    details.replaceChildren.apply(details, body.filter(Boolean));
  }
  var switchTo = null;
  api.showEventRow = showEventRow;
  api.setSwitch = function (fn) { switchTo = fn; };
  api.el = el;
  function selectNode(id) { network.selectNodes([id]); showNode(id); }
  function selectEdge(id) { network.setSelection({ nodes: [], edges: [id] }); showEdge(id); }
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
    else showEmptyDetails();
  });
  showEmptyDetails();

  /* ---------- filters ---------- */
  var controls = document.getElementById("controls");
  var hiddenEventTypes = {}, hiddenEntityTypes = {}, hideClaims = false;
  var dateFrom = "", dateTo = "", onlyActor = "", onlyConflict = "";
  // Who takes part in each event (from the map/timeline rows): the actor filter uses it.
  var TM = DATA.timemap || { events: [], names: {}, places: {} };
  var actorsOf = {}, conflictsOf = {};
  TM.events.forEach(function (r) {
    actorsOf[r.id] = (r.a || []).map(function (x) { return x[1]; });
    conflictsOf[r.id] = r.k || [];
  });
  function actorOut(eventIri) {
    if (!eventIri) return false;
    if (onlyConflict && (conflictsOf[eventIri] || []).indexOf(onlyConflict) < 0) return true;
    if (!onlyActor) return false;
    var a = actorsOf[eventIri];
    return !a || a.indexOf(onlyActor) < 0;
  }
  function lowBound(d) { return (d + "-01-01").slice(0, 10); }
  function highBound(d) { return (d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d).slice(0, 10); }
  function dateOut(d) {
    if (!d) return false;
    d = String(d).slice(0, 10);
    if (dateFrom && highBound(d) < lowBound(dateFrom)) return true;
    if (dateTo && lowBound(d) > highBound(dateTo)) return true;
    return false;
  }
  function nodeHidden(n) {
    if (n.kind === "event") return !!hiddenEventTypes[n.type] || dateOut(n.date) || (hideClaims && !!n.claim) || actorOut(n.id);
    return !!hiddenEntityTypes[n.type];
  }
  function edgeHidden(e, hiddenNodes) {
    if (hiddenNodes[e.from] || hiddenNodes[e.to]) return true;
    if (e.kind === "event" || e.kind === "mediates") {
      if (hiddenEventTypes[e.type] || dateOut(e.date) || actorOut(e.event)) return true;
    }
    return hideClaims && !!e.claim;
  }
  var current = { nodes: {}, edges: {} };
  function applyFilters() {
    var hiddenNodes = {}, nodeChanges = [], edgeChanges = [];
    DATA.nodes.forEach(function (n) {
      var h = nodeHidden(n);
      if (h) hiddenNodes[n.id] = true;
      if (!!current.nodes[n.id] !== h) nodeChanges.push({ id: n.id, hidden: h });
    });
    DATA.edges.forEach(function (e) {
      var h = edgeHidden(e, hiddenNodes);
      if (!!current.edges[e.id] !== h) edgeChanges.push({ id: e.id, hidden: h });
    });
    current.nodes = hiddenNodes;
    current.edges = {};
    DATA.edges.forEach(function (e) { if (edgeHidden(e, hiddenNodes)) current.edges[e.id] = true; });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    var shownN = DATA.nodes.length - Object.keys(current.nodes).length;
    var shownE = DATA.edges.length - Object.keys(current.edges).length;
    filterNote.textContent = "Showing " + shownN + " of " + DATA.nodes.length + " nodes, " + shownE + " of " + DATA.edges.length + " edges.";
    api.listeners.forEach(function (fn) { fn(); });
    if (api.settled) declutterEdgeLabels();
  }
  api.applyFilters = applyFilters;
  api.listeners = [];  // the map and the timeline redraw when a filter changes
  /* One test for the map and the timeline, the same filters as the graph's. */
  api.eventVisible = function (r) {
    return !hiddenEventTypes[r.t] && !dateOut(r.d) && !(hideClaims && r.cl) && !actorOut(r.id);
  };
  api.setDates = function (from, to) {
    fromIn.value = from || ""; toIn.value = to || ""; onDates();
  };
  api.setActor = function (iri) { actorSel.value = iri || ""; onlyActor = actorSel.value; applyFilters(); };
  api.setConflict = function (iri) { conflictSel.value = iri || ""; onlyConflict = conflictSel.value; applyFilters(); };

  function checkboxRow(text, count, swatch, onChange, name) {
    var cb = el("input", { type: "checkbox", "data-filter": name });
    cb.checked = true;
    cb.addEventListener("change", function () { onChange(cb.checked); applyFilters(); });
    return el("label", { cls: "row" }, [cb, swatch, el("span", { text: text }), el("span", { cls: "count", text: String(count) })]);
  }

  if (legend.eventTypes.length) {
    controls.appendChild(el("h2", { text: meta.view === "events" ? "Event types (node colour)" : "Event types (edge colour)" }));
    legend.eventTypes.forEach(function (t) {
      controls.appendChild(checkboxRow(t.type, t.count, el("span", { cls: "swatch", style: "background:" + t.color }),
        function (on) { hiddenEventTypes[t.type] = !on; }, "event:" + t.type));
    });
  }
  controls.appendChild(el("h2", { text: "Actors, places (shape)" }));
  legend.entityTypes.forEach(function (t) {
    var color = t.kind === "place" ? "#ced4da" : (t.kind === "conflict" ? "#f5a3a3" : "#a5d8ff");
    controls.appendChild(checkboxRow(t.type, t.count, svgShape(t.shape, color),
      function (on) { hiddenEntityTypes[t.type] = !on; }, "entity:" + t.type));
  });

  controls.appendChild(el("h2", { text: "Date range" }));
  var fromIn = el("input", { type: "text", id: "date-from", placeholder: meta.dateMin || "YYYY-MM-DD", "aria-label": "from date" });
  var toIn = el("input", { type: "text", id: "date-to", placeholder: meta.dateMax || "YYYY-MM-DD", "aria-label": "to date" });
  function onDates() {
    var ok = /^(\d{4}(-\d{2}(-\d{2})?)?)?$/;
    dateFrom = ok.test(fromIn.value.trim()) ? fromIn.value.trim() : "";
    dateTo = ok.test(toIn.value.trim()) ? toIn.value.trim() : "";
    applyFilters();
  }
  fromIn.addEventListener("change", onDates); toIn.addEventListener("change", onDates);
  fromIn.addEventListener("keydown", function (e) { if (e.key === "Enter") onDates(); });
  toIn.addEventListener("keydown", function (e) { if (e.key === "Enter") onDates(); });
  controls.appendChild(el("div", { cls: "dates" }, [el("span", { text: "from" }), fromIn, el("span", { text: "to" }), toIn]));
  controls.appendChild(el("p", { cls: "note", text: "YYYY, YYYY-MM or YYYY-MM-DD; undated items always shown." + (meta.dateMin ? " Data: " + meta.dateMin + " – " + meta.dateMax + "." : "") }));
  var claimsCb = el("input", { type: "checkbox", id: "hide-claims" });
  claimsCb.addEventListener("change", function () { hideClaims = claimsCb.checked; applyFilters(); });
  controls.appendChild(el("label", { cls: "row" }, [claimsCb, el("span", { text: "Hide claims (show facts only)" })]));
  var actorSel = el("select", { id: "only-actor", "aria-label": "only the events of an actor" }, [el("option", { value: "", text: "Events of every actor" })]);
  var eventCount = {};
  Object.keys(actorsOf).forEach(function (k) { actorsOf[k].forEach(function (a) { eventCount[a] = (eventCount[a] || 0) + 1; }); });
  Object.keys(eventCount).sort(function (a, b) {
    return eventCount[b] - eventCount[a] || String(TM.names[a] || a).localeCompare(String(TM.names[b] || b));
  }).forEach(function (a) {
    actorSel.appendChild(el("option", { value: a, text: (TM.names[a] || a) + " (" + eventCount[a] + ")" }));
  });
  actorSel.addEventListener("change", function () { onlyActor = actorSel.value; applyFilters(); });
  if (Object.keys(eventCount).length) controls.appendChild(el("label", { cls: "row" }, [actorSel]));
  var conflictSel = el("select", { id: "only-conflict", "aria-label": "only the events of a conflict" }, [el("option", { value: "", text: "Events of every conflict, or none" })]);
  var conflictCount = {};
  Object.keys(conflictsOf).forEach(function (k) { conflictsOf[k].forEach(function (c) { conflictCount[c] = (conflictCount[c] || 0) + 1; }); });
  Object.keys(conflictCount).sort().forEach(function (c) {
    conflictSel.appendChild(el("option", { value: c, text: (TM.names[c] || c) + " (" + conflictCount[c] + ")" }));
  });
  conflictSel.addEventListener("change", function () { onlyConflict = conflictSel.value; applyFilters(); });
  if (Object.keys(conflictCount).length) controls.appendChild(el("label", { cls: "row" }, [conflictSel]));
  var filterNote = el("p", { cls: "note", id: "filter-note" });
  controls.appendChild(filterNote);
  var reset = el("button", { cls: "btn", type: "button", text: "Reset filters" });
  reset.addEventListener("click", function () {
    hiddenEventTypes = {}; hiddenEntityTypes = {}; hideClaims = false; claimsCb.checked = false;
    onlyActor = ""; actorSel.value = ""; onlyConflict = ""; conflictSel.value = "";
    fromIn.value = ""; toIn.value = ""; dateFrom = ""; dateTo = "";
    controls.querySelectorAll("input[data-filter]").forEach(function (c) { c.checked = true; });
    applyFilters();
  });
  controls.appendChild(reset);

  if (legend.edgeStyles.length) {
    controls.appendChild(el("h2", { text: "Lines" }));
    legend.edgeStyles.forEach(function (s) {
      controls.appendChild(el("div", { cls: "legend-edge" }, [svgLine(s.color || "#495057", s.dashes), el("span", { text: s.text })]));
    });
  }
  if (legend.communities.length) {
    controls.appendChild(el("h2", { text: "Communities (actor colour)" }));
    legend.communities.forEach(function (c) {
      controls.appendChild(el("div", { cls: "legend-edge" }, [el("span", { cls: "swatch", style: "background:" + c.color }),
        el("span", { text: c.top.join(", ") + (c.size > c.top.length ? " … (" + c.size + ")" : "") })]));
    });
  }
  controls.appendChild(el("p", { cls: "note", text: "Node size: betweenness and degree centrality. " +
    (meta.physics ? "Drag nodes to rearrange." : "Large graph: layout computed in advance, physics off.") }));
  applyFilters();

  /* ---------- search ---------- */
  var input = document.getElementById("search"), msg = document.getElementById("search-msg");
  var datalist = document.getElementById("labels");
  var seenLabels = {};
  DATA.nodes.filter(function (n) { return n.kind !== "event"; }).slice(0, 5000).forEach(function (n) {
    var l = n.full || n.label;
    if (!seenLabels[l]) { seenLabels[l] = true; datalist.appendChild(el("option", { value: l })); }
  });
  function search(q) {
    q = (q || "").trim().toLocaleLowerCase();
    if (!q) { msg.textContent = ""; return null; }
    var best = null, bestRank = 9, count = 0;
    DATA.nodes.forEach(function (n) {
      var names = [n.label, n.full].concat(n.alt || []).filter(Boolean).map(function (s) { return String(s).toLocaleLowerCase(); });
      var rank = 9;
      names.forEach(function (s) {
        if (s === q) rank = Math.min(rank, 0);
        else if (s.indexOf(q) === 0) rank = Math.min(rank, 1);
        else if (s.indexOf(q) > 0) rank = Math.min(rank, 2);
      });
      if (n.kind === "event") rank += 3;
      if (rank < 9) {
        count++;
        if (rank < bestRank || (rank === bestRank && (n.size || 0) > (best.size || 0))) { best = n; bestRank = rank; }
      }
    });
    if (!best) { msg.textContent = "No node matches."; return null; }
    msg.textContent = (best.full || best.label) + (count > 1 ? " (" + (count - 1) + " more matches)" : "") +
      (current.nodes[best.id] ? " — hidden by a filter" : "");
    network.selectNodes([best.id]);
    network.focus(best.id, { scale: Math.max(network.getScale(), 1.1), animation: meta.physics ? { duration: 400 } : false });
    showNode(best.id);
    return best.id;
  }
  api.search = search;
  input.addEventListener("keydown", function (e) { if (e.key === "Enter") search(input.value); });
  input.addEventListener("change", function () { if (seenLabels[input.value]) search(input.value); });
  document.getElementById("search-btn").addEventListener("click", function () { search(input.value); });
})();
