"""Production: every secret from the environment, HTTPS only, compressed cache-busted static files."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STORAGES
from .env import env_bool, env_int, env_list, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The address in links of staff emails (password reset): the portal's public origin unless told.
WAGTAILADMIN_BASE_URL = (
    env_str("WAGTAILADMIN_BASE_URL", CSRF_TRUSTED_ORIGINS[0])
    if CSRF_TRUSTED_ORIGINS
    else env_str("WAGTAILADMIN_BASE_URL")
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True

# Uploads (docs/operations.md, "Media storage"): the file system by default (MEDIA_ROOT and
# PRIVATE_MEDIA_ROOT, shared over NFS when several app hosts serve the portal), or with
# MEDIA_STORAGE=s3 an S3-compatible bucket: public uploads under media/, private files (Mitra
# documents, exports) under private/ of AWS_PRIVATE_STORAGE_BUCKET_NAME (default: the same bucket)
# with a private ACL and no signed URLs, since only permission-checked views stream them.
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "filesystem")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if MEDIA_STORAGE == "s3":
    AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
    S3_CONNECTION = {
        "access_key": env_str("AWS_ACCESS_KEY_ID"),
        "secret_key": env_str("AWS_SECRET_ACCESS_KEY"),
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", None),
        "region_name": env_str("AWS_S3_REGION_NAME", None),
        "file_overwrite": False,  # like the file system: a new upload never replaces another's file
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **S3_CONNECTION,
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "location": "media",
            # The portal's own host, with nginx passing /media/ to the bucket, keeps media same-origin.
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN", None),
            "querystring_auth": False,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **S3_CONNECTION,
            "bucket_name": env_str("AWS_PRIVATE_STORAGE_BUCKET_NAME", AWS_STORAGE_BUCKET_NAME),
            "location": "private",
            "default_acl": "private",
            "querystring_auth": False,
        },
    }
    # Wagtail documents keep streaming through Django (collection privacy), not a redirect to the bucket.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
elif MEDIA_STORAGE != "filesystem":
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be filesystem or s3, not {MEDIA_STORAGE!r}.")

# Staff second factor (users/staff_otp.py): roles that must verify a TOTP code after the password.
STAFF_TOTP_REQUIRED_ROLES = tuple(env_list("STAFF_TOTP_REQUIRED_ROLES", ["superadmin", "admin"]))

# Logging (portal/log_setup.py): one JSON object a line unless LOG_FORMAT=plain.
LOG_FORMAT = env_str("LOG_FORMAT", "json")
