from django.apps import AppConfig
from django.db.models.signals import post_save


class MultilingualConfig(AppConfig):
    name = "masis.multilingual"
    label = "multilingual"  # as before the move into masis/: same tables and migrations
    verbose_name = "Multilingual"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # After wagtail_modeltranslation's ready(), which patches the page models' routing.
        from wagtail.models import Revision

        from . import recording, redirects, routing

        routing.install()
        post_save.connect(recording.record_saved_object, dispatch_uid="masis-record-sources")
        post_save.connect(
            recording.record_saved_revision, sender=Revision, dispatch_uid="masis-record-revision"
        )
        redirects.connect()
