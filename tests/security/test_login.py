"""Login throttling through the Wagtail login view: lockout, message, cool-off and unlocking."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command

from ..helpers import html

LOGIN = "/admin/login/"
ATTACKER = "203.0.113.7"
COLLEAGUE = "198.51.100.20"


def attempt(client, password, username="admin", address=ATTACKER, language="en"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def fail_until_locked(client, username="admin"):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "not-the-password", username=username)
        assert response.status_code == 200  # the login form, with its error
    return attempt(client, "not-the-password", username=username)


@pytest.fixture
def other_admin(django_user_model):
    return django_user_model.objects.create_superuser(
        "secretariat", "secretariat@example.org", "Jumelage-Aix-Masis-2024"
    )


def test_account_is_locked_after_repeated_failures_with_a_clear_message(client, admin_user):
    locked = fail_until_locked(client)
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == 15 * 60
    message = html(locked).find(class_="messages").get_text(" ", strip=True)
    assert f"after {settings.AXES_FAILURE_LIMIT} failed sign-in attempts" in message
    assert "try again in 15 minutes" in html(locked).get_text(" ", strip=True)
    # Even the right password is refused while locked, and no session is opened.
    right = attempt(client, "password")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_message_is_in_the_visitors_language(client, admin_user):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = attempt(client, "wrong", language="fr")
    assert response.status_code == 429
    assert html(response).html["lang"] == "fr"
    assert "réessayer dans 15 minutes" in html(response).get_text(" ", strip=True)


def test_lockout_is_per_account_and_address(client, admin_user, other_admin):
    fail_until_locked(client)
    assert attempt(client, "password", address=COLLEAGUE).status_code == 302
    client.logout()
    other = attempt(client, "Jumelage-Aix-Masis-2024", username="secretariat")
    assert other.status_code == 302


def test_lockout_ends_after_the_cool_off_period(client, admin_user):
    fail_until_locked(client)
    assert attempt(client, "password").status_code == 429
    cool_off = timedelta(hours=settings.AXES_COOLOFF_TIME)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - cool_off)
    assert attempt(client, "password").status_code == 302


def test_a_successful_login_resets_the_failure_count(client, admin_user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong")
    assert attempt(client, "password").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "wrong").status_code == 200


def test_axes_reset_command_unlocks(client, admin_user):
    fail_until_locked(client)
    call_command("axes_reset_username", "admin", verbosity=0)
    assert attempt(client, "password").status_code == 302


def test_an_administrator_unlocks_an_account_in_the_wagtail_admin(client, admin_user, other_admin):
    fail_until_locked(client)
    lock = AccessAttempt.objects.get(username="admin")

    staff = client.__class__()
    staff.force_login(other_admin)
    listing = staff.get("/admin/login-lockouts/")
    assert listing.status_code == 200
    assert "203.0.113.7" in listing.content.decode()
    assert staff.get("/admin/login-lockouts/new/").status_code in (302, 403)
    confirm = staff.get(f"/admin/login-lockouts/delete/{lock.pk}/")
    assert confirm.status_code == 200
    assert staff.post(f"/admin/login-lockouts/delete/{lock.pk}/").status_code == 302
    assert not AccessAttempt.objects.filter(username="admin").exists()
    assert attempt(client, "password").status_code == 302


def test_editors_without_user_management_cannot_see_lockouts(client, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="Jumelage-Aix-2024!")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/login-lockouts/")
    assert response.status_code in (302, 403)


def test_one_address_trying_many_accounts_is_stopped(client, admin_user):
    """Password spraying: one failure on each of many usernames from one address."""
    limit = settings.LOGIN_ADDRESS_FAILURE_LIMIT
    for number in range(limit - 1):
        assert attempt(client, "Printemps2026!", username=f"agent{number}").status_code == 200
    locked = attempt(client, "Printemps2026!", username="agent-last")
    assert locked.status_code == 429
    message = html(locked).find(class_="messages").get_text(" ", strip=True)
    assert f"blocked from your address after {limit} failed attempts" in message
    # Even an account with no failure of its own, with its right password, from that address.
    assert attempt(client, "password").status_code == 429
    assert "_auth_user_id" not in client.session
    # Other addresses are not affected.
    assert attempt(client, "password", address=COLLEAGUE).status_code == 302
