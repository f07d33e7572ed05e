#!/usr/bin/env python3
"""The site deployed as a city's IT runs it, started on this machine and checked end to end.

    python3 tasks.py stack            # start, check everything, clean up
    python3 tasks.py stack --keep     # the same, then keep it running until Ctrl-C

nginx (TLS with a certificate made for the run) → Varnish → two gunicorn app servers → this
machine's PostgreSQL (a database of the run's own) and Redis (STACK_REDIS_URL, DB 10 by default,
with a key prefix of the run's own), media on moto's S3 server through django-storages. Each
process is started from the files of deploy/, rendered with this run's values: the nginx site,
the VCL, the environment file, and the systemd units' ExecStart lines (systemd itself is not
used). Everything listens on 127.0.0.1, on ports free at the time; files go to a temporary
folder. Every check prints its result; the first failure stops the run with the name of its step.
Whatever was started is stopped and removed, after a failure or Ctrl-C too.
"""

import argparse
import contextlib
import html
import http.client
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
sys.path.insert(0, str(ROOT))

from deploy.render import render_file  # noqa: E402  (run as a script: the root is not on the path)

VENV = Path(sys.prefix)
DEBIAN_PACKAGES = {"nginx": "nginx", "varnishd": "varnish", "openssl": "openssl"}
APP_SERVERS = ("A", "B")
BUCKET = "masis-media"
HOST = "127.0.0.1"
# The bucket policy of docs/deploying.md: renditions readable by anyone, nothing else.
PUBLIC_RENDITIONS = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "PublicRenditions",
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/images/*",
        }
    ],
}
# Pages checked in every language: (name, page type as app_label.model).
CHECKED_PAGES = {
    "home": "pages.homepage",
    "town profile": "pages.townprofilepage",
    "timeline": "timeline.timelinepage",
    "partner": "partners.partnerpage",
}


class StepFailed(Exception):
    def __init__(self, step, message):
        super().__init__(f"{step}: {message}")
        self.step = step
        self.message = message


def say(text):
    print(text, flush=True)


@contextlib.contextmanager
def step(name):
    """A step of the run: its failures are reported under its name."""
    say(f"\n== {name}")
    try:
        yield
    except StepFailed:
        raise
    except Exception as error:  # noqa: BLE001 — any error ends the run, named by its step
        raise StepFailed(name, f"{type(error).__name__}: {error}") from error


PASSED = []


def check(name, ok, detail=""):
    say(f"  [{'ok' if ok else 'FAILED'}] {name}{f' — {detail}' if detail else ''}")
    if not ok:
        raise StepFailed(name, detail or "check failed")
    PASSED.append(name)


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_until(describe, predicate, timeout=60, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if predicate():
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{describe} after {timeout} s")
        time.sleep(interval)


# --- Machine ---------------------------------------------------------------------------------


def ensure_debian_packages():
    missing = sorted({pkg for tool, pkg in DEBIAN_PACKAGES.items() if not shutil.which(tool)})
    if not missing:
        return
    if os.geteuid() != 0:
        raise RuntimeError(f"missing {', '.join(missing)}: apt-get install {' '.join(missing)}")
    say(f"  installing {', '.join(missing)} from Debian")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # Installing nginx or Varnish starts their stock service on ports 80 and 6081: not here.
    policy = Path("/usr/sbin/policy-rc.d")
    added_policy = not policy.exists()
    if added_policy:
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
    try:
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *missing],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    finally:
        if added_policy:
            policy.unlink()


class Processes:
    """Processes of the run, each in a session of its own so that its children stop with it."""

    def __init__(self, logs):
        self.logs = logs
        self.running = {}

    def start(self, name, args, env=None, cwd=None):
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 — closed in stop()
        process = subprocess.Popen(
            [str(arg) for arg in args],
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.running[name] = (process, log)
        return process

    def alive(self, name):
        return self.running[name][0].poll() is None

    def stop(self, name):
        process, log = self.running.pop(name)
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()

    def stop_all(self):
        for name in reversed(list(self.running)):
            self.stop(name)

    def pid(self, name):
        """The started process's id, which is also its session's."""
        return self.running[name][0].pid

    def tail(self, name, lines=25):
        path = self.logs / f"{name}.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


# --- systemd units, read as systemd would --------------------------------------------------


def unit_service_section(text):
    """{key: [values]} of a unit's [Service] section."""
    section, values = None, {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "Service":
            key, _equals, value = line.partition("=")
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def read_environment_file(path):
    env = {}
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _equals, value = line.partition("=")
            env[key.strip()] = value.strip().strip('"')
    return env


@dataclass
class UnitCommand:
    args: list
    env: dict
    cwd: str


def unit_command(unit_text):
    """ExecStart of a rendered unit, with the environment and directory systemd would give."""
    service = unit_service_section(unit_text)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    for path in service.get("EnvironmentFile", []):
        env.update(read_environment_file(path.lstrip("-")))
    for assignment in service.get("Environment", []):
        for item in shlex.split(assignment):
            key, _equals, value = item.partition("=")
            env[key] = value
    return UnitCommand(
        shlex.split(service["ExecStart"][-1]), env, service.get("WorkingDirectory", [None])[-1]
    )


# --- HTTP ------------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    elapsed: float

    def header(self, name, default=""):
        return self.headers.get(name, default)

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


def request(url, method="GET", headers=None, body=None, tls=None, timeout=30):
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname, parts.port, context=tls, timeout=timeout
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    started = time.monotonic()
    try:
        connection.request(method, path or "/", body=body, headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        return Response(response.status, response.headers, content, time.monotonic() - started)
    finally:
        connection.close()


def multipart(fields, files):
    """A multipart/form-data body: (content type, bytes)."""
    boundary = secrets.token_hex(16)
    chunks = []
    for name, value in fields.items():
        disposition = f'Content-Disposition: form-data; name="{name}"'
        chunks.append(f"--{boundary}\r\n{disposition}\r\n\r\n{value}\r\n".encode())
    for name, (filename, content_type, content) in files.items():
        chunks.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    chunks.append(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", b"".join(chunks)


class AdminSession:
    """A member of staff on one app server, over plain HTTP as the proxy would speak to it.

    Cookies are kept by hand: they are Secure (production settings) and a client library would
    not send them over HTTP.
    """

    def __init__(self, base_url):
        self.base_url = base_url
        self.origin = "https://" + urllib.parse.urlsplit(base_url).netloc
        self.cookies = {}

    def send(self, method, path, body=None, content_type=None):
        headers = {"X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
            headers["Content-Type"] = content_type or "application/x-www-form-urlencoded"
        response = request(self.base_url + path, method, headers, body)
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _equals, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response

    def csrf_token(self, path):
        response = self.send("GET", path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
        if response.status != 200 or not match:
            raise RuntimeError(f"GET {path}: {response.status}, no CSRF token")
        return match.group(1)

    def post_form(self, path, fields, files=None):
        token = self.csrf_token(path)
        if files:
            content_type, body = multipart({**fields, "csrfmiddlewaretoken": token}, files)
        else:
            content_type = None
            body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token})
        return self.send("POST", path, body, content_type)

    def log_in(self, username, password):
        response = self.post_form(
            "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
        )
        if response.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login refused ({response.status})")


# --- The stack -------------------------------------------------------------------------------


@dataclass
class Stack:
    workdir: Path
    processes: Processes
    tls: ssl.SSLContext
    ports: dict
    site_url: str
    app_envs: dict = field(default_factory=dict)
    admin_password: str = ""
    s3: object = None
    gunicorn_units: dict = field(default_factory=dict)
    timer_units: dict = field(default_factory=dict)

    def url(self, path):
        return self.site_url + path

    def app_url(self, server, path=""):
        return f"http://{HOST}:{self.ports[server]}{path}"

    def get(self, path, headers=None, **kwargs):
        return request(self.url(path), headers=headers, tls=self.tls, **kwargs)

    def get_from_app(self, server, path):
        """A visitor sent straight to one app server, as Varnish would send it."""
        return request(
            self.app_url(server, path),
            headers={"X-Forwarded-Proto": "https", "Host": f"{HOST}:{self.ports['https']}"},
        )

    def manage(self, *args, capture=False):
        """manage.py with app server A's environment (as the timers' units run it)."""
        env = self.app_envs["A"]
        result = subprocess.run(
            [VENV / "bin" / "python", "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=False,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stderr[-3000:]}")
        return result.stdout if capture else None

    def django(self, code):
        """Python run in a Django shell with A's environment; returns what it prints (JSON)."""
        return json.loads(self.manage("shell", "--no-imports", "-c", code, capture=True))


def render_to(workdir, template, values, name=None):
    path = workdir / (name or Path(template).name)
    path.write_text(render_file(DEPLOY / template, values))
    return path


def make_certificate(workdir):
    cert, key = workdir / "tls.crt", workdir / "tls.key"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={HOST}",
            "-addext",
            f"subjectAltName=IP:{HOST}",
            "-keyout",
            key,
            "-out",
            cert,
        ],
        check=True,
        capture_output=True,
    )
    key.chmod(0o600)
    tls = ssl.create_default_context(cafile=str(cert))
    return cert, key, tls


def postgres_admin_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path="/postgres"))


def admin_sql(statement):
    import psycopg

    with psycopg.connect(postgres_admin_url(), autocommit=True) as connection:
        connection.execute(statement)


def nginx_main_config(workdir, site_conf):
    """What Debian's /etc/nginx/nginx.conf is to a real server: process settings, then the site."""
    user = "user www-data;\n" if os.geteuid() == 0 else ""
    temp = workdir / "nginx-temp"
    temp.mkdir()
    return (
        f"{user}worker_processes 2;\npid {workdir}/nginx.pid;\n"
        f"error_log {workdir}/logs/nginx-error.log warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n    tcp_nopush on;\n"
        f"    access_log {workdir}/logs/nginx-access.log combined buffer=64k;\n"
        + "".join(
            f"    {kind}_temp_path {temp}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"    include {site_conf};\n}}\n"
    )


def delete_redis_keys(redis_url, prefix):
    import redis

    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=f"*{prefix}*", count=1000))
    for start in range(0, len(keys), 500):
        client.delete(*keys[start : start + 500])


@contextlib.contextmanager
def running_stack(workers=2):
    """Start everything; yield a Stack; stop and remove everything whatever happens."""
    with contextlib.ExitStack() as cleanup:
        workdir = Path(tempfile.mkdtemp(prefix="masis-stack-"))
        cleanup.callback(shutil.rmtree, workdir, ignore_errors=True)
        # nginx's and Varnish's workers run as their own users: they read files in here.
        workdir.chmod(0o755)
        (workdir / "logs").mkdir()
        processes = Processes(workdir / "logs")
        cleanup.callback(processes.stop_all)
        try:
            yield start_stack(cleanup, workdir, processes, workers)
        except StepFailed:
            for name in ("nginx", "varnish", "gunicorn-A", "gunicorn-B", "moto"):
                log = processes.tail(name, 15)
                if log:
                    say(f"\n--- last lines of {name}'s log\n{log}")
            raise
        finally:
            say("\n== Cleaning up: processes, database, Redis keys, files")


def start_stack(cleanup, workdir, processes, workers):
    """Each step in turn: a Stack whose processes answer. ``cleanup`` undoes each one."""
    with step("Machine: Debian packages, ports, TLS certificate"):
        ensure_debian_packages()
        ports = {name: free_port() for name in ("https", "http", "varnish", "s3", "A", "B")}
        cert, key, tls = make_certificate(workdir)
        site_url = f"https://{HOST}:{ports['https']}"
        stack = Stack(workdir, processes, tls, ports, site_url)
        say(f"  work folder {workdir}; site {site_url}")

    run_id = secrets.token_hex(4)
    with step("PostgreSQL: a database of the run's own"):
        database = f"masis_stack_{run_id}"
        admin_sql(f'CREATE DATABASE "{database}"')
        cleanup.callback(admin_sql, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        database_url = urllib.parse.urlunsplit(
            urllib.parse.urlsplit(postgres_admin_url())._replace(path=f"/{database}")
        )
        say(f"  {database}")

    redis_url = os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/10")
    cache_prefix = f"masis-stack-{run_id}"
    cleanup.callback(delete_redis_keys, redis_url, cache_prefix)

    with step("Object storage: moto's S3 server, a bucket for media"):
        s3_url = f"http://{HOST}:{ports['s3']}"
        processes.start(
            "moto", [VENV / "bin" / "moto_server", "-H", HOST, "-p", ports["s3"]], cwd=workdir
        )
        wait_until("moto did not answer", lambda: request(s3_url + "/").status == 200, 60)
        import boto3

        stack.s3 = boto3.client(
            "s3",
            endpoint_url=s3_url,
            region_name="us-east-1",
            aws_access_key_id="stack",
            aws_secret_access_key="stack-secret",
        )
        stack.s3.create_bucket(Bucket=BUCKET)
        # Objects are private; anyone may read the renditions (images/), which nginx fetches
        # without credentials. Originals and documents stay private.
        stack.s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_RENDITIONS))
        say(f"  bucket {BUCKET} at {s3_url}")

    with step("App servers' environment (deploy/masis.env) and units"):
        secret_key = secrets.token_urlsafe(64)
        for server in APP_SERVERS:
            media_root = workdir / f"media-{server}"
            media_root.mkdir()
            env_file = render_to(
                workdir,
                "masis.env",
                {
                    "SECRET_KEY": secret_key,
                    "ALLOWED_HOSTS": f"{HOST},localhost",
                    "SITE_URL": site_url,
                    "DATABASE_URL": database_url,
                    "REDIS_URL": redis_url,
                    "CACHE_KEY_PREFIX": cache_prefix,
                    "STATIC_ROOT": workdir / "static",
                    "MEDIA_ROOT": media_root,
                    "MEDIA_BUCKET": BUCKET,
                    "MEDIA_ENDPOINT_URL": s3_url,
                    "MEDIA_REGION": "us-east-1",
                    "MEDIA_ACCESS_KEY_ID": "stack",
                    "MEDIA_SECRET_ACCESS_KEY": "stack-secret",
                    "MEDIA_DOMAIN": f"{HOST}:{ports['https']}/media",
                    "VARNISH_URL": f"http://{HOST}:{ports['varnish']}",
                    "GUNICORN_WORKERS": workers,
                },
                name=f"masis-{server}.env",
            )
            unit_values = {
                "USER": "masis",
                "APP_DIR": ROOT,
                "VENV": VENV,
                "ENV_FILE": env_file,
            }
            gunicorn_unit = render_to(
                workdir,
                "systemd/masis-gunicorn.service",
                {**unit_values, "BIND": f"{HOST}:{ports[server]}"},
                name=f"masis-gunicorn-{server}.service",
            )
            stack.app_envs[server] = unit_command(gunicorn_unit.read_text()).env
            if server == "A":
                stack.timer_units = {
                    name: unit_command(
                        render_file(DEPLOY / f"systemd/masis-{name}.service", unit_values)
                    )
                    for name in ("publish-scheduled", "purge-contact-messages")
                }
            stack.gunicorn_units[server] = unit_command(gunicorn_unit.read_text())
        say("  rendered masis.env and masis-gunicorn.service for A and B")

    with step("Site: migrate, seed, static files, Wagtail site, administrator"):
        stack.manage("migrate", "--noinput")
        stack.manage("load_masis_content")
        stack.manage("collectstatic", "--noinput")
        stack.django(
            "import json\nfrom wagtail.models import Site\n"
            f"Site.objects.filter(is_default_site=True).update(hostname={HOST!r}, "
            f"port={ports['https']})\nprint(json.dumps(True))"
        )
        stack.admin_password = secrets.token_urlsafe(18)
        stack.app_envs["A"]["DJANGO_SUPERUSER_PASSWORD"] = stack.admin_password
        stack.manage(
            "createsuperuser", "--noinput", "--username", "stack", "--email", "it@example.org"
        )
        del stack.app_envs["A"]["DJANGO_SUPERUSER_PASSWORD"]
        say("  seeded; Wagtail's site is the public address; superuser 'stack'")

    with step("App servers A and B: gunicorn from deploy/systemd/masis-gunicorn.service"):
        for server in APP_SERVERS:
            command = stack.gunicorn_units[server]
            processes.start(f"gunicorn-{server}", command.args, command.env, command.cwd)
        for server in APP_SERVERS:
            wait_until(
                f"app server {server} did not answer /healthz\n"
                + processes.tail(f"gunicorn-{server}"),
                lambda server=server: stack.get_from_app(server, "/healthz").status == 200,
            )
            say(f"  {server} on {stack.app_url(server)}")

    with step("Varnish: deploy/varnish/masis.vcl"):
        vcl = render_to(
            workdir,
            "varnish/masis.vcl",
            {
                "APP_SERVER_1_HOST": HOST,
                "APP_SERVER_1_PORT": ports["A"],
                "APP_SERVER_2_HOST": HOST,
                "APP_SERVER_2_PORT": ports["B"],
                "PUBLIC_HOST": HOST,
            },
        )
        processes.start(
            "varnish",
            [
                "varnishd",
                "-F",
                # nginx on the same machine talks to Varnish over a Unix socket; the app
                # servers' purges come over TCP.
                "-a",
                f"{workdir / 'varnish.sock'},user=www-data,mode=660"
                if os.geteuid() == 0
                else str(workdir / "varnish.sock"),
                "-a",
                f"{HOST}:{ports['varnish']}",
                "-f",
                vcl,
                "-n",
                workdir / "varnish",
                "-s",
                "malloc,128m",
                "-T",
                "none",
            ],
        )
        wait_until(
            "Varnish did not answer\n" + processes.tail("varnish"),
            lambda: (
                request(
                    f"http://{HOST}:{ports['varnish']}/healthz",
                    headers={"Host": HOST, "X-Forwarded-Proto": "https"},
                ).status
                == 200
            ),
        )
        say(f"  on {HOST}:{ports['varnish']}, app servers A and B behind it")

    with step("nginx: deploy/nginx/masis.conf"):
        site_conf = render_to(
            workdir,
            "nginx/masis.conf",
            {
                "SERVER_NAME": f"{HOST} localhost",
                "SITE_URL": site_url,
                "HTTPS_LISTEN": f"{HOST}:{ports['https']}",
                "HTTP_LISTEN": f"{HOST}:{ports['http']}",
                "TLS_CERTIFICATE": cert,
                "TLS_CERTIFICATE_KEY": key,
                "VARNISH_ADDRESS": f"unix:{workdir / 'varnish.sock'}",
                "STATIC_ROOT": workdir / "static",
                "MEDIA_BUCKET_URL": f"{s3_url}/{BUCKET}",
            },
        )
        main_conf = workdir / "nginx.conf"
        main_conf.write_text(nginx_main_config(workdir, site_conf))
        nginx = ["nginx", "-p", workdir, "-c", main_conf, "-e", workdir / "logs/nginx-error.log"]
        test = subprocess.run([*nginx, "-t"], capture_output=True, text=True)
        if test.returncode != 0:
            raise RuntimeError(f"nginx -t:\n{test.stderr}")
        processes.start("nginx", [*nginx, "-g", "daemon off;"])
        wait_until(
            "nginx did not answer\n" + processes.tail("nginx"),
            lambda: stack.get("/healthz").status == 200,
        )
        say(f"  on {site_url} (and http://{HOST}:{ports['http']}, redirecting)")

    return stack


# --- Checks ----------------------------------------------------------------------------------


SECURITY_HEADERS = (
    "Strict-Transport-Security",
    "Content-Security-Policy",
    "X-Content-Type-Options",
)


def page_urls_by_type(stack):
    code = (
        "import json\nfrom django.apps import apps\n"
        "from masis.multilingual.links import page_urls\n"
        f"types = {json.dumps(CHECKED_PAGES)}\n"
        "found = {}\n"
        "for name, label in types.items():\n"
        "    page = apps.get_model(label).objects.live().public().first()\n"
        "    found[name] = {'id': page.pk, 'urls': page_urls(page)}\n"
        "print(json.dumps(found))"
    )
    return stack.django(code)


def check_public_pages(stack, pages):
    for name, page in pages.items():
        for language, path in page["urls"].items():
            first = stack.get(path, {"Accept-Encoding": "gzip"})
            second = stack.get(path, {"Accept-Encoding": "gzip"})
            missing = [h for h in SECURITY_HEADERS if not second.header(h)]
            problems = []
            if first.status != 200 or second.status != 200:
                problems.append(f"status {first.status}/{second.status}")
            if missing:
                problems.append(f"missing {', '.join(missing)}")
            if first.headers.get_all("Set-Cookie") or second.headers.get_all("Set-Cookie"):
                problems.append("sets a cookie")
            if second.header("Content-Encoding") != "gzip":
                problems.append("not compressed")
            if second.header("X-Cache") != "hit":
                problems.append(f"second visit not a Varnish hit ({second.header('X-Cache')})")
            check(
                f"{name} ({language}) {urllib.parse.unquote(path)}",
                not problems,
                "; ".join(problems) or "200, HSTS, CSP, nosniff, no cookie, gzip, Varnish hit",
            )


def check_proxy_rules(stack):
    forged = stack.get("/fr/", {"X-Forwarded-Proto": "http"})
    check(
        "X-Forwarded-Proto is overwritten by nginx",
        forged.status == 200,
        f"a client claiming plain HTTP still gets {forged.status} (no redirect loop)",
    )
    plain = request(f"http://{HOST}:{stack.ports['http']}/fr/?a=1")
    check(
        "plain HTTP redirects to HTTPS",
        plain.status == 301 and plain.header("Location") == stack.url("/fr/?a=1"),
        f"{plain.status} → {plain.header('Location')}",
    )
    health = stack.get("/healthz")
    check(
        "/healthz through nginx and Varnish",
        health.status == 200 and json.loads(health.body)["status"] == "ok",
        f"{health.status} {health.text.strip()}",
    )
    css_path = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', stack.get("/fr/").text)
    css = stack.get(css_path.group(1), {"Accept-Encoding": "gzip"}) if css_path else None
    check(
        "static files served by nginx, compressed, kept a year",
        css is not None
        and css.status == 200
        and css.header("Content-Encoding") == "gzip"
        and "immutable" in css.header("Cache-Control")
        and not css.header("X-Cache"),
        f"{css_path.group(1) if css_path else 'no stylesheet link'}: "
        f"{css.status if css else '-'} {css.header('Cache-Control') if css else ''}",
    )
    purge = stack.get("/fr/", method="PURGE")
    check("PURGE from a visitor is refused by nginx", purge.status == 405, f"{purge.status}")
    # Loopback answers on all of 127/8: 127.0.0.2 is a machine that is not an app server.
    outsider = http.client.HTTPConnection(
        HOST, stack.ports["varnish"], timeout=10, source_address=("127.0.0.2", 0)
    )
    try:
        outsider.request("PURGE", "/fr/", headers={"Host": HOST})
        refused = outsider.getresponse().status
    finally:
        outsider.close()
    check(
        "PURGE sent to Varnish by another machine is refused",
        refused == 405,
        f"{refused} from 127.0.0.2 (the ACL names the app servers)",
    )
    for description, path, headers in (
        ("the admin", "/admin/login/", {}),
        ("a visitor with a cookie", "/fr/", {"Cookie": "anything=1"}),
        ("search with a query", "/fr/recherche/?q=masis", {}),
    ):
        stack.get(path, headers)
        again = stack.get(path, headers)
        check(
            f"Varnish does not keep {description}",
            again.status == 200 and again.header("X-Cache") == "pass",
            f"{path}: {again.status}, X-Cache {again.header('X-Cache')}",
        )
    stack.s3.put_object(Bucket=BUCKET, Key="documents/private.pdf", Body=b"%PDF-1.4 private")
    stack.s3.put_object(Bucket=BUCKET, Key="original_images/camera.jpg", Body=b"\xff\xd8\xff")
    for key in ("documents/private.pdf", "original_images/camera.jpg"):
        response = stack.get(f"/media/{key}")
        check(
            f"/media/{key} is not served from the bucket",
            response.status == 404,
            f"{response.status} (documents go through the app, originals nowhere)",
        )


def photo_like_jpeg():
    """A JPEG photograph-like picture (gradients and shapes), made with Pillow."""
    import io

    from PIL import Image, ImageDraw

    image = Image.linear_gradient("L").resize((1600, 1000)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for index in range(12):
        x, y = 90 + index * 120, 200 + (index % 3) * 180
        colour = (180 - index * 9, 60 + index * 12, 40 + index * 15)
        draw.ellipse((x, y, x + 220, y + 220), fill=colour)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=88)
    return output.getvalue()


def bucket_keys(stack, prefix):
    listing = stack.s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return [item["Key"] for item in listing.get("Contents", [])]


def publish_draft_on_a(stack, session, page_id, changes):
    """Save a draft of a page with ``changes`` (an editor's work), then publish it in A's admin."""
    assignments = "".join(f"page.{name} = {value}\n" for name, value in changes.items())
    stack.django(
        "import json\nfrom wagtail.models import Page\nfrom wagtail.images.models import Image\n"
        f"page = Page.objects.get(pk={page_id}).specific\n{assignments}"
        "page.save_revision()\nprint(json.dumps(True))"
    )
    path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    response = session.post_form(path, {})
    if response.status != 302:
        raise RuntimeError(f"publishing in A's admin: {response.status}")


def check_images(stack, session, pages):
    content = photo_like_jpeg()
    response = session.post_form(
        "/admin/images/add/",
        {"title": "Masis, stack test", "collection": "1", "tags": ""},
        {"file": ("masis-stack.jpg", "image/jpeg", content)},
    )
    originals = [key for key in bucket_keys(stack, "original_images/") if "masis-stack" in key]
    check(
        "image uploaded in A's admin is stored in the bucket",
        response.status == 302 and len(originals) == 1,
        f"{response.status}; bucket: {', '.join(originals) or 'nothing'}",
    )
    profile = pages["town profile"]
    publish_draft_on_a(
        stack,
        session,
        profile["id"],
        {
            "hero_image": "Image.objects.get(title='Masis, stack test')",
            "hero_image_alt_fr": "'Image de test'",
        },
    )
    path = profile["urls"]["fr"]
    from_a = stack.get_from_app("A", path)
    renditions = bucket_keys(stack, "images/")
    check(
        "its renditions are made in the bucket",
        from_a.status == 200 and len(renditions) >= 3,
        f"{len(renditions)} renditions: {', '.join(sorted(renditions)[:4])}…",
    )
    from_b = stack.get_from_app("B", path)
    sources = re.findall(r'(?:src|srcset)="([^"]+)"', from_b.text)
    image_urls = sorted(
        {
            candidate.strip().split(" ")[0]
            for value in sources
            for candidate in html.unescape(value).split(",")
            if "/media/images/" in candidate
        }
    )
    check(
        "app server B shows the image",
        from_b.status == 200 and len(image_urls) >= 3 and "<picture" in from_b.text,
        f"{len(image_urls)} image URLs in <picture>",
    )
    types = set()
    for url in image_urls:
        response = request(url, tls=stack.tls)
        if response.status != 200 or not response.header("Content-Type").startswith("image/"):
            check(f"{url} served", False, f"{response.status} {response.header('Content-Type')}")
        types.add(response.header("Content-Type"))
    check(
        "every rendition served through nginx from the bucket",
        {"image/avif", "image/webp", "image/jpeg"} <= types,
        f"{len(image_urls)} files, {', '.join(sorted(types))}",
    )
    for server in APP_SERVERS:
        media_root = Path(stack.app_envs[server]["MEDIA_ROOT"])
        written = [str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file()]
        check(
            f"app server {server} wrote nothing in its own media folder",
            not written,
            ", ".join(written) or "empty",
        )


def check_publication(stack, session, pages):
    profile = pages["town profile"]
    path = profile["urls"]["fr"]
    stack.get(path)
    cached = stack.get(path)
    stack.get_from_app("B", path)
    cached_b = stack.get_from_app("B", path)
    check(
        "before: the profile is kept by Varnish and by B's page cache",
        cached.header("X-Cache") == "hit" and cached_b.header("X-Page-Cache") == "hit",
        f"Varnish {cached.header('X-Cache')}, B {cached_b.header('X-Page-Cache')}",
    )
    title = f"Masis {secrets.token_hex(3)}"
    publish_draft_on_a(stack, session, profile["id"], {"title_fr": repr(title)})
    published = time.monotonic()
    while True:
        seen = stack.get(path)
        elapsed = time.monotonic() - published
        if title in seen.text or elapsed > 5:
            break
        time.sleep(0.05)
    check(
        "publishing on A: the next visitor through Varnish sees it",
        title in seen.text and elapsed <= 1,
        f"new title seen {elapsed * 1000:.0f} ms after the publish returned "
        f"(X-Cache {seen.header('X-Cache')})",
    )
    seen_b = stack.get_from_app("B", path)
    check(
        "B's page cache is invalidated",
        title in seen_b.text,
        "B serves the new title, not the page it kept before the change",
    )


def check_large_body(stack):
    size = 50 * 1024 * 1024
    raw = socket.create_connection((HOST, stack.ports["https"]), timeout=10)
    with stack.tls.wrap_socket(raw, server_hostname=HOST) as connection:
        connection.sendall(
            (
                f"POST /fr/ HTTP/1.1\r\nHost: {HOST}:{stack.ports['https']}\r\n"
                f"Content-Type: application/octet-stream\r\nContent-Length: {size}\r\n\r\n"
            ).encode()
        )
        sent = 0
        chunk = b"\0" * (1024 * 1024)
        with contextlib.suppress(OSError):
            connection.settimeout(2)
            while sent < size:
                connection.sendall(chunk)
                sent += len(chunk)
        connection.settimeout(10)
        status_line = connection.recv(200).split(b"\r\n", 1)[0].decode()
    check(
        "a 50 MB POST is refused by nginx",
        " 413 " in status_line,
        f"{status_line} after {sent // (1024 * 1024)} MB sent",
    )


def check_slow_clients(stack, count=20, seconds=6):
    """Slow clients (slowloris) hold connections open by sending headers a byte at a time."""
    stop = threading.Event()
    opened = []

    def slow_client():
        try:
            raw = socket.create_connection((HOST, stack.ports["https"]), timeout=5)
            connection = stack.tls.wrap_socket(raw, server_hostname=HOST)
            opened.append(connection)
            connection.sendall(f"GET /fr/ HTTP/1.1\r\nHost: {HOST}\r\n".encode())
            while not stop.wait(0.5):
                connection.sendall(b"X")
        except OSError:
            pass

    threads = [threading.Thread(target=slow_client, daemon=True) for _ in range(count)]
    baseline = [stack.get("/healthz").elapsed for _ in range(5)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    during = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        response = stack.get("/healthz", timeout=10)
        during.append(response.elapsed if response.status == 200 else 99)
        time.sleep(0.2)
    held = len(opened)
    stop.set()
    for thread in threads:
        thread.join(timeout=5)
    for connection in opened:
        with contextlib.suppress(OSError):
            connection.close()
    worst = max(during)
    check(
        f"{count} slow clients do not delay a normal visitor",
        held == count and worst < 0.5,
        f"{held} slow connections held for {seconds} s; /healthz (through to the app) "
        f"{len(during)} times, slowest {worst * 1000:.0f} ms (before: "
        f"{max(baseline) * 1000:.0f} ms)",
    )


def check_scheduled_commands(stack):
    known = stack.manage("help", "--commands", capture=True).split()
    for name, command in stack.timer_units.items():
        management_command = command.args[-1]
        if management_command not in known:
            say(f"  [skipped] {name}: manage.py {management_command} is not in this version")
            continue
        result = subprocess.run(
            command.args, env=command.env, cwd=command.cwd, capture_output=True, text=True
        )
        check(
            f"masis-{name}.service runs (manage.py {management_command})",
            result.returncode == 0,
            f"exit {result.returncode} {result.stderr[-500:]}",
        )


def check_failover(stack, pages):
    stack.processes.stop("gunicorn-A")
    statuses = []
    for index in range(20):
        # Not kept by Varnish: every one of them reaches an app server.
        response = stack.get(f"/fr/recherche/?q=masis{index}")
        statuses.append(response.status)
    cached = stack.get(pages["home"]["urls"]["en"])
    check(
        "app server A stopped: visitors are served through B",
        statuses == [200] * 20 and cached.status == 200,
        f"20 uncached requests right after the stop: {statuses.count(200)} × 200",
    )
    health = stack.get("/healthz")
    check("/healthz through the stack with A stopped", health.status == 200, f"{health.status}")


def run_checks(stack):
    with step("Public pages in fr/en/hy through nginx and Varnish"):
        pages = page_urls_by_type(stack)
        check_public_pages(stack, pages)
    with step("Proxy rules: HTTPS, health, static files, cache bypasses, media"):
        check_proxy_rules(stack)
    with step("Admin on app server A: an image to the bucket, its renditions on B"):
        session = AdminSession(stack.app_url("A"))
        session.log_in("stack", stack.admin_password)
        check_images(stack, session, pages)
    with step("Publishing on A: Varnish purged, B's page cache invalidated"):
        check_publication(stack, session, pages)
    with step("Request bodies and slow clients"):
        check_large_body(stack)
        check_slow_clients(stack)
    with step("Scheduled commands, run from their systemd units"):
        check_scheduled_commands(stack)
    with step("Failover: app server A stopped"):
        check_failover(stack, pages)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--keep", action="store_true", help="after the checks, keep serving until Ctrl-C"
    )
    options = parser.parse_args()
    # systemd and CI stop with SIGTERM: clean up as for Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    started = time.monotonic()
    try:
        with running_stack() as stack:
            run_checks(stack)
            if options.keep:
                say(f"\nServing {stack.site_url} (admin: stack / {stack.admin_password}); Ctrl-C")
                while True:
                    time.sleep(3600)
    except StepFailed as failure:
        say(f"\nSTACK FAILED at step “{failure.step}”: {failure.message}")
        say(f"stack: {len(PASSED)} passed, 1 failed")
        sys.exit(1)
    except KeyboardInterrupt:
        say("\nInterrupted: everything started was stopped.")
        sys.exit(130)
    say(f"\nEvery check passed in {time.monotonic() - started:.0f} s.")
    say(f"stack: {len(PASSED)} passed, 0 failed")


if __name__ == "__main__":
    main()
