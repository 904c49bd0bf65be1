"""Loading and validating scenarios: every error at once, each with its path and line."""

from __future__ import annotations

import difflib
import re
import string
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from simulator.caller import placeholder_names, used_placeholders
from simulator.catalog import Catalog
from simulator.scenario import CATEGORIES, PERSONAS, TEAMS, Scenario, Text
from simulator.state import BUILTIN_FACTS, apply, holds, initial_state
from simulator.validate_messages import MESSAGES, placeholders, render
from simulator.validate_messages import english as english_template
from simulator.validate_values import address_problems
from simulator.yamlsource import PathKey, Source, SourceError, format_path, parse, read

MAX_SEARCH_STATES = 20_000
Found = tuple[PathKey, str, dict[str, str]]  # what a check yields: path, message code, its params


@dataclass(frozen=True)
class Problem:
    """One validation error: where and what (`message` in English; `code` and `params` for any
    locale)."""

    file: str
    line: int | None
    path: str
    message: str
    code: str = ""
    params: dict[str, str] = field(default_factory=dict, hash=False)

    @classmethod
    def of(cls, file: str, line: int | None, path: str, code: str, **params: object) -> Problem:
        """A problem whose English message comes from the message table."""
        values = {name: str(value) for name, value in params.items()}
        return cls(file, line, path, render(code, values), code, values)

    @classmethod
    def from_source(cls, file: str, exc: SourceError) -> Problem:
        """The problem of a YAML source that could not be read."""
        return cls(file, exc.line, "", exc.message, exc.code, dict(exc.params))

    def text(self, locale: str = "en") -> str:
        """The message in `locale`; problems without a code (made by the web) are already
        localized."""
        if locale == "en" or self.code not in MESSAGES:
            return self.message
        return render(self.code, self.params, locale)

    def where(self) -> str:
        """`file:line` (or just the file when the line is unknown)."""
        return f"{self.file}:{self.line}" if self.line else self.file

    def format(self, locale: str = "en") -> str:
        """`file:line path: message` in `locale`; `str()` is the English form."""
        text = self.text(locale)
        return f"{self.where()} {self.path}: {text}" if self.path else f"{self.where()} {text}"

    def __str__(self) -> str:
        return self.format("en")


class ScenarioError(Exception):
    """A scenario did not validate; `problems` lists every error."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _shape_problem(file: str, line: int | None, err: dict) -> Problem:
    """A pydantic error as a problem: our wording for a few types, pydantic's (in English) for the
    rest."""
    loc, kind = err["loc"], err["type"]
    path = format_path(tuple(loc))
    if kind == "missing" and loc and loc[-1] in ("fr", "en"):
        return Problem.of(
            file, line, path, "missing_french" if loc[-1] == "fr" else "missing_english"
        )
    if kind == "extra_forbidden":
        return Problem.of(file, line, path, kind, key=loc[-1])
    if kind in ("missing", "string_too_short"):
        return Problem.of(file, line, path, kind)
    english = err["msg"][0].lower() + err["msg"][1:]
    params = {name: str(value) for name, value in (err.get("ctx") or {}).items()}
    if kind not in MESSAGES or set(params) != placeholders(english_template(kind)):
        kind, params = "invalid", {"detail": english}
    return Problem(file, line, path, english, kind, params)


def _suggest(word: str, choices: Iterable[str]) -> dict[str, str]:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return {"suggestion": close[0]} if close else {}


class _Checker:
    """Cross-reference checks on a scenario whose shape is already valid."""

    def __init__(self, scenario: Scenario, catalog: Catalog, kb_ids: set[str]):
        self.s = scenario
        self.catalog = catalog
        self.kb_ids = kb_ids
        self.facts = set(scenario.facts) | set(BUILTIN_FACTS)
        self.intents = set(catalog.intents) | set(scenario.intents)
        self.placeholders = placeholder_names(scenario.caller)
        self.ids = {p.id for p in scenario.probes} | {a.id for a in scenario.actions}

    def run(self) -> Iterator[Found]:
        s = self.s
        yield from self._one_of(s.category, CATEGORIES, ("category",), "category")
        yield from self._one_of(s.ticket.category, CATEGORIES, ("ticket", "category"), "category")
        for i, persona in enumerate(s.personas):
            yield from self._one_of(persona, PERSONAS, ("personas", i), "persona")
        if s.default_persona and s.default_persona not in s.personas:
            yield ("default_persona",), "default_persona_not_listed", {"value": s.default_persona}
        for i, article in enumerate(s.kb):
            yield from self._one_of(article, self.kb_ids, ("kb", i), "kb_article")
        yield from self._check_probes()
        yield from self._check_actions()
        for i, trig in enumerate(s.triggers):
            yield from self._check_condition(trig.when, ("triggers", i, "when"))
            yield from self._check_effects(trig.effects, ("triggers", i, "effects"))
            if trig.say:
                yield from self._check_text(trig.say, ("triggers", i, "say"))
        yield from self._check_duplicates()
        yield from self._check_order()
        yield from self._check_escalation()
        yield from self._check_resolution()
        yield from self._check_intents()
        yield from self._check_email()
        yield from address_problems(s)
        for i, line in enumerate(s.opening):
            yield from self._check_answer(line, ("opening", i))

    def _one_of(
        self, value: str, allowed: Iterable[str], path: PathKey, what: str
    ) -> Iterator[Found]:
        allowed = list(allowed)
        if value not in allowed:
            yield path, f"unknown_{what}", {"value": value, **_suggest(value, allowed)}

    def _check_trigger_kind(self, item, path: PathKey):
        kinds = [k for k in ("intent", "remote", "directory") if getattr(item, k)]
        if len(kinds) != 1:
            yield path, "trigger_kind", {}
        if item.intent:
            yield from self._one_of(item.intent, self.intents, (*path, "intent"), "intent")
        if item.remote:
            try:
                re.compile(item.remote)
            except re.error as exc:
                yield (*path, "remote"), "invalid_command_pattern", {"detail": str(exc)}

    def _check_probes(self):
        for i, probe in enumerate(self.s.probes):
            path = ("probes", i)
            yield from self._check_trigger_kind(probe, path)
            yield from self._check_facts(probe.reveals, (*path, "reveals"))
            yield from self._check_effects(probe.effects, (*path, "effects"))
            yield from self._check_answers(probe.answers, (*path, "answers"))

    def _check_actions(self):
        for i, action in enumerate(self.s.actions):
            path = ("actions", i)
            yield from self._check_trigger_kind(action, path)
            yield from self._check_condition(action.when, (*path, "when"))
            yield from self._check_effects(action.effects, (*path, "effects"))
            yield from self._check_facts(action.reveals, (*path, "reveals"))
            yield from self._check_answers(action.answers, (*path, "answers"))
            for name in ("otherwise", "why"):
                if getattr(action, name):
                    yield from self._check_text(getattr(action, name), (*path, name))

    def _check_answers(self, answers, path: PathKey):
        for j, answer in enumerate(answers):
            yield from self._check_answer(answer, (*path, j))
        if answers[-1].when is not None:
            yield (*path, len(answers) - 1), "last_answer_has_when", {}

    def _check_answer(self, answer, path: PathKey):
        yield from self._check_condition(answer.when, (*path, "when"))
        yield from self._check_text(answer, path)
        if answer.vague:
            yield from self._check_text(answer.vague, (*path, "vague"))

    def _check_text(self, text: Text, path: PathKey):
        for lang in ("en", "fr"):
            try:
                names = used_placeholders(getattr(text, lang))
            except ValueError as exc:
                yield (*path, lang), "malformed_placeholder", {"detail": str(exc)}
                continue
            for name in sorted(names - self.placeholders):
                yield (
                    (*path, lang),
                    "unknown_placeholder",
                    {"name": name, **_suggest(name, self.placeholders)},
                )

    def _check_facts(self, keys: Iterable[str], path: PathKey):
        for j, key in enumerate(keys):
            yield from self._one_of(key, self.facts, (*path, j), "fact")

    def _check_condition(self, cond, path: PathKey):
        for key in cond or {}:
            yield from self._one_of(key, self.facts, (*path, key), "fact")

    def _check_effects(self, effects, path: PathKey):
        state = initial_state(self.s.facts)
        for key, value in effects.items():
            if key not in self.facts:
                yield from self._one_of(key, self.facts, (*path, key), "fact")
            elif type(value) is not type(state[key]):
                kind = type(state[key]).__name__
                yield (*path, key), "wrong_fact_type", {"value": repr(value), "kind": kind}

    def _check_duplicates(self):
        seen: dict[str, str] = {}
        for group in ("probes", "actions", "triggers"):
            for i, item in enumerate(getattr(self.s, group)):
                if item.id in seen:
                    yield (
                        (group, i, "id"),
                        "duplicate_id",
                        {"value": item.id, "group": seen[item.id]},
                    )
                seen.setdefault(item.id, group)
        probe_intents: dict[str, int] = {}
        for i, probe in enumerate(self.s.probes):
            if probe.intent is None:
                continue
            if probe.intent in probe_intents:
                yield (
                    ("probes", i, "intent"),
                    "intent_bound_twice",
                    {"value": probe.intent, "index": str(probe_intents[probe.intent])},
                )
            probe_intents.setdefault(probe.intent, i)
        for i, action in enumerate(self.s.actions):
            if action.intent and action.intent in probe_intents:
                yield ("actions", i, "intent"), "intent_bound_to_probe", {"value": action.intent}

    def _check_order(self):
        names = self.ids | {"identity_verified"}
        for i, rule in enumerate(self.s.order):
            yield from self._one_of(rule.first, names, ("order", i, "first"), "probe_or_action")
            yield from self._one_of(rule.then, names, ("order", i, "then"), "probe_or_action")
            yield from self._check_text(rule.message, ("order", i, "message"))

    def _check_escalation(self):
        esc = self.s.escalation
        for i, team in enumerate(esc.teams):
            yield from self._one_of(team, TEAMS, ("escalation", "teams", i), "team")
        if esc.policy == "required" and not esc.teams:
            yield ("escalation", "teams"), "escalation_without_team", {}
        probe_ids = [p.id for p in self.s.probes]
        for i, probe_id in enumerate(esc.after):
            yield from self._one_of(probe_id, probe_ids, ("escalation", "after", i), "probe")
        for i, item in enumerate(esc.note):
            yield from self._check_text(item.label, ("escalation", "note", i, "label"))

    def _check_resolution(self):
        res = self.s.resolution
        if res is None:
            if self.s.escalation.policy != "required":
                yield ("resolution",), "resolution_needed", {}
            return
        yield from self._check_condition(res.when, ("resolution", "when"))
        probe_ids = [p.id for p in self.s.probes]
        yield from self._one_of(res.verify, probe_ids, ("resolution", "verify"), "probe")
        if all(k in self.facts for k in res.when) and not reachable(self.s):
            yield ("resolution", "when"), "resolution_unreachable", {}

    def _check_email(self):
        if self.s.email is not None:
            sender = self.s.email.sender or ""
            for name in sorted(used_placeholders(sender) - self.placeholders):
                yield ("email", "sender"), "unknown_placeholder", {"name": name}
            for key in ("subject", "body", "signature", "screenshot", "vague"):
                text = getattr(self.s.email, key)
                if text is not None:
                    yield from self._check_text(text, ("email", key))
        if "email" in self.s.channels and self.s.email is None:
            yield ("channels",), "email_channel_without_message", {}
        if {"phone", "voicemail"} & set(self.s.channels) and not self.s.opening:
            yield ("opening",), "opening_missing", {}
        if self.s.email is not None and "email" not in self.s.channels:
            yield ("email",), "email_message_without_channel", {}

    def _check_intents(self):
        for intent_id in self.s.intents:
            if intent_id in self.catalog:
                yield ("intents", intent_id), "intent_in_catalog", {"value": intent_id}
        for intent_id in self.s.intent_examples:
            yield from self._one_of(
                intent_id, self.intents, ("intent_examples", intent_id), "intent"
            )


def _named_values(data: dict) -> Iterator[Found]:
    """The category and persona names of raw YAML checked against their lists (needs no shape)."""
    ticket = data.get("ticket") if isinstance(data.get("ticket"), dict) else {}
    named = [
        (data.get("category"), ("category",)),
        (ticket.get("category"), ("ticket", "category")),
    ]
    for value, path in named:
        if isinstance(value, str) and value not in CATEGORIES:
            yield path, "unknown_category", {"value": value, **_suggest(value, CATEGORIES)}
    personas = data.get("personas") if isinstance(data.get("personas"), list) else []
    for i, persona in enumerate(personas):
        if isinstance(persona, str) and persona not in PERSONAS:
            yield (
                ("personas", i),
                "unknown_persona",
                {"value": persona, **_suggest(persona, PERSONAS)},
            )


def reachable(scenario: Scenario) -> bool:
    """Whether some sequence of actions, probes and triggers reaches the resolution condition."""
    assert scenario.resolution is not None
    keys = sorted(initial_state(scenario.facts))
    start = initial_state(scenario.facts)
    start.update({"identity.verified": True, "remote.session": True})
    steps = [(a.when, a.effects) for a in scenario.actions]
    steps += [(None, p.effects) for p in scenario.probes if p.effects]
    steps += [(t.when, t.effects) for t in scenario.triggers]
    seen = {tuple(start[k] for k in keys)}
    queue = deque([start])
    while queue and len(seen) < MAX_SEARCH_STATES:
        state = queue.popleft()
        if holds(scenario.resolution.when, state):
            return True
        for when, effects in steps:
            if holds(when, state):
                nxt = dict(state)
                apply(effects, nxt)
                key = tuple(nxt[k] for k in keys)
                if key not in seen:
                    seen.add(key)
                    queue.append(nxt)
    return False


_BARE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _texts(value: object, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    """Every (path, string) of a scenario's bilingual texts, in both languages."""
    if isinstance(getattr(value, "en", None), str) and isinstance(getattr(value, "fr", None), str):
        yield (*path, "en"), value.en
        yield (*path, "fr"), value.fr
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, str(key)))
    elif hasattr(value, "__pydantic_fields__"):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*path, name))


def check_bare_placeholders(scenario: Scenario) -> Iterator[Found]:
    """Placeholders are a bare `{name}`: a format spec or conversion (`{ticket:>9999}`, `{x!r}`)
    could make every call start write megabytes or fail, so each one is reported with its line."""
    for path, text in _texts(scenario, ()):
        try:
            parts = list(string.Formatter().parse(text))
        except ValueError:
            continue  # malformed braces: reported by the placeholder check itself
        for _literal, name, spec, conversion in parts:
            if name is None or (_BARE_NAME.fullmatch(name) and not spec and not conversion):
                continue
            shown = "{" + name + (f"!{conversion}" if conversion else "")
            shown += (f":{spec}" if spec else "") + "}"
            yield path, "placeholder_not_bare", {"text": shown}


def validate_source(
    source: Source, catalog: Catalog, kb_ids: set[str], file: str
) -> tuple[Scenario | None, list[Problem]]:
    """Validate parsed YAML; return the scenario (None if invalid) and every problem found."""
    if not isinstance(source.data, dict):
        return None, [Problem.of(file, 1, "", "not_a_mapping")]
    try:
        scenario = Scenario.model_validate(source.data)
    except ValidationError as exc:
        shaped = [
            _shape_problem(file, source.line_of(tuple(err["loc"])), err) for err in exc.errors()
        ]
        # The cross-reference checks need a valid shape; the name checks do not, so they run too
        # and every error shows at once (not the shape errors first, then the names).
        named = [
            Problem.of(file, source.line_of(path), format_path(path), code, **params)
            for path, code, params in _named_values(source.data)
            if format_path(path) not in {p.path for p in shaped}
        ]
        return None, sorted(shaped + named, key=lambda p: (p.line or 0, p.path))
    problems = [
        Problem.of(file, source.line_of(path), format_path(path), code, **params)
        for path, code, params in _Checker(scenario, catalog, kb_ids).run()
    ]
    problems += [
        Problem.of(file, source.line_of(path), format_path(path), code, **params)
        for path, code, params in check_bare_placeholders(scenario)
    ]
    return (None if problems else scenario), problems


def validate_text(text: str, catalog: Catalog, kb_ids: set[str], file: str = "<text>"):
    """Validate YAML text (the web editor's entry point); same result as `validate_source`."""
    try:
        source = parse(text)
    except SourceError as exc:
        return None, [Problem.from_source(file, exc)]
    return validate_source(source, catalog, kb_ids, file)


def load_scenario(path: Path, catalog: Catalog, kb_ids: set[str]) -> Scenario:
    """Load one scenario file; raise ScenarioError with every problem."""
    try:
        source = read(path)
    except SourceError as exc:
        raise ScenarioError([Problem.from_source(str(path), exc)]) from exc
    scenario, problems = validate_source(source, catalog, kb_ids, str(path))
    if problems:
        raise ScenarioError(problems)
    assert scenario is not None
    return scenario
