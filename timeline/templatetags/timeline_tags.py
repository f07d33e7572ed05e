from django import template
from django.template.defaultfilters import filesizeformat

from ..models import CooperationEventPage, TimelinePage

register = template.Library()


@register.simple_tag
def document_format(document):
    """ "PDF, 1,2 Mo": a document's format and size, in the active language."""
    parts = [document.file_extension.upper()] if document.file_extension else []
    if document.file_size:
        parts.append(filesizeformat(document.file_size))
    return ", ".join(parts)


@register.simple_tag
def latest_events(count=3, themes=True):
    """The ``count`` most recent published events (one query; two with their themes)."""
    try:
        count = max(0, min(int(count), 20))
    except (TypeError, ValueError):
        count = 3
    events = CooperationEventPage.objects.live().public().newest_first()
    events = events.for_listing() if themes else events.defer_streamfields()
    return list(events[:count])


@register.simple_tag
def timeline_section(pages):
    """The timeline among ``pages`` (e.g. the home page's section cards), without a query."""
    return next(
        (page for page in pages or () if issubclass(page.specific_class, TimelinePage)), None
    )
