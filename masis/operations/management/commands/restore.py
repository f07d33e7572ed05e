from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from masis.operations.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore an archive written by `backup` into an empty database and media storage."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="masis-backup-….tar.gz")
        parser.add_argument("--database", default="default")

    def handle(self, *args, archive, database, **options):
        try:
            manifest, media = restore(archive, connection=connections[database])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored the {manifest['engine']} database of {manifest['created']} "
            f"and {media} media files. Run `manage.py migrate --noinput` if the code is newer."
        )
