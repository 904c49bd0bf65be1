"""A fresh server answers its first page without importing the libraries only steps need."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.lazy_import import lazy

ROOT = Path(__file__).resolve().parent.parent
SLOW = ("sklearn", "scipy", "openai", "spacy", "wordfreq")

FIRST_PAGE = """
import json, sys
from app import create_app
app = create_app({"DATABASE": sys.argv[1], "SECRET_KEY": "t", "RATELIMIT_ENABLED": False})
page = app.test_client().get("/login")
print(json.dumps([page.status_code, sorted({m.split(".")[0] for m in sys.modules})]))
"""


def test_the_login_page_answers_before_the_slow_libraries_are_imported(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAGE, str(tmp_path / "t.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    status, imported = json.loads(out.stdout.strip().splitlines()[-1])
    assert status == 200
    assert not set(SLOW) & set(imported)


def test_a_lazy_module_reads_as_the_module_itself():
    proxy = lazy("json")
    assert proxy.dumps([1, "a"]) == json.dumps([1, "a"])
    assert proxy.JSONDecodeError is json.JSONDecodeError
    assert proxy.__dict__["dumps"] is json.dumps  # copied in by the first read


def test_a_lazy_module_that_does_not_exist_fails_on_first_use():
    proxy = lazy("no_such_module_here")
    with pytest.raises(ModuleNotFoundError):
        proxy.anything  # noqa: B018 - the read is the test
