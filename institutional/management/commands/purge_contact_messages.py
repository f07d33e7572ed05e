from django.conf import settings
from django.core.management.base import BaseCommand

from ...models import expired_contact_messages


class Command(BaseCommand):
    help = (
        "Delete the contact form's stored messages older than CONTACT_MESSAGE_RETENTION_DAYS, "
        "as the personal data page promises. Meant to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count the messages that would be deleted, delete nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        expired = expired_contact_messages()
        days = settings.CONTACT_MESSAGE_RETENTION_DAYS
        if dry_run:
            count = expired.count()
            self.stdout.write(f"{count} contact message(s) older than {days} days to delete.")
            return
        count, _by_model = expired.delete()
        self.stdout.write(f"Deleted {count} contact message(s) older than {days} days.")
