"""What the caller says to the conversation intents no scenario binds: greetings, their name and
username, thanks, apologies, a summary, a ticket number, goodbye..."""

from __future__ import annotations

import re
from collections.abc import Callable

from simulator import saying
from simulator.call import Call
from simulator.folding import fold
from simulator.offscript import OFF_SCRIPT
from simulator.reply import Reply
from simulator.state import apply

_REQUEST = re.compile(
    r"\?|\b(give|tell|what|which|type|spell|read|send|could|can|would|donnez|dites|quel|quelle|"
    r"pouvez|pourriez|tapez|epelez|lisez|envoyez|communiquez|rappelez)\b"
)


def _requests(clause: str) -> bool:
    """Whether a clause asks for something (a password mentioned in passing is not asked for)."""
    return "?" in clause or bool(_REQUEST.search(fold(clause)))


_JOINED = re.compile(r"(?:,|\band|\bet|\bpuis|\bthen)\s*$", re.IGNORECASE)


def asks_for_password(clause: str, text: str) -> bool:
    """Whether a password clause is a request: itself, or joined to the request just before it
    ("donnez-moi votre identifiant et votre mot de passe": the verb is in the first part)."""
    if _requests(clause):
        return True
    at = text.find(clause)
    before = re.split(r"[.?!;:\n]", text[:at])[-1] if at > 0 else ""
    return bool(_JOINED.search(before)) and _requests(before)


def _handed_over(call: Call) -> bool:
    esc = call.scenario.escalation
    return (
        call.escalated_to is not None
        and call.escalated_to in esc.teams
        and esc.policy != "forbidden"
    )


def _greet(call: Call, reply: Reply) -> bool:
    if not any(s == "greet_back" for _, s in reply.pieces) and call.turn <= 2:
        reply.line("greet_back")
    return False


def _name(call: Call, reply: Reply) -> bool:
    reply.line("give_name")
    return reply.reveal(["caller.name"])


def _username(call: Call, reply: Reply) -> bool:
    """The caller's own username, or, asked about someone else, that person's."""
    other = saying.third_party(call)
    if other is not None:
        reply.line("give_other_username", username=other.username, other_name=other.name)
        return False
    reply.line("give_username")
    return reply.reveal(["caller.username"])


def _cause_explained(call: Call, reply: Reply) -> bool:
    """The caller takes in what was wrong; hearing it is a relief once, not each time it is
    repeated.
    A summary that names the cause has already been acknowledged: no second acknowledgement."""
    if call.said_intents.count("explain_cause") == 1:
        reply.effect("explain_cause")
    if not any(situation == "summary_ack" for _, situation in reply.pieces):
        reply.line("cause_explained")
    return False


def _identity(call: Call, reply: Reply) -> bool:
    reply.line("give_identity")
    if _in_writing(call):  # details sent by e-mail prove nothing: whoever holds the mailbox
        return reply.reveal(["caller.employee_id", "caller.manager"])
    changed = apply({"identity.verified": True}, call.state)
    if changed:
        call.emit("state_changed", changes={k: list(v) for k, v in changed.items()})
    return reply.reveal(["caller.employee_id", "caller.manager"]) or bool(changed)


def _in_writing(call: Call) -> bool:
    """Whether the trainee's current step is an e-mail (not a phone call back)."""
    said = next((e for e in reversed(call.events) if e["kind"] == "trainee_said"), None)
    return said is not None and said["data"].get("channel") == "email"


def _describe(call: Call, reply: Reply) -> bool:
    opening = next(e for e in call.events if e["kind"] == "caller_said")
    reply.add(opening["data"]["text"], "opening_repeat")
    return False


def _say_line(situation: str, effect: str | None = None, reason: bool = False, frustrated=False):
    def handler(call: Call, reply: Reply) -> bool:
        if effect:
            reply.effect(effect)
        if reason:
            call.reason_given = True
        reply.line(situation, frustrated=frustrated)
        return False

    return handler


def _hold_ask(call: Call, reply: Reply) -> bool:
    call.hold_announced = True
    reply.line("hold_agree")
    return False


def _remote_permission(call: Call, reply: Reply) -> bool:
    if call.persona.spec.remote_needs_reason and not call.reason_given:
        reply.line("remote_needs_reason")
    else:
        reply.line("next_step_ack")
    call.reason_given = True
    return False


def _outcome_line(good: str, bad: str):
    def handler(call: Call, reply: Reply) -> bool:
        reply.line(good if call.resolved or _handed_over(call) else bad)
        return False

    return handler


def _password(call: Call, reply: Reply) -> bool:
    reply.effect("password_asked")
    call.emit("password_requested")
    reply.line("password_asked")
    return False


def _device(call: Call, reply: Reply) -> bool:
    if reply.needs_guidance("ask_device_details", "device"):
        return False
    reply.line("device_given")
    return reply.reveal(["caller.asset_tag", "caller.hostname"])


# "INC0048812", "inc 0048812", "REQ-4471", "4471203": not the word before a number ("ticket
# 4471203", « le 77014 » were read back as "TICKET 4471203", « LE 77014 »)
_TICKET_NUMBER = re.compile(
    r"\b(?:[A-Z]{2,6}[-_]?\d{3,}|(?i:inc|req|ritm|chg|tkt|sr)[-_ ]?\d{3,}|\d{5,})\b"
)


def _ticket_ack(call: Call, reply: Reply) -> bool:
    """The caller notes the number the trainee read out, in this line or an earlier one; told
    of a ticket with no number ever said ("i've got the ticket for all of you"), the caller asks
    for it: the number on the trainee's ticket panel is not on the caller's screen."""
    said = [e["data"]["text"] for e in reversed(call.events) if e["kind"] == "trainee_said"]
    number = next((found for text in said if (found := _TICKET_NUMBER.search(text))), None)
    if number is None:
        reply.line("ticket_number_asked")
        return False
    reply.line("ticket_ack", ticket=number.group(0).upper())
    return False


def _contact(call: Call, reply: Reply) -> bool:
    reply.line("contact_given")
    return reply.reveal(["caller.phone"])


BUILTIN: dict[str, Callable[[Call, Reply], bool]] = {
    "greet": _greet,
    "introduce_self": _greet,
    "ask_caller_name": _name,
    "verify_identity": _identity,
    "ask_problem_description": _describe,
    "ask_device_details": _device,
    "confirm_contact": _contact,
    "empathize": _say_line("empathy_received", "empathize"),
    "reassure": _say_line("reassured", "reassure"),
    "apologize": _say_line("apology_received", "apologize"),
    "thank": _say_line("thanked", "thank"),
    "explain_next_step": _say_line("next_step_ack", "explain_next_step", reason=True),
    "put_on_hold": _hold_ask,
    "ask_remote_permission": _remote_permission,
    "summarize": _say_line("summary_ack", "summarize"),
    "give_ticket_number": _ticket_ack,
    "explain_follow_up": _say_line("follow_up_ack"),
    "explain_policy": _say_line("policy_ack"),
    "explain_cause": _cause_explained,
    "ask_username": _username,
    "offer_further_help": _outcome_line("anything_else_resolved", "anything_else_unresolved"),
    "goodbye": _outcome_line("goodbye_resolved", "goodbye_unresolved"),
    "ask_password": _password,
    "resume": lambda call, reply: False,
    "verify_fix": _outcome_line("anything_else_resolved", "dont_know"),
    **OFF_SCRIPT,
}
