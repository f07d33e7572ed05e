from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .panels import TranslationProgressPanel
from .views import TranslationStatusReportView


def can_view_translation_status(user):
    return TranslationStatusReportView.permission_policy.user_has_permission(user, "view")


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    view = TranslationStatusReportView
    return [
        path("reports/translation-status/", view.as_view(), name=view.index_url_name),
        path(
            "reports/translation-status/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse(TranslationStatusReportView.index_url_name),
        name="translation-status",
        icon_name="globe",
        order=750,
    )


@hooks.register("register_permissions")
def register_translation_status_permission():
    """Lets administrators grant the report to other groups in the group editor."""
    return Permission.objects.filter(
        content_type__app_label="editorial", codename="view_translationstatusreport"
    )


@hooks.register("construct_homepage_panels")
def add_translation_progress_panel(request, panels):
    if can_view_translation_status(request.user):
        panels.append(TranslationProgressPanel())
