"""A small scenario that is costly to check cannot hold a worker (issue 15): every validation
entry point (the editor's live check, save, import, `hotliner scenarios validate`) stops it after
its wall-clock budget with a clear problem, in both languages, and stores nothing."""

from __future__ import annotations

import importlib
import io
import logging
import os
import sys
import threading
import time
import types
import zipfile
from pathlib import Path

import pytest

from app import create_app
from simulator.work_budget import OverBudget, run_within
from storage import authored
from tests.test_web import client_as
from web.cli.accounts import ensure_demo
from web.shared.database import get_db

STARTER = Path(__file__).resolve().parent.parent / "scenarios" / "starters" / "new-scenario.yaml"


def costly_yaml(facts: int = 16, triggers: int = 1000) -> str:
    """The starter with 16 independent facts and 1000 triggers flipping them, and a resolution no
    state reaches: the reachability search visits 20,000 states x 1000 triggers (seconds of work)
    for 66 KB of YAML."""
    text = STARTER.read_text(encoding="utf-8").replace("id: my-new-scenario", "id: costly-one")
    flags = "".join(f"  f{i}: false\n" for i in range(facts))
    text = text.replace("facts:\n", "facts:\n" + flags, 1)
    rules = "triggers:\n" + "".join(
        f"  - id: t{j}\n    when: {{f{j % facts}: false}}\n    effects: {{f{j % facts}: true}}\n"
        for j in range(triggers)
    )
    text = text.replace("resolution:\n", rules + "resolution:\n", 1)
    return text.replace(
        "  when: {scanner.cable: connected}\n  verify", "  when: {scanner.cable: never}\n  verify"
    )


@pytest.fixture
def tight(tmp_path):
    """The app with a validation budget far below what the costly scenario needs."""
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "budget.db"),
            "SECRET_KEY": "t",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "VALIDATE_SECONDS": 0.3,
        }
    )
    with app.app_context():
        ensure_demo(get_db())
    return app


def test_work_over_its_budget_is_stopped_and_an_answer_within_it_comes_back():
    def forever() -> None:
        while True:
            pass

    with pytest.raises(OverBudget) as caught:
        run_within(0.2, forever)
    assert caught.value.reason == "time"
    assert run_within(5, sorted, [3, 1, 2]) == [1, 2, 3]
    with pytest.raises(ZeroDivisionError):
        run_within(5, divmod, 1, 0)


def test_the_editor_stops_a_costly_scenario_and_says_why_in_both_languages(tight):
    client = client_as(tight, "trainer")
    messages = {}
    for locale in ("en", "fr"):
        client.post(f"/language/{locale}")
        answer = client.post("/authoring/validate", data={"yaml": costly_yaml(), "mode": "new"})
        body = answer.get_json()
        assert answer.status_code == 200 and body["ok"] is False
        assert [p["code"] for p in body["problems"]] == ["validation_too_slow"]
        messages[locale] = body["problems"][0]["message"]
    assert "longer than 0.3 s" in messages["en"]
    assert "0,3" in messages["fr"] or "0.3" in messages["fr"]
    assert messages["fr"] != messages["en"]


def test_saving_or_importing_a_costly_scenario_stores_nothing(tight):
    client = client_as(tight, "trainer")
    client.post("/language/en")
    saved = client.post("/authoring/new", data={"yaml": costly_yaml()})
    assert saved.status_code == 422 and b"Nothing was saved" in saved.data
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("a-costly.yaml", costly_yaml())
        archive.writestr("b-costly.yaml", costly_yaml().replace("costly-one", "costly-two"))
    imported = client.post(
        "/authoring/import", data={"file": (io.BytesIO(bundle.getvalue()), "two.zip")}
    )
    assert imported.status_code == 422
    assert b"took longer than 0.3 s" in imported.data
    assert b"Not checked: another file took too long." in imported.data  # never a second wait
    with tight.app_context():
        assert authored.head(get_db(), "costly-one") is None
        assert authored.head(get_db(), "costly-two") is None


def test_the_cli_validate_stops_a_costly_file_with_its_name(tight, tmp_path):
    costly = tmp_path / "costly.yaml"
    costly.write_text(costly_yaml(), encoding="utf-8")
    runner = tight.test_cli_runner()
    result = runner.invoke(args=["scenarios", "validate", str(costly), "--lang", "fr"])
    assert result.exit_code == 1
    assert f"{costly} " in result.output and "0,3" in result.output
    result = runner.invoke(args=["scenarios", "validate", str(STARTER)])
    assert result.exit_code == 0 and "1 scenario(s) valid" in result.output


# A fork from a threaded server copies every lock as it is: one that another thread holds stays
# held in the child. These tests hold such locks at the moment of the fork (simulator/work_budget).

SOURCES = {
    "valid": STARTER.read_text(encoding="utf-8"),
    "invalid": STARTER.read_text(encoding="utf-8").replace("personas:", "personaz:"),
    "malformed": "id: [",
}


def _modules_after(fn, *args) -> list[str]:
    fn(*args)
    return sorted(sys.modules)


def test_the_validation_child_imports_nothing_its_caller_has_not(library, tmp_path):
    """A module imported for the first time in the child would wait for a parent thread that was
    importing it at the fork (the warming thread imports for seconds)."""
    from simulator.library import _checked
    from web.authoring.versions import _validated

    kb_ids = set(library.articles)
    for name, text in SOURCES.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
        _validated(text, library.catalog, kb_ids, "editor")  # the caller has run it once
        calls = [
            (_validated, text, library.catalog, kb_ids, "editor"),
            (_checked, tmp_path / f"{name}.yaml", library.catalog, kb_ids),
        ]
        for fn, *args in calls:
            before = set(sys.modules)
            assert set(run_within(10, _modules_after, fn, *args)) <= before, name


def test_a_thread_blocked_reading_stdin_does_not_stall_the_child(monkeypatch):
    """multiprocessing closes the child's stdin first; a parent thread reading it holds its lock."""
    read_end, write_end = os.pipe()
    with open(read_end, encoding="utf-8") as piped:
        monkeypatch.setattr(sys, "stdin", piped)
        reader = threading.Thread(target=piped.readline, daemon=True)
        reader.start()
        time.sleep(0.3)  # the reader is inside readline, holding stdin's lock
        try:
            assert reader.is_alive()
            assert run_within(5, sorted, [3, 1, 2]) == [1, 2, 3]
        finally:
            os.write(write_end, b"bye\n")
            reader.join(5)
            os.close(write_end)
        assert not piped.closed  # the caller's stdin is untouched


def test_validation_answers_while_another_thread_imports_and_logs(library, tmp_path):
    """The warming thread imports the heavy libraries and requests log lines while an author's
    scenario is checked: the child needs neither the module being imported nor the logging lock."""
    from web.authoring.versions import _validated

    gate = types.ModuleType("fork_gate")
    gate.started, gate.release = threading.Event(), threading.Event()
    (tmp_path / "slow_import_for_fork.py").write_text(
        "import fork_gate\nfork_gate.started.set()\nfork_gate.release.wait(10)\n",
        encoding="utf-8",
    )
    sys.path.insert(0, str(tmp_path))
    sys.modules["fork_gate"] = gate
    logger = logging.getLogger("hotliner.test.fork")
    logger.propagate = False
    sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    logger.addHandler(logging.StreamHandler(sink))
    stop = threading.Event()

    def log_forever() -> None:
        while not stop.is_set():
            logger.warning("a request line")

    importer = threading.Thread(target=importlib.import_module, args=("slow_import_for_fork",))
    busy = threading.Thread(target=log_forever)
    try:
        importer.start()
        busy.start()
        assert gate.started.wait(10)  # the import is in progress: its module lock is held
        for name, text in SOURCES.items():
            scenario, problems, _ = run_within(
                5, _validated, text, library.catalog, set(library.articles), "editor"
            )
            assert (scenario is not None, bool(problems)) == (name == "valid", name != "valid")
    finally:
        gate.release.set()
        stop.set()
        importer.join(10)
        busy.join(10)
        logger.handlers.clear()
        sink.close()
        sys.path.remove(str(tmp_path))
        for module in ("slow_import_for_fork", "fork_gate"):
            sys.modules.pop(module, None)
