import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masis.settings.production")
# Web requests: PostgreSQL stops a query after this long (settings.base); manage.py commands,
# which do not load this module, have no such limit.
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "10s")

application = get_wsgi_application()
