"""Pages of a long list, from a ``?page=`` parameter that visitors and robots may garble.

A page number that is not one of the list's pages is a 404, never an error.
"""

import re

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

DIGITS = re.compile(r"[0-9]{1,6}", re.ASCII)


def page_number(params):
    """The requested page, 1 when absent; 404 for anything that is not a page number."""
    values = params.getlist("page")
    if not values or values == [""]:
        return 1
    if len(values) > 1 or not DIGITS.fullmatch(values[0]) or int(values[0]) < 1:
        raise Http404(_("There is no such page of events."))
    return int(values[0])


def paginate(items, number, per_page):
    paginator = Paginator(items, per_page)
    if number > paginator.num_pages:
        raise Http404(_("There is no such page of events."))
    return paginator.page(number)


def page_query(number):
    """The query string of page ``number`` of a list with no other parameter."""
    return f"?page={number}" if number > 1 else ""


def neighbour_queries(page, query_for=page_query):
    """{previous_page_query, next_page_query} of a paginator page: None where there is none."""
    return {
        "previous_page_query": query_for(page.previous_page_number())
        if page.has_previous()
        else None,
        "next_page_query": query_for(page.next_page_number()) if page.has_next() else None,
    }
