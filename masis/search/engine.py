"""Site search in one language: the pages whose text *in that language* matches every word.

wagtail-modeltranslation adds a SearchField per language for each translated field a model
lists in ``search_fields`` (``title`` → ``title_fr``, ``title_en``, ``title_hy``) and keeps the
original one, whose value is whatever language was active at indexing time. Wagtail's index
table merges them all into one document per page, so searching it would find the English
text from the French site. Instead:

- PostgreSQL: search.PageText keeps, for each page and language, a text search vector of that
  language's fields built with the language's text search configuration (stemming, accents
  optional, see search.backends); a query is one indexed lookup of it (search.page_texts).
- SQLite: Wagtail's FTS5 table has no per-field columns (``fields=`` fails with "no such
  column"). Its index (all languages, accents and case folded by FTS5's unicode61 tokenizer)
  gives candidates; a page is kept when every word of the query is a word of its text in the
  language, folded the same way. No stemming: "médecin" does not find "médecins".

A StreamField counts by the text of its blocks' values: block type names ("paragraph") are not
words of a page.
"""

import re
import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import FieldDoesNotExist
from django.db.models import F
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from masis.multilingual.fields import translatable_field_names
from masis.multilingual.languages import LANGUAGE_CODES

from .backends import TEXT_SEARCH_CONFIGS, uses_postgresql
from .models import PageText

# Longer input is cut: a query is a few words, not a document.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_TERM_LENGTH = 60
WORD = re.compile(r"\w+")


def clean_query(raw):
    """The query as typed, without control characters, trimmed to a sane length."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in raw[:1000]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_terms(query):
    """The words of a query: letters and digits only, so no input reaches SQL as syntax."""
    words = [word for word in WORD.findall(unicodedata.normalize("NFC", query)) if word]
    return [word for word in words if len(word) <= MAX_TERM_LENGTH][:MAX_TERMS]


def language_search_fields(model, language):
    """The SearchFields of ``model`` that hold text in ``language``.

    A translated field counts through its ``_<language>`` column only; a field that is not
    translated (a city name, a short name) is the same in every language and always counts.
    """
    translated = set(translatable_field_names(model))
    localized = {
        build_localized_fieldname(name, code): code
        for name in translated
        for code in LANGUAGE_CODES
    }
    names = []
    for field in model.get_searchable_search_fields():
        name = field.field_name
        if name in translated or localized.get(name, language) != language:
            continue
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:  # an indexed method: no column to search
            continue
        if name not in names:
            names.append(name)
    return names


def page_types(pages):
    """{content type id: specific model} of the pages in the ``pages`` queryset."""
    ids = pages.order_by().values_list("content_type_id", flat=True).distinct()
    models = {type_id: ContentType.objects.get_for_id(type_id).model_class() for type_id in ids}
    return {type_id: model for type_id, model in models.items() if model is not None}


def search_pages(query, language, pages):
    """Ids of the pages of the ``pages`` queryset matching every word of ``query``, best first.

    Ids rather than pages: a visitor sees ten results, whatever the number found
    (``specific_pages`` fetches the ones shown).
    """
    terms = query_terms(query)
    if not terms:
        return []
    if uses_postgresql():
        return _search_page_texts(terms, language, pages)
    return _search_index_then_check(terms, language, pages)


def specific_pages(ids):
    """The specific pages of ``ids``, in that order (two queries per page type at most)."""
    pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
    return [pages[pk] for pk in ids if pk in pages]


def _search_page_texts(terms, language, pages):
    query = SearchQuery(" ".join(terms), config=TEXT_SEARCH_CONFIGS[language], search_type="plain")
    matches = (
        PageText.objects.filter(language=language, vector=query, page__in=pages.values("pk"))
        .annotate(score=SearchRank(F("vector"), query))
        .order_by("-score", "page__path")
    )
    return list(matches.values_list("page_id", flat=True))


def _search_index_then_check(terms, language, pages):
    candidates = get_search_backend().search(" ".join(terms), pages.specific(), operator="and")
    wanted = {fold(term) for term in terms}
    return [page.pk for page in candidates if wanted <= words_of(page, language)]


def fold(text):
    """Lower case without accents, as FTS5's unicode61 tokenizer folds words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words_of(page, language):
    model = type(page)
    fields = {field.field_name: field for field in model.get_searchable_search_fields()}
    words = set()
    for name in language_search_fields(model, language):
        words.update(WORD.findall(fold(_as_text(fields[name].get_value(page)))))
    return words


def json_leaves(value):
    """The leaves of a JSON-like value (dicts by their values, lists, tuples), in order."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        for item in value:
            yield from json_leaves(item)
    elif value is not None:
        yield value


def _as_text(value):
    return " ".join(str(leaf) for leaf in json_leaves(value))
