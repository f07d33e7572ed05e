"""The translation-status report, in Wagtail's Reports menu, with its CSV/XLSX and XLIFF
exports; the XLIFF import; marking a translation still valid."""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from masis.multilingual import xliff
from masis.multilingual.diff import html_diff
from masis.multilingual.fields import field_text
from masis.multilingual.languages import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES
from masis.multilingual.sources import MISSING, OUTDATED, confirm, field_states
from masis.multilingual.translation_status import (
    LANGUAGE_NAMES,
    Status,
    translatable_kinds,
    translation_statuses,
)
from masis.multilingual.units import find_object, parse_unit_id

from .links import STILL_VALID_URL_NAME
from .models import TranslationStatusReport

EVERY_PAGE_TYPE = "page"
XLIFF = "xliff"


def language_choices():
    return [(code, LANGUAGE_NAMES[code]) for code in TRANSLATION_LANGUAGES]


def kind_choices():
    return [(EVERY_PAGE_TYPE, _("Every page type"))] + [
        (kind.key, kind.name) for kind in translatable_kinds()
    ]


class TranslationStatusFilterSet(WagtailFilterSet):
    """Filters rows (items × languages) rather than a queryset: each row is computed in Python."""

    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=language_choices, empty_label=_("All languages")
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=Status.choices, widget=forms.CheckboxSelectMultiple
    )
    kind = django_filters.ChoiceFilter(
        label=_("Type"), choices=kind_choices, empty_label=_("All types")
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        if queryset is None:
            queryset = (
                TranslationStatusReport.objects.none()
            )  # never run: gives the filters a model
        super().__init__(data, queryset, request=request, prefix=prefix)

    def filter_queryset(self, rows):
        data = self.form.cleaned_data
        if data.get("language"):
            rows = [row for row in rows if row.language == data["language"]]
        if data.get("status"):
            rows = [row for row in rows if matches_status(row, data["status"])]
        if data.get("kind") == EVERY_PAGE_TYPE:
            rows = [row for row in rows if row.kind.is_page]
        elif data.get("kind"):
            rows = [row for row in rows if row.kind.key == data["kind"]]
        return rows


def matches_status(row, statuses):
    """A row is *outdated* when any of its fields is, *partial* when any is missing (among
    others translated): a page can be both, whichever its status says first."""
    if row.status in statuses:
        return True
    if Status.OUTDATED in statuses and row.outdated_fields:
        return True
    return Status.PARTIAL in statuses and row.status != Status.MISSING and row.missing_fields


def is_complete(row):
    return row.status == Status.COMPLETE


def edit_link(row):
    return row.edit_url if getattr(row, "can_edit", True) else None


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    results_template_name = "editorial/translation_status_results.html"
    index_url_name = "editorial_translation_status"
    index_results_url_name = "editorial_translation_status_results"
    filterset_class = TranslationStatusFilterSet
    permission_policy = ModelPermissionPolicy(TranslationStatusReport)
    permission_required = "view"
    verbose_name_plural = _("items")
    columns = [
        TitleColumn("title", label=_("Title"), get_url=edit_link),
        Column("kind", label=_("Type"), accessor="kind.name"),
        Column("language", label=_("Language"), accessor="language_name"),
        StatusTagColumn(
            "status", label=_("Translation"), accessor="status_label", primary=is_complete
        ),
        Column("missing_fields", label=_("Missing fields"), accessor="missing_fields_text"),
        Column("outdated_fields", label=_("Outdated fields"), accessor="outdated_fields_text"),
        Column("publication", label=_("Page status"), accessor="publication_status"),
    ]
    list_export = [
        "title",
        "kind.name",
        "language_name",
        "status_label",
        "missing_fields_text",
        "outdated_fields_text",
        "publication_status",
        "edit_url",
    ]
    export_headings = {
        "title": _("Title"),
        "kind.name": _("Type"),
        "language_name": _("Language"),
        "status_label": _("Translation"),
        "missing_fields_text": _("Missing fields"),
        "outdated_fields_text": _("Outdated fields"),
        "publication_status": _("Page status"),
        "edit_url": _("Edit link"),
    }

    def get_queryset(self):
        return translation_statuses()

    def decorate_paginated_queryset(self, rows):
        """Link titles to the editor for those who may edit that kind of item (moderators
        reach pages from their dashboard, once submitted to them)."""
        allowed = {}
        for row in rows:
            model = Page if row.kind.is_page else row.kind.model
            if model not in allowed:
                policy = policy_registry.get_by_type(model)
                allowed[model] = policy.user_has_permission(self.request.user, "change")
            row.can_edit = allowed[model]
        return rows

    def get_filename(self):
        return f"translation-status-{datetime.date.today():%Y-%m-%d}"

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["edit_url"] = self.request.build_absolute_uri(item.edit_url)
        return row

    def stream_csv(self, queryset):
        # Written while the admin's language is active: a streamed response is consumed later.
        return list(super().stream_csv(queryset))

    @cached_property
    def header_buttons(self):
        return [
            Button(
                _("Export as XLIFF"),
                url=self.get_export_url(XLIFF),
                icon_name="download",
                priority=10,
                attrs={"data-xliff-export": ""},
            ),
            Button(
                _("Import XLIFF"),
                url=reverse(XliffImportView.url_name),
                icon_name="upload",
                priority=20,
            ),
        ]

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == XLIFF:
            return self.xliff_response()
        return super().get(request, *args, **kwargs)

    def xliff_response(self):
        """The filtered rows' missing and outdated fields (those the status filter names,
        when it names missing or outdated) as an XLIFF file for the chosen language."""
        filters = self.filters
        language = filters.form.cleaned_data.get("language") if filters.is_valid() else None
        if not language:
            messages.error(self.request, gettext("Choose a language to export translations."))
            params = self.request.GET.copy()
            params.pop("export", None)
            return redirect(f"{self.request.path}?{params.urlencode()}")
        statuses = set(filters.form.cleaned_data.get("status") or [])
        states = {MISSING, OUTDATED}
        if statuses & {Status.MISSING, Status.PARTIAL, Status.OUTDATED}:
            states = set()
            if statuses & {Status.MISSING, Status.PARTIAL}:
                states.add(MISSING)
            if Status.OUTDATED in statuses:
                states.add(OUTDATED)
        rows = self.get_filtered_queryset()
        units = xliff.export_units(rows, states, lambda row: row.title)
        response = HttpResponse(
            xliff.write(units, language), content_type="application/x-xliff+xml; charset=utf-8"
        )
        filename = f"translations-{language}-{datetime.date.today():%Y-%m-%d}.xlf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def report_url(**filters):
    """The report's URL, filtered (``status`` may be a list)."""
    url = reverse(TranslationStatusReportView.index_url_name)
    return f"{url}?{urlencode(filters, doseq=True)}" if filters else url


def _next_url(request, default):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}):
        return url
    return default


class XliffImportForm(forms.Form):
    file = forms.FileField(
        label=_("XLIFF file"),
        help_text=_("An XLIFF 1.2 file exported from the translation status report."),
    )
    language = forms.ChoiceField(label=_("Language of the translations"), choices=language_choices)
    publish = forms.BooleanField(
        label=_("Publish the translated pages"),
        required=False,
        help_text=_(
            "Otherwise each page gets a draft, submitted to moderation for those who may not "
            "publish."
        ),
    )

    MAX_SIZE = 5 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_SIZE:
            raise forms.ValidationError(gettext("The file is too large (5 MB at most)."))
        return upload


def submit_or_publish(result, user, publish):
    """After an import: publish each page for those who may and asked to; otherwise submit it
    to moderation (its workflow), unless it is already in moderation."""
    published = submitted = 0
    for change, revision in zip(
        [change for change in result.items if isinstance(change.item, Page)],
        result.revisions,
        strict=False,
    ):
        page = Page.objects.get(pk=change.stored_item.pk).specific
        if publish and page.permissions_for_user(user).can_publish():
            revision.publish(user=user)
            published += 1
            continue
        if page.permissions_for_user(user).can_publish():
            continue  # a draft, for the editor to publish
        workflow = page.get_workflow()
        if workflow and not page.workflow_in_progress:
            workflow.start(page, user)
            submitted += 1
    return published, submitted


class XliffImportView(WagtailAdminTemplateMixin, FormView):
    """Upload an XLIFF file: all or nothing for a broken file, stale units refused."""

    form_class = XliffImportForm
    template_name = "editorial/xliff_import.html"
    page_title = _("Import translations (XLIFF)")
    header_icon = "upload"
    url_name = "editorial_xliff_import"
    permission_policy = ModelPermissionPolicy(TranslationStatusReportView.permission_policy.model)

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        language = self.request.GET.get("language")
        return {"language": language} if language in TRANSLATION_LANGUAGES else {}

    def form_valid(self, form):
        content = form.cleaned_data["file"].read()
        try:
            result = xliff.import_units(
                content, self.request.user, expected_language=form.cleaned_data["language"]
            )
            xliff.save(result, self.request.user)
        except xliff.XliffError as error:
            form.add_error(None, gettext("Nothing was imported."))
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        published, submitted = submit_or_publish(
            result, self.request.user, form.cleaned_data["publish"]
        )
        context = self.get_context_data(
            form=self.form_class(initial={"language": result.language}),
            result=result,
            published=published,
            submitted=submitted,
        )
        return self.render_to_response(context)


class StillValidView(WagtailAdminTemplateMixin, TemplateView):
    """Mark an outdated translation still valid for the French of now (a typo fixed in
    French needs no new translation). The unit is named as in XLIFF files."""

    template_name = "editorial/still_valid.html"
    page_title = _("Translation still valid?")
    header_icon = "globe"
    url_name = STILL_VALID_URL_NAME

    def dispatch(self, request, *args, **kwargs):
        unit = request.GET.get("unit") or request.POST.get("unit") or ""
        self.language = request.GET.get("language") or request.POST.get("language")
        address = parse_unit_id(unit)
        if address is None or self.language not in TRANSLATION_LANGUAGES or address.leaf:
            raise Http404
        stored = (
            address.model._default_manager.filter(pk=address.item_pk).first()
            if address.item_pk.isdigit()
            else None
        )
        if stored is None:
            raise Http404
        if not xliff.user_may_edit(request.user, stored):
            raise PermissionDenied
        self.unit = unit
        self.item = stored
        change = xliff.item_change(stored)
        self.obj = find_object(change.item, address)
        self.name = address.name
        states = field_states(change.item, self.language) if self.obj is not None else []
        self.state = next(
            (state for state in states if _same(state.obj, self.obj) and state.name == self.name),
            None,
        )
        if self.state is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def default_next(self):
        if isinstance(self.item, Page):
            return reverse("wagtailadmin_pages:edit", args=[self.item.pk])
        return reverse(TranslationStatusReportView.index_url_name)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            state=self.state,
            unit=self.unit,
            language=self.language,
            language_name=LANGUAGE_NAMES[self.language],
            diff=html_diff(self.state.french_then, self.state.french_now),
            translation=field_text(self.state.obj, self.name, self.language),
            french=field_text(self.state.obj, self.name, SOURCE_LANGUAGE),
            next=_next_url(self.request, self.default_next()),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        confirm(self.state.obj, self.name, self.language)
        messages.success(
            request,
            gettext("The %(language)s translation of “%(field)s” is marked still valid.")
            % {"language": LANGUAGE_NAMES[self.language], "field": self.state.label},
        )
        return redirect(_next_url(request, self.default_next()))


def _same(one, other):
    return type(one) is type(other) and one.pk == other.pk
