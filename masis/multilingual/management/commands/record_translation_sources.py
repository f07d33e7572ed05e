from django.core.management.base import BaseCommand

from masis.multilingual.recording import record_existing_translations


class Command(BaseCommand):
    help = (
        "Record the French source of every translation not recorded yet (content written "
        "before the record existed starts up to date). Run after migrate; idempotent."
    )

    def handle(self, *args, **options):
        record_existing_translations()
