import pytest
from django.core.management import call_command

from masis.editorial.roles import EDITORS, MODERATORS, TRANSLATORS

from .factories import staff_member
from .helpers import logged_in, set_admin_language


def _uses_the_database(item):
    # pytest-django's own rule for which tests get a test database.
    names = getattr(item, "fixturenames", ())
    return item.get_closest_marker("django_db") or {"db", "transactional_db"} & set(names)


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """The seed content, loaded once into the test database; each test rolls back its changes.

    When no collected test uses a database (``tasks.py test tests/browser``: the browser tests
    serve a database of their own), pytest-django creates none, and there is nothing to load.
    """
    if not any(_uses_the_database(item) for item in request.session.items):
        return
    with django_db_blocker.unblock():
        call_command("load_masis_content", verbosity=0)


@pytest.fixture
def seeded(db):
    """The seeded site (the session's test database), for tests that read pages."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(autouse=True)
def _forget_cached_pages():
    """A page a test let the page cache keep stays out of the next test: each test rolls its
    database back, but not the shared cache. A new content version leaves it behind."""
    yield
    from masis.caching.invalidation import bump_version

    bump_version()


@pytest.fixture
def media_in_tmp(settings, tmp_path):
    """Files the test stores (images, documents) go to a folder of its own, not the project's."""
    media = tmp_path / "media"
    settings.MEDIA_ROOT = str(media)
    return media


# --- Staff in the admin: pytest-django's ``admin_client`` (a superuser, ``admin_user``), and one
# logged-in client per role.


@pytest.fixture
def english_admin_client(admin_client, admin_user):
    """The superuser's admin in English, whose messages the assertions read."""
    set_admin_language(admin_user, "en")
    return admin_client


@pytest.fixture
def editor_user(db):
    return staff_member(EDITORS)


@pytest.fixture
def editor(editor_user):
    return logged_in(editor_user)


@pytest.fixture
def translator_user(db):
    return staff_member(TRANSLATORS)


@pytest.fixture
def translator(translator_user):
    return logged_in(translator_user)


@pytest.fixture
def moderator(db):
    return logged_in(staff_member(MODERATORS))
