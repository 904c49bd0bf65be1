"""Readable names for what the pages show: every rule grading can report has one, in French too
(a rule without a label showed its id, in English, on the French report)."""

from __future__ import annotations

import ast
from pathlib import Path

from babel.messages.pofile import read_po

from web.shared.labels import RULES

ROOT = Path(__file__).resolve().parent.parent


def reported_rules() -> set[str]:
    """The rule ids grading/ passes to `finding(...)` as a literal, and the closing rules (made
    from their intents in grading/framing.py)."""
    rules = {f"closing_{intent}" for intent in ("summarize", "offer_further_help", "goodbye")}
    for path in (ROOT / "grading").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            if name == "finding" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                rules.add(node.args[1].value)
    return rules


def test_every_reported_rule_has_a_label_in_both_languages():
    rules = reported_rules()
    assert len(rules) > 30  # the parse found grading's findings
    assert sorted(rules - set(RULES)) == []
    catalog = read_po((ROOT / "translations/fr/LC_MESSAGES/messages.po").open("rb"))
    untranslated = [r for r in rules if not getattr(catalog.get(RULES[r]._args[0]), "string", "")]
    assert untranslated == []
