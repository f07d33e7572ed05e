from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "masis.search"
    label = "search"  # as before the move into masis/: same tables and migrations
    verbose_name = "Search and discovery"

    def ready(self):
        from .page_texts import connect_signals

        connect_signals()
