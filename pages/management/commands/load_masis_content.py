from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from pages.seeding import Loader

# Order matters: sections hang under the home page, and events link to partners.
SEED_MODULES = ["pages.seed", "partners.seed", "timeline.seed"]


class Command(BaseCommand):
    help = (
        "Create the site's content from the seed text in French, English and Armenian. "
        "Idempotent: what exists (and whatever staff edited) is left as it is."
    )

    def handle(self, *args, **options):
        loader = Loader(self.stdout if options["verbosity"] > 1 else None)
        with translation.override("fr"), transaction.atomic():
            for module in SEED_MODULES:
                import_module(module).load(loader)
        self.stdout.write(
            self.style.SUCCESS(
                f"Seed content: {len(loader.created)} created, {len(loader.kept)} already there."
            )
        )
