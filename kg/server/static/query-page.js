// The query page: YASGUI on this server's /sparql, and the saved queries one click away.
// Everything is local: no CDN, no prefix.cc, no Linked Open Vocabularies lookups.
//
// A saved query with parameters shows a field for each, filled with its example. The
// server binds the values (/queries/NAME.rq?param=value, the same binding as `ckg query
// --param`), so the page never pastes text into SPARQL. Results show prefixed names and
// plain literal values ("Simple view"), and every project IRI links to its page here.
"use strict";
(function () {
  const endpoint = new URL("/sparql", window.location.href).href;
  const BASE = "https://w3id.org/conflict-kg/";
  const SERVED = ["id", "ontology", "cameo", "plover"]; // first path segments with pages
  let prefixes = {};

  // Results in YASR's "Simple view" unless the reader switches it off: prefixed names
  // and literal values without quotes, datatype or language tag.
  const Table = Yasgui.Yasr.plugins.table;
  if (Table) {
    const draw = Table.prototype.draw;
    Table.prototype.draw = function (config) {
      return draw.call(this, { compact: true, ...(config || {}) });
    };
  }

  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: "conflict-kg-" + window.location.host,
    // "class" and "property" completion would query lov.linkeddata.es: left out (offline).
    yasqe: { autocompleters: ["prefixes", "variables"] },
    yasr: {
      defaultPlugin: "table",
      prefixes: () => prefixes,
    },
  });

  // The local page of a project IRI ("/id/entity/armenia"), or null for other IRIs.
  function localPath(iri) {
    if (!iri.startsWith(BASE)) return null;
    const rest = iri.slice(BASE.length);
    const first = rest.split("#", 1)[0].split("/", 1)[0];
    return SERVED.includes(first) ? "/" + rest : null;
  }

  // Point every IRI link in the results at its page on this server (pages of results
  // are drawn lazily, so each new link is rewritten as it appears).
  function relink(root) {
    for (const a of root.querySelectorAll("a.iri")) {
      const path = localPath(a.getAttribute("href") || "");
      if (path !== null) {
        a.setAttribute("href", path);
        a.setAttribute("target", "_self");
        a.classList.add("local");
      }
    }
  }
  const results = document.getElementById("yasgui");
  new MutationObserver(() => relink(results)).observe(results, { childList: true, subtree: true });

  async function boundText(q, fields) {
    const params = new URLSearchParams();
    for (const input of fields) {
      if (input.value.trim()) params.append(input.name, input.value.trim());
    }
    const url = "/queries/" + encodeURIComponent(q.name) + ".rq" + (params.size ? "?" + params : "");
    const response = await fetch(url);
    const text = await response.text();
    if (!response.ok) throw new Error(text.trim() || response.status + " " + response.statusText);
    return text;
  }

  async function load(q, fields, run, status) {
    status.textContent = "";
    let text;
    try {
      text = await boundText(q, fields);
    } catch (err) {
      status.textContent = err.message;
      return;
    }
    const tab = yasgui.getTab();
    tab.setEndpoint(endpoint);
    tab.setQuery(text);
    if (run) tab.getYasqe().query();
  }

  // One labelled field per parameter, with the example as its value.
  function parameterFields(q) {
    const box = document.createElement("div");
    box.className = "params";
    const fields = [];
    for (const p of q.parameters || []) {
      const label = document.createElement("label");
      const name = document.createElement("span");
      name.className = "param-name";
      name.textContent = "?" + p.name;
      const input = document.createElement("input");
      input.type = "text";
      input.name = p.name;
      input.value = p.example || "";
      input.placeholder = p.example || "";
      input.title = p.meaning || "";
      input.setAttribute("aria-label", p.name + ": " + (p.meaning || ""));
      label.title = p.meaning || "";
      label.append(name, input);
      box.append(label);
      fields.push(input);
    }
    return { box, fields };
  }

  // Titles, descriptions and examples are data: set as text, never as HTML.
  function item(q) {
    const li = document.createElement("li");
    li.dataset.query = q.name;
    const { box, fields } = parameterFields(q);
    const status = document.createElement("p");
    status.className = "error";
    const title = document.createElement("button");
    title.className = "load";
    title.textContent = q.title || q.name;
    title.title = q.name + ".rq";
    title.addEventListener("click", () => load(q, fields, false, status));
    const run = document.createElement("button");
    run.className = "run";
    run.textContent = "▶";
    run.title = "run " + q.name;
    run.addEventListener("click", () => load(q, fields, true, status));
    for (const input of fields) {
      input.addEventListener("keydown", (event) => {
        if (event.key === "Enter") load(q, fields, true, status);
      });
    }
    const description = document.createElement("p");
    description.className = "description";
    description.textContent = q.description || "";
    li.append(title, run, description);
    if (fields.length) li.append(box);
    li.append(status);
    return li;
  }

  const list = document.getElementById("saved-list");
  fetch("/prefixes.json")
    .then((r) => (r.ok ? r.json() : {}))
    .then((p) => { prefixes = p; })
    .catch(() => {});
  fetch("/queries.json")
    .then((r) => { if (!r.ok) throw new Error(r.status + " " + r.statusText); return r.json(); })
    .then((queries) => {
      list.replaceChildren(...queries.map(item));
      if (!queries.length) list.textContent = "no saved queries";
    })
    .catch((err) => { list.textContent = "could not load saved queries: " + err.message; });
})();
