from django import template
from wagtail.models import Page, Site

from pages.models import StandardPage

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def site_root(context):
    return _site_root(context.get("request"))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's live children that staff chose to show in menus."""
    root = _site_root(context.get("request"))
    if root is None:
        return Page.objects.none()
    return root.get_children().live().public().in_menu().order_by("path")


@register.simple_tag
def footer_pages():
    return StandardPage.objects.live().public().filter(show_in_footer=True).order_by("path")


@register.simple_tag
def breadcrumbs(page):
    """The page's ancestors below Wagtail's invisible root, home first."""
    if page is None or not getattr(page, "pk", None):
        return []
    return list(page.get_ancestors().filter(depth__gt=1))


@register.filter
def is_section_of(menu_page, page):
    """The page is this menu entry or lies below it (for aria-current)."""
    return page is not None and page.path.startswith(menu_page.path)
