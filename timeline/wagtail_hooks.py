from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Event themes")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    ordering = ["slug"]


register_snippet(ThemeViewSet)
