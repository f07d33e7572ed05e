"""The institutional pages, in French, English and Armenian: contact, accessibility statement
(RGAA 4.1) and site map, all under the home page and in the footer.

The content is in the TOML files beside this module, with that of the legal notice and the
personal data page: standard pages, which pages.seed.load_legal_pages creates just before.
The City's street address is public; the host's details and the audit's results are not known
yet, and the pages say so rather than invent them.
"""

from masis.core.seeding import localized, read_data

from ..models import (
    AccessibilityStatementPage,
    AuditedPage,
    ContactFormField,
    ContactPage,
    SiteMapPage,
)


def data(section):
    """The seed file ``<section>.toml`` of this package, parsed."""
    return read_data(__name__, section)


def load(loader):
    home = loader.existing("home")
    if home is None:
        return
    page = data("contact")["page"]
    form_fields = [
        ContactFormField(sort_order=order, **localized(**field))
        for order, field in enumerate(page.pop("form_fields"))
    ]
    contact = loader.page(page.pop("key"), home, ContactPage, form_fields=form_fields, **page)
    page = data("accessibility")["page"]
    statement_key, audited_page_keys = page.pop("key"), page.pop("audited_pages")
    statement = loader.page(
        statement_key, home, AccessibilityStatementPage, feedback_page=contact, **page
    )
    page = data("site_map")["page"]
    loader.page(page.pop("key"), home, SiteMapPage, **page)
    if statement_key in loader.created:
        _list_audited_pages(loader, statement, audited_page_keys)


def _list_audited_pages(loader, statement, keys):
    """The sample of pages the statement's tests cover, once the pages exist."""
    pages = [page for page in map(loader.existing, keys) if page is not None]
    statement.audited_pages = [
        AuditedPage(page=page, sort_order=order) for order, page in enumerate(pages)
    ]
    statement.save_revision().publish()
