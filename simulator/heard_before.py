"""Readings already made: a bounded memory of the matchers' answers, one per engine (per worker).

A matcher is a pure function of what it was built from and of its arguments: the same line read by
the same matcher gives the same intents and scores, whatever the call. Trainees type the same
greetings, questions and closing lines over and over, and a line is read several times per step
(the whole line, the cores of its requests, a check after a fix, the clause that carries an
intent), so each engine keeps the last CAPACITY readings (least recently used first out) and gives
them back instead of computing them again. Only the matcher's answers are kept: the dialogue
context, the clause parse, the rules and the caller's reply are worked out afresh on every line,
so a reading taken from memory meets the same context a new one would. The answers are immutable
(frozen matches, tuples); lists are handed out as new lists. tests/test_heard_before.py plays every
transcript with and without the memory and compares every event.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from simulator.catalog import Catalog
from simulator.hearing import Hearing
from simulator.scenario import Scenario
from simulator.understand import Matcher, Understanding

# Readings per engine (about 1 KiB each). Replaying http_load's requests through memories of
# other sizes (bench/calls_in_process.py --reading-keys, bench/parse_cache_sizes.py), a worker
# missed 4.20% of its readings with 2,048 and 4.19% with 4,096 (nearly all of them lines it had
# never met): the readings past 2,048 were lines met once; they kept a worker growing for longer.
CAPACITY = 2048


def _read(matcher: Matcher, method: str, args: tuple) -> Any:
    """One of the matcher's readings, computed (tuples passed back as the lists it takes)."""
    value = getattr(matcher, method)(*(list(a) if isinstance(a, tuple) else a for a in args))
    return tuple(value) if isinstance(value, list) else value


class RememberingMatcher:
    """A matcher whose readings come from the engine's memory when it made them before."""

    def __init__(self, matcher: Matcher, recall: Any):
        self.matcher = matcher
        self._recall = recall

    def __getattr__(self, name: str) -> Any:  # anything not remembered: the matcher's own
        return getattr(self.matcher, name)

    def understand(self, text: str) -> Understanding:
        """The matcher's Understanding of a line."""
        return self._recall(self.matcher, "understand", (text,))

    def classify_many(self, clauses: list[str], questions: list[bool] | None = None) -> list:
        """The matcher's (match, best guess) for each clause."""
        flags = tuple(questions) if questions is not None else None
        return list(self._recall(self.matcher, "classify_many", (tuple(clauses), flags)))

    def resemblance(self, clauses: list[str], intent: str) -> list[float]:
        """How close each clause comes to an intent's closest example."""
        return list(self._recall(self.matcher, "resemblance", (tuple(clauses), intent)))

    def decision(self, clauses: list[str], intent: str) -> list[float]:
        """The SVM's decision for one intent on each clause."""
        return list(self._recall(self.matcher, "decision", (tuple(clauses), intent)))


class RememberingHearing(Hearing):
    """The hearing, its matchers' readings remembered (CAPACITY of them, for this engine)."""

    def __init__(self, catalog: Catalog, capacity: int = CAPACITY):
        super().__init__(catalog)
        self._recall = lru_cache(maxsize=capacity)(_read)
        self._remembering: dict[int, RememberingMatcher] = {}

    def matcher(self, scenario: Scenario, locale: str) -> Any:
        """The scenario's matcher, answering from memory what it read before."""
        matcher = super().matcher(scenario, locale)
        found = self._remembering.get(id(matcher))
        if found is None or found.matcher is not matcher:
            found = self._remembering[id(matcher)] = RememberingMatcher(matcher, self._recall)
        return found

    def remembered(self) -> Any:
        """Hits, misses and size of the memory (functools' cache_info)."""
        return self._recall.cache_info()
