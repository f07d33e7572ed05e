"""schema.org/Organization (or GovernmentOrganization, NGO, Hospital…) for a partner page."""

import html

from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator

from masis.core.site_address import absolute_url
from masis.multilingual.links import page_url

DESCRIPTION_WORDS = 60


def organization_data(partner, request, logo_url=None):
    """The partner as a schema.org dict, in the active language; ``logo_url``: the address of
    the logo's rendition to show, if any."""
    language = translation.get_language()
    url = page_url(partner, language, request, full=True)
    data = {
        "@context": "https://schema.org",
        "@type": partner.schema_type,
        "@id": f"{url}#organization",
        "name": partner.title,
        "url": partner.website or url,
        "mainEntityOfPage": url,
    }
    if partner.short_name:
        data["alternateName"] = partner.short_name
    description = plain_text(partner.description)
    if description:
        data["description"] = Truncator(description).words(DESCRIPTION_WORDS)
    address = {
        key: value
        for key, value in (("addressLocality", partner.city), ("addressCountry", partner.country))
        if value
    }
    if address:
        data["address"] = {"@type": "PostalAddress", **address}
    if logo_url:
        data["logo"] = absolute_url(logo_url)
    if partner.contact_link:
        key, value = (
            ("email", partner.contact_email)
            if partner.is_contact_email
            else ("url", partner.contact_link)
        )
        data["contactPoint"] = {"@type": "ContactPoint", key: value}
    if partner.website:
        data["sameAs"] = [partner.website]
    return data


def plain_text(stream):
    """The text of a StreamField's paragraphs, without markup."""
    texts = []
    for block in stream or []:
        if block.block_type == "paragraph":
            texts.append(html.unescape(strip_tags(block.value.source)))
    return " ".join(" ".join(texts).split())
