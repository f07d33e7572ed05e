from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from institutional.views import send_message
from masis.api import api_router
from masis.caching.views import healthz
from masis.operations.restrictions import (
    authenticate_document_password,
    authenticate_page_password,
)
from masis.search import views as search_views

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password checks of restricted documents and pages, throttled (same addresses,
    # before Wagtail's own routes).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        authenticate_document_password,
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", search_views.sitemap, name="sitemap"),
    path("robots.txt", search_views.robots_txt, name="robots_txt"),
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public URL carries its language prefix; "/" redirects to the visitor's language.
urlpatterns += i18n_patterns(
    # Translators: the search page's address, after the language prefix (lower case, ends in /).
    path(_("search/"), search_views.search, name="search"),
    # Contact forms post here: checked by origin, as visitors get no CSRF cookie.
    path("message/<int:page_id>/", send_message, name="contact_send"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_page_password,
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
