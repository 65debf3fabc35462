from django.conf import settings


def portal(request):
    """Values every public template needs that come from Django settings, not the CMS."""
    return {"PORTAL_REGENCY": settings.PORTAL_REGENCY}
