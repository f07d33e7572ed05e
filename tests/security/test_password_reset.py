"""The admin's "forgotten password" form: a few e-mails an hour per address and per account,
and the same answer whether an account exists or not."""

import pytest
from django.core import mail
from django.core.cache import cache

from masis.operations.password_reset import RESET_PER_ACCOUNT, RESET_PER_ADDRESS

RESET = "/admin/password_reset/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()  # the counts live in the shared cache, which outlives each test
    yield
    cache.clear()


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "secretariat", "secretariat@example.org", "Tournesol-Violon-Brume-7"
    )


def ask(client, email, address="203.0.113.7"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


def test_a_flood_for_one_account_sends_a_few_e_mails_only(client, staff):
    responses = [ask(client, staff.email, address=f"198.51.100.{n}") for n in range(1, 16)]
    assert {response.status_code for response in responses} == {302}
    assert {response["Location"] for response in responses} == {"/admin/password_reset/done/"}
    assert len(mail.outbox) == RESET_PER_ACCOUNT.limit


def test_a_flood_from_one_address_sends_a_few_e_mails_only(client, django_user_model):
    for number in range(15):
        django_user_model.objects.create_user(
            f"user{number}", f"user{number}@example.org", "Tournesol-7"
        )
    for number in range(15):
        assert ask(client, f"user{number}@example.org").status_code == 302
    assert len(mail.outbox) == RESET_PER_ADDRESS.limit


def test_an_unknown_address_gets_the_same_answer(client, staff):
    known, unknown = ask(client, staff.email), ask(client, "nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1
