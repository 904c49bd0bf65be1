"""The words of every finding: what happened, and a tip for next time.

English message ids marked `N_`; their French is in translations/ like the interface's. Grading
receives the translations and the catalog's intent meanings (a `Wording`): it reads no file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from gettext import NullTranslations

from babel.numbers import format_decimal

from grading.model import Finding
from simulator.scenario import Scenario, Text
from simulator.translation import N_, NC_, gettext, ngettext
from simulator.vocabulary import CATEGORY_LABELS, TEAM_LABELS


@dataclass(frozen=True)
class Plural:
    """A message with a singular and a plural form, chosen by the finding's `count`."""

    singular: str
    plural: str


def NP_(singular: str, plural: str) -> Plural:  # noqa: N802  (gettext-style marker)
    """Mark a message with its plural form for extraction (keyword NP_:1,2)."""
    return Plural(singular, plural)


OPERATIONS = {
    "reset_password": NC_("operation", "Password reset"),
    "unlock": NC_("operation", "Account unlocked"),
    "reset_mfa": NC_("operation", "MFA reset"),
}

# key: (English message, English tip); their French is in translations/ (gettext)
TEXTS: dict[str, tuple[str | Plural, str]] = {
    # diagnosis
    "coverage_none": (N_("No essential check in this scenario."), ""),
    "coverage_all": (N_("All essential checks done before acting: {checks}."), ""),
    "coverage_missing": (
        NP_(
            "{count} of {total} essential checks done before the fix or hand-over; missing: "
            "{missing}.",
            "{count} of {total} essential checks done before the fix or hand-over; missing: "
            "{missing}.",
        ),
        N_("Rule out the simplest causes before acting: they are the most frequent."),
    ),
    "order_good": (N_("Checks in a sensible order: simple ones first."), ""),
    "no_diagnosis": (
        N_("No question asked, no check made: there was no diagnosis."),
        N_("Ask what happens and check the simplest causes before acting or closing."),
    ),
    "no_essential_check": (
        N_(
            "None of the essential checks came before the fix or hand-over: diagnosis capped "
            "at {cap}."
        ),
        N_("Rule out the simplest causes before acting: they are the most frequent."),
    ),
    "not_charged": (
        N_(
            '"{action}" was applied after a line the simulator understood only with low '
            "confidence: it is not charged to you."
        ),
        "",
    ),
    "order_mixed": (
        N_("Some involved checks came before simple ones."),
        N_("Ask and observe first, then simple checks by the caller, then remote commands."),
    ),
    "order_few": (N_("Too few checks of different difficulty to judge their order."), ""),
    "order_rule": (N_("Order: {rule_message}"), ""),
    "drastic_none": (N_("No drastic action (reset, reinstall, reimage)."), ""),
    "drastic_first": (
        N_('Drastic action "{action}" while simple checks were still undone ({undone}). {why}'),
        N_(
            "Reinstalling or resetting is the last resort: it costs time and can hide the "
            "real cause."
        ),
    ),
    "drastic_late": (
        N_('Drastic action "{action}", unnecessary here. {why}'),
        N_("When the simple checks point to the cause, fix the cause rather than reinstalling."),
    ),
    "harmful": (
        N_('Harmful action "{action}": level 1 must not do this here. {why}'),
        N_(
            "Never delete, open or change what belongs to someone without need, consent and checks."
        ),
    ),
    "repetition_none": (N_("The caller never had to repeat themselves."), ""),
    "repetition": (
        NP_(
            "Asked once for something the caller had already told you.",
            "Asked {count} times for things the caller had already told you.",
        ),
        N_(
            "Note what the caller says in the ticket as you go: the customer should never "
            "have to repeat."
        ),
    ),
    "scoping_early": (N_("Asked early whether others are affected."), ""),
    "scoping_late": (
        N_("Asked whether others are affected, but late."),
        N_(
            'Ask "only you, or colleagues too?" in the first exchanges: the answer changes '
            "the whole diagnosis."
        ),
    ),
    "scoping_missing": (
        N_("Never asked whether colleagues are affected too."),
        N_('Ask "only you, or colleagues too?" early: a shared fault is handled differently.'),
    ),
    # resolution
    "hung_up": (
        N_("The caller hung up: the call is not resolved."),
        N_("Watch the caller's patience: acknowledge frustration and show progress."),
    ),
    "fixed": (N_("The fault is fixed."), ""),
    "fixed_blind": (
        N_("The fault is fixed, but without a single question: found by chance, half the credit."),
        N_("Ask and check first: a fix you cannot explain may not last."),
    ),
    "not_fixed": (
        N_("The fault is still there at the end of the call."),
        N_("Find the cause with the checks, then apply the fix it calls for."),
    ),
    "verified": (N_("You had the caller confirm that it works."), ""),
    "not_verified": (
        N_("The fix was not confirmed with the caller."),
        N_('Always have the user try again ("can you print a test page now?") before closing.'),
    ),
    "handed_over": (N_("Handed over to the right team ({team})."), ""),
    "not_handed_over": (
        N_("This fault is beyond level 1 and was not handed over to {team}."),
        N_("Recognise what level 1 cannot fix and hand it over quickly with a complete note."),
    ),
    "handed_over_unchecked": (
        N_("Handed over to {team} without any of the checks they expect first: half the credit."),
        N_("Do the basic checks first: level 2 may find it was only the plug."),
    ),
    "follow_up_hollow": (
        N_("The caller was told what happens next, but the ticket went to a team that cannot act."),
        N_("Promise a call-back only from the team that will actually handle the ticket."),
    ),
    "follow_up": (N_("The caller knows what happens next: ticket number and follow-up."), ""),
    "follow_up_partial": (
        N_(
            "The caller was told only part of what happens next (ticket number or who calls "
            "back, when)."
        ),
        N_("Give both: the ticket number, and who will call back and when."),
    ),
    "follow_up_missing": (
        N_("The caller was not told what happens next."),
        N_("Give the ticket number and say who will call back and when."),
    ),
    "category_right": (N_("Ticket category right ({category})."), ""),
    "category_wrong": (
        N_("Ticket category: {category}; expected: {expected_category}."),
        N_("The category routes the ticket and feeds the statistics: choose it with care."),
    ),
    "category_missing": (
        N_("The ticket has no category (expected: {expected_category})."),
        N_("Fill the ticket during the call: category, summary, root cause, resolution."),
    ),
    "note_good": (N_("The ticket names the cause and the fix ({keywords})."), ""),
    "note_vague": (
        N_("The ticket's notes do not name the root cause or what fixed it."),
        N_("Write the cause and the action in plain words, so the next agent can reuse them."),
    ),
    "note_missing": (
        N_("The ticket has no root cause or resolution note."),
        N_("Write the cause and the action taken before closing."),
    ),
    "note_contradicts": (
        N_("The ticket names a {named} cable where the cause was a {truth} cable."),
        N_("Write the cause exactly as found: the next agent will act on it."),
    ),
    # escalation
    "kept_unfixed": (
        N_("Not fixed and not handed over: no credit for keeping the call at level 1."),
        N_("Fix it, or hand it over with a note when level 1 cannot."),
    ),
    "kept_level1": (N_("Kept at level 1, rightly: this fault is fixable without level 2."), ""),
    "unnecessary": (
        N_("Escalated to {team} a fault level 1 can fix: level 2's time is not free."),
        N_("Escalate only what level 1 cannot fix; check the knowledge base first."),
    ),
    "unnecessary_fixed": (
        N_("Escalated although the fault was fixed at level 1."),
        N_("Once fixed and confirmed, close the ticket yourself."),
    ),
    "not_escalated": (
        N_("Should have been escalated to {team}; it was not."),
        N_("Check the escalation matrix in the knowledge base."),
    ),
    "team_right": (N_("Escalated to the right team ({team})."), ""),
    "team_wrong": (
        N_("Escalated to {team}; the right team is {expected}."),
        N_("Check the escalation matrix: the wrong team loses hours bouncing the ticket back."),
    ),
    "too_early": (
        N_("Escalated before the basic checks: {missing}."),
        N_("Do the basic checks first so that level 2 does not have to redo them."),
    ),
    "too_late": (
        N_("Escalated late, after {turns} turns going nowhere."),
        N_("Once the checks point beyond level 1, hand over at once."),
    ),
    "timely": (N_("Escalated at the right time, after the expected checks."), ""),
    "note_free": (N_("Hand-over note given."), ""),
    "note_complete": (N_("The hand-over note has what level 2 needs: {items}."), ""),
    "note_incomplete": (
        N_("The hand-over note lacks: {missing}."),
        N_(
            "A good note lets level 2 act without calling the user again: error, scope, steps "
            "tried, ids."
        ),
    ),
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
    "profanity": (N_('Profanity: "{quote}".'), N_("Never swear on a call.")),
    "jargon_ok": (N_("Plain words the caller understands."), ""),
    "jargon": (
        N_("Technical terms without explanation for a non-technical caller: {terms}."),
        N_(
            'Say what the user sees ("the little screen icon"), or explain the term in a few words.'
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


CRITERION_NAMES = {
    "courtesy": NC_("finding", "courtesy"),
    "empathy": NC_("finding", "empathy"),
    "clarity": NC_("finding", "clarity"),
    "professionalism": NC_("finding", "professionalism"),
}
JUDGE_FAILURES = {
    "timeout": NC_("finding", "no answer in time"),
    "connection": NC_("finding", "the model's server could not be reached"),
    "rate_limited": NC_("finding", "too many requests to the model"),
    "http_error": NC_("finding", "error on the model's server"),
}
UNUSABLE_ANSWER = NC_("finding", "unusable answer")
DIRECTORY_LOOKUP = NC_("finding", "directory lookup")
DIRECTORY_OPERATION = NC_("finding", "directory: {operation}")


@dataclass(frozen=True)
class Wording:
    """The words of one call's findings: its locale, the translations, the catalog's intent
    meanings."""

    locale: str = "en"
    translations: Mapping[str, NullTranslations] = field(
        default_factory=lambda: {"en": NullTranslations()}
    )
    meanings: Mapping[str, Text] = field(default_factory=dict)

    def __call__(self, message: str | tuple[str, str]) -> str:
        """`message` (or a (context, message) pair) in this call's locale."""
        return gettext(self.translations, self.locale, message)

    def n(self, message: Plural, count: int) -> str:
        """The singular or plural form of `message` for `count`, in this call's locale."""
        return ngettext(self.translations, self.locale, message.singular, message.plural, count)

    def label(self, labels: Mapping[str, str], key: str) -> str:
        """The translated name of a fixed id, lower case for use inside a sentence (else the id)."""
        return self(labels[key]).lower() if key in labels else key


def team_names(teams: str | list[str], words: Wording) -> str:
    """Readable team names ("network" → "network team" / "équipe réseau")."""
    ids = teams if isinstance(teams, list) else [t.strip() for t in teams.split(",")]
    return ", ".join(words.label(TEAM_LABELS, t) for t in ids)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def finding(
    skill: str,
    rule: str,
    points: int,
    maximum: int,
    turn: int,
    words: Wording,
    key: str,
    **values: object,
) -> Finding:
    """A finding whose message and tip come from `key`, in the call's locale."""
    text, tip_text = TEXTS[key]
    count = int(str(values.get("count", 1)))
    message = words.n(text, count) if isinstance(text, Plural) else words(text)
    tip = words(tip_text)
    if "op" in values and str(values["op"]) in OPERATIONS:
        values["op"] = words(OPERATIONS[str(values["op"])])
    for name, value in values.items():
        if isinstance(value, float):
            values[name] = format_decimal(value, locale=words.locale)
    for name in ("team", "expected"):
        if name in values and str(values[name]).split(",")[0].strip() in TEAM_LABELS:
            values[name] = team_names(str(values[name]), words)
    for name in ("category", "expected_category"):
        if name in values and str(values[name]) in CATEGORY_LABELS:
            values[name] = words.label(CATEGORY_LABELS, str(values[name]))
    message = message.format_map(_Blank({k: str(v) for k, v in values.items()})).strip()
    message = message[:1].upper() + message[1:]
    return Finding(
        skill=skill,
        rule=rule,
        points=int(points),
        max=int(maximum),
        turn=int(turn),
        message=" ".join(message.split()),
        tip=tip,
    )


def names(scenario: Scenario, ids: list[str], words: Wording) -> str:
    """Readable names of probes/actions: their intent's meaning, the command, or the tool."""
    out = []
    for ident in ids:
        item = scenario.probe(ident) or scenario.action(ident)
        label = ident
        if item and item.intent:
            local = scenario.intents.get(item.intent)
            meaning = local.meaning if local else words.meanings.get(item.intent)
            label = meaning.get(words.locale).lower() if meaning else ident
        elif item and item.remote:
            label = f"`{item.remote}`"
        elif item and item.directory:
            label = (
                words(DIRECTORY_LOOKUP)
                if item.directory == "lookup"
                else words(DIRECTORY_OPERATION).format(operation=item.directory)
            )
        out.append(label)
    return ", ".join(out)
