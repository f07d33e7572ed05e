"""PostgreSQL's text search configurations, one per language (search/migrations/0001).

Each removes accents (``unaccent``) before its stemmer, so "medecins" finds "Médecins". The
same configuration builds a page's vectors (search.page_texts) and parses the query: unaccenting
a copy of the query alone would not do, the stored text keeps its accents.
"""

from django.db import connection

TEXT_SEARCH_CONFIGS = {"fr": "masis_french", "en": "masis_english", "hy": "masis_armenian"}


def uses_postgresql():
    return connection.vendor == "postgresql"
