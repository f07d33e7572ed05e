"""Small helpers shared by the test modules: reading pages, counting queries, acting as staff."""

import json

from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail import blocks
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile

from masis.multilingual.languages import LANGUAGE_CODES
from masis.multilingual.links import page_url

# --- Reading the site --------------------------------------------------------------------------


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def page_in(client, page, language):
    """The parsed HTML of ``page`` in ``language``, which must answer 200."""
    response = client.get(page_url(page, language))
    assert response.status_code == 200, (page, language)
    return html(response)


def publish(page, **fields):
    """``page`` with ``fields`` set, published."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def live_pages():
    return list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))


def every_page_in_every_language():
    """(page, language, relative URL) for every live page of the site."""
    return [
        (page, language, page_url(page, language))
        for page in live_pages()
        for language in LANGUAGE_CODES
    ]


def queries_for(client, url):
    """The number of SQL queries of a visit to ``url`` (which must answer 200)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def json_ld(page, of_type=None, id_ending=None):
    """The one schema.org object of ``page`` (a response or a parsed document) whose ``@type``
    is ``of_type`` (a name or a tuple of names) and whose ``@id`` ends with ``id_ending``: a page
    may carry others, e.g. the site's own."""
    doc = page if isinstance(page, BeautifulSoup) else html(page)
    types = (of_type,) if isinstance(of_type, str) else of_type
    scripts = doc.find_all("script", type="application/ld+json")
    found = [
        data
        for data in (json.loads(script.string) for script in scripts)
        if (types is None or data.get("@type") in types)
        and (id_ending is None or data.get("@id", "").endswith(id_ending))
    ]
    assert len(found) == 1, found
    return found[0]


# --- Acting as staff ---------------------------------------------------------------------------


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def set_admin_language(user, language):
    """The language of the admin (its messages) for ``user``."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def paragraphs(*html_sources):
    """A stream of paragraph blocks, as ``edit_form_data`` takes a stream field's new value."""
    return [("paragraph", rich_text(source)) for source in html_sources]


def edit_form_data(client, page, **changes):
    """What a browser posts from the admin's edit form of ``page`` as ``client`` sees it,
    with ``changes`` applied (form field names; a stream field's value as a list of
    ``(block type, value)`` pairs, e.g. ``paragraphs(…)``).

    The form's own fields are read from the page as a browser reads them; stream fields, which
    the browser's JavaScript draws from the value the form carries, are encoded from that value
    the way the block editor posts them.
    """
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    form = html(response).find("form", id="page-edit-form")
    data = form_values(form)
    stream_blocks = {
        name: field.block
        for name, field in response.context["form"].fields.items()
        if isinstance(field, blocks.BlockField)
    }
    for name, block in stream_blocks.items():
        editor = form.find(id=name, attrs={"data-w-block-arguments-value": True})
        if editor is not None:
            state, _errors = json.loads(editor["data-w-block-arguments-value"])
            data.update(block_form_data(block, state, name))
    for name, value in changes.items():
        if name in stream_blocks:
            data = {key: item for key, item in data.items() if not key.startswith(f"{name}-")}
            data.update(block_form_data(stream_blocks[name], value, name))
        else:
            data[name] = value
    return data


def form_values(form):
    """What a browser submits from ``form`` (a parsed <form>) before any script runs."""
    values = {}

    def add(name, value):
        values.setdefault(name, []).append(value)

    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        kind = element.get("type", "text")
        if not name or "__prefix__" in name or element.has_attr("disabled"):
            continue  # nameless, a formset's template for new rows, or not submitted
        if element.name == "textarea":
            add(name, element.get_text().removeprefix("\n"))  # as the HTML parser drops it
        elif element.name == "select":
            chosen = element.find_all("option", selected=True)
            if not chosen and not element.has_attr("multiple"):
                chosen = element.find_all("option", limit=1)
            for option in chosen:
                add(name, option.get("value", option.get_text()))
        elif kind in {"checkbox", "radio"}:
            if element.has_attr("checked"):
                add(name, element.get("value", "on"))
        elif kind not in {"submit", "button", "image", "reset", "file"}:
            add(name, element.get("value", ""))
    return {name: items[0] if len(items) == 1 else items for name, items in values.items()}


def block_form_data(block, state, prefix):
    """The form data Wagtail's block editor posts for ``state``: a value as the edit form
    carries it (``get_form_state``), or for streams a list of ``(block type, value)`` pairs."""
    data = {}
    if isinstance(block, blocks.StreamBlock):
        children = [
            child if isinstance(child, dict) else {"type": child[0], "value": child[1]}
            for child in state or []
        ]
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            item = f"{prefix}-{index}"
            data.update({f"{item}-type": child["type"], f"{item}-deleted": ""})
            data[f"{item}-order"] = str(index)
            if child.get("id"):
                data[f"{item}-id"] = child["id"]
            data.update(
                block_form_data(block.child_blocks[child["type"]], child["value"], f"{item}-value")
            )
    elif isinstance(block, blocks.ListBlock):
        children = [child if isinstance(child, dict) else {"value": child} for child in state or []]
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            item = f"{prefix}-{index}"
            data.update({f"{item}-deleted": "", f"{item}-order": str(index)})
            if child.get("id"):
                data[f"{item}-id"] = child["id"]
            data.update(block_form_data(block.child_block, child["value"], f"{item}-value"))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            data.update(block_form_data(child_block, (state or {}).get(name), f"{prefix}-{name}"))
    elif isinstance(block, blocks.BooleanBlock):
        if state:
            data[prefix] = "on"
    elif isinstance(block, blocks.MultipleChoiceBlock):
        data[prefix] = list(state or [])
    else:
        if isinstance(state, dict):  # a chooser's selection
            state = state.get("id")
        if isinstance(state, list):  # a select's chosen value
            state = state[0] if state else ""
        data[prefix] = "" if state is None else str(state)
    return data
