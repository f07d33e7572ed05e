from django.apps import AppConfig


class MultilingualConfig(AppConfig):
    name = "masis.multilingual"
    label = "multilingual"  # as before the move into masis/: same tables and migrations
    verbose_name = "Multilingual"

    def ready(self):
        # After wagtail_modeltranslation's ready(), which patches the page models' routing.
        from . import routing

        routing.install()
