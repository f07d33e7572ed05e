#!/usr/bin/env python3
"""Set up and run the Masis site with nothing but Python 3.11+.

    python3 tasks.py serve      # venv, install, migrate, translations, static, seed, run on :8000
    python3 tasks.py test       # venv, install with test extras, run the whole test suite
    python3 tasks.py messages   # refresh the translation catalogues after changing strings
    python3 tasks.py audit      # known vulnerabilities in the pinned dependencies (pip-audit)

Every step is idempotent, so both commands can be run again at any time.
"""

import os
import subprocess
import sys
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


def messages():
    """makemessages (needs GNU gettext), English filled from the source strings, compile."""
    ensure_venv("test")
    manage(
        "makemessages",
        "-l",
        "fr",
        "-l",
        "en",
        "-l",
        "hy",
        "--no-obsolete",
        "--no-location",
        "--ignore=.venv",
        "--ignore=staticfiles",
        "--ignore=tests",
        "--ignore=bench",
    )
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


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "serve":
        serve()
    elif command == "test":
        test(sys.argv[2:])
    elif command == "messages":
        messages()
    elif command == "audit":
        audit()
    else:
        sys.exit(__doc__)
