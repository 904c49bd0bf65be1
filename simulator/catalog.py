"""The shared intent catalog: what a trainee says on a call, with example phrases in both
locales."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from simulator.scenario import Model, Terms, Text
from simulator.yamlsource import SourceError, format_path, read

IntentKind = Literal["conversation", "probe", "action"]


class IntentSpec(Model):
    """One intent: its kind, what it means, and phrases that say it."""

    kind: IntentKind
    meaning: Text
    examples: Terms
    # an action the trainee can do themselves on the caller's desktop in a remote session (empty
    # the bin, close an application): there, "I'm emptying your bin" is the act, not a plan
    on_screen: bool = False


class CatalogFile(Model):
    """The shape of `scenarios/catalog.yaml`."""

    intents: dict[str, IntentSpec] = Field(min_length=1)


class CatalogError(Exception):
    """The catalog file is missing or malformed."""


@dataclass(frozen=True)
class Catalog:
    """The loaded catalog."""

    intents: dict[str, IntentSpec]

    def __contains__(self, intent_id: object) -> bool:
        return intent_id in self.intents

    def ids(self, kind: IntentKind | None = None) -> list[str]:
        """Intent ids, optionally of one kind, in catalog order."""
        return [i for i, spec in self.intents.items() if kind is None or spec.kind == kind]

    def conversation_ids(self) -> list[str]:
        """The conversation intents, meaningful in every scenario."""
        return self.ids("conversation")

    def examples(self, intent_id: str, locale: str) -> list[str]:
        """Example phrases of an intent in one locale."""
        spec = self.intents[intent_id]
        return list(spec.examples.get(locale))

    def with_examples(self, extra: dict[str, Terms]) -> Catalog:
        """A copy with extra example phrases added to some intents (a trainer's additions)."""
        merged = dict(self.intents)
        for intent_id, terms in extra.items():
            if intent_id in merged:
                base = merged[intent_id]
                examples = Terms(
                    en=[*base.examples.en, *terms.en], fr=[*base.examples.fr, *terms.fr]
                )
                merged[intent_id] = base.model_copy(update={"examples": examples})
        return Catalog(merged)


DEFAULT_PATH = Path(__file__).resolve().parent.parent / "scenarios" / "catalog.yaml"


def load_catalog(path: Path = DEFAULT_PATH) -> Catalog:
    """Load and check the catalog; raise CatalogError naming the first problem and its line."""
    try:
        source = read(path, limit=4 * 1024 * 1024)  # shared data, not a scenario
    except (OSError, SourceError) as exc:
        raise CatalogError(f"{path}: {exc}") from exc
    try:
        parsed = CatalogFile.model_validate(source.data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(f"{path}:{source.line_of(loc)} {format_path(loc)}: {err['msg']}")
        raise CatalogError("\n".join(problems)) from exc
    return Catalog(dict(parsed.intents))
