"""A lone e-mail scenario from the practice list: an e-mail thread on the call screen."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.test_web import client_as, start, web  # noqa: F401  (web: the app fixture)


def _page(client, url: str) -> BeautifulSoup:
    return BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")


def test_the_practice_list_says_which_scenarios_are_answered_by_email(web):  # noqa: F811
    alice = client_as(web, "alice")
    alice.post("/language/en")
    option = _page(alice, "/").select_one("#scenario option[value=email-mailbox-full]")
    assert "answered by e-mail" in option.get_text()
    phone = _page(alice, "/").select_one("#scenario option[value=printer-offline]")
    assert "e-mail" not in phone.get_text()


def test_an_email_scenario_opens_as_a_thread_and_takes_an_emailed_reply(web):  # noqa: F811
    alice = client_as(web, "alice")
    alice.post("/language/en")
    call_id = start(alice, scenario="email-mailbox-full", persona="calm")
    page = _page(alice, f"/calls/{call_id}")
    assert page.select_one("#incoming") is None  # nothing rings: the user wrote
    first = page.select_one("#conversation li.msg.caller.mail")
    assert "mailbox full" in first.select_one(".mail-subject").get_text()
    assert "red banner" in first.select_one(".mail-screenshot").get_text()
    body = "Hello,\n\nWhat exact message do you see in Outlook?\n\nKind regards,\nSam"
    response = alice.post(
        f"/calls/{call_id}/step",
        data={"step": "email", "body": body},
        headers={"HX-Request": "true"},
    )
    part = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert "What exact message" in part.select_one("li.msg.trainee.mail .mail-body").get_text()
    reply = part.select_one("li.msg.caller.mail")
    assert reply.select_one(".mail-subject").get_text().startswith("RE: ")
    empty = alice.post(f"/calls/{call_id}/step", data={"step": "email", "body": "  "})
    assert empty.status_code in (302, 303, 422)
    assert len(_page(alice, f"/calls/{call_id}").select("li.msg.trainee.mail")) == 1


def test_an_email_scenario_can_be_phoned_back_in_french(web):  # noqa: F811
    alice = client_as(web, "alice")
    alice.post("/language/fr")
    call_id = start(alice, scenario="email-password-reset", persona="calm", locale="fr")
    assert "Rappeler" in _page(alice, f"/calls/{call_id}").select_one("#call-back").get_text()
    response = alice.post(
        f"/calls/{call_id}/step",
        data={"step": "say", "text": "Bonjour, ici le support informatique, je vous rappelle."},
        headers={"HX-Request": "true"},
    )
    part = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert "Vous avez rappelé" in part.select_one("li.phoned-back").get_text()
    assert part.select("li.msg.caller") and not part.select("li.msg.caller.mail")


def test_a_surprise_call_is_always_a_phone_call(web):  # noqa: F811
    """« Take a call », surprise me: a phone scenario; e-mail scenarios are chosen by name."""
    alice = client_as(web, "alice")
    alice.post("/language/en")
    for _ in range(12):  # 6 of the 20 built-in scenarios are e-mails
        call_id = start(alice, scenario="surprise", persona="surprise")
        assert _page(alice, f"/calls/{call_id}").select_one("#incoming") is not None
