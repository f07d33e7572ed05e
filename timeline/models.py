from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from masis.core.blocks import BodyBlock
from masis.core.dates import DatePrecision, DatePrecisionField, DateSpan, PartialDate, truncate
from masis.core.models import BasePage
from masis.core.site_address import absolute_url
from masis.editorial.forms import TranslatedModelForm
from masis.multilingual.collation import sorted_by_name

from .feeds import TimelineAtomFeed, TimelineRssFeed
from .ical import calendar_response
from .jsonld import event_json_ld
from .listing import timeline_listing, years_covered
from .places import PLACES_INCLUDING, Place


class Theme(models.Model):
    """What an event is about (youth, culture, health…): a snippet, translated."""

    base_form_class = TranslatedModelForm

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_(
            "Used in the timeline’s filter address, e.g. ?theme=youth. Same in every language."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["slug"]

    def __str__(self):
        return self.name or self.slug


class CooperationEventQuerySet(PageQuerySet):
    def newest_first(self):
        """By start, then end, latest first (an event with no end ends when it starts)."""
        return self.order_by(
            models.F("start_date").desc(),
            Coalesce("end_date", "start_date").desc(),
            "-pk",
        )

    def oldest_first(self):
        return self.order_by(
            models.F("start_date").asc(), Coalesce("end_date", "start_date").asc(), "pk"
        )

    def at_place(self, place):
        """Events at ``place``; ``"masis"`` also gives the events held in both towns."""
        return self.filter(place__in=PLACES_INCLUDING.get(place, [place]))

    def in_year(self, year):
        """Events whose period overlaps the calendar year ``year``."""
        return self.filter(start_date__year__lte=year).filter(
            models.Q(end_date__isnull=True, start_date__year__gte=year)
            | models.Q(end_date__year__gte=year)
        )

    def with_theme(self, theme):
        return self.filter(themes=theme)

    def for_listing(self):
        """What a list of events shows (date, place, themes) without a query per event, and
        without the bodies in three languages that a list never shows.

        The themes land in ``listed_themes``: a plain list is far cheaper to attach than
        Django's per-event related manager.
        """
        themes = models.Prefetch("themes", to_attr="listed_themes")
        return self.defer_streamfields().prefetch_related(themes)


CooperationEventManager = PageManager.from_queryset(CooperationEventQuerySet)


class CooperationEventPage(RoutablePageMixin, BasePage):
    """A dated step of the Aix–Masis cooperation, as precise as its source says."""

    start_date = models.DateField(
        _("start date"),
        help_text=_(
            "For a month or a year, choose its first day: only the month or the year is shown."
        ),
    )
    start_precision = DatePrecisionField(_("start precision"))
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Leave empty for an event with a single date."),
    )
    end_precision = DatePrecisionField(_("end precision"))
    place = models.CharField(
        _("place"),
        max_length=20,
        choices=Place.choices,
        blank=True,
        help_text=_("Leave empty when the sources do not say where it took place."),
    )
    themes = ParentalManyToManyField(
        "timeline.Theme", related_name="events", blank=True, verbose_name=_("themes")
    )
    partners = ParentalManyToManyField(
        "partners.PartnerPage",
        related_name="cooperation_events",
        blank=True,
        verbose_name=_("partners"),
    )
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences, shown in lists, feeds and calendars.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    objects = CooperationEventManager()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_precision")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_precision")]),
            ],
            heading=_("Date"),
        ),
        FieldPanel("place"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("images", label=_("Images")),
        InlinePanel("attachments", label=_("Documents")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("place"),
        index.FilterField("start_date"),
    ]
    api_fields = [
        APIField("start_date"),
        APIField("start_precision"),
        APIField("end_date"),
        APIField("end_precision"),
        APIField("place"),
        APIField("themes"),
        APIField("partners"),
        APIField("summary"),
        APIField("body"),
    ]

    parent_page_types = ["timeline.TimelinePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("cooperation event")
        verbose_name_plural = _("cooperation events")
        indexes = [
            # The order of the timeline and of the latest events (newest_first): a page of
            # events reads its rows from here instead of sorting every event.
            models.Index(
                models.F("start_date").desc(),
                Coalesce("end_date", "start_date").desc(),
                models.F("page_ptr").desc(),
                name="event_newest_first",
            ),
        ]

    @property
    def start(self):
        return PartialDate(self.start_date, self.start_precision)

    @property
    def end(self):
        if self.end_date is None:
            return None
        return PartialDate(self.end_date, self.end_precision)

    @property
    def span(self):
        return DateSpan(self.start, self.end)

    @property
    def start_year(self):
        return self.start_date.year

    @property
    def themes_by_name(self):
        """The event's themes in the alphabetical order of the active language (prefetched by
        ``for_listing()``, else one query)."""
        themes = getattr(self, "listed_themes", None)
        return sorted_themes(self.themes.all() if themes is None else themes)

    def clean(self):
        super().clean()
        errors = {}
        for date_field, precision_field in (
            ("start_date", "start_precision"),
            ("end_date", "end_precision"),
        ):
            message = _precision_error(getattr(self, date_field), getattr(self, precision_field))
            if message:
                errors[date_field] = message
        if self.end_date is None:
            # Nothing to be precise about: keep the end's precision in step with the start.
            self.end_precision = self.start_precision
        elif self.start_date is not None and not errors:
            message = _order_error(self.start, self.end)
            if message:
                errors["end_date"] = message
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = sorted_themes(self.themes.all())
        partners = sorted_by_name(
            (partner for partner in self.partners.all() if partner.live),
            lambda partner: partner.title,
        )
        images = list(self.images.select_related("image").prefetch_related("image__renditions"))
        context.update(
            event_themes=themes,
            event_partners=partners,
            event_images=images,
            event_attachments=list(self.attachments.select_related("document")),
            structured_data=event_json_ld(
                self, request, themes=themes, partners=partners, images=images
            ),
        )
        context["previous_event"], context["next_event"] = self.neighbours()
        context["calendar_url"] = subpage_url(self, "calendar", request)
        context["timeline_url"] = self.get_parent().get_url(request)
        return context

    def neighbours(self):
        """The events just before and just after this one, in date order (or None)."""
        siblings = CooperationEventPage.objects.sibling_of(self).live().public()
        ids = list(siblings.oldest_first().values_list("pk", flat=True))
        if self.pk not in ids:
            return None, None
        position = ids.index(self.pk)
        wanted = {
            "previous": ids[position - 1] if position > 0 else None,
            "next": ids[position + 1] if position + 1 < len(ids) else None,
        }
        found = {
            event.pk: event
            for event in CooperationEventPage.objects.filter(
                pk__in=[pk for pk in wanted.values() if pk]
            )
        }
        return found.get(wanted["previous"]), found.get(wanted["next"])

    @path("calendar/", name="calendar")
    def calendar_view(self, request):
        """This event as an iCalendar file."""
        return calendar_response(request, [self], filename=self.slug, title=self.title)


def _precision_error(value, precision):
    if value is None or truncate(value, precision) == value:
        return None
    if precision == DatePrecision.YEAR:
        return _(
            "With year precision only the year is shown: choose 1 January (%(date)s), "
            "or a finer precision."
        ) % {"date": truncate(value, precision).strftime("%d/%m/%Y")}
    return _(
        "With month precision only the month is shown: choose the first day of the month "
        "(%(date)s), or day precision."
    ) % {"date": truncate(value, precision).strftime("%d/%m/%Y")}


def _order_error(start, end):
    if end.last_day < start.first_day:
        return _("The end (%(end)s) is before the start (%(start)s).") % {
            "end": end.format(),
            "start": start.format(),
        }
    if end == start:
        return _("The end is the same as the start: leave the end date empty.")
    if end.first_day < start.first_day or end.last_day < start.last_day:
        return _(
            "The end (%(end)s) does not come after the start (%(start)s): at these precisions "
            "the two dates overlap. Give a later end or the same precision for both."
        ) % {"end": end.format(), "start": start.format()}
    return None


def subpage_url(page, name, request):
    """The URL of one of ``page``'s routes, in the active language."""
    return page.get_url(request) + page.reverse_subpage(name)


def sorted_themes(themes):
    """Themes in the alphabetical order of the active language."""
    return sorted_by_name(themes)


class CooperationEventImage(Orderable):
    page = ParentalKey(CooperationEventPage, related_name="images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CooperationEventAttachment(Orderable):
    page = ParentalKey(CooperationEventPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    title = models.CharField(
        _("link text"),
        max_length=250,
        blank=True,
        help_text=_("Defaults to the document’s title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def link_text(self):
        return self.title or self.document.title


class TimelinePage(RoutablePageMixin, BasePage):
    """The record of the Aix–Masis cooperation, as dated events."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["timeline.CooperationEventPage"]
    max_count = 1

    events_per_page = 20

    class Meta:
        verbose_name = _("timeline page")

    def events(self):
        """The timeline's published events, newest first."""
        return CooperationEventPage.objects.child_of(self).live().public().newest_first()

    def facets(self):
        """(years covered, themes used, by name) of the events: what the filters offer."""
        events = self.events()
        years = years_covered(events.values_list("start_date", "end_date"))
        used_themes = Theme.objects.filter(events__in=events.values("pk")).distinct()
        return years, sorted_themes(used_themes)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        years, themes = self.facets()
        context.update(
            timeline_listing(self, years, themes, request),
            feed_url=absolute_url(subpage_url(self, "feed", request)),
            atom_url=absolute_url(subpage_url(self, "atom_feed", request)),
            calendar_url=subpage_url(self, "calendar", request),
        )
        return context

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return TimelineRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return TimelineAtomFeed(self)(request)

    @path("calendar/", name="calendar")
    def calendar_view(self, request):
        """Every event as one iCalendar file."""
        events = self.events().oldest_first().for_listing()
        return calendar_response(
            request, events, filename="aix-masis-cooperation", title=self.title
        )
