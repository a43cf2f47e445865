/* conflict-kg explorer, packed (the notebook display): the data and the scripts are
 * gzip'd and base64'd in the page, a third of their size; here they are unpacked with
 * the browser's DecompressionStream and run in order, as the plain page runs them. */
(function () {
  "use strict";
  function unpack(id) {
    var bin = atob(document.getElementById(id).textContent), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }
  if (typeof DecompressionStream === "undefined") {
    document.body.textContent = "This browser cannot unpack the explorer (it has no DecompressionStream). " +
      "Write the page to a file with ExplorerGraph.write() and open that.";
    return;
  }
  var ids = ["ckg-packed-data"].concat(
    Array.prototype.map.call(document.querySelectorAll("script[data-packed-code]"), function (s) { return s.id; }));
  Promise.all(ids.map(unpack)).then(function (texts) {
    document.getElementById("ckg-data").textContent = texts[0];
    texts.slice(1).forEach(function (js) {
      var s = document.createElement("script");
      s.textContent = js;  // runs when appended, like the plain page's <script> elements
      document.body.appendChild(s);
    });
  });
})();
