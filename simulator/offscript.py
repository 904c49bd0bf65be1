"""Reasonable questions outside the scenario's script ("Are you working from home today?", « Vous
avez ouvert une pièce jointe ? ») get a short answer in character, from the caller's profile and the
scenario's world, with no mood penalty.

Honesty: a fact a probe reveals is said only once the trainee made that probe (or another revealed
it); otherwise the caller answers what any user would know without looking ("the usual one, I don't
know its name by heart"). World facts a scenario may set: `caller.location` (home / office),
`printer.name`; a drop or a spill is denied unless a fact says it happened (`*.dropped*`,
`*.spilled*`), and an incident the opening already told about (`clicked_at`,
`credentials.entered`, `file.downloaded`...) is pointed back to, never denied.
"""

from __future__ import annotations

from simulator.call import Call
from simulator.reply import Reply
from simulator.scenario import Scalar

HOME = {"home", "remote", "telework", "teletravail", "domicile", "maison"}
# Facts that, when true, say something unusual did happen: never answered "nothing like that".
_INCIDENT_WORDS = ("dropped", "spilled", "clicked", "downloaded", "opened", "credentials.entered")


def _known(call: Call, key: str) -> Scalar | None:
    """A world fact the caller may say now: set in the scenario, and not behind a probe the
    trainee has not made."""
    if key not in call.scenario.facts:
        return None
    behind_probe = any(key in p.reveals for p in call.scenario.probes)
    if behind_probe and key not in call.revealed:
        return None
    return call.state.get(key)


def _whereabouts(call: Call, reply: Reply) -> bool:
    """Where the caller works from today: the scenario's `caller.location`, the office otherwise."""
    location = str(_known(call, "caller.location") or "office").lower()
    reply.line("whereabouts_home" if location in HOME else "whereabouts_office")
    return False


def _printer_name(call: Call, reply: Reply) -> bool:
    """The printer's name when the caller may know it (`printer.name`), else what a user knows."""
    name = _known(call, "printer.name")
    if name:
        reply.line("printer_named", printer=str(name))
        return reply.reveal(["printer.name"])
    reply.line("printer_name_unknown")
    return False


def _mishap(call: Call, reply: Reply) -> bool:
    """A drop, a spill, an odd attachment: "no, nothing like that" unless the world says one
    happened; then the caller points back to what they said, revealing nothing new. When a probe
    of the scenario reveals such a fact, the question is that probe, asked in other words."""
    probe = next(
        (
            p
            for p in call.scenario.probes
            if any(word in key for key in p.reveals for word in _INCIDENT_WORDS)
        ),
        None,
    )
    if probe is not None:
        return reply.probe(probe, via="say")[1]
    happened = [
        k
        for k, v in call.scenario.facts.items()
        if v is True and any(word in k for word in _INCIDENT_WORDS)
    ]
    reply.line("mishap_as_said" if happened else "nothing_like_that")
    return False


OFF_SCRIPT = {
    "ask_whereabouts": _whereabouts,
    "ask_printer_name": _printer_name,
    "ask_mishap": _mishap,
}
