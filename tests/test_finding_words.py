"""Words of the debrief as a French or English team lead expects them: terms as the trainee wrote
them, abbreviations kept, team names that read in a French sentence, labels instead of raw ids."""

from __future__ import annotations

from bs4 import BeautifulSoup

from grading import grade
from grading.messages import Wording, finding, inside_sentence
from storage.bulk import insert_played_calls
from storage.users import get_by_username
from tests.helpers import play
from tests.test_web import client_as, web  # noqa: F401  (the app fixture with the demo accounts)
from web.shared.database import get_db

HELLO_FR = {"say": "Bonjour, support informatique, Sam à l'appareil. Puis-je avoir votre nom ?"}


def graded(engine, library, steps, scenario, persona="calm", locale="fr"):
    call = play(engine, library.scenario(scenario), steps, persona, locale, 1)
    return grade(library.scenario(scenario), call.events, library.catalog, library.translations)


def test_a_label_inside_a_sentence_keeps_its_abbreviations():
    assert inside_sentence("Check if Caps Lock is on") == "check if Caps Lock is on"
    assert inside_sentence("MFA reset") == "MFA reset"


def test_jargon_is_quoted_as_the_trainee_wrote_it(engine, library):
    steps = [HELLO_FR, {"say": "Ouvrez l'OSD et vérifiez le câble DP côté GPU."}]
    score = graded(engine, library, steps, "monitor-no-signal", persona="novice")
    jargon = next(f for f in score.findings if f.rule == "jargon")
    assert "OSD" in jargon.message and "GPU" in jargon.message
    assert "osd" not in jargon.message


def test_a_check_keeps_the_capitals_of_its_key(engine, library):
    steps = [HELLO_FR, {"say": "Est-ce que le verrouillage des majuscules est activé ?"}]
    steps.append({"say": "Appuyez sur Verr. Maj, puis retapez votre mot de passe."})
    score = graded(engine, library, steps, "vpn-caps-lock")
    coverage = next(f for f in score.findings if f.rule == "coverage")
    assert "Verr. Maj" in coverage.message


def test_a_wrong_team_reads_naturally_in_french(engine, library):
    steps = [
        HELLO_FR,
        {"say": "Que se passe-t-il quand vous appuyez sur le bouton d'alimentation ?"},
        {"escalate": {"team": "network", "note": "Portable sans signe de vie"}},
        {"close": {"summary": "Escaladé"}},
    ]
    score = graded(engine, library, steps, "laptop-dead-hardware")
    team = next(f for f in score.findings if f.rule == "team")
    assert team.message.startswith("Transmis à la mauvaise équipe (équipe réseau)")
    assert "la bonne : techniciens de proximité" in team.message


def test_the_debrief_shows_the_ticket_priority_label(web, engine, library):  # noqa: F811
    steps = [HELLO_FR, {"ticket": {"category": "printing", "priority": "low"}}, "close"]
    call = play(engine, library.scenario("printer-offline"), steps, "calm", "fr", 1)
    score = graded(engine, library, steps, "printer-offline")
    with web.app_context():
        db = get_db()
        (call_id,) = insert_played_calls(
            db,
            [
                {
                    "user_id": get_by_username(db, "alice")["id"],
                    "events": call.events,
                    "score": score.to_dict(),
                    "started_at": "2021-03-01T10:00:00+00:00",
                    "ended_at": "2021-03-01T10:05:00+00:00",
                }
            ],
        )
    page = BeautifulSoup(
        client_as(web, "alice").get(f"/calls/{call_id}/debrief").data, "html.parser"
    )
    ticket = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
        for dt in page.select("dl.ticket dt")
    }
    assert ticket["Priorité"] == "Basse"  # alice works in French; not the raw "low"


def _team_finding(library, locale: str, key: str, **values) -> str:
    words = Wording(locale, library.translations)
    return finding("escalation", "team", 0, 40, 3, words, key, **values).message


def test_an_english_finding_names_a_team_with_its_article(engine, library):
    steps = [
        {"say": "Hello, IT support, Sam speaking. May I have your name?"},
        {"say": "What happens when you press the power button?"},
        {"escalate": {"team": "network", "note": "Laptop shows no sign of life"}},
        {"close": {"summary": "Escalated"}},
    ]
    score = graded(engine, library, steps, "laptop-dead-hardware", locale="en")
    team = next(f for f in score.findings if f.rule == "team")
    assert team.message == "Escalated to the network team; the right team is the field technicians."


def test_a_choice_of_teams_reads_as_one_or_the_other_in_both_languages(library):
    en = _team_finding(library, "en", "not_escalated", team="network, servers")
    assert en == "Should have been escalated to the network team or the server team; it was not."
    fr = _team_finding(library, "fr", "not_escalated", team="network, servers")
    assert "(équipe réseau ou équipe serveurs)" in fr


def test_a_french_finding_keeps_its_team_bare_after_a_bracket_or_colon(library):
    fr = _team_finding(library, "fr", "not_handed_over", team="security")
    assert fr.endswith("(équipe attendue : équipe sécurité).")
    assert " the " not in fr
