"""Without Chromium the browser suite skips and says why; in CI (CI=true) it fails instead."""

import os
import subprocess
import sys

import pytest

from ..servers import ROOT

pytestmark = pytest.mark.browser


def run_suite_without_chromium(ci, tmp_path):
    env = {**os.environ, "CHROMIUM_PATH": "/nonexistent/chromium", "CI": ci}
    # Chromium is checked before any database is set up; SQLite in a temporary file all the same.
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'unused.sqlite3'}"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "tests/browser/test_isolation.py", "-q", "-rsE",
         "-p", "no:cacheprovider"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_without_chromium_the_suite_skips_with_the_reason(tmp_path):
    result = run_suite_without_chromium("", tmp_path)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "6 skipped" in result.stdout
    assert "Chromium not found at /nonexistent/chromium" in result.stdout


def test_without_chromium_in_ci_the_suite_fails(tmp_path):
    result = run_suite_without_chromium("true", tmp_path)
    assert result.returncode == 1, result.stdout[-2000:]
    assert "6 errors" in result.stdout
    assert "Chromium not found at /nonexistent/chromium" in result.stdout
    assert not (tmp_path / "unused.sqlite3").exists()
