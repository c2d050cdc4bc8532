// Budget ballots: keeps the total of the ticked proposals up to date and
// says when it goes over the envelope. The server checks the ballot anyway;
// without JavaScript the total is shown after submitting.
(function () {
  "use strict";
  var out = document.getElementById("ballot-spent");
  if (!out) return;
  var envelope = parseInt(out.getAttribute("data-envelope"), 10);
  var template = out.getAttribute("data-template");
  var over = out.getAttribute("data-over");
  var meter = document.getElementById("ballot-meter");
  var boxes = document.querySelectorAll('input[name="choice"][data-cost]');
  var lang = document.documentElement.lang || "fr";
  function update() {
    var spent = 0;
    boxes.forEach(function (b) {
      if (b.checked) spent += parseInt(b.getAttribute("data-cost"), 10) || 0;
    });
    var text = template.replace("SPENT", spent >= 10000 ? spent.toLocaleString(lang) : String(spent));
    out.textContent = spent > envelope ? text + " " + over : text;
    out.classList.toggle("error", spent > envelope);
    if (meter) meter.value = Math.min(spent, envelope);
  }
  boxes.forEach(function (b) { b.addEventListener("change", update); });
})();
