"""The admin page: language-model settings (precedence, validation, the key never shown), the
endpoint check against a real HTTP server on 127.0.0.1, settings reaching every app, usage
totals."""

from __future__ import annotations

import json
import logging
import socket

import pytest
from bs4 import BeautifulSoup

from app import create_app
from storage import settings
from storage.calls import append_events, create_call
from storage.usage import llm_usage, since_days
from tests.llm_server import LLMServer
from web.cli.accounts import DEMO_ACCOUNTS, ensure_demo
from web.shared.database import get_db
from web.shared.runtime import get_engine, llm_config

PASSWORDS = {u: p for u, _n, _r, p, _l in DEMO_ACCOUNTS}
SECRET = "sk-hotliner-RECOGNISABLE-7f3a9c"
GOOD = {"base_url": "", "model": "page-model", "api_key": "", "timeout": "5", "retries": "0"}


def make_app(path, **config):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(path),
            "SECRET_KEY": "test",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            **config,
        }
    )
    with app.app_context():
        ensure_demo(get_db())
    return app


@pytest.fixture()
def web(tmp_path):
    return make_app(tmp_path / "admin.db")


@pytest.fixture()
def server():
    with LLMServer() as s:
        yield s


def client_as(app, who: str):
    client = app.test_client()
    if who != "anonymous":
        response = client.post(
            "/login",
            data={"username": who, "password": PASSWORDS[who]},
            headers={"Accept-Language": "en"},
        )
        assert response.status_code == 302, who
    return client


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def stored(app) -> dict:
    with app.app_context():
        return settings.get_many(get_db(), "llm.")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- access ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, status",
    [("anonymous", 302), ("alice", 403), ("bruno", 403), ("trainer", 403), ("admin", 200)],
)
def test_only_admins_reach_the_admin_page(web, who, status):
    client = client_as(web, who)
    assert client.get("/admin/").status_code == status
    expected_post = 302 if who in ("anonymous", "admin") else status
    assert client.post("/admin/llm", data=GOOD).status_code == expected_post
    assert client.post("/admin/llm/check").status_code == (200 if who == "admin" else status)
    if who != "admin":
        assert stored(web) == {}


def test_anonymous_is_sent_to_login(web):
    response = web.test_client().get("/admin/")
    assert "/login?next=" in response.headers["Location"]


@pytest.mark.parametrize("who, shown", [("alice", False), ("trainer", False), ("admin", True)])
def test_the_nav_links_administration_for_admins_only(web, who, shown):
    nav = page(client_as(web, who).get("/")).select_one("nav")
    assert any(a["href"] == "/admin/" for a in nav.select("a")) is shown


# -- saving and validation -------------------------------------------------------------------------


def test_valid_settings_are_saved_and_shown_back(web, server):
    client = client_as(web, "admin")
    response = client.post(
        "/admin/llm", data={**GOOD, "base_url": server.base_url, "timeout": "2,5"}
    )
    assert response.status_code == 302
    assert stored(web) == {
        "llm.base_url": server.base_url,
        "llm.model": "page-model",
        "llm.timeout": "2.5",
        "llm.retries": "0",
    }
    html = page(client.get("/admin/", headers={"Accept-Language": "en"}))
    assert html.select_one("#llm-base_url")["value"] == server.base_url
    assert html.select_one("#llm-model")["value"] == "page-model"
    # Saving checks the endpoint at once: this fake one answers but not in the asked JSON shape,
    # and the status says so instead of "Configured".
    assert "check failed" in html.select_one("#llm-status").text
    assert "Not usable" in html.select_one("#check-result").text
    assert "Settings saved" in html.text or "settings saved" in html.text


@pytest.mark.parametrize(
    "field, value",
    [
        ("base_url", "ftp://models.example.org/v1"),
        ("base_url", "127.0.0.1:11434/v1"),
        ("base_url", "http://"),
        ("base_url", "http://host:port/v1"),
        ("base_url", "http://with space/v1"),
        ("base_url", "http://user:sk-in-the-url@127.0.0.1/v1"),
        ("model", "m" * 201),
        ("timeout", "0"),
        ("timeout", "301"),
        ("timeout", "ten"),
        ("timeout", "nan"),
        ("retries", "-1"),
        ("retries", "11"),
        ("retries", "1.5"),
    ],
)
def test_a_wrong_field_gets_its_own_message_and_nothing_is_saved(web, field, value):
    client = client_as(web, "admin")
    form = {**GOOD, "base_url": "http://127.0.0.1:8000/v1", field: value}
    response = client.post("/admin/llm", data=form, headers={"Accept-Language": "en"})
    assert response.status_code == 422
    html = page(response)
    errors = {p["id"] for p in html.select(".field-error")}
    assert errors == {f"llm-{field}-error"}
    assert html.select_one(f"#llm-{field}")["aria-invalid"] == "true"
    assert html.select_one(f"#llm-{field}")["value"] == value  # what was typed stays, to correct it
    assert "Nothing was saved" in html.select_one(".flash-error").text
    assert stored(web) == {}


def test_several_wrong_fields_are_all_named(web):
    response = client_as(web, "admin").post(
        "/admin/llm",
        data={
            "base_url": "gopher://x",
            "model": "m",
            "timeout": "900",
            "retries": "many",
            "api_key": SECRET,
        },
    )
    html = page(response)
    assert {p["id"] for p in html.select(".field-error")} == {
        "llm-base_url-error",
        "llm-timeout-error",
        "llm-retries-error",
        "llm-api_key-error",
    }
    assert "type it again" in html.select_one("#llm-api_key-error").text
    assert SECRET not in response.get_data(as_text=True)
    assert stored(web) == {}


def test_an_empty_key_field_keeps_the_stored_key_and_the_box_removes_it(web):
    client = client_as(web, "admin")
    client.post("/admin/llm", data={**GOOD, "api_key": SECRET})
    assert stored(web)["llm.api_key"] == SECRET
    client.post("/admin/llm", data={**GOOD, "model": "other"})
    assert stored(web)["llm.api_key"] == SECRET and stored(web)["llm.model"] == "other"
    html = page(client.get("/admin/", headers={"Accept-Language": "en"}))
    assert "stored on this page" in html.select_one("#llm-api_key-hint").text
    assert html.select_one("input[name=remove_key]") is not None
    both = client.post("/admin/llm", data={**GOOD, "api_key": "sk-new", "remove_key": "1"})
    assert both.status_code == 422 and stored(web)["llm.api_key"] == SECRET
    client.post("/admin/llm", data={**GOOD, "remove_key": "1"})
    assert "llm.api_key" not in stored(web)
    html = page(client.get("/admin/", headers={"Accept-Language": "en"}))
    assert "No key is set" in html.select_one("#llm-api_key-hint").text
    assert html.select_one("input[name=remove_key]") is None


def test_the_page_says_when_the_key_comes_from_the_environment(tmp_path):
    app = make_app(tmp_path / "env.db", OPENAI_API_KEY=SECRET)
    response = client_as(app, "admin").get("/admin/", headers={"Accept-Language": "en"})
    assert "set in the environment" in page(response).select_one("#llm-api_key-hint").text
    assert SECRET not in response.get_data(as_text=True)


# -- precedence ------------------------------------------------------------------------------------


def test_page_settings_win_over_the_environment_key_by_key(tmp_path, monkeypatch):
    monkeypatch.setenv("HOTLINER_LLM_BASE_URL", "http://127.0.0.1:1/env/v1")
    monkeypatch.setenv("HOTLINER_LLM_MODEL", "env-model")
    monkeypatch.setenv("HOTLINER_LLM_TIMEOUT", "7")
    monkeypatch.setenv("OPENAI_API_KEY", "env-key")
    app = make_app(tmp_path / "p.db", HOTLINER_LLM_RETRIES="3")
    with app.app_context():
        config = llm_config()
        assert (config.base_url, config.model, config.api_key, config.timeout, config.retries) == (
            "http://127.0.0.1:1/env/v1",
            "env-model",
            "env-key",
            7.0,
            3,
        )
    client_as(app, "admin").post(
        "/admin/llm",
        data={
            "base_url": "",
            "model": "page-model",
            "api_key": SECRET,
            "timeout": "",
            "retries": "0",
        },
    )
    with app.app_context():
        config = llm_config()
        assert (config.base_url, config.model, config.api_key, config.timeout, config.retries) == (
            "http://127.0.0.1:1/env/v1",
            "page-model",
            SECRET,
            7.0,
            0,
        )
        assert SECRET not in repr(config)
    html = page(client_as(app, "admin").get("/admin/"))
    assert "env-model" in html.select_one("#llm-model-hint").text


def test_the_environment_alone_still_configures_the_endpoint(tmp_path, server):
    app = make_app(
        tmp_path / "e.db", HOTLINER_LLM_BASE_URL=server.base_url, HOTLINER_LLM_MODEL="env-model"
    )
    with app.test_request_context():
        assert get_engine().llm.model == "env-model"
    assert stored(app) == {}


# -- the check button ------------------------------------------------------------------------------


def test_the_check_reports_a_working_endpoint_with_the_saved_key(web, server):
    server.behaviour = lambda body: {"ok": True, "word": "pong"}
    client = client_as(web, "admin")
    client.post("/admin/llm", data={**GOOD, "base_url": server.base_url, "api_key": SECRET})
    response = client.post("/admin/llm/check", headers={"Accept-Language": "en"})
    result = page(response).select_one("#check-result")
    assert response.status_code == 200 and "ok" in result["class"]
    assert "Usable" in result.text and "page-model" in result.text
    assert server.requests[-1]["response_format"]["type"] == "json_schema"
    assert server.requests[-1]["model"] == "page-model"
    assert server.headers[-1]["authorization"] == f"Bearer {SECRET}"
    assert SECRET not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "behaviour, answers, label",
    [
        (lambda body: "this is not json", "yes", "Answer not in JSON"),
        (lambda body: {"ok": "yes"}, "yes", "JSON not in the expected shape"),
    ],
)
def test_the_check_explains_an_unusable_endpoint(web, server, behaviour, answers, label):
    server.behaviour = behaviour
    client = client_as(web, "admin")
    client.post("/admin/llm", data={**GOOD, "base_url": server.base_url})
    response = client.post("/admin/llm/check", headers={"Accept-Language": "en"})
    result = page(response).select_one("#check-result")
    assert response.status_code == 200 and "bad" in result["class"]
    values = dict(
        zip(
            [dt.text for dt in result.select("dt")],
            [dd.text for dd in result.select("dd")],
            strict=True,
        )
    )
    assert values["Answers"] == answers and values["JSON-schema output"] == "no"
    assert label in values["Problem"]


def test_the_check_of_an_unreachable_endpoint_is_a_message(web):
    client = client_as(web, "admin")
    client.post(
        "/admin/llm",
        data={**GOOD, "base_url": f"http://127.0.0.1:{closed_port()}/v1", "timeout": "2"},
    )
    response = client.post("/admin/llm/check", headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert "Not a reachable model endpoint" in page(response).select_one("#check-result").text


def test_a_closed_port_and_a_server_error_get_the_same_answer(web, server):
    server.behaviour = lambda body: "500"
    client = client_as(web, "admin")
    answers = []
    for url in (server.base_url, f"http://127.0.0.1:{closed_port()}/v1"):
        client.post("/admin/llm", data={**GOOD, "base_url": url, "timeout": "2"})
        response = client.post("/admin/llm/check", headers={"Accept-Language": "en"})
        answers.append(page(response).select_one("#check-result").text.strip())
    assert answers[0] == answers[1] == "Not a reachable model endpoint."


def test_changing_the_base_url_removes_the_stored_key_unless_typed_again(web, server):
    client = client_as(web, "admin")
    client.post("/admin/llm", data={**GOOD, "base_url": server.base_url, "api_key": SECRET})
    client.post("/admin/llm", data={**GOOD, "base_url": server.base_url})  # same URL: kept
    assert stored(web).get("llm.api_key") == SECRET
    moved = client.post(
        "/admin/llm",
        data={**GOOD, "base_url": "http://127.0.0.1:9/v1"},
        headers={"Accept-Language": "en"},
        follow_redirects=True,
    )
    assert stored(web).get("llm.api_key") is None
    assert "the stored key was removed" in moved.get_data(as_text=True)
    client.post("/admin/llm", data={**GOOD, "base_url": server.base_url, "api_key": "typed-again"})
    assert stored(web).get("llm.api_key") == "typed-again"


def test_the_check_without_an_endpoint_says_so(web):
    response = client_as(web, "admin").post("/admin/llm/check", headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert "No endpoint is configured" in page(response).select_one("#check-result").text


# -- the key is never shown nor logged -------------------------------------------------------------


def test_the_key_never_appears_in_a_page_a_message_or_a_log_line(web, server, caplog):
    caplog.set_level(logging.DEBUG)
    client = client_as(web, "admin")
    bodies = []
    saved = client.post(
        "/admin/llm",
        data={**GOOD, "base_url": server.base_url, "api_key": SECRET},
        follow_redirects=True,
    )
    bodies.append(saved.get_data(as_text=True))
    bodies.append(
        client.post("/admin/llm", data={**GOOD, "base_url": "nope", "api_key": SECRET}).get_data(
            as_text=True
        )
    )
    for behaviour in (
        lambda body: {"ok": True, "word": "pong"},
        lambda body: "500",
        lambda body: "429",
    ):
        server.behaviour = behaviour
        bodies.append(client.post("/admin/llm/check").get_data(as_text=True))
    for url in ("/admin/", "/", "/settings", "/history"):
        for locale in ("en", "fr"):
            bodies.append(
                client.get(url, headers={"Accept-Language": locale}).get_data(as_text=True)
            )
    server.behaviour = lambda body: {"intents": [], "reply": "Right, okay."}
    call = client.post(
        "/practice", data={"scenario": "printer-offline", "persona": "calm", "mode": "llm"}
    )
    call_url = call.headers["Location"]
    bodies.append(
        client.post(
            f"{call_url}/step",
            data={"step": "say", "text": "Hello"},
            headers={"HX-Request": "true"},
        ).get_data(as_text=True)
    )
    assert server.headers and all(h["authorization"] == f"Bearer {SECRET}" for h in server.headers)
    assert all(SECRET not in body for body in bodies)
    assert SECRET not in caplog.text
    assert all(SECRET not in str(record.args) for record in caplog.records)


# -- the settings reach the engine, in every app on the database -----------------------------------


def _offers_llm(client) -> bool:
    return page(client.get("/")).select_one("input[name=mode][value=llm]") is not None


def test_a_saved_endpoint_offers_the_language_model_and_calls_use_it(web, server):
    trainee, admin = client_as(web, "alice"), client_as(web, "admin")
    assert not _offers_llm(trainee)
    admin.post("/admin/llm", data={**GOOD, "base_url": server.base_url})
    assert _offers_llm(trainee)
    response = trainee.post(
        "/practice", data={"scenario": "printer-offline", "persona": "calm", "mode": "llm"}
    )
    call_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    trainee.post(
        f"/calls/{call_id}/step",
        data={"step": "say", "text": "Is the printer switched on?"},
        headers={"HX-Request": "true"},
    )
    with web.app_context():
        db = get_db()
        assert db["calls"].get(call_id)["mode"] == "llm"
        turns = [
            json.loads(r["data"])
            for r in db.query(
                "select data from events where call_id = ? and kind = 'llm_turn'", [call_id]
            )
        ]
    assert len(turns) == 1 and turns[0]["model"] == "page-model"
    assert server.requests[-1]["model"] == "page-model"


def test_a_second_app_on_the_same_database_follows_every_change(tmp_path, server):
    first = make_app(tmp_path / "shared.db")
    second = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "shared.db"),
            "SECRET_KEY": "test",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    trainee = client_as(second, "alice")
    assert not _offers_llm(trainee)  # the second app's engine is built, with no caller
    with second.app_context():
        engine = get_engine()
    admin = client_as(first, "admin")
    admin.post("/admin/llm", data={**GOOD, "base_url": server.base_url})
    assert _offers_llm(trainee)
    with second.app_context():
        assert get_engine() is engine and engine.llm.model == "page-model"
    admin.post(
        "/admin/llm",
        data={**GOOD, "base_url": server.base_url, "model": "bigger-model", "timeout": "9"},
    )
    with second.app_context():
        assert get_engine().llm.model == "bigger-model"
        assert get_engine().llm.client.config.timeout == 9.0
    admin.post(
        "/admin/llm",
        data={"base_url": "", "model": "", "api_key": "", "timeout": "", "retries": ""},
    )
    assert not _offers_llm(trainee)
    with second.app_context():
        assert get_engine().llm is None


def test_the_settings_stamp_changes_on_every_save_and_removal(tmp_path):
    app = make_app(tmp_path / "s.db")
    with app.app_context():
        db = get_db()
        stamps = [settings.stamp(db)]
        settings.set_many(db, {"llm.model": "a"}, None)
        stamps.append(settings.stamp(db))
        settings.set_many(
            db, {"llm.model": "a"}, None
        )  # the same value saved again: still a change
        stamps.append(settings.stamp(db))
        settings.set_many(db, {"llm.model": None}, None)
        stamps.append(settings.stamp(db))
        assert settings.get(db, "llm.model") is None and settings.get_many(db, "llm.") == {}
    assert all(a != b for a, b in zip(stamps, stamps[1:], strict=False)) and stamps[-1] != stamps[0]


# -- usage totals ----------------------------------------------------------------------------------


def _seed_call(
    db, mode: str, llm_events: list[tuple[int, str, dict]], created_at: str | None = None
) -> int:
    started = {
        "scenario": "printer-offline",
        "version": 1,
        "persona": "calm",
        "locale": "en",
        "seed": 1,
        "mode": mode,
    }
    call_id = create_call(
        db, [{"seq": 1, "at": 0, "turn": 0, "kind": "call_started", "data": started}]
    )
    events = [
        {"seq": 2 + i, "at": i, "turn": n, "kind": kind, "data": data}
        for i, (n, kind, data) in enumerate(llm_events)
    ]
    if events:
        append_events(db, call_id, events)
    if created_at:
        db.execute("update events set created_at = ? where call_id = ?", [created_at, call_id])
        db.execute("update calls set started_at = ? where id = ?", [created_at, call_id])
    return call_id


def turn(
    n: int, model: str | None, prompt: int, completion: int, seconds: float
) -> tuple[int, str, dict]:
    data = {
        "intents": [],
        "reply": "ok",
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "seconds": seconds,
    }
    return n, "llm_turn", {**data, "model": model} if model else data


@pytest.fixture()
def seeded(web):
    with web.app_context():
        db = get_db()
        _seed_call(
            db,
            "llm",
            [
                turn(1, "small", 100, 10, 0.5),
                turn(2, "small", 200, 20, 1.5),
                (3, "llm_fallback", {"reason": "timeout", "model": "small"}),
                turn(4, "big", 1000, 50, 3.0),
                (4, "llm_fallback", {"reason": "leak"}),
            ],
        )
        _seed_call(
            db,
            "llm",
            [turn(1, None, 300, 30, 2.0), (2, "llm_fallback", {"reason": "timeout"})],
            created_at="2020-01-15T10:00:00+00:00",
        )
        _seed_call(db, "llm", [(1, "llm_fallback", {"reason": "no_endpoint"})])
        _seed_call(db, "scripted", [])
    return web


def test_usage_totals_add_up_overall_and_recently(seeded):
    with seeded.app_context():
        db = get_db()
        overall, recent = llm_usage(db), llm_usage(db, since_days(30))
    assert (overall.total.calls, overall.total.turns) == (3, 4)
    assert (overall.total.prompt_tokens, overall.total.completion_tokens) == (1600, 110)
    assert overall.total.seconds == pytest.approx(
        7.0
    ) and overall.total.mean_seconds == pytest.approx(1.75)
    assert overall.total.fallbacks == {"timeout": 2, "leak": 1, "no_endpoint": 1}
    assert (recent.total.calls, recent.total.turns, recent.total.prompt_tokens) == (2, 3, 1300)
    assert recent.total.fallbacks == {"timeout": 1, "leak": 1, "no_endpoint": 1}
    small, big, unknown = overall.models["small"], overall.models["big"], overall.models[None]
    assert (small.turns, small.prompt_tokens, small.completion_tokens, small.seconds) == (
        2,
        300,
        30,
        2.0,
    )
    assert small.fallbacks == {"timeout": 1}
    assert big.fallbacks == {"leak": 1}  # no model of its own: the same turn's model turn names it
    assert (unknown.turns, unknown.fallbacks) == (1, {"timeout": 1, "no_endpoint": 1})


def test_an_empty_log_gives_zero_totals(web):
    with web.app_context():
        usage = llm_usage(get_db())
    assert (usage.total.calls, usage.total.turns, usage.total.mean_seconds, usage.models) == (
        0,
        0,
        None,
        {},
    )


def test_the_admin_page_shows_the_usage_totals(seeded):
    html = page(client_as(seeded, "admin").get("/admin/", headers={"Accept-Language": "en"}))
    rows = {
        tr["data-key"]: [td.text for td in tr.select("td")]
        for tr in html.select("#usage-totals tr[data-key]")
    }
    assert rows["calls"] == ["2", "3"] and rows["turns"] == ["3", "4"]
    assert rows["prompt"] == ["1,300", "1,600"] and rows["completion"] == ["80", "110"]
    assert rows["seconds"] == ["5.0", "7.0"] and rows["mean"] == ["1.67", "1.75"]
    assert rows["fallbacks"] == ["3", "4"]
    reasons = {
        tr["data-key"]: [tr.th.text] + [td.text for td in tr.select("td")]
        for tr in html.select("#usage-fallbacks tr[data-key]")
    }
    assert reasons["timeout"] == ["No answer in time", "1", "2"]
    assert reasons["leak"] == ["Reply revealed a hidden fact", "1", "1"]
    models = [tr.th.text.strip() for tr in html.select("#usage-models tbody tr")]
    assert models == ["big", "small", "not recorded (older calls)"]


def test_usage_queries_use_the_partial_indexes(web):
    with web.app_context():
        plan = " ".join(
            str(r)
            for r in get_db().query(
                "explain query plan select count(*) from events where kind = 'llm_turn' and "
                "created_at >= ''"
            )
        )
    assert "events_llm_turn" in plan


def test_the_cli_check_uses_the_settings_saved_on_the_page(web, server):
    server.behaviour = lambda body: {"ok": True, "word": "pong"}
    refused = web.test_cli_runner().invoke(args=["llm", "check"])
    assert refused.exit_code != 0 and "admin page" in refused.output
    client_as(web, "admin").post(
        "/admin/llm", data={**GOOD, "base_url": server.base_url, "api_key": SECRET}
    )
    result = web.test_cli_runner().invoke(args=["llm", "check"])
    assert (
        result.exit_code == 0
        and "page-model" in result.output
        and "JSON-schema output: yes" in result.output
    )
    assert SECRET not in result.output and server.headers[-1]["authorization"] == f"Bearer {SECRET}"


def test_streaming_can_be_switched_off_where_the_server_is_set_up(tmp_path):
    """HOTLINER_LLM_STREAM has no field on the page; the app's config (or environment) still sets
    it."""
    from app import create_app
    from web.shared.runtime import llm_config

    for value, streams in (("0", False), ("1", True)):
        app = create_app(
            {
                "TESTING": True,
                "DATABASE": str(tmp_path / f"s{value}.db"),
                "SECRET_KEY": "t",
                "HOTLINER_LLM_BASE_URL": "http://127.0.0.1:9/v1",
                "HOTLINER_LLM_MODEL": "m",
                "HOTLINER_LLM_STREAM": value,
            }
        )
        with app.app_context():
            assert llm_config().stream is streams
