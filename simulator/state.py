"""The hidden state of a call: fact values, conditions on them, and effects that change them."""

from __future__ import annotations

from collections.abc import Mapping

from simulator.scenario import Condition, Scalar

# Facts the engine keeps itself; scenarios may read them in conditions.
BUILTIN_FACTS: dict[str, Scalar] = {"identity.verified": False, "remote.session": False}


def initial_state(facts: Mapping[str, Scalar]) -> dict[str, Scalar]:
    """The state at the start of a call: the scenario's facts plus the engine's own."""
    return {**BUILTIN_FACTS, **facts}


def holds(condition: Condition | None, state: Mapping[str, Scalar]) -> bool:
    """Whether every fact in `condition` has its value (a list means any of these values)."""
    if not condition:
        return True
    for key, expected in condition.items():
        value = state.get(key)
        if isinstance(expected, list):
            if value not in expected:
                return False
        elif value != expected:
            return False
    return True


def apply(effects: Mapping[str, Scalar], state: dict[str, Scalar]) -> dict[str, tuple]:
    """Apply effects in place; return the facts that changed as `{fact: (old, new)}`."""
    changed = {}
    for key, new in effects.items():
        old = state.get(key)
        if old != new:
            state[key] = new
            changed[key] = (old, new)
    return changed
