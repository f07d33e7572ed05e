from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from masis.core.seeding import Loader

from ...models import SeedRecord

# Order matters: sections hang under the home page in menu order, and events link to partners.
SEED_STEPS = [
    "pages.seed.load",
    "timeline.seed.load_index",
    "partners.seed.load",
    "timeline.seed.load_events",
    "institutional.seed.load",
]


class Command(BaseCommand):
    help = (
        "Create the site's content from the seed text in French, English and Armenian. "
        "Idempotent: what exists (and whatever staff edited) is left as it is."
    )

    def handle(self, *args, **options):
        loader = Loader(SeedRecord, self.stdout if options["verbosity"] > 1 else None)
        with translation.override("fr"), transaction.atomic():
            for step in SEED_STEPS:
                module, function = step.rsplit(".", 1)
                getattr(import_module(module), function)(loader)
        self.stdout.write(
            self.style.SUCCESS(
                f"Seed content: {len(loader.created)} created, {len(loader.kept)} already there."
            )
        )
