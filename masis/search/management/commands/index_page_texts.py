from django.core.management.base import BaseCommand

from masis.search.backends import uses_postgresql
from masis.search.page_texts import index_all_pages, pages_without_texts


class Command(BaseCommand):
    help = (
        "Index the per-language search text of the pages that have none yet (PostgreSQL): "
        "pages are indexed as they are saved, this catches up a database filled otherwise. "
        "--all rebuilds every page's."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="rebuild every page's text")

    def handle(self, *args, **options):
        if not uses_postgresql():
            self.stdout.write("Nothing to do: the per-language search texts are PostgreSQL's.")
            return
        count = index_all_pages(None if options["all"] else pages_without_texts())
        self.stdout.write(f"Indexed the text of {count} pages in every language.")
