"""Legal pages that stay true (issue #20): the compliance status follows the audit staff record,
the legal notice gives only what its settings hold, the personal data page says what the site
really does and the site does it (no cookie, messages deleted after the period it states)."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageViewRestriction

from institutional.models import (
    AccessibilityStatementPage,
    ConformityState,
    ContactPage,
    LegalNoticePage,
    LegalNoticeSettings,
    PersonalDataPage,
)
from masis.multilingual.links import page_url

from ..helpers import every_page_in_every_language, html, publish
from ..helpers import page_in as get

NBSP, NNBSP = "\xa0", "\u202f"


def text_of(element):
    return " ".join(element.get_text(" ").replace(NBSP, " ").replace(NNBSP, " ").split())


@pytest.fixture
def statement(seeded):
    return AccessibilityStatementPage.objects.get()


@pytest.fixture
def legal_notice(seeded):
    return LegalNoticePage.objects.get()


@pytest.fixture
def personal_data(seeded):
    return PersonalDataPage.objects.get()


def footer_statement_link(client, page, language):
    footer = get(client, page, language).find("footer")
    statement_url = page_url(AccessibilityStatementPage.objects.get(), language)
    return footer.find("a", href=statement_url)


# --- The compliance status, from the audit -----------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "state"),
    [
        (None, ConformityState.NONE),
        (Decimal("0"), ConformityState.NONE),
        (Decimal("49.9"), ConformityState.NONE),
        (Decimal("50"), ConformityState.PARTIAL),
        (Decimal("99.9"), ConformityState.PARTIAL),
        (Decimal("100"), ConformityState.FULL),
    ],
)
def test_the_compliance_status_follows_the_audits_rate(rate, state):
    assert ConformityState.for_rate(rate) == state
    assert AccessibilityStatementPage(criteria_met_percent=rate).conformity_state == state


FOOTER_TEXT = {
    None: {
        "fr": "Accessibilité : non conforme",
        "en": "Accessibility: non-compliant",
        "hy": "Մատչելիություն՝ անհամապատասխան",
    },
    Decimal("62"): {
        "fr": "Accessibilité : partiellement conforme",
        "en": "Accessibility: partially compliant",
        "hy": "Մատչելիություն՝ մասնակիորեն համապատասխան",
    },
    Decimal("100"): {
        "fr": "Accessibilité : totalement conforme",
        "en": "Accessibility: fully compliant",
        "hy": "Մատչելիություն՝ ամբողջությամբ համապատասխան",
    },
}


@pytest.mark.parametrize("rate", FOOTER_TEXT)
def test_statement_and_every_footer_declare_the_status_the_audit_gives(client, statement, rate):
    if rate is not None:
        publish(statement, criteria_met_percent=rate)
    state = ConformityState.for_rate(rate)
    for language, expected in FOOTER_TEXT[rate].items():
        for page in (statement, statement.get_parent(), LegalNoticePage.objects.get()):
            assert text_of(footer_statement_link(client, page, language)) == expected
        with translation.override(language):
            label = str(state.label)
        declared = get(client, statement, language).find(class_="statement__state")
        assert declared.strong.get_text() == label


def test_the_seeded_site_without_an_audit_is_not_called_partially_compliant(client, statement):
    assert statement.criteria_met_percent is None
    for _page, language, url in every_page_in_every_language():
        if language != "fr":
            continue
        footer = text_of(html(client.get(url)).find("footer"))
        assert "non conforme" in footer and "partiellement" not in footer, url


def test_an_empty_date_or_plan_is_not_shown(client, statement):
    publish(
        statement,
        established_on=None,
        multi_year_plan_fr="",
        multi_year_plan_en="",
        multi_year_plan_hy="",
        action_plan_fr="",
        action_plan_en="",
        action_plan_hy="",
    )
    doc = get(client, statement, "fr")
    assert doc.main.find("time") is None
    assert "établie le" not in text_of(doc.main)
    headings = [text_of(h2) for h2 in doc.main.find_all("h2")]
    assert not any("Schéma pluriannuel" in h or "Plan d’action" in h for h in headings)


@pytest.mark.parametrize(
    ("language", "date"),
    [("fr", "27 novembre 2026"), ("en", "27 November 2026"), ("hy", "2026 թ. նոյեմբերի 27")],
)
def test_a_date_and_plan_staff_fill_in_are_shown(client, statement, language, date):
    publish(
        statement,
        established_on=datetime.date(2026, 11, 27),
        action_plan_year=2027,
        action_plan_fr="<ul><li>Commander un audit.</li></ul>",
    )
    doc = get(client, statement, language)
    time = doc.main.find("time")
    assert time["datetime"] == "2026-11-27" and time.get_text() == date
    assert doc.find("section", attrs={"aria-labelledby": "statement-action-plan"})


def test_the_pages_audited_are_listed_only_with_an_audit(client, statement):
    home = statement.get_parent()
    statement.audited_pages.create(page=home, sort_order=0)
    publish(statement)
    method = get(client, statement, "en").find(
        "section", attrs={"aria-labelledby": "statement-method"}
    )
    assert "Pages of the website that were audited" not in text_of(method)
    publish(statement, criteria_met_percent=Decimal("75"))
    method = get(client, statement, "en").find(
        "section", attrs={"aria-labelledby": "statement-method"}
    )
    assert "Pages of the website that were audited" in text_of(method)


# --- The legal notice, from its settings -----------------------------------------------------

PLACEHOLDER_WORDS = ("seront indiqués", "will be given", "before the website goes live", "կնշի")


def fill_legal_notice(**values):
    details = LegalNoticeSettings.load()
    for name, value in values.items():
        setattr(details, name, value)
    details.save()
    return details


def test_the_legal_notice_is_a_page_type_of_its_own(legal_notice):
    assert page_url(legal_notice, "fr") == "/fr/mentions-legales/"
    assert page_url(legal_notice, "en") == "/en/legal-notice/"


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_a_legal_notice_without_host_or_director_names_none_and_announces_nothing(
    client, legal_notice, language
):
    details = LegalNoticeSettings.load()
    assert not details.host_name and not details.publication_director
    doc = get(client, legal_notice, language)
    text = text_of(doc.main)
    headings = [text_of(h2) for h2 in doc.main.find_all("h2")]
    with translation.override(language):
        assert gettext("Host") not in headings
        assert gettext("Director of publication") not in headings
        assert gettext("Publisher") in headings
    assert not any(word in text for word in PLACEHOLDER_WORDS)


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("fr", ["Éditeur", "Directeur ou directrice de la publication", "Hébergeur"]),
        ("en", ["Publisher", "Director of publication", "Host"]),
        ("hy", ["Հրատարակիչ", "Հրապարակման պատասխանատու", "Հյուրընկալող"]),
    ],
)
def test_the_legal_notice_shows_what_staff_fill_in(client, legal_notice, language, headings):
    fill_legal_notice(
        publisher_phone="+33 4 42 91 90 00",
        publication_director_fr="Jeanne Martin, maire d’Aix-en-Provence",
        publication_director_en="Jeanne Martin, Mayor of Aix-en-Provence",
        host_name_fr="Hébergeur Exemple SAS",
        host_address_fr="1 rue de l’Exemple, 75000 Paris",
        host_phone="01 23 45 67 89",
    )
    doc = get(client, legal_notice, language)
    assert [text_of(h2) for h2 in doc.main.find_all("h2")][:3] == headings
    assert doc.main.find("a", href="tel:+33442919000")
    assert doc.main.find("a", href="tel:0123456789")
    host = doc.main.find(string=lambda s: "Hébergeur Exemple SAS" in s).parent
    # A name or address given in French only is marked French on the other languages' pages.
    assert host.get("lang") == (None if language == "fr" else "fr")
    director = doc.main.find(string=lambda s: "Jeanne Martin" in s).parent
    assert director.get("lang") == ("fr" if language == "hy" else None)


def test_the_dashboard_warns_while_the_legal_notice_is_incomplete(english_admin_client, seeded):
    admin_client = english_admin_client
    doc = html(admin_client.get(reverse("wagtailadmin_home")))
    panel = doc.find(id="legal-notice-section")
    assert panel is not None
    missing = text_of(panel)
    for field in ("publisher’s telephone number", "director of publication", "host"):
        assert field in missing.lower(), field
    links = [a["href"] for a in panel.find_all("a")]
    assert "/admin/settings/institutional/legalnoticesettings/" in links
    fill_legal_notice(
        publisher_phone="04 42 91 90 00",
        publication_director_fr="Jeanne Martin",
        host_name_fr="Hébergeur",
        host_address_fr="Paris",
        host_phone="01 23 45 67 89",
    )
    doc = html(admin_client.get(reverse("wagtailadmin_home")))
    assert doc.find(id="legal-notice-section") is None


def test_staff_fill_the_legal_notice_in_each_language(admin_client, seeded):
    response = admin_client.get("/admin/settings/institutional/legalnoticesettings/")
    if response.status_code == 302:
        response = admin_client.get(response["Location"])
    doc = html(response)
    for name in ("publisher_name_fr", "publisher_name_hy", "host_address_en", "host_phone"):
        assert doc.find(attrs={"name": name}), name


# --- The personal data page, from what the site does ------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "Chaque message est supprimé automatiquement 30 jours après son envoi."),
        ("en", "Each message is deleted automatically 30 days after it was sent."),
        ("hy", "Յուրաքանչյուր հաղորդագրություն ինքնաշխատ ջնջվում է ուղարկելուց 30 օր հետո։"),
    ],
)
def test_the_personal_data_page_states_the_retention_period_in_force(
    client, personal_data, settings, language, sentence
):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    assert sentence in text_of(get(client, personal_data, language).main)


def test_the_personal_data_page_lists_what_the_contact_form_stores(client, personal_data):
    contact = ContactPage.objects.get()
    doc = get(client, personal_data, "en")
    listed = [text_of(li) for li in doc.find(class_="personal-data").find_all("li")]
    with translation.override("en"):
        assert listed == [field.label for field in contact.get_form_fields()]
    text = text_of(doc.main)
    assert "sets no cookie for its visitors" in text
    assert "Legal basis:" in text and "6(1)(e)" in text
    assert "Only a technical security cookie" not in text


def test_the_personal_data_page_says_who_receives_messages(client, personal_data, settings):
    settings.CONTACT_EMAIL = ""
    text = text_of(get(client, personal_data, "en").main)
    assert "read there by the people who run the website" in text
    assert "sent by e-mail" not in text
    settings.CONTACT_EMAIL = "jumelage@example.org"
    cache.clear()
    text = text_of(get(client, personal_data, "en").main)
    assert "also sent by e-mail to the people in charge of the twinning" in text


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "un cookie vous garde l’accès ouvert pendant 8 heures"),
        ("en", "a cookie keeps your access open for 8 hours"),
        ("hy", "թխուկը 8 ժամով բաց է պահում ձեր մուտքը"),
    ],
)
def test_the_personal_data_page_names_the_cookie_of_a_password_once_one_is_asked(
    client, personal_data, settings, language, sentence
):
    """Typing a protected page's password gives the visitor a session cookie: the page says so,
    and for how long, as soon as a password restriction exists, and not before."""
    settings.SESSION_COOKIE_AGE = 8 * 3600
    assert sentence not in text_of(get(client, personal_data, language).main)
    PageViewRestriction.objects.create(
        page=LegalNoticePage.objects.get(), restriction_type="password", password="Ararat-2024"
    )
    assert sentence in text_of(get(client, personal_data, language).main)


def test_no_public_page_sets_a_cookie(client, seeded):
    for _page, _language, url in every_page_in_every_language():
        response = client.get(url)
        assert not response.cookies, (url, response.cookies)
        assert "Set-Cookie" not in response.headers, url


def test_sending_a_message_sets_no_cookie_either(client, seeded):
    cache.clear()
    contact = ContactPage.objects.get()
    with translation.override("fr"):
        url = reverse("contact_send", args=[contact.pk])
    response = client.post(url, CONTACT_MESSAGE, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200 and not response.cookies
    assert "Set-Cookie" not in response.headers
    cache.clear()


# --- Messages kept no longer than the page says -----------------------------------------------

CONTACT_MESSAGE = {
    "nom": "Anahit Petrosyan",
    "adresse_e_mail": "anahit@example.org",
    "votre_demande": "Participer à un échange ou à un projet",
    "message": "Bonjour.",
}


def stored_message(page, days_ago):
    submission = FormSubmission.objects.create(page=page, form_data={"message": "Bonjour"})
    sent = timezone.now() - datetime.timedelta(days=days_ago)
    FormSubmission.objects.filter(pk=submission.pk).update(submit_time=sent)
    return submission


def test_purge_deletes_messages_older_than_the_retention_period(seeded, settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 90
    contact = ContactPage.objects.get()
    old, recent = stored_message(contact, 91), stored_message(contact, 89)
    out = StringIO()
    call_command("purge_contact_messages", "--dry-run", stdout=out)
    assert "1 contact message" in out.getvalue()
    assert FormSubmission.objects.filter(pk=old.pk).exists()
    call_command("purge_contact_messages", stdout=out)
    assert not FormSubmission.objects.filter(pk=old.pk).exists()
    assert FormSubmission.objects.filter(pk=recent.pk).exists()


def test_purge_follows_the_setting(seeded, settings):
    contact = ContactPage.objects.get()
    message = stored_message(contact, 40)
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 60
    call_command("purge_contact_messages", stdout=StringIO())
    assert FormSubmission.objects.filter(pk=message.pk).exists()
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    call_command("purge_contact_messages", stdout=StringIO())
    assert not FormSubmission.objects.filter(pk=message.pk).exists()


# --- "Sent" only for a message someone will receive --------------------------------------------


class FailingBackend:
    """A mail server that refuses the connection."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


def thank_you(client, language="fr"):
    """The page a visitor gets after sending a valid message from the page in ``language``."""
    cache.clear()  # the rate limit counts in the cache, which outlives each test's transaction
    contact = ContactPage.objects.get()
    with translation.override(language):
        url = reverse("contact_send", args=[contact.pk])
        request_field = next(
            f for f in contact.get_form_fields() if f.clean_name == "votre_demande"
        )
        data = {**CONTACT_MESSAGE, "votre_demande": request_field.choices.splitlines()[1]}
    response = client.post(url, data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200
    cache.clear()
    return html(response)


RECEIVED = {
    "fr": "Merci, votre message a bien été reçu",
    "en": "Thank you, your message has been received",
    "hy": "Շնորհակալություն, ձեր հաղորդագրությունը ստացվել է",
}


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_without_a_recipient_the_message_is_received_not_sent(client, seeded, settings, language):
    settings.CONTACT_EMAIL = ""
    doc = thank_you(client, language)
    assert doc.h1.get_text() == RECEIVED[language]
    text = text_of(doc.main)
    assert "envoyé" not in text and "sent" not in text and "ուղարկված" not in text
    assert mail.outbox == []


def test_a_mail_server_failure_is_not_called_sent(client, seeded, settings):
    settings.CONTACT_EMAIL = "jumelage@example.org"
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    doc = thank_you(client)
    assert doc.h1.get_text() == RECEIVED["fr"]
    assert FormSubmission.objects.count() == 1


def test_a_message_mailed_is_called_sent_with_the_pages_thank_you_text(client, seeded, settings):
    settings.CONTACT_EMAIL = "jumelage@example.org"
    doc = thank_you(client, "en")
    assert doc.h1.get_text() == "Thank you, your message has been sent"
    assert len(mail.outbox) == 1


def test_the_page_says_nothing_comes_from_elsewhere_only_while_it_is_true(
    client, personal_data, settings
):
    sentence = "It loads nothing from another website"
    settings.MEDIA_ORIGIN = "http://testserver/media"  # images through the site's own host
    assert sentence in text_of(get(client, personal_data, "en").main)
    cache.clear()
    settings.MEDIA_ORIGIN = "https://media.example.net"
    assert sentence not in text_of(get(client, personal_data, "en").main)
