// Follows the live counter's server-sent events and updates the figure.
(function () {
  "use strict";
  var out = document.getElementById("live-voters");
  if (!out || !window.EventSource) return;
  var source = new EventSource(out.getAttribute("data-source"));
  source.addEventListener("voters", function (e) {
    var n = parseInt(e.data, 10);
    if (!isNaN(n)) out.textContent = n.toLocaleString(document.documentElement.lang || "fr");
  });
})();
