from functools import partial

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html

from masis.core.cards import cards_until_next_change
from masis.core.dates import RANGE_SEPARATOR, DateSpan, PartialDate
from timeline.cards import event_cards
from timeline.models import CooperationEventPage, TimelinePage

register = template.Library()


@register.simple_tag
def time_element(value, css_class=""):
    """A PartialDate or DateSpan as <time datetime="2024-06">juin 2024</time>.

    A span becomes two <time> elements so that each carries a valid machine-readable date.
    """
    if value is None:
        return ""
    attrs = format_html(' class="{}"', css_class) if css_class else ""
    if isinstance(value, DateSpan) and value.end is not None and value.end != value.start:
        return format_html(
            '<span{}><time datetime="{}">{}</time>{}<time datetime="{}">{}</time></span>',
            attrs,
            value.start.isoformat(),
            value.start.format(),
            RANGE_SEPARATOR,
            value.end.isoformat(),
            value.end.format(),
        )
    single = value.start if isinstance(value, DateSpan) else value
    assert isinstance(single, PartialDate)
    return format_html(
        '<time{} datetime="{}">{}</time>', attrs, single.isoformat(), single.format()
    )


@register.simple_tag
def document_format(document):
    """ "PDF, 1,2 Mo": a document's format and size, in the active language."""
    parts = [document.file_extension.upper()] if document.file_extension else []
    if document.file_size:
        parts.append(filesizeformat(document.file_size))
    return ", ".join(parts)


@register.simple_tag(takes_context=True)
def latest_events(context, count=3, themes=True):
    """Cards of the ``count`` most recent published events (one query; two with their
    themes)."""
    try:
        count = max(0, min(int(count), 20))
    except (TypeError, ValueError):
        count = 3
    request = context.get("request")
    events = CooperationEventPage.objects.live().public().newest_first()[:count]
    return cards_until_next_change(
        f"latest-events:{count}:{bool(themes)}",
        request,
        partial(event_cards, events, request, themes=themes),
    )


@register.simple_tag
def timeline_section(pages):
    """The timeline among ``pages`` (e.g. the home page's section cards), without a query."""
    return next(
        (page for page in pages or () if issubclass(page.specific_class, TimelinePage)), None
    )
