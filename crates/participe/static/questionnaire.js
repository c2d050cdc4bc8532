// Logic jumps, live: as one answers, questions the logic skips are hidden
// (and their fields disabled, so they are not sent). The server walks the
// same path and drops any answer to a skipped question: this script only
// saves people from answering questions they will not be asked.
(function () {
  "use strict";
  var form = document.querySelector("form.questionnaire");
  if (!form) return;
  var blocks = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));

  function chosen(block) {
    var id = block.getAttribute("data-question");
    var out = [];
    var fields = form.querySelectorAll("[name='q-" + id + "']");
    Array.prototype.forEach.call(fields, function (f) {
      if ((f.type === "radio" || f.type === "checkbox") ? f.checked : f.value) out.push(f.value);
    });
    return out;
  }

  function next(logic, values) {
    var jumps = logic.jumps || [];
    for (var i = 0; i < jumps.length; i++) {
      var j = jumps[i];
      if (!j.conditions.length) continue;
      var test = function (c) { return (values.indexOf(c.choice) >= 0) === c.is; };
      if (j.all ? j.conditions.every(test) : j.conditions.some(test)) return j.to;
    }
    return logic.always || null;
  }

  function update() {
    var shown = {};
    var i = 0;
    while (i < blocks.length) {
      shown[i] = true;
      var raw = blocks[i].getAttribute("data-logic");
      var to = raw ? next(JSON.parse(raw), chosen(blocks[i])) : null;
      if (to === "end") break;
      var j = i + 1;
      if (to && to.question !== undefined) {
        for (var k = i + 1; k < blocks.length; k++) {
          if (blocks[k].getAttribute("data-question") === String(to.question)) { j = k; break; }
        }
      }
      i = j;
    }
    blocks.forEach(function (b, n) {
      var hide = !shown[n];
      b.hidden = hide;
      Array.prototype.forEach.call(b.querySelectorAll("input, select, textarea"), function (f) { f.disabled = hide; });
    });
  }

  form.addEventListener("change", update);
  update();
})();
