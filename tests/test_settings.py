import os
import subprocess
import sys
from pathlib import Path

from django.template import Context, Template
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a deployment never has it.
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 20 + "production-like-secret-key-for-the-check-0123456789",
        ALLOWED_HOSTS="kerja.purbalinggakab.go.id",
        CSRF_TRUSTED_ORIGINS="https://kerja.purbalinggakab.go.id",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="", ALLOWED_HOSTS="x"
    )
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_migrations_are_in_sync():
    result = run_manage(
        "makemigrations", "--check", "--dry-run", DJANGO_SETTINGS_MODULE="portal.settings.test"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ids_in_templates_are_never_grouped_like_figures():
    """An id rendered into an attribute (value="{{ account.pk }}") stays 1291, not "1.291"."""
    with translation.override("id"):
        rendered = Template("{% load humanize %}{{ pk }} {{ total|intcomma }}").render(
            Context({"pk": 1291, "total": 1291})
        )
    assert rendered == "1291 1.291"
