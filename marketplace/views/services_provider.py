"""Placeholder: replaced by the provider's pages (Tawarkan Jasa, Permintaan Jasa, Pengguna Jasa)."""

from django.http import Http404


def _todo(request, pk=None):
    raise Http404


services = service_create = service_edit = service_pause = service_resume = service_delete = _todo
service_requests = request_accept = request_reject = request_complete = service_users = _todo
