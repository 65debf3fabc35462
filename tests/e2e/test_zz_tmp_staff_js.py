import pytest
from users.staff import install_role_groups, save_staff_account
from users.models import User, Kecamatan

@pytest.mark.browser
def test_tmp(site, desktop, live_server):
    install_role_groups()
    u = User(username="admin", email="a@b.id", first_name="A"); u.set_password("Kepenak#Staf2026")
    save_staff_account(u, "admin")
    page = desktop
    page.goto("/app/v1/admin/login/")
    print("RESET LINK:", page.locator("a.reset-password").inner_text())
    page.fill("#id_username", "admin"); page.fill("#id_password", "Kepenak#Staf2026")
    page.click("button[type=submit]")
    page.wait_for_url("**/app/v1/admin/")
    page.goto("/app/v1/admin/users/new/")
    vis = lambda n: page.locator(f"[name={n}]").is_visible()
    print("initial", vis("scope_kecamatan"), vis("scope_desa"))
    page.select_option("[name=role]", "kecamatan"); print("kecamatan", vis("scope_kecamatan"), vis("scope_desa"))
    page.select_option("[name=role]", "desa"); print("desa", vis("scope_kecamatan"), vis("scope_desa"))
    k = Kecamatan.objects.get(name="Bobotsari")
    page.select_option("[name=scope_kecamatan]", str(k.pk))
    opts = page.eval_on_selector_all("[name=scope_desa] option", "os => os.filter(o => !o.hidden).length")
    print("visible desa options", opts, "expected", k.desa_set.count() + 1)
    page.select_option("[name=role]", "dinaker"); print("dinaker", vis("scope_kecamatan"), vis("scope_desa"))
    page.screenshot(path="/tmp/staff_form.png", full_page=True)
