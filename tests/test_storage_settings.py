"""Where production keeps uploads: the file system by default, an S3 bucket with MEDIA_STORAGE=s3.
Production settings are loaded in a fresh interpreter with only the environment given here."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "production-like-secret-key-for-the-settings-test-only-0123456789",
    "ALLOWED_HOSTS": "kerja.purbalinggakab.go.id",
    "CSRF_TRUSTED_ORIGINS": "https://kerja.purbalinggakab.go.id",
    "DATABASE_URL": "postgres://kepenak@127.0.0.1:5432/kepenak",
}
S3 = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "kepenak-media",
    "AWS_PRIVATE_STORAGE_BUCKET_NAME": "kepenak-private",
    "AWS_S3_ENDPOINT_URL": "https://s3.purbalinggakab.go.id",
    "AWS_S3_REGION_NAME": "id-central-1",
    "AWS_S3_CUSTOM_DOMAIN": "kerja.purbalinggakab.go.id",
    "AWS_ACCESS_KEY_ID": "KEPENAKACCESSKEY",
    "AWS_SECRET_ACCESS_KEY": "kepenak-secret-access-key",
}
# What the storages themselves answer, without any request to the bucket.
PROBE = """
import json
from django.conf import settings
from django.core.files.storage import storages
public, private = storages["default"], storages["private"]
print(json.dumps({
    "STORAGES": settings.STORAGES,
    "public_url": public.url("foto/ratna.png"),
    "private_location": getattr(private, "location", None),
    "private_acl": getattr(private, "default_acl", None),
    "private_signed": getattr(private, "querystring_auth", None),
    "private_bucket": getattr(private, "bucket_name", None),
    "documents_served_by": getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None),
}))
"""


def load_production(extra_environment):
    """Run PROBE under production settings; returns (returncode, parsed output or stderr)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "DJANGO_", "MEDIA_", "PRIVATE_MEDIA"))
        and key not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS")
    }
    environment.update(PRODUCTION, **extra_environment)
    completed = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if completed.returncode != 0:
        return completed.returncode, completed.stderr
    return 0, json.loads(completed.stdout)


def test_without_media_storage_uploads_stay_on_the_file_system(tmp_path):
    returncode, probe = load_production({"MEDIA_ROOT": str(tmp_path / "media")})

    assert returncode == 0, probe
    assert probe["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert probe["STORAGES"]["private"]["BACKEND"] == "users.storage.PrivateStorage"
    assert probe["public_url"] == "/media/foto/ratna.png"


def test_media_storage_s3_puts_public_and_private_uploads_in_buckets():
    returncode, probe = load_production(S3)

    assert returncode == 0, probe
    default, private = probe["STORAGES"]["default"], probe["STORAGES"]["private"]
    assert default["BACKEND"] == private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "kepenak-media"
    assert default["OPTIONS"]["endpoint_url"] == "https://s3.purbalinggakab.go.id"
    assert default["OPTIONS"]["region_name"] == "id-central-1"
    # Public media: plain, same-origin URLs (nginx passes /media/ on to the bucket).
    assert probe["public_url"] == "https://kerja.purbalinggakab.go.id/media/foto/ratna.png"
    # Private files: their own bucket and prefix, private ACL, never a signed link.
    assert probe["private_bucket"] == "kepenak-private"
    assert probe["private_location"] == "private"
    assert probe["private_acl"] == "private"
    assert probe["private_signed"] is False
    # Wagtail documents stream through Django (collection privacy), never a redirect to the bucket.
    assert probe["documents_served_by"] == "serve_view"
    assert probe["STORAGES"]["staticfiles"]["BACKEND"].startswith("whitenoise.")


def test_s3_needs_its_secrets_and_a_known_media_storage():
    without_secret = {key: value for key, value in S3.items() if key != "AWS_SECRET_ACCESS_KEY"}
    returncode, stderr = load_production(without_secret)
    assert returncode != 0
    assert "The environment variable AWS_SECRET_ACCESS_KEY is required." in stderr

    returncode, stderr = load_production({"MEDIA_STORAGE": "ftp"})
    assert returncode != 0
    assert "MEDIA_STORAGE must be filesystem or s3, not 'ftp'." in stderr
