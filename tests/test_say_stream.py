"""The call screen's streamed say step: deltas that passed the guard, then the htmx step's HTML."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from app import create_app
from storage import calls as store
from tests.llm_server import Cut, LLMServer
from web.cli.accounts import DEMO_ACCOUNTS, ensure_demo
from web.shared.database import get_db

PASSWORDS = {u: p for u, _n, _r, p, _l in DEMO_ACCOUNTS}
LEAK = "Yes, it's switched on. It's probably the USB cable that is unplugged. Anything else?"


@pytest.fixture()
def llm():
    with LLMServer() as server:
        yield server


def make_app(tmp_path, llm, **config):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "stream.db"),
            "SECRET_KEY": "test",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "HOTLINER_LLM_BASE_URL": llm.base_url,
            "HOTLINER_LLM_MODEL": "test-model",
            "HOTLINER_LLM_TIMEOUT": "1",
            "HOTLINER_LLM_RETRIES": "0",
            **config,
        }
    )
    with app.app_context():
        ensure_demo(get_db())
    return app


@pytest.fixture()
def web(tmp_path, llm):
    return make_app(tmp_path, llm)


def login(app, user="alice"):
    client = app.test_client()
    assert (
        client.post("/login", data={"username": user, "password": PASSWORDS[user]}).status_code
        == 302
    )
    return client


def start(client, mode="llm", locale="en") -> int:
    response = client.post(
        "/practice",
        data={"scenario": "printer-offline", "persona": "calm", "locale": locale, "mode": mode},
    )
    assert response.status_code == 302
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def events_of(response) -> list[tuple[str, dict]]:
    """The server-sent events of a response, in order: (kind, data)."""
    assert response.status_code == 200 and response.mimetype == "text/event-stream"
    out = []
    for block in response.get_data(as_text=True).split("\n\n"):
        if not block.strip():
            continue
        lines = dict(line.split(": ", 1) for line in block.split("\n"))
        out.append((lines["event"], json.loads(lines["data"])))
    return out


def say_stream(client, call_id: int, text: str):
    return client.post(f"/calls/{call_id}/say/stream", data={"text": text})


def caller_texts(html: str) -> list[str]:
    return [li.p.get_text() for li in BeautifulSoup(html, "html.parser").select("li.msg.caller")]


def stored(app, call_id):
    with app.app_context():
        return store.load_events(get_db(), call_id)


def test_deltas_arrive_then_the_final_html_of_the_normal_step(web):
    alice = login(web)
    call_id = start(alice)
    events = events_of(say_stream(alice, call_id, "Is the printer switched on?"))
    kinds = [k for k, _ in events]
    assert kinds[-1] == "final" and set(kinds[:-1]) == {"delta"} and len(kinds) >= 3
    streamed = "".join(d["text"] for k, d in events if k == "delta")
    html = events[-1][1]["html"]
    assert caller_texts(html) == [streamed]
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("li.msg.trainee p").get_text() == "Is the printer switched on?"
    assert soup.select_one("#status[hx-swap-oob], [hx-swap-oob]") is not None
    said = [e for e in stored(web, call_id) if e["kind"] == "caller_said"][-1]["data"]
    assert said["phrased_by"] == "llm" and said["text"] == streamed


def test_the_final_html_is_what_the_htmx_step_returns(web, monkeypatch):
    import secrets

    monkeypatch.setattr(secrets, "randbelow", lambda n: 5)  # two calls, the same caller
    alice = login(web)
    first, second = start(alice), start(alice)
    streamed = events_of(say_stream(alice, first, "Is the printer switched on?"))[-1][1]["html"]
    plain = alice.post(
        f"/calls/{second}/step",
        data={"step": "say", "text": "Is the printer switched on?"},
        headers={"HX-Request": "true"},
    ).get_data(as_text=True)
    assert caller_texts(plain) and streamed == plain


def test_a_leak_in_the_second_sentence_never_reaches_the_page(web, llm):
    llm.behaviour = lambda body: {"intents": [], "reply": LEAK}
    alice = login(web)
    call_id = start(alice)
    response = say_stream(alice, call_id, "Is the printer switched on?")
    events = events_of(response)
    deltas = [d["text"] for k, d in events if k == "delta"]
    assert "".join(deltas) == "Yes, it's switched on."
    body = response.get_data(as_text=True)
    assert "unplugged" not in body and "USB" not in body and "It's probably" not in body
    final = caller_texts(events[-1][1]["html"])
    assert len(final) == 1 and "unplugged" not in final[0] and "switched on" in final[0].lower()
    fallback = [e for e in stored(web, call_id) if e["kind"] == "llm_fallback"]
    assert [e["data"]["reason"] for e in fallback] == ["leak"]


def test_a_reply_in_the_wrong_language_ends_with_the_scripted_reply(web, llm):
    llm.behaviour = lambda body: {
        "intents": [],
        "reply": "Oui, elle est bien allumée. Je vois le petit écran.",
    }
    alice = login(web)
    call_id = start(alice)
    events = events_of(say_stream(alice, call_id, "Is the printer switched on?"))
    assert [k for k, _ in events] == ["final"]
    assert "allumée" not in events[-1][1]["html"]
    said = [e for e in stored(web, call_id) if e["kind"] == "caller_said"][-1]["data"]
    assert "phrased_by" not in said and said["text"] in caller_texts(events[-1][1]["html"])


@pytest.mark.parametrize(
    "behaviour, reason",
    [
        (lambda body: "500", "http_error"),
        (
            lambda body: Cut(
                json.dumps({"intents": [], "reply": "Right, okay. Yes, it is on. It says Ready."}),
                40,
            ),
            "timeout",
        ),
    ],
)
def test_a_model_failure_mid_stream_falls_back_and_the_call_goes_on(web, llm, behaviour, reason):
    llm.behaviour = behaviour
    alice = login(web)
    call_id = start(alice)
    events = events_of(say_stream(alice, call_id, "Is the printer switched on?"))
    assert events[-1][0] == "final"
    said = [e for e in stored(web, call_id) if e["kind"] == "caller_said"][-1]["data"]
    assert "phrased_by" not in said and caller_texts(events[-1][1]["html"]) == [said["text"]]
    assert [e["data"]["reason"] for e in stored(web, call_id) if e["kind"] == "llm_fallback"] == [
        reason
    ]
    from tests.llm_server import paraphrase

    llm.behaviour = paraphrase
    events = events_of(say_stream(alice, call_id, "Could you check the cable behind the printer?"))
    assert events[0][0] == "delta" and events[-1][0] == "final"


def test_a_scripted_call_gets_the_final_html_only(web, llm):
    alice = login(web)
    call_id = start(alice, mode="scripted")
    events = events_of(say_stream(alice, call_id, "Is the printer switched on?"))
    assert [k for k, _ in events] == ["final"] and llm.requests == []
    assert "data-stream-url" not in alice.get(f"/calls/{call_id}").get_data(as_text=True)


def test_only_llm_calls_get_the_streaming_form(web):
    alice = login(web)
    page = BeautifulSoup(alice.get(f"/calls/{start(alice)}").get_data(as_text=True), "html.parser")
    form = page.select_one("form.say-form")
    assert form["data-stream-url"].endswith("/say/stream") and form["hx-post"].endswith("/step")
    assert page.select_one("script[src$='js/say-stream.js']") is not None


@pytest.mark.parametrize("text, status", [("", 422), ("x" * 2001, 422)])
def test_bad_input_is_refused_with_a_message_and_nothing_stored(web, text, status):
    alice = login(web)
    call_id = start(alice)
    before = len(stored(web, call_id))
    events = events_of(say_stream(alice, call_id, text))
    assert [k for k, _ in events] == ["error"] and events[0][1]["status"] == status
    assert "flash-error" in events[0][1]["html"]
    assert len(stored(web, call_id)) == before


def test_an_ended_call_takes_no_step(web):
    alice = login(web)
    call_id = start(alice)
    alice.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "done"})
    events = events_of(say_stream(alice, call_id, "Hello?"))
    assert [k for k, _ in events] == ["error"] and events[0][1]["status"] == 409


def test_a_step_that_ends_the_call_redirects_to_the_debrief(web):
    alice = login(web)
    response = alice.post(
        "/practice",
        data={"scenario": "printer-offline", "persona": "angry", "locale": "en", "mode": "llm"},
    )
    call_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    for _turn in range(30):  # an angry caller blamed and shouted at hangs up within a few turns
        events = events_of(
            say_stream(alice, call_id, "CALM DOWN, THIS IS YOUR FAULT, YOU BROKE IT, DAMN IT!")
        )
        if events[-1][0] != "final":
            break
    assert events[-1] == ("redirect", {"url": f"/calls/{call_id}/debrief"})
    assert stored(web, call_id)[-1]["kind"] == "call_ended"


@pytest.mark.parametrize("who, status", [("bruno", 404), ("trainer", 404), ("admin", 404)])
def test_only_the_owner_may_stream_a_step(web, who, status):
    call_id = start(login(web))
    before = stored(web, call_id)
    response = say_stream(login(web, who), call_id, "Is the printer switched on?")
    assert response.status_code == status
    assert stored(web, call_id) == before


def test_anonymous_is_sent_to_login(web):
    call_id = start(login(web))
    response = web.test_client().post(f"/calls/{call_id}/say/stream", data={"text": "Hello"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_the_csrf_token_is_checked(tmp_path, llm):
    app = make_app(tmp_path, llm, WTF_CSRF_ENABLED=True)
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = BeautifulSoup(page, "html.parser").select_one("input[name=csrf_token]")["value"]
    client.post(
        "/login", data={"username": "alice", "password": PASSWORDS["alice"], "csrf_token": token}
    )
    call_id = start_with_token(client, token)
    before = len(stored(app, call_id))
    assert client.post(f"/calls/{call_id}/say/stream", data={"text": "Hello"}).status_code == 400
    assert len(stored(app, call_id)) == before
    events = events_of(
        client.post(f"/calls/{call_id}/say/stream", data={"text": "Hello", "csrf_token": token})
    )
    assert events[-1][0] == "final" and len(stored(app, call_id)) > before


def start_with_token(client, token) -> int:
    response = client.post(
        "/practice",
        data={
            "scenario": "printer-offline",
            "persona": "calm",
            "locale": "en",
            "mode": "llm",
            "csrf_token": token,
        },
    )
    assert response.status_code == 302, response.status_code
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def test_a_reply_that_fell_back_to_the_script_carries_a_notice_on_the_call_screen(web, llm):
    alice = login(web)
    call_id = start(alice)
    html = events_of(say_stream(alice, call_id, "Hello, IT support, Sam speaking."))[-1][1]["html"]
    assert BeautifulSoup(html, "html.parser").select(".fallback-note") == []
    llm.behaviour = lambda body: "500"
    html = events_of(say_stream(alice, call_id, "Is the printer switched on?"))[-1][1]["html"]
    notes = BeautifulSoup(html, "html.parser").select("li.msg.caller .fallback-note")
    assert len(notes) == 1 and "Réponse scriptée" in notes[0].get_text()  # alice reads French
    screen = BeautifulSoup(alice.get(f"/calls/{call_id}").data, "html.parser")
    lines = screen.select("#conversation li.msg.caller")
    assert [bool(li.select(".fallback-note")) for li in lines] == [False, False, True]
