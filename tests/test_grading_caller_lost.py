"""Plain words are judged by whether the caller followed: a line the caller said they did not
follow costs like an unexplained term, even when the word list excuses its terms (grader 5: the
term the caller asked about is named)."""

from __future__ import annotations

from grading import grade
from grading.rubric import JARGON_COST
from tests.helpers import play

LINES = [
    {"say": "Good morning, IT support, Sam speaking. May I have your name, please?"},
    {"say": "Thank you. Can your colleagues open the intranet, or is it only you?"},
    {"say": "Since when has it been like this? Did anything change while you worked from home?"},
    {"say": "I'll take remote control of your laptop to check its settings, is that OK?"},
    "remote_connect",
    {"remote": "ipconfig /all"},
    {"say": "I'm setting the DNS back to automatic."},
    {"say": "Could you open the intranet again and tell me if it loads now?"},
]
TICKET = {
    "ticket": {
        "category": "network",
        "summary": "Intranet unreachable",
        "root_cause": "Wi-Fi DNS set manually to 8.8.8.8",
        "resolution": "DNS set back to automatic (DHCP), intranet opens",
    }
}


def graded(engine, library, steps, persona, locale="en"):
    scenario = library.scenario("intranet-dns")
    call = play(engine, scenario, steps, persona, locale, 1)
    return grade(scenario, call.events, library.catalog, library.translations), call


def _lost_lines(call):
    return [e for e in call.events if "jargon_confused" in e["data"].get("situations", ())]


def test_a_line_the_novice_did_not_follow_costs_plain_words_points(engine, library):
    summary = {"say": "To sum up: it's back to DHCP. Your ticket number is {ticket}. Goodbye!"}
    plain = {"say": "To sum up: a setting is back to automatic. Your ticket is {ticket}. Goodbye!"}
    lost, lost_call = graded(engine, library, [*LINES, TICKET, summary], "novice")
    clear, _ = graded(engine, library, [*LINES, TICKET, plain], "novice")
    assert _lost_lines(lost_call), "the novice asks what DHCP means"
    jargon = {f.rule: f for f in lost.findings if f.skill == "tone"}["jargon"]
    kept = {f.rule: f for f in clear.findings if f.skill == "tone"}["jargon"]
    assert kept.points - jargon.points >= min(JARGON_COST, kept.points)
    assert jargon.points < kept.points
    assert "DHCP" in jargon.message  # the term the caller asked about, though on their screen


def test_a_caller_at_ease_with_the_words_is_not_charged(engine, library):
    summary = {"say": "To sum up: it's back to DHCP. Your ticket number is {ticket}. Goodbye!"}
    score, call = graded(engine, library, [*LINES, TICKET, summary], "calm")
    assert not _lost_lines(call)
    assert not [f for f in score.findings if f.rule == "jargon_lost"]
    assert all("did not follow" not in f.message for f in score.findings)
