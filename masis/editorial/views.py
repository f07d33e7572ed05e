"""The translation-status report, in Wagtail's Reports menu, with its CSV/XLSX export."""

import datetime

import django_filters
from django import forms
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from masis.multilingual.languages import TRANSLATION_LANGUAGES
from masis.multilingual.translation_status import (
    LANGUAGE_NAMES,
    Status,
    translatable_kinds,
    translation_statuses,
)

from .models import TranslationStatusReport

EVERY_PAGE_TYPE = "page"


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
            rows = [row for row in rows if row.status in data["status"]]
        if data.get("kind") == EVERY_PAGE_TYPE:
            rows = [row for row in rows if row.kind.is_page]
        elif data.get("kind"):
            rows = [row for row in rows if row.kind.key == data["kind"]]
        return rows


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
        Column("publication", label=_("Page status"), accessor="publication_status"),
    ]
    list_export = [
        "title",
        "kind.name",
        "language_name",
        "status_label",
        "missing_fields_text",
        "publication_status",
        "edit_url",
    ]
    export_headings = {
        "title": _("Title"),
        "kind.name": _("Type"),
        "language_name": _("Language"),
        "status_label": _("Translation"),
        "missing_fields_text": _("Missing fields"),
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


def report_url(**filters):
    """The report's URL, filtered (``status`` may be a list)."""
    url = reverse(TranslationStatusReportView.index_url_name)
    return f"{url}?{urlencode(filters, doseq=True)}" if filters else url
