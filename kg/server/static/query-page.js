// The query page: YASGUI on this server's /sparql, and the saved queries one click away.
// Everything is local: no CDN, no prefix.cc, no Linked Open Vocabularies lookups.
"use strict";
(function () {
  const endpoint = new URL("/sparql", window.location.href).href;
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: "conflict-kg-" + window.location.host,
    // "class" and "property" completion would query lov.linkeddata.es: left out (offline).
    yasqe: { autocompleters: ["prefixes", "variables"] },
    yasr: { defaultPlugin: "table" },
  });

  function load(q, run) {
    const tab = yasgui.getTab();
    tab.setEndpoint(endpoint);
    tab.setQuery(q.text);
    if (run) tab.getYasqe().query();
  }

  // Titles and descriptions are data: set as text, never as HTML.
  function item(q) {
    const li = document.createElement("li");
    const title = document.createElement("button");
    title.className = "load";
    title.textContent = q.title || q.name;
    title.title = q.name + ".rq";
    title.addEventListener("click", () => load(q, false));
    const run = document.createElement("button");
    run.className = "run";
    run.textContent = "▶";
    run.title = "run " + q.name;
    run.addEventListener("click", () => load(q, true));
    const description = document.createElement("p");
    description.className = "description";
    description.textContent = q.description || "";
    li.append(title, run, description);
    return li;
  }

  const list = document.getElementById("saved-list");
  fetch("/queries.json")
    .then((r) => { if (!r.ok) throw new Error(r.status + " " + r.statusText); return r.json(); })
    .then((queries) => {
      list.replaceChildren(...queries.map(item));
      if (!queries.length) list.textContent = "no saved queries";
    })
    .catch((err) => { list.textContent = "could not load saved queries: " + err.message; });
})();
