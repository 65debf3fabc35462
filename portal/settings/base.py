"""Settings shared by every environment. Values that differ come from the environment (env.py)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "portal",
    "users",
    "marketplace",
    "home",
    "pages",
    "guidance",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "users.apps.StaffUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_rq",
    "axes",
    "django_ratelimit",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",  # OpClass in index expressions (portal/text_indexes.py)
]

MIDDLEWARE = [
    "portal.client_ip.ClientIpMiddleware",
    "portal.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.security_headers.ContentSecurityPolicyMiddleware",
    "portal.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.public_cache.CachedPublicPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "users.middleware.StaffSessionLimitsMiddleware",
    "users.staff_otp_middleware.StaffSecondFactorMiddleware",
    "users.cache_headers.PrivatePagesNoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Planner settings of a web application on SSD storage: random reads cost about as much as
    # sequential ones (an index walk over a Mitra's vacancies beats a scan of all of them); no
    # parallel workers per query (with many requests at once they only take cores from the others);
    # no JIT compilation (it cost the 200,000-row export and the reports seconds of compiling).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = env_str(
        "DATABASE_PLANNER_OPTIONS",
        "-c random_page_cost=1.1 -c max_parallel_workers_per_gather=0 -c jit=off",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "users.validators.PasswordComplexityValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "users:login"
PASSWORD_RESET_TIMEOUT = 2 * 60 * 60
EMAIL_VERIFICATION_MAX_AGE = 3 * 24 * 60 * 60
SESSION_COOKIE_AGE = 14 * 24 * 60 * 60
STAFF_SESSION_IDLE_SECONDS = 30 * 60
STAFF_SESSION_MAX_SECONDS = 12 * 60 * 60

# Login throttling (django-axes): keyed on username and IP together, since mobile carriers share
# IPs; a cool-off instead of a permanent lock.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "users.views.login.locked_out"
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env_int("AXES_IPWARE_PROXY_COUNT", 0)
# The header the reverse proxy sets to the client's address (portal/client_ip.py); empty: none.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER", "")

# Other throttles (django-ratelimit): resend verification email, password reset, OTP.
RATELIMIT_VIEW = "users.views.errors.rate_limited"
# Without Redis (a single-process dev server) the local-memory cache is enough for counters.
LOCMEM_CACHE_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# Security headers on every response (portal/security_headers.py); HSTS and HTTPS-only cookies are
# added by production.py. Frames: DENY, except the views Wagtail marks SAMEORIGIN (page previews in
# the admin), whose Content-Security-Policy frame-ancestors follows suit.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "usb",
    )
}
# Scripts only from our own origin (no inline scripts, no eval); inline scripts that must stay
# carry nonce="{{ request.csp_nonce }}". Inline styles stay allowed: the Wagtail admin and a few
# of our templates use style attributes, and the issue forbids only inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Signed-in users on the admin path may also see blob: images: the preview of an image chosen for
# upload. Scripts keep the strict policy there too: the inline scripts of Wagtail's date pickers,
# choosers and inline panels carry the request's nonce (portal/csp_nonce.py, portal/wagtail_csp.py).
ADMIN_CONTENT_SECURITY_POLICY_REPLACE = {
    "img-src": [SELF, "data:", "blob:"],
}
# The admin asks no third party: no Gravatar avatars (the hash of every staff email address),
# no release check from the dashboard (dependencies are pinned and upgraded by the maintainers).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Off: ids and other numbers inside attributes and URLs ("value={{ pk }}") must never read "1.291".
# Figures shown to people are grouped explicitly (|intcomma, |rupiah).
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Mitra documents: outside MEDIA_ROOT, never served by URL, only by a permission-checked view.
    "private": {"BACKEND": "users.storage.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background jobs (portal/tasks.py): written to the database job outbox (portal/job_outbox.py) in the
# caller's transaction, relayed to django-rq when REDIS_URL is set, run inline otherwise. Redis holds
# nothing that cannot be rebuilt: jobs are in the database, and so are sessions and django-axes.
REDIS_URL = env_str("REDIS_URL", "")
RQ = {"WORKER_CLASS": "portal.rq_worker.PortalWorker"}
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 600}}
# With Redis down the cache keeps nothing instead of failing (portal/cache.py), and the throttles of
# django-ratelimit let requests through rather than refusing everyone.
# The cache holds rendered public pages and figures (portal/public_cache.py, figures_cache.py): in
# production give it a Redis of its own with maxmemory and allkeys-lru, so that it can never crowd
# out the job queues.
CACHE_REDIS_URL = env_str("CACHE_REDIS_URL", REDIS_URL)
CACHES = {
    "default": (
        {
            "BACKEND": "portal.cache.DegradingRedisCache",
            "LOCATION": CACHE_REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if CACHE_REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
RATELIMIT_FAIL_OPEN = True
# How old the Dasbor and report figures may be while rows keep changing (portal/figures_cache.py).
FIGURES_REFRESH_SECONDS = env_int("FIGURES_REFRESH_SECONDS", 60)
# django-ratelimit only knows django-redis; Django's own RedisCache increments atomically too.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"] if CACHE_REDIS_URL else LOCMEM_CACHE_CHECKS

# Email
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "email"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Kepenak Ngodene <noreply@purbalinggakab.go.id>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# WhatsApp gateway (portal/whatsapp)
WHATSAPP_BACKEND = env_str("WHATSAPP_BACKEND", "console")
WHATSAPP_FILE_PATH = env_str("WHATSAPP_FILE_PATH", str(BASE_DIR / "var" / "whatsapp"))
WHATSAPP_API_URL = env_str("WHATSAPP_API_URL", "")
WHATSAPP_API_TOKEN = env_str("WHATSAPP_API_TOKEN", "")

# Portal
PORTAL_REGENCY = env_str("PORTAL_REGENCY", "Kabupaten Purbalingga")
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "Kepenak#2026")
# A service request left unanswered (Dikirim) this many days becomes Kedaluwarsa.
SERVICE_REQUEST_EXPIRY_DAYS = env_int("SERVICE_REQUEST_EXPIRY_DAYS", 7)
# Files made by background jobs (Laporan exports, applicant-list PDFs) are deleted this many hours
# after they were written (portal/job_files.py).
JOB_FILE_RETENTION_HOURS = env_int("JOB_FILE_RETENTION_HOURS", 48)
# How often the notification bell asks for a fresh count (seconds).
NOTIFICATION_POLL_SECONDS = env_int("NOTIFICATION_POLL_SECONDS", 20)

# Forms
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Wagtail
WAGTAIL_SITE_NAME = "Kepenak Ngodene"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "indonesian",
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "jpg", "jpeg", "png"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
# No SVG (a script container) among Wagtail images; documents always go through Django's serve view,
# which checks the privacy of their collection, never a redirect to the file.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The sum of one account's stored uploads (photo, logo, Mitra documents, service photos,
# announcement attachments): users/upload_quota.py.
UPLOAD_QUOTA_BYTES_PER_USER = env_int("UPLOAD_QUOTA_BYTES_PER_USER", 25 * 1024 * 1024)
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "users.admin_forms.StaffPasswordResetForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]

# Logging (portal/log_setup.py): one line a record on stderr, JSON (production's default) or plain
# text. The handler's filters add the request or rq job a record belongs to and redact personal data
# (NIK, phone, email, passwords, codes, tokens) before anything is written. Server errors
# (django.request) and failed rq jobs (portal/rq_worker.py) are both reported by "portal.errors".
LOG_FORMAT = env_str("LOG_FORMAT", "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "log_context": {"()": "portal.log_setup.AddLogContext"},
        "redact_personal_data": {"()": "portal.log_setup.RedactPersonalData"},
        "report_as_portal_error": {"()": "portal.log_setup.ReportAsPortalError"},
    },
    "formatters": {"configured": {"()": "portal.log_setup.configured_formatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "configured",
            "filters": ["log_context", "redact_personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers (a DEBUG-only console, mail_admins) are dropped: its records reach
        # the redacting handler above like every other record.
        "django": {"handlers": [], "level": "INFO"},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"filters": ["report_as_portal_error"]},
        # Noisy, or logging SQL parameters and request URLs at lower levels.
        **{
            name: {"level": "WARNING"}
            for name in (
                "django.db.backends",
                "django_tasks",
                "modelsearch",
                "xhtml2pdf",
                "PIL",
                "fontTools",
                "urllib3",
                "botocore",
                "boto3",
                "s3transfer",
                "asyncio",
            )
        },
    },
}

# Staff second factor (TOTP; users/staff_otp.py). Off by default: production.py requires it for
# Super Admin and Admin. Any staff member may enable it for their own account.
STAFF_TOTP_REQUIRED_ROLES = ()
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
