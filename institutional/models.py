"""The pages a French public website owes its visitors, all in the footer: the legal notice (its
publisher, director of publication and host from a setting staff fill), the personal data page
(what the site does with visitors' data, from its own configuration), the accessibility statement
(RGAA 4.1, its compliance status computed from the audit staff record), a site map drawn from the
page tree, and a contact form whose messages are deleted after a set period.
"""

import datetime
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    FormMixin,
    FormSubmission,
)
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    BaseViewRestriction,
    CollectionViewRestriction,
    Orderable,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.search import index

from masis.core.blocks import BodyBlock
from masis.core.dates import DatePrecision, PartialDate
from masis.core.models import BasePage
from masis.core.site_address import absolute_url, site_host
from masis.editorial.forms import TranslatedModelForm
from masis.multilingual.fields import stored_value, translatable_field_names, value_is_empty
from masis.multilingual.languages import SOURCE_LANGUAGE
from masis.operations.ratelimit import RateLimit

from .forms import ContactFormBuilder, ContactPageForm

logger = logging.getLogger(__name__)

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "lang-fr"]


class ConformityState(models.TextChoices):
    """The three states of RGAA 4.1."""

    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("non-compliant")

    @classmethod
    def for_rate(cls, criteria_met_percent):
        """The state an audit's rate of criteria met gives: 100 % fully compliant, at least
        50 % partially; below, or without an audit, non-compliant."""
        if criteria_met_percent is None or criteria_met_percent < 50:
            return cls.NONE
        return cls.FULL if criteria_met_percent >= 100 else cls.PARTIAL


@register_setting(icon="doc-full")
class LegalNoticeSettings(BaseGenericSetting):
    """Who publishes the site, who directs its publication and who hosts it: the legal notice
    (``LegalNoticePage``) shows what is filled in, and the dashboard says what is missing."""

    base_form_class = TranslatedModelForm

    publisher_name = models.CharField(
        _("publisher"),
        max_length=255,
        blank=True,
        help_text=_("For instance: Ville d’Aix-en-Provence."),
    )
    publisher_address = models.TextField(_("publisher’s postal address"), blank=True)
    publisher_phone = models.CharField(_("publisher’s telephone number"), max_length=40, blank=True)
    publication_director = models.CharField(
        _("director of publication"),
        max_length=255,
        blank=True,
        help_text=_("A person’s name and function, e.g. “Jeanne Martin, Mayor”."),
    )
    host_name = models.CharField(_("host"), max_length=255, blank=True)
    host_address = models.TextField(_("host’s postal address"), blank=True)
    host_phone = models.CharField(_("host’s telephone number"), max_length=40, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("publisher_name"),
                FieldPanel("publisher_address"),
                FieldPanel("publisher_phone"),
            ],
            heading=_("Publisher"),
        ),
        FieldPanel("publication_director"),
        MultiFieldPanel(
            [FieldPanel("host_name"), FieldPanel("host_address"), FieldPanel("host_phone")],
            heading=_("Host"),
        ),
    ]

    # What the law (LCEN, article 6) asks a legal notice to give.
    REQUIRED_FIELDS = (
        "publisher_name",
        "publisher_address",
        "publisher_phone",
        "publication_director",
        "host_name",
        "host_address",
        "host_phone",
    )

    class Meta:
        verbose_name = _("legal notice")

    def missing_fields(self):
        """The verbose names of the required fields still empty (in French, the source)."""
        translated = set(translatable_field_names(type(self)))

        def value(name):
            if name in translated:
                return stored_value(self, name, SOURCE_LANGUAGE)
            return getattr(self, name)

        return [
            self._meta.get_field(name).verbose_name
            for name in self.REQUIRED_FIELDS
            if value_is_empty(value(name))
        ]


class InstitutionalPage(BasePage):
    """A page a French city's site owes its visitors: one of each, right under the home page."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        abstract = True


class LegalNoticePage(InstitutionalPage):
    """The legal notice: the publisher, director of publication and host from the site's
    ``LegalNoticeSettings`` (a part left empty there is not shown), then the page's own text
    (content, credits)."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "Shown after the publisher, director of publication and host, which are set in "
            "Settings > Legal notice."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("legal notice")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["legal_notice"] = LegalNoticeSettings.load(request_or_site=request)
        return context


def contact_message_retention_days():
    return settings.CONTACT_MESSAGE_RETENTION_DAYS


def media_from_another_host():
    """True when images come from another host than the site's (``MEDIA_ORIGIN``, ``SITE_URL``):
    the personal data page then does not say that the site loads nothing from elsewhere."""
    origin = urlsplit(settings.MEDIA_ORIGIN or "").hostname
    return bool(origin) and origin != site_host()


def password_protection_in_use():
    """True when a page or a collection of documents asks visitors for a password: typing it
    right is the one thing that gives a visitor a cookie (Wagtail keeps it in a session)."""
    return any(
        model.objects.filter(restriction_type=BaseViewRestriction.PASSWORD).exists()
        for model in (PageViewRestriction, CollectionViewRestriction)
    )


class PersonalDataPage(InstitutionalPage):
    """What the site does with its visitors' data. The page's text names the controller and
    the visitors' rights; what the site itself does (no cookie, what the contact form keeps,
    for how long, who receives it) is written from its configuration, so that it stays true."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "Who is responsible for the data and how visitors exercise their rights. What the "
            "website collects, and for how long, is written after it from the site’s "
            "configuration."
        ),
    )
    contact_legal_basis = models.TextField(
        _("legal basis of the contact form"),
        blank=True,
        help_text=_("Why the City may process the messages sent through the contact form."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("contact_legal_basis"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("personal data page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contact_page = ContactPage.objects.live().public().first()
        context.update(
            contact_page=contact_page,
            contact_fields=list(contact_page.get_form_fields()) if contact_page else [],
            contact_is_mailed=bool(contact_page and contact_page.recipients()),
            retention_days=contact_message_retention_days(),
            media_from_elsewhere=media_from_another_host(),
            password_cookie_hours=(
                settings.SESSION_COOKIE_AGE // 3600 if password_protection_in_use() else None
            ),
        )
        return context


class AccessibilityStatementPage(InstitutionalPage):
    """The accessibility statement, in the format RGAA 4.1 prescribes."""

    introduction = models.TextField(
        _("commitment"),
        blank=True,
        help_text=_("Who commits to making the site accessible, under which law."),
    )
    criteria_met_percent = models.DecimalField(
        _("share of criteria met (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_(
            "From the latest audit; leave empty until an audit has been carried out. The "
            "compliance status follows: none without an audit, partial from 50 %, full at "
            "100 %. It is shown in every page’s footer, linked to this statement."
        ),
    )
    audited_by = models.CharField(
        _("audit carried out by"),
        max_length=255,
        blank=True,
    )
    established_on = models.DateField(
        _("statement established on"),
        null=True,
        blank=True,
        help_text=_("Left empty, the statement gives no date."),
    )
    non_compliant_content = RichTextField(
        _("non-compliant content"), blank=True, features=TEXT_FEATURES
    )
    disproportionate_burden = RichTextField(
        _("exemptions for disproportionate burden"), blank=True, features=TEXT_FEATURES
    )
    out_of_scope_content = RichTextField(
        _("content not subject to the accessibility obligation"),
        blank=True,
        features=TEXT_FEATURES,
    )
    technologies = models.TextField(
        _("technologies used"), blank=True, help_text=_("One technology per line.")
    )
    test_environment = models.TextField(
        _("test environment"),
        blank=True,
        help_text=_("Browsers and assistive technologies used for the tests, one per line."),
    )
    test_tools = models.TextField(
        _("tools used to assess accessibility"), blank=True, help_text=_("One tool per line.")
    )
    feedback_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    feedback_email = models.EmailField(_("contact e-mail address"), blank=True)
    feedback_postal_address = models.TextField(_("postal address"), blank=True)
    recourse = RichTextField(
        _("recourse"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("How to refer the matter to the Défenseur des droits."),
    )
    multi_year_plan = RichTextField(
        _("multi-year accessibility plan"), blank=True, features=TEXT_FEATURES
    )
    action_plan_year = models.PositiveSmallIntegerField(
        _("year of the action plan"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    action_plan = RichTextField(_("action plan"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("criteria_met_percent"), FieldPanel("audited_by")]),
                FieldPanel("established_on"),
            ],
            heading=_("Compliance status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("non_compliant_content"),
                FieldPanel("disproportionate_burden"),
                FieldPanel("out_of_scope_content"),
            ],
            heading=_("Non-accessible content"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("technologies"),
                FieldPanel("test_environment"),
                FieldPanel("test_tools"),
                InlinePanel(
                    "audited_pages",
                    label=_("Pages tested"),
                    help_text=_("The pages the audit checked: listed with its result."),
                ),
            ],
            heading=_("How this statement was established"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("feedback_page", "institutional.ContactPage"),
                FieldPanel("feedback_email"),
                FieldPanel("feedback_postal_address"),
                FieldPanel("recourse"),
            ],
            heading=_("Feedback and recourse"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("multi_year_plan"),
                FieldPanel("action_plan_year"),
                FieldPanel("action_plan"),
            ],
            heading=_("Plans"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("non_compliant_content"),
    ]

    class Meta:
        verbose_name = _("accessibility statement")

    @property
    def conformity_state(self):
        return ConformityState.for_rate(self.criteria_met_percent)

    @property
    def established(self):
        """The statement's date, for the one date formatter (timeline.dates)."""
        return PartialDate(self.established_on, DatePrecision.DAY) if self.established_on else None

    @property
    def technology_list(self):
        return _lines(self.technologies)

    @property
    def test_environment_list(self):
        return _lines(self.test_environment)

    @property
    def test_tool_list(self):
        return _lines(self.test_tools)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["audited_pages"] = [
            item.page
            for item in self.audited_pages.select_related("page")
            .filter(page__live=True)
            .order_by("sort_order", "pk")  # seeded rows may share a sort order: keep it stable
        ]
        feedback_page = self.feedback_page
        context["feedback_page"] = feedback_page if feedback_page and feedback_page.live else None
        return context


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class AuditedPage(Orderable):
    """A page of the sample the statement's tests were run on."""

    statement = ParentalKey(
        AccessibilityStatementPage, on_delete=models.CASCADE, related_name="audited_pages"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("page tested")
        verbose_name_plural = _("pages tested")


class SiteMapPage(InstitutionalPage):
    """Every public page of the site, as the page tree nests them."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("site map")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request) or self.get_site()
        context["site_map"] = page_tree(site.root_page) if site else []
        return context


class SiteMapNode:
    __slots__ = ("page", "children")

    def __init__(self, page):
        self.page = page
        self.children = []


def page_tree(root):
    """[SiteMapNode(root)]: the live public pages under ``root``, nested.

    A page whose parent is not public (a draft, a private section) is left out with it.
    """
    # Specific pages (a query per page type) mark the words of their titles in another
    # language as each type knows them (BasePage.marked_title).
    pages = (
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .defer_streamfields()
        .specific()
        .order_by("path")
    )
    nodes = {}
    top = []
    for page in pages:
        node = SiteMapNode(page)
        nodes[page.path] = node
        if page.pk == root.pk:
            top.append(node)
            continue
        parent = nodes.get(page.path[: -page.steplen])
        if parent is not None:
            parent.children.append(node)
    return top


AUTOCOMPLETE_CHOICES = [
    ("name", _("Full name")),
    ("given-name", _("Given name")),
    ("family-name", _("Family name")),
    ("email", _("E-mail address")),
    ("tel", _("Telephone")),
    ("organization", _("Organisation")),
    ("street-address", _("Street address")),
    ("postal-code", _("Postcode")),
    ("address-level2", _("Town")),
    ("country-name", _("Country")),
]


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")
    autocomplete = models.CharField(
        _("autofill purpose"),
        max_length=20,
        blank=True,
        choices=AUTOCOMPLETE_CHOICES,
        help_text=_(
            "What the field asks about the visitor, so that browsers can fill it in "
            "(WCAG 1.3.5). Leave empty for anything else."
        ),
    )

    panels = AbstractFormField.panels + [FieldPanel("autocomplete")]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


# Messages a visitor's address may send per hour, valid or not (the personal data page says that
# the address is kept about an hour).
CONTACT_LIMIT = RateLimit("contact", limit=10, period=3600)


class ContactPage(BasePage, AbstractEmailForm):
    """Contact and get involved: Wagtail's form builder, stored and e-mailed to staff."""

    base_form_class = ContactPageForm

    introduction = models.TextField(_("introduction"), blank=True)
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Shown above the send button: what is done with the data sent."),
    )
    thank_you_text = RichTextField(_("thank-you message"), blank=True, features=TEXT_FEATURES)

    form_builder = ContactFormBuilder

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel(
                    "to_address",
                    help_text=_(
                        "Where messages are sent, comma-separated. Empty: the address set "
                        "by the CONTACT_EMAIL environment variable."
                    ),
                ),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading=_("E-mail"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")

    def get_form_fields(self):
        return self.form_fields.all()

    def get_submissions_list_view_class(self):
        # Staff open the CSV export in a spreadsheet: visitors' text must not run there as
        # formulas. (Imported here: Wagtail's admin views need the models loaded.)
        from masis.operations.exports import SafeSubmissionsListView

        return SafeSubmissionsListView

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and not CONTACT_LIMIT.hit(request):
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            form.add_error(
                None,
                _("Too many messages from your connection. Please try again in an hour."),
            )
            context = self.get_context(request, *args, **kwargs)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def recipients(self):
        addresses = self.to_address or settings.CONTACT_EMAIL
        return [address.strip() for address in addresses.split(",") if address.strip()]

    def process_form_submission(self, form):
        """Store and e-mail a message, unless a robot filled in the trap field.

        The submission says whether the e-mail went (``mailed``): the thank-you page says
        "sent" only then, "received" when the message is only stored."""
        if form.caught_in_trap:
            logger.info("Contact form: a submission filled the trap field, dropped.")
            return None
        submission = FormMixin.process_form_submission(self, form)
        submission.mailed = self.send_mail(form)
        return submission

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        response.context_data["message_mailed"] = getattr(form_submission, "mailed", False)
        return response

    def send_mail(self, form):
        """E-mail the message to the recipients; True if it was handed to the mail server."""
        recipients = self.recipients()
        if not recipients:
            logger.warning("Contact form: no recipient (set CONTACT_EMAIL), message stored only.")
            return False
        with translation.override(settings.LANGUAGE_CODE):
            subject = self.subject or _("Message from the website: %(page)s") % {"page": self.title}
        message = EmailMessage(
            subject=subject,
            body=self.render_email(form),
            from_email=self.from_address or settings.DEFAULT_FROM_EMAIL,
            to=recipients,
            reply_to=form.reply_to_addresses(),
        )
        try:
            message.send()
        except OSError:  # SMTP errors are OSErrors: the message is stored all the same.
            logger.exception("Contact form: the e-mail to %s could not be sent.", recipients)
            return False
        return True

    def render_email(self, form):
        language_label, page_label = _("Language"), _("Page")
        return "\n".join(
            [
                super().render_email(form),
                "",
                f"{language_label}: {translation.get_language()}",
                f"{page_label}: {absolute_url(self.get_url())}",
            ]
        )


def expired_contact_messages(now=None):
    """The contact forms' stored messages older than ``CONTACT_MESSAGE_RETENTION_DAYS``."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=contact_message_retention_days())
    contact_pages = ContactPage.objects.values("pk")
    return FormSubmission.objects.filter(page__in=contact_pages, submit_time__lt=limit)
