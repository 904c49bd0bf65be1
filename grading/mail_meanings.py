"""What a catalog intent means when the contact is an e-mail, where its catalog meaning speaks of a
call: "Greet the caller" reads "Greet the user"; a hold, a resume or remote control read as what
they are in writing.

A finding names a check by its intent's meaning (`grading.messages.names`); for an e-mail contact
the meaning here, under the intent's id, replaces the catalog's (scenarios/catalog.yaml keeps the
phone's words). English message ids with a context; their French is in translations/. An intent
without an entry reads the same on both channels. tests/test_mail_meanings.py fails when an id
here is not in the catalog, or when a catalog meaning that speaks of a caller, a call or a hold has
no entry here.
"""

from __future__ import annotations

from simulator.translation import NC_, Message

MAIL_MEANINGS: dict[str, Message] = {
    "greet": NC_("intent by e-mail", "Greet the user"),
    "introduce_self": NC_("intent by e-mail", "Say who is writing: the service and one's own name"),
    "ask_caller_name": NC_("intent by e-mail", "Ask the user's name"),
    "verify_identity": NC_(
        "intent by e-mail", "Verify the user's identity (employee id and one more detail)"
    ),
    "ask_username": NC_("intent by e-mail", "Ask the user for their username (login)"),
    "ask_problem_description": NC_("intent by e-mail", "Ask the user to describe the problem"),
    "ask_scope": NC_(
        "intent by e-mail", "Ask whether only the user or colleagues too are affected"
    ),
    "ask_reproduce": NC_("intent by e-mail", "Ask the user to reproduce the problem"),
    "empathize": NC_("intent by e-mail", "Acknowledge the user's frustration"),
    "reassure": NC_("intent by e-mail", "Reassure the user that it will be sorted out"),
    "thank": NC_("intent by e-mail", "Thank the user"),
    "explain_cause": NC_(
        "intent by e-mail", "Tell the user in plain words what was wrong (the cause)"
    ),
    "put_on_hold": NC_("intent by e-mail", "Tell the user that the answer will take some time"),
    "resume": NC_("intent by e-mail", "Come back to the user after a wait"),
    "ask_remote_permission": NC_(
        "intent by e-mail", "Ask the user's permission to take remote control of their computer"
    ),
    "verify_fix": NC_("intent by e-mail", "Ask the user to try again and confirm it works"),
    "explain_follow_up": NC_(
        "intent by e-mail", "Tell the user what happens next (who gets back to them, when)"
    ),
    "goodbye": NC_("intent by e-mail", "End the e-mail with a sign-off"),
    "ask_password": NC_("intent by e-mail", "Ask the user for their password (never do this)"),
    "confirm_contact": NC_(
        "intent by e-mail", "Confirm a phone number where the user can be reached"
    ),
    "ask_what_was_entered": NC_(
        "intent by e-mail", "Ask what the user typed or clicked on the suspicious page"
    ),
    "ask_whereabouts": NC_(
        "intent by e-mail", "Ask where the user is working from (office, home, site)"
    ),
    "ask_printer_name": NC_("intent by e-mail", "Ask the name of the printer the user prints to"),
}
