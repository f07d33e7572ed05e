"""Routing by translated slug with one query per level of the path.

wagtail-modeltranslation routes a request by loading every child of each page on the path and
comparing their slugs in Python, so that a slug not translated falls back to French: a
partner's page loaded the whole directory (108 partners in the benchmark), an event's page every
event. ``route`` below asks the database for the child whose slug matches, with the same
fallback and in the same order, and is otherwise the same as wagtail-modeltranslation's.
"""

from django.db.models import Q
from django.http import Http404
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult


def slug_matches(slug):
    """Pages whose slug, as read in the active language (with its fallbacks), is ``slug``."""
    match = None
    untranslated = Q()
    for language in resolution_order(get_language()):
        field = build_localized_fieldname("slug", language)
        here = untranslated & Q(**{field: slug})
        match = here if match is None else match | here
        # A later language counts only where this one has no slug.
        untranslated &= Q(**{field: ""}) | Q(**{f"{field}__isnull": True})
    return match


def _routes_like_a_page(page_class):
    return (
        page_class is not None
        and page_class.route is route
        and not issubclass(page_class, RoutablePageMixin)
    )


def route(self, request, path_components):
    if isinstance(self, RoutablePageMixin) and self.live:
        try:
            path = "/" + "".join(f"{component}/" for component in path_components)
            view, args, kwargs = self.resolve_subpage(path)
            return RouteResult(self, args=(view, args, kwargs))
        except Http404:
            pass
    if path_components:
        child = self.get_children().filter(slug_matches(path_components[0])).first()
        if child is None:
            raise Http404
        remaining = path_components[1:]
        if remaining and _routes_like_a_page(child.specific_class):
            # On the way to a descendant, a page that routes by this function needs no
            # specific object (a query spared per level): only the page served does.
            return route(child, request, remaining)
        return child.specific.route(request, remaining)
    if self.live:
        return RouteResult(self)
    raise Http404


def install():
    """Replace wagtail-modeltranslation's ``route`` on the page models, after its ready().

    The one assignment onto page classes the site makes. It cannot be an override on
    ``BasePage``: wagtail-modeltranslation assigns its own ``route`` onto every translated page
    class at start-up, which hides any ``route`` a base class defines. So it is replaced where
    it was put, on the classes that carry wagtail-modeltranslation's function.
    """
    from wagtail.models import get_page_models

    for model in get_page_models():
        own_route = vars(model).get("route")
        if own_route is not None and own_route.__module__.startswith("wagtail_modeltranslation"):
            model.route = route
