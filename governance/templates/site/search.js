/* Confiance data dictionary: search over the prebuilt MiniSearch index (search-index.js). No network. */
(function () {
  "use strict";
  var data = window.CONFIANCE_SEARCH;
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var count = document.getElementById("search-count");
  if (!data || !window.MiniSearch || !input) { return; }
  // Same term processing as governance/site/search.py: lower case, accents removed.
  var processTerm = function (term) {
    var folded = term.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return folded || null;
  };
  var options = Object.assign({}, data.options, { processTerm: processTerm });
  var engine = window.MiniSearch.loadJS(data.index, options);

  function render(query) {
    list.textContent = "";
    if (!query.trim()) { count.textContent = ""; return; }
    // Glossary terms first: they are what a business user looks for and they lead to the columns.
    var boostDocument = function (id) { return id.indexOf("term:") === 0 ? 3 : 1; };
    var opts = { prefix: true, fuzzy: 0.15, boost: data.boost, combineWith: "AND", boostDocument: boostDocument };
    var hits = engine.search(query, opts);
    if (!hits.length) { hits = engine.search(query, Object.assign({}, opts, { combineWith: "OR" })); }
    count.textContent = hits.length + " résultat(s) / result(s)";
    hits.slice(0, 100).forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.url;
      a.textContent = hit.title;
      var kind = document.createElement("span");
      kind.className = "badge st-none";
      kind.textContent = hit.kind;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(kind);
      if (hit.summary) {
        var p = document.createElement("div");
        p.className = "muted";
        p.textContent = hit.summary;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  render(input.value);
  input.addEventListener("input", function () { render(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    render(input.value);
    if (window.history && window.location.protocol !== "file:") {
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    }
  });
})();
