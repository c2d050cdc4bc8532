// While a background job runs, updates the job list in place every two
// seconds (the page works without it: it has a refresh link). The region is
// not replaced while the focus is inside it, so keyboard users keep their place.
(function () {
  "use strict";
  function tick() {
    var region = document.getElementById("export-live");
    if (!region || !region.hasAttribute("data-refresh")) return;
    if (region.contains(document.activeElement) && document.activeElement !== document.body) {
      setTimeout(tick, 2000);
      return;
    }
    fetch(region.getAttribute("data-refresh"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("export-live");
        if (fresh) region.replaceWith(fresh);
        setTimeout(tick, 2000);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 2000);
})();
