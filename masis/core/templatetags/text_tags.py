from django import template

register = template.Library()


@register.filter
def filled_in(text, page):
    """``text`` of ``page`` with its ``{name}`` references filled in (``BasePage.fill_in``)."""
    fill_in = getattr(page, "fill_in", None)
    return fill_in(text) if fill_in else text
