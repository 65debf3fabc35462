"""Read queries of accounts and profiles, with what their pages need fetched up front."""

from users.choices import VerificationStatus
from users.models import MitraProfile, PersonalProfile


def personal_profiles_with_sections():
    return PersonalProfile.objects.select_related(
        "user", "kecamatan", "desa__kecamatan", "education_level", "verified_by"
    ).prefetch_related("experiences", "educations__level", "skills", "organisations")


def mitra_profiles_with_documents():
    return MitraProfile.objects.select_related(
        "user", "business_field", "kecamatan", "desa__kecamatan", "verified_by"
    ).prefetch_related("documents")


def public_mitra_profiles(category=None):
    """Mitra shown to the public: verified ones only."""
    queryset = MitraProfile.objects.filter(
        verification_status=VerificationStatus.TERVERIFIKASI
    ).select_related("business_field", "kecamatan")
    return queryset.filter(category=category) if category else queryset
