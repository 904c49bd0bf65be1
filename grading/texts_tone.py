"""The words of the tone and critical findings: message and tip.

English message ids marked `N_` / `NP_`; their French is in translations/ (gettext).
"""

from __future__ import annotations

from grading.plural import NP_, Plural
from simulator.translation import N_

TONE_TEXTS: dict[str, tuple[str | Plural, str]] = {
    # tone
    "greet_ok": (N_("Greeted the caller."), ""),
    "greet_missing": (
        N_("No greeting in your first words."),
        N_('Open with a greeting: "Good morning".'),
    ),
    "intro_ok": (N_("Gave the service and your name at once."), ""),
    "intro_no_name": (
        N_("Named the service but not yourself."),
        N_('"IT support, Sam speaking": your name makes the call personal.'),
    ),
    "intro_no_service": (
        N_("Gave your name but not the service."),
        N_('"IT support, Sam speaking" tells the caller they reached the right place.'),
    ),
    "silent": (
        N_("Not a word to the caller: nothing to judge of tone but its absence."),
        N_("Greet, listen, explain and close the call: the caller needs to hear you."),
    ),
    "curt": (
        NP_(
            'A curt line, with no courtesy nor acknowledgement: "{quote}".',
            '{count} curt lines, with no courtesy nor acknowledgement, such as "{quote}".',
        ),
        N_('Soften orders: "Could you check the cable, please?" and acknowledge the answers.'),
    ),
    "intro_missing": (
        N_("Did not give the service and your name in your first words."),
        N_('"IT support, Sam speaking" tells the caller they reached the right place.'),
    ),
    "name_ok": (N_("Asked for the caller's name."), ""),
    "name_missing": (
        N_("Did not ask for the caller's name early."),
        N_("Ask the name early and use it: the call becomes personal."),
    ),
    "familiar_tu": (
        N_('Addressed the caller with "tu": "{quote}".'),
        N_('On a professional hotline, always use "vous".'),
    ),
    "polite_ok": (N_("Courteous wording (please, thank you)."), ""),
    "polite_missing": (
        N_("Few or no courtesy words (please, thank you)."),
        N_('A "please" and a "thank you" cost nothing and calm a tense call.'),
    ),
    "empathy_not_needed": (N_("The caller stayed calm; no frustration to acknowledge."), ""),
    "empathy_ok": (N_("Acknowledged the caller's frustration each time."), ""),
    "empathy_missed": (
        NP_(
            "{count} sign of frustration out of {total} went unacknowledged within two turns.",
            "{count} signs of frustration out of {total} went unacknowledged within two turns.",
        ),
        N_(
            'Acknowledge before solving: "I understand, it\'s annoying when you have work waiting."'
        ),
    ),
    "respect_ok": (N_("No blame, no condescension."), ""),
    "respect_lost": (
        N_("Respect: some wording blamed or talked down to the caller."),
        N_("Describe the problem, not the person's fault."),
    ),
    "blame": (
        N_('Blame or condescension: "{quote}".'),
        N_('Replace "you should have" with "next time, you can...".'),
    ),
    "calm_down": (
        N_('Told the caller to calm down: "{quote}".'),
        N_('"Calm down" inflames; acknowledge the feeling instead.'),
    ),
    "shouting": (
        N_('Written in capitals (shouting): "{quote}".'),
        N_("Keep a level voice, even with an angry caller."),
    ),
    "mail_address_ok": (N_("Addressed the user by name at the top of your first e-mail."), ""),
    "mail_address_missing": (
        N_("Your first e-mail does not address the user by name."),
        N_('Open with the user\'s name: "Hello Ms Martin," shows a person read their message.'),
    ),
    "mail_intro_ok": (N_("Said who is writing: the service and your name."), ""),
    "mail_intro_partial": (
        N_("Your first e-mail gives the service or your name, not both."),
        N_('Say who writes: "Sam, IT service desk", in the first lines or in the signature.'),
    ),
    "mail_intro_missing": (
        N_("Your first e-mail does not say who is writing."),
        N_('Say who writes: "Sam, IT service desk", in the first lines or in the signature.'),
    ),
    "paragraphs_ok": (N_("One question per paragraph: each is easy to answer."), ""),
    "paragraphs_crowded": (
        NP_(
            'A paragraph asks several questions at once: "{quote}".',
            '{count} paragraphs ask several questions at once, such as "{quote}".',
        ),
        N_(
            "Give each question its own paragraph: the user answers them one by one and none is "
            "forgotten."
        ),
    ),
    "mail_close_summarize_ok": (N_("Summed up the request before closing it."), ""),
    "mail_close_summarize_missing": (
        N_("No e-mail summed up the request before it was closed."),
        N_("In your last e-mail, sum up in one sentence: the request, what was done, what next."),
    ),
    "mail_close_offer_further_help_ok": (N_("Asked whether the user needed anything else."), ""),
    "mail_close_offer_further_help_missing": (
        N_("No e-mail asked whether the user needed anything else."),
        N_('Before closing the request: "Is there anything else I can do for you?"'),
    ),
    "profanity": (N_('Profanity: "{quote}".'), N_("Never swear on a call.")),
    "jargon_ok": (N_("Plain words the caller understands."), ""),
    "jargon": (
        N_("Technical terms without explanation for a non-technical caller: {terms}."),
        N_(
            'Say what the user sees ("the little screen icon"), or explain the term in a few words.'
        ),
    ),
    "jargon_lost": (
        NP_(
            "The caller said once that they did not follow your words: it counts as an "
            "unexplained term.",
            "The caller said {count} times that they did not follow your words: each counts as "
            "an unexplained term.",
        ),
        N_(
            "When the caller asks what a word means, it was jargon for them: say what they see "
            "or do instead."
        ),
    ),
    "jargon_unanswered": (
        NP_(
            "The caller asked what you meant ({terms}) and your next line went on without "
            "explaining: their question was left unanswered.",
            "{count} times the caller asked what you meant ({terms}) and your next line went on "
            "without explaining: their questions were left unanswered.",
        ),
        N_(
            "When the caller says they are lost, stop and explain in everyday words before the "
            'next step: "DHCP simply means the network gives your laptop its settings by itself."'
        ),
    ),
    "lost_caller_cap": (
        N_(
            "The caller could not follow you {count} times: a call the caller did not understand "
            "cannot have a good tone, capped at {cap}."
        ),
        N_(
            "With a novice, say what they see or do, not the technical name; if a term slips "
            "out, explain it at once."
        ),
    ),
    "explaining_none": (N_("No remote control or hold in this call."), ""),
    "explaining_ok": (N_("Asked and explained before remote control or holds."), ""),
    "explaining_missed": (
        N_("Took remote control or put on hold without asking or explaining why."),
        N_(
            'Say what you are about to do and why, and ask: "May I put you on hold for a '
            'minute while I check?"'
        ),
    ),
    "cause_explained_ok": (N_("Told the caller in plain words what was wrong."), ""),
    "cause_explained_jargon": (
        N_("Told the caller what was wrong, but in technical terms: {terms}."),
        N_('Say the cause as the caller sees it: "the little cable at the back had come loose".'),
    ),
    "cause_explained_missing": (
        N_("The caller was not told what was wrong."),
        N_(
            "Once it works, say in one plain sentence what the cause was: the caller trusts "
            "the fix and can avoid it next time."
        ),
    ),
    "closing_hung_up": (N_("No closing: the caller hung up."), ""),
    "close_summarize_ok": (N_("Summed up the call."), ""),
    "close_summarize_missing": (
        N_("No summary before closing."),
        N_("Sum up in one sentence: the problem, the cause, what was done."),
    ),
    "close_give_ticket_number_ok": (N_("Gave the ticket number."), ""),
    "ticket_number_wrong": (
        N_("Gave a wrong ticket number ({said}); this call's ticket is {number}."),
        N_("Read the number from the ticket itself: a wrong number sends the caller nowhere."),
    ),
    "close_give_ticket_number_missing": (
        N_("Did not give the ticket number."),
        N_("Give the ticket number: the caller can quote it if the problem comes back."),
    ),
    "close_offer_further_help_ok": (N_("Offered further help."), ""),
    "close_offer_further_help_missing": (
        N_("Did not ask whether there was anything else."),
        N_('Before hanging up: "Is there anything else I can do for you?"'),
    ),
    "close_goodbye_ok": (N_("Said goodbye."), ""),
    "close_goodbye_missing": (N_("No goodbye."), N_('End warmly: "Have a good day."')),
    "model_judgement": (
        N_(
            "A language model judged the tone {score}/100 ({criteria}); it counts for {weight}% "
            "beside the rule-based score: {delta} points."
        ),
        "",
    ),
    "model_judgement_void": (
        N_(
            "A language model judged the tone {score}/100 ({criteria}; not counted for lack "
            "of exact quotes: {void}); it counts for {weight}% beside the rule-based score: "
            "{delta} points."
        ),
        "",
    ),
    "model_judgement_all_void": (
        N_(
            "The language model's judgement of tone was not counted: none of its criteria "
            "quoted your words exactly."
        ),
        "",
    ),
    "model_judgement_unavailable": (
        N_(
            "The language model's judgement of tone was not available ({reason}): the rule-based "
            "tone score stands."
        ),
        "",
    ),
    # critical
    "credentials_to_other": (
        N_("Changed the account of {user} at the request of someone else."),
        N_(
            "Account changes are done only for the verified owner; report such requests to "
            "security."
        ),
    ),
    "change_before_identity": (
        N_("{op} before verifying the caller's identity."),
        N_("Verify identity first: employee id plus one more detail, checked in the directory."),
    ),
    "asked_password": (
        N_("Asked the caller for their password."),
        N_("Never ask for a password: support never needs it."),
    ),
    "security_not_escalated": (
        N_("Security incident closed without reporting it to the security team."),
        N_("Phishing, compromised accounts and social engineering go to security at once."),
    ),
    "data_destroyed": (
        N_('Destroyed the user\'s data on your own instruction: "{action}".'),
        N_("Never delete what belongs to the user: free space elsewhere, or ask them to choose."),
    ),
}
