from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerKind


class PartnerKindViewSet(SnippetViewSet):
    model = PartnerKind
    icon = "tag"
    menu_label = _("Kinds of partner")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "name_plural", "identifier", "schema_type", "sort_order"]
    ordering = ["sort_order", "identifier"]


register_snippet(PartnerKindViewSet)
