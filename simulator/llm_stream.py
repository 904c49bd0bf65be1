"""Release a streamed model reply sentence by sentence, each only once the guard has passed it.

The model streams a JSON object `{"intents": [...], "reply": "..."}`. `ReplyGate.feed` receives the
raw text received so far, reads the `reply` string out of the partial JSON (escapes included), and
hands `release` each newly completed sentence, but only when the reply up to and including that
sentence passes `check` (the same guard as the whole reply: unrevealed facts, secret terms, out of
role, language once there are enough words). The first sentence that fails closes the gate: it and
everything after it are never released. The gate changes no event; it only decides what may be
shown early. Whatever it released, the engine's final choice (model or scripted reply) is the truth.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jiter

# A sentence ends at . ! ? or … (possibly closed by a quote or bracket, « French style ») followed
# by white space.
SENTENCE_END = re.compile(r"[.!?…]+(?:\s?[\"'»)\]])*(?=\s)")


def reply_so_far(raw: str) -> tuple[str, bool]:
    """(the `reply` string read so far from partial JSON, whether that string is complete)."""
    data = raw.encode("utf-8")
    try:
        partial = jiter.from_json(data, partial_mode="trailing-strings")
        whole = jiter.from_json(data, partial_mode="on")
    except ValueError:
        return "", False
    if not isinstance(partial, dict) or not isinstance(partial.get("reply"), str):
        return "", False
    return partial["reply"], isinstance(whole, dict) and isinstance(whole.get("reply"), str)


def complete_prefix(reply: str, closed: bool) -> str:
    """The longest prefix of `reply` made of whole sentences (all of it once the string is
    closed)."""
    if closed:
        return reply
    ends = [m.end() for m in SENTENCE_END.finditer(reply)]
    return reply[: ends[-1]] if ends else ""


class ReplyGate:
    """Turns the raw streamed text into guarded releases of whole sentences."""

    def __init__(self, check: Callable[[str], str], release: Callable[[str], None]):
        self.check = check
        self.release = release
        self.released = ""
        self.refused = ""

    @property
    def open(self) -> bool:
        """Whether later sentences may still be released."""
        return not self.refused

    def feed(self, raw: str) -> None:
        """Read the raw text received so far; release what is newly complete and allowed."""
        if self.refused:
            return
        try:
            reply, closed = reply_so_far(raw)
            prefix = complete_prefix(reply, closed).strip()
            if len(prefix) <= len(self.released.strip()) or not prefix.startswith(
                self.released.strip()
            ):
                return
            problem = self.check(prefix)
        except Exception:  # noqa: BLE001 - the gate must never break a turn: it just stops releasing
            self.refused = "gate_error"
            return
        if problem:
            self.refused = problem
            return
        delta = prefix[len(self.released) :]
        self.released = prefix
        try:
            self.release(delta)
        except Exception:  # noqa: BLE001 - a listener that fails (a closed page) must not break the turn
            self.refused = "listener_error"
