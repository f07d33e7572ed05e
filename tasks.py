#!/usr/bin/env python3
"""Set up and run the Masis site with nothing but Python 3.11+.

    python3 tasks.py serve          # install, migrate, translations, static, seed, run on :8000
    python3 tasks.py test           # venv, install with test extras, run the whole test suite
    python3 tasks.py lint           # ruff, formatting, migrations and catalogues up to date
    python3 tasks.py upgrade-check  # a database of the code before the move still migrates
    python3 tasks.py messages       # refresh the translation catalogues after changing strings
    python3 tasks.py audit          # known vulnerabilities in the pinned dependencies (pip-audit)
    python3 tasks.py stack          # nginx, Varnish, two app servers, S3: started, checked, removed

Every step is idempotent, so both commands can be run again at any time.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("MASIS_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"


def run(*args, **kwargs):
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], cwd=ROOT, check=True, **kwargs)


def ensure_venv(extras=""):
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    stamp = VENV / f".installed{extras}"
    pyproject = ROOT / "pyproject.toml"
    if not stamp.exists() or stamp.stat().st_mtime < pyproject.stat().st_mtime:
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        target = f".[{extras}]" if extras else "."
        run(PYTHON, "-m", "pip", "install", "--quiet", "-e", target)
        stamp.touch()


def manage(*args, settings=None):
    env = dict(os.environ)
    if settings:
        env["DJANGO_SETTINGS_MODULE"] = settings
    return run(PYTHON, "manage.py", *args, env=env)


def compile_catalogues():
    """Compile .po files to .mo in Python, so that no system gettext is needed."""
    import_polib = "import polib, pathlib, sys\n" + (
        "for po in pathlib.Path('locale').glob('*/LC_MESSAGES/*.po'):\n"
        "    polib.pofile(str(po)).save_as_mofile(str(po.with_suffix('.mo')))\n"
    )
    run(PYTHON, "-c", import_polib)


def serve():
    ensure_venv()
    manage("migrate", "--noinput")
    compile_catalogues()
    manage("collectstatic", "--noinput", "--verbosity", "0")
    manage("load_masis_content")
    manage("index_page_texts")  # a database made before search.PageText
    manage("record_translation_sources")  # translations written before their sources were kept
    manage("ensure_local_admin")
    manage("runserver", "127.0.0.1:8000")


def test(pytest_args):
    ensure_venv("test")
    compile_catalogues()
    env = dict(os.environ)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run([str(PYTHON), "-m", "pytest", *pytest_args], cwd=ROOT, env=env)
    # pytest exits 5 when it collected nothing: never a success.
    sys.exit(result.returncode or 0)


MAKEMESSAGES = [
    "makemessages",
    *("-l", "fr", "-l", "en", "-l", "hy"),
    "--no-obsolete",
    "--no-location",
    *("--ignore=.venv", "--ignore=staticfiles", "--ignore=tests", "--ignore=bench"),
    *("--ignore=deploy", "--ignore=docs"),
]


def lint():
    """What CI checks before the tests: code style, migrations, translation catalogues."""
    ensure_venv("test")
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    manage("makemigrations", "--check", "--dry-run", settings="masis.settings.test")
    if not shutil.which("xgettext"):
        sys.exit("The catalogue check needs GNU gettext (apt-get install gettext).")
    manage("check_catalogues", "--", *MAKEMESSAGES[1:])


# The last commit before the machinery moved into masis/ (issue #16): databases made by it must
# still migrate, keep their seeded content and not be seeded again.
BEFORE_THE_MOVE = "095176e"


def upgrade_check(base=BEFORE_THE_MOVE):
    """Migrate and seed a database with the code of ``base`` (a git worktree), then with this
    code: every migration it applied is still known under the same app and name, migrating
    applies only migrations added since, no model change lacks a migration, and the seed
    loader creates nothing that ``base`` had created already. On PostgreSQL when DATABASE_URL
    names one (a database of its own next to it), on SQLite otherwise."""
    ensure_venv("test")
    workdir = Path(tempfile.mkdtemp(prefix="masis-upgrade-"))
    old = workdir / "old"
    run("git", "worktree", "add", "--detach", old, base)
    url = os.environ.get("DATABASE_URL", "")
    database = None
    if url.startswith("postgres"):
        database = f"masis_upgrade_{os.getpid()}"
        url = url.rsplit("/", 1)[0] + "/" + database
        psql(url, f'CREATE DATABASE "{database}"')
    else:
        url = f"sqlite:///{workdir / 'upgrade.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "masis.settings.dev",
        "MEDIA_ROOT": str(workdir / "media"),
        "PAGE_CACHE_ENABLED": "0",
    }
    env.pop("REDIS_URL", None)
    env.pop("CACHE_URL", None)

    def django(cwd, *args):
        result = subprocess.run(
            [str(PYTHON), "manage.py", *args], cwd=cwd, env=env, check=True,
            capture_output=True, text=True,
        )  # fmt: skip
        return result.stdout

    try:
        django(old, "migrate", "--noinput")
        django(old, "load_masis_content")
        applied = set(django(old, "showmigrations", "--plan").splitlines())
        plan_now = django(ROOT, "showmigrations", "--plan").splitlines()
        lost = {line for line in applied if line.startswith("[X]")} - set(plan_now)
        if lost:
            sys.exit(f"Migrations of the old database unknown to this code: {sorted(lost)}")
        added = [line[4:] for line in plan_now if line.startswith("[ ]")]
        print(f"Migrations added since {base}: {added or 'none'}")
        django(ROOT, "migrate", "--noinput")
        django(ROOT, "makemigrations", "--check", "--dry-run")
        keys_before = set(django(ROOT, "shell", "-c", SEED_KEYS).split())
        django(ROOT, "load_masis_content")
        created = set(django(ROOT, "shell", "-c", SEED_KEYS).split()) - keys_before
        unexpected = created - SEED_KEYS_ADDED_SINCE_THE_MOVE
        if unexpected:
            sys.exit(f"The seed loader created objects the old database had: {sorted(unexpected)}")
        print(f"Seed objects new since {base}: {sorted(created) or 'none'}")
        print("Upgrade check: passed.")
    finally:
        run("git", "worktree", "remove", "--force", old)
        if database:
            psql(os.environ["DATABASE_URL"], f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        shutil.rmtree(workdir, ignore_errors=True)


# Seed objects the data gained since BEFORE_THE_MOVE (any other key created on an old database
# would be a duplicate of what it has under another key).
SEED_KEYS_ADDED_SINCE_THE_MOVE = set()
SEED_KEYS = (
    "from pages.models import SeedRecord; print(*SeedRecord.objects.values_list('key', flat=True))"
)


def psql(url, statement):
    """``statement`` on the maintenance database of the server ``url`` names."""
    run("psql", "-q", url.rsplit("/", 1)[0] + "/postgres", "-c", statement)


def messages():
    """makemessages (needs GNU gettext), English filled from the source strings, compile."""
    ensure_venv("test")
    manage(*MAKEMESSAGES)
    fill_english = (
        "import polib\n"
        "po = polib.pofile('locale/en/LC_MESSAGES/django.po')\n"
        "for e in po:\n"
        "    if 'fuzzy' in e.flags: e.flags.remove('fuzzy')\n"
        "    if e.msgid_plural: e.msgstr_plural = {0: e.msgid, 1: e.msgid_plural}\n"
        "    else: e.msgstr = e.msgid\n"
        "po.save()\n"
    )
    run(PYTHON, "-c", fill_english)
    compile_catalogues()


def audit():
    """pip-audit of everything installed in the venv (the pinned dependencies and theirs).

    Needs PyPI's advisory API: where it cannot be reached, --strict makes the audit fail
    ("could not be audited") rather than report a clean result. A manual check, not a CI gate.
    """
    ensure_venv("audit")
    options = ["--strict", "--skip-editable", "--progress-spinner", "off", "--desc"]
    result = subprocess.run([str(PYTHON), "-m", "pip_audit", *options], cwd=ROOT)
    sys.exit(result.returncode)


def stack(options):
    """The deployment of docs/deploying.md on this machine, checked end to end (deploy/stack.py)."""
    ensure_venv("stack")
    compile_catalogues()
    result = subprocess.run([str(PYTHON), "deploy/stack.py", *options], cwd=ROOT)
    sys.exit(result.returncode)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "serve":
        serve()
    elif command == "test":
        test(sys.argv[2:])
    elif command == "lint":
        lint()
    elif command == "upgrade-check":
        upgrade_check(*sys.argv[2:3])
    elif command == "messages":
        messages()
    elif command == "audit":
        audit()
    elif command == "stack":
        stack(sys.argv[2:])
    else:
        sys.exit(__doc__)
