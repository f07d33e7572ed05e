from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class HomePage(Page):
    """The site's root page: what the twinning is, and the way into each section."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Lead paragraph under the site's title.")
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
        context["sections"] = self.get_children().live().in_menu().specific().order_by("path")
        return context


class StandardPage(Page):
    """A page of text: the twinning's background, legal notice, accessibility statement…"""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("List this page among the footer's links (legal notice, accessibility…)."),
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
    city_masis_url = models.URLField(_("City's page about Masis"), blank=True)
    masis_url = models.URLField(_("Masis Community website"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("city_url"), FieldPanel("city_masis_url"), FieldPanel("masis_url")],
            heading=_("Footer links"),
        )
    ]

    class Meta:
        verbose_name = _("external links")


class TownProfilePage(Page):
    """Who our twin town is: Masis, its figures, economy, schools, geography and the twinning."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("town profile page")


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
