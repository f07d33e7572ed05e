from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework.serializers import SlugRelatedField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.models import Filter
from wagtail.models import Page
from wagtail.search import index

from masis.core.blocks import BodyBlock
from masis.core.models import BasePage
from masis.core.pagination import neighbour_queries, page_number, paginate
from masis.editorial.forms import TranslatedModelForm
from masis.multilingual.collation import sorted_by_name
from masis.multilingual.fields import stored_value
from masis.multilingual.languages import SOURCE_LANGUAGE
from masis.multilingual.names import mark_languages

from .forms import PartnerPageForm
from .kind_filter import KindFilter
from .structured_data import organization_data
from .validators import validate_contact_link, validate_website

# The logo's renditions: AVIF, then WebP, with a PNG fallback (keeps transparency), 1x and 2x.
# The templates and the index's bulk prefetch both read this one spec.
LOGO_SPEC = "format-{avif,webp,png} max-{112x112,224x224}"
LOGO_SIZES = "7rem"
LOGO_FILTER_SPECS = Filter.expand_spec(LOGO_SPEC)


class SchemaType(models.TextChoices):
    """The schema.org type that describes an organisation of a kind (for search engines)."""

    ORGANIZATION = "Organization", _("Organisation (general)")
    GOVERNMENT = "GovernmentOrganization", _("Government organisation")
    NGO = "NGO", _("Non-governmental organisation")
    HOSPITAL = "Hospital", _("Hospital")
    EDUCATIONAL = "EducationalOrganization", _("Educational organisation")


class PartnerKind(models.Model):
    """What sort of organisation a partner is (UN agency, local authority, NGO…): a snippet.

    A snippet rather than fixed choices: staff can add a kind (a cultural venue, a university…)
    without a deployment, name it in each language with the same per-field translation as pages,
    and choose how it is described to search engines. ``identifier`` never changes with the
    language: it is the ``?kind=`` value of the index and the seed's key.
    """

    base_form_class = TranslatedModelForm

    identifier = models.SlugField(
        _("identifier"),
        max_length=50,
        unique=True,
        help_text=_(
            "Same in every language; used in the partner list’s address, e.g. ?kind=ngo. "
            "Changing it breaks links to the filtered list."
        ),
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("Singular, e.g. “Hospital”."))
    name_plural = models.CharField(
        _("plural name"),
        max_length=100,
        help_text=_("Heading of the group in the partner list, e.g. “Hospitals”."),
    )
    schema_type = models.CharField(
        _("type for search engines"),
        max_length=40,
        choices=SchemaType.choices,
        default=SchemaType.ORGANIZATION,
        help_text=_("The schema.org type given to partners of this kind."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Groups are listed by increasing position.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_plural"),
        FieldPanel("identifier"),
        FieldRowPanel([FieldPanel("schema_type"), FieldPanel("sort_order")]),
    ]

    class Meta:
        verbose_name = _("kind of partner")
        verbose_name_plural = _("kinds of partner")
        ordering = ["sort_order", "identifier"]

    def __str__(self):
        return self.name or self.identifier


class PartnerIndexPage(BasePage):
    """The directory of the organisations of the cooperation."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    max_count = 1

    class Meta:
        verbose_name = _("partner index page")

    def partners(self):
        """Published partners with their kind, and logo renditions fetched in bulk."""
        images = get_image_model().objects.prefetch_renditions(*LOGO_FILTER_SPECS)
        return (
            PartnerPage.objects.child_of(self)
            .live()
            .public()
            .select_related("kind")
            .prefetch_related(Prefetch("logo", queryset=images))
        )

    def kinds(self):
        """Every kind, with ``partner_count``: its published partners here."""
        partner_ids = PartnerPage.objects.child_of(self).live().public().values("pk")
        return list(
            PartnerKind.objects.annotate(
                partner_count=Count("partners", filter=models.Q(partners__in=partner_ids))
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kinds = self.kinds()
        kind_filter = KindFilter(request.GET, kinds)
        partners = self.partners()
        if kind_filter.selected:
            partners = partners.filter(kind__in=kind_filter.selected)
        context["kind_filter"] = kind_filter
        context["groups"] = group_by_kind(partners, kinds)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["kind_filter"].unknown:
            response.status_code = 404
        return response


def group_by_kind(partners, kinds):
    """[(kind, [partner, …]), …] in the kinds' order, each group in the alphabetical order of
    the active language, of the names as shown (French where a name is not translated);
    partners without a kind last."""
    groups = {kind.pk: (kind, []) for kind in kinds}
    unsorted = []
    for partner in sorted_by_name(partners, lambda partner: partner.title):
        groups.get(partner.kind_id, (None, unsorted))[1].append(partner)
    result = [group for group in groups.values() if group[1]]
    if unsorted:
        result.append((None, unsorted))
    return result


class PartnerPage(BasePage):
    """An organisation of the cooperation: who it is and what it does with us."""

    short_name = models.CharField(
        _("short name or acronym"),
        max_length=40,
        blank=True,
        help_text=_("As written in each language, e.g. PNUD / UNDP / ՄԱԶԾ."),
    )
    kind = models.ForeignKey(
        PartnerKind,
        verbose_name=_("kind"),
        on_delete=models.PROTECT,
        null=True,
        related_name="partners",
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    website = models.URLField(
        _("official website"),
        max_length=500,
        blank=True,
        validators=[validate_website],
        help_text=_("The full address, starting with https://"),
    )
    contact_link = models.CharField(
        _("contact link"),
        max_length=500,
        blank=True,
        validators=[validate_contact_link],
        help_text=_(
            "The organisation’s contact page (https://…) "
            "or e-mail address (mailto:name@example.org)."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to show the organisation’s initials instead."),
    )
    logo_alt_text = models.CharField(
        _("logo’s alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required with a logo: what it shows, e.g. “Logo of Médecins du Monde”."),
    )
    description = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("about the organisation"),
    )
    role = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("role in the cooperation"),
    )

    base_form_class = PartnerPageForm

    content_panels = Page.content_panels + [
        FieldPanel("short_name"),
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("city"), FieldPanel("country")], heading=_("Location")),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt_text")], heading=_("Logo")),
        MultiFieldPanel([FieldPanel("website"), FieldPanel("contact_link")], heading=_("Links")),
        FieldPanel("description"),
        FieldPanel("role"),
    ]
    api_fields = [
        APIField("short_name"),
        APIField("kind", serializer=SlugRelatedField(slug_field="identifier", read_only=True)),
        APIField("city"),
        APIField("country"),
        APIField("website"),
        APIField("contact_link"),
        APIField("logo", serializer=ImageRenditionField(LOGO_FILTER_SPECS[-1])),
        APIField("logo_alt_text"),
        APIField("description"),
        APIField("role"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        index.SearchField("city"),
        index.SearchField("country"),
        index.SearchField("description"),
        index.SearchField("role"),
    ]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    events_per_page = 10

    class Meta:
        verbose_name = _("partner page")

    def clean(self):
        super().clean()
        # French is the source language: en/hy fall back to it, so it alone is required.
        if self.logo_id and not (self.logo_alt_text_fr or "").strip():
            raise ValidationError(
                {
                    "logo_alt_text_fr": _(
                        "Describe the logo for people who cannot see it (at least in French)."
                    )
                }
            )

    def marked_name(self, field_name="title"):
        """The name (or ``short_name``) as HTML, the words of another language in <span lang>:
        the words an English name keeps from the French one ("Montperrin Hospital") are French,
        but the organisation's town, which every language writes alike."""
        source = stored_value(self, field_name, SOURCE_LANGUAGE)
        towns = [self.city, stored_value(self, "city", SOURCE_LANGUAGE)]
        return mark_languages(getattr(self, field_name), translation.get_language(), source, towns)

    def marked_title(self):
        return self.marked_name("title")

    @property
    def monogram(self):
        """Up to three letters standing for the organisation when it has no logo."""
        return monogram_letters(self.short_name, self.title)

    @property
    def monogram_language(self):
        """ "fr" when the monogram's letters come from a French name shown on a page in another
        language (the short name or the name kept in French, Latin letters on an Armenian
        page), else "" (the page's language)."""
        language = translation.get_language()
        if language == SOURCE_LANGUAGE:
            return ""
        field_name = "short_name" if monogram_uses_short_name(self.short_name) else "title"
        shown = getattr(self, field_name).split("(")[0].strip()
        source = stored_value(self, field_name, SOURCE_LANGUAGE)
        latin = any("A" <= letter <= "Z" for letter in self.monogram)
        if (shown and shown in source) or (language == "hy" and latin):
            return SOURCE_LANGUAGE
        return ""

    @property
    def website_host(self):
        """The website's host name, as link text: "www.aixenprovence.fr" → "aixenprovence.fr"."""
        host = urlsplit(self.website).hostname or self.website
        return host.removeprefix("www.")

    @property
    def contact_email(self):
        return self.contact_link.removeprefix("mailto:") if self.is_contact_email else ""

    @property
    def is_contact_email(self):
        return self.contact_link.startswith("mailto:")

    @property
    def schema_type(self):
        return self.kind.schema_type if self.kind_id else SchemaType.ORGANIZATION

    def events(self):
        """Published cooperation events this partner took part in, newest first (through the
        relation the timeline's events hold, ``cooperation_events``)."""
        return self.cooperation_events.live().public().newest_first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        logo_url = None
        if self.logo_id:
            # The logo with every rendition the page uses, in two queries.
            images = get_image_model().objects.prefetch_renditions(*LOGO_FILTER_SPECS)
            self.logo = images.filter(pk=self.logo_id).first()
            # The largest PNG rendition, which the page shows anyway.
            logo_url = self.logo.get_rendition(LOGO_FILTER_SPECS[-1]).url if self.logo else None
        # The latest events first, a page at a time: a long-standing partner may have many.
        events = self.events().defer_streamfields()
        events_page = paginate(events, page_number(request.GET), self.events_per_page)
        context.update(
            events_page=events_page,
            events=events_page.object_list,
            structured_data=organization_data(self, request, logo_url),
            **neighbour_queries(events_page),
        )
        return context


# Words left out of a monogram: "Ville d'Aix-en-Provence" → "VA".
MONOGRAM_SKIPPED_WORDS = {"à", "au", "aux", "de", "du", "des", "en", "et", "la", "le", "les"}
MONOGRAM_SKIPPED_WORDS |= {"and", "for", "of", "the", "և"}


def monogram_uses_short_name(short_name):
    short_name = (short_name or "").strip().strip('«»"')
    return bool(short_name) and len(short_name) <= 6 and " " not in short_name


def monogram_letters(short_name, name):
    """The acronym when it is short, else the initials of the name's first significant words,
    in one script: "Montperrin հիվանդանոցային կենտրոն" gives "M", not a mix of alphabets."""
    if monogram_uses_short_name(short_name):
        return short_name.strip().strip('«»"').upper()
    initials = []
    # "Médecins du Monde (Doctors of the World)": the gloss in brackets is not the name.
    name = (name or "").split("(")[0]
    for word in name.replace("’", "'").split():
        word = word.split("'")[-1].strip('«»()",.')
        if not word or word.casefold() in MONOGRAM_SKIPPED_WORDS:
            continue
        if initials and is_armenian(word[0]) != is_armenian(initials[0]):
            break
        initials.append(word[0])
    return "".join(initials[:3]).upper() or "?"


def is_armenian(letter):
    return "\u0531" <= letter <= "\u0587"
