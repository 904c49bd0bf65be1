"""Who is calling: names, ids and machine details drawn with Faker from the call's seed."""

from __future__ import annotations

import string
import threading
from dataclasses import asdict, dataclass, field
from functools import cached_property

from faker import Faker
from unidecode import unidecode

from simulator.scenario import Caller
from simulator.translation import lang

FAKER_LOCALES = {"en": "en_US", "fr": "fr_FR"}
CALLER_PLACEHOLDERS = (
    "caller_name",
    "first_name",
    "last_name",
    "phone",
    "employee_id",
    "manager",
    "hostname",
    "ip",
    "asset_tag",
    "username",
    "email",
    "ticket",
    "department",
    "role",
    "gateway",
    "boss",
)
OTHER_FIELDS = ("name", "username", "employee_id")


@dataclass(frozen=True)
class Person:
    """Someone the call is about besides the caller."""

    name: str
    username: str
    employee_id: str


@dataclass(frozen=True)
class CallerIdentity:
    """The caller of one call: the same seed always gives the same person."""

    first_name: str
    last_name: str
    phone: str
    employee_id: str
    manager: str
    hostname: str
    ip: str
    gateway: str
    asset_tag: str
    username: str
    email: str
    ticket: str
    department: str
    role: str
    others: dict[str, Person] = field(default_factory=dict)

    @property
    def caller_name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}"

    def placeholders(self) -> dict[str, str]:
        """Values for `{placeholder}`s in scenario texts (a new dict each time)."""
        return dict(self._placeholders)

    @cached_property
    def _placeholders(self) -> dict[str, str]:
        """Worked out once per caller: a step fills several texts."""
        values = {k: str(v) for k, v in asdict(self).items() if k != "others"}
        values["caller_name"] = self.caller_name
        values["boss"] = next(iter(self.others.values())).name if self.others else self.manager
        for key, person in self.others.items():
            for name in OTHER_FIELDS:
                values[f"{key}_{name}"] = getattr(person, name)
        return values

    def to_dict(self) -> dict:
        """A JSON-ready dict (for the `call_started` event)."""
        data = asdict(self)
        data["caller_name"] = self.caller_name
        return data


def _username(fake: Faker, first: str, last: str) -> str:
    base = unidecode(f"{first[0]}{last}").lower()
    return "".join(ch for ch in base if ch.isalnum())[:12] + str(fake.random_int(1, 99))


def _person(fake: Faker, gender: str | None = None) -> tuple[str, str]:
    """A first and a last name as people write them: no title, no suffix, never "François
    François" (Faker's `name()` adds "DDS", "PhD", "Jr." to a share of its names)."""
    first = {"female": fake.first_name_female, "male": fake.first_name_male}.get(
        gender or "", fake.first_name
    )()
    last = fake.last_name()
    while unidecode(last).lower() == unidecode(first).lower():
        last = fake.last_name()
    return first, last


_fakers = threading.local()  # one Faker per thread and locale: building one costs a millisecond


def _faker(locale: str, seed: int) -> Faker:
    """This thread's Faker for the locale, seeded: it draws what a new one seeded so would."""
    made = _fakers.__dict__.setdefault("by_locale", {})
    name = FAKER_LOCALES.get(locale, "en_US")
    if name not in made:
        made[name] = Faker(name)
    made[name].seed_instance(seed)
    return made[name]


def draw_caller(spec: Caller, locale: str, seed: int) -> CallerIdentity:
    """Draw the caller's identity for `spec` in `locale` from `seed` (deterministic)."""
    fake = _faker(locale, seed)
    first, last = _person(fake, spec.gender)
    domain = {"fr": "exemple.fr", "en": "example.com"}[lang(locale)]
    username = _username(fake, first, last)
    subnet = fake.random_int(10, 60)
    others = {}
    for other in spec.others:
        o_first, o_last = _person(fake, other.gender)
        others[other.key] = Person(
            name=f"{o_first} {o_last}",
            username=_username(fake, o_first, o_last),
            employee_id=f"E{fake.random_int(10000, 99999)}",
        )
    return CallerIdentity(
        first_name=first,
        last_name=last,
        phone=fake.phone_number(),
        employee_id=f"E{fake.random_int(10000, 99999)}",
        manager=" ".join(_person(fake)),
        hostname=f"PC-{fake.random_int(1000, 9999)}",
        ip=f"10.20.{subnet}.{fake.random_int(20, 240)}",
        gateway=f"10.20.{subnet}.1",
        asset_tag=f"AT-{fake.random_int(100000, 999999)}",
        username=username,
        email=f"{username}@{domain}",
        ticket=f"INC{fake.random_int(1000000, 9999999)}",
        department=spec.department.get(locale),
        role=spec.role.get(locale),
        others=others,
    )


def placeholder_names(spec: Caller) -> set[str]:
    """Every placeholder a text of a scenario with this caller may use."""
    names = set(CALLER_PLACEHOLDERS)
    for other in spec.others:
        names |= {f"{other.key}_{name}" for name in OTHER_FIELDS}
    return names


def used_placeholders(text: str) -> set[str]:
    """Placeholder names used in `text`; raises ValueError on a malformed `{`."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
