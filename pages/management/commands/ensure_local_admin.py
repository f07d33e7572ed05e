import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "For a local run: create the superuser 'admin' with a random password, printed once, "
        "if the database has no superuser yet."
    )

    def handle(self, *args, **options):
        users = get_user_model().objects
        if users.filter(is_superuser=True).exists():
            self.stdout.write("An administrator exists already (createsuperuser adds another).")
            return
        password = secrets.token_urlsafe(12)
        users.create_superuser("admin", "admin@localhost", password)
        self.stdout.write(
            self.style.WARNING(
                "Local administrator created — shown only this once:\n"
                f"  http://127.0.0.1:8000/admin/  user: admin  password: {password}"
            )
        )
