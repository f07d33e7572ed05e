from django.apps import AppConfig


class MultilingualConfig(AppConfig):
    name = "multilingual"
    verbose_name = "Multilingual"

    def ready(self):
        # After wagtail_modeltranslation's ready(), which patches the page models' routing.
        from . import routing

        routing.install()
