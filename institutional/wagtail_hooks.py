from django.urls import reverse
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .models import LegalNoticeSettings


class LegalNoticePanel(Component):
    """A warning on the dashboard while the legal notice lacks what the law asks it to give:
    the legal notice page leaves out what is missing rather than publish a placeholder."""

    name = "legal_notice"
    template_name = "institutional/admin/legal_notice_panel.html"
    order = 50

    def __init__(self, missing_fields, can_edit):
        self.missing_fields = missing_fields
        self.can_edit = can_edit

    def get_context_data(self, parent_context):
        meta = LegalNoticeSettings._meta
        return {
            "heading": gettext("Legal notice incomplete"),
            "missing_fields": self.missing_fields,
            "settings_url": (
                reverse("wagtailsettings:edit", args=[meta.app_label, meta.model_name])
                if self.can_edit
                else None
            ),
        }


@hooks.register("construct_homepage_panels")
def add_legal_notice_panel(request, panels):
    settings = LegalNoticeSettings.load(request_or_site=request)
    missing = settings.missing_fields()
    if missing:
        can_edit = request.user.has_perm("institutional.change_legalnoticesettings")
        panels.append(LegalNoticePanel(missing, can_edit))
