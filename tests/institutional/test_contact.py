"""The contact / get-involved page: Wagtail's form builder, stored, e-mailed, accessible errors,
and a trap for robots."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.forms.models import FormSubmission

from institutional.forms import MESSAGE_MAX_LENGTH, TRAP_FIELD
from institutional.models import CONTACT_LIMIT, ContactPage
from masis.multilingual.links import page_url

from ..helpers import html

VALID = {
    "nom": "Anahit Petrosyan",
    "adresse_e_mail": "anahit@example.org",
    "votre_demande": "Participer à un échange ou à un projet",
    "message": "Notre chorale aimerait chanter à Aix pendant la Quinzaine de l’Arménie.",
}


@pytest.fixture
def contact(seeded):
    cache.clear()  # the rate limit counts in the cache, which outlives each test's transaction
    yield ContactPage.objects.get()
    cache.clear()


@pytest.fixture
def recipient(settings):
    settings.CONTACT_EMAIL = "jumelage@example.org"
    return settings.CONTACT_EMAIL


def plain(text):
    """Text with French no-break spaces as plain spaces."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def send_url(contact, language="fr"):
    with translation.override(language):
        return reverse("contact_send", args=[contact.pk])


def post(client, contact, data, language="fr"):
    """A post from the contact page, as a browser sends it (with its Origin)."""
    return client.post(send_url(contact, language), data, HTTP_ORIGIN="http://testserver")


def test_form_fields_are_labelled_and_say_what_they_ask(client, contact):
    doc = html(client.get("/fr/contact/"))
    form = doc.find("form", class_="contact-form")
    assert form["method"] == "post" and form["action"] == send_url(contact)
    for name in VALID:
        control = form.find(attrs={"name": name})
        label = form.find("label", attrs={"for": control["id"]})
        assert label is not None, name
        assert "(obligatoire)" in label.get_text()
    assert form.find(attrs={"name": "nom"})["autocomplete"] == "name"
    email = form.find(attrs={"name": "adresse_e_mail"})
    assert email["type"] == "email" and email["autocomplete"] == "email"
    assert (
        doc.find(id=email["aria-describedby"]).get_text()
        == "Pour que nous puissions vous répondre."
    )
    assert form.find(attrs={"name": "message"})["maxlength"] == str(MESSAGE_MAX_LENGTH)


def test_the_trap_field_is_out_of_sight_and_out_of_the_tab_order(client, contact):
    doc = html(client.get("/fr/contact/"))
    trap = doc.find(attrs={"name": TRAP_FIELD})
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    assert "contact-form__trap" in trap.find_parent("div")["class"]


def test_a_message_is_stored_and_e_mailed_to_the_configured_address(client, contact, recipient):
    response = post(client, contact, VALID)
    assert response.status_code == 200
    assert html(response).h1.get_text() == "Merci, votre message a bien été envoyé"
    submission = FormSubmission.objects.get(page=contact)
    assert submission.get_data()["message"] == VALID["message"]
    assert TRAP_FIELD not in submission.form_data
    (email,) = mail.outbox
    assert email.to == [recipient]
    assert email.reply_to == [VALID["adresse_e_mail"]]
    assert VALID["message"] in email.body and "Votre demande: Participer" in email.body
    assert contact.title in email.subject


def test_the_page_address_overrides_the_default_one(client, contact, recipient):
    contact.to_address = "masis@example.org, aix@example.org"
    contact.save_revision().publish()
    post(client, contact, VALID)
    assert mail.outbox[0].to == ["masis@example.org", "aix@example.org"]


def test_without_any_address_the_message_is_stored_only(client, contact, settings):
    settings.CONTACT_EMAIL = ""
    assert post(client, contact, VALID).status_code == 200
    assert FormSubmission.objects.filter(page=contact).count() == 1
    assert mail.outbox == []


def test_a_mail_server_that_does_not_answer_loses_no_message(client, contact, recipient, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    response = post(client, contact, VALID)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact).count() == 1


def test_an_empty_form_says_what_is_missing_next_to_each_field(client, contact, recipient):
    response = post(client, contact, {})
    assert response.status_code == 200
    doc = html(response)
    assert plain(doc.title.get_text()).startswith("Erreur : Contact et participation")
    summary = doc.find(id="form-errors")
    assert summary["tabindex"] == "-1" and summary.has_attr("autofocus")
    assert "4 erreurs" in summary.h2.get_text()
    for name, label in [
        ("nom", "Nom"),
        ("adresse_e_mail", "Adresse e-mail"),
        ("votre_demande", "Votre demande"),
        ("message", "Message"),
    ]:
        control = doc.find(attrs={"name": name})
        assert control["aria-invalid"] == "true"
        error = doc.find(id=control["aria-describedby"].split()[0])
        assert (
            plain(error.get_text()) == f"Veuillez remplir « {label} » : ce champ est obligatoire."
        )
        assert summary.find("a", href=f"#{control['id']}")
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "« Adresse e-mail » doit être une adresse e-mail, par exemple nom@exemple.fr."),
        ("en", "“E-mail address” must be an e-mail address, such as name@example.org."),
    ],
)
def test_a_malformed_address_is_named_in_the_visitors_language(client, contact, language, expected):
    data = {**VALID, "adresse_e_mail": "anahit-at-example"}
    if language == "en":
        data["votre_demande"] = "Taking part in an exchange or a project"
    doc = html(post(client, contact, data, language))
    control = doc.find(attrs={"name": "adresse_e_mail"})
    describedby = control["aria-describedby"].split()
    assert plain(doc.find(id=describedby[0]).get_text()) == expected
    assert describedby[1] == f"{control['id']}-help"  # the help text stays tied to the field
    assert control["value"] == "anahit-at-example"  # what was typed is kept


def test_an_invented_choice_or_an_overlong_message_is_refused(client, contact):
    data = {**VALID, "votre_demande": "<script>", "message": "x" * (MESSAGE_MAX_LENGTH + 1)}
    doc = html(post(client, contact, data))
    errors = {p["id"]: p.get_text() for p in doc.find_all(class_="form-field__error")}
    assert "« Votre demande »" in plain(errors["id_votre_demande-error"])
    assert "5000 caractères au plus (il en compte 5001)" in plain(errors["id_message-error"])
    assert FormSubmission.objects.count() == 0


def test_a_robot_filling_the_trap_is_thanked_and_forgotten(client, contact, recipient):
    response = post(client, contact, {**VALID, TRAP_FIELD: "https://spam.example"})
    assert response.status_code == 200
    assert html(response).h1.get_text() == "Merci, votre message a bien été reçu"
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_visitors_get_no_cookie_from_the_form(client, contact):
    response = client.get("/fr/contact/")
    assert not response.cookies
    assert html(response).find(attrs={"name": "csrfmiddlewaretoken"}) is None


@pytest.mark.parametrize(
    "headers",
    [{}, {"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_REFERER": "https://evil.example/x"}],
)
def test_a_post_from_another_site_is_refused(contact, recipient, headers):
    response = Client().post(send_url(contact), VALID, **headers)
    assert response.status_code == 403
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_a_post_from_the_sites_own_page_is_accepted_by_referer_too(contact, recipient):
    referer = f"http://testserver{page_url(contact, 'fr')}"
    assert Client().post(send_url(contact), VALID, HTTP_REFERER=referer).status_code == 200
    assert FormSubmission.objects.count() == 1


def test_posts_to_the_page_itself_still_need_a_csrf_token(contact):
    response = Client(enforce_csrf_checks=True).post("/fr/contact/", VALID)
    assert response.status_code == 403
    assert FormSubmission.objects.count() == 0


def test_the_send_address_of_a_missing_or_unpublished_page_is_a_404(client, contact):
    headers = {"HTTP_ORIGIN": "http://testserver"}
    assert client.post("/fr/message/999999/", VALID, **headers).status_code == 404
    contact.unpublish()
    assert client.post(send_url(contact), VALID, **headers).status_code == 404


def test_opening_the_send_address_leads_back_to_the_form(client, contact):
    response = client.get(send_url(contact, "en"))
    assert response.status_code == 302 and response["Location"] == page_url(contact, "en")


def test_submissions_are_listed_for_staff_in_the_admin(client, admin_client, contact):
    post(client, contact, VALID)
    response = admin_client.get(f"/admin/forms/submissions/{contact.pk}/")
    assert response.status_code == 200
    assert "Anahit Petrosyan" in response.content.decode()
    assert contact.title_fr in html(admin_client.get("/admin/forms/")).get_text()


def test_staff_edit_the_form_fields_in_every_language(admin_client, contact):
    doc = html(admin_client.get(f"/admin/pages/{contact.pk}/edit/"))
    for name in ("form_fields-0-label_fr", "form_fields-0-label_hy", "form_fields-0-autocomplete"):
        assert doc.find(attrs={"name": name}), name
    assert doc.find(attrs={"name": "form_fields-TOTAL_FORMS"})["value"] == "4"


def test_the_form_speaks_armenian(client, contact):
    doc = html(client.get("/hy/կապ/"))
    form = doc.find("form", class_="contact-form")
    labels = [label.get_text(" ", strip=True) for label in form.find_all("label")]
    assert labels[0].startswith("Անուն, ազգանուն")
    assert form.find("button", type="submit").get_text() == "Ուղարկել"


def test_a_flood_of_messages_is_stopped_with_what_was_typed_kept(client, contact, recipient):
    for _ in range(CONTACT_LIMIT.limit):
        assert post(client, contact, VALID).status_code == 200
    response = post(client, contact, VALID)
    assert response.status_code == 429
    doc = html(response)
    assert "Trop de messages" in doc.find(id="form-errors").get_text()
    assert doc.find(attrs={"name": "nom"})["value"] == VALID["nom"]
    assert FormSubmission.objects.count() == CONTACT_LIMIT.limit
    assert len(mail.outbox) == CONTACT_LIMIT.limit


def test_staff_preview_a_new_contact_page_before_saving_it(contact):
    page = ContactPage(title="Nouveau formulaire", slug="nouveau")
    for mode in ("form", "landing"):
        response = page.make_preview_request(preview_mode=mode)
        assert response.status_code == 200


@pytest.mark.parametrize("line_break", ["\r\n", "\n", "\r", "\u2028"])
def test_a_one_line_field_refuses_a_line_break(client, contact, recipient, line_break):
    """A name with a line break would forge a header line ("Bcc: …") in the e-mail's body."""
    forged = {**VALID, "nom": f"Anahit{line_break}Bcc: everyone@example.org"}
    response = post(client, contact, forged)
    assert response.status_code == 200
    error = html(response).find(id=html(response).find(attrs={"name": "nom"})["aria-describedby"])
    assert "doit tenir sur une seule ligne" in error.get_text()
    assert not FormSubmission.objects.filter(page=contact).exists()
    assert mail.outbox == []


FORMULAS = ['=HYPERLINK("https://evil.example/","Voir")', "+33 4 42 00 00 00", "-2+3",
            "@SUM(A1:A2)"]  # fmt: skip


def test_the_csv_export_of_submissions_runs_no_formula(client, admin_client, contact):
    import csv
    import io

    for number, formula in enumerate(FORMULAS):  # from several visitors: no rate limit
        data = {**VALID, "message": formula}
        address = f"198.51.100.{number + 1}"
        client.post(send_url(contact), data, HTTP_ORIGIN="http://testserver", REMOTE_ADDR=address)
    response = admin_client.get(f"/admin/forms/submissions/{contact.pk}/?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    messages = {cell for row in rows[1:] for cell in row if cell.lstrip("'") in FORMULAS}
    assert messages == {"'" + formula for formula in FORMULAS}  # kept, shown as text


def test_a_cell_starting_with_a_tab_or_carriage_return_is_text_too():
    # The form strips them from answers; a stored submission may hold them all the same.
    from masis.operations.exports import neutralise_formula

    assert neutralise_formula("\t=1+1") == "'\t=1+1"
    assert neutralise_formula("\r=1+1") == "'\r=1+1"
    assert neutralise_formula("Bonjour = salut") == "Bonjour = salut"


def test_control_characters_a_visitor_sends_do_not_break_the_xlsx_export(
    client, admin_client, contact
):
    """openpyxl refuses C0 control characters in a cell: one message holding one made the
    XLSX export of every submission a 500, for as long as it was kept."""
    import io

    from openpyxl import load_workbook

    data = {**VALID, "message": "Bonjour\x01 de\x0b Masis\x1f"}
    client.post(send_url(contact), data, HTTP_ORIGIN="http://testserver")
    response = admin_client.get(f"/admin/forms/submissions/{contact.pk}/?export=xlsx")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
    assert "Bonjour de Masis" in cells
