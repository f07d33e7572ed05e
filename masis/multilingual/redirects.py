"""A page's old address answers 301 to its new one, in every language.

Slugs are translated, so a page has one public URL per language, each built from that
language's ``url_path_<code>`` (wagtail-modeltranslation). Whenever a save changes them — a
slug set or edited in any language, a page moved, an ancestor's slug changed — each URL that was
public and no longer is gets a permanent redirect (Wagtail's redirects app) to the page, which
Wagtail's redirect middleware resolves in the language of the request: a redirect never
points to an address that later changes again.

Wagtail's own automatic redirects (``WAGTAILREDIRECTS_AUTO_CREATE``) are switched off in the
settings: they only see the URL of the language active when the page is saved.
"""

from django.db.models.signals import post_save, pre_save
from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from .languages import LANGUAGE_CODES
from .links import page_url

URL_FIELDS = {
    build_localized_fieldname(name, code)
    for name in ("slug", "url_path")
    for code in LANGUAGE_CODES
}
URL_PATH_FIELDS = {code: build_localized_fieldname("url_path", code) for code in LANGUAGE_CODES}


def _may_change_urls(instance, update_fields):
    if not isinstance(instance, Page) or instance.pk is None:
        return False
    return update_fields is None or bool(URL_FIELDS & set(update_fields))


def _public_urls(pages):
    """{(page id, language): URL} of ``pages`` as their in-memory url paths give them."""
    return {
        (page.pk, code): url
        for page in pages
        for code in LANGUAGE_CODES
        if (url := page_url(page, code))
    }


def remember_urls(sender, instance, update_fields=None, raw=False, **kwargs):
    """Before a save: the page's and its live descendants' URLs as stored."""
    if raw or not _may_change_urls(instance, update_fields):
        return
    stored = Page.objects.filter(path__startswith=instance.path, depth__gte=instance.depth)
    before = [
        page for page in stored.live() if page.pk == instance.pk or page.depth > instance.depth
    ]
    instance.urls_before_save = (_public_urls(before), before)


def redirect_old_urls(sender, instance, update_fields=None, raw=False, **kwargs):
    """After a save: a redirect from every URL that changed, to its page."""
    remembered = getattr(instance, "urls_before_save", None)
    if remembered is None:
        return
    del instance.urls_before_save
    urls_before, pages_before = remembered
    own = next((page for page in pages_before if page.pk == instance.pk), None)
    if own is None:  # was not live: none of its URLs was public
        return
    # The descendants' url paths are rewritten after this save (by Wagtail and
    # wagtail-modeltranslation, in bulk): their new ones follow the page's.
    after = [instance]
    for page in pages_before:
        if page.pk == instance.pk:
            continue
        for field in URL_PATH_FIELDS.values():
            old_prefix, new_prefix = getattr(own, field), getattr(instance, field)
            path = getattr(page, field)
            if old_prefix and new_prefix and path and path.startswith(old_prefix):
                setattr(page, field, new_prefix + path[len(old_prefix) :])
        after.append(page)
    urls_after = _public_urls(after)
    site = instance.get_site()
    for (page_id, code), old_url in urls_before.items():
        new_url = urls_after.get((page_id, code))
        if new_url and new_url != old_url and old_url.startswith("/"):
            Redirect.objects.update_or_create(
                site=site,
                old_path=Redirect.normalise_path(old_url),
                defaults={
                    "redirect_page_id": page_id,
                    "redirect_link": "",
                    "is_permanent": True,
                    "automatically_created": True,
                },
            )
    # A page given back an address it had: that address is its own again.
    own_urls = [url for url in urls_after.values() if url.startswith("/")]
    Redirect.objects.filter(
        site=site, old_path__in=[Redirect.normalise_path(url) for url in own_urls]
    ).delete()


def connect():
    pre_save.connect(remember_urls, dispatch_uid="masis-remember-urls")
    post_save.connect(redirect_old_urls, dispatch_uid="masis-redirect-old-urls")
