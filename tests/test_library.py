"""The built-in library: 14 bilingual scenarios, the intent catalog, the knowledge base,
personas."""

from __future__ import annotations

import re

import pytest

from simulator.persona import SITUATIONS
from simulator.scenario import PERSONAS
from simulator.validate import reachable

BUILT_IN = [
    "printer-offline",
    "wifi-airplane-mode",
    "vpn-caps-lock",
    "password-expired",
    "account-locked-phone",
    "outlook-offline-mode",
    "disk-full",
    "monitor-no-signal",
    "intranet-dns",
    "laptop-dead-hardware",
    "erp-database-down",
    "phishing-clicked",
    "print-server-floor",
    "social-engineering-reset",
    "email-software-install",
    "email-mailbox-full",
    "email-shared-folder-access",
    "email-password-reset",
    "email-phishing-report",
    "email-new-starter",
]
FILLER = re.compile(r"\b(todo|tbd|lorem|ipsum|xxx|placeholder|fixme)\b", re.IGNORECASE)


def test_all_built_in_scenarios_load(library):
    assert sorted(library.scenarios) == sorted(BUILT_IN)


@pytest.mark.parametrize("scenario_id", BUILT_IN)
def test_scenario_meets_the_library_standard(library, scenario_id):
    s = library.scenario(scenario_id)
    assert len(s.probes) >= 6
    assert len({p.tier for p in s.probes}) >= 2, "probes of mixed tiers"
    assert any(not p.relevant for p in s.probes), "an irrelevant-but-plausible probe"
    assert s.traps and s.expert and s.kb
    assert all(a in library.articles for a in s.kb)
    assert set(s.personas) <= set(PERSONAS)


@pytest.mark.parametrize("scenario_id", BUILT_IN)
def test_scenario_can_end_well(library, scenario_id):
    s = library.scenario(scenario_id)
    if s.resolution is not None:
        assert reachable(s)
    else:
        assert s.escalation.policy == "required" and s.escalation.teams


@pytest.mark.parametrize("scenario_id", BUILT_IN)
def test_scenario_text_has_no_filler(library, scenario_id):
    dumped = library.scenario(scenario_id).model_dump_json()
    assert not FILLER.search(dumped)


def test_standard_personas_are_allowed_unless_the_story_forbids(library):
    standard = {"calm", "angry", "vague", "novice", "hurried"}
    for s in library.scenarios.values():
        if s.id != "social-engineering-reset":
            assert len(standard & set(s.personas)) >= 4, s.id
    assert library.scenario("social-engineering-reset").persona_default() == "pushy"


def test_every_intent_has_ten_examples_per_language(library):
    for intent_id, spec in library.catalog.intents.items():
        assert len(spec.examples.en) >= 10, intent_id
        assert len(spec.examples.fr) >= 10, intent_id


def test_catalog_has_the_conversation_intents_the_job_needs(library):
    needed = {
        "greet",
        "introduce_self",
        "ask_caller_name",
        "verify_identity",
        "ask_problem_description",
        "ask_error_message",
        "ask_when_started",
        "ask_what_changed",
        "ask_scope",
        "ask_reproduce",
        "empathize",
        "reassure",
        "apologize",
        "explain_next_step",
        "put_on_hold",
        "resume",
        "ask_remote_permission",
        "verify_fix",
        "summarize",
        "give_ticket_number",
        "offer_further_help",
        "goodbye",
    }
    assert needed <= set(library.catalog.conversation_ids())


def test_articles_are_bilingual_and_include_the_general_procedures(library):
    for name in ("identity-verification", "escalation-matrix", "call-etiquette"):
        assert name in library.articles
    for article in library.articles.values():
        assert len(article.body.en) > 200 and len(article.body.fr) > 200, article.id
        assert not FILLER.search(article.body.en + article.body.fr)


def test_every_persona_has_every_situation_in_both_languages(library):
    for persona in library.personas.personas.values():
        for situation in SITUATIONS:
            assert persona.spec.lines[situation]["en"] and persona.spec.lines[situation]["fr"]


def test_french_texts_are_written_in_french(library):
    for s in library.scenarios.values():
        first = s.opening[0] if s.opening else s.email.body  # an e-mail scenario opens by e-mail
        assert s.title.fr != s.title.en and first.fr != first.en
        assert re.search(r"[éèàçêù]", s.summary.fr), s.id
