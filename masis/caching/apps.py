from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "masis.caching"
    label = "caching"  # as before the move into masis/: same tables and migrations
    verbose_name = "Page cache"

    def ready(self):
        from . import invalidation

        invalidation.connect_signals()
