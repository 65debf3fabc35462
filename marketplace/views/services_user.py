"""Placeholder: replaced by the pages of users of services (Gunakan Jasa, Gunakan Jasa Terkirim,
Jasa Tersimpan)."""

from django.http import Http404


def _todo(request, pk=None):
    raise Http404


request_create = requests_sent = request_cancel = saved_services = toggle_saved = _todo
