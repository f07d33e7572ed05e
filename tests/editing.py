"""Helpers for tests that act as staff through the real admin (test-only: needs bs4)."""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from masis.core.seeding import localized
from masis.core.seeding import paragraphs as stored_paragraphs
from masis.multilingual.fields import translatable_field_names
from masis.multilingual.languages import LANGUAGE_CODES
from pages.models import StandardPage


def staff_member(role, username=None):
    """A user in the group ``role`` (None: no group at all)."""
    username = username or f"staff-{(role or 'nobody').lower()}"
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="not-a-secret"
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def standard_page(parent, key, live=True, **fields):
    """A standard page under ``parent``, in French unless ``fields`` say otherwise
    (values as the seed gives them: ``{"fr": …, "en": …}``)."""
    values = {
        "title": {"fr": f"Page {key}"},
        "slug": {"fr": key},
        "introduction": {"fr": "Une introduction en français."},
        "body": {"fr": stored_paragraphs("Un paragraphe en français.")},
        **fields,
    }
    page = StandardPage(**localized(**values))
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return StandardPage.objects.get(pk=page.pk)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def form_values(response):
    """What a browser would submit from the page's main form, without its JavaScript."""
    doc = BeautifulSoup(response.content, "html.parser")
    form = doc.find("input", attrs={"name": "title_fr"}).find_parent("form")
    data = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.get("type") in {"submit", "button", "file"}:
            continue
        if element.name == "textarea":
            data[name] = element.get_text()
        elif element.name == "select":
            selected = element.find("option", selected=True)
            data[name] = selected.get("value", "") if selected else ""
        elif element.get("type") in {"checkbox", "radio"}:
            if element.has_attr("checked"):
                data[name] = element.get("value", "on")
        else:
            data[name] = element.get("value", "")
    return data


def paragraphs(*html):
    """StreamField form data made of paragraph blocks."""
    return streamfield([("paragraph", rich_text(text)) for text in html])


def stream_as_paragraphs(value):
    return paragraphs(*(child.value.source for child in value))


def edit_form_data(client, page, **changes):
    """The page's edit form as the admin shows it to ``client``, with ``changes`` applied.

    Stream fields are rendered by JavaScript, so their current value is re-encoded here (pages
    made of paragraphs); ``changes`` gives streams as ``paragraphs(...)``.
    """
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    data = form_values(response)
    streams = {}
    model = type(page)
    for name in translatable_field_names(model):
        if isinstance(model._meta.get_field(name), StreamField):
            for code in LANGUAGE_CODES:
                field_name = f"{name}_{code}"
                streams[field_name] = stream_as_paragraphs(getattr(page, field_name))
    for name, value in changes.items():
        (streams if isinstance(value, dict) else data)[name] = value
    data.update(nested_form_data(streams))
    return data
