"""An e-mail contact's tone is judged by the rules that fit writing: the user addressed by name,
who writes, one question per paragraph, a summary and "anything else?"; no phone greeting, no
"ask the caller's name", no holds, no goodbye (the written skill has the sign-off and ticket)."""

from __future__ import annotations

from grading import grade
from tests.helpers import play

PHONE_ONLY = {
    "greeting",
    "introduction",
    "caller_name",
    "explaining",
    "closing_goodbye",
    "closing_give_ticket_number",
}
MAIL_RULES = {"mail_address", "mail_introduction", "paragraphs", "closing_summarize"}
FIRST = {
    "en": "Hello {first_name},\n\nThis is Sam from the IT service desk, ticket {ticket}.\n\n"
    "Could you tell me the exact message of the red banner?\n\nKind regards,\nSam",
    "fr": "Bonjour {first_name},\n\nC'est Sam, du support informatique, ticket {ticket}.\n\n"
    "Pourriez-vous me donner le message exact du bandeau rouge ?\n\nCordialement,\nSam",
}
CROWDED = {
    "en": "Hello {first_name},\n\nThis is Sam from the IT service desk, ticket {ticket}. What "
    "does the red banner say? How big is your mailbox? Did you empty Deleted Items?\n\n"
    "Kind regards,\nSam",
    "fr": "Bonjour {first_name},\n\nC'est Sam, du support informatique, ticket {ticket}. Que dit "
    "le bandeau rouge ? Quelle est la taille de votre boîte ? Avez-vous vidé les éléments "
    "supprimés ?\n\nCordialement,\nSam",
}
NAMELESS = {
    "en": "Hello,\n\nCould you tell me the exact message of the red banner?\n\nRegards",
    "fr": "Bonjour,\n\nPourriez-vous me donner le message exact du bandeau rouge ?\n\nCordialement",
}


def graded(engine, library, bodies, locale, scenario="email-mailbox-full"):
    steps = [{"email": {"body": body}} for body in bodies]
    call = play(engine, library.scenario(scenario), steps, "calm", locale, 1)
    return grade(library.scenario(scenario), call.events, library.catalog, library.translations)


def tone_rules(score):
    return {f.rule: f for f in score.findings if f.skill == "tone"}


def test_an_email_shows_the_writing_rules_not_the_phone_ones(engine, library):
    for locale in ("en", "fr"):
        rules = tone_rules(graded(engine, library, [FIRST[locale]], locale))
        assert not PHONE_ONLY & set(rules), locale
        assert set(rules) >= MAIL_RULES, locale
        assert rules["mail_address"].points == rules["mail_address"].max > 0
        assert rules["mail_introduction"].points == rules["mail_introduction"].max > 0
        assert rules["paragraphs"].points == rules["paragraphs"].max > 0


def test_a_phone_call_keeps_the_phone_rules(engine, library):
    steps = [{"say": "Good morning, IT support, Sam speaking. May I have your name, please?"}]
    call = play(engine, library.scenario("printer-offline"), steps, "calm", "en", 1)
    score = grade(
        library.scenario("printer-offline"), call.events, library.catalog, library.translations
    )
    rules = tone_rules(score)
    assert {"greeting", "introduction", "caller_name", "closing_goodbye"} <= set(rules)
    assert not {"mail_address", "paragraphs"} & set(rules)


def test_several_questions_in_one_paragraph_lose_the_paragraph_points(engine, library):
    rules = tone_rules(graded(engine, library, [CROWDED["en"]], "en"))
    crowded = rules["paragraphs"]
    assert crowded.points == 0 < crowded.max
    assert crowded.message.startswith("A paragraph asks several questions at once")
    assert "What does the red banner say?" in crowded.message
    assert "its own paragraph" in crowded.tip


def test_several_questions_in_one_paragraph_are_named_in_french(engine, library):
    rules = tone_rules(graded(engine, library, [CROWDED["fr"]], "fr"))
    crowded = rules["paragraphs"]
    assert crowded.points == 0 and crowded.message.startswith("Un paragraphe pose plusieurs")
    assert crowded.tip.startswith("Donnez à chaque question son paragraphe")


def test_a_first_email_without_the_users_name_or_who_writes(engine, library):
    en = tone_rules(graded(engine, library, [NAMELESS["en"]], "en"))
    assert en["mail_address"].points == 0
    assert en["mail_address"].message == "Your first e-mail does not address the user by name."
    assert (
        en["mail_introduction"].points == 0 and "who is writing" in en["mail_introduction"].message
    )
    fr = tone_rules(graded(engine, library, [NAMELESS["fr"]], "fr"))
    assert fr["mail_address"].message.startswith("Votre premier e-mail ne salue pas")
    assert "qui écrit" in fr["mail_introduction"].message


def test_capitals_in_an_email_get_a_writing_tip(engine, library):
    shouting = (
        "Hello {first_name},\n\nThis is Sam from the IT service desk. I ALREADY TOLD YOU TO "
        "EMPTY THE DELETED ITEMS FOLDER.\n\nRegards,\nSam"
    )
    rules = tone_rules(graded(engine, library, [shouting], "en"))
    assert rules["shouting"].tip.startswith("Capitals read as shouting")
    assert "voice" not in rules["shouting"].tip
