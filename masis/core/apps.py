from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """What every content app builds on: the base page, body blocks, dates, seeding."""

    name = "masis.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from .site_address import follow_site_url

        post_migrate.connect(follow_site_url, sender=self, dispatch_uid="follow-site-url")
