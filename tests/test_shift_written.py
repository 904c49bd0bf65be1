"""Written-style rules of an e-mail reply, in English and French."""

from __future__ import annotations

from grading.shift_written import grade_written
from simulator.translation import load_translations

GOOD_EN = """Hello Ms Martin,

Thank you for your message. To free up space in your mailbox:
1. Open Outlook and go to File > Tools > Mailbox Cleanup.
2. Empty the Deleted Items folder.

Could you tell me whether the warning is gone afterwards?
Your ticket number is INC0012345.

Kind regards,
Sam, IT support"""

POOR_FR = """Ta boîte est pleine, fais ça :
- ouvre Outlook
- vide la corbeille
C bon ? Tu as essayé ? Tu peux me dire ? Ça marche ?"""


def _by_rule(findings):
    return {f.rule: f for f in findings}


def test_a_well_written_reply_keeps_every_point():
    findings = grade_written(GOOD_EN, "INC0012345", "en", load_translations())
    assert sum(f.points for f in findings) == 100
    assert {f.rule for f in findings} == {
        "greeting",
        "sign_off",
        "questions",
        "numbered",
        "sms",
        "ticket",
    }


def test_a_careless_reply_loses_each_rule_with_a_french_tip():
    findings = _by_rule(grade_written(POOR_FR, "INC0012345", "fr", load_translations()))
    lost = {rule for rule, f in findings.items() if f.points < f.max}
    assert lost == {"greeting", "sign_off", "questions", "numbered", "sms", "ticket", "vouvoiement"}
    assert findings["sms"].message == "Langage SMS : c."
    assert findings["vouvoiement"].tip.startswith("Vouvoyez")
    assert sum(f.points for f in findings.values()) == 0


def test_sms_speak_is_named_word_by_word():
    body = "Hi,\nthx for ur message. Ticket INC1.\nRegards"
    findings = _by_rule(grade_written(body, "INC1", "en", load_translations()))
    assert findings["sms"].message == "SMS speak: thx, ur."
    assert findings["greeting"].points == findings["greeting"].max


def test_a_word_that_only_starts_like_a_greeting_is_no_greeting():
    body = "Highly urgent: restart now. Ticket INC1.\nRegards"
    findings = _by_rule(grade_written(body, "INC1", "en", load_translations()))
    assert findings["greeting"].points == 0


def test_french_elisions_are_not_sms_speak():
    body = "Bonjour,\n\nC'est noté : c'est bien votre boîte qui est pleine.\n\nCordialement,\nSam"
    found = _by_rule(grade_written(body, "INC1", "fr", load_translations()))
    assert found["sms"].points == found["sms"].max
