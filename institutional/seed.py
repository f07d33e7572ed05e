"""The institutional pages, in French, English and Armenian: legal notice, personal data, contact,
accessibility statement (RGAA 4.1) and site map, all under the home page and in the footer.

The City's street address is public; the host's details and the audit's results are not known
yet, and the pages say so rather than invent them.
"""

import datetime

from masis.core.seeding import localized, stream
from pages.models import StandardPage

from .models import (
    AccessibilityStatementPage,
    AuditedPage,
    ConformityState,
    ContactFormField,
    ContactPage,
    SiteMapPage,
)

CITY_ADDRESS = "Hôtel de Ville, place de l’Hôtel de Ville, 13100 Aix-en-Provence, France"
CITY_ADDRESS_FR = f'<span lang="fr">{CITY_ADDRESS}</span>'


def h2(text):
    return ("heading", {"text": text, "level": "h2"})


def p(*texts):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in texts))


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def page_link(page, text):
    return f'<a linktype="page" id="{page.pk}">{text}</a>' if page else text


LEGAL_NOTICE = {
    "title": {
        "fr": "Mentions légales",
        "en": "Legal notice",
        "hy": "Իրավական տեղեկություններ",
    },
    "slug": {"fr": "mentions-legales", "en": "legal-notice", "hy": "իրավական-տեղեկություններ"},
    "introduction": {
        "fr": "Qui publie ce site, qui l’héberge et d’où viennent ses contenus.",
        "en": "Who publishes this website, who hosts it and where its content comes from.",
        "hy": "Ով է հրապարակում այս կայքը, ով է այն հյուրընկալում և որտեղից է դրա "
        "բովանդակությունը։",
    },
    "body": {
        "fr": stream(
            h2("Éditeur"),
            p(f"Ville d’Aix-en-Provence, {CITY_ADDRESS}."),
            h2("Directeur de la publication"),
            p("Le maire d’Aix-en-Provence."),
            h2("Hébergement"),
            p(
                "Le nom, l’adresse et le téléphone de l’hébergeur du site seront indiqués ici "
                "par la Ville d’Aix-en-Provence avant la mise en ligne."
            ),
            h2("Contenus et crédits"),
            p(
                "Les textes reprennent la "
                '<a href="https://www.aixenprovence.fr/Masis-ARMENIE">page consacrée à Masis '
                "du site de la Ville d’Aix-en-Provence</a>.",
                "Caractères : Noto Sans et Noto Sans Armenian, sous licence SIL Open Font "
                "License. Site réalisé avec les logiciels libres Django et Wagtail.",
            ),
        ),
        "en": stream(
            h2("Publisher"),
            p(f"City of Aix-en-Provence, {CITY_ADDRESS_FR}."),
            h2("Publication director"),
            p("The Mayor of Aix-en-Provence."),
            h2("Hosting"),
            p(
                "The name, address and telephone number of the website’s host will be given "
                "here by the City of Aix-en-Provence before the website goes live."
            ),
            h2("Content and credits"),
            p(
                "The texts are based on the "
                '<a href="https://www.aixenprovence.fr/Masis-ARMENIE" hreflang="fr">page about '
                "Masis on the City of Aix-en-Provence’s website</a> (in French).",
                "Typefaces: Noto Sans and Noto Sans Armenian, under the SIL Open Font License. "
                "Website built with the free software Django and Wagtail.",
            ),
        ),
        "hy": stream(
            h2("Հրատարակիչ"),
            p(f"Էքս-ան-Պրովանս քաղաքապետարան։ Հասցե՝ {CITY_ADDRESS_FR}։"),
            h2("Հրապարակման պատասխանատու"),
            p("Էքս-ան-Պրովանսի քաղաքապետը։"),
            h2("Հոսթինգ"),
            p(
                "Կայքը հյուրընկալող ընկերության անվանումը, հասցեն և հեռախոսահամարը այստեղ "
                "կնշի Էքս-ան-Պրովանս քաղաքապետարանը՝ նախքան կայքի գործարկումը։"
            ),
            h2("Բովանդակություն և հեղինակներ"),
            p(
                "Տեքստերը հիմնված են Էքս-ան-Պրովանս քաղաքապետարանի կայքի "
                '<a href="https://www.aixenprovence.fr/Masis-ARMENIE" hreflang="fr">Մասիսին '
                "նվիրված էջի</a> վրա (ֆրանսերեն)։",
                'Տառատեսակներ՝ <span lang="en">Noto Sans</span> և <span lang="en">Noto Sans '
                'Armenian</span>, <span lang="en">SIL Open Font License</span> արտոնագրով։ '
                'Կայքը ստեղծված է <span lang="en">Django</span> և <span lang="en">Wagtail</span> '
                "ազատ ծրագրերով։",
            ),
        ),
    },
}

PERSONAL_DATA_TITLE = {
    "fr": "Données personnelles",
    "en": "Personal data",
    "hy": "Անձնական տվյալներ",
}

PERSONAL_DATA = {
    "title": PERSONAL_DATA_TITLE,
    "slug": {"fr": "donnees-personnelles", "en": "personal-data", "hy": "անձնական-տվյալներ"},
    "introduction": {
        "fr": "Ce que le site fait de vos données, et comment exercer vos droits.",
        "en": "What this website does with your data, and how to exercise your rights.",
        "hy": "Ինչ է անում կայքը ձեր տվյալների հետ, և ինչպես իրականացնել ձեր իրավունքները։",
    },
    "body": {
        "fr": stream(
            h2("Responsable du traitement"),
            p(f"La Ville d’Aix-en-Provence, représentée par son maire, {CITY_ADDRESS}."),
            h2("Délégué à la protection des données"),
            p(
                "Le délégué à la protection des données de la Ville d’Aix-en-Provence peut être "
                "joint par courrier à l’adresse de l’Hôtel de Ville, ou par le formulaire de la "
                "page « Contact et participation » de ce site."
            ),
            h2("Données collectées"),
            p(
                "Le site ne dépose aucun cookie de mesure d’audience ni de publicité et ne "
                "charge aucun contenu depuis un autre site. Seul un cookie technique de "
                "sécurité est déposé lorsque le formulaire de contact est affiché : il protège "
                "l’envoi du formulaire.",
                "Lorsque vous écrivez par le formulaire de contact, votre nom, votre adresse "
                "e-mail et votre message sont enregistrés et transmis aux services de la Ville "
                "chargés du jumelage, dans le seul but de vous répondre. Ils ne sont ni cédés ni "
                "utilisés à d’autres fins, et ne sont conservés que le temps de traiter votre "
                "demande.",
            ),
            h2("Vos droits"),
            p(
                "Conformément au règlement général sur la protection des données (RGPD) et à la "
                "loi Informatique et libertés, vous pouvez accéder à vos données, les faire "
                "rectifier ou effacer, en faire limiter le traitement ou vous y opposer. Pour "
                "exercer ces droits, écrivez au délégué à la protection des données (voir "
                "ci-dessus).",
                "Si, après nous avoir contactés, vous estimez que vos droits ne sont pas "
                "respectés, vous pouvez adresser une réclamation à la "
                '<a href="https://www.cnil.fr/">Commission nationale de l’informatique et des '
                "libertés (CNIL)</a>.",
            ),
        ),
        "en": stream(
            h2("Data controller"),
            p(f"The City of Aix-en-Provence, represented by its Mayor, {CITY_ADDRESS_FR}."),
            h2("Data protection officer"),
            p(
                "The City of Aix-en-Provence’s data protection officer can be reached by post "
                "at the town hall’s address, or through the form on this website’s “Contact "
                "and get involved” page."
            ),
            h2("Data collected"),
            p(
                "This website sets no audience-measurement or advertising cookie and loads no "
                "content from another website. Only a technical security cookie is set when "
                "the contact form is displayed: it protects the sending of the form.",
                "When you write to us through the contact form, your name, e-mail address and "
                "message are stored and passed on to the City departments in charge of the "
                "twinning, for the sole purpose of replying to you. They are neither passed on "
                "to anyone else nor used for any other purpose, and are kept only for as long "
                "as it takes to deal with your request.",
            ),
            h2("Your rights"),
            p(
                "Under the General Data Protection Regulation (GDPR) and the French Data "
                "Protection Act, you may access your data, have it corrected or erased, have "
                "its processing restricted or object to it. To exercise these rights, write to "
                "the data protection officer (see above).",
                "If, after contacting us, you consider that your rights are not being "
                "respected, you may lodge a complaint with the "
                '<a href="https://www.cnil.fr/" hreflang="fr">French data protection authority '
                '(<span lang="fr">CNIL</span>)</a>.',
            ),
        ),
        "hy": stream(
            h2("Տվյալների մշակման պատասխանատու"),
            p(f"Էքս-ան-Պրովանս քաղաքապետարանը՝ ի դեմս քաղաքապետի։ Հասցե՝ {CITY_ADDRESS_FR}։"),
            h2("Տվյալների պաշտպանության պատասխանատու"),
            p(
                "Էքս-ան-Պրովանս քաղաքապետարանի տվյալների պաշտպանության պատասխանատուի հետ "
                "կարելի է կապվել նամակով՝ քաղաքապետարանի հասցեով, կամ այս կայքի «Կապ և "
                "մասնակցություն» էջի ձևաթղթի միջոցով։"
            ),
            h2("Հավաքվող տվյալներ"),
            p(
                "Կայքը չի տեղադրում այցելությունների չափման կամ գովազդային թխուկներ և չի "
                "բեռնում որևէ բովանդակություն այլ կայքերից։ Միայն կապի ձևաթուղթը "
                "ցուցադրելիս տեղադրվում է անվտանգության տեխնիկական թխուկ, որը պաշտպանում է "
                "ձևաթղթի ուղարկումը։",
                "Երբ գրում եք կապի ձևաթղթով, ձեր անունը, էլ. փոստի հասցեն և հաղորդագրությունը "
                "պահպանվում և փոխանցվում են քույր քաղաքների համագործակցությամբ զբաղվող "
                "քաղաքապետարանի ծառայություններին՝ միայն ձեզ պատասխանելու նպատակով։ Դրանք չեն "
                "փոխանցվում այլ անձանց, չեն օգտագործվում այլ նպատակներով և պահպանվում են միայն "
                "այնքան, որքան անհրաժեշտ է ձեր հարցումը քննարկելու համար։",
            ),
            h2("Ձեր իրավունքները"),
            p(
                "Տվյալների պաշտպանության ընդհանուր կանոնակարգի և Ֆրանսիայի տվյալների "
                "պաշտպանության մասին օրենքի համաձայն՝ դուք կարող եք ծանոթանալ ձեր տվյալներին, "
                "պահանջել դրանց ուղղումը կամ ջնջումը, դրանց մշակման սահմանափակումը կամ "
                "առարկել դրա դեմ։ Այդ իրավունքներն իրականացնելու համար գրեք տվյալների "
                "պաշտպանության պատասխանատուին (տե՛ս վերևում)։",
                "Եթե մեզ դիմելուց հետո գտնում եք, որ ձեր իրավունքները չեն հարգվում, կարող եք "
                "բողոք ներկայացնել "
                '<a href="https://www.cnil.fr/" hreflang="fr">Ֆրանսիայի տվյալների '
                'պաշտպանության մարմնին (<span lang="fr">CNIL</span>)</a>։',
            ),
        ),
    },
}

CONTACT = {
    "title": {
        "fr": "Contact et participation",
        "en": "Contact and get involved",
        "hy": "Կապ և մասնակցություն",
    },
    "slug": {"fr": "contact", "en": "contact", "hy": "կապ"},
    "introduction": {
        "fr": "Une question sur le jumelage, l’envie de participer à un échange ou de proposer "
        "un projet avec Masis ? Écrivez-nous : le service chargé du jumelage vous répondra.",
        "en": "A question about the twinning? Would you like to take part in an exchange or "
        "propose a project with Masis? Write to us: the team in charge of the twinning will "
        "reply.",
        "hy": "Հարց ունե՞ք քույր քաղաքների կապերի մասին, ցանկանո՞ւմ եք մասնակցել "
        "փոխանակման կամ Մասիսի հետ նախագիծ առաջարկել։ Գրեք մեզ. քույր քաղաքների "
        "համագործակցության համար պատասխանատու ծառայությունը կպատասխանի ձեզ։",
    },
    "thank_you_text": {
        "fr": "<p>Merci pour votre message. Le service chargé du jumelage vous répondra dès que "
        "possible, à l’adresse e-mail que vous avez indiquée.</p>",
        "en": "<p>Thank you for your message. The team in charge of the twinning will reply as "
        "soon as possible, at the e-mail address you gave.</p>",
        "hy": "<p>Շնորհակալություն ձեր հաղորդագրության համար։ Քույր քաղաքների "
        "համագործակցության համար պատասխանատու ծառայությունը հնարավորինս շուտ կպատասխանի "
        "ձեր նշած էլ. փոստի հասցեով։</p>",
    },
}

CONTACT_FIELDS = [
    {
        "label": {"fr": "Nom", "en": "Name", "hy": "Անուն, ազգանուն"},
        "field_type": "singleline",
        "autocomplete": "name",
    },
    {
        "label": {"fr": "Adresse e-mail", "en": "E-mail address", "hy": "Էլ. փոստի հասցե"},
        "help_text": {
            "fr": "Pour que nous puissions vous répondre.",
            "en": "So that we can reply to you.",
            "hy": "Որպեսզի կարողանանք պատասխանել ձեզ։",
        },
        "field_type": "email",
        "autocomplete": "email",
    },
    {
        "label": {"fr": "Votre demande", "en": "Your request", "hy": "Ձեր հարցումը"},
        "field_type": "dropdown",
        "choices": {
            "fr": "Une question sur le jumelage\nParticiper à un échange ou à un projet\n"
            "Proposer un partenariat\nAutre",
            "en": "A question about the twinning\nTaking part in an exchange or a project\n"
            "Proposing a partnership\nSomething else",
            "hy": "Հարց քույր քաղաքների կապերի մասին\nՄասնակցություն փոխանակման կամ նախագծի\n"
            "Գործընկերության առաջարկ\nԱյլ",
        },
    },
    {
        "label": {"fr": "Message", "en": "Message", "hy": "Հաղորդագրություն"},
        "field_type": "multiline",
    },
]


def privacy_notice(personal_data):
    link = {code: page_link(personal_data, title) for code, title in PERSONAL_DATA_TITLE.items()}
    return {
        "fr": "<p>Votre nom, votre adresse e-mail et votre message servent uniquement à vous "
        f"répondre. Voir la page {link['fr']}.</p>",
        "en": "<p>Your name, e-mail address and message are used only to reply to you. See the "
        f"{link['en']} page.</p>",
        "hy": "<p>Ձեր անունը, էլ. փոստի հասցեն և հաղորդագրությունը օգտագործվում են միայն ձեզ "
        f"պատասխանելու համար։ Տե՛ս {link['hy']} էջը։</p>",
    }


STATEMENT = {
    "title": {
        "fr": "Déclaration d’accessibilité",
        "en": "Accessibility statement",
        "hy": "Մատչելիության հայտարարություն",
    },
    "slug": {"fr": "accessibilite", "en": "accessibility", "hy": "մատչելիություն"},
    "introduction": {
        "fr": "La Ville d’Aix-en-Provence s’engage à rendre ses sites internet accessibles "
        "conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette "
        "déclaration d’accessibilité s’applique au site du jumelage Aix-en-Provence – Masis.",
        "en": "The City of Aix-en-Provence is committed to making its websites accessible, in "
        "accordance with article 47 of French law no. 2005-102 of 11 February 2005. This "
        "accessibility statement applies to the Aix-en-Provence – Masis twinning website.",
        "hy": "Էքս-ան-Պրովանս քաղաքապետարանը պարտավորվում է իր կայքերը մատչելի դարձնել՝ "
        "համաձայն Ֆրանսիայի 2005 թ. փետրվարի 11-ի թիվ 2005-102 օրենքի 47-րդ հոդվածի։ Այս "
        "մատչելիության հայտարարությունը վերաբերում է Էքս-ան-Պրովանս – Մասիս քույր "
        "քաղաքների կայքին։",
    },
    "conformity_state": ConformityState.PARTIAL,
    "established_on": datetime.date(2026, 11, 27),
    "non_compliant_content": {
        "fr": ul(
            "Le site n’a pas encore fait l’objet d’un audit complet des 106 critères du RGAA "
            "4.1 : les vérifications faites jusqu’ici sont automatisées (voir ci-dessous) et ne "
            "couvrent pas tous les critères.",
            "Les pages n’ont pas encore été testées avec des lecteurs d’écran (NVDA, JAWS, "
            "VoiceOver, TalkBack).",
            "Les documents téléchargeables (PDF) ne sont pas vérifiés systématiquement.",
        ),
        "en": ul(
            "The website has not yet had a complete audit of the 106 criteria of RGAA 4.1: "
            "the checks made so far are automated (see below) and do not cover every "
            "criterion.",
            "The pages have not yet been tested with screen readers (NVDA, JAWS, VoiceOver, "
            "TalkBack).",
            "Downloadable documents (PDF) are not checked systematically.",
        ),
        "hy": ul(
            "Կայքը դեռ չի անցել RGAA 4.1-ի 106 չափանիշների ամբողջական աուդիտ. մինչ այժմ "
            "կատարված ստուգումներն ավտոմատացված են (տե՛ս ստորև) և չեն ընդգրկում բոլոր "
            "չափանիշները։",
            "Էջերը դեռ չեն փորձարկվել էկրանի ընթերցիչներով (NVDA, JAWS, VoiceOver, TalkBack)։",
            "Ներբեռնվող փաստաթղթերը (PDF) համակարգված կերպով չեն ստուգվում։",
        ),
    },
    "out_of_scope_content": {
        "fr": "<p>Les contenus des sites vers lesquels ce site renvoie (site de la Ville "
        "d’Aix-en-Provence, site de la Communauté de Masis), qu’il n’édite pas.</p>",
        "en": "<p>The content of the websites this website links to (the City of "
        "Aix-en-Provence’s website, the Masis Community’s website), which it does not "
        "publish.</p>",
        "hy": "<p>Այն կայքերի բովանդակությունը, որոնց հղում է անում այս կայքը "
        "(Էքս-ան-Պրովանս քաղաքապետարանի կայք, Մասիս համայնքի կայք), և որոնք այն չի "
        "հրատարակում։</p>",
    },
    "technologies": "HTML5\nCSS\nSVG\nWAI-ARIA",
    "test_environment": {
        "fr": "Chromium 156 sous Debian 12, en français, en anglais et en arménien\n"
        "Largeurs d’affichage de 320, 375, 640 et 1 280 pixels",
        "en": "Chromium 156 on Debian 12, in French, English and Armenian\n"
        "Display widths of 320, 375, 640 and 1,280 pixels",
        "hy": "Chromium 156, Debian 12, ֆրանսերեն, անգլերեն և հայերեն\n"
        "Էկրանի լայնությունը՝ 320, 375, 640 և 1 280 պիքսել",
    },
    "test_tools": {
        "fr": "axe-core 4.12 (règles WCAG 2.0 et 2.1 de niveaux A et AA), sur chaque page dans "
        "les trois langues\n"
        "Tests automatisés de navigation au clavier, d’affichage à 320 pixels de large et de "
        "zoom à 200 % (Playwright)",
        "en": "axe-core 4.12 (WCAG 2.0 and 2.1 level A and AA rules), on every page in the "
        "three languages\n"
        "Automated tests of keyboard navigation, display at 320 pixels wide and 200% zoom "
        "(Playwright)",
        "hy": "axe-core 4.12 (WCAG 2.0 և 2.1, A և AA մակարդակների կանոններ)՝ յուրաքանչյուր "
        "էջում, երեք լեզուներով\n"
        "Ստեղնաշարով նավարկման, 320 պիքսել լայնությամբ ցուցադրման և 200 % մեծացման "
        "ավտոմատացված թեստեր (Playwright)",
    },
    "feedback_postal_address": {
        "fr": "Ville d’Aix-en-Provence – accessibilité du site du jumelage avec Masis\n"
        "Hôtel de Ville, place de l’Hôtel de Ville\n13100 Aix-en-Provence",
    },
    "recourse": {
        "fr": "<p>Cette procédure est à utiliser dans le cas suivant : vous avez signalé au "
        "responsable du site un défaut d’accessibilité qui vous empêche d’accéder à un contenu "
        "ou à un des services du site, et vous n’avez pas obtenu de réponse satisfaisante.</p>"
        + ul(
            '<a href="https://formulaire.defenseurdesdroits.fr/">Écrire un message au Défenseur '
            "des droits</a>",
            '<a href="https://www.defenseurdesdroits.fr/">Contacter le délégué du Défenseur des '
            "droits dans votre région</a>",
            "Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur "
            "des droits, Libre réponse 71120, 75342 Paris CEDEX 07",
        ),
        "en": "<p>Use this procedure if you have reported to the person responsible for the "
        "website an accessibility problem that prevents you from accessing a piece of content "
        "or a service of the website, and you have not received a satisfactory answer.</p>"
        + ul(
            '<a href="https://formulaire.defenseurdesdroits.fr/" hreflang="fr">Write to the '
            '<span lang="fr">Défenseur des droits</span> (the French rights ombudsman)</a>',
            '<a href="https://www.defenseurdesdroits.fr/" hreflang="fr">Contact the '
            '<span lang="fr">Défenseur des droits</span>’s delegate in your region</a>',
            "Send a letter by post (free of charge, no stamp needed): "
            '<span lang="fr">Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX '
            "07</span>, France",
        ),
        "hy": "<p>Այս ընթացակարգն օգտագործեք, եթե կայքի պատասխանատուին հայտնել եք "
        "մատչելիության խնդրի մասին, որը խանգարում է ձեզ օգտվել կայքի բովանդակությունից կամ "
        "ծառայություններից, և գոհացուցիչ պատասխան չեք ստացել։</p>"
        + ul(
            '<a href="https://formulaire.defenseurdesdroits.fr/" hreflang="fr">Գրել Ֆրանսիայի '
            'իրավունքների պաշտպանին (<span lang="fr">Défenseur des droits</span>)</a>',
            '<a href="https://www.defenseurdesdroits.fr/" hreflang="fr">Դիմել իրավունքների '
            "պաշտպանի ձեր տարածաշրջանի ներկայացուցչին</a>",
            "Ուղարկել նամակ փոստով (անվճար, առանց նամականիշի)՝ "
            '<span lang="fr">Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX '
            "07</span>, Ֆրանսիա",
        ),
    },
    "multi_year_plan": {
        "fr": "<p>Pour ce site, la Ville d’Aix-en-Provence prévoit sur trois ans (2026–2028) "
        "de :</p>"
        + ul(
            "vérifier automatiquement chaque page, dans les trois langues, à chaque "
            "modification du site ;",
            "faire réaliser un audit complet du RGAA 4.1 et en publier les résultats dans "
            "cette déclaration ;",
            "former les personnes qui rédigent et traduisent les contenus aux règles "
            "d’accessibilité (titres, liens, textes alternatifs, documents).",
        ),
        "en": "<p>For this website, the City of Aix-en-Provence plans over three years "
        "(2026–2028) to:</p>"
        + ul(
            "check every page automatically, in the three languages, whenever the website changes;",
            "have a complete RGAA 4.1 audit carried out and publish its results in this statement;",
            "train the people who write and translate the content in accessibility rules "
            "(headings, links, alternative texts, documents).",
        ),
        "hy": "<p>Այս կայքի համար Էքս-ան-Պրովանս քաղաքապետարանը երեք տարվա ընթացքում "
        "(2026–2028) նախատեսում է՝</p>"
        + ul(
            "ավտոմատ կերպով ստուգել յուրաքանչյուր էջ երեք լեզուներով՝ կայքի ամեն "
            "փոփոխության ժամանակ,",
            "անցկացնել RGAA 4.1-ի ամբողջական աուդիտ և դրա արդյունքները հրապարակել այս "
            "հայտարարության մեջ,",
            "բովանդակություն գրողներին և թարգմանողներին ուսուցանել մատչելիության կանոնները "
            "(վերնագրեր, հղումներ, այլընտրանքային տեքստեր, փաստաթղթեր)։",
        ),
    },
    "action_plan_year": 2026,
    "action_plan": {
        "fr": ul(
            "Tests automatisés d’accessibilité de toutes les pages, en français, en anglais et "
            "en arménien, à chaque modification du site : en place.",
            "Publication de cette déclaration d’accessibilité : fait.",
            "Commande d’un audit complet du RGAA 4.1 et de tests avec des lecteurs d’écran.",
            "Vérification de l’accessibilité des documents PDF avant leur publication.",
        ),
        "en": ul(
            "Automated accessibility tests of every page, in French, English and Armenian, "
            "whenever the website changes: in place.",
            "Publication of this accessibility statement: done.",
            "Commissioning a complete RGAA 4.1 audit and tests with screen readers.",
            "Checking the accessibility of PDF documents before they are published.",
        ),
        "hy": ul(
            "Բոլոր էջերի մատչելիության ավտոմատացված թեստեր ֆրանսերենով, անգլերենով և "
            "հայերենով՝ կայքի ամեն փոփոխության ժամանակ. գործում է։",
            "Այս մատչելիության հայտարարության հրապարակում. կատարված է։",
            "RGAA 4.1-ի ամբողջական աուդիտի և էկրանի ընթերցիչներով թեստերի պատվիրում։",
            "PDF փաստաթղթերի մատչելիության ստուգում՝ նախքան դրանց հրապարակումը։",
        ),
    },
}

SITE_MAP = {
    "title": {"fr": "Plan du site", "en": "Site map", "hy": "Կայքի քարտեզ"},
    "slug": {"fr": "plan-du-site", "en": "site-map", "hy": "կայքի-քարտեզ"},
    "introduction": {
        "fr": "Toutes les pages du site, telles qu’elles s’emboîtent.",
        "en": "Every page of the website, as they fit together.",
        "hy": "Կայքի բոլոր էջերը՝ ըստ իրենց կառուցվածքի։",
    },
}

# The sample of pages the statement's tests cover: one of each kind.
AUDITED_PAGE_KEYS = [
    "home",
    "aix-and-armenia",
    "town-profile",
    "timeline",
    "partner-index",
    "legal-notice",
    "contact",
    "accessibility-statement",
    "site-map",
]


def load(loader):
    home = loader.existing("home")
    if home is None:
        return
    loader.page("legal-notice", home, StandardPage, show_in_footer=True, **LEGAL_NOTICE)
    personal_data = loader.page(
        "personal-data", home, StandardPage, show_in_footer=True, **PERSONAL_DATA
    )
    contact = loader.page(
        "contact",
        home,
        ContactPage,
        form_fields=[
            ContactFormField(sort_order=order, **localized(**field))
            for order, field in enumerate(CONTACT_FIELDS)
        ],
        privacy_notice=privacy_notice(personal_data),
        **CONTACT,
    )
    statement = loader.page(
        "accessibility-statement",
        home,
        AccessibilityStatementPage,
        feedback_page=contact,
        **STATEMENT,
    )
    loader.page("site-map", home, SiteMapPage, **SITE_MAP)
    if "accessibility-statement" in loader.created:
        _list_audited_pages(loader, statement)


def _list_audited_pages(loader, statement):
    pages = [page for page in map(loader.existing, AUDITED_PAGE_KEYS) if page is not None]
    statement.audited_pages = [
        AuditedPage(page=page, sort_order=order) for order, page in enumerate(pages)
    ]
    statement.save_revision().publish()
