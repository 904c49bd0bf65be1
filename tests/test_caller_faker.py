"""A caller drawn with the thread's reused Faker is the caller a new Faker draws from the seed."""

from __future__ import annotations

import pytest
from faker import Faker

from simulator import caller


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_reused_faker_draws_the_same_callers_as_a_new_one(library, monkeypatch, locale):
    specs = [s.caller for s in library.scenarios.values()]
    reused = [caller.draw_caller(spec, locale, seed) for spec in specs for seed in (0, 3, 4242)]

    def new_faker(locale: str, seed: int) -> Faker:
        fake = Faker(caller.FAKER_LOCALES[locale])
        fake.seed_instance(seed)
        return fake

    monkeypatch.setattr(caller, "_faker", new_faker)
    assert reused == [
        caller.draw_caller(spec, locale, seed) for spec in specs for seed in (0, 3, 4242)
    ]
