from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from masis.multilingual import xliff


class Command(BaseCommand):
    help = (
        "Import the translations of an XLIFF 1.2 file: a new draft revision of each page "
        "(published with --publish). All or nothing for a broken file; units whose French "
        "changed since the export are refused and listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", help="Import as this user: their permissions apply.")
        parser.add_argument("--language", help="Refuse a file for another language.")
        parser.add_argument("--publish", action="store_true", help="Publish the changed pages.")

    def handle(self, *args, file, user, language, publish, **options):
        account = None
        if user:
            account = get_user_model().objects.filter(username=user).first()
            if account is None:
                raise CommandError(f"No user named {user}")
        try:
            with open(file, "rb") as stream:
                content = stream.read()
        except OSError as error:
            raise CommandError(str(error)) from error
        try:
            result = xliff.import_units(content, account, expected_language=language)
            revisions = xliff.save(result, account)
        except xliff.XliffError as error:
            raise CommandError("Nothing was imported:\n" + "\n".join(error.messages)) from error
        if publish:
            for revision in revisions:
                if (
                    account is None
                    or revision.content_object.permissions_for_user(account).can_publish()
                ):
                    revision.publish(user=account)
        self.stdout.write(f"{len(result.applied)} units applied to {len(result.items)} items")
        for refusal in result.refused:
            self.stdout.write(f"refused {refusal.unit_id}: {refusal.reason}")
        if result.skipped:
            self.stdout.write(f"{len(result.skipped)} units without a translation left aside")
