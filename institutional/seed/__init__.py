"""The institutional pages, in French, English and Armenian: legal notice, personal data, contact,
accessibility statement (RGAA 4.1) and site map, all under the home page and in the footer.

The content is in the TOML files beside this module. The City's street address is public; the
legal notice's host and director of publication, the audit's results, the statement's date and
plans are the City's to give: the seed leaves them empty, and the pages leave them out.

A site seeded before the legal notice and the personal data page were page types of their own
had them as standard pages: the loader replaces them where staff never touched them
(``Loader.replace``), keeping their ids so that links to them still lead to them.
"""

from masis.core.seeding import localized, read_data

from ..models import (
    AccessibilityStatementPage,
    ContactFormField,
    ContactPage,
    LegalNoticePage,
    LegalNoticeSettings,
    PersonalDataPage,
    SiteMapPage,
)


def data(section):
    """The seed file ``<section>.toml`` of this package, parsed."""
    return read_data(__name__, section)


def load(loader):
    home = loader.existing("home")
    if home is None:
        return
    legal_notice = data("legal_notice")
    page = legal_notice["page"]
    loader.replace(page.pop("key"), home, LegalNoticePage, **page)
    _fill_legal_notice_settings(legal_notice["settings"])
    page = data("personal_data")["page"]
    loader.replace(page.pop("key"), home, PersonalDataPage, **page)
    page = data("contact")["page"]
    form_fields = [
        ContactFormField(sort_order=order, **localized(**field))
        for order, field in enumerate(page.pop("form_fields"))
    ]
    contact = loader.page(page.pop("key"), home, ContactPage, form_fields=form_fields, **page)
    page = data("accessibility")["page"]
    loader.page(page.pop("key"), home, AccessibilityStatementPage, feedback_page=contact, **page)
    page = data("site_map")["page"]
    loader.page(page.pop("key"), home, SiteMapPage, **page)


def _fill_legal_notice_settings(values):
    """What the seed knows of the legal notice, unless staff filled in any of it."""
    details = LegalNoticeSettings.load()
    if any(getattr(details, name) for name in LegalNoticeSettings.REQUIRED_FIELDS):
        return
    for name, value in localized(**values).items():
        setattr(details, name, value.strip())
    details.save()
