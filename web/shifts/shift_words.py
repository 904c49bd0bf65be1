"""The shift pages' words: channels, statuses, outcomes, and refusals in the trainee's language."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from simulator.shift_state import Shift
from simulator.steps import Step

CHANNELS = {"phone": _l("Phone"), "email": _l("E-mail"), "voicemail": _l("Voicemail")}
STATUSES = {
    "scheduled": _l("not arrived"),
    "waiting": _l("waiting"),
    "active": _l("in hand"),
    "parked": _l("parked"),
    "with_level2": _l("with level 2"),
    "follow_up": _l("level-2 answer to pass on"),
    "awaiting_reply": _l("e-mail sent, awaiting the reply"),
    "reply_received": _l("reply received"),
    "abandoned": _l("hung up"),
    "closed": _l("closed"),
}
OUTCOMES = {
    "resolved": _l("Resolved"),
    "closed_unresolved": _l("Closed unresolved"),
    "escalated": _l("Escalated"),
    "caller_hung_up": _l("Caller hung up"),
    "abandoned": _l("Abandoned in the queue"),
    "not_taken": _l("Not taken"),
    "parked": _l("Parked"),
    "in_progress": _l("In progress"),
}
LEVEL2_ANSWERS = {
    "fix_note": _l("Level 2 sent a fix note: tell the user and close the ticket."),
    "question": _l("Level 2 asks a question: get the answer from the user."),
    "needs_user": _l("Level 2 needs the user: arrange it with them."),
}


def refusal(shift: Shift, step: Step) -> str:
    """Why the shift refused this step, in the trainee's language (nothing was written)."""
    name = step.name
    if shift.ended:
        return _("This shift has ended; nothing was changed.")
    if name == "take":
        return _take_refusal(shift, str(step.args["value"]))
    if name == "wait" and shift.active:
        return _(
            "Contact %(ref)s is in hand: finish or park it before letting time pass.",
            ref=shift.active,
        )
    if shift.active is None and name not in ("wait", "end_shift", "elapse"):
        return _("Take a contact from the queue first.")
    contact = shift.contact(shift.active) if shift.active else None
    if name == "email" and contact is not None and contact.channel != "email":
        return _(
            "Contact %(ref)s came by %(channel)s: answer it there, not by e-mail. "
            "Nothing was sent.",
            ref=contact.ref,
            channel=str(CHANNELS.get(contact.channel, contact.channel)).lower(),
        )
    if name == "say" and contact is not None and contact.channel == "email":
        return _(
            "Contact %(ref)s is answered by e-mail: its plan allows no call back. "
            "Nothing was said.",
            ref=contact.ref,
        )
    return _("This step cannot be taken now; nothing was changed.")


def _take_refusal(shift: Shift, ref: str) -> str:
    contact = shift.contact(ref)
    if shift.active is not None:
        return _("Finish or park contact %(ref)s before taking another.", ref=shift.active)
    if contact is None:
        return _("There is no contact %(ref)s in this shift.", ref=ref)
    if contact.status == "scheduled":
        return _("Contact %(ref)s has not arrived yet.", ref=ref)
    if contact.status == "awaiting_reply":
        return _(
            "Your e-mail to contact %(ref)s is sent: their reply will come into the queue. "
            "Nothing was changed.",
            ref=ref,
        )
    return _(
        "Contact %(ref)s is no longer in the queue (%(status)s); nothing was changed.",
        ref=ref,
        status=STATUSES.get(contact.status, contact.status),
    )
