"""Production settings: `check --deploy` is clean, secrets are required, cookies and sessions."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="masis.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(**overrides):
    env = {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "jumelage-masis.example.org",
        "SITE_URL": "https://jumelage-masis.example.org",
        "DATABASE_URL": "postgres://masis@db.example.org:5432/masis",
    }
    env.update(overrides)
    return env


def test_check_deploy_reports_nothing_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "DEBUG", **production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."
    assert result.stderr.strip() == ""


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"SECRET_KEY": ""}, "Set SECRET_KEY to a random string of at least 50 characters"),
        ({"SECRET_KEY": "too-short"}, "Set SECRET_KEY to a random string of at least 50"),
        ({"SECRET_KEY": "dev-" + "x" * 60}, "Set SECRET_KEY to a random string of at least 50"),
        ({"ALLOWED_HOSTS": ""}, "Set ALLOWED_HOSTS to the site's host names, comma-separated."),
        ({"ALLOWED_HOSTS": " , "}, "Set ALLOWED_HOSTS to the site's host names"),
    ],
    ids=["no-key", "short-key", "dev-key", "no-hosts", "blank-hosts"],
)
def test_production_refuses_to_start_without_secrets(overrides, message):
    result = run_manage("check", **production_env(**overrides))
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: ")
    assert message in last_line


def production_settings(monkeypatch):
    """The production settings module's values, imported in this process."""
    import importlib

    for key, value in production_env().items():
        monkeypatch.setenv(key, value)
    import masis.settings.production as production

    return importlib.reload(production)


def test_production_cookies_https_and_hsts(monkeypatch):
    prod = production_settings(monkeypatch)
    assert prod.DEBUG is False
    assert prod.SESSION_COOKIE_SECURE and prod.CSRF_COOKIE_SECURE and prod.LANGUAGE_COOKIE_SECURE
    assert prod.SESSION_COOKIE_HTTPONLY and prod.CSRF_COOKIE_HTTPONLY
    assert prod.SECURE_HSTS_SECONDS >= 365 * 24 * 3600
    assert prod.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    assert prod.SECURE_SSL_REDIRECT is True
    assert prod.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")


def test_production_redirects_plain_http_and_sends_hsts(client, seeded, settings, monkeypatch):
    prod = production_settings(monkeypatch)
    for name in (
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
    ):
        setattr(settings, name, getattr(prod, name))
    plain = client.get("/fr/masis/", HTTP_X_FORWARDED_PROTO="http")
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/fr/masis/"
    secure = client.get("/fr/masis/", HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.parametrize("remember", [False, True])
def test_staff_sessions_expire_within_a_working_day(client, admin_user, remember):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    assert 0 < settings.SESSION_COOKIE_AGE <= 12 * 3600
    data = {"username": "admin", "password": "password", **({"remember": "on"} if remember else {})}
    response = client.post("/admin/login/", data)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    # "Remember me" keeps the cookie across browser restarts, never longer than the session.
    assert cookie["max-age"] == (settings.SESSION_COOKIE_AGE if remember else "")
    session = Session.objects.get(session_key=cookie.value)
    lifetime = (session.expire_date - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 60 < lifetime <= settings.SESSION_COOKIE_AGE


WEAK_PASSWORDS = ["masis2024", "12345678901234", "administrator", "editor.example"]


@pytest.mark.parametrize("password", WEAK_PASSWORDS)
def test_weak_passwords_are_refused(password, django_user_model, db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = django_user_model(username="editor", email="editor@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)
    validate_password("Tournesol-Violon-Brume-7", user)
