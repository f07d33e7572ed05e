"""Check that the translation catalogues are up to date with the code, and complete.

Runs ``makemessages`` with the options given (those of ``python3 tasks.py messages``), compares
the strings of each catalogue before and after, and puts the catalogues back as they were:
a string that makemessages would add or drop means someone changed a string in the code without
running ``python3 tasks.py messages``. Then every entry must be translated, not fuzzy, and
compiled into the ``.mo`` file.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def strings(catalogue):
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in catalogue}


def problems_of(path):
    catalogue = polib.pofile(str(path))
    problems = [
        f"{path}: not translated: {entry.msgid!r}"
        for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries()
    ]
    compiled = {entry.msgid for entry in polib.mofile(str(path.with_suffix(".mo")))}
    if not {entry.msgid for entry in catalogue.translated_entries()} <= compiled:
        problems.append(f"{path.with_suffix('.mo')} is older than its .po")
    return problems


class Command(BaseCommand):
    help = "Fail when the catalogues miss strings of the code, or any entry is not translated."

    def add_arguments(self, parser):
        parser.add_argument("makemessages_args", nargs="*")

    def handle(self, *args, makemessages_args, **options):
        paths = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))
        before = {path: path.read_bytes() for path in paths}
        try:
            call_command("makemessages", *makemessages_args, verbosity=0)
            stale = [
                str(path)
                for path in paths
                if strings(polib.pofile(str(path))) != strings(polib.pofile(before[path].decode()))
            ]
        finally:
            for path, content in before.items():
                path.write_bytes(content)
        problems = [f"{path}: strings of the code missing or obsolete" for path in stale]
        for path in paths:
            problems += problems_of(path)
        if problems:
            raise CommandError(
                "\n".join(problems) + "\nRun python3 tasks.py messages and translate."
            )
        self.stdout.write("Catalogues up to date and complete.")
