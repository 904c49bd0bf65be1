"""The scenario model: a hidden state (facts) plus the rules that make a call honest.

A scenario is one YAML file of data. These pydantic models give its shape; `simulator.validate`
loads a file, checks the shape and every cross-reference, and names each error with its path and
line. Every text a caller or trainee sees is a `Text` carrying both locales.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from simulator.translation import LOCALES as LOCALES  # re-exported: the scenario's locales
from simulator.translation import lang

TEAMS = (
    "field_technician",
    "remote_support_engineer",
    "database_admin",
    "network",
    "security",
    "servers",
    "access_management",
)
CATEGORIES = (
    "hardware",
    "network",
    "accounts",
    "email",
    "software",
    "printing",
    "storage",
    "security",
)
PERSONAS = ("calm", "angry", "vague", "novice", "hurried", "pushy")
DIRECTORY_PROBES = ("lookup",)
DIRECTORY_ACTIONS = ("unlock", "reset_password", "reset_mfa")
REQUIREMENTS = ("identity_verified", "remote_session")
CHANNELS = ("phone", "voicemail", "email")

Scalar = str | int | float | bool
Condition = dict[str, Scalar | list[Scalar]]


class Model(BaseModel):
    """Base for scenario parts: immutable, unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """One text in both locales."""

    en: str = Field(min_length=1)
    fr: str = Field(min_length=1)

    def get(self, locale: str) -> str:
        """The text in `locale`."""
        return getattr(self, lang(locale))


class Terms(Model):
    """Lists of words or phrases per locale (keywords, forbidden terms, examples)."""

    en: list[str] = Field(default_factory=list)
    fr: list[str] = Field(default_factory=list)

    def get(self, locale: str) -> list[str]:
        """The terms of `locale`."""
        return getattr(self, lang(locale))

    def all(self) -> list[str]:
        """Every term, both locales."""
        return [*self.en, *self.fr]


class Answer(Model):
    """A reply (or console output) chosen when its condition holds on the current state."""

    when: Condition | None = None
    en: str = Field(min_length=1)
    fr: str = Field(min_length=1)
    vague: Text | None = None

    def text(self, locale: str) -> str:
        """The answer in `locale`."""
        return getattr(self, lang(locale))


class OtherPerson(Model):
    """Someone the call is about besides the caller (an executive, a colleague)."""

    key: str = Field(pattern=r"^[a-z][a-z_]*$")
    role: Text
    gender: Literal["female", "male"] | None = None  # when the texts are gendered


class Caller(Model):
    """Who calls: the story's part. Names, ids and machine details are drawn from the seed."""

    role: Text
    department: Text
    tech_level: Literal["low", "medium", "high"]
    gender: Literal["female", "male"] | None = (
        None  # when the texts are gendered (French agreements)
    )
    others: list[OtherPerson] = Field(default_factory=list)


class Probe(Model):
    """A diagnostic question or check; it reveals facts and never changes the fault."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    intent: str | None = None
    remote: str | None = None
    directory: Literal["lookup"] | None = None
    tier: int = Field(ge=1, le=4)
    essential: bool = False
    relevant: bool = True
    scope: bool = False
    reveals: list[str] = Field(default_factory=list)
    effects: dict[str, Scalar] = Field(default_factory=dict)
    answers: list[Answer] = Field(min_length=1)


class Action(Model):
    """An instruction or operation that changes the state (the fix, or a mistake)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    intent: str | None = None
    remote: str | None = None
    directory: Literal["unlock", "reset_password", "reset_mfa"] | None = None
    requires: list[Literal["identity_verified", "remote_session"]] = Field(default_factory=list)
    when: Condition | None = None
    effects: dict[str, Scalar] = Field(default_factory=dict)
    drastic: bool = False
    harmful: bool = False
    reveals: list[str] = Field(default_factory=list)
    answers: list[Answer] = Field(min_length=1)
    otherwise: Text | None = None
    why: Text | None = None
    # drastic/harmful said by voice: what the caller asks back before doing it (false: they don't)
    confirm: Text | Literal[False] | None = None


class Trigger(Model):
    """A consequence the world applies by itself after a step, when its condition holds."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    when: Condition
    effects: dict[str, Scalar] = Field(default_factory=dict)
    say: Text | None = None
    once: bool = True


class OrderRule(Model):
    """An ordering rule beyond tiers: `first` must come before `then`."""

    first: str
    then: str
    message: Text


class Resolution(Model):
    """When the fault counts as fixed, and the probe by which the caller confirms it."""

    when: Condition
    verify: str


class NoteItem(Model):
    """Something the hand-over note must mention: any of the terms (placeholders allowed)."""

    label: Text
    any: list[str] = Field(min_length=1)


class Escalation(Model):
    """The escalation policy: whether to hand over, to whom, after what, with what note."""

    policy: Literal["required", "optional", "forbidden"]
    teams: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    note: list[NoteItem] = Field(default_factory=list)
    urgent: bool = False


class TicketExpectation(Model):
    """What a good ticket holds: its category and keywords of the root-cause/resolution note."""

    category: str
    priority: Literal["low", "medium", "high", "critical"] | None = None
    keywords: list[str] = Field(min_length=1)


class LocalIntent(Model):
    """An intent this scenario adds to the shared catalog."""

    kind: Literal["conversation", "probe", "action"]
    meaning: Text
    examples: Terms
    on_screen: bool = False  # done by the trainee on the caller's desktop in a remote session


class EmailMessage(Model):
    """The user's e-mail that opens an e-mail contact (placeholders such as {caller_name} allowed).

    `signature` is the user's own sign-off block; `screenshot` describes an attached screenshot;
    `vague` is the body a vague persona writes instead.
    """

    subject: Text
    body: Text
    signature: Text
    screenshot: Text | None = None
    vague: Text | None = None
    sender: str | None = None  # the address it comes from, when not the user's work address


class Scenario(Model):
    """A whole scenario: what a trainer writes, what the engine plays, what grading reads."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: int = Field(ge=1)
    title: Text
    summary: Text
    category: str
    difficulty: int = Field(ge=1, le=5)
    tags: list[str] = Field(default_factory=list)
    personas: list[str] = Field(min_length=1)
    default_persona: str | None = None
    duration_minutes: int = Field(ge=1, le=120)
    caller: Caller
    facts: dict[str, Scalar] = Field(min_length=1)
    opening: list[Answer] = Field(default_factory=list)  # needed by phone and voicemail
    probes: list[Probe] = Field(min_length=1)
    actions: list[Action] = Field(default_factory=list)
    triggers: list[Trigger] = Field(default_factory=list)
    order: list[OrderRule] = Field(default_factory=list)
    resolution: Resolution | None = None
    escalation: Escalation
    ticket: TicketExpectation
    scope_matters: bool = False
    kb: list[str] = Field(min_length=1)
    expert: list[Text] = Field(min_length=1)
    traps: list[Text] = Field(min_length=1)
    secrets: Terms = Field(default_factory=Terms)
    intents: dict[str, LocalIntent] = Field(default_factory=dict)
    intent_examples: dict[str, Terms] = Field(default_factory=dict)
    channels: list[Literal["phone", "voicemail", "email"]] = Field(
        default_factory=lambda: ["phone", "voicemail"], min_length=1
    )
    email: EmailMessage | None = None

    @property
    def key(self) -> str:
        """`id@version`, the identity of a played scenario."""
        return f"{self.id}@{self.version}"

    def persona_default(self) -> str:
        """The persona used when none is asked for."""
        return self.default_persona or self.personas[0]

    def probe(self, probe_id: str) -> Probe | None:
        """The probe with this id, if any."""
        return next((p for p in self.probes if p.id == probe_id), None)

    def action(self, action_id: str) -> Action | None:
        """The action with this id, if any."""
        return next((a for a in self.actions if a.id == action_id), None)

    def bound_intents(self) -> set[str]:
        """Intents this scenario binds to a probe or an action."""
        return {x.intent for x in [*self.probes, *self.actions] if x.intent}
