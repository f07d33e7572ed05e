from django import template
from django.utils.html import format_html

from masis.core.dates import RANGE_SEPARATOR, DateSpan, PartialDate

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
