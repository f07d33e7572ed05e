from dataclasses import dataclass

from django import template
from django.db.models import Exists, OuterRef, Subquery
from django.utils import formats, translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Page

from institutional.models import (
    AccessibilityStatementPage,
    ConformityState,
    ContactPage,
    LegalNoticePage,
    PersonalDataPage,
    SiteMapPage,
)
from masis.multilingual.fields import falls_back
from masis.multilingual.languages import SOURCE_LANGUAGE

register = template.Library()

# The footer lists them in this order, after the standard pages staff chose to show there.
FOOTER_PAGE_TYPES = (
    LegalNoticePage,
    PersonalDataPage,
    AccessibilityStatementPage,
    SiteMapPage,
    ContactPage,
)


@dataclass(frozen=True)
class FooterLink:
    page: Page
    text: str
    is_statement: bool


@register.simple_tag
def institutional_links():
    """The footer's links to the legal pages, the statement with its compliance status
    ("Accessibility: non-compliant"), the site map and the contact page, in two queries
    whatever the site holds."""
    statement = AccessibilityStatementPage.objects.filter(pk=OuterRef("pk"))
    pages = (
        Page.objects.live()
        .public()
        .type(*FOOTER_PAGE_TYPES)
        .annotate(
            is_statement=Exists(statement),
            criteria_met_percent=Subquery(statement.values("criteria_met_percent")[:1]),
        )
        .order_by("path")
    )
    links = []
    for page in pages:
        if page.is_statement:
            state = ConformityState.for_rate(page.criteria_met_percent).label
            links.append(FooterLink(page, _("Accessibility: %(state)s") % {"state": state}, True))
        else:
            links.append(FooterLink(page, page.title, False))
    rank = {model: index for index, model in enumerate(FOOTER_PAGE_TYPES)}
    return sorted(links, key=lambda link: rank[link.page.specific_class])


@register.filter
def percent(value):
    """87.5 → "87,5 %" in French, "87.5%" in English."""
    if value is None:
        return ""
    decimals = 0 if value == int(value) else 1
    return _("%(number)s%%") % {"number": formats.number_format(value, decimals)}


@register.simple_tag
def field_text(instance, field_name):
    """A translated field's text, in <span lang="fr"> when it shows the French fallback, to sit
    inside a sentence of the page's language."""
    value = getattr(instance, field_name)
    if falls_back(instance, field_name, translation.get_language()):
        return format_html('<span lang="{}">{}</span>', SOURCE_LANGUAGE, value)
    return format_html("{}", value)


@dataclass(frozen=True)
class LegalParty:
    """One party of the legal notice (publisher, host) as the page shows it."""

    name: str
    name_lang: str
    address: str
    address_lang: str
    phone: str

    @property
    def tel_url(self):
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+")

    def __bool__(self):
        return bool(self.name or self.address or self.phone)


@register.simple_tag
def legal_party(details, role):
    """The ``role`` ("publisher", "host") of the legal notice's settings: its name, address and
    telephone number, each name and address with the ``lang`` of its French fallback."""
    language = translation.get_language()

    def lang(field_name):
        return SOURCE_LANGUAGE if falls_back(details, field_name, language) else ""

    return LegalParty(
        name=getattr(details, f"{role}_name"),
        name_lang=lang(f"{role}_name"),
        address=getattr(details, f"{role}_address"),
        address_lang=lang(f"{role}_address"),
        phone=getattr(details, f"{role}_phone"),
    )
