"""Scenarios drafted by a language model from a trainer's brief, validated like any other.

The model gets the format (the reference scenario and the fixed vocabularies) and returns YAML;
the normal validator checks it; if it is invalid the model is asked once more with the errors.
The result is always a *draft*: a trainer reviews it in the editor before anything is published.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulator.catalog import Catalog
from simulator.llm import LLMClient, LLMFailure
from simulator.scenario import CATEGORIES, PERSONAS, TEAMS
from simulator.validate import Problem, validate_text

REFERENCE = Path(__file__).resolve().parent.parent / "scenarios" / "printer-offline.yaml"
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["yaml"],
    "properties": {"yaml": {"type": "string"}},
}


@dataclass(frozen=True)
class Draft:
    """A drafted scenario's YAML and what the validator still finds wrong with it."""

    yaml: str
    problems: list[Problem]
    attempts: int

    @property
    def valid(self) -> bool:
        """Whether the draft validates."""
        return not self.problems


def _instructions(catalog: Catalog, kb_ids: set[str]) -> str:
    intents = "\n".join(
        f"- {i} ({spec.kind}): {spec.meaning.en}" for i, spec in catalog.intents.items()
    )
    return (
        "You write training scenarios for Hotliner, a simulator for IT help-desk staff. A "
        "scenario is ONE YAML "
        "document in exactly the format of the reference below: every text the caller or "
        "trainee sees in both "
        "`en` and `fr` (real French, vouvoiement), a hidden state of facts, probes (diagnostic "
        "questions) and "
        "actions (fixes or mistakes) bound to intent ids from the list, a resolution reachable "
        "by the actions, "
        "an escalation policy, ticket expectations, an expert path, a trap. The opening describes "
        "symptoms only.\n"
        f"Categories: {', '.join(CATEGORIES)}. Teams: {', '.join(TEAMS)}. Personas: "
        f"{', '.join(PERSONAS)}.\n"
        f"Knowledge-base article ids you may list under kb: {', '.join(sorted(kb_ids))}.\n"
        f"Intent ids:\n{intents}\n\nReference scenario:\n{REFERENCE.read_text(encoding='utf-8')}\n"
        'Answer with JSON {"yaml": "<the whole scenario YAML>"} and nothing else.'
    )


def draft_scenario(client: LLMClient, brief: str, catalog: Catalog, kb_ids: set[str]) -> Draft:
    """Ask the model for a scenario matching `brief`; retry once with the validator's errors."""
    messages = [
        {"role": "system", "content": _instructions(catalog, kb_ids)},
        {"role": "user", "content": f"Brief: {brief.strip()}"},
    ]
    text, problems = "", []
    for attempt in (1, 2):
        reply = client.complete_json(messages, SCHEMA, "scenario_draft", temperature=0.4)
        text = reply.data["yaml"].strip() + "\n"
        _, problems = validate_text(text, catalog, kb_ids, "draft.yaml")
        if not problems:
            return Draft(text, [], attempt)
        errors = "\n".join(str(p) for p in problems[:40])
        messages += [
            {"role": "assistant", "content": reply.data["yaml"]},
            {
                "role": "user",
                "content": f"The validator found these errors; fix them all and answer "
                f"with the whole corrected scenario:\n{errors}",
            },
        ]
    return Draft(text, problems, 2)


__all__ = ["Draft", "LLMFailure", "draft_scenario"]
