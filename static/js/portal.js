// Kepenak Ngodene: small progressive enhancements; every page works without JavaScript.
(function () {
  "use strict";
  // A form marked data-submit-once disables its submit buttons after the first submit, so a
  // double tap on a slow connection sends one request (the server is idempotent anyway).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-submit-once")) return;
    if (form.dataset.submitted === "1") { event.preventDefault(); return; }
    form.dataset.submitted = "1";
    form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) {
      button.setAttribute("aria-disabled", "true");
      button.classList.add("disabled");
    });
  });
})();
