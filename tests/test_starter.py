"""The guided start for authors: the form writes a scenario the validator accepts and that plays;
a form with problems names each one beside its field and keeps everything typed."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from simulator.validate import validate_text
from tests import test_authoring
from tests.test_authoring import client_as, create, say, start

web = test_authoring.web  # the fixture: an app with its own scenario folder and the demo accounts
GUIDED = {
    "id": "monitor-black",
    "category": "hardware",
    "difficulty": "1",
    "title_en": "The monitor stays black",
    "title_fr": "L'écran reste noir",
    "summary_en": "The monitor's video cable came loose when the cleaners moved the desk.",
    "summary_fr": "Le câble vidéo de l'écran s'est débranché quand le ménage a bougé le bureau.",
    "role_en": "Accountant",
    "role_fr": "Comptable",
    "department_en": "Finance",
    "department_fr": "Finances",
    "tech_level": "low",
    "opening_en": "Hello, my screen stays black this morning.",
    "opening_fr": "Bonjour, mon écran reste noir ce matin.",
    "fact": "monitor.cable",
    "faulty": "unplugged",
    "fixed": "connected",
    "fix_intent": "reconnect_cable",
    "fix_en": "Done, I pushed the cable back in: the picture is back.",
    "fix_fr": "Voilà, j'ai renfoncé le câble : l'image est revenue.",
    "trap_en": "A black screen tempts a restart; the cable is out.",
    "trap_fr": "Un écran noir pousse à redémarrer ; le câble est débranché.",
    "probe_intent_1": "check_cables",
    "probe_en_1": "The cable at the back of the screen hangs loose.",
    "probe_fr_1": "Le câble à l'arrière de l'écran pend dans le vide.",
    "probe_intent_2": "check_power",
    "probe_en_2": "Yes, the light on the screen is orange.",
    "probe_fr_2": "Oui, le voyant de l'écran est orange.",
    "reveals": "1",
}


def post(client, **changes):
    data = {**GUIDED, **changes, "personas": ["calm", "angry"]}
    data = {k: v for k, v in data.items() if v is not None}
    return client.post("/authoring/new/guided", data=data)


def test_guided_form_writes_a_valid_scenario_that_plays(web, library):
    client = client_as(web, "trainer")
    response = post(client)
    assert response.status_code == 200
    page = BeautifulSoup(response.data, "html.parser")
    text = page.select_one("textarea#yaml").get_text()
    scenario, problems = validate_text(text, library.catalog, set(library.articles))
    assert problems == [] and scenario is not None
    assert scenario.personas == ["calm", "angry"] and scenario.facts == {
        "monitor.cable": "unplugged"
    }
    assert [p.id for p in scenario.probes] == ["check_cables", "check_power", "test_fix"]
    scenario_id = create(client, text, publish=True)
    call_id = start(client, scenario_id)
    assert b"loose" in say(client, call_id, "Could you check the cable behind the screen?").data
    assert b"picture is back" in say(client, call_id, "Please plug the cable back in.").data


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_guided_form_names_each_problem_and_keeps_what_was_typed(web, locale):
    client = client_as(web, "trainer")
    client.post(f"/language/{locale}", data={"next": "/"})
    response = post(client, title_fr="", fact="Monitor cable", reveals=None)
    assert response.status_code == 422
    page = BeautifulSoup(response.data, "html.parser")
    errors = {e["id"]: e.get_text() for e in page.select(".field-error")}
    assert set(errors) == {"err-title", "err-fact", "err-probes"}
    assert page.select_one("#g-title-en")["value"] == GUIDED["title_en"]
    assert page.select_one("#g-fact")["value"] == "Monitor cable"
    assert page.select_one("#g-probe-1-fr")["value"] == GUIDED["probe_fr_1"]
    assert page.select_one("#g-fix option[selected]")["value"] == "reconnect_cable"
    word = {"en": "both languages", "fr": "deux langues"}[locale]
    assert word in errors["err-title"]


def test_guided_form_refuses_an_id_already_in_the_library(web):
    client = client_as(web, "trainer")
    response = post(client, id="printer-offline")
    assert response.status_code == 422
    page = BeautifulSoup(response.data, "html.parser")
    assert page.select_one("#err-id") is not None
    assert page.select_one("#g-summary-fr").get_text() == GUIDED["summary_fr"]
