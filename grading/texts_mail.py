"""The words of a finding shared by phone and e-mail contacts, as an e-mail contact reads them.

The phone texts (texts_method.py, texts_tone.py) speak of "the caller", "the call", a hang-up.
An e-mail contact's debrief says "the user", "the exchange", "the reply", "stopped answering":
`grading.messages.finding` takes the variant here, under the same key, when the call's channel
is "email" (the rule, the points and the turn are the same; only the words change). A key
without a variant reads the same on both channels, in English and in French.
"""

from __future__ import annotations

from grading.plural import NP_, Plural
from simulator.translation import N_, Message

MAIL_TEXTS: dict[str, tuple[Message | Plural, Message]] = {
    # diagnosis
    "order_mixed": (
        N_("Some involved checks came before simple ones."),
        N_("Ask and observe first, then simple checks by the user, then remote commands."),
    ),
    "repetition_none": (N_("The user never had to repeat themselves."), ""),
    "repetition": (
        NP_(
            "Asked once for something the user had already told you.",
            "Asked {count} times for things the user had already told you.",
        ),
        N_(
            "Note what the user writes in the ticket as you go: the customer should never have "
            "to repeat."
        ),
    ),
    # resolution
    "hung_up": (
        N_("The user stopped answering: the request is not resolved."),
        N_("Watch the user's patience: acknowledge frustration and show progress in each reply."),
    ),
    "not_fixed": (
        N_("The fault is still there at the end of the exchange."),
        N_("Find the cause with the checks, then apply the fix it needs."),
    ),
    "verified": (N_("You had the user confirm that it works."), ""),
    "not_verified": (
        N_("The fix was not confirmed with the user."),
        N_('Always have the user try again ("can you print a test page now?") before closing.'),
    ),
    "follow_up_hollow": (
        N_("The user was told what happens next, but the ticket went to a team that cannot act."),
        N_("Promise a follow-up only from the team that will actually handle the ticket."),
    ),
    "follow_up": (N_("The user knows what happens next: ticket number and follow-up."), ""),
    "follow_up_partial": (
        N_(
            "The user was told only part of what happens next (ticket number or who gets back "
            "to them, when)."
        ),
        N_("Give both: the ticket number, and who will get back to the user and when."),
    ),
    "follow_up_missing": (
        N_("The user was not told what happens next."),
        N_("Give the ticket number and say who will get back to the user and when."),
    ),
    "ticket_number_wrong": (
        N_("Gave a wrong ticket number ({said}); this request's ticket is {number}."),
        N_("Read the number from the ticket itself: a wrong number sends the user nowhere."),
    ),
    "category_missing": (
        N_("The ticket has no category (expected: {expected_category})."),
        N_("Fill the ticket as the exchange goes: category, summary, root cause, resolution."),
    ),
    # escalation
    "kept_unfixed": (
        N_("Not fixed and not handed over: no credit for keeping the request at level 1."),
        N_("Fix it, or hand it over with a note when level 1 cannot."),
    ),
    "note_incomplete": (
        N_("The hand-over note lacks: {missing}."),
        N_(
            "A good note lets level 2 act without contacting the user again: error, scope, steps "
            "tried, ids."
        ),
    ),
    # serious mistakes and failed skills
    "serious_mistake": (
        NP_(
            "A serious mistake in this skill: {count} point off the overall score, besides "
            "the skill's share.",
            "A serious mistake in this skill: {count} points off the overall score, besides "
            "the skill's share.",
        ),
        N_(
            "A team lead judges a contact by its worst mistake: good work elsewhere does not "
            "make up for it."
        ),
    ),
    "serious_below_half": (
        NP_(
            "Less than half the points in this skill: a serious shortfall, {count} point off "
            "the overall score.",
            "Less than half the points in this skill: a serious shortfall, {count} points off "
            "the overall score.",
        ),
        N_("Work on this skill first: it weighs on the whole exchange."),
    ),
    "serious_no_ticket": (
        NP_(
            "No ticket written: the exchange leaves no record, a serious mistake ({count} point "
            "off the overall score).",
            "No ticket written: the exchange leaves no record, a serious mistake ({count} points "
            "off the overall score).",
        ),
        N_(
            "Fill the ticket as the exchange goes: category, cause and fix. It is the only record "
            "the next technician has."
        ),
    ),
    "serious_unverified": (
        NP_(
            "The fix was never confirmed with the user: a fault you have not seen working is "
            "not resolved, a serious mistake ({count} point off the overall score).",
            "The fix was never confirmed with the user: a fault you have not seen working is "
            "not resolved, a serious mistake ({count} points off the overall score).",
        ),
        N_(
            "Before you close, ask the user to try what failed (save the file, sign in, open "
            "the page) and wait for their reply."
        ),
    ),
    "failed_skill": (
        N_(
            "{skill_name} at {score}/100, below {fail}: with one skill failed, the contact is "
            "capped at {cap}, however good the rest."
        ),
        N_(
            "A team lead rates the exchange the user lived: a request handled in a curt or "
            "careless way is still poorly handled. Bring this skill up first."
        ),
    ),
    # tone
    "silent": (
        N_("Not a single e-mail to the user: nothing to judge of tone but its absence."),
        N_(
            "Answer the user in writing: acknowledge their message, explain, and close the request."
        ),
    ),
    "curt": (
        NP_(
            'A curt reply, with no courtesy nor acknowledgement: "{quote}".',
            '{count} curt replies, with no courtesy nor acknowledgement, such as "{quote}".',
        ),
        N_('Soften orders: "Could you check the cable, please?" and acknowledge the answers.'),
    ),
    "familiar_tu": (
        N_('Addressed the user with "tu": "{quote}".'),
        N_('In a professional e-mail, always address the user as "vous".'),
    ),
    "polite_missing": (
        N_("Few or no courtesy words (please, thank you)."),
        N_('A "please" and a "thank you" cost nothing and calm a tense exchange.'),
    ),
    "empathy_not_needed": (N_("The user stayed calm; no frustration to acknowledge."), ""),
    "empathy_ok": (N_("Acknowledged the user's frustration each time."), ""),
    "empathy_missed": (
        NP_(
            "{count} sign of frustration out of {total} went unacknowledged in your next two "
            "replies.",
            "{count} signs of frustration out of {total} went unacknowledged in your next two "
            "replies.",
        ),
        N_(
            'Acknowledge before solving: "I understand, it\'s annoying when you have work waiting."'
        ),
    ),
    "respect_lost": (
        N_("Respect: some wording blamed or talked down to the user."),
        N_("Describe the problem, not the person's fault."),
    ),
    "calm_down": (
        N_('Told the user to calm down: "{quote}".'),
        N_('"Calm down" inflames; acknowledge the feeling instead.'),
    ),
    "shouting": (
        N_('Written in capitals (shouting): "{quote}".'),
        N_("Capitals read as shouting: write in normal case, even to an angry user."),
    ),
    "profanity": (N_('Profanity: "{quote}".'), N_("Never swear in writing to a user.")),
    "jargon_ok": (N_("Plain words the user understands."), ""),
    "jargon": (
        N_("Technical terms without explanation for a non-technical user: {terms}."),
        N_(
            'Say what the user sees ("the little screen icon"), or explain the term in a few words.'
        ),
    ),
    "jargon_lost": (
        NP_(
            "The user wrote once that they did not follow your words: it counts as an "
            "unexplained term.",
            "The user wrote {count} times that they did not follow your words: each counts as "
            "an unexplained term.",
        ),
        N_(
            "When the user asks what a word means, it was jargon for them: say what they see "
            "or do instead."
        ),
    ),
    "jargon_unanswered": (
        NP_(
            "The user asked what you meant ({terms}) and your next e-mail went on without "
            "explaining: their question was left unanswered.",
            "{count} times the user asked what you meant ({terms}) and your next e-mail went on "
            "without explaining: their questions were left unanswered.",
        ),
        N_(
            "When the user says they are lost, stop and explain in everyday words before the "
            'next step: "DHCP simply means the network gives your laptop its settings by itself."'
        ),
    ),
    "lost_caller_cap": (
        N_(
            "The user could not follow you {count} times: an exchange the user did not "
            "understand cannot have a good tone, capped at {cap}."
        ),
        N_(
            "With a novice, say what they see or do, not the technical name; if a term slips "
            "out, explain it at once."
        ),
    ),
    "explaining_missed": (
        N_("Took remote control or put on hold without asking or explaining why."),
        N_(
            'Say what you are about to do and why, and ask first: "May I connect to your '
            'computer to check the settings?"'
        ),
    ),
    "cause_explained_ok": (N_("Told the user in plain words what was wrong."), ""),
    "cause_explained_jargon": (
        N_("Told the user what was wrong, but in technical terms: {terms}."),
        N_('Say the cause as the user sees it: "the little cable at the back had come loose".'),
    ),
    "cause_explained_missing": (
        N_("The user was not told what was wrong."),
        N_(
            "Once it works, say in one plain sentence what the cause was: the user trusts the "
            "fix and can avoid it next time."
        ),
    ),
    # critical
    "change_before_identity": (
        N_("{op} before verifying the user's identity."),
        N_("Verify identity first: employee id plus one more detail, checked in the directory."),
    ),
    "asked_password": (
        N_("Asked the user for their password."),
        N_("Never ask for a password: support never needs it."),
    ),
}
