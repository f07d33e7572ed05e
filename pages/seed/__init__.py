"""The site's frame from the seed text: home page, the Aix–Armenia page and the town profile.

The content is in the TOML files beside this module; section content (events, partners, the
institutional pages) is seeded by each section's own app.
"""

from wagtail.models import Page, Site

from masis.core.seeding import localized, read_data
from masis.core.site_address import site_hostname_and_port

from ..models import (
    EconomicSector,
    ExternalLinks,
    HomePage,
    KeyFigure,
    StandardPage,
    TownProfilePage,
)


def data(section):
    """The seed file ``<section>.toml`` of this package, parsed."""
    return read_data(__name__, section)


def load(loader):
    root = Page.get_first_root_node()
    home_data = data("home")
    page = home_data["page"]
    home = loader.page(page.pop("key"), root, HomePage, **page)
    _make_home_the_site_root(home)
    page = data("aix_and_armenia")["page"]
    loader.page(page.pop("key"), home, StandardPage, **page)
    page = data("town_profile")["page"]
    loader.page(page.pop("key"), home, TownProfilePage, **_town_profile_fields(page))
    _fill_external_links(home_data["external_links"])
    return home


def _town_profile_fields(page):
    """The town profile's fields, its inline rows as fresh, unsaved modelcluster children."""
    # sort_order as the admin's formsets set it: NULLs would sort first or last by database.
    return {
        **page,
        "key_figures": [
            KeyFigure(sort_order=i, **localized(**row)) for i, row in enumerate(page["key_figures"])
        ],
        "economic_sectors": [
            EconomicSector(sort_order=i, **localized(**row))
            for i, row in enumerate(page["economic_sectors"])
        ],
    }


def _fill_external_links(urls):
    """The footer's links to the two towns' websites, unless staff set any of them."""
    links = ExternalLinks.load()
    if not (links.city_url or links.city_masis_url or links.masis_url):
        for name, url in urls.items():
            setattr(links, name, url)
        links.save()


def _make_home_the_site_root(home):
    """Point the default site at our home page and drop Wagtail's untouched welcome page."""
    if home is None:
        return
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_hostname_and_port()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
        return
    if site.root_page_id != home.pk:
        previous = site.root_page
        site.root_page = home
        site.site_name = "Aix-en-Provence – Masis"
        site.save()
        if type(previous.specific) is Page and previous.depth == 2 and previous.is_leaf():
            previous.delete()
