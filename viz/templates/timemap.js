/* conflict-kg explorer: the map and the timeline of the events, beside the graph.
 * Both draw DATA.timemap (one row per event) as SVG, with the graph's filters
 * (ckgExplorer.eventVisible) and its details panel (ckgExplorer.showEventRow).
 * Every text from the data is set with textContent, never parsed as HTML. */
(function () {
  "use strict";
  var api = window.ckgExplorer;
  var tabs = document.getElementById("tabs");
  if (!api || !api.eventVisible || !api.data.timemap) { if (tabs) tabs.hidden = true; return; }
  var TM = api.data.timemap, el = api.el, NS = "http://www.w3.org/2000/svg";
  var colorOf = TM.colors || {};
  function color(t) { return colorOf[t] || "#495057"; }
  function svg(tag, attrs) {
    var e = document.createElementNS(NS, tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }
  function visibleRows() { return TM.events.filter(api.eventVisible); }

  /* ---------- tabs ---------- */
  var panes = { graph: document.getElementById("network"), map: document.getElementById("mapview"),
                timeline: document.getElementById("timeline") };
  var current = "graph";
  function switchTo(name) {
    current = name;
    Object.keys(panes).forEach(function (k) { panes[k].hidden = k !== name; });
    tabs.querySelectorAll("button").forEach(function (b) {
      b.setAttribute("aria-selected", b.getAttribute("data-tab") === name ? "true" : "false");
    });
    if (name === "graph") { api.network.redraw(); }
    else draw();
  }
  tabs.querySelectorAll("button").forEach(function (b) {
    b.addEventListener("click", function () { switchTo(b.getAttribute("data-tab")); });
  });
  api.setSwitch(switchTo);
  api.switchTo = switchTo;
  function draw() { if (current === "map") drawMap(); else if (current === "timeline") drawTimeline(); }
  api.listeners.push(draw);
  window.addEventListener("resize", draw);

  /* ---------- map: equirectangular, map units = tenths of a degree (viz/outlines.py) ---------- */
  var mapBox = document.getElementById("map-svg-box"), mapNote = document.getElementById("map-note");
  var mapSvg = svg("svg", { id: "map-svg", role: "img", "aria-label": "Map of the events" });
  var land = svg("path", { d: TM.outline || "", "class": "land", "fill-rule": "evenodd" });
  var pointsG = svg("g", { "class": "points" });
  mapSvg.appendChild(land); mapSvg.appendChild(pointsG);
  mapBox.appendChild(mapSvg);
  var located = Object.keys(TM.places).filter(function (p) { return "x" in TM.places[p]; });
  var view = null;  // [x, y, w, h] in map units
  function fitView(keys) {
    var xs = keys.map(function (p) { return TM.places[p].x; }), ys = keys.map(function (p) { return TM.places[p].y; });
    if (!xs.length) return [-1800, -900, 3600, 1800];
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var w = Math.max(x1 - x0, 200) * 1.4, h = Math.max(y1 - y0, 120) * 1.4;
    return [(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h];
  }
  function setView(v) {
    // keep the box's aspect ratio, so that a degree is as wide as it is high
    var W = mapBox.clientWidth || 800, H = mapBox.clientHeight || 500;
    var w = v[2], h = v[3];
    if (w / h > W / H) h = w * H / W; else w = h * W / H;
    view = [v[0] + v[2] / 2 - w / 2, v[1] + v[3] / 2 - h / 2, w, h];
    mapSvg.setAttribute("viewBox", view.join(" "));
  }
  function drawMap() {
    if (!view) setView(fitView(located));
    else setView(view);
    var unit = view[2] / (mapBox.clientWidth || 800);  // map units per screen pixel
    // places at one point (a state drawn at its capital, and the capital) share its dots
    var rows = visibleRows(), byPoint = {}, placed = 0, unplaced = 0;
    rows.forEach(function (r) {
      var here = (r.p || []).filter(function (p) { return TM.places[p] && "x" in TM.places[p]; });
      if (!here.length) { unplaced++; return; }
      placed++;
      here.forEach(function (p) {
        var key = TM.places[p].x + " " + TM.places[p].y, at = byPoint[key] = byPoint[key] || { places: [], rows: [] };
        if (at.places.indexOf(p) < 0) at.places.push(p);
        if (at.rows.indexOf(r) < 0) at.rows.push(r);
      });
    });
    var nodes = [];
    Object.keys(byPoint).sort().forEach(function (key) {
      var at = byPoint[key], p = at.places.slice().sort()[0], list = at.rows;
      var pl = { x: TM.places[p].x, y: TM.places[p].y,
                 l: at.places.map(function (q) { return TM.places[q].l; }).sort().join(" / ") };
      // one dot per event, on a spiral round the place, so that every event can be clicked
      list.forEach(function (r, i) {
        var a = i * 2.4, rad = i ? 7 * Math.sqrt(i) : 0;
        var c = svg("circle", { cx: pl.x + Math.cos(a) * rad * unit, cy: pl.y + Math.sin(a) * rad * unit,
                                r: 5.5 * unit, fill: color(r.t), "class": "event-dot",
                                "data-event": r.id, "data-place": p, "stroke-width": unit });
        var t = svg("title"); t.textContent = r.t + (r.d ? " · " + r.d : "") + " · " + pl.l;
        c.appendChild(t);
        c.addEventListener("click", function () { api.showEventRow(r); });
        nodes.push(c);
      });
      var label = svg("text", { x: pl.x + 9 * unit, y: pl.y - 8 * unit, "font-size": 12 * unit,
                                "stroke-width": 3 * unit, "class": "place-label", "data-place": p });
      label.textContent = pl.l + (list.length > 1 ? " (" + list.length + ")" : "");
      nodes.push(label);
    });
    pointsG.replaceChildren.apply(pointsG, nodes);
    land.setAttribute("stroke-width", unit);
    var fromGaz = located.filter(function (p) { return TM.places[p].src === "gazetteer"; }).length;
    mapNote.textContent = placed + " of " + rows.length + " events shown have a located place" +
      (unplaced ? "; " + unplaced + " without one are not on the map" : "") + "." +
      (fromGaz ? " " + fromGaz + " of " + located.length + " places located by the gazetteer (GeoNames) at display time." : "") +
      " Outlines: Natural Earth 1:110m.";
    mapSvg.setAttribute("data-placed", String(placed));
  }
  function zoom(f, cx, cy) {
    if (cx === undefined) { cx = view[0] + view[2] / 2; cy = view[1] + view[3] / 2; }
    setView([cx - (cx - view[0]) * f, cy - (cy - view[1]) * f, view[2] * f, view[3] * f]);
    drawMap();
  }
  function toMap(evt) {
    var r = mapSvg.getBoundingClientRect();
    return [view[0] + (evt.clientX - r.left) / r.width * view[2], view[1] + (evt.clientY - r.top) / r.height * view[3]];
  }
  mapSvg.addEventListener("wheel", function (evt) {
    evt.preventDefault();
    var p = toMap(evt);
    zoom(evt.deltaY > 0 ? 1.25 : 0.8, p[0], p[1]);
  }, { passive: false });
  var drag = null;
  mapSvg.addEventListener("pointerdown", function (evt) {
    if (evt.target.classList && evt.target.classList.contains("event-dot")) return;
    drag = { x: evt.clientX, y: evt.clientY, v: view.slice() };
  });
  window.addEventListener("pointerup", function () { drag = null; });
  mapSvg.addEventListener("pointermove", function (evt) {
    if (!drag) return;
    var r = mapSvg.getBoundingClientRect(), k = drag.v[2] / r.width;
    view = [drag.v[0] - (evt.clientX - drag.x) * k, drag.v[1] - (evt.clientY - drag.y) * k, drag.v[2], drag.v[3]];
    mapSvg.setAttribute("viewBox", view.join(" "));
  });
  function mapButton(text, title, fn) {
    var b = el("button", { cls: "btn", type: "button", text: text, title: title });
    b.addEventListener("click", fn);
    return b;
  }
  document.getElementById("map-tools").append(
    mapButton("+", "zoom in", function () { zoom(0.66); }),
    mapButton("−", "zoom out", function () { zoom(1.5); }),
    mapButton("Fit events", "show every located place", function () { setView(fitView(located)); drawMap(); }),
    mapButton("World", "the whole world", function () { setView([-1800, -900, 3600, 1800]); drawMap(); }));

  /* ---------- timeline: a time axis, one lane per actor or per event class ---------- */
  var tlBox = document.getElementById("timeline-svg-box"), tlNote = document.getElementById("timeline-note");
  var laneSel = document.getElementById("lanes");
  laneSel.addEventListener("change", drawTimeline);
  var MAX_LANES = 16, LABEL_W = 170, ROW_H = 16, AXIS_H = 28;
  function span(d) {  // a partial date as [first day, day after the last] in ms (UTC)
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(d || ""));
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] - 1 : 0, da = m[3] ? +m[3] : 1;
    var a = Date.UTC(y, mo, da);
    var b = m[3] ? Date.UTC(y, mo, da + 1) : m[2] ? Date.UTC(y, mo + 1, 1) : Date.UTC(y + 1, 0, 1);
    return [a, b];
  }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function lanesOf(rows, byActor) {
    var lanes = {}, order = [];
    rows.forEach(function (r) {
      var keys = byActor ? (r.a || []).map(function (x) { return x[1]; }) : [r.t];
      if (!keys.length) keys = ["(no actor)"];
      keys.filter(function (k, i) { return keys.indexOf(k) === i; }).forEach(function (k) {
        if (!lanes[k]) { lanes[k] = []; order.push(k); }
        lanes[k].push(r);
      });
    });
    order.sort(function (a, b) { return lanes[b].length - lanes[a].length || String(TM.names[a] || a).localeCompare(String(TM.names[b] || b)); });
    if (order.length > MAX_LANES) {  // the rest in one lane, each event once
      var rest = order.slice(MAX_LANES - 1), seen = {}, other = [];
      rest.forEach(function (k) { lanes[k].forEach(function (r) { if (!seen[r.id]) { seen[r.id] = 1; other.push(r); } }); });
      order = order.slice(0, MAX_LANES - 1).concat(["(" + rest.length + " more)"]);
      lanes[order[order.length - 1]] = other;
    }
    return order.map(function (k) { return { key: k, name: TM.names[k] || k, rows: lanes[k] }; });
  }
  function ticks(t0, t1, width) {
    var days = (t1 - t0) / 864e5, out = [], d = new Date(t0), step;
    if (days > 1500) step = "year"; else if (days > 120) step = "month"; else step = "day";
    var y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
    // a label ("2020-10-09") is about 70 px wide: ticks at least 95 px apart
    var every = step === "day" ? Math.max(1, Math.ceil(days / (width / 95))) : step === "month" ? Math.max(1, Math.ceil(days / 30 / (width / 80))) : Math.max(1, Math.ceil(days / 365 / (width / 60)));
    for (var i = 0; i < 400; i++) {
      var t = step === "year" ? Date.UTC(y + i * every, 0, 1) : step === "month" ? Date.UTC(y, m + i * every, 1) : Date.UTC(y, m, day + i * every);
      if (t > t1) break;
      if (t >= t0) out.push({ t: t, text: step === "year" ? iso(t).slice(0, 4) : step === "month" ? iso(t).slice(0, 7) : iso(t) });
    }
    return out;
  }
  function drawTimeline() {
    if (current !== "timeline") return;
    var rows = visibleRows(), dated = rows.filter(function (r) { return span(r.d); });
    var byActor = laneSel.value === "actor";
    var W = Math.max(tlBox.clientWidth - 8, 400), plotW = W - LABEL_W - 16;
    var out = svg("svg", { id: "timeline-svg", width: W, role: "img", "aria-label": "Timeline of the events" });
    tlNote.textContent = dated.length + " dated events of " + rows.length + " shown" +
      (rows.length > dated.length ? "; " + (rows.length - dated.length) + " undated are not on the axis" : "") +
      ". Drag across the axis to set the date range; a bar is a month or a year, a dot a day.";
    if (!dated.length) { out.setAttribute("height", 40); tlBox.replaceChildren(out); out.setAttribute("data-events", "0"); return; }
    var t0 = Infinity, t1 = -Infinity;
    dated.forEach(function (r) { var s = span(r.d); t0 = Math.min(t0, s[0]); t1 = Math.max(t1, s[1]); });
    var pad = Math.max((t1 - t0) * 0.03, 864e5);
    t0 -= pad; t1 += pad;
    function x(t) { return LABEL_W + (t - t0) / (t1 - t0) * plotW; }
    var y = AXIS_H, drawn = 0;
    var axis = svg("g", { "class": "axis" });
    ticks(t0, t1, plotW).filter(function (tk) { return x(tk.t) + 72 < W; }).forEach(function (tk) {
      axis.appendChild(svg("line", { x1: x(tk.t), x2: x(tk.t), y1: AXIS_H - 6, y2: 100000, "class": "tick" }));
      var lab = svg("text", { x: x(tk.t) + 3, y: AXIS_H - 10, "class": "tick-label" });
      lab.textContent = tk.text;
      axis.appendChild(lab);
    });
    out.appendChild(axis);
    lanesOf(dated, byActor).forEach(function (lane, li) {
      var g = svg("g", { "class": "lane", "data-lane": lane.name });
      var rowsEnd = [];  // greedy packing: the first sub-row whose last mark ends before this one
      var marks = lane.rows.map(function (r) {
        var s = span(r.d), a = x(s[0]), b = Math.max(x(s[1]), a + 8), k = 0;
        while (rowsEnd[k] !== undefined && rowsEnd[k] > a - 2) k++;
        rowsEnd[k] = b;
        return { r: r, a: a, b: b, k: k, day: /^\d{4}-\d{2}-\d{2}/.test(String(r.d)) };
      });
      var h = Math.max(rowsEnd.length, 1) * ROW_H + 8;
      g.appendChild(svg("rect", { x: 0, y: y, width: W, height: h, "class": li % 2 ? "lane-bg odd" : "lane-bg" }));
      var name = svg("text", { x: 6, y: y + 15, "class": "lane-label" });
      name.textContent = lane.name.length > 26 ? lane.name.slice(0, 25) + "…" : lane.name;
      var full = svg("title"); full.textContent = lane.name + " (" + lane.rows.length + ")";
      name.appendChild(full);
      g.appendChild(name);
      marks.forEach(function (m) {
        var cy = y + 4 + m.k * ROW_H + ROW_H / 2, mark;
        if (m.day) mark = svg("circle", { cx: (m.a + m.b) / 2, cy: cy, r: 5 });
        else mark = svg("rect", { x: m.a, y: cy - 5, width: m.b - m.a, height: 10, rx: 3 });
        mark.setAttribute("fill", color(m.r.t));
        mark.setAttribute("class", "event-mark" + (m.r.cl ? " claim" : ""));
        mark.setAttribute("data-event", m.r.id);
        var t = svg("title"); t.textContent = m.r.t + " · " + m.r.d;
        mark.appendChild(t);
        mark.addEventListener("click", function () { api.showEventRow(m.r); });
        g.appendChild(mark);
        drawn++;
      });
      out.appendChild(g);
      y += h;
    });
    out.setAttribute("height", y + 8);
    out.setAttribute("data-events", String(drawn));
    // brush on the axis strip: the dragged span becomes the date filter
    var brush = svg("rect", { x: LABEL_W, y: 0, width: plotW, height: AXIS_H, "class": "brush-area" });
    var sel = svg("rect", { y: 0, height: y, "class": "brush", width: 0 });
    var start = null;
    function tAt(evt) { var r = out.getBoundingClientRect(); return t0 + (evt.clientX - r.left - LABEL_W) / plotW * (t1 - t0); }
    brush.addEventListener("pointerdown", function (evt) { start = tAt(evt); brush.setPointerCapture(evt.pointerId); });
    brush.addEventListener("pointermove", function (evt) {
      if (start === null) return;
      var a = x(Math.min(start, tAt(evt))), b = x(Math.max(start, tAt(evt)));
      sel.setAttribute("x", a); sel.setAttribute("width", b - a);
    });
    brush.addEventListener("pointerup", function (evt) {
      if (start === null) return;
      var a = Math.min(start, tAt(evt)), b = Math.max(start, tAt(evt));
      start = null;
      if (b - a > 864e5 / 2) api.setDates(iso(a), iso(b));
    });
    out.appendChild(sel); out.appendChild(brush);
    tlBox.replaceChildren(out);
  }
  api.timemap = { drawMap: drawMap, drawTimeline: drawTimeline };
})();
