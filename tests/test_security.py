"""The holes an attack found (issue 15), each reproduced and shown closed: redirects after login,
YAML alias bombs, format specs in placeholders, odd input that used to give a 500."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.validate import validate_text
from simulator.yamlsource import SourceError, parse
from tests.test_web import client_as, web  # noqa: F401  (the app fixture with the demo accounts)

STARTER = Path(__file__).resolve().parent.parent / "scenarios" / "starters" / "new-scenario.yaml"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    "target",
    [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "\\\\evil.example",
        "/\\evil.example",
        " //evil.example",
        "\x00//evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
    ],
)
def test_login_never_sends_the_browser_to_another_site(web, target):  # noqa: F811
    client = web.test_client()
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"username": "alice", "password": "trainee-demo-2026"},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location == "/" and "evil" not in location


def test_a_same_site_next_is_kept_after_login_and_language(web):  # noqa: F811
    client = web.test_client()
    response = client.post(
        "/login",
        query_string={"next": "/history?page=2"},
        data={"username": "alice", "password": "trainee-demo-2026"},
    )
    assert response.headers["Location"] == "/history?page=2"
    response = client.post("/language/fr", data={"next": "/\t/evil.example"})
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_a_yaml_alias_bomb_is_refused_before_it_is_built():
    assert len(BOMB.encode()) < 400
    with pytest.raises(SourceError) as caught:
        parse(BOMB)
    assert caught.value.code == "yaml_alias" and caught.value.line == 1
    assert "aliases" in caught.value.message


def test_the_editor_reports_the_alias_bomb_in_both_languages(web):  # noqa: F811
    client = client_as(web, "trainer")
    answers = {}
    for locale in ("en", "fr"):
        client.post(f"/language/{locale}")
        answer = client.post("/authoring/validate", data={"yaml": BOMB, "mode": "new"}).get_json()
        assert answer["ok"] is False and answer["problems"][0]["line"] == 1
        answers[locale] = answer["problems"][0]["message"]
    assert "aliases" in answers["en"] and "alias" in answers["fr"]
    assert answers["en"] != answers["fr"]


@pytest.mark.parametrize(
    "opening", ["Hello {ticket:>20000000}", "Hello {ticket:{username}}", "Hello {ticket!r}"]
)
def test_a_placeholder_with_a_format_spec_is_reported_with_its_line(library, opening):
    text = STARTER.read_text(encoding="utf-8").replace(
        "Hello, my scanner doesn't work any more", opening
    )
    scenario, problems = validate_text(text, library.catalog, set(library.articles))
    assert scenario is None
    found = [p for p in problems if p.code == "placeholder_not_bare"]
    assert found and found[0].line == 29 and found[0].path == "opening[0].en"
    assert "bare name" in found[0].message and "bare" not in found[0].text("fr")


def test_a_bare_placeholder_still_validates(library):
    text = STARTER.read_text(encoding="utf-8").replace(
        "Hello, my scanner doesn't work any more", "Hello, {ticket} does not work any more"
    )
    scenario, problems = validate_text(text, library.catalog, set(library.articles))
    assert problems == [] and scenario is not None


# Inputs that used to answer 500: each is now refused with a message or a 404.
UNICODE_DIGITS = ["²", "٣", "𝟑", "1²"]


def _calls(web):  # noqa: F811
    alice = client_as(web, "alice")
    live = start_call(alice)
    ended = start_call(alice)
    alice.post(f"/calls/{ended}/step", data={"step": "close", "summary": "done"})
    return alice, live, ended


def start_call(client) -> int:
    response = client.post(
        "/practice", data={"scenario": "printer-offline", "persona": "calm", "locale": "en"}
    )
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


@pytest.mark.parametrize("value", UNICODE_DIGITS)
def test_unicode_digits_in_every_number_field_are_refused_never_a_500(web, value):  # noqa: F811
    alice, live, ended = _calls(web)
    trainer = client_as(web, "trainer")
    answers = [
        alice.post(f"/calls/{live}/step", data={"step": "hold", "seconds": value}),
        trainer.post(f"/cohorts/calls/{ended}/comments", data={"turn": value, "text": "Hi"}),
        trainer.post(
            f"/cohorts/calls/{ended}/overrides",
            data={"skill": "tone", "score": value, "reason": "why"},
        ),
        trainer.post("/cohorts/1/members/4/move", data={"to": value}),
        trainer.post(
            "/cohorts/1/assignments",
            data={"scenario": "disk-full", "mode": "practice", "attempts": value},
        ),
        client_as(web, "admin").post("/cohorts/new", data={"name": "Z", "trainer": value}),
        alice.post("/practice", data={"assignment": value, "locale": "en"}),
    ]
    codes = [a.status_code for a in answers]
    assert all(code < 500 for code in codes), codes


def test_a_hold_in_arabic_digits_is_not_taken_as_three(web):  # noqa: F811
    alice, live, _ended = _calls(web)
    alice.post("/language/en")
    response = alice.post(
        f"/calls/{live}/step", data={"step": "hold", "seconds": "٣"}, headers={"HX-Request": "true"}
    )
    assert response.headers["X-Step-Status"] in ("400", "422")
    assert "A hold lasts from 1 to 3600 seconds" in response.get_data(as_text=True)


def test_an_unknown_call_language_is_refused_with_a_message(web):  # noqa: F811
    alice = client_as(web, "alice")
    alice.post("/language/en")
    response = alice.post("/practice", data={"scenario": "printer-offline", "locale": "xx"})
    assert response.status_code == 302
    page = alice.get(response.headers["Location"]).get_data(as_text=True)
    assert "Choose English or French for the call." in page


@pytest.mark.parametrize(
    "path",
    [
        "/cohorts/99999999999999999999",
        "/cohorts/99999999999999999999/members",
        "/cohorts/1/trainees/99999999999999999999",
        "/calls/99999999999999999999",
        "/calls/٣",
        "/authoring/printer-offline?version=99999999999999999999",
        "/authoring/printer-offline/export?version=99999999999999999999",
        "/authoring/printer-offline?version=٣",
    ],
)
def test_ids_beyond_sqlites_range_are_404(web, path):  # noqa: F811
    assert client_as(web, "admin").get(path).status_code == 404


def test_a_lone_surrogate_and_deep_json_are_refused_with_a_message(web):  # noqa: F811
    alice = client_as(web, "alice")
    created = alice.post(
        "/api/v1/calls", json={"scenario": "printer-offline", "seed": 1, "locale": "en"}
    )
    call_id = created.get_json()["id"]
    lone = alice.post(
        f"/api/v1/calls/{call_id}/steps",
        data='{"step": {"say": "hello \\ud800"}}',
        content_type="application/json",
    )
    assert lone.status_code == 400 and "surrogate" in lone.get_json()["message"]
    deep = alice.post(
        f"/api/v1/calls/{call_id}/steps",
        data="[" * 100_000 + "]" * 100_000,
        content_type="application/json",
    )
    assert deep.status_code == 400 and "nested" in deep.get_json()["message"]
    fine = alice.post(f"/api/v1/calls/{call_id}/steps", json={"step": {"say": "hello é"}})
    assert fine.status_code == 200


def test_the_anonymous_openapi_document_lists_no_scenario_id(web):  # noqa: F811
    anonymous = web.test_client().get("/api/v1/openapi.json").get_data(as_text=True)
    assert "printer-offline" not in anonymous and '"openapi"' in anonymous
    signed_in = client_as(web, "alice").get("/api/v1/openapi.json").get_data(as_text=True)
    assert "printer-offline" in signed_in


def test_a_trainer_reads_only_the_phrases_of_their_own_trainees(web):  # noqa: F811
    from storage.users import add_cohort, add_member, add_user
    from web.shared.database import get_db

    with web.app_context():
        db = get_db()
        rival = add_user(db, "trainer2", "Rival", "password-22", "trainer")
        outsider = add_user(db, "outsider", "Out Sider", "password-33")
        add_member(db, add_cohort(db, "Rival cohort", rival), outsider)
    mine, theirs = client_as(web, "alice"), web.test_client()
    theirs.post("/login", data={"username": "outsider", "password": "password-33"})
    for client, text in ((mine, "zorglub from alice"), (theirs, "private words of outsider")):
        call_id = start_call(client)
        client.post(f"/calls/{call_id}/step", data={"step": "say", "text": text})
    page = client_as(web, "trainer").get("/authoring/printer-offline/phrases")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "zorglub from alice" in text and "private words of outsider" not in text
    admin = client_as(web, "admin").get("/authoring/printer-offline/phrases")
    assert "private words of outsider" in admin.get_data(as_text=True)


def test_steps_and_call_starts_are_limited_per_user_across_workers(tmp_path):
    from app import create_app
    from web.cli.accounts import ensure_demo
    from web.shared.database import get_db

    config = {
        "TESTING": True,
        "DATABASE": str(tmp_path / "limits.db"),
        "SECRET_KEY": "t",
        "WTF_CSRF_ENABLED": False,
        "STEP_RATE_LIMIT": "4 per minute",
        "CALL_RATE_LIMIT": "2 per hour",
    }
    one, two = create_app(config), create_app(config)
    with one.app_context():
        ensure_demo(get_db())
    clients = [client_as(app, "alice") for app in (one, two)]
    starts = [
        clients[i % 2].post("/api/v1/calls", json={"scenario": "printer-offline", "seed": i})
        for i in range(3)
    ]
    assert [s.status_code for s in starts] == [201, 201, 429]
    call_id = starts[0].get_json()["id"]
    steps = [
        clients[i % 2]
        .post(f"/api/v1/calls/{call_id}/steps", json={"step": {"say": f"hello {i}"}})
        .status_code
        for i in range(5)
    ]
    assert steps == [200] * 4 + [429]
    refused = clients[1].post(f"/api/v1/calls/{call_id}/steps", json={"step": {"say": "again"}})
    assert "Trop de tentatives" in refused.get_json()["message"]  # Alice reads French


def test_https_mode_sets_secure_cookies_and_hsts(tmp_path, monkeypatch):
    from app import create_app

    monkeypatch.setenv("HOTLINER_HTTPS", "1")
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "s.db"), "SECRET_KEY": "t"})
    response = app.test_client().get("/login")
    assert "max-age=" in response.headers["Strict-Transport-Security"]
    assert app.config["SESSION_COOKIE_SECURE"] is True
    monkeypatch.delenv("HOTLINER_HTTPS")
    plain = create_app({"TESTING": True, "DATABASE": str(tmp_path / "p.db"), "SECRET_KEY": "t"})
    assert "Strict-Transport-Security" not in plain.test_client().get("/login").headers


def test_the_database_and_the_secret_key_file_are_private(tmp_path, monkeypatch):
    from app import create_app

    monkeypatch.delenv("HOTLINER_SECRET_KEY", raising=False)
    monkeypatch.setenv("HOTLINER_INSTANCE", str(tmp_path / "instance"))
    from web.shared.database import get_db

    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "private.db")})
    with app.app_context():
        get_db()
    assert (tmp_path / "private.db").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "instance" / "secret_key").stat().st_mode & 0o777 == 0o600


def test_a_trusted_proxy_hop_gives_each_client_its_own_address_limit(tmp_path, monkeypatch):
    from app import create_app

    monkeypatch.setenv("HOTLINER_PROXY_HOPS", "1")
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "proxy.db"),
            "SECRET_KEY": "t",
            "WTF_CSRF_ENABLED": False,
            "LOGIN_RATE_LIMIT": "2 per minute",
        }
    )
    client = app.test_client()

    def attempt(address: str) -> int:
        return client.post(
            "/login",
            data={"username": f"u-{address}", "password": "x"},
            headers={"X-Forwarded-For": address},
        ).status_code

    assert [attempt("10.0.0.1") for _ in range(3)] == [200, 200, 429]
    assert attempt("10.0.0.2") == 200  # another client behind the same proxy is not blocked


def test_the_admins_daily_model_budget_refuses_further_model_replies(web):  # noqa: F811
    from storage.calls import now
    from web.shared.database import get_db

    alice, admin = client_as(web, "alice"), client_as(web, "admin")
    alice.post("/language/en")
    used = alice.post("/api/v1/calls", json={"scenario": "printer-offline", "seed": 1}).get_json()
    live = alice.post("/api/v1/calls", json={"scenario": "printer-offline", "seed": 2}).get_json()
    with web.app_context():
        db = get_db()
        db.execute("update calls set mode = 'llm' where id in (?, ?)", [used["id"], live["id"]])
        for seq in range(1000, 1003):  # three model replies today on another call of hers
            db["events"].insert(
                {
                    "call_id": used["id"],
                    "seq": seq,
                    "at": 0.0,
                    "turn": 1,
                    "kind": "llm_turn",
                    "data": "{}",
                    "created_at": now(),
                }
            )
        db.conn.commit()
    say = {"step": {"say": "Hello, is the printer on?"}}
    assert alice.post(f"/api/v1/calls/{live['id']}/steps", json=say).status_code == 200
    assert admin.post("/admin/accounts/model-budget", data={"budget": "٣"}).status_code == 422
    assert admin.post("/admin/accounts/model-budget", data={"budget": "3"}).status_code == 302
    refused = alice.post(f"/api/v1/calls/{live['id']}/steps", json=say)
    assert refused.status_code in (400, 422)
    assert "today's 3 replies of the language model" in refused.get_json()["message"]
    admin.post("/admin/accounts/model-budget", data={"budget": ""})
    assert alice.post(f"/api/v1/calls/{live['id']}/steps", json=say).status_code == 200
