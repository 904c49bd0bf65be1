"""The words of the shift report's findings, in English message ids (French in translations/)."""

from __future__ import annotations

from simulator.translation import N_, NC_

# key: (English message, English tip)
SHIFT_TEXTS: dict[str, tuple[str, str]] = {
    "sla_all": (N_("Every contact was taken within its SLA target."), ""),
    "sla_missed": (
        N_("{met} of {total} contacts taken within their SLA target; missed: {missed}."),
        N_("Watch the SLA clocks in the queue: take what is about to breach first."),
    ),
    "abandoned": (
        N_("Contact {ref} hung up after waiting {minutes} min and left a voicemail."),
        N_("A caller who waits too long gives up: keep an eye on the phone queue."),
    ),
    "triage_right": (N_("Contact {ref} triaged right: {kind}, {priority}."), ""),
    "triage_wrong": (
        N_("Contact {ref} triaged {given}; it was {expected}."),
        N_("Impact is how many people are hit, urgency how soon work stops: read both."),
    ),
    "triage_missing": (
        N_("Contact {ref} was handled without triage."),
        N_("Triage every contact: incident or request, impact and urgency."),
    ),
    "triage_summary": (
        N_("{right} of {taken} contacts triaged right (kind and priority)."),
        "",
    ),
    "order_summary": (N_("{good} of {takes} contacts taken in a sensible order of priority."), ""),
    "follow_up_summary": (
        N_("{done} of {answered} level-2 answers passed on to the user."),
        "",
    ),
    "order_good": (N_("Contacts taken in a sensible order of priority."), ""),
    "order_broken": (
        N_(
            "Took a {taken} {taken_channel} while a {waiting} {waiting_channel} waited "
            "{minutes} min."
        ),
        N_("Take the most urgent contact first, whatever its channel."),
    ),
    "follow_up_none": (N_("No level-2 answer to follow up in this shift."), ""),
    "follow_up_done": (N_("Level 2's answer on {ref} was passed on to the user."), ""),
    "follow_up_missing": (
        N_("Escalated ticket {ref} was never followed up after level 2 answered."),
        N_("When level 2 answers, inform the user and close the ticket."),
    ),
}

CHANNEL_WORDS = {
    "phone": NC_("channel", "call"),
    "email": NC_("channel", "e-mail"),
    "voicemail": NC_("channel", "voicemail"),
}
KIND_WORDS = {
    "incident": NC_("triage", "incident"),
    "request": NC_("triage", "service request"),
}
