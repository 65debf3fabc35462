from wagtail import hooks

from marketplace import admin_community, admin_hooks_lists  # noqa: F401  (registers on import)
from marketplace.admin_ratings import register_rating_admins
from marketplace.modeladmin import KategoriJasaAdmin, KategoriLowonganAdmin, TipePekerjaanAdmin
from portal.admin_menu import COMMUNICATIONS_MENU_HOOK, register_master_data_modeladmin

register_master_data_modeladmin(TipePekerjaanAdmin)
register_master_data_modeladmin(KategoriLowonganAdmin)
register_master_data_modeladmin(KategoriJasaAdmin)

# Rating Mitra, Rating Personal, Rating Personal (Jasa), with Sembunyikan/Tampilkan.
register_rating_admins()

# Testimoni moderation (Setujui / Tolak) in "Testimoni, Pengumuman, Pemberitahuan".
hooks.register("register_admin_urls", admin_community.register_admin_urls)
hooks.register(COMMUNICATIONS_MENU_HOOK, admin_community.register_admin_menu_item)
