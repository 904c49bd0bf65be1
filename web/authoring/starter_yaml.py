"""The guided start for authors: what the "new scenario from a template" form asks, its checks,
and the scenario YAML it writes (validated by the caller like any editor text)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from flask_babel import lazy_gettext as _l

from simulator.catalog import Catalog
from simulator.scenario import CATEGORIES, PERSONAS

PAIRS = ("title", "summary", "role", "department", "opening", "fix", "trap")
PROBE_ROWS = 3
TECH_LEVELS = ("low", "medium", "high")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
FACT_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
VALUE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9 _-]*$")
VERIFY_INTENT = "verify_fix"
# conversation intents that are diagnostic questions (a scenario may bind them to probes)
QUESTIONS = (
    "ask_problem_description",
    "ask_error_message",
    "ask_when_started",
    "ask_what_changed",
    "ask_scope",
    "ask_reproduce",
    "ask_device_details",
)

BOTH = _l("Write it in both languages.")
PICK = _l("Choose one of the list.")


@dataclass
class GuidedForm:
    """What the author typed (kept as typed) and the problems found, by field name."""

    values: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)

    def text(self, name: str) -> str:
        """A field's text, stripped."""
        return str(self.values.get(name) or "").strip()


def read_form(form) -> GuidedForm:
    """The submitted form as a GuidedForm (a MultiDict in, every value kept)."""
    values: dict[str, Any] = {name: value for name, value in form.items() if name != "personas"}
    values["personas"] = form.getlist("personas")
    values["reveals"] = form.getlist("reveals")
    return GuidedForm(values)


def probe_intents(catalog: Catalog) -> list[str]:
    """The intents a first question may use: the diagnostic questions, then the catalog's probes."""
    return [i for i in QUESTIONS if i in catalog] + catalog.ids("probe")


def probe_rows(form: GuidedForm) -> list[int]:
    """The numbers (1..3) of the probe rows the author started filling."""
    return [
        n
        for n in range(1, PROBE_ROWS + 1)
        if any(form.text(f"probe_{name}_{n}") for name in ("intent", "en", "fr"))
    ]


def check_form(form: GuidedForm, catalog: Catalog) -> None:
    """Fill `form.errors` with what is missing or wrong, each under its field."""
    errors = form.errors
    if not ID_PATTERN.match(form.text("id")):
        errors["id"] = _l(
            "Lowercase letters, digits and dashes, starting with a letter (e.g. scanner-not-found)."
        )
    for name in PAIRS:
        if not (form.text(f"{name}_en") and form.text(f"{name}_fr")):
            errors[name] = BOTH
    for name, allowed in (
        ("category", CATEGORIES),
        ("tech_level", TECH_LEVELS),
        ("difficulty", [str(n) for n in range(1, 6)]),
        ("fix_intent", catalog.ids("action")),
    ):
        if form.text(name) not in allowed:
            errors[name] = PICK
    if not form.values["personas"] or not set(form.values["personas"]) <= set(PERSONAS):
        errors["personas"] = _l("Tick at least one caller.")
    _check_fault(form)
    _check_probes(form, catalog)


def _check_fault(form: GuidedForm) -> None:
    if not FACT_PATTERN.match(form.text("fact")):
        form.errors["fact"] = _l(
            "Name what is wrong as thing.part in lowercase letters, e.g. scanner.cable."
        )
    for name in ("faulty", "fixed"):
        if not VALUE_PATTERN.match(form.text(name)):
            form.errors[name] = _l("A word or two in lowercase letters, e.g. unplugged.")
    if "faulty" not in form.errors and form.text("faulty") == form.text("fixed"):
        form.errors["fixed"] = _l("The value once fixed must differ from the faulty one.")


def _check_probes(form: GuidedForm, catalog: Catalog) -> None:
    rows = probe_rows(form)
    allowed = probe_intents(catalog)
    seen: set[str] = set()
    for n in rows:
        intent = form.text(f"probe_intent_{n}")
        if intent not in allowed:
            form.errors[f"probe_{n}"] = _l("Choose the question from the list.")
        elif intent in seen:
            form.errors[f"probe_{n}"] = _l("This question is already asked above.")
        elif not (form.text(f"probe_en_{n}") and form.text(f"probe_fr_{n}")):
            form.errors[f"probe_{n}"] = _l("Write the caller's answer in both languages.")
        seen.add(intent)
    if not rows:
        form.errors["probes"] = _l("Give at least one first question and the caller's answer.")
    elif not any(str(n) in form.values["reveals"] for n in rows):
        form.errors["probes"] = _l("Tick the question that finds what is wrong.")


def _pair(form: GuidedForm, name: str) -> dict[str, str]:
    return {"en": form.text(f"{name}_en"), "fr": form.text(f"{name}_fr")}


def _meaning(catalog: Catalog, intent: str) -> dict[str, str]:
    meaning = catalog.intents[intent].meaning
    return {"en": meaning.en + ".", "fr": meaning.fr + "."}


def _probes(form: GuidedForm, parts: dict, fact: str, faulty: str) -> list[dict]:
    probes = []
    for n in probe_rows(form):
        answer = {"en": form.text(f"probe_en_{n}"), "fr": form.text(f"probe_fr_{n}")}
        intent = form.text(f"probe_intent_{n}")
        # asking is tier 1; a check the caller makes (check_*, try_*) is tier 2
        tier = 1 if intent in QUESTIONS or intent == "ask_other_devices" else 2
        probe: dict[str, Any] = {"id": intent, "intent": intent, "tier": tier}
        if str(n) in form.values["reveals"]:
            probe.update(essential=True, reveals=[fact])
            probe["answers"] = [{"when": {fact: faulty}, **answer}, parts["looks_fine_now"]]
        else:
            probe["answers"] = [answer]
        probes.append(probe)
    verify = [{"when": {fact: form.text("fixed")}, **parts["verify_fixed"]}]
    probes.append(
        {
            "id": "test_fix",
            "intent": VERIFY_INTENT,
            "tier": 1,
            "answers": [*verify, parts["verify_not_fixed"]],
        }
    )
    return probes


def scenario_data(form: GuidedForm, catalog: Catalog, parts: dict) -> dict[str, Any]:
    """The scenario the form describes, as the data of a YAML file."""
    fact, faulty, fixed = form.text("fact"), form.text("faulty"), form.text("fixed")
    fix_intent = form.text("fix_intent")
    difficulty = int(form.text("difficulty"))
    probes = _probes(form, parts, fact, faulty)
    expert = [parts["expert_first"]]
    expert += [_meaning(catalog, p["intent"]) for p in probes[:-1]]
    expert += [_meaning(catalog, fix_intent), parts["expert_last"]]
    personas = [p for p in PERSONAS if p in form.values["personas"]]
    keywords = sorted({*faulty.split(), *fixed.split(), *fact.split(".")[0].split("_")})
    return {
        "id": form.text("id"),
        "version": 1,
        "title": _pair(form, "title"),
        "summary": _pair(form, "summary"),
        "category": form.text("category"),
        "difficulty": difficulty,
        "tags": [form.text("category")],
        "personas": personas,
        "duration_minutes": 3 + 2 * difficulty,
        "caller": {
            "role": _pair(form, "role"),
            "department": _pair(form, "department"),
            "tech_level": form.text("tech_level"),
        },
        "facts": {fact: faulty},
        "opening": [_pair(form, "opening")],
        "probes": probes,
        "actions": [
            {
                "id": fix_intent,
                "intent": fix_intent,
                "when": {fact: faulty},
                "effects": {fact: fixed},
                "reveals": [fact],
                "answers": [_pair(form, "fix")],
                "otherwise": parts["already_done"],
            }
        ],
        "resolution": {"when": {fact: fixed}, "verify": "test_fix"},
        "escalation": {"policy": "forbidden"},
        "ticket": {"category": form.text("category"), "priority": "low", "keywords": keywords},
        "kb": list(parts["kb"]),
        "expert": expert,
        "traps": [_pair(form, "trap")],
    }


HEADER = (
    "# Written by the guided form: a complete scenario to play-test and enrich (more probes,\n"
    "# an order rule, a vague wording of the opening, escalation if the fault needs it).\n"
)


def scenario_yaml(data: dict[str, Any]) -> str:
    """The YAML text of a scenario's data, keys in the library's order."""
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return HEADER + body
