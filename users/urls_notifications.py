from django.urls import path

from users.views import notifications

urlpatterns = [
    path("pemberitahuan/", notifications.notification_list, name="notifications"),
    path("pemberitahuan/jumlah/", notifications.notification_unread_count, name="notifications_unread_count"),
    path(
        "pemberitahuan/tandai-semua-dibaca/",
        notifications.notification_mark_all_read,
        name="notifications_mark_all_read",
    ),
    path("pemberitahuan/<int:pk>/buka/", notifications.notification_open, name="notification_open"),
]
