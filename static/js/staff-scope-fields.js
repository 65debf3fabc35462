// Staff account form (admin, Pengaturan → Pengguna): shows Kecamatan only for the Kecamatan and
// Desa levels and Desa only for the Desa level, and narrows the desa list to the chosen kecamatan.
// Without JavaScript every field stays visible and the server validates the same rules.
document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("w-editor-form");
    const role = form && form.querySelector("[name=role]");
    const kecamatan = form && form.querySelector("[name=scope_kecamatan]");
    const desa = form && form.querySelector("[name=scope_desa]");
    if (!role || !kecamatan || !desa) return;
    const item = (field) => field.closest("li") || field.parentElement;
    const update = () => {
        item(kecamatan).hidden = !["kecamatan", "desa"].includes(role.value);
        item(desa).hidden = role.value !== "desa";
        for (const option of desa.options) {
            const other = kecamatan.value && option.dataset.kecamatan && option.dataset.kecamatan !== kecamatan.value;
            option.hidden = Boolean(other);
            if (other && option.selected) desa.value = "";
        }
    };
    role.addEventListener("change", update);
    kecamatan.addEventListener("change", update);
    desa.addEventListener("change", () => {
        const chosen = desa.selectedOptions[0];
        if (chosen && chosen.dataset.kecamatan && !kecamatan.value) kecamatan.value = chosen.dataset.kecamatan;
    });
    update();
});
