"""Scenario authoring: the editor's checks, versions, publishing, import/export, play-tests,
phrases."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from app import create_app
from simulator.yamlsource import parse
from storage import calls as store
from storage.users import add_user
from web.authoring.yaml_text import append_to_list, set_top_level
from web.cli.accounts import DEMO_ACCOUNTS, ensure_demo
from web.shared.database import get_db
from web.shared.playable import (
    StoredScenarioError,
    StoredVersionError,
    forget_library,
    parse_stored,
)

ROOT = Path(__file__).resolve().parent.parent
PASSWORDS = {u: p for u, _n, _r, p, _l in DEMO_ACCOUNTS}
STARTER = (ROOT / "scenarios" / "starters" / "new-scenario.yaml").read_text(encoding="utf-8")
UNKNOWN_PHRASE = "has the contraption got its mojo"


@pytest.fixture()
def web(tmp_path):
    """An app on a fresh database, with its own copy of the scenario folder (the catalog may
    change)."""
    shutil.copytree(ROOT / "scenarios", tmp_path / "scenarios")
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "a.db"),
            "SECRET_KEY": "test",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "SCENARIO_DIR": str(tmp_path / "scenarios"),
        }
    )
    with app.app_context():
        db = get_db()
        ensure_demo(db)
        add_user(db, "trainer2", "Other Trainer", "trainer2-pass-2026", "trainer")
        from storage.users import get_by_username, set_locale

        set_locale(
            db, get_by_username(db, "trainer")["id"], "en"
        )  # these tests read English wording
    PASSWORDS["trainer2"] = "trainer2-pass-2026"
    return app


def client_as(app, who: str):
    client = app.test_client()
    response = client.post("/login", data={"username": who, "password": PASSWORDS[who]})
    assert response.status_code == 302, who
    return client


def scenario_yaml(scenario_id: str = "scanner-cable") -> str:
    return set_top_level(STARTER, "id", scenario_id)


def rows(app, sql: str, params=()):
    with app.app_context():
        return list(get_db().query(sql, params))


def create(client, text: str | None = None, publish: bool = False) -> str:
    response = client.post("/authoring/new", data={"yaml": text or scenario_yaml()})
    assert response.status_code == 302, response.data[:2000]
    scenario_id = response.headers["Location"].rsplit("/", 1)[-1]
    if publish:
        assert (
            client.post(f"/authoring/{scenario_id}/status", data={"action": "publish"}).status_code
            == 302
        )
    return scenario_id


def start(client, scenario_id: str, locale: str = "en") -> int:
    response = client.post(
        "/practice", data={"scenario": scenario_id, "persona": "calm", "locale": locale}
    )
    assert response.status_code == 302
    assert "/calls/" in response.headers["Location"], response.headers["Location"]
    return int(response.headers["Location"].rsplit("/", 1)[-1])


def say(client, call_id: int, text: str):
    return client.post(
        f"/calls/{call_id}/step", data={"step": "say", "text": text}, headers={"HX-Request": "true"}
    )


# -- the editor's checks ----------------------------------------------------------------------


def test_broken_scenario_shows_its_errors_with_lines_and_stores_nothing(web):
    trainer = client_as(web, "trainer")
    broken = scenario_yaml().replace("tier: 2", "tier: 9").replace("difficulty: 1", "difficulty: 7")
    response = trainer.post("/authoring/new", data={"yaml": broken})
    assert response.status_code == 422
    page = BeautifulSoup(response.data, "html.parser")
    problems = [b.get_text(" ", strip=True) for b in page.select("#problems button.problem")]
    assert any("difficulty" in p and "line 13" in p for p in problems), problems
    assert any("probes[3].tier" in p for p in problems), problems
    assert page.select_one("#problems button.problem")["data-line"].isdigit()
    assert "tier: 9" in page.select_one("textarea#yaml").text
    assert rows(web, "select * from scenarios where author_id is not null") == []


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("id: x\nversion: [1\n", 3, "malformed YAML"),
        (STARTER.replace("check_power", "check_powr"), 53, "did you mean 'check_power'"),
        (STARTER.replace("kb: [call-etiquette]", "kb: [no-such-article]"), 119, "no-such-article"),
    ],
)
def test_validate_endpoint_returns_problems_with_their_line(web, text, line, fragment):
    response = client_as(web, "trainer").post(
        "/authoring/validate", data={"yaml": text, "mode": "new"}
    )
    data = response.get_json()
    assert response.status_code == 200 and data["ok"] is False
    assert any(p["line"] == line and fragment in p["message"] for p in data["problems"]), data[
        "problems"
    ]


def test_validate_endpoint_accepts_the_starter(web):
    data = (
        client_as(web, "trainer")
        .post("/authoring/validate", data={"yaml": STARTER, "mode": "new"})
        .get_json()
    )
    assert data == {"ok": True, "problems": []}


@pytest.mark.parametrize(
    "scenario_id, fragment", [("printer-offline", "built-in"), ("new", "reserved")]
)
def test_an_id_that_is_taken_is_refused_on_its_line(web, scenario_id, fragment):
    response = client_as(web, "trainer").post(
        "/authoring/validate", data={"yaml": scenario_yaml(scenario_id)}
    )
    problem = response.get_json()["problems"][0]
    assert problem["path"] == "id" and problem["line"] == 4 and fragment in problem["message"]


NB = "\u00a0"  # French spacing inside « » and before ? :


def in_french(client):
    assert client.post("/language/fr").status_code == 302
    return client


def test_editor_in_french_shows_the_validators_problems_in_french(web):
    trainer = in_french(client_as(web, "trainer"))
    messages = {}
    for broken in (
        scenario_yaml().replace("check_power", "check_powr"),
        scenario_yaml().replace("tier: 2", "tier: 9"),
    ):
        response = trainer.post("/authoring/new", data={"yaml": broken})
        assert response.status_code == 422
        page = BeautifulSoup(response.data, "html.parser")
        assert page.html["lang"] == "fr"
        assert "did you mean" not in page.text and "input should" not in page.text
        messages.update(
            {
                b.select_one("code").text: b.select_one(".message").text
                for b in page.select("#problems button.problem")
            }
        )
    assert messages == {
        "probes[2].intent": f"intention inconnue «{NB}check_powr{NB}» "
        f"— vouliez-vous dire «{NB}check_power{NB}»{NB}?",
        "probes[3].tier": "doit être inférieur ou égal à 4",
    }


def test_editor_in_english_keeps_the_english_problems(web):
    broken = scenario_yaml().replace("tier: 2", "tier: 9")
    response = client_as(web, "trainer").post("/authoring/new", data={"yaml": broken})
    page = BeautifulSoup(response.data, "html.parser")
    messages = [m.text for m in page.select("#problems .message")]
    assert messages == ["input should be less than or equal to 4"]


def test_live_validation_answers_in_the_pages_language(web):
    text = STARTER.replace("kb: [call-etiquette]", "kb: [call-etiquete]")
    trainer = client_as(web, "trainer")
    english = trainer.post("/authoring/validate", data={"yaml": text, "mode": "new"}).get_json()[
        "problems"
    ]
    french = (
        in_french(trainer)
        .post("/authoring/validate", data={"yaml": text, "mode": "new"})
        .get_json()["problems"]
    )
    assert [p["code"] for p in english] == [p["code"] for p in french] == ["unknown_kb_article"]
    assert (
        english[0]["message"]
        == "unknown knowledge-base article 'call-etiquete' (did you mean 'call-etiquette'?)"
    )
    assert french[0]["message"] == (
        f"article de base de connaissances inconnu «{NB}call-etiquete{NB}» — "
        f"vouliez-vous dire «{NB}call-etiquette{NB}»{NB}?"
    )
    assert (
        english[0]["line"] == french[0]["line"]
        and english[0]["path"] == french[0]["path"] == "kb[0]"
    )


def test_import_report_in_french_names_the_problems_in_french(web):
    bundle = zipped(
        {
            "bad.yaml": scenario_yaml("bad-one")
            .replace(', fr: "Ressources humaines"}', "}")
            .replace("tier: 2", "tier: 9")
        }
    )
    trainer = in_french(client_as(web, "trainer"))
    response = trainer.post(
        "/authoring/import", data={"file": (bundle, "many.zip")}, content_type="multipart/form-data"
    )
    assert response.status_code == 422
    report = BeautifulSoup(response.data, "html.parser").select_one(".import-report")
    assert "doit être inférieur ou égal à 4" in report.text
    assert (
        "caller.department.fr" in report.text and "il manque la traduction française" in report.text
    )
    assert "less than" not in report.text and "missing" not in report.text
    assert rows(web, "select * from scenarios where author_id is not null") == []


def test_new_scenario_can_start_from_a_copy(web):
    page = BeautifulSoup(
        client_as(web, "trainer").get("/authoring/new?from=printer-offline").data, "html.parser"
    )
    data = parse(page.select_one("textarea#yaml").text).data
    assert data["id"] == "printer-offline-copy" and data["version"] == 1


# -- versions and publishing --------------------------------------------------------------------


def test_a_fixed_scenario_saves_as_a_draft_and_is_playable_once_published(web):
    trainer, alice = client_as(web, "trainer"), client_as(web, "alice")
    scenario_id = create(trainer)
    assert rows(web, "select version, status from scenarios where id = ?", [scenario_id]) == [
        {"version": 1, "status": "draft"}
    ]
    assert scenario_id not in [s["id"] for s in alice.get("/api/v1/scenarios").get_json()]
    assert scenario_id not in alice.get("/").data.decode()
    trainer.post(f"/authoring/{scenario_id}/status", data={"action": "publish"})
    assert scenario_id in [s["id"] for s in alice.get("/api/v1/scenarios").get_json()]
    assert f'value="{scenario_id}"' in alice.get("/").data.decode()
    call_id = start(alice, scenario_id)
    assert say(alice, call_id, "Is the scanner switched on?").status_code == 200
    created = alice.post(
        "/api/v1/calls", json={"scenario": scenario_id, "persona": "calm", "seed": 4}
    )
    assert created.status_code == 201 and created.get_json()["version"] == 1


@pytest.mark.parametrize("action, playable", [("unpublish", False), ("archive", False)])
def test_unpublished_or_archived_scenarios_are_not_playable(web, action, playable):
    trainer, alice = client_as(web, "trainer"), client_as(web, "alice")
    scenario_id = create(trainer, publish=True)
    trainer.post(f"/authoring/{scenario_id}/status", data={"action": action})
    listed = [s["id"] for s in alice.get("/api/v1/scenarios").get_json()]
    assert (scenario_id in listed) is playable
    response = alice.post("/practice", data={"scenario": scenario_id})
    assert response.headers["Location"].endswith("/")


def test_an_unplayed_draft_is_overwritten(web):
    trainer = client_as(web, "trainer")
    scenario_id = create(trainer)
    response = trainer.post(
        f"/authoring/{scenario_id}/save",
        data={"yaml": scenario_yaml().replace("Office manager", "Team lead")},
    )
    assert response.status_code == 302
    stored = rows(web, "select version, yaml from scenarios where id = ?", [scenario_id])
    assert len(stored) == 1 and "Team lead" in stored[0]["yaml"]


def test_saving_a_played_scenario_makes_a_new_version_and_old_calls_keep_theirs(web):
    trainer, alice = client_as(web, "trainer"), client_as(web, "alice")
    scenario_id = create(trainer, publish=True)
    call_id = start(alice, scenario_id)
    alice.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "done"})
    changed = scenario_yaml().replace("Office manager", "Team lead")
    assert trainer.post(f"/authoring/{scenario_id}/save", data={"yaml": changed}).status_code == 302
    stored = rows(
        web,
        "select version, status, yaml from scenarios where id = ? order by version",
        [scenario_id],
    )
    assert [(r["version"], r["status"]) for r in stored] == [(1, "published"), (2, "draft")]
    assert "Team lead" not in stored[0]["yaml"] and parse(stored[1]["yaml"]).data["version"] == 2
    assert parse(stored[1]["yaml"]).data["caller"]["role"]["en"] == "Team lead"
    with web.test_request_context():
        from web.shared.playable import scenario_of

        row = store.get_call(get_db(), call_id)
        assert scenario_of(get_db(), row).caller.role.en == "Office manager"
    assert alice.get(f"/calls/{call_id}/debrief").status_code == 200
    assert (
        start(alice, scenario_id)
        and rows(web, "select max(scenario_version) as v from calls")[0]["v"] == 1
    )
    trainer.post(f"/authoring/{scenario_id}/status", data={"action": "publish"})
    start(alice, scenario_id)
    assert rows(web, "select max(scenario_version) as v from calls")[0]["v"] == 2


def test_saving_the_same_text_makes_no_version(web):
    trainer, alice = client_as(web, "trainer"), client_as(web, "alice")
    scenario_id = create(trainer, publish=True)
    start(alice, scenario_id)
    trainer.post(f"/authoring/{scenario_id}/save", data={"yaml": scenario_yaml()})
    assert rows(web, "select count(*) as n from scenarios where id = ?", [scenario_id])[0]["n"] == 1


def test_built_in_scenarios_are_read_only(web):
    trainer = client_as(web, "trainer")
    response = trainer.post("/authoring/printer-offline/save", data={"yaml": STARTER})
    assert response.status_code == 403 and b"read-only" in response.data
    assert (
        trainer.post("/authoring/printer-offline/status", data={"action": "archive"}).status_code
        == 403
    )
    assert rows(web, "select * from scenarios where author_id is not null") == []


def test_only_the_author_or_an_admin_changes_a_scenario(web):
    scenario_id = create(client_as(web, "trainer"))
    other = client_as(web, "trainer2")
    assert other.get(f"/authoring/{scenario_id}").status_code == 200
    assert (
        other.post(f"/authoring/{scenario_id}/save", data={"yaml": scenario_yaml()}).status_code
        == 403
    )
    assert (
        other.post(f"/authoring/{scenario_id}/status", data={"action": "publish"}).status_code
        == 403
    )
    admin = client_as(web, "admin")
    assert (
        admin.post(f"/authoring/{scenario_id}/status", data={"action": "publish"}).status_code
        == 302
    )


def test_library_lists_every_scenario_with_filters_and_search(web):
    trainer = client_as(web, "trainer")
    scenario_id = create(trainer)
    page = BeautifulSoup(trainer.get("/authoring/").data, "html.parser")
    ids = [c.text for c in page.select(".library-table code")]
    assert scenario_id in ids and "printer-offline" in ids and len(ids) > 10
    drafts = BeautifulSoup(trainer.get("/authoring/?status=draft").data, "html.parser")
    assert [c.text for c in drafts.select(".library-table code")] == [scenario_id]
    found = BeautifulSoup(trainer.get("/authoring/?q=MENAGE").data, "html.parser")
    assert [c.text for c in found.select(".library-table code")] == ["printer-offline"]
    printing = BeautifulSoup(
        trainer.get("/authoring/?category=printing&difficulty=1").data, "html.parser"
    )
    assert [c.text for c in printing.select(".library-table code")] == ["printer-offline"]


def test_library_counts_plays_and_average_without_play_tests(web):
    trainer, alice = client_as(web, "trainer"), client_as(web, "alice")
    call_id = start(alice, "printer-offline")
    alice.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "x"})
    trainer.post("/authoring/printer-offline/playtest", data={"persona": "calm", "locale": "en"})
    page = BeautifulSoup(trainer.get("/authoring/?q=printer-offline").data, "html.parser")
    cells = {
        td["data-label"]: td.get_text(strip=True)
        for td in page.select(".library-table tbody tr td")
    }
    assert cells["Played"] == "1" and cells["Average"].isdigit()


# -- import and export --------------------------------------------------------------------------


def zipped(files: dict[str, str]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    buffer.seek(0)
    return buffer


def test_import_zip_with_one_bad_file_stores_nothing_and_names_the_file(web):
    bundle = zipped(
        {
            "good.yaml": scenario_yaml("good-one"),
            "bad.yaml": scenario_yaml("bad-one").replace("tier: 2", "tier: 9"),
        }
    )
    response = client_as(web, "trainer").post(
        "/authoring/import", data={"file": (bundle, "many.zip")}, content_type="multipart/form-data"
    )
    assert response.status_code == 422
    report = BeautifulSoup(response.data, "html.parser").select_one(".import-report")
    assert "bad.yaml" in report.text and "good.yaml" not in report.text
    assert "line 62" in report.text and "probes[3].tier" in report.text
    assert rows(web, "select * from scenarios where author_id is not null") == []


def test_import_zip_stores_every_file_as_a_draft(web):
    bundle = zipped(
        {
            "a.yaml": scenario_yaml("scanner-a"),
            "dir/b.yml": scenario_yaml("scanner-b"),
            "__MACOSX/._a.yaml": "junk",
        }
    )
    response = client_as(web, "trainer").post(
        "/authoring/import", data={"file": (bundle, "many.zip")}, content_type="multipart/form-data"
    )
    assert response.status_code == 302
    assert rows(
        web, "select id, version, status from scenarios where author_id is not null order by id"
    ) == [
        {"id": "scanner-a", "version": 1, "status": "draft"},
        {"id": "scanner-b", "version": 1, "status": "draft"},
    ]


@pytest.mark.parametrize(
    "name, body, status",
    [
        ("notes.txt", b"hello", 400),
        ("broken.zip", b"not a zip", 400),
        ("dup.zip", None, 422),
        ("latin1.yaml", "id: é".encode("latin-1"), 422),
    ],
)
def test_import_refuses_unreadable_uploads(web, name, body, status):
    if body is None:
        body = zipped({"a.yaml": scenario_yaml("same"), "b.yaml": scenario_yaml("same")}).getvalue()
    response = client_as(web, "trainer").post(
        "/authoring/import",
        data={"file": (io.BytesIO(body), name)},
        content_type="multipart/form-data",
    )
    assert response.status_code == status
    assert rows(web, "select * from scenarios where author_id is not null") == []


def test_export_one_and_all(web):
    trainer = client_as(web, "trainer")
    scenario_id = create(trainer)
    one = trainer.get(f"/authoring/{scenario_id}/export")
    assert one.status_code == 200 and "attachment" in one.headers["Content-Disposition"]
    assert parse(one.data.decode()).data["id"] == scenario_id
    archive = zipfile.ZipFile(io.BytesIO(trainer.get("/authoring/export.zip").data))
    assert {f"{scenario_id}.yaml", "printer-offline.yaml"} <= set(archive.namelist())


# -- play-tests ---------------------------------------------------------------------------------


def playtest(client, scenario_id: str = "printer-offline") -> int:
    response = client.post(
        f"/authoring/{scenario_id}/playtest", data={"persona": "calm", "locale": "en"}
    )
    assert response.status_code == 302
    return int(response.headers["Location"].rsplit("/", 1)[-1])


def test_sandbox_calls_are_flagged_and_left_out_of_histories(web):
    trainer = client_as(web, "trainer")
    call_id = playtest(trainer)
    assert (
        rows(web, "select sandbox, user_id from calls where id = ?", [call_id])[0]["sandbox"] == 1
    )
    with web.app_context():
        assert store.list_calls(get_db()) == []
    assert f"/calls/{call_id}/" not in trainer.get("/history").data.decode()


def test_play_test_truth_panel_shows_facts_and_matched_intents(web):
    trainer = client_as(web, "trainer")
    call_id = playtest(trainer)
    page = BeautifulSoup(trainer.get(f"/authoring/playtest/{call_id}").data, "html.parser")
    facts = {tr.select_one("code").text: tr for tr in page.select("#truth .facts-table tbody tr")}
    assert "printer.cable" in facts and "unplugged" in facts["printer.cable"].text
    step = f"/authoring/playtest/{call_id}/step"
    trainer.post(
        step,
        data={"step": "say", "text": "Could you check the cable at the back of the printer?"},
        headers={"HX-Request": "true"},
    )
    response = trainer.post(
        step,
        data={"step": "say", "text": "Please plug the cable back in firmly."},
        headers={"HX-Request": "true"},
    )
    truth = BeautifulSoup(response.data, "html.parser").select_one("#truth[hx-swap-oob]")
    latest = truth.select_one(".turn-card")
    assert "reconnect_cable" in latest.text and "reconnect" in latest.text
    assert re.search(r"printer\.cable\s*unplugged\s*→\s*connected", latest.get_text(" "))
    assert re.search(r"-?\d\.\d\d", latest.select_one(".score").text)
    cable_row = next(
        tr for tr in truth.select(".facts-table tbody tr") if "printer.cable" in tr.text
    )
    assert "changed" in cable_row["class"] and "connected" in cable_row.text


@pytest.mark.parametrize(
    "language, line, act, negated",
    [
        ("en", "Whatever you do, don't pull the cable out of the printer.", "request", "yes"),
        ("fr", "Surtout, ne débranchez pas le câble de l'imprimante.", "demande", "oui"),
    ],
)
def test_play_test_truth_panel_shows_each_clause_act_and_polarity(
    web, language, line, act, negated
):
    """Trainers see why a line was heard as it was: each clause, its act, its negation, its
    intents, with the act named in the page's language."""
    trainer = client_as(web, "trainer")
    assert trainer.post(f"/language/{language}").status_code == 302
    started = trainer.post(
        "/authoring/printer-offline/playtest", data={"persona": "calm", "locale": language}
    )
    call_id = int(started.headers["Location"].rsplit("/", 1)[-1])
    response = trainer.post(
        f"/authoring/playtest/{call_id}/step",
        data={"step": "say", "text": line},
        headers={"HX-Request": "true"},
    )
    truth = BeautifulSoup(response.data, "html.parser").select_one("#truth[hx-swap-oob]")
    rows = truth.select_one(".turn-card").select(".clauses-table tbody tr")
    assert rows, "no clause analysis shown"
    negated_rows = [r for r in rows if r.select_one(".negated").get_text(strip=True) == negated]
    assert negated_rows and negated_rows[0].select_one(".act").get_text(strip=True) == act
    assert any(w in negated_rows[0].select_one("q").text for w in ("cable", "câble"))


@pytest.mark.parametrize("who, status", [("trainer2", 404), ("admin", 404)])
def test_a_play_test_is_its_authors_only(web, who, status):
    call_id = playtest(client_as(web, "trainer"))
    assert client_as(web, who).get(f"/authoring/playtest/{call_id}").status_code == status


def test_a_trainee_call_is_not_a_play_test(web):
    call_id = start(client_as(web, "alice"), "printer-offline")
    assert client_as(web, "trainer").get(f"/authoring/playtest/{call_id}").status_code == 404


# -- unrecognised phrases -----------------------------------------------------------------------


def test_adding_an_unrecognised_phrase_to_the_scenario_changes_the_next_call(web):
    trainer, alice = client_as(web, "trainer"), client_as(web, "alice")
    scenario_id = create(trainer, publish=True)
    first = start(alice, scenario_id)
    say(alice, first, UNKNOWN_PHRASE)
    say(alice, first, UNKNOWN_PHRASE.upper())
    page = BeautifulSoup(trainer.get(f"/authoring/{scenario_id}/phrases").data, "html.parser")
    row = page.select_one(".phrases-table tbody tr")
    assert (
        UNKNOWN_PHRASE in row.text.lower()
        and row.select_one("td[data-label=Times]").text.split()[0] == "2"
    )
    response = trainer.post(
        f"/authoring/{scenario_id}/phrases",
        data={
            "text": UNKNOWN_PHRASE,
            "locale": "en",
            "intent": "check_power",
            "target": "scenario",
        },
    )
    assert response.status_code == 302
    newest = rows(
        web,
        "select version, status, yaml from scenarios where id = ? order by version desc",
        [scenario_id],
    )[0]
    assert newest["version"] == 2 and newest["status"] == "published"
    assert parse(newest["yaml"]).data["intent_examples"] == {
        "check_power": {"en": [UNKNOWN_PHRASE]}
    }
    second = start(alice, scenario_id)
    say(alice, second, UNKNOWN_PHRASE)
    with web.app_context():
        kinds = {e["kind"]: e["data"] for e in store.load_events(get_db(), second)}
    assert (
        "unrecognized" not in kinds
        and kinds["intent_matched"]["intents"][0]["intent"] == "check_power"
    )


def test_an_admin_adds_a_phrase_to_the_shared_catalog(web):
    alice, admin = client_as(web, "alice"), client_as(web, "admin")
    first = start(alice, "printer-offline")
    say(alice, first, UNKNOWN_PHRASE)
    trainer = client_as(web, "trainer")
    refused = trainer.post(
        "/authoring/printer-offline/phrases",
        data={"text": UNKNOWN_PHRASE, "locale": "en", "intent": "check_power", "target": "catalog"},
    )
    assert refused.status_code == 403
    response = admin.post(
        "/authoring/printer-offline/phrases",
        data={"text": UNKNOWN_PHRASE, "locale": "en", "intent": "check_power", "target": "catalog"},
    )
    assert response.status_code == 302
    catalog = Path(web.config["SCENARIO_DIR"]) / "catalog.yaml"
    assert (
        UNKNOWN_PHRASE
        in parse(catalog.read_text(), 4 * 1024 * 1024).data["intents"]["check_power"]["examples"][
            "en"
        ]
    )
    assert "# The shared intent catalog" in catalog.read_text()
    second = start(alice, "printer-offline")
    say(alice, second, UNKNOWN_PHRASE)
    with web.app_context():
        kinds = [e["kind"] for e in store.load_events(get_db(), second)]
    assert "unrecognized" not in kinds and "intent_matched" in kinds


@pytest.mark.parametrize(
    "form, status",
    [
        ({"text": "", "locale": "en", "intent": "check_power", "target": "scenario"}, 422),
        ({"text": "x" * 301, "locale": "en", "intent": "check_power", "target": "scenario"}, 422),
        ({"text": "hello", "locale": "de", "intent": "check_power", "target": "scenario"}, 422),
        ({"text": "hello", "locale": "en", "intent": "no_such_intent", "target": "scenario"}, 422),
        ({"text": "hello", "locale": "en", "intent": "check_power", "target": "scenario"}, 403),
    ],
)
def test_a_bad_phrase_request_changes_nothing(web, form, status):
    trainer = client_as(web, "trainer")
    before = (Path(web.config["SCENARIO_DIR"]) / "catalog.yaml").read_text()
    assert trainer.post("/authoring/printer-offline/phrases", data=form).status_code == status
    assert (Path(web.config["SCENARIO_DIR"]) / "catalog.yaml").read_text() == before
    assert rows(web, "select * from scenarios where author_id is not null") == []


# -- YAML edits keep the author's layout -----------------------------------------------------------


def test_appending_keeps_comments_and_creates_missing_keys():
    text = "# cause and trap\nid: x  # the id\nintent_examples:\n  greet:\n    en:\n    - hi\n"
    once = append_to_list(text, ("intent_examples", "greet", "en"), "hello there")
    twice = append_to_list(once, ("intent_examples", "check_power", "fr"), "c'est allumé ?")
    assert twice.startswith("# cause and trap\nid: x  # the id\n")
    assert parse(twice).data["intent_examples"] == {
        "greet": {"en": ["hi", "hello there"]},
        "check_power": {"fr": ["c'est allumé ?"]},
    }


def test_appending_to_a_flow_list_falls_back_to_a_clean_dump():
    result = append_to_list("a:\n  en: [one, two]\n", ("a", "en"), 'three "quoted"')
    assert parse(result).data == {"a": {"en": ["one", "two", 'three "quoted"']}}


def test_setting_the_version_touches_one_line():
    text = set_top_level(STARTER, "version", 7)
    assert parse(text).data["version"] == 7 and text.count("\n") == STARTER.count("\n")
    assert json.dumps(parse(text).data["title"]) == json.dumps(parse(STARTER).data["title"])


def test_a_catalog_changed_by_another_worker_is_reloaded_for_the_next_call(web):
    catalog = Path(web.config["SCENARIO_DIR"]) / "catalog.yaml"
    alice = client_as(web, "alice")
    start(alice, "printer-offline")  # this worker has loaded the library
    text = append_to_list(
        catalog.read_text(),
        ("intents", "check_power", "examples", "en"),
        UNKNOWN_PHRASE,
        limit=4 * 1024 * 1024,
    )
    catalog.write_text(text)
    stat = catalog.stat()
    os.utime(catalog, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    call_id = start(alice, "printer-offline")
    say(alice, call_id, UNKNOWN_PHRASE)
    with web.app_context():
        kinds = [e["kind"] for e in store.load_events(get_db(), call_id)]
    assert "unrecognized" not in kinds and "intent_matched" in kinds


def test_a_stored_version_is_parsed_once_per_library_and_again_after_a_reload(web):
    catalog = Path(web.config["SCENARIO_DIR"]) / "catalog.yaml"
    text = (Path(web.config["SCENARIO_DIR"]) / "printer-offline.yaml").read_text(encoding="utf-8")
    with web.app_context():
        first = parse_stored(text)
        assert parse_stored(text) is first  # kept beside the library
        forget_library()
        second = parse_stored(text)
        assert second is not first and second == first
        stat = (
            catalog.stat()
        )  # another worker changed the catalog: get_library reloads, the parsed go
        os.utime(catalog, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        assert parse_stored(text) is not second
        with pytest.raises(StoredVersionError) as refused:
            parse_stored(text.replace("id: printer-offline", "id: Not An Id"))
    assert isinstance(refused.value, StoredScenarioError) and isinstance(refused.value, ValueError)
