from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modeltranslation.utils import build_localized_fieldname
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from masis.core.blocks import BodyBlock
from masis.core.dates import DatePrecision, PartialDate, truncate
from masis.core.models import BasePage
from masis.core.site_address import absolute_url
from masis.multilingual.collation import sorted_by_name
from masis.multilingual.languages import SOURCE_LANGUAGE
from partners.models import PartnerPage
from timeline.models import CooperationEventPage
from timeline.places import PLACES_INCLUDING
from timeline.places import Place as EventPlace

from .forms import TownProfilePageForm
from .locator_map import ARMENIA_TURKEY_BORDER, LocatorMap, Place
from .panels import CapitalPositionCheckPanel


class HomePage(BasePage):
    """The site's root page: what the twinning is, and the way into each section."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Lead paragraph under the site’s title.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Cards show a title and an introduction: the sections' bodies stay in the database.
        sections = self.get_children().live().in_menu().defer_streamfields().specific()
        context["sections"] = list(sections.order_by("path"))
        return context


class StandardPage(BasePage):
    """A page of text: the twinning's background, legal notice, accessibility statement…"""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("List this page among the footer’s links (legal notice, accessibility…)."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("show_in_footer")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="link")
class ExternalLinks(BaseGenericSetting):
    """Links to the two towns' own websites, shown in the footer."""

    city_url = models.URLField(_("City of Aix-en-Provence website"), blank=True)
    city_masis_url = models.URLField(_("City’s page about Masis"), blank=True)
    masis_url = models.URLField(_("Masis Community website"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("city_url"), FieldPanel("city_masis_url"), FieldPanel("masis_url")],
            heading=_("Footer links"),
        )
    ]

    class Meta:
        verbose_name = _("external links")


LATITUDE_RANGE_MESSAGE = _(
    "Latitude must be between -90 and 90 degrees (north of the equator is positive)."
)
LONGITUDE_RANGE_MESSAGE = _(
    "Longitude must be between -180 and 180 degrees (east of Greenwich is positive)."
)


def latitude_field(verbose_name, help_text=""):
    return models.FloatField(
        verbose_name,
        null=True,
        blank=True,
        help_text=help_text,
        validators=[
            MinValueValidator(-90, message=LATITUDE_RANGE_MESSAGE),
            MaxValueValidator(90, message=LATITUDE_RANGE_MESSAGE),
        ],
    )


def longitude_field(verbose_name, help_text=""):
    return models.FloatField(
        verbose_name,
        null=True,
        blank=True,
        help_text=help_text,
        validators=[
            MinValueValidator(-180, message=LONGITUDE_RANGE_MESSAGE),
            MaxValueValidator(180, message=LONGITUDE_RANGE_MESSAGE),
        ],
    )


class FilledInText(serializers.Field):
    """A page's text in the API as visitors read it: ``{name}`` references filled in."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return page.fill_in(getattr(page, self.field_name))


class CompassPoint(models.TextChoices):
    NORTH = "N", _("north")
    NORTH_EAST = "NE", _("north-east")
    EAST = "E", _("east")
    SOUTH_EAST = "SE", _("south-east")
    SOUTH = "S", _("south")
    SOUTH_WEST = "SW", _("south-west")
    WEST = "W", _("west")
    NORTH_WEST = "NW", _("north-west")


# One sentence per direction: languages place and inflect the direction differently
# ("au sud-est", "à l'est"; Armenian puts the capital, in the ablative, first).
POSITION_FROM_CAPITAL = {
    CompassPoint.NORTH: _("%(distance)s km north of the capital"),
    CompassPoint.NORTH_EAST: _("%(distance)s km north-east of the capital"),
    CompassPoint.EAST: _("%(distance)s km east of the capital"),
    CompassPoint.SOUTH_EAST: _("%(distance)s km south-east of the capital"),
    CompassPoint.SOUTH: _("%(distance)s km south of the capital"),
    CompassPoint.SOUTH_WEST: _("%(distance)s km south-west of the capital"),
    CompassPoint.WEST: _("%(distance)s km west of the capital"),
    CompassPoint.NORTH_WEST: _("%(distance)s km north-west of the capital"),
}


class TownProfilePage(BasePage):
    """Who our twin town is: Masis, its figures, economy, schools, geography and the twinning."""

    base_form_class = TownProfilePageForm

    introduction = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )

    # Identity
    official_name = models.CharField(
        _("official name"),
        max_length=255,
        default="",
        help_text=_("For instance: Communauté de communes de Masis."),
    )
    local_name = models.CharField(
        _("local name"),
        max_length=100,
        blank=True,
        help_text=_("The name in Armenian script, the same in every language: Մասիս."),
    )
    main_town = models.CharField(_("main town"), max_length=100, default="")
    region = models.CharField(_("region"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    latitude = latitude_field(_("latitude"), _("Decimal degrees of the main town, e.g. 40.0676."))
    longitude = longitude_field(
        _("longitude"), _("Decimal degrees of the main town, e.g. 44.4356.")
    )

    # Neighbourhood
    capital = models.CharField(
        _("neighbouring capital"), max_length=100, blank=True, help_text=_("For instance: Yerevan.")
    )
    capital_latitude = latitude_field(_("latitude of the capital"))
    capital_longitude = longitude_field(_("longitude of the capital"))
    distance_to_capital_km = models.PositiveIntegerField(
        _("distance to the capital (km)"), null=True, blank=True
    )
    direction_from_capital = models.CharField(
        _("direction from the capital"),
        max_length=2,
        choices=CompassPoint.choices,
        blank=True,
        help_text=_("Where the town lies, seen from the capital."),
    )
    border_country = models.CharField(
        _("bordering country"), max_length=100, blank=True, help_text=_("For instance: Turkey.")
    )

    # Twinning
    twinning_date = models.DateField(
        _("date of the twinning agreement"),
        null=True,
        blank=True,
        help_text=_("For a month or a year, any day of it: only the precision below is shown."),
    )
    twinning_date_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    shared_heritage = models.TextField(
        _("what the two towns share"),
        blank=True,
        help_text=_("The history, culture or ambitions Aix-en-Provence and the town share."),
    )

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")
        ),
        MultiFieldPanel(
            [
                FieldPanel("official_name"),
                FieldPanel("local_name"),
                FieldPanel("main_town"),
                FieldPanel("region"),
                FieldPanel("country"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capital"),
                FieldRowPanel([FieldPanel("capital_latitude"), FieldPanel("capital_longitude")]),
                FieldRowPanel(
                    [FieldPanel("distance_to_capital_km"), FieldPanel("direction_from_capital")]
                ),
                CapitalPositionCheckPanel(),
                FieldPanel("border_country"),
            ],
            heading=_("Geography"),
        ),
        InlinePanel("key_figures", heading=_("Key figures"), label=_("Key figure")),
        InlinePanel("economic_sectors", heading=_("Economic sectors"), label=_("Economic sector")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("twinning_date"), FieldPanel("twinning_date_precision")]),
                FieldPanel("shared_heritage"),
            ],
            heading=_("Twinning"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("official_name"),
        index.SearchField("shared_heritage"),
        index.SearchField("body"),
        index.RelatedFields("key_figures", [index.SearchField("label")]),
        index.RelatedFields("economic_sectors", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("introduction", serializer=FilledInText()),
        APIField("official_name"),
        APIField("local_name"),
        APIField("main_town"),
        APIField("region"),
        APIField("country"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("capital"),
        APIField("distance_to_capital_km"),
        APIField("direction_from_capital"),
        APIField("border_country"),
        APIField("key_figures"),
        APIField("economic_sectors"),
        APIField("twinning_date"),
        APIField("twinning_date_precision"),
        APIField("shared_heritage"),
        APIField("body"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    LATEST_EVENTS = 6
    LOCAL_PARTNERS = 12

    class Meta:
        verbose_name = _("town profile page")

    def clean(self):
        super().clean()
        errors = {}
        source_alt = build_localized_fieldname("hero_image_alt", SOURCE_LANGUAGE)
        if self.hero_image_id and not (getattr(self, source_alt, "") or "").strip():
            errors[source_alt] = _("Describe the hero image for people who cannot see it.")
        for lat, lon in (("latitude", "longitude"), ("capital_latitude", "capital_longitude")):
            if (getattr(self, lat) is None) != (getattr(self, lon) is None):
                missing = lat if getattr(self, lat) is None else lon
                errors[missing] = _("Give both the latitude and the longitude, or neither.")
        if self.twinning_date:
            self.twinning_date = truncate(self.twinning_date, self.twinning_date_precision)
        if errors:
            raise ValidationError(errors)

    # The reference to the position from the capital in texts: {position_from_capital}.
    POSITION_REFERENCE = "position_from_capital"

    @cached_property
    def referenced_figures(self):
        """(reference, value) of the key figures that have a reference: read once per page
        object, however many of its texts quote them."""
        return [
            (figure.reference, figure.value)
            for figure in self.key_figures.all()
            if figure.reference
        ]

    def text_values(self):
        """The key figures by their reference ({villages} → "26"), and the position from the
        capital ({position_from_capital} → "18 km south-east of the capital")."""
        values = {
            reference: formats.localize(value) for reference, value in self.referenced_figures
        }
        position = self.position_from_capital()
        if position:
            values[self.POSITION_REFERENCE] = position
        return values

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def twinning_agreement(self):
        """The date of the twinning agreement, as precise as it is known."""
        if self.twinning_date is None:
            return None
        return PartialDate(self.twinning_date, self.twinning_date_precision)

    def position_from_capital(self):
        """ "18 km south-east of the capital", in the active language."""
        phrase = POSITION_FROM_CAPITAL.get(self.direction_from_capital)
        if phrase is None or self.distance_to_capital_km is None:
            return ""
        return phrase % {"distance": formats.localize(self.distance_to_capital_km)}

    def openstreetmap_url(self):
        lat, lon = f"{self.latitude:.4f}", f"{self.longitude:.4f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=12/{lat}/{lon}"

    def locator_map(self):
        if not self.has_coordinates:
            return None
        capital = None
        if self.capital_latitude is not None and self.capital_longitude is not None:
            capital = Place(self.capital, self.capital_latitude, self.capital_longitude)
        return LocatorMap(
            town=Place(self.main_town, self.latitude, self.longitude),
            capital=capital,
            border=ARMENIA_TURKEY_BORDER if self.border_country else None,
            border_name=self.border_country,
            country_name=self.country,
        )

    def map_description(self):
        """The locator map's text alternative; says that the border line is schematic."""
        names = {"town": self.main_town, "capital": self.capital, "border": self.border_country}
        if self.capital and self.border_country:
            text = _(
                "Locator map: %(town)s, the capital %(capital)s and the border with %(border)s, "
                "drawn as a schematic line, not the exact boundary."
            )
        elif self.capital:
            text = _("Locator map: %(town)s and the capital %(capital)s.")
        elif self.border_country:
            text = _(
                "Locator map: %(town)s and the border with %(border)s, drawn as a schematic "
                "line, not the exact boundary."
            )
        else:
            text = _("Locator map: %(town)s.")
        return text % names

    def structured_data(self, request=None):
        """schema.org City for JSON-LD, names in the active language."""
        names = [self.local_name, self.main_town, self.official_name_fr]
        data = {
            "@context": "https://schema.org",
            "@type": "City",
            "name": self.official_name,
            "alternateName": list(dict.fromkeys(n for n in names if n and n != self.official_name)),
            "url": absolute_url(self.get_url(request)),
        }
        if self.introduction:
            data["description"] = self.fill_in(self.introduction)
        if self.has_coordinates:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": self.latitude,
                "longitude": self.longitude,
            }
        country = {"@type": "Country", "name": self.country} if self.country else None
        if self.region:
            region = {"@type": "AdministrativeArea", "name": self.region}
            if country:
                region["containedInPlace"] = country
            data["containedInPlace"] = region
        elif country:
            data["containedInPlace"] = country
        return data

    def cooperation_events(self):
        """Published cooperation events that mention the town, newest first.

        An event mentions it when it took place there (or in both towns) or when one of its
        partners is based there.
        """
        with_local_partner = CooperationEventPage.objects.filter(
            partners__city_fr__iexact=self.main_town_fr
        ).values("pk")
        return (
            CooperationEventPage.objects.live()
            .public()
            .filter(
                models.Q(place__in=PLACES_INCLUDING[EventPlace.MASIS])
                | models.Q(pk__in=with_local_partner)
            )
            .newest_first()
        )

    def partners(self, events=None):
        """Published partners based in the town or taking part in its events, most recent first.

        "Most recent" is the start of the latest published event a partner took part in; the
        partners with no event follow, by name. ``events``: ``cooperation_events()``, if at hand.
        """
        if events is None:
            events = self.cooperation_events()
        return (
            PartnerPage.objects.live()
            .public()
            .filter(
                models.Q(city_fr__iexact=self.main_town_fr)
                | models.Q(cooperation_events__in=events.values("pk"))
            )
            .annotate(
                latest_event=models.Max(
                    "cooperation_events__start_date",
                    filter=models.Q(cooperation_events__in=events.values("pk")),
                )
            )
            .order_by(models.F("latest_event").desc(nulls_last=True), "title")
        )

    def listed_pages(self):
        """The latest events and most recent partners, and the pages that list them all
        (``timeline_page``, ``partner_index``: the parents of the first of each list)."""
        events = self.cooperation_events()
        latest_events = list(events.defer_streamfields()[: self.LATEST_EVENTS])
        local_partners = most_recent_first(
            self.partners(events).defer_streamfields()[: self.LOCAL_PARTNERS]
        )
        return {
            "latest_events": latest_events,
            "local_partners": local_partners,
            "timeline_page": latest_events[0].get_parent() if latest_events else None,
            "partner_index": local_partners[0].get_parent() if local_partners else None,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        figures = list(self.key_figures.all())
        context["key_figures"] = [f for f in figures if f.category == KeyFigureCategory.GENERAL]
        context["school_figures"] = [
            f for f in figures if f.category == KeyFigureCategory.EDUCATION
        ]
        context["economic_sectors"] = list(self.economic_sectors.all())
        context["locator_map"] = self.locator_map()
        context["structured_data"] = self.structured_data(request)
        # The lists (listed_pages) are read by the template, inside a fragment kept until the
        # next content change.
        return context


def most_recent_first(partners):
    """Partners by their latest event, newest first (none last), then in the alphabetical
    order of the active language (the database's order of names knows no language)."""
    return sorted(  # sorted() is stable: the alphabetical order stays within a date
        sorted_by_name(partners, lambda partner: partner.title),
        key=lambda partner: (
            partner.latest_event is None,
            -partner.latest_event.toordinal() if partner.latest_event else 0,
        ),
    )


class KeyFigureCategory(models.TextChoices):
    GENERAL = "general", _("Territory and population")
    EDUCATION = "education", _("Schools")


class KeyFigure(Orderable):
    """A number that describes the town: 26 villages, about 100,000 inhabitants…"""

    page = ParentalKey(TownProfilePage, on_delete=models.CASCADE, related_name="key_figures")
    category = models.CharField(
        _("section"),
        max_length=20,
        choices=KeyFigureCategory.choices,
        default=KeyFigureCategory.GENERAL,
    )
    value = models.PositiveIntegerField(_("value"))
    reference = models.SlugField(
        _("reference in texts"),
        max_length=40,
        blank=True,
        help_text=_(
            "A short name, e.g. villages: write {villages} in the page’s introduction and "
            "visitors read this figure there, in their language’s number format, always the "
            "same as here."
        ),
    )
    approximate = models.BooleanField(
        _("approximate"),
        default=False,
        help_text=_("Shown as “about 100,000” rather than “100,000”."),
    )
    label = models.CharField(
        _("unit or label"),
        max_length=150,
        help_text=_("What is counted, as it reads after the number: “villages”, “inhabitants”."),
    )
    status = models.CharField(
        _("status"),
        max_length=100,
        blank=True,
        help_text=_("Shown to visitors next to the figure, e.g. “under construction”."),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("An explanation shown under the figure."),
    )

    panels = [
        FieldRowPanel([FieldPanel("value"), FieldPanel("approximate"), FieldPanel("category")]),
        FieldPanel("reference"),
        FieldPanel("label"),
        FieldPanel("status"),
        FieldPanel("note"),
    ]
    api_fields = [
        APIField("category"),
        APIField("value"),
        APIField("approximate"),
        APIField("label"),
        APIField("status"),
        APIField("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        return f"{self.value} {self.label}"


class EconomicSector(Orderable):
    """One of the town's main economic sectors (agriculture, fish farming…)."""

    page = ParentalKey(TownProfilePage, on_delete=models.CASCADE, related_name="economic_sectors")
    name = models.CharField(_("name"), max_length=150)

    panels = [FieldPanel("name")]
    api_fields = [APIField("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("economic sector")
        verbose_name_plural = _("economic sectors")

    def __str__(self):
        return self.name


class SeedRecord(models.Model):
    """What ``load_masis_content`` created, under a key that staff edits cannot change.

    The loader creates an object only when its key has no record: an object staff edited, moved
    or deleted is never touched again.
    """

    key = models.CharField(max_length=200, unique=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key
