// Kecamatan → Desa/Kelurahan: once a kecamatan is chosen, the desa list shows only its desa.
// Without JavaScript the desa list shows every desa grouped by kecamatan, and the server checks
// that the desa lies in the chosen kecamatan.
(function () {
  "use strict";
  document.querySelectorAll("select[data-kecamatan-field]").forEach(function (desa) {
    var kecamatan = document.getElementById(desa.getAttribute("data-kecamatan-field"));
    if (!kecamatan) return;
    var all = desa.cloneNode(true);

    function kecamatanOf(option) {
      return option ? option.getAttribute("data-kecamatan") || "" : "";
    }

    function show() {
      var chosen = kecamatan.value;
      var selected = desa.value;
      while (desa.firstChild) desa.removeChild(desa.firstChild);
      Array.prototype.forEach.call(all.children, function (child) {
        if (!chosen || child.tagName === "OPTION") {
          desa.appendChild(child.cloneNode(true));
        } else if (kecamatanOf(child.querySelector("option")) === chosen) {
          child.querySelectorAll("option").forEach(function (option) {
            desa.appendChild(option.cloneNode(true));
          });
        }
      });
      var keep = Array.prototype.some.call(desa.options, function (option) {
        return option.value === selected;
      });
      desa.value = keep ? selected : "";
    }

    kecamatan.addEventListener("change", show);
    desa.addEventListener("change", function () {
      // Choosing a desa first (from the full list) fills in its kecamatan.
      var owner = kecamatanOf(desa.options[desa.selectedIndex]);
      if (owner && kecamatan.value !== owner) {
        kecamatan.value = owner;
        show();
      }
    });
    show();
  });
})();
