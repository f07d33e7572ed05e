from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search and discovery"

    def ready(self):
        from .page_texts import connect_signals

        connect_signals()
