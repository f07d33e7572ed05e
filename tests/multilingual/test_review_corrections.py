"""Armenian and English as the trilingual review of issue #20 lists them, in the seed data and the
catalogues: what a visitor reads on the seeded site."""

import pytest

from masis.multilingual.links import page_url
from pages.models import SeedRecord

from ..helpers import html


def page_text(client, key, language):
    record = SeedRecord.objects.get(key=key)
    page = record.content_type.get_object_for_this_type(pk=record.object_id)
    response = client.get(page_url(page, language))
    assert response.status_code == 200
    return " ".join(html(response).get_text(" ").replace("\xa0", " ").split())


# (seed key, language, wrong text, right text)
CORRECTIONS = [
    ("aix-and-armenia", "hy", "Էքսը և Մասիսը ունեն", "Էքսը և Մասիսն ունեն"),  # A1
    ("town-profile", "hy", "Էքսը և Մասիսը ունեն", "Էքսը և Մասիսն ունեն"),  # A2
    ("event-armenia-fortnight", "hy", "քաղաքը ընդունեց", "քաղաքն ընդունեց"),  # A4
    ("event-armenia-fortnight", "hy", "քաղաքը Էքս-ան-Պրովանսում", "քաղաքն Էքս-ան-Պրովանսում"),
    ("event-call-for-projects", "hy", "ծառայությունները ինտեգրել", "ծառայություններն ինտեգրել"),
    ("event-call-for-projects", "hy", "ասոցիացիայի", "կազմակերպության"),  # A41
    ("event-youth-centre", "hy", "կենտրոն այցի", "կենտրոն կատարված այցի"),  # A37
    ("event-undp-mission", "hy", "շուրջ  համագործակցելու", "շուրջ համագործակցելու"),  # A36
    ("event-undp-mission", "hy", "Հումանիտար", "Մարդասիրական օգնություն"),  # A33
    ("event-undp-mission", "fr", "autres lieux", "Arménie"),  # C3
    ("contact", "hy", "հաղորդագրությունը օգտագործվում", "հաղորդագրությունն օգտագործվում"),  # A7
    ("contact", "hy", "փոխանակման կամ նախագծի", "փոխանակմանը կամ նախագծին"),  # A32
    (
        "event-call-for-projects",
        "hy",
        "միջոցառումը ձեր օրացույցում",
        "իրադարձությունը ձեր օրացույցին",
    ),
    ("event-call-for-projects", "en", "Aix-en-Provence wins the", "Aix-en-Provence won the"),  # E8
    ("home", "en", "the Community of Masis", "the Masis Community"),  # E1
    ("home", "hy", "Մասիսը Էքսի քաղաքապետարանի", "Մասիսն Էքսի քաղաքապետարանի"),  # A9
    ("accessibility-statement", "en", "Conformity state", "Compliance status"),  # E2
    ("accessibility-statement", "fr", "Communauté de Masis)", "Communauté de communes de Masis)"),
]


@pytest.mark.parametrize(("key", "language", "wrong", "right"), CORRECTIONS)
def test_the_site_reads_as_the_review_corrected_it(client, seeded, key, language, wrong, right):
    text = page_text(client, key, language)
    assert wrong not in text
    assert right in text


def test_the_home_page_links_the_citys_website_by_its_name(client, seeded):
    footer = html(client.get("/en/")).find("footer")
    assert "City of Aix-en-Provence website" in footer.get_text()


def test_english_source_strings_use_curly_apostrophes(client, seeded):
    footer = html(client.get("/en/")).find("footer").get_text()
    assert "City’s website" in footer and "City's" not in footer
    summary = html(client.get("/en/search/?q=Masis")).find(id="search-summary").get_text()
    assert "“Masis”" in summary
