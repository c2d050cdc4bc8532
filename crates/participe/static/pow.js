// Proof of work for the contact form: find a number whose SHA-256 with the
// server's challenge starts with enough zero bits, then allow sending.
// No third party is involved; the server checks the answer once.
(function () {
  "use strict";
  var form = document.querySelector("form[data-pow-nonce]");
  if (!form || !window.crypto || !window.crypto.subtle) return;
  var nonce = form.getAttribute("data-pow-nonce");
  var difficulty = parseInt(form.getAttribute("data-pow-difficulty"), 10);
  var output = form.querySelector("input[name=pow_solution]");
  var status = document.getElementById("pow-status");
  var submit = form.querySelector("button[type=submit]");
  var encoder = new TextEncoder();
  function zeroBits(bytes) {
    var bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { bits += 8; continue; }
      return bits + Math.clz32(bytes[i]) - 24;
    }
    return bits;
  }
  submit.disabled = true;
  status.textContent = form.getAttribute("data-pow-working");
  (async function () {
    for (var n = 0; ; n++) {
      var digest = await crypto.subtle.digest("SHA-256", encoder.encode(nonce + ":" + n));
      if (zeroBits(new Uint8Array(digest)) >= difficulty) {
        output.value = String(n);
        submit.disabled = false;
        status.textContent = form.getAttribute("data-pow-done");
        return;
      }
    }
  })();
})();
