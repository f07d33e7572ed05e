from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from masis.operations.backups import BackupError, backup


class Command(BaseCommand):
    help = "Write a timestamped archive of the database and the media files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(settings.BASE_DIR / "var" / "backups"),
            help="Directory of the archive (default: var/backups).",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, output_dir, database, **options):
        try:
            result = backup(output_dir, connection=connections[database])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{result.path} ({result.media_files} media files)")
