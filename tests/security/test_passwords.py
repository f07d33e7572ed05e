"""Passwords: the site's own vocabulary and the user's e-mail address are no password."""

import pytest
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils import translation

SITE_WORDS = [
    "Jumelage2026!",
    "masismasismasis",
    "Jumelage-Aix-Masis-2024!",
    "Aix-en-Provence 2026",
    "ArménieMasis2026",
    "Մասիս-Հայաստան-2026",
    "provence+armenie+jumelage",
]


@pytest.fixture
def marie(django_user_model, db):
    return django_user_model(username="mdupont", email="marie.dupont@aixenprovence.fr")


@pytest.mark.parametrize("password", SITE_WORDS)
def test_the_sites_own_words_make_no_password(password, marie):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, marie)
    assert "password_site_vocabulary" in [error.code for error in refused.value.error_list]


@pytest.mark.parametrize("password", ["marie.dupont2026", "Dupont-Marie-1987", "MarieMarie!!2026"])
def test_the_pieces_of_the_users_e_mail_make_no_password(password, marie):
    with pytest.raises(ValidationError):
        validate_password(password, marie)


@pytest.mark.parametrize(
    "password",
    ["Tournesol-Violon-Brume-7", "Masis-sous-la-neige-du-Mont-Ararat-Velo", "xQ7!masis-pluie"],
)
def test_words_of_ones_own_pass(password, marie):
    validate_password(password, marie)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "mots de ce site"), ("hy", "կայքի"), ("en", "words of this website")],
)
def test_the_refusal_and_the_help_are_translated(marie, language, expected):
    with translation.override(language), pytest.raises(ValidationError) as refused:
        validate_password("Jumelage2026!", marie)
    assert expected in " ".join(refused.value.messages)
    with translation.override(language):
        assert any(expected.split()[0] in text for text in password_validators_help_texts())
