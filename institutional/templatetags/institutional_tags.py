from dataclasses import dataclass

from django import template
from django.db.models import OuterRef, Subquery
from django.utils import formats, translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Page

from institutional.models import (
    AccessibilityStatementPage,
    ConformityState,
    ContactPage,
    SiteMapPage,
)
from masis.multilingual.fields import falls_back
from masis.multilingual.languages import SOURCE_LANGUAGE

register = template.Library()

# The footer lists them in this order, after the legal standard pages.
FOOTER_PAGE_TYPES = (AccessibilityStatementPage, SiteMapPage, ContactPage)


@dataclass(frozen=True)
class FooterLink:
    page: Page
    text: str
    is_statement: bool


@register.simple_tag
def institutional_links():
    """The footer's links to the statement ("Accessibility: partially compliant"), the site map
    and the contact page, in two queries whatever the site holds."""
    conformity = AccessibilityStatementPage.objects.filter(pk=OuterRef("pk")).values(
        "conformity_state"
    )[:1]
    pages = (
        Page.objects.live()
        .public()
        .type(*FOOTER_PAGE_TYPES)
        .annotate(conformity_state=Subquery(conformity))
        .order_by("path")
    )
    links = []
    for page in pages:
        if page.conformity_state:
            state = ConformityState(page.conformity_state).label
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
