from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.admin_menu import master_data_menu_item
from portal.models import WhatsAppMessage
from portal.viewsets import WhatsAppOutboxViewSet, whatsapp_outbox_permission_policy

register_permission_policy(WhatsAppMessage, whatsapp_outbox_permission_policy)

hooks.register("register_admin_menu_item", master_data_menu_item)
hooks.register("register_admin_viewset", WhatsAppOutboxViewSet)
