"""Wagtail's database search backend, one instance per language on PostgreSQL.

``search(query, queryset, fields=[…])`` on PostgreSQL does not read Wagtail's index table: it
builds ``to_tsvector(<config>, column)`` over the named columns and ``to_tsquery(<config>, …)``
from the query, both with the backend's ``SEARCH_CONFIG``. That config is therefore the one hook
that treats the text and the query alike: each language gets a text search configuration
(search/migrations/0001) that removes accents (``unaccent``) before its stemmer, so "medecins"
finds "Médecins". Unaccenting a copy of the query alone would not do: the stored text keeps its
accents.
"""

from functools import cache

from django.db import connection

# The PostgreSQL text search configuration of each language (search/migrations/0001).
TEXT_SEARCH_CONFIGS = {"fr": "masis_french", "en": "masis_english", "hy": "masis_armenian"}


def uses_postgresql():
    return connection.vendor == "postgresql"


@cache
def language_backend(language):
    """A PostgreSQL search backend whose text search configuration is ``language``'s."""
    from .postgres import ColumnSearchBackend

    return ColumnSearchBackend({"SEARCH_CONFIG": TEXT_SEARCH_CONFIGS[language]})
