"""Bad input, generated: the engine, the transcript parser and the scenario validator never crash.

Property-based (hypothesis): whatever a trainee types or a file holds — arbitrary text, huge
inputs, odd Unicode, steps of any shape — the answer is a clear error of the documented kind or a
normal result, never another exception.
"""

from __future__ import annotations

import json
import random

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.call import CallEnded
from simulator.replay import TranscriptError, parse_transcript
from simulator.steps import STEP_NAMES, StepError, parse_step
from simulator.validate import validate_text

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")  # big reprs

# Text a trainee could paste: any Unicode (control characters, RTL marks, emoji, combining marks,
# lone surrogates excluded as JSON cannot carry them) plus words the matcher knows.
ODD = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
WORDY = st.lists(
    st.sampled_from(
        [
            "printer",
            "imprimante",
            "cable",
            "câble",
            "redémarrer",
            "reset",
            "password",
            "mot de passe",
            "VPN",
            "?",
            "!",
            ",",
            "et",
            "and",
            "non",
            "don't",
            "ne pas",
            "\u200f",
            "🖨️",
            "é\u0301",
            "Ｐｒｉｎｔｅｒ",
            "\x00",
        ]
    ),
    max_size=40,
).map(" ".join)
SAY_TEXT = st.one_of(ODD, WORDY, st.text(max_size=2000).map(lambda t: t * 3))
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ODD,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ODD, inner, max_size=4),
    max_leaves=12,
)
STEP_SHAPED = st.one_of(
    st.sampled_from(STEP_NAMES),
    st.dictionaries(st.sampled_from(STEP_NAMES), JSON, min_size=1, max_size=2),
    st.builds(lambda t: {"say": t}, SAY_TEXT),
    st.builds(
        lambda c: {"remote": c}, st.one_of(ODD, st.sampled_from(["ipconfig /all", "ping 8.8.8.8"]))
    ),
    st.builds(
        lambda op, user, must: {"directory": {"op": op, "user": user, "must_change": must}},
        st.sampled_from(["lookup", "unlock", "reset_password", "reset_mfa", "delete"]),
        ODD,
        JSON,
    ),
    st.builds(
        lambda fields: {"ticket": fields},
        st.dictionaries(
            st.sampled_from(["category", "priority", "summary", "root_cause", "x"]), JSON
        ),
    ),
    st.builds(
        lambda team, note: {"escalate": {"team": team, "note": note}},
        st.sampled_from(["network", "security", "nobody", ""]),
        JSON,
    ),
    st.builds(lambda seconds: {"hold": seconds}, JSON),
    JSON,
)


@FUZZ
@given(raw=STEP_SHAPED)
def test_parse_step_gives_a_step_or_a_step_error(raw):
    try:
        step = parse_step(raw)
    except StepError as exc:
        assert str(exc)
        return
    assert step.name in STEP_NAMES


@pytest.mark.parametrize(
    "raw",
    [
        {"ticket": {}},
        {"directory": {"op": "lookup"}},
        "remote_connect",
        "close",
        {"hold": 1.5},
        {"hold": 3600},
    ],
)
def test_a_step_reads_back_as_itself(raw):
    """Found by fuzzing: `{ticket: {}}` was logged as the bare word `ticket`, and the call could
    not be rebuilt."""
    step = parse_step(raw)
    assert parse_step(step.as_input()) == step


@pytest.mark.parametrize("seconds", [0.5, 0, -1, 3601, float("nan"), float("inf")])
def test_a_hold_under_a_second_is_refused(seconds):
    """Found by fuzzing: a hold of 0.5 s was accepted, logged as 0 and refused when the call was
    rebuilt."""
    with pytest.raises(StepError, match="hold takes"):
        parse_step({"hold": seconds})


@pytest.fixture(scope="module")
def scenarios(library):
    return sorted(library.scenarios.values(), key=lambda s: s.id)


@FUZZ
@given(
    steps=st.lists(STEP_SHAPED, min_size=1, max_size=6),
    pick=st.integers(0, 10**6),
    locale=st.sampled_from(["en", "fr"]),
)
def test_engine_answers_any_steps_with_events_or_a_step_error(
    engine, scenarios, steps, pick, locale
):
    scenario = scenarios[pick % len(scenarios)]
    call = engine.start(scenario, None, locale, pick)
    for raw in steps:
        before = len(call.events)
        try:
            events = engine.step(call, raw)
        except (StepError, CallEnded):
            assert len(call.events) == before  # refused: nothing happened
            continue
        assert events and events[0]["seq"] == before + 1
        assert [e["seq"] for e in call.events] == list(range(1, len(call.events) + 1))
    # the log is JSON and rebuilds the same call (what a worker does after a crash)
    stored = json.loads(json.dumps(call.events, ensure_ascii=False))
    rebuilt = engine.resume(scenario, stored)
    assert json.dumps(rebuilt.events, sort_keys=True) == json.dumps(stored, sort_keys=True)


@settings(max_examples=15, deadline=None)
@given(text=st.text(min_size=1, max_size=50), repeat=st.sampled_from([40, 200]))
def test_engine_takes_huge_say_text_up_to_the_limit_and_refuses_beyond(
    engine, library, text, repeat
):
    call = engine.start(library.scenario("printer-offline"), "calm", "en", 1)
    big = (text + " ") * repeat
    try:
        events = engine.step(call, {"say": big})
    except StepError as exc:
        assert len(big.strip()) > 2000 or not big.strip()
        assert "longer than" in str(exc) or "empty" in str(exc)
    else:
        assert any(e["kind"] == "trainee_said" for e in events)


@FUZZ
@given(text=st.one_of(ODD, st.text(max_size=3000)))
def test_transcript_parser_takes_any_text(text):
    try:
        steps = parse_transcript(text, "fuzz.yaml")
    except TranscriptError as exc:
        assert str(exc).startswith("fuzz.yaml")
        return
    assert steps


@FUZZ
@given(data=st.lists(STEP_SHAPED, min_size=0, max_size=8))
def test_transcript_parser_names_the_bad_step(data):
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        steps = parse_transcript(text, "t.yaml")
    except TranscriptError as exc:
        assert str(exc).startswith("t.yaml")
        return
    assert len(steps) == len(data)


def test_transcript_parser_refuses_an_oversized_file():
    with pytest.raises(TranscriptError, match="larger than"):
        parse_transcript("- say: hello\n" * 30000, "big.yaml")


@FUZZ
@given(text=st.one_of(ODD, st.text(max_size=3000), st.builds(yaml.safe_dump, JSON)))
def test_validator_takes_any_text(library, text):
    scenario, problems = validate_text(text, library.catalog, set(library.articles))
    assert (scenario is None) == bool(problems)
    assert all(str(p) for p in problems)


def _mutate(data, rng: random.Random, value):
    """Replace one randomly chosen node of a parsed scenario with `value`."""
    parent, key = None, None
    node = data
    for _ in range(rng.randint(1, 5)):
        keys = (
            list(node)
            if isinstance(node, dict)
            else list(range(len(node)))
            if isinstance(node, list)
            else []
        )
        if not keys:
            break
        parent, key = node, rng.choice(keys)
        node = node[key]
        if rng.random() < 0.3:
            break
    if parent is not None:
        parent[key] = value
    return data


@settings(max_examples=50, deadline=None)
@given(pick=st.integers(0, 10**6), value=JSON)
def test_validator_names_a_problem_in_a_damaged_scenario(library, pick, value):
    source = sorted(library.sources.items())[pick % len(library.sources)][1]
    damaged = _mutate(yaml.safe_load(source), random.Random(pick), value)
    scenario, problems = validate_text(
        yaml.safe_dump(damaged, allow_unicode=True), library.catalog, set(library.articles)
    )
    assert (scenario is None) == bool(problems)
    assert all(p.message for p in problems)
