from django.core.management.base import BaseCommand, CommandError

from masis.multilingual import xliff
from masis.multilingual.languages import TRANSLATION_LANGUAGES
from masis.multilingual.sources import MISSING, OUTDATED, UP_TO_DATE
from masis.multilingual.translation_status import translation_statuses

STATES = {"missing": MISSING, "outdated": OUTDATED, "complete": UP_TO_DATE}


class Command(BaseCommand):
    help = (
        "Write an XLIFF 1.2 file of the fields to translate into one language: those missing "
        "or outdated (--status), of every item or of the given pages (--page)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", required=True, choices=TRANSLATION_LANGUAGES)
        parser.add_argument(
            "--status",
            default="missing,outdated",
            help="Comma-separated: missing, outdated, complete (default: missing,outdated).",
        )
        parser.add_argument("--page", type=int, action="append", default=[], help="A page id.")
        parser.add_argument("--output", required=True, help="The file to write ('-': stdout).")

    def handle(self, *args, language, status, page, output, **options):
        names = {name.strip() for name in status.split(",") if name.strip()}
        unknown = names - set(STATES)
        if unknown or not names:
            raise CommandError(f"--status: use some of {', '.join(STATES)}")
        rows = translation_statuses(languages=[language], publication_status=False)
        if page:
            rows = [row for row in rows if row.kind.is_page and row.item.pk in set(page)]
        units = xliff.export_units(rows, {STATES[name] for name in names}, lambda row: row.title)
        content = xliff.write(units, language)
        if output == "-":
            self.stdout.write(content.decode())
        else:
            with open(output, "wb") as file:
                file.write(content)
        self.stderr.write(f"{len(units)} units for {language}")
