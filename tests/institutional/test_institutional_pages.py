"""The institutional pages: accessibility statement (RGAA 4.1), legal notice, personal data, site
map, and the footer that links them from every page."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from institutional.models import (
    AccessibilityStatementPage,
    ConformityState,
    LegalNoticePage,
    PersonalDataPage,
    SiteMapPage,
)
from masis.multilingual.languages import LANGUAGE_CODES
from masis.multilingual.links import page_url
from pages.models import StandardPage

from ..helpers import every_page_in_every_language, html, live_pages, publish, queries_for
from ..helpers import page_in as get

NBSP = "\xa0"


def text_of(element):
    return " ".join(element.get_text(" ").replace(NBSP, " ").replace("\u202f", " ").split())


@pytest.fixture
def statement(seeded):
    return AccessibilityStatementPage.objects.get()


# --- The accessibility statement ----------------------------------------------------------------

# The seed gives no plan: the City has not made one (an empty section is not shown).
STATEMENT_SECTIONS = {
    "fr": [
        "État de conformité",
        "Contenus non accessibles",
        "Établissement de cette déclaration d’accessibilité",
        "Retour d’information et contact",
        "Voies de recours",
    ],
    "en": [
        "Compliance status",
        "Non-accessible content",
        "How this statement was established",
        "Feedback and contact",
        "Recourse",
    ],
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_statement_has_the_rgaa_sections_in_order(client, statement, language):
    doc = get(client, statement, language)
    assert [text_of(h2) for h2 in doc.main.find_all("h2")] == STATEMENT_SECTIONS[language]


def test_statement_answers_at_the_rgaa_address(client, statement):
    assert page_url(statement, "fr") == "/fr/accessibilite/"
    assert page_url(statement, "en") == "/en/accessibility/"
    assert client.get("/hy/մատչելիություն/").status_code == 200


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Ce site est non conforme avec le référentiel général d’amélioration "
               "de l’accessibilité (RGAA), version 4.1."),
        ("en", "This website is non-compliant with the French general accessibility "
               "improvement framework (RGAA), version 4.1."),
    ],
)  # fmt: skip
def test_statement_declares_its_conformity_state(client, statement, language, expected):
    doc = get(client, statement, language)
    state = doc.find(class_="statement__state").get_text()  # inline elements: no separator
    assert " ".join(state.replace(NBSP, " ").split()) == expected


def test_every_conformity_state_has_a_label_in_every_language():
    labels = {}
    for language in LANGUAGE_CODES:
        with translation.override(language):
            labels[language] = [str(state.label) for state in ConformityState]
    assert labels["fr"] == ["totalement conforme", "partiellement conforme", "non conforme"]
    assert labels["en"] == ["fully compliant", "partially compliant", "non-compliant"]
    assert len(set(labels["hy"])) == 3 and labels["hy"] != labels["en"]


def test_statement_without_an_audit_says_so_rather_than_a_rate(client, statement):
    assert statement.criteria_met_percent is None
    doc = get(client, statement, "en")
    assert "No complete compliance audit has been carried out yet" in text_of(doc.main)


@pytest.mark.parametrize(
    ("language", "rate"), [("fr", "87,5 %"), ("en", "87.5%"), ("hy", "87,5 %")]
)
def test_share_of_criteria_met_is_written_the_languages_way(client, statement, language, rate):
    publish(statement, criteria_met_percent=Decimal("87.5"), audited_by_fr="Access42")
    doc = get(client, statement, language)
    section = doc.find("section", attrs={"aria-labelledby": "statement-conformity"})
    assert rate in section.get_text().replace("\u202f", " ").replace(NBSP, " ")
    auditor = section.find(string=lambda s: "Access42" in s).parent
    assert auditor.get("lang") == ("fr" if language != "fr" else None)


@pytest.mark.parametrize(
    ("language", "date"),
    [("fr", "27 novembre 2026"), ("en", "27 November 2026"), ("hy", "2026 թ. նոյեմբերի 27")],
)
def test_statement_date_is_a_machine_readable_time(client, statement, language, date):
    publish(statement, established_on=datetime.date(2026, 11, 27))
    time = get(client, statement, language).main.find("time")
    assert time["datetime"] == "2026-11-27"
    assert time.get_text() == date


def audit(statement, *pages):
    """The statement with an audit's result, over ``pages``."""
    for order, page in enumerate(pages):
        statement.audited_pages.create(page=page, sort_order=order)
    return publish(statement, criteria_met_percent=Decimal("75"))


def test_statement_lists_the_pages_tested_in_the_page_language(client, statement):
    audit(statement, *[page for page in live_pages() if page.depth <= 3][:9])
    doc = get(client, statement, "en")
    method = doc.find("section", attrs={"aria-labelledby": "statement-method"})
    links = {a["href"]: text_of(a) for a in method.find_all("a")}
    tested = [item.page for item in statement.audited_pages.all()]
    assert len(tested) >= 8
    for page in tested:
        with translation.override("en"):
            assert links[page_url(page, "en")] == page.specific.title
        assert client.get(page_url(page, "en")).status_code == 200
    assert "axe-core 4.12" in text_of(method)


def test_a_page_tested_that_is_unpublished_is_not_listed(client, statement):
    audit(statement, *[page for page in live_pages() if page.depth == 3][:3])
    tested = statement.audited_pages.first().page
    tested.unpublish()
    doc = get(client, statement, "fr")
    assert page_url(Page.objects.get(pk=tested.pk), "fr") not in {
        a["href"] for a in doc.main.find_all("a")
    }


def test_statement_feedback_links_the_contact_page_and_recourse(client, statement):
    doc = get(client, statement, "fr")
    feedback = doc.find("section", attrs={"aria-labelledby": "statement-feedback"})
    assert feedback.find("a")["href"] == "/fr/contact/"
    assert "13100 Aix-en-Provence" in text_of(feedback)
    recourse = doc.find("section", attrs={"aria-labelledby": "statement-recourse"})
    assert "https://formulaire.defenseurdesdroits.fr/" in {a["href"] for a in recourse("a")}
    assert "Libre réponse 71120" in text_of(recourse)


def test_french_fallbacks_on_the_statement_are_marked(client, statement):
    # The postal address is given in French only: English visitors see it marked lang="fr".
    doc = get(client, statement, "en")
    assert doc.find(class_="statement__address")["lang"] == "fr"
    assert get(client, statement, "fr").find(class_="statement__address").get("lang") is None


def test_staff_edit_the_statement_in_the_admin(admin_client, statement):
    response = admin_client.get(f"/admin/pages/{statement.pk}/edit/")
    assert response.status_code == 200
    doc = html(response)
    for name in ("criteria_met_percent", "established_on", "recourse_fr"):
        assert doc.find(attrs={"name": name}), name
    assert doc.find(attrs={"name": "audited_pages-TOTAL_FORMS"})["value"] == str(
        statement.audited_pages.count()
    )


# --- The footer, on every page ----------------------------------------------------------------


def footer_links(doc):
    return {a["href"]: a for a in doc.find("footer").find_all("a")}


def test_every_page_links_every_legal_page_from_its_footer(client, seeded):
    legal = [
        page
        for page in live_pages()
        if isinstance(
            page,
            AccessibilityStatementPage | SiteMapPage | LegalNoticePage | PersonalDataPage,
        )
        or page.specific_class.__name__ == "ContactPage"
        or (isinstance(page, StandardPage) and page.show_in_footer)
    ]
    assert {page.slug_fr for page in legal} >= {
        "mentions-legales",
        "donnees-personnelles",
        "accessibilite",
        "plan-du-site",
        "contact",
    }
    for _page, language, url in every_page_in_every_language():
        links = footer_links(html(client.get(url)))
        for page in legal:
            assert page_url(page, language) in links, (url, page)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Accessibilité : non conforme"),
        ("en", "Accessibility: non-compliant"),
    ],
)
def test_home_page_declares_the_conformity_state_linked_to_the_statement(
    client, statement, language, text
):
    links = footer_links(get(client, statement.get_parent(), language))
    assert text_of(links[page_url(statement, language)]) == text


def test_the_footer_follows_the_state_the_statement_declares(client, statement):
    publish(statement, criteria_met_percent=Decimal("100"))
    links = footer_links(get(client, statement.get_parent(), "fr"))
    assert text_of(links["/fr/accessibilite/"]) == "Accessibilité : totalement conforme"


def test_an_unpublished_statement_leaves_the_footer(client, statement):
    statement.unpublish()
    assert "/fr/accessibilite/" not in footer_links(get(client, statement.get_parent(), "fr"))


def test_footer_and_site_map_queries_do_not_grow_with_the_site(
    client, seeded, django_assert_num_queries
):
    urls = ["/fr/accessibilite/", "/fr/plan-du-site/", "/en/legal-notice/"]
    for url in urls:
        client.get(url)  # warm per-process caches (content types, site root paths)
    before = {url: queries_for(client, url) for url in urls}
    section = StandardPage(title_fr="Rubrique", slug_fr="rubrique", show_in_footer=True)
    seeded.add_child(instance=section)
    for number in range(15):
        section.add_child(instance=StandardPage(title_fr=f"Page {number}", slug_fr=f"p-{number}"))
    for url in urls:
        with django_assert_num_queries(before[url]):
            client.get(url)
    print("queries per page:", before)


# --- Legal notice and personal data ---------------------------------------------------------

# The seed knows the publisher, not yet the director of publication or the host: the legal
# notice leaves them out (tests/institutional/test_legal_pages.py fills them in).
LEGAL_HEADINGS = {
    "mentions-legales": {
        "fr": ["Éditeur", "Contenus et crédits"],
        "en": ["Publisher", "Content and credits"],
        "hy": ["Հրատարակիչ", "Բովանդակություն և հեղինակներ"],
    },
    "donnees-personnelles": {
        "fr": [
            "Responsable du traitement",
            "Délégué à la protection des données",
            "Vos droits",
            "Cookies",
            "Messages envoyés par le formulaire de contact",
        ],
        "en": [
            "Data controller",
            "Data protection officer",
            "Your rights",
            "Cookies",
            "Messages sent through the contact form",
        ],
        "hy": [
            "Տվյալների մշակման պատասխանատու",
            "Տվյալների պաշտպանության պատասխանատու",
            "Ձեր իրավունքները",
            "Թխուկներ",
            "Կապի ձևաթղթով ուղարկված հաղորդագրություններ",
        ],
    },
}


@pytest.mark.parametrize("slug", LEGAL_HEADINGS)
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_legal_pages_cover_what_the_law_asks_in_every_language(client, seeded, slug, language):
    page = Page.objects.get(slug_fr=slug).specific
    doc = get(client, page, language)
    assert [text_of(h2) for h2 in doc.main.find_all("h2")] == LEGAL_HEADINGS[slug][language]
    assert all(prose.get("lang") is None for prose in doc.main.find_all(class_="prose"))


def test_french_address_in_english_and_armenian_legal_text_is_marked(client, seeded):
    page = LegalNoticePage.objects.get()
    for language in ("en", "hy"):
        address = get(client, page, language).main.find(
            string=lambda s: "13100 Aix-en-Provence" in s
        )
        assert address.parent.name == "span" and address.parent["lang"] == "fr"


# --- The site map ---------------------------------------------------------------------------


def site_map_links(doc):
    nav = doc.find("nav", class_="site-map")
    return {a["href"]: a for a in nav.find_all("a")}


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_site_map_lists_every_public_page_in_the_page_language(client, seeded, language):
    site_map = SiteMapPage.objects.get()
    links = site_map_links(get(client, site_map, language))
    expected = {page_url(page, language) for page in live_pages()}
    assert set(links) == expected
    with translation.override(language):
        for page in live_pages():
            assert text_of(links[page_url(page, language)]) == page.title


def test_site_map_nests_pages_as_the_tree_does(client, seeded):
    site_map = SiteMapPage.objects.get()
    links = site_map_links(get(client, site_map, "fr"))
    for page in live_pages():
        parent_item = links[page_url(page, "fr")].find_parent("li").find_parent("li")
        if page.pk == seeded.pk:
            assert parent_item is None
        else:
            parent_link = parent_item.find("a", recursive=False)
            assert parent_link["href"] == page_url(page.get_parent(), "fr")
    assert links["/fr/plan-du-site/"]["aria-current"] == "page"


def test_site_map_leaves_out_drafts_and_private_sections(client, seeded):
    private = StandardPage(title_fr="Espace réservé", slug_fr="reserve")
    seeded.add_child(instance=private)
    private.add_child(instance=StandardPage(title_fr="Sous-page", slug_fr="sous-page"))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    draft = StandardPage(title_fr="Brouillon", slug_fr="brouillon", live=False)
    seeded.add_child(instance=draft)
    links = site_map_links(get(client, SiteMapPage.objects.get(), "fr"))
    assert not {"/fr/reserve/", "/fr/reserve/sous-page/", "/fr/brouillon/"} & set(links)


def test_site_map_marks_french_fallback_titles(client, seeded):
    page = StandardPage.objects.get(slug_fr="aix-et-l-armenie")
    publish(page, title_hy="")
    links = site_map_links(get(client, SiteMapPage.objects.get(), "hy"))
    link = links[page_url(page, "hy")]
    assert link["lang"] == "fr" and text_of(link) == page.title_fr


# --- The seed -------------------------------------------------------------------------------


def test_seed_creates_the_institutional_pages_once(seeded):
    from django.core.management import call_command

    count = Page.objects.count()
    call_command("load_masis_content", verbosity=0)
    assert Page.objects.count() == count
    statement = AccessibilityStatementPage.objects.get()
    # The City establishes the statement and orders the audit: the seed invents neither.
    assert statement.established_on is None and statement.criteria_met_percent is None
    assert statement.conformity_state == ConformityState.NONE
    assert statement.get_parent().pk == seeded.pk


def test_seeded_lists_have_a_stable_order(statement):
    from institutional.models import ContactPage

    assert not statement.audited_pages.exists()  # no audit yet
    fields = ContactPage.objects.get().form_fields.all()
    assert [field.label_fr for field in fields] == [
        "Nom",
        "Adresse e-mail",
        "Votre demande",
        "Message",
    ]
    assert [field.sort_order for field in fields] == [0, 1, 2, 3]
