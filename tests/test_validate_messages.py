"""The validator's messages in English and French: a complete table, and broken scenarios in
French."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from simulator.translation import gettext, load_translations
from simulator.validate import Problem, validate_text
from simulator.validate_messages import DID_YOU_MEAN, MESSAGES, english, placeholders, render
from simulator.yamlsource import SourceError, parse

ROOT = Path(__file__).resolve().parent.parent
NB = "\u00a0"  # French puts a non-breaking space inside « » and before : ; ? !

SCENARIO = """\
id: mouse-frozen
version: 1
title: {en: "The mouse does not move", fr: "La souris ne bouge plus"}
summary: {en: "The mouse cable came out.", fr: "Le câble de la souris s'est débranché."}
category: hardware
difficulty: 1
personas: [calm, angry]
duration_minutes: 5
caller:
  role: {en: "Accountant", fr: "Comptable"}
  department: {en: "Finance", fr: "Finances"}
  tech_level: low
facts:
  mouse.cable: unplugged
  mouse.light: false
opening:
  - en: "Hello, {first_name} here: my mouse is stuck."
    fr: "Bonjour, c'est {first_name} : ma souris est bloquée."
probes:
  - id: cable
    intent: check_cables
    tier: 2
    reveals: [mouse.cable]
    answers:
      - when: {mouse.cable: unplugged}
        en: "The cable is out."
        fr: "Le câble est sorti."
      - en: "The cable is in."
        fr: "Le câble est branché."
  - id: try_mouse
    intent: verify_fix
    tier: 1
    answers:
      - en: "Let me see."
        fr: "Je regarde."
actions:
  - id: plug
    intent: reconnect_cable
    effects: {mouse.cable: connected}
    answers:
      - en: "Done."
        fr: "C'est fait."
resolution:
  when: {mouse.cable: connected}
  verify: try_mouse
escalation:
  policy: forbidden
ticket:
  category: hardware
  keywords: [mouse, souris]
kb: [call-etiquette]
expert:
  - {en: "Check the cable.", fr: "Vérifiez le câble."}
traps:
  - {en: "Reinstalling the driver.", fr: "Réinstaller le pilote."}
"""


def _problems(library, text: str) -> list[Problem]:
    _, problems = validate_text(text, library.catalog, set(library.articles), "broken.yaml")
    return problems


def _fr(text: str) -> str:
    """Expected French written with plain spaces, spaced the way the table renders it."""
    return re.sub(r"« | »| (?=[:;?!])", lambda m: m.group(0).replace(" ", NB), text)


# -- the table ------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_code_has_both_languages_with_the_same_placeholders(code):
    english_text, french = english(code), gettext(load_translations(), "fr", MESSAGES[code])
    assert english_text.strip() and french.strip()
    assert placeholders(english_text) == placeholders(french), code
    if code != "invalid":  # "{detail}" alone: pydantic's own words, framed in French
        assert english_text != french


def test_the_suggestion_has_both_languages_with_the_same_placeholder():
    french = gettext(load_translations(), "fr", DID_YOU_MEAN)
    assert placeholders(DID_YOU_MEAN[1]) == placeholders(french) == {"suggestion"}


def test_french_texts_use_french_quotes_with_non_breaking_spaces():
    for code in MESSAGES:
        params = {name: "x" for name in placeholders(english(code)) if name != "did_you_mean"}
        text = render(code, {**params, "suggestion": "y"}, "fr")
        assert "« " not in text and " »" not in text and " :" not in text and " ?" not in text, text
        assert not re.search(r"(?<![a-zà-ÿ])'[a-z{]", text), f"English quotes in French: {text}"


def _codes_used_in(module: str) -> set[str]:
    """Every message code a module passes to Problem.of, SourceError or yields from a check."""
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    codes: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            args = [
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            if name == "of" and len(node.args) >= 4 and isinstance(node.args[3], ast.Constant):
                codes.add(node.args[3].value)
            elif name == "SourceError" and args:
                codes.add(node.args[0].value)
            elif name == "_one_of" and args:
                codes.add(f"unknown_{args[-1]}")
        elif (
            isinstance(node, ast.Yield)
            and isinstance(node.value, ast.Tuple)
            and len(node.value.elts) == 3
        ):
            code = node.value.elts[1]
            if isinstance(code, ast.Constant):
                codes.add(code.value)
    return codes


@pytest.mark.parametrize(
    "module", ["simulator/validate.py", "simulator/yamlsource.py", "simulator/library.py"]
)
def test_every_code_the_loader_and_validator_use_is_in_the_table(module):
    used = _codes_used_in(module)
    assert used, "the scan found no code: it no longer matches how problems are made"
    assert used <= set(MESSAGES), used - set(MESSAGES)


# -- broken scenarios, in French -------------------------------------------------------------------


def test_the_scenario_of_these_tests_is_valid(library):
    assert _problems(library, SCENARIO) == []


CASES = [
    # (what is broken, old, new, code, path, French text)
    (
        "unknown intent",
        "intent: check_cables",
        "intent: check_cabels",
        "unknown_intent",
        "probes[0].intent",
        "intention inconnue « check_cabels » — vouliez-vous dire « check_cables » ?",
    ),
    (
        "unknown intent, nothing close",
        "intent: check_cables",
        "intent: zzz",
        "unknown_intent",
        "probes[0].intent",
        "intention inconnue « zzz »",
    ),
    (
        "missing French",
        ', fr: "Comptable"}',
        "}",
        "missing_french",
        "caller.role.fr",
        "il manque la traduction française",
    ),
    (
        "missing English",
        'role: {en: "Accountant", ',
        "role: {",
        "missing_english",
        "caller.role.en",
        "il manque la traduction anglaise",
    ),
    ("missing field", "difficulty: 1\n", "", "missing", "difficulty", "champ obligatoire manquant"),
    (
        "unknown key",
        "    tier: 2\n",
        "    tier: 2\n    esential: true\n",
        "extra_forbidden",
        "probes[0].esential",
        "clé inconnue « esential »",
    ),
    (
        "empty text",
        'fr: "Je regarde."',
        'fr: ""',
        "string_too_short",
        "probes[1].answers[0].fr",
        "ne doit pas être vide",
    ),
    (
        "not a number",
        "difficulty: 1",
        "difficulty: easy",
        "int_parsing",
        "difficulty",
        "doit être un nombre entier : ce texte n'en est pas un",
    ),
    (
        "out of range",
        "difficulty: 1",
        "difficulty: 9",
        "less_than_equal",
        "difficulty",
        "doit être inférieur ou égal à 5",
    ),
    (
        "below range",
        "tier: 2",
        "tier: 0",
        "greater_than_equal",
        "probes[0].tier",
        "doit être supérieur ou égal à 1",
    ),
    (
        "not a choice",
        "tech_level: low",
        "tech_level: huge",
        "literal_error",
        "caller.tech_level",
        "doit valoir « low », « medium » ou « high »",
    ),
    (
        "not a list",
        "personas: [calm, angry]",
        "personas: calm",
        "list_type",
        "personas",
        "doit être une liste",
    ),
    (
        "empty list",
        "personas: [calm, angry]",
        "personas: []",
        "too_short",
        "personas",
        "la liste doit contenir au moins 1 élément(s) (actuellement : 0)",
    ),
    (
        "not a block",
        'title: {en: "The mouse does not move", fr: "La souris ne bouge plus"}',
        "title: Mouse",
        "model_type",
        "title",
        "doit être un bloc de lignes « clé : valeur » (attendu : Text)",
    ),
    (
        "not a boolean",
        "    tier: 2\n",
        "    tier: 2\n    essential: maybe\n",
        "bool_parsing",
        "probes[0].essential",
        "doit valoir true ou false : cette valeur n'est pas reconnue",
    ),
    (
        "bad id",
        "id: mouse-frozen",
        "id: Mouse Frozen",
        "string_pattern_mismatch",
        "id",
        "ne respecte pas le format attendu : lettres minuscules sans accent, chiffres et « - », "
        "en commençant par une lettre",
    ),
    (
        "unknown fact",
        "reveals: [mouse.cable]",
        "reveals: [mouse.cabel]",
        "unknown_fact",
        "probes[0].reveals[0]",
        "fait inconnu « mouse.cabel » — vouliez-vous dire « mouse.cable » ?",
    ),
    (
        "unknown placeholder",
        "{first_name} here",
        "{frist_name} here",
        "unknown_placeholder",
        "opening[0].en",
        "variable inconnue « {frist_name} » — vouliez-vous dire « first_name » ?",
    ),
    (
        "malformed placeholder",
        "{first_name} here",
        "{first_name here",
        "malformed_placeholder",
        "opening[0].en",
        "variable mal écrite : accolade « { » non refermée",
    ),
    (
        "wrong fact type",
        "effects: {mouse.cable: connected}",
        "effects: {mouse.cable: connected, mouse.light: 3}",
        "wrong_fact_type",
        "actions[0].effects.mouse.light",
        "la valeur 3 n'est pas du type du fait (true ou false)",
    ),
    (
        "unknown persona",
        "personas: [calm, angry]",
        "personas: [calm, angy]",
        "unknown_persona",
        "personas[1]",
        "profil d'appelant (persona) inconnu « angy » — vouliez-vous dire « angry » ?",
    ),
    (
        "unknown category",
        "category: hardware\ndifficulty",
        "category: hardwar\ndifficulty",
        "unknown_category",
        "category",
        "catégorie inconnue « hardwar » — vouliez-vous dire « hardware » ?",
    ),
    (
        "unknown article",
        "kb: [call-etiquette]",
        "kb: [call-etiquete]",
        "unknown_kb_article",
        "kb[0]",
        "article de base de connaissances inconnu « call-etiquete » — vouliez-vous dire « "
        "call-etiquette » ?",
    ),
    (
        "unknown verify probe",
        "verify: try_mouse",
        "verify: try_mose",
        "unknown_probe",
        "resolution.verify",
        "vérification (probe) inconnue « try_mose » — vouliez-vous dire « try_mouse » ?",
    ),
    (
        "unknown team",
        "policy: forbidden",
        "policy: required\n  teams: [field_tech]",
        "unknown_team",
        "escalation.teams[0]",
        "équipe inconnue « field_tech » — vouliez-vous dire « field_technician » ?",
    ),
    (
        "required escalation without team",
        "policy: forbidden",
        "policy: required",
        "escalation_without_team",
        "escalation.teams",
        "une escalade obligatoire doit nommer son équipe",
    ),
    (
        "unreachable resolution",
        "when: {mouse.cable: connected}\n  verify",
        "when: {mouse.cable: fixed}\n  verify",
        "resolution_unreachable",
        "resolution.when",
        "aucune résolution n'est atteignable : aucune suite d'actions ne peut remplir cette "
        "condition",
    ),
    (
        "no resolution",
        "resolution:\n  when: {mouse.cable: connected}\n  verify: try_mouse\n",
        "",
        "resolution_needed",
        "resolution",
        "obligatoire : sans escalade, l'appel doit pouvoir être résolu",
    ),
    (
        "last answer with a condition",
        '      - en: "Let me see."',
        '      - when: {mouse.cable: connected}\n        en: "Let me see."',
        "last_answer_has_when",
        "probes[1].answers[0]",
        "la dernière réponse ne doit pas avoir de « when » : c'est la réponse par défaut",
    ),
    (
        "two kinds of trigger",
        "    intent: verify_fix\n",
        "    intent: verify_fix\n    remote: ping\n",
        "trigger_kind",
        "probes[1]",
        "il faut un et un seul des champs intent, remote ou directory",
    ),
    (
        "bad command pattern",
        "    intent: verify_fix\n",
        "    remote: 'ping ('\n",
        "invalid_command_pattern",
        "probes[1].remote",
        "motif de commande non valide (expression régulière) : parenthèse « ( » non refermée "
        "(position 5)",
    ),
    (
        "duplicate id",
        "  - id: try_mouse",
        "  - id: cable",
        "duplicate_id",
        "probes[1].id",
        "l'identifiant « cable » est déjà utilisé dans probes",
    ),
    (
        "intent bound twice",
        "intent: verify_fix",
        "intent: check_cables",
        "intent_bound_twice",
        "probes[1].intent",
        "l'intention « check_cables » est déjà associée à probes[0]",
    ),
    (
        "intent of a probe on an action",
        "intent: reconnect_cable",
        "intent: check_cables",
        "intent_bound_to_probe",
        "actions[0].intent",
        "l'intention « check_cables » est aussi associée à une vérification (probe)",
    ),
    (
        "default persona not allowed",
        "duration_minutes: 5",
        "default_persona: vague\nduration_minutes: 5",
        "default_persona_not_listed",
        "default_persona",
        "« vague » ne figure pas dans personas",
    ),
    (
        "unknown order step",
        "resolution:",
        "order:\n  - first: cable\n    then: zzzz\n    message: {en: a, fr: b}\nresolution:",
        "unknown_probe_or_action",
        "order[0].then",
        "vérification ou action inconnue « zzzz »",
    ),
    (
        "catalog intent redefined",
        "kb: [call-etiquette]",
        "kb: [call-etiquette]\nintents:\n  greet:\n"
        "    kind: conversation\n    meaning: {en: Hi, fr: Salut}\n    examples: {en: [hi], "
        "fr: [salut]}",
        "intent_in_catalog",
        "intents.greet",
        "l'intention « greet » existe déjà dans le catalogue",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_broken_scenario_gives_its_code_and_french_text(library, case):
    _, old, new, code, path, french = case
    assert old in SCENARIO, old
    problems = _problems(library, SCENARIO.replace(old, new, 1))
    match = [p for p in problems if p.path == path and p.code == code]
    assert match, [(p.path, p.code, p.message) for p in problems]
    assert match[0].text("fr") == _fr(french)
    assert match[0].text("en") == match[0].message == render(code, match[0].params, "en")
    assert str(match[0]).startswith(f"broken.yaml:{match[0].line} {path}: {match[0].message}")


@pytest.mark.parametrize(
    "text, code, french",
    [
        ("", "file_empty", "le fichier est vide"),
        (
            "- a\n- b\n",
            "not_a_mapping",
            "un scénario doit être un dictionnaire YAML (des lignes « clé : valeur »)",
        ),
        (
            "id: x\nversion: [1\n",
            "malformed_yaml",
            "YAML mal formé : il manque « , » ou « ] » dans une liste entre crochets",
        ),
        (
            "id: x\n\tversion: 1\n",
            "malformed_yaml",
            "YAML mal formé : tabulation interdite ; indentez avec des espaces",
        ),
        (
            "!!python/object/apply:os.system ['true']\n",
            "malformed_yaml",
            "YAML mal formé : balise YAML « tag:yaml.org,2002:python/object/apply:os.system "
            "» non autorisée",
        ),
        (
            "id: x\nkey: value: other\n",
            "malformed_yaml",
            "YAML mal formé : un « : » est mal placé (une valeur qui contient « : » doit "
            "être entre guillemets)",
        ),
    ],
)
def test_unreadable_yaml_gives_its_code_and_french_text(library, text, code, french):
    problems = _problems(library, text)
    assert [p.code for p in problems] == [code]
    assert problems[0].text("fr") == _fr(french)
    assert problems[0].message.startswith(("file is empty", "a scenario must", "malformed YAML: "))


def test_an_oversized_file_is_refused_in_both_languages():
    with pytest.raises(SourceError) as err:
        parse("# " + "x" * 2048, limit=1024)
    problem = Problem.from_source("big.yaml", err.value)
    assert str(problem) == "big.yaml file is larger than 1 KiB; refused"
    assert problem.format("fr") == _fr("big.yaml fichier refusé : il dépasse 1 Kio")


def test_an_unknown_yaml_complaint_is_still_framed_in_french():
    assert render("malformed_yaml", {"detail": "something new"}, "fr") == _fr(
        "YAML mal formé : something new"
    )


def test_shape_errors_keep_pydantics_english_and_have_french(library):
    """The English of the pydantic codes mirrors pydantic's own words (a pydantic upgrade shows
    here)."""
    broken = (
        SCENARIO.replace("difficulty: 1", "difficulty: 1.5")
        .replace("tier: 2", "tier: [2]")
        .replace("scope_matters", "x")
        .replace("tech_level: low", "tech_level: 3")
        .replace("kb: [call-etiquette]", "kb: [3]")
    )
    problems = [p for p in _problems(library, broken) if p.code not in ("invalid",)]
    assert {p.code for p in problems} >= {"int_from_float", "int_type", "string_type"}
    for problem in problems:
        assert render(problem.code, problem.params, "en") == problem.message
        assert problem.text("fr") != problem.message


def test_an_unmapped_pydantic_error_falls_back_to_a_french_frame():
    problem = Problem(
        "f.yaml", 3, "x", "input should be none", "invalid", {"detail": "input should be none"}
    )
    assert problem.text("fr") == "valeur non valide (input should be none)"


def test_a_problem_without_a_code_is_shown_as_it_was_written():
    problem = Problem(
        "editor", 4, "id", "« new » est un mot réservé : choisissez un autre identifiant."
    )
    assert problem.text("fr") == problem.text("en") == problem.message
