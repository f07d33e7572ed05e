from django.contrib.postgres.search import SearchVectorField
from django.db import models


class PageText(models.Model):
    """A page's words in one language, for PostgreSQL full-text search (search.page_texts).

    Wagtail's own index merges every language of a page into one document; this keeps one
    vector per language, under a GIN index (PostgreSQL only, migration 0002), so that a query
    reads the index instead of parsing every page's text again.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    vector = SearchVectorField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language"], name="search_one_text_per_language"
            )
        ]

    def __str__(self):
        return f"{self.page_id} ({self.language})"
