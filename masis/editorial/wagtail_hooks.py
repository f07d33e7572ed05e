from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from masis.multilingual.languages import AUTONYMS

from .panels import TranslationProgressPanel
from .views import StillValidView, TranslationStatusReportView, XliffImportView


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
        path("translations/import/", XliffImportView.as_view(), name=XliffImportView.url_name),
        path("translations/still-valid/", StillValidView.as_view(), name=StillValidView.url_name),
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


@hooks.register("insert_editor_js")
def name_the_languages_of_the_switcher():
    """The switcher's heading in the admin's language, each language named in itself.

    Runs after wagtail-modeltranslation's own settings script (its app comes first), before
    it builds the switcher when the page is ready.
    """
    switcher = {"heading": gettext("Show the fields in"), "names": AUTONYMS}
    return format_html(
        '{}<script src="{}"></script>',
        json_script(switcher, "masis-language-switcher"),
        static("editorial/translations.js"),
    )


@hooks.register("insert_global_admin_css")
def translation_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/translations.css"))
