"""The shift's contacts and queue: arrivals drawn from the seed, waiting, patience, SLA clocks."""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from typing import Any

from simulator.call import Call
from simulator.shift_plan import PlannedContact, ShiftPlan

# Where a contact stands. "queued" statuses are the ones the trainee can take.
QUEUED = ("waiting", "parked", "follow_up", "reply_received")
# Arrivals without a fixed time fall in the first 80% of the shift, so they can still be handled.
ARRIVAL_WINDOW = 0.8


@dataclass
class Contact:
    """One contact during a shift: its plan, where it stands, its call once taken."""

    ref: str
    plan: PlannedContact
    channel: str
    arrived_at: float
    status: str = "scheduled"
    origin: str | None = None
    taken_at: float | None = None
    ended_at: float | None = None
    outcome: str | None = None
    call: Call | None = None
    triage: dict[str, str] | None = None
    level2_due: float | None = None
    parked_at: float | None = None
    reply_due: float | None = None  # an e-mail contact waiting for the user's reply
    emails_sent: int = 0

    @property
    def queued(self) -> bool:
        """Whether the trainee can take it now."""
        return self.status in QUEUED

    def hang_up_at(self, plan: ShiftPlan) -> float | None:
        """When a waiting phone caller gives up (None: e-mails and voicemails wait)."""
        if self.channel != "phone" or self.status != "waiting":
            return None
        return self.arrived_at + (self.plan.patience or plan.patience.hang_up_after)


def contact_seed(seed: int, ref: str) -> int:
    """The seed of one contact's call, fixed by the shift's seed and the contact's ref."""
    return zlib.crc32(f"{seed}:{ref}".encode()) % 1_000_000


def schedule(plan: ShiftPlan, seed: int) -> list[Contact]:
    """Every planned contact with its arrival time: fixed in the plan, else drawn from the seed."""
    rng = random.Random(f"{seed}:arrivals")
    window = int(plan.length * ARRIVAL_WINDOW)
    contacts = []
    for planned in plan.contacts:
        at = planned.at if planned.at is not None else rng.randrange(window)
        contacts.append(Contact(planned.ref, planned, planned.channel, float(at)))
    contacts.sort(key=lambda c: (c.arrived_at, c.ref))
    return contacts


def mood_after_wait(start: int, waited: float, plan: ShiftPlan, channel: str) -> int:
    """A caller's starting mood after waiting: it falls every minute (half as fast by voicemail,
    a quarter as fast by e-mail: a user who wrote expects to wait a little)."""
    drop = plan.patience.drop_per_minute * int(waited // 60)
    if channel == "voicemail":
        drop //= 2
    elif channel == "email":
        drop //= 4
    return max(5, start - drop)


def sla_left(contact: Contact, plan: ShiftPlan, now: float) -> float | None:
    """Seconds left before the SLA target of the priority the trainee gave it (None: untriaged)."""
    if not contact.triage:
        return None
    return round(plan.sla[contact.triage["priority"]] - (now - contact.arrived_at), 1)


def snapshot(contacts: list[Contact], plan: ShiftPlan, now: float, subjects: dict[str, str]):
    """The queue as the trainee sees it now: channel, subject, waiting time, SLA clock."""
    items: list[dict[str, Any]] = []
    for c in contacts:
        if not c.queued:
            continue
        items.append(
            {
                "ref": c.ref,
                "channel": c.channel,
                "status": c.status,
                "subject": subjects.get(c.ref, ""),
                "waited": round(now - c.arrived_at, 1),
                "priority": c.triage["priority"] if c.triage else None,
                "sla_left": sla_left(c, plan, now),
            }
        )
    return {"at": round(now, 1), "waiting": items}
