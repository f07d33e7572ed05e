"""The cooperation timeline from the seed text: the index, its themes and the six dated events.

Dates are stored exactly as precise as the seed gives them ("juin 2024" is a month, "2023/2024"
two years). Organisation names with no Armenian form stay in Latin script, marked lang="fr".
"""

import datetime

from masis.core.dates import DatePrecision
from masis.core.seeding import stream

from .models import CooperationEventPage, Theme, TimelinePage
from .places import Place

TIMELINE = {
    "title": {
        "fr": "La coopération Aix–Masis",
        "en": "Aix–Masis cooperation",
        "hy": "Էքս–Մասիս համագործակցություն",
    },
    "slug": {"fr": "cooperation", "en": "cooperation", "hy": "համագործակցություն"},
    "introduction": {
        "fr": "Les étapes de la coopération entre Aix-en-Provence et Masis, en quelques dates.",
        "en": "The milestones of the cooperation between Aix-en-Provence and Masis.",
        "hy": "Էքս-ան-Պրովանսի և Մասիսի համագործակցության փուլերը՝ մի քանի ամսաթվով։",
    },
}

THEMES = {
    "youth": {"fr": "Jeunesse", "en": "Youth", "hy": "Երիտասարդություն"},
    "culture": {"fr": "Culture", "en": "Culture", "hy": "Մշակույթ"},
    "education": {"fr": "Éducation", "en": "Education", "hy": "Կրթություն"},
    "health": {"fr": "Santé", "en": "Health", "hy": "Առողջապահություն"},
    "institutional": {
        "fr": "Relations institutionnelles",
        "en": "Institutional relations",
        "hy": "Ինստիտուցիոնալ հարաբերություններ",
    },
    "humanitarian": {"fr": "Humanitaire", "en": "Humanitarian", "hy": "Հումանիտար"},
}


def _fr(text):
    """A French name inside English or Armenian rich text."""
    return f'<span lang="fr">{text}</span>'


def _programme(intro, items, outro):
    """A paragraph, a list and a paragraph, as one rich-text block."""
    items_html = "".join(f"<li>{item}</li>" for item in items)
    return f"<p>{intro}</p><ul>{items_html}</ul><p>{outro}</p>"


def _body(by_language):
    """{"fr": [paragraph text or HTML block, …], …} → {"fr": StreamField JSON, …}."""
    return {
        code: stream(
            *(
                ("paragraph", block if block.startswith("<") else f"<p>{block}</p>")
                for block in blocks
            )
        )
        for code, blocks in by_language.items()
    }


MONTH, YEAR = DatePrecision.MONTH, DatePrecision.YEAR

EVENTS = [
    {
        "key": "event-cross-visits",
        "partners": ["partner-aix", "partner-masis"],
        "themes": ["institutional"],
        "fields": {
            "start_date": datetime.date(2023, 1, 1),
            "start_precision": YEAR,
            "end_date": datetime.date(2024, 1, 1),
            "end_precision": YEAR,
            "place": Place.AIX_AND_MASIS,
            "title": {
                "fr": "Déplacements officiels croisés",
                "en": "Official visits in both directions",
                "hy": "Փոխադարձ պաշտոնական այցեր",
            },
            "slug": {
                "fr": "deplacements-officiels-croises",
                "en": "official-visits-in-both-directions",
                "hy": "փոխադարձ-պաշտոնական-այցեր",
            },
            "summary": {
                "fr": "Déplacements officiels croisés en vue de la concrétisation d’un nouvel "
                "accord de coopération décentralisée.",
                "en": "Official visits in both directions with a view to concluding a new "
                "decentralised cooperation agreement.",
                "hy": "Փոխադարձ պաշտոնական այցեր՝ ապակենտրոնացված համագործակցության նոր "
                "համաձայնագրի կնքման նպատակով։",
            },
            "body": _body(
                {
                    "fr": [
                        "En 2023 et 2024, des déplacements officiels croisés entre "
                        "Aix-en-Provence et Masis ont préparé la concrétisation d’un nouvel "
                        "accord de coopération décentralisée avec la Communauté de communes de "
                        "Masis."
                    ],
                    "en": [
                        "In 2023 and 2024, official visits in both directions between "
                        "Aix-en-Provence and Masis prepared the ground for a new decentralised "
                        "cooperation agreement with the Masis Community."
                    ],
                    "hy": [
                        "2023 և 2024 թթ. Էքս-ան-Պրովանսի և Մասիսի միջև փոխադարձ պաշտոնական "
                        "այցերը նախապատրաստեցին Մասիս համայնքի հետ ապակենտրոնացված "
                        "համագործակցության նոր համաձայնագրի կնքումը։"
                    ],
                }
            ),
        },
    },
    {
        "key": "event-youth-centre",
        "partners": ["partner-masis", "partner-aix"],
        "themes": ["youth", "education"],
        "fields": {
            "start_date": datetime.date(2024, 6, 1),
            "start_precision": MONTH,
            "place": Place.MASIS,
            "title": {
                "fr": "Inauguration du Centre de la jeunesse Aix-en-Provence",
                "en": "Opening of the Aix-en-Provence Youth Centre",
                "hy": "«Էքս-ան-Պրովանս» երիտասարդական կենտրոնի բացումը",
            },
            "slug": {
                "fr": "inauguration-centre-de-la-jeunesse-aix-en-provence",
                "en": "opening-aix-en-provence-youth-centre",
                "hy": "էքս-ան-պրովանս-երիտասարդական-կենտրոնի-բացումը",
            },
            "summary": {
                "fr": "Inauguration à Masis du «\u00a0Centre de la jeunesse "
                "Aix-en-Provence\u00a0», lieu de rencontres, de projections, de séminaires "
                "et de cours pour les jeunes.",
                "en": "Opening in Masis of the Aix-en-Provence Youth Centre, a place for "
                "meetings, screenings, seminars and classes for young people.",
                "hy": "Մասիսում բացվեց «Էքս-ան-Պրովանս» երիտասարդական կենտրոնը՝ "
                "երիտասարդների համար հանդիպումների, ցուցադրությունների, սեմինարների և "
                "դասընթացների վայր։",
            },
            "body": _body(
                {
                    "fr": [
                        "En juin 2024, le «\u00a0Centre de la jeunesse "
                        "Aix-en-Provence\u00a0» a été inauguré à Masis\u00a0: un lieu de "
                        "rencontres, de projections, de séminaires et de cours pour les jeunes.",
                        "Il est inspiré par la visite du Repère Jeunesse à Aix.",
                    ],
                    "en": [
                        "In June 2024 the Aix-en-Provence Youth Centre opened in Masis: a place "
                        "for meetings, screenings, seminars and classes for young people.",
                        f"It was inspired by a visit to {_fr('Repère Jeunesse')}, Aix’s youth "
                        "venue.",
                    ],
                    "hy": [
                        "2024 թ. հունիսին Մասիսում բացվեց «Էքս-ան-Պրովանս» երիտասարդական "
                        "կենտրոնը՝ երիտասարդների համար հանդիպումների, ցուցադրությունների, "
                        "սեմինարների և դասընթացների վայր։",
                        "Այն ստեղծվել է Էքս-ան-Պրովանսի "
                        f"{_fr('Repère Jeunesse')} երիտասարդական կենտրոն այցի ոգեշնչմամբ։",
                    ],
                }
            ),
        },
    },
    {
        "key": "event-armenia-fortnight",
        "partners": ["partner-aix", "partner-masis"],
        "themes": ["culture", "institutional"],
        "fields": {
            "start_date": datetime.date(2024, 9, 1),
            "start_precision": MONTH,
            "place": Place.AIX,
            "title": {
                "fr": "Quinzaine de l’Arménie et signature du jumelage",
                "en": "Armenia Fortnight and signing of the twinning",
                "hy": "Հայաստանին նվիրված երկշաբաթյա միջոցառումներ և քույր քաղաքների "
                "համաձայնագրի ստորագրում",
            },
            "slug": {
                "fr": "quinzaine-de-l-armenie-et-signature-du-jumelage",
                "en": "armenia-fortnight-and-twinning-signature",
                "hy": "հայաստանին-նվիրված-երկշաբաթյա-միջոցառումներ",
            },
            "summary": {
                "fr": "Organisation à Aix d’une Quinzaine de l’Arménie et accueil d’une "
                "délégation officielle de Masis pour la signature officielle de jumelage.",
                "en": "An Armenia Fortnight in Aix, and an official delegation from Masis "
                "welcomed for the official signing of the twinning.",
                "hy": "Էքս-ան-Պրովանսում անցկացվեցին Հայաստանին նվիրված երկշաբաթյա "
                "միջոցառումներ, և ընդունվեց Մասիսի պաշտոնական պատվիրակությունը՝ քույր "
                "քաղաքների համաձայնագրի պաշտոնական ստորագրման համար։",
            },
            "body": _body(
                {
                    "fr": [
                        _programme(
                            "En septembre 2024, la Ville a organisé à Aix une Quinzaine de "
                            "l’Arménie\u00a0:",
                            [
                                "cinéma",
                                "théâtre",
                                "conférence",
                                "littérature",
                                "gastronomie",
                                "musique, avec un concert exceptionnel d’André Manoukian…",
                            ],
                            "Elle a accueilli à cette occasion une délégation officielle de "
                            "Masis pour la signature officielle de l’accord de jumelage avec la "
                            "Communauté de communes de Masis.",
                        )
                    ],
                    "en": [
                        _programme(
                            "In September 2024 the City held an Armenia Fortnight in Aix:",
                            [
                                "cinema",
                                "theatre",
                                "a conference",
                                "literature",
                                "gastronomy",
                                "music, with an exceptional concert by André Manoukian…",
                            ],
                            "On this occasion it welcomed an official delegation from Masis for "
                            "the official signing of the twinning agreement with the Masis "
                            "Community.",
                        )
                    ],
                    "hy": [
                        _programme(
                            "2024 թ. սեպտեմբերին քաղաքը Էքս-ան-Պրովանսում կազմակերպեց "
                            "Հայաստանին նվիրված երկշաբաթյա միջոցառումներ՝",
                            [
                                "կինո",
                                "թատրոն",
                                "դասախոսություն",
                                "գրականություն",
                                "խոհանոց",
                                "երաժշտություն՝ Անդրե Մանուկյանի բացառիկ համերգով…",
                            ],
                            "Այդ առիթով քաղաքը ընդունեց Մասիսի պաշտոնական պատվիրակությանը՝ "
                            "Մասիս համայնքի հետ քույր քաղաքների համաձայնագրի պաշտոնական "
                            "ստորագրման համար։",
                        )
                    ],
                }
            ),
        },
    },
    {
        "key": "event-book-exchange",
        "partners": ["partner-aix", "partner-masis"],
        "themes": ["culture", "education"],
        "fields": {
            "start_date": datetime.date(2024, 11, 1),
            "start_precision": MONTH,
            "place": Place.AIX_AND_MASIS,
            "title": {
                "fr": "Échanges de livres entre les bibliothèques",
                "en": "Book exchanges between the libraries",
                "hy": "Գրքերի փոխանակում գրադարանների միջև",
            },
            "slug": {
                "fr": "echanges-de-livres-entre-les-bibliotheques",
                "en": "book-exchanges-between-the-libraries",
                "hy": "գրքերի-փոխանակում-գրադարանների-միջև",
            },
            "summary": {
                "fr": "Échanges de livres en français et en arménien entre les bibliothèques "
                "des deux villes.",
                "en": "Books in French and in Armenian exchanged between the libraries of the "
                "two towns.",
                "hy": "Ֆրանսերեն և հայերեն գրքերի փոխանակում երկու քաղաքների գրադարանների միջև։",
            },
            "body": _body(
                {
                    "fr": [
                        "En novembre 2024, les bibliothèques d’Aix-en-Provence et de Masis ont "
                        "échangé des livres en français et en arménien."
                    ],
                    "en": [
                        "In November 2024 the libraries of Aix-en-Provence and Masis exchanged "
                        "books in French and in Armenian."
                    ],
                    "hy": [
                        "2024 թ. նոյեմբերին Էքս-ան-Պրովանսի և Մասիսի գրադարանները "
                        "փոխանակեցին ֆրանսերեն և հայերեն գրքեր։"
                    ],
                }
            ),
        },
    },
    {
        "key": "event-undp-mission",
        "partners": ["partner-aix", "partner-undp"],
        "themes": ["humanitarian"],
        "fields": {
            "start_date": datetime.date(2025, 2, 1),
            "start_precision": MONTH,
            "place": Place.ARMENIA,
            "title": {
                "fr": "Mission du PNUD en Arménie",
                "en": "UNDP mission to Armenia",
                "hy": "ՄԱԶԾ-ի առաքելությունը Հայաստանում",
            },
            "slug": {
                "fr": "mission-du-pnud-en-armenie",
                "en": "undp-mission-to-armenia",
                "hy": "մազծ-ի-առաքելությունը-հայաստանում",
            },
            "summary": {
                "fr": "Participation de la Ville d’Aix à une mission organisée en Arménie par "
                "le PNUD afin de collaborer sur l’insertion des populations réfugiées du "
                "Haut-Karabagh.",
                "en": "The City of Aix took part in a UNDP mission to Armenia to work together "
                "on the integration of refugees from Nagorno-Karabakh.",
                "hy": "Էքս-ան-Պրովանս քաղաքը մասնակցեց ՄԱԶԾ-ի կազմակերպած առաքելությանը "
                "Հայաստանում՝ Լեռնային Ղարաբաղից փախստականների ինտեգրման շուրջ "
                " համագործակցելու նպատակով։",
            },
            "body": _body(
                {
                    "fr": [
                        "En février 2025, la Ville d’Aix a participé à une mission organisée "
                        "en Arménie par le PNUD (Programme des Nations unies pour le "
                        "développement) afin de collaborer sur l’insertion des populations "
                        "réfugiées du Haut-Karabagh."
                    ],
                    "en": [
                        "In February 2025 the City of Aix took part in a mission to Armenia "
                        "organised by UNDP (United Nations Development Programme), to work "
                        "together on the integration of refugees from Nagorno-Karabakh."
                    ],
                    "hy": [
                        "2025 թ. փետրվարին Էքս-ան-Պրովանս քաղաքը մասնակցեց ՄԱԿ-ի "
                        "զարգացման ծրագրի (ՄԱԶԾ) կազմակերպած առաքելությանը Հայաստանում՝ "
                        "Լեռնային Ղարաբաղից փախստականների ինտեգրման շուրջ "
                        "համագործակցելու նպատակով։"
                    ],
                }
            ),
        },
    },
    {
        "key": "event-call-for-projects",
        "partners": [
            "partner-aix",
            "partner-dctciv",
            "partner-mdm",
            "partner-montperrin",
            "partner-ccas",
        ],
        "themes": ["health", "institutional"],
        "fields": {
            "start_date": datetime.date(2025, 7, 1),
            "start_precision": MONTH,
            "place": Place.AIX,
            "title": {
                "fr": "Lauréate de l’Appel à projets Arménie 2025",
                "en": "Winner of the “Armenia 2025” call for projects",
                "hy": "«Հայաստան 2025» դրամաշնորհային մրցույթի հաղթող",
            },
            "slug": {
                "fr": "laureate-appel-a-projets-armenie-2025",
                "en": "winner-armenia-2025-call-for-projects",
                "hy": "հայաստան-2025-դրամաշնորհային-մրցույթի-հաղթող",
            },
            "summary": {
                "fr": "Aix-en-Provence est lauréate de l’Appel à projets Arménie 2025\u00a0: un "
                "projet pilote pour intégrer les services de santé mentale dans le système "
                "public de santé.",
                "en": "Aix-en-Provence wins the “Armenia 2025” call for projects with a pilot "
                "project to integrate mental health services into the public health system.",
                "hy": "Էքս-ան-Պրովանսը հաղթեց «Հայաստան 2025» դրամաշնորհային մրցույթում՝ "
                "հոգեկան առողջության ծառայությունները հանրային առողջապահական համակարգում "
                "ինտեգրելու փորձնական ծրագրով։",
            },
            "body": _body(
                {
                    "fr": [
                        "En juillet 2025, Aix-en-Provence est lauréate de l’Appel à projets "
                        "Arménie 2025.",
                        "Soutenu par la DCTCIV (Délégation pour les collectivités "
                        "territoriales et la société civile), le projet pilote présenté par la "
                        "Ville va permettre d’intégrer les services de santé mentale dans le "
                        "système public de santé, en partenariat avec l’association Médecins "
                        "du Monde, le Centre hospitalier Montperrin et le CCAS "
                        "d’Aix-en-Provence.",
                    ],
                    "en": [
                        "In July 2025 Aix-en-Provence won the “Armenia 2025” call for projects.",
                        f"Supported by the {_fr('DCTCIV')} (the French Ministry for Europe and "
                        "Foreign Affairs’ department for local authorities and civil society), "
                        "the pilot project put forward by the City will integrate mental health "
                        "services into the public health system, in partnership with the "
                        f"association {_fr('Médecins du Monde')} (Doctors of the World), "
                        "Montperrin Hospital (mental health) and the Aix-en-Provence municipal "
                        f"social action centre ({_fr('CCAS')}).",
                    ],
                    "hy": [
                        "2025 թ. հուլիսին Էքս-ան-Պրովանսը հաղթեց «Հայաստան 2025» "
                        "դրամաշնորհային մրցույթում։",
                        f"{_fr('DCTCIV')}-ի (Ֆրանսիայի Եվրոպայի և արտաքին գործերի "
                        "նախարարության՝ տեղական ինքնակառավարման մարմինների և քաղաքացիական "
                        "հասարակության ստորաբաժանում) աջակցությամբ քաղաքի ներկայացրած "
                        "փորձնական ծրագիրը հնարավորություն կտա հոգեկան առողջության "
                        "ծառայությունները ինտեգրել հանրային առողջապահական համակարգում՝ "
                        f"{_fr('Médecins du Monde')} («Աշխարհի բժիշկներ») ասոցիացիայի, "
                        f"{_fr('Montperrin')} հիվանդանոցային կենտրոնի (հոգեբուժական) և "
                        "Էքս-ան-Պրովանսի սոցիալական աջակցության համայնքային կենտրոնի "
                        f"({_fr('CCAS')}) հետ համագործակցությամբ։",
                    ],
                }
            ),
        },
    },
]


def load_index(loader):
    home = loader.existing("home")
    if home is None:
        return
    loader.page("timeline", home, TimelinePage, show_in_menus=True, **TIMELINE)


def load_themes(loader):
    return {
        slug: loader.object(f"theme-{slug}", Theme, slug=slug, name=name)
        for slug, name in THEMES.items()
    }


def load_events(loader):
    """The themes and the six dated events of the seed, linked to the partners that exist."""
    timeline = loader.existing("timeline")
    if timeline is None:
        return
    themes = load_themes(loader)
    for event in EVENTS:
        partners = [loader.existing(key) for key in event["partners"]]
        loader.page(
            event["key"],
            timeline,
            CooperationEventPage,
            themes=[themes[slug] for slug in event["themes"] if themes.get(slug)],
            partners=[partner for partner in partners if partner is not None],
            **event["fields"],
        )
