"""The partner organisations named in the seed text, with the glossary's names.

Only facts from the seed text and the glossary: where they say nothing (a city, a website, what
an organisation does besides the cooperation), the field stays empty. Where a name has no
Armenian (or English) form, its field is left empty so that the page shows the French name marked
lang="fr"; French names inside English or Armenian text are wrapped in <span lang="fr">.
"""

from masis.core.seeding import localized_paragraphs

from .models import PartnerIndexPage, PartnerKind, PartnerPage, SchemaType

PARTNER_INDEX = {
    "title": {"fr": "Partenaires", "en": "Partners", "hy": "Գործընկերներ"},
    "slug": {"fr": "partenaires", "en": "partners", "hy": "գործընկերներ"},
    "introduction": {
        "fr": "Les organisations qui font vivre la coopération entre Aix-en-Provence et Masis.",
        "en": "The organisations that bring the cooperation between Aix-en-Provence and Masis "
        "to life.",
        "hy": "Կազմակերպություններ, որոնց շնորհիվ կենդանի է Էքս-ան-Պրովանսի և Մասիսի "
        "համագործակցությունը։",
    },
}


def _fr(text):
    """A French name inside English or Armenian rich text."""
    return f'<span lang="fr">{text}</span>'


# identifier: (name, plural name, schema.org type); listed in this order.
KINDS = {
    "local-authority": (
        {
            "fr": "Collectivité territoriale",
            "en": "Local authority",
            "hy": "Տեղական ինքնակառավարման մարմին",
        },
        {
            "fr": "Collectivités territoriales",
            "en": "Local authorities",
            "hy": "Տեղական ինքնակառավարման մարմիններ",
        },
        SchemaType.GOVERNMENT,
    ),
    "state-body": (
        {"fr": "Service de l’État", "en": "State body", "hy": "Պետական մարմին"},
        {"fr": "Services de l’État", "en": "State bodies", "hy": "Պետական մարմիններ"},
        SchemaType.GOVERNMENT,
    ),
    "un-agency": (
        {"fr": "Organisme des Nations unies", "en": "UN agency", "hy": "ՄԱԿ-ի կառույց"},
        {"fr": "Organismes des Nations unies", "en": "UN agencies", "hy": "ՄԱԿ-ի կառույցներ"},
        SchemaType.ORGANIZATION,
    ),
    "ngo": (
        {"fr": "Association", "en": "NGO", "hy": "Հասարակական կազմակերպություն"},
        {"fr": "Associations", "en": "NGOs", "hy": "Հասարակական կազմակերպություններ"},
        SchemaType.NGO,
    ),
    "hospital": (
        {"fr": "Établissement de santé", "en": "Hospital", "hy": "Հիվանդանոց"},
        {"fr": "Établissements de santé", "en": "Hospitals", "hy": "Հիվանդանոցներ"},
        SchemaType.HOSPITAL,
    ),
    "social-services": (
        {"fr": "Action sociale", "en": "Social services", "hy": "Սոցիալական ծառայություն"},
        {"fr": "Action sociale", "en": "Social services", "hy": "Սոցիալական ծառայություններ"},
        SchemaType.GOVERNMENT,
    ),
    "school": (
        {"fr": "École", "en": "School", "hy": "Կրթական հաստատություն"},
        {"fr": "Écoles", "en": "Schools", "hy": "Կրթական հաստատություններ"},
        SchemaType.EDUCATIONAL,
    ),
    "cultural-venue": (
        {"fr": "Lieu culturel", "en": "Cultural venue", "hy": "Մշակութային հաստատություն"},
        {"fr": "Lieux culturels", "en": "Cultural venues", "hy": "Մշակութային հաստատություններ"},
        SchemaType.ORGANIZATION,
    ),
}

FRANCE = {"fr": "France", "en": "France", "hy": "Ֆրանսիա"}
ARMENIA = {"fr": "Arménie", "en": "Armenia", "hy": "Հայաստան"}
AIX = {"fr": "Aix-en-Provence", "en": "Aix-en-Provence", "hy": "Էքս-ան-Պրովանս"}
MASIS = {"fr": "Masis", "en": "Masis", "hy": "Մասիս"}

# The role of the three partners of the mental-health pilot project (seed: July 2025).
MENTAL_HEALTH_PARTNER = {
    "fr": [
        "Partenaire du projet pilote présenté par la Ville d’Aix-en-Provence, lauréate en "
        "juillet 2025 de l’Appel à projets Arménie 2025. Soutenu par la DCTCIV, ce projet va "
        "permettre d’intégrer les services de santé mentale dans le système public de santé."
    ],
    "en": [
        "A partner in the pilot project put forward by the City of Aix-en-Provence, winner of "
        f"the “Armenia 2025” call for projects in July 2025. Supported by the {_fr('DCTCIV')}, "
        "the project will integrate mental health services into the public health system."
    ],
    "hy": [
        "Էքս-ան-Պրովանս քաղաքի ներկայացրած փորձնական ծրագրի գործընկեր. 2025 թ. հուլիսին "
        "քաղաքը հաղթեց «Հայաստան 2025» դրամաշնորհային մրցույթում։ "
        f"{_fr('DCTCIV')}-ի աջակցությամբ այս ծրագիրը հնարավորություն կտա հոգեկան "
        "առողջության ծառայությունները ներառել հանրային առողջապահական համակարգում։"
    ],
}

PARTNERS = [
    {
        "key": "partner-aix",
        "kind": "local-authority",
        "fields": {
            "title": {
                "fr": "Ville d’Aix-en-Provence",
                "en": "City of Aix-en-Provence",
                "hy": "Էքս-ան-Պրովանս քաղաք",
            },
            "slug": {
                "fr": "ville-d-aix-en-provence",
                "en": "city-of-aix-en-provence",
                "hy": "էքս-ան-պրովանս-քաղաք",
            },
            "city": AIX,
            "country": FRANCE,
            "website": "https://www.aixenprovence.fr/",
            "description": localized_paragraphs(
                {
                    "fr": [
                        "La Ville d’Aix-en-Provence mène une politique à l’international. Elle a "
                        "exprimé plusieurs fois son amitié à l’Arménie : elle est l’une des "
                        "premières villes à avoir reconnu le génocide arménien de 1915, auquel "
                        "elle a dédié un monument du sculpteur Toros, installé à la Rotonde."
                    ],
                    "en": [
                        "The City of Aix-en-Provence pursues an international policy. It has "
                        "expressed its friendship to Armenia several times: it was one of the "
                        "first cities to recognise the Armenian Genocide of 1915, to which it "
                        "dedicated a monument by the sculptor Toros, installed at La Rotonde, "
                        "the city’s fountain square."
                    ],
                    "hy": [
                        "Էքս-ան-Պրովանս քաղաքը միջազգային քաղաքականություն է վարում։ Այն "
                        "բազմիցս արտահայտել է իր բարեկամությունը Հայաստանի հանդեպ. առաջին "
                        "քաղաքներից մեկն է, որ ճանաչել է 1915 թ. Հայոց ցեղասպանությունը, և դրան "
                        "է նվիրել քանդակագործ Թորոսի հուշարձանը, որը տեղադրված է Ռոտոնդա "
                        "հրապարակում։"
                    ],
                }
            ),
            "role": localized_paragraphs(
                {
                    "fr": [
                        "En septembre 2024, la Ville a formalisé un accord de jumelage avec la "
                        "Communauté de communes de Masis, dont elle a accueilli une délégation "
                        "officielle à Aix pendant la Quinzaine de l’Arménie.",
                        "En février 2025, elle a participé à une mission organisée en Arménie "
                        "par le PNUD ; en juillet 2025, elle est lauréate de l’Appel à projets "
                        "Arménie 2025 avec un projet pilote en santé mentale.",
                    ],
                    "en": [
                        "In September 2024 the City formalised a twinning agreement with the "
                        "Masis Community, welcoming an official delegation from Masis to Aix "
                        "during the Armenia Fortnight.",
                        "In February 2025 it took part in a mission organised in Armenia by "
                        "UNDP; in July 2025 it won the “Armenia 2025” call for projects with a "
                        "pilot project on mental health.",
                    ],
                    "hy": [
                        "2024 թ. սեպտեմբերին քաղաքը Մասիս համայնքի հետ կնքեց քույր քաղաքների "
                        "համաձայնագիր և Հայաստանին նվիրված երկշաբաթյա միջոցառումների ընթացքում "
                        "Էքսում ընդունեց Մասիսի պաշտոնական պատվիրակությանը։",
                        "2025 թ. փետրվարին այն մասնակցեց ՄԱԶԾ-ի կազմակերպած առաքելությանը "
                        "Հայաստանում, իսկ 2025 թ. հուլիսին հաղթեց «Հայաստան 2025» "
                        "դրամաշնորհային մրցույթում՝ հոգեկան առողջության ոլորտի փորձնական "
                        "ծրագրով։",
                    ],
                }
            ),
        },
    },
    {
        "key": "partner-masis",
        "kind": "local-authority",
        "fields": {
            "title": {
                "fr": "Communauté de communes de Masis",
                "en": "Masis Community",
                "hy": "Մասիս համայնք",
            },
            "slug": {
                "fr": "communaute-de-communes-de-masis",
                "en": "masis-community",
                "hy": "մասիս-համայնք",
            },
            "city": MASIS,
            "country": ARMENIA,
            "website": "https://masiscity.am/",
            "description": localized_paragraphs(
                {
                    "fr": [
                        "La Communauté de communes de Masis regroupe 26 villages et compte près "
                        "de 100 000 habitants. Frontalière de la Turquie, elle se structure "
                        "autour de sa ville principale, Masis, à 18 km au sud-est de la "
                        "capitale, Erevan.",
                        "Ses principaux secteurs économiques sont l’agriculture, la pisciculture "
                        "et l’industrie minière. Le territoire compte 33 écoles publiques, "
                        "2 écoles d’art et 1 école TUMO en construction.",
                    ],
                    "en": [
                        "The Masis Community, an enlarged municipality of 26 villages, has about "
                        "100,000 inhabitants. Bordering Turkey (Türkiye), it is organised around "
                        "its main town, Masis, 18 km south-east of the capital, Yerevan.",
                        "Its main economic sectors are agriculture, fish farming and mining. The "
                        "territory has 33 public schools, 2 art schools and a TUMO school under "
                        "construction.",
                    ],
                    "hy": [
                        "Մասիս համայնքը միավորում է 26 գյուղ և ունի մոտ 100 000 բնակիչ։ Այն "
                        "սահմանակից է Թուրքիային և ձևավորված է գլխավոր քաղաքի՝ Մասիսի շուրջ, "
                        "որը գտնվում է մայրաքաղաք Երևանից 18 կմ հարավ-արևելք։",
                        "Տնտեսության հիմնական ճյուղերն են գյուղատնտեսությունը, "
                        "ձկնաբուծությունը և հանքարդյունաբերությունը։ Համայնքում կա "
                        "33 հանրակրթական դպրոց, 2 արվեստի դպրոց, և կառուցվում է «Թումո» "
                        "ստեղծարար տեխնոլոգիաների կենտրոն։",
                    ],
                }
            ),
            "role": localized_paragraphs(
                {
                    "fr": [
                        "Jumelée avec Aix-en-Provence depuis septembre 2024 : une délégation "
                        "officielle de Masis est venue à Aix pour la signature du jumelage.",
                        "En juin 2024 a été inauguré à Masis le « Centre de la jeunesse "
                        "Aix-en-Provence », lieu de rencontres, de projections, de séminaires et "
                        "de cours pour les jeunes, inspiré par la visite du Repère Jeunesse à "
                        "Aix. En novembre 2024, les bibliothèques des deux villes ont échangé des "
                        "livres en français et en arménien.",
                    ],
                    "en": [
                        "Twinned with Aix-en-Provence since September 2024: an official "
                        "delegation from Masis came to Aix for the signing of the twinning.",
                        "In June 2024 the “Aix-en-Provence Youth Centre” opened in Masis, a "
                        "place where young people meet, watch films and attend seminars and "
                        f"classes, inspired by a visit to {_fr('Repère Jeunesse')}, Aix’s youth "
                        "venue. In November 2024 the libraries of the two towns exchanged books "
                        "in French and Armenian.",
                    ],
                    "hy": [
                        "2024 թ. սեպտեմբերից Մասիս համայնքը և Էքս-ան-Պրովանսը քույր քաղաքներ "
                        "են. Մասիսի պաշտոնական պատվիրակությունը ժամանել էր Էքս՝ քույր "
                        "քաղաքների համաձայնագրի ստորագրման համար։",
                        "2024 թ. հունիսին Մասիսում բացվեց «Էքս-ան-Պրովանս» երիտասարդական "
                        "կենտրոնը՝ երիտասարդների հանդիպումների, ֆիլմերի ցուցադրությունների, "
                        "սեմինարների և դասընթացների վայր, որը ստեղծվել է Էքսի "
                        f"{_fr('Repère Jeunesse')} երիտասարդական կենտրոն կատարած այցից "
                        "ոգեշնչված։ 2024 թ. նոյեմբերին երկու քաղաքների գրադարանները "
                        "փոխանակեցին ֆրանսերեն և հայերեն գրքեր։",
                    ],
                }
            ),
        },
    },
    {
        "key": "partner-undp",
        "kind": "un-agency",
        "fields": {
            "title": {
                "fr": "Programme des Nations unies pour le développement",
                "en": "United Nations Development Programme",
                "hy": "ՄԱԿ-ի զարգացման ծրագիր",
            },
            "slug": {"fr": "pnud", "en": "undp", "hy": "մազծ"},
            "short_name": {"fr": "PNUD", "en": "UNDP", "hy": "ՄԱԶԾ"},
            "role": localized_paragraphs(
                {
                    "fr": [
                        "En février 2025, le PNUD a organisé en Arménie une mission à laquelle "
                        "la Ville d’Aix-en-Provence a participé, afin de collaborer sur "
                        "l’insertion des populations réfugiées du Haut-Karabagh."
                    ],
                    "en": [
                        "In February 2025 UNDP organised a mission in Armenia, in which the City "
                        "of Aix-en-Provence took part, to work together on the integration of "
                        "refugees from Nagorno-Karabakh."
                    ],
                    "hy": [
                        "2025 թ. փետրվարին ՄԱԶԾ-ն Հայաստանում կազմակերպեց առաքելություն, որին "
                        "մասնակցեց Էքս-ան-Պրովանս քաղաքը՝ Լեռնային Ղարաբաղից փախստական "
                        "բնակչության ինտեգրման հարցում համագործակցելու նպատակով։"
                    ],
                }
            ),
        },
    },
    {
        "key": "partner-dctciv",
        "kind": "state-body",
        "fields": {
            "title": {
                "fr": "Délégation pour les collectivités territoriales et la société civile",
                "en": "French Ministry for Europe and Foreign Affairs’ department for local "
                "authorities and civil society",
                "hy": "Ֆրանսիայի Եվրոպայի և արտաքին գործերի նախարարության՝ տեղական "
                "ինքնակառավարման մարմինների և քաղաքացիական հասարակության ստորաբաժանում",
            },
            "slug": {"fr": "dctciv", "en": "dctciv", "hy": "dctciv"},
            # No English or Armenian acronym: both show "DCTCIV" marked lang="fr".
            "short_name": {"fr": "DCTCIV"},
            "country": FRANCE,
            "description": localized_paragraphs(
                {
                    "fr": [
                        "La DCTCIV est le service du ministère de l’Europe et des Affaires "
                        "étrangères chargé des collectivités territoriales et de la société "
                        "civile."
                    ],
                    "en": [
                        f"The {_fr('DCTCIV')} is the French Ministry for Europe and Foreign "
                        "Affairs’ department for local authorities and civil society."
                    ],
                    "hy": [
                        f"{_fr('DCTCIV')}-ն Ֆրանսիայի Եվրոպայի և արտաքին գործերի "
                        "նախարարության՝ տեղական ինքնակառավարման մարմինների և քաղաքացիական "
                        "հասարակության ստորաբաժանումն է։"
                    ],
                }
            ),
            "role": localized_paragraphs(
                {
                    "fr": [
                        "Elle soutient le projet pilote présenté par la Ville d’Aix-en-Provence, "
                        "lauréate en juillet 2025 de l’Appel à projets Arménie 2025 : intégrer "
                        "les services de santé mentale dans le système public de santé, en "
                        "partenariat avec l’association Médecins du Monde, le Centre "
                        "hospitalier Montperrin et le CCAS d’Aix-en-Provence."
                    ],
                    "en": [
                        "It supports the pilot project put forward by the City of "
                        "Aix-en-Provence, winner of the “Armenia 2025” call for projects in July "
                        "2025: integrating mental health services into the public health "
                        f"system, in partnership with the association {_fr('Médecins du Monde')} "
                        "(Doctors of the World), Montperrin Hospital (mental health) and the "
                        f"Aix-en-Provence municipal social action centre ({_fr('CCAS')})."
                    ],
                    "hy": [
                        "Աջակցում է Էքս-ան-Պրովանս քաղաքի ներկայացրած փորձնական ծրագրին, որով "
                        "քաղաքը 2025 թ. հուլիսին հաղթեց «Հայաստան 2025» դրամաշնորհային "
                        "մրցույթում. ծրագիրը նպատակ ունի հոգեկան առողջության ծառայությունները "
                        "ներառել հանրային առողջապահական համակարգում՝ "
                        f"{_fr('Médecins du Monde')} («Աշխարհի բժիշկներ») կազմակերպության, "
                        f"{_fr('Montperrin')} հիվանդանոցային կենտրոնի (հոգեբուժական) և "
                        "Էքս-ան-Պրովանսի սոցիալական աջակցության համայնքային կենտրոնի "
                        f"({_fr('CCAS')}) հետ համագործակցությամբ։"
                    ],
                }
            ),
        },
    },
    {
        "key": "partner-mdm",
        "kind": "ngo",
        "fields": {
            "title": {
                "fr": "Médecins du Monde",
                "en": "Médecins du Monde (Doctors of the World)",
                "hy": "Médecins du Monde («Աշխարհի բժիշկներ»)",
            },
            "slug": {
                "fr": "medecins-du-monde",
                "en": "medecins-du-monde",
                "hy": "medecins-du-monde",
            },
            "role": localized_paragraphs(MENTAL_HEALTH_PARTNER),
        },
    },
    {
        "key": "partner-montperrin",
        "kind": "hospital",
        "fields": {
            "title": {
                "fr": "Centre hospitalier Montperrin",
                "en": "Montperrin Hospital",
                "hy": "Montperrin հիվանդանոցային կենտրոն",
            },
            "slug": {
                "fr": "centre-hospitalier-montperrin",
                "en": "montperrin-hospital",
                "hy": "montperrin",
            },
            "country": FRANCE,
            "description": localized_paragraphs(
                {
                    "fr": ["Un établissement hospitalier consacré à la santé mentale."],
                    "en": ["A hospital devoted to mental health."],
                    "hy": ["Հոգեկան առողջության ոլորտի (հոգեբուժական) հիվանդանոցային կենտրոն։"],
                }
            ),
            "role": localized_paragraphs(MENTAL_HEALTH_PARTNER),
        },
    },
    {
        "key": "partner-ccas",
        "kind": "social-services",
        "fields": {
            "title": {
                "fr": "CCAS d’Aix-en-Provence",
                "en": "Aix-en-Provence municipal social action centre",
                "hy": "Էքս-ան-Պրովանսի սոցիալական աջակցության համայնքային կենտրոն",
            },
            "slug": {
                "fr": "ccas-d-aix-en-provence",
                "en": "aix-en-provence-social-action-centre",
                "hy": "ccas",
            },
            # "CCAS" has no English or Armenian form: both show it marked lang="fr".
            "short_name": {"fr": "CCAS"},
            "city": AIX,
            "country": FRANCE,
            "description": localized_paragraphs(
                {
                    "fr": ["Le centre communal d’action sociale de la Ville d’Aix-en-Provence."],
                    "en": ["The social action centre of the City of Aix-en-Provence."],
                    "hy": ["Էքս-ան-Պրովանս քաղաքի սոցիալական աջակցության համայնքային կենտրոն։"],
                }
            ),
            "role": localized_paragraphs(MENTAL_HEALTH_PARTNER),
        },
    },
    {
        "key": "partner-tumo",
        "kind": "school",
        "fields": {
            "title": {
                "fr": "École TUMO",
                "en": "TUMO school",
                "hy": "«Թումո» ստեղծարար տեխնոլոգիաների կենտրոն",
            },
            "slug": {"fr": "ecole-tumo", "en": "tumo-school", "hy": "թումո"},
            "short_name": {"fr": "TUMO", "en": "TUMO", "hy": "Թումո"},
            "city": MASIS,
            "country": ARMENIA,
            "description": localized_paragraphs(
                {
                    "fr": [
                        "Une école TUMO est en construction sur le territoire de la Communauté "
                        "de communes de Masis : une école gratuite en informatique et "
                        "innovation."
                    ],
                    "en": [
                        "A TUMO school (TUMO Center for Creative Technologies) is under "
                        "construction in the Masis Community: a free school of computing and "
                        "innovation."
                    ],
                    "hy": [
                        "Մասիս համայնքում կառուցվում է «Թումո» ստեղծարար տեխնոլոգիաների "
                        "կենտրոն՝ ինֆորմատիկայի և նորարարության անվճար դպրոց։"
                    ],
                }
            ),
        },
    },
]


def load_kinds(loader):
    return {
        identifier: loader.object(
            f"partner-kind-{identifier}",
            PartnerKind,
            identifier=identifier,
            name=name,
            name_plural=name_plural,
            schema_type=schema_type,
            sort_order=position * 10,
        )
        for position, (identifier, (name, name_plural, schema_type)) in enumerate(
            KINDS.items(), start=1
        )
    }


def load(loader):
    home = loader.existing("home")
    if home is None:
        return
    index = loader.page(
        "partner-index", home, PartnerIndexPage, show_in_menus=True, **PARTNER_INDEX
    )
    if index is None:  # deleted by staff: its partners go with it
        return
    kinds = load_kinds(loader)
    for partner in PARTNERS:
        kind = kinds.get(partner["kind"])
        if kind is None:  # staff deleted the kind: a partner cannot be created without one
            continue
        loader.page(partner["key"], index, PartnerPage, kind=kind, **partner["fields"])
