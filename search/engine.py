"""Site search in one language: the pages whose text *in that language* matches every word.

wagtail-modeltranslation adds a SearchField per language for each translated field a model
lists in ``search_fields`` (``title`` → ``title_fr``, ``title_en``, ``title_hy``) and keeps the
original one, whose value is whatever language was active at indexing time. Wagtail's index
table merges them all into one document per page, so searching it would find the English
text from the French site. Instead:

- PostgreSQL: ``search(…, fields=[the language's fields])`` per page type, which Wagtail runs
  on the model's own columns with the language's text search configuration
  (stemming, accents optional) — see search.backends.
- SQLite: Wagtail's FTS5 table has no per-field columns (``fields=`` fails with "no such
  column"). Its index (all languages, accents and case folded by FTS5's unicode61 tokenizer)
  gives candidates; a page is kept when every word of the query is a word of its text in the
  language, folded the same way. No stemming: "médecin" does not find "médecins".

Both keep stream fields' text as stored: on PostgreSQL a StreamField column is its JSON, so
block type names ("paragraph") are words of the page too.
"""

import re
import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from modeltranslation.utils import build_localized_fieldname
from wagtail.search.backends import get_search_backend

from multilingual.fields import translatable_field_names
from multilingual.languages import LANGUAGE_CODES

from .backends import language_backend, uses_postgresql

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
    """Specific pages of the ``pages`` queryset matching every word of ``query``, best first."""
    terms = query_terms(query)
    if not terms:
        return []
    if uses_postgresql():
        return _search_columns(terms, language, pages)
    return _search_index_then_check(terms, language, pages)


def _search_columns(terms, language, pages):
    backend = language_backend(language)
    found = []
    # One query per page type present: constant however many pages there are.
    for type_id, model in page_types(pages).items():
        fields = language_search_fields(model, language)
        if not fields:
            continue
        queryset = model.objects.filter(content_type_id=type_id, pk__in=pages.values("pk"))
        results = backend.search(" ".join(terms), queryset, fields=fields, operator="and")
        found.extend(results.annotate_score("search_score"))
    found.sort(key=lambda page: (-page.search_score, page.path))
    return found


def _search_index_then_check(terms, language, pages):
    candidates = get_search_backend().search(" ".join(terms), pages.specific(), operator="and")
    wanted = {fold(term) for term in terms}
    return [page for page in candidates if wanted <= words_of(page, language)]


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


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return str(value)
