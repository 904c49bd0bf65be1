"""Streaming the model's reply: the partial-JSON reader, the guard gate, and the engine's
listener."""

from __future__ import annotations

import json

import pytest

from simulator.engine import Engine
from simulator.llm import LLMClient, LLMConfig
from simulator.llm_caller import LLMCaller
from simulator.llm_stream import ReplyGate, complete_prefix, reply_so_far
from tests.llm_server import Cut, LLMServer, paraphrase


def raw_reply(reply: str, intents: list[str] | None = None) -> str:
    return json.dumps({"intents": intents or [], "reply": reply}, ensure_ascii=False)


# -- the partial-JSON reader ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw, expected",
    [
        ('{"intents": [], "reply": "Hello. Wor', ("Hello. Wor", False)),
        ('{"intents": [], "reply": "Hello. World."}', ("Hello. World.", True)),
        ('{"intents": [], "reply": "Hello. World."', ("Hello. World.", True)),
        (
            '{"intents": [], "reply": "Il a dit \\"oui\\"\\net l\\u00e0',
            ('Il a dit "oui"\net là', False),
        ),
        ('{"intents": [], "reply": "half an escape \\', ("half an escape ", False)),
        ('{"intents": [], "reply": "half a code \\u00', ("half a code ", False)),
        ('{"intents": ["check_po', ("", False)),
        ('{"reply": 42}', ("", False)),
        ("Sure! Here is the JSON", ("", False)),
        ("", ("", False)),
    ],
)
def test_reply_so_far_reads_the_reply_out_of_partial_json(raw, expected):
    assert reply_so_far(raw) == expected


@pytest.mark.parametrize(
    "reply, closed, expected",
    [
        ("Yes. It is on. The scre", False, "Yes. It is on."),
        ("It shows 3.5 GB free", False, ""),
        ("Oui ! Elle est allumée… Je", False, "Oui ! Elle est allumée…"),
        ("He said « c'est bon. » Then", False, "He said « c'est bon. »"),
        ("Yes. It is on", True, "Yes. It is on"),
        ("Yes.", False, ""),
    ],
)
def test_only_whole_sentences_are_complete(reply, closed, expected):
    assert complete_prefix(reply, closed) == expected


# -- the gate --------------------------------------------------------------------------------------
def feed_by_chunks(gate: ReplyGate, raw: str, size: int = 3) -> None:
    for end in range(size, len(raw) + size, size):
        gate.feed(raw[:end])


def test_the_gate_releases_every_sentence_once_when_all_pass():
    released = []
    gate = ReplyGate(lambda text: "", released.append)
    reply = "Right, okay. Yes, it's switched on! The little screen says Ready."
    feed_by_chunks(gate, raw_reply(reply))
    assert released == ["Right, okay.", " Yes, it's switched on!", " The little screen says Ready."]
    assert "".join(released) == reply and gate.open


def test_the_first_refused_sentence_closes_the_gate_for_good():
    released, checked = [], []

    def check(prefix: str) -> str:
        checked.append(prefix)
        return "leak" if "unplugged" in prefix else ""

    gate = ReplyGate(check, released.append)
    feed_by_chunks(
        gate, raw_reply("Yes, it's on. The cable is unplugged. Anything else? I'm in a hurry.")
    )
    assert released == ["Yes, it's on."]
    assert gate.refused == "leak"
    assert all(
        "hurry" not in text for text in checked
    )  # nothing after the refusal is even looked at


def test_the_gate_checks_the_whole_reply_so_far_not_the_sentence_alone():
    seen = []
    gate = ReplyGate(lambda prefix: seen.append(prefix) or "", lambda text: None)
    feed_by_chunks(gate, raw_reply("One. Two. Three."))
    assert seen == ["One.", "One. Two.", "One. Two. Three."]


def test_a_failing_check_or_listener_never_raises():
    gate = ReplyGate(lambda prefix: 1 / 0, lambda text: None)
    gate.feed(raw_reply("Fine. Really."))
    assert gate.refused == "gate_error"
    gate = ReplyGate(lambda prefix: "", lambda text: 1 / 0)
    gate.feed(raw_reply("Fine. Really."))
    assert gate.refused == "listener_error"


# -- the engine with a streaming server ------------------------------------------------------------
@pytest.fixture()
def server():
    with LLMServer() as s:
        yield s


def make_engine(library, server, stream=True):
    config = LLMConfig(
        base_url=server.base_url,
        model="test-model",
        api_key="test",
        timeout=1.0,
        retries=0,
        stream=stream,
    )
    return Engine(
        library.catalog, library.personas, library.articles, llm=LLMCaller(LLMClient(config))
    )


@pytest.fixture()
def printer(library):
    return library.scenario("printer-offline")


def without_seconds(events):
    return [{**e, "data": {k: v for k, v in e["data"].items() if k != "seconds"}} for e in events]


TURNS = {
    "en": [
        "Hello, is the printer switched on?",
        "Could you check the cable at the back of the printer?",
        "Please push the cable back in until it clicks.",
        "Can you try printing again now?",
    ],
    "fr": [
        "Bonjour, l'imprimante est-elle allumée ?",
        "Pouvez-vous vérifier le câble à l'arrière de l'imprimante ?",
        "Rebranchez le câble à fond, s'il vous plaît, jusqu'au clic.",
        "Pouvez-vous relancer une impression maintenant ?",
    ],
}


@pytest.mark.parametrize("locale, persona", [("en", "calm"), ("fr", "angry")])
def test_streamed_turns_log_exactly_the_events_of_unstreamed_ones(
    library, server, printer, locale, persona
):
    plain, streamed = make_engine(library, server), make_engine(library, server)
    a = plain.start(printer, persona, locale, 7, mode="llm")
    b = streamed.start(printer, persona, locale, 7, mode="llm")
    deltas = []
    for text in TURNS[locale]:
        plain.step(a, {"say": text})
        assert server.requests[-1]["stream"] is False
        streamed.step(b, {"say": text}, on_reply_text=deltas.append)
        assert server.requests[-1]["stream"] is True
    assert len(deltas) > len(TURNS[locale])  # several pieces per turn, not one blob at the end
    assert without_seconds(b.events) == without_seconds(a.events)
    assert json.dumps(without_seconds(b.events)) == json.dumps(without_seconds(a.events))
    assert (
        sum(e["data"].get("phrased_by") == "llm" for e in b.events if e["kind"] == "caller_said")
        >= 3
    )
    tokens = [e["data"]["prompt_tokens"] for e in b.events if e["kind"] == "llm_turn"]
    assert tokens and set(tokens) == {321}  # usage read from the stream's last chunk


def test_what_streams_is_what_the_caller_finally_says(library, server, printer):
    engine = make_engine(library, server)
    call = engine.start(printer, "calm", "en", 1, mode="llm")
    deltas = []
    events = engine.step(call, {"say": "Is the printer switched on?"}, on_reply_text=deltas.append)
    said = [e for e in events if e["kind"] == "caller_said"][-1]["data"]
    assert said["phrased_by"] == "llm" and "".join(deltas) == said["text"]


LEAK = "Yes, it's switched on. It's probably the USB cable that is unplugged. Anything else?"


def test_a_leak_in_the_second_sentence_never_streams_and_the_scripted_reply_is_kept(
    library, server, printer
):
    server.behaviour = lambda body: {"intents": [], "reply": LEAK}
    engine = make_engine(library, server)
    call = engine.start(printer, "calm", "en", 1, mode="llm")
    deltas = []
    events = engine.step(call, {"say": "Is the printer switched on?"}, on_reply_text=deltas.append)
    assert "".join(deltas) == "Yes, it's switched on."
    assert not any("unplugged" in d or "cable" in d or "Anything" in d for d in deltas)
    assert next(e for e in events if e["kind"] == "llm_fallback")["data"] == {"reason": "leak"}
    said = [e for e in events if e["kind"] == "caller_said"][-1]["data"]
    assert "phrased_by" not in said and "unplugged" not in said["text"]


def test_a_reply_in_the_wrong_language_never_streams(library, server, printer):
    server.behaviour = lambda body: {
        "intents": [],
        "reply": "Oui, elle est bien allumée. Je vois le petit écran.",
    }
    engine = make_engine(library, server)
    call = engine.start(printer, "calm", "en", 1, mode="llm")
    deltas = []
    events = engine.step(call, {"say": "Is the printer switched on?"}, on_reply_text=deltas.append)
    assert deltas == []
    assert next(e for e in events if e["kind"] == "llm_fallback")["data"] == {
        "reason": "wrong_language"
    }


@pytest.mark.parametrize(
    "behaviour, reason",
    [
        (lambda body: "500", "http_error"),
        (lambda body: "429", "rate_limited"),
        (
            lambda body: Cut(
                raw_reply("Right, okay. Yes, it is on. The screen says Ready."), 40, "stall"
            ),
            "timeout",
        ),
        (
            lambda body: Cut(
                raw_reply("Right, okay. Yes, it is on. The screen says Ready."), 40, "error"
            ),
            "stream_error",
        ),
        (
            lambda body: Cut(
                raw_reply("Right, okay. Yes, it is on. The screen says Ready."), 40, "drop"
            ),
            "invalid_json",
        ),
    ],
)
def test_a_failure_mid_stream_falls_back_and_the_call_goes_on(
    library, server, printer, behaviour, reason
):
    server.behaviour = behaviour
    engine = make_engine(library, server)
    call = engine.start(printer, "calm", "en", 1, mode="llm")
    deltas = []
    events = engine.step(call, {"say": "Is the printer switched on?"}, on_reply_text=deltas.append)
    assert next(e for e in events if e["kind"] == "llm_fallback")["data"]["reason"] == reason
    assert "".join(deltas) in ("", "Right, okay.")  # at most what passed before the break
    said = [e for e in events if e["kind"] == "caller_said"][-1]["data"]
    assert "phrased_by" not in said and "switched on" in said["text"]
    server.behaviour = paraphrase
    events = engine.step(
        call, {"say": "Could you check the cable behind the printer?"}, on_reply_text=deltas.append
    )
    assert any(e["kind"] == "llm_turn" for e in events) and not call.ended


def test_a_server_configured_not_to_stream_is_asked_whole(library, server, printer):
    engine = make_engine(library, server, stream=False)
    call = engine.start(printer, "calm", "en", 1, mode="llm")
    deltas = []
    events = engine.step(call, {"say": "Is the printer switched on?"}, on_reply_text=deltas.append)
    assert server.requests[-1]["stream"] is False and deltas == []
    assert [e for e in events if e["kind"] == "caller_said"][-1]["data"]["phrased_by"] == "llm"


def test_stream_setting_comes_from_the_environment():
    base = {"HOTLINER_LLM_BASE_URL": "http://127.0.0.1:9/v1", "HOTLINER_LLM_MODEL": "m"}
    assert LLMConfig.from_env(base).stream is True
    assert LLMConfig.from_env({**base, "HOTLINER_LLM_STREAM": "0"}).stream is False
