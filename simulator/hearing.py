"""What the trainee's words can mean in a scenario: its matcher, each intent's kind, prohibitions.

Shared by the engine (which builds and caches matchers) and the conversation (which reads every
clause with them), so that neither has to import the other.
"""

from __future__ import annotations

import re

from simulator.catalog import Catalog
from simulator.folding import fold
from simulator.scenario import Scenario
from simulator.translation import lang
from simulator.understand import Matcher, matcher_for

# An instruction *not* to do something: a negated imperative at the head of the clause, or a
# phrase that only ever forbids. "pour qu'il ne soit plus surligné" is not a negated instruction.
_NEGATION = {
    "en": re.compile(
        r"^(?:please |so |and |but |now )*(?:don t|dont|do not|never)\b"
        r"|\b(?:no need to|you don t need to|needn t|mustn t|must not|avoid)\b"
    ),
    "fr": re.compile(
        r"^(?:surtout |s il vous plait |svp |alors |et |mais )*(?:on |nous |je |vous )?(?:ne|n) "
        r"\w+ "
        r"(?:surtout )?(?:pas|jamais|rien)\b"
        r"|\bil ne faut (?:surtout )?(?:pas|jamais)\b|\bsurtout pas\b|\bevitez de\b"
        r"|\binutile de\b|\bpas besoin de\b"
    ),
}


def negation(clause: str, locale: str) -> bool:
    """Whether a clause tells the caller *not* to do something ("don't delete it")."""
    return bool(_NEGATION[lang(locale)].search(fold(clause)))


class Hearing:
    """The catalog read for each scenario and locale: matchers built once, intents' kinds."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._matchers: dict[tuple, Matcher] = {}
        self._negative: dict[tuple, bool] = {}

    def matcher(self, scenario: Scenario, locale: str) -> Matcher:
        """The matcher for this scenario: catalog examples plus the scenario's own (built once)."""
        extra = []
        for intent_id, local in scenario.intents.items():
            extra += [(intent_id, t) for t in local.examples.get(locale)]
        for intent_id, terms in scenario.intent_examples.items():
            extra += [(intent_id, t) for t in terms.get(locale)]
        key = (locale, tuple(extra))
        if key not in self._matchers:
            self._matchers[key] = matcher_for(self.catalog, locale, key[1])
        return self._matchers[key]

    def said_negatively(self, scenario: Scenario, intent_id: str, locale: str) -> bool:
        """Whether an intent is itself phrased as a prohibition ("do not delete the email")."""
        key = (scenario.key, intent_id, locale)
        if key not in self._negative:
            spec = scenario.intents.get(intent_id) or self.catalog.intents.get(intent_id)
            examples = spec.examples.get(locale) if spec else []
            extra = scenario.intent_examples.get(intent_id)
            examples = [*examples, *(extra.get(locale) if extra else [])]
            self._negative[key] = (
                bool(examples) and sum(negation(e, locale) for e in examples) >= len(examples) / 3
            )
        return self._negative[key]

    def intent_kind(self, scenario: Scenario, intent_id: str) -> str:
        """conversation, probe or action."""
        if intent_id in scenario.intents:
            return scenario.intents[intent_id].kind
        return self.catalog.intents[intent_id].kind
