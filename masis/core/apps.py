from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every content app builds on: the base page, body blocks, dates, seeding."""

    name = "masis.core"
    label = "core"
    verbose_name = "Core"
