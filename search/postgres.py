"""Wagtail's PostgreSQL search backend, searching named columns of one language.

Imported only on PostgreSQL (by search.backends.language_backend).
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import F, Func, JSONField
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.fields import StreamField


class StreamFieldText(Func):
    """The text of a StreamField column: the string leaves of its blocks' values.

    Cast to text whole, the column's JSON would make every block type ("paragraph",
    "heading") and block id a word of the page.
    """

    function = "jsonb_path_query_array"
    template = "%(function)s(%(expressions)s, '$[*].value.** ? (@.type() == \"string\")')"
    output_field = JSONField()


class ColumnSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_fields_vectors(self, search_query):
        model = self.queryset.model
        vectors = []
        for lookup, search_field in self.search_fields.items():
            column = F(lookup)
            if isinstance(model._meta.get_field(lookup), StreamField):
                column = StreamFieldText(column)
            # Upstream multiplies each rank by the field's boost, None unless declared: the
            # whole score would be NULL.
            boost = 1.0 if search_field.boost is None else search_field.boost
            vectors.append((SearchVector(column, config=search_query.config), boost))
        return vectors


class ColumnSearchBackend(PostgresSearchBackend):
    query_compiler_class = ColumnSearchQueryCompiler
