"""The files of deploy/ as IT fills them in: every placeholder explained, none left behind, and
the results accepted by nginx, Varnish and (read as systemd reads them) the units.

`python3 tasks.py stack` runs these same files for real; these tests catch a broken file in
seconds. Checks that need nginx or Varnish run where they are installed (the stack installs
them in CI)."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

from deploy.render import RenderError, placeholders, render, render_file
from deploy.stack import nginx_main_config, read_environment_file, unit_command

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"
TEMPLATES = sorted(
    path for path in DEPLOY.rglob("*") if path.is_file() and path.suffix not in (".py", ".pyc")
)
UNIT_VALUES = {
    "USER": "masis",
    "APP_DIR": "/srv/masis/app",
    "VENV": "/srv/masis/app/.venv",
    "ENV_FILE": "/etc/masis/masis.env",
}


def test_every_placeholder_is_explained_where_it_is_used_and_in_the_docs():
    docs = (ROOT / "docs" / "deploying.md").read_text()
    assert TEMPLATES
    for path in TEMPLATES:
        text = path.read_text()
        header = "".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
        for name in placeholders(text):
            assert f"`{name}`" in docs, f"{name} ({path.name}) is not in docs/deploying.md"
            assert name in header, f"{path.name} does not explain {name} at its top"


def test_rendering_refuses_a_missing_value_and_a_name_the_file_does_not_have():
    text = "listen @PORT@; root @ROOT@;"
    assert render(text, {"PORT": 443, "ROOT": "/srv"}) == "listen 443; root /srv;"
    with pytest.raises(RenderError, match="no value for ROOT"):
        render(text, {"PORT": 443})
    with pytest.raises(RenderError, match="no placeholder named PROT"):
        render(text, {"PORT": 443, "ROOT": "/srv", "PROT": 1})


def test_the_environment_file_gives_production_settings_everything_they_require(tmp_path):
    values = {
        name: f"value-of-{name.lower()}"
        for name in placeholders((DEPLOY / "masis.env").read_text())
    }
    env_file = tmp_path / "masis.env"
    env_file.write_text(render_file(DEPLOY / "masis.env", values))
    env = read_environment_file(env_file)
    assert env["DJANGO_SETTINGS_MODULE"] == "masis.settings.production"
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "DATABASE_URL", "REDIS_URL"):
        assert env[name].startswith("value-of-"), name
    assert env["TRUSTED_PROXY_COUNT"] == "2"  # nginx and Varnish each append an address
    assert env["FRONTEND_CACHE_PURGE_URL"] == "value-of-varnish_url"
    assert env["AWS_STORAGE_BUCKET_NAME"] == "value-of-media_bucket"


def test_the_gunicorn_unit_binds_where_it_is_told_and_reads_the_environment_file(tmp_path):
    env_file = tmp_path / "masis.env"
    env_file.write_text("DJANGO_SETTINGS_MODULE=masis.settings.production\nSECRET_KEY=x\n")
    values = {**UNIT_VALUES, "ENV_FILE": env_file, "BIND": "10.0.0.11:8000"}
    command = unit_command(render_file(DEPLOY / "systemd/masis-gunicorn.service", values))
    assert command.args[:2] == ["/srv/masis/app/.venv/bin/gunicorn", "masis.wsgi"]
    assert command.args[command.args.index("--bind") + 1] == "10.0.0.11:8000"
    assert command.args[command.args.index("--config") + 1] == "/srv/masis/app/gunicorn.conf.py"
    assert command.cwd == "/srv/masis/app"
    assert command.env["DJANGO_SETTINGS_MODULE"] == "masis.settings.production"


@pytest.mark.parametrize("name", ["publish-scheduled", "purge-contact-messages"])
def test_each_scheduled_command_has_a_timer_and_runs_a_management_command(name, tmp_path):
    service = DEPLOY / f"systemd/masis-{name}.service"
    timer = (DEPLOY / f"systemd/masis-{name}.timer").read_text()
    assert "[Timer]" in timer and "OnCalendar=" in timer and "Persistent=true" in timer
    env_file = tmp_path / "masis.env"
    env_file.write_text("DJANGO_SETTINGS_MODULE=masis.settings.production\n")
    command = unit_command(render_file(service, {**UNIT_VALUES, "ENV_FILE": env_file}))
    assert command.env["DJANGO_SETTINGS_MODULE"] == "masis.settings.production"
    assert command.args[:2] == ["/srv/masis/app/.venv/bin/python", "manage.py"]
    assert command.args[2] == name.replace("-", "_")


def test_publish_scheduled_is_a_command_of_this_site():
    assert "publish_scheduled" in get_commands()


def rendered(workdir, relative, values):
    path = workdir / Path(relative).name
    path.write_text(render_file(DEPLOY / relative, values))
    return path


@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed")
def test_nginx_accepts_the_rendered_site(tmp_path):
    from deploy.stack import make_certificate

    (tmp_path / "logs").mkdir()
    cert, key, _tls = make_certificate(tmp_path)
    site = rendered(
        tmp_path,
        "nginx/masis.conf",
        {
            "SERVER_NAME": "www.example.org example.org",
            "SITE_URL": "https://www.example.org",
            "HTTPS_LISTEN": "127.0.0.1:8443",
            "HTTP_LISTEN": "127.0.0.1:8080",
            "TLS_CERTIFICATE": cert,
            "TLS_CERTIFICATE_KEY": key,
            "VARNISH_ADDRESS": "127.0.0.1:6081",
            "STATIC_ROOT": tmp_path / "static",
            # nginx resolves the bucket's host name when it starts: an address here.
            "MEDIA_BUCKET_URL": "http://127.0.0.1:9000/masis-media",
        },
    )
    main = tmp_path / "nginx.conf"
    main.write_text(nginx_main_config(tmp_path, site))
    result = subprocess.run(
        ["nginx", "-t", "-p", tmp_path, "-c", main, "-e", tmp_path / "logs/error.log"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not shutil.which("varnishd"), reason="Varnish is not installed")
def test_varnish_compiles_the_rendered_vcl():
    # Varnish's compiler runs as its own user: a folder it can read (pytest's are private).
    with tempfile.TemporaryDirectory() as folder:
        Path(folder).chmod(0o755)
        compile_vcl(Path(folder))


def compile_vcl(folder):
    vcl = rendered(
        folder,
        "varnish/masis.vcl",
        {
            "APP_SERVER_1_HOST": "10.0.0.11",
            "APP_SERVER_1_PORT": 8000,
            "APP_SERVER_2_HOST": "10.0.0.12",
            "APP_SERVER_2_PORT": 8000,
            "PUBLIC_HOST": "www.example.org",
        },
    )
    result = subprocess.run(
        ["varnishd", "-C", "-f", vcl, "-n", folder / "varnish"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
