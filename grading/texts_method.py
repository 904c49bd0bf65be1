"""The words of the method findings (diagnosis, resolution, escalation): message and tip.

English message ids marked `N_` / `NP_`; their French is in translations/ (gettext).
"""

from __future__ import annotations

from grading.plural import NP_, Plural
from simulator.translation import N_

METHOD_TEXTS: dict[str, tuple[str | Plural, str]] = {
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
    "drastic_first_cap": (
        N_(
            "A drastic step came before the simple checks: the diagnosis started from the wrong "
            "end, capped at {cap}."
        ),
        N_(
            "Find the cause before you act: a reset, a reinstall or a deletion is the last step "
            "of a diagnosis, never the first."
        ),
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
    "too_late_wasted": (
        NP_(
            "Escalated late: after the checks that pointed to level 2, {count} step that could "
            "not help ({steps}).",
            "Escalated late: after the checks that pointed to level 2, {count} steps that could "
            "not help ({steps}).",
        ),
        N_(
            "Once the answers show the fault is beyond this user's device (everyone affected, a "
            "server named in the error), hand over at once: steps on the PC change nothing."
        ),
    ),
    "urgent_late_cap": (
        N_(
            "An urgent incident handed over late: every affected user waited for steps that "
            "could not help, so the escalation is capped at {cap}."
        ),
        N_(
            "For an urgent incident, the hand-over is the fix you can give: do it as soon as the "
            "checks level 2 needs are done."
        ),
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
    # serious mistakes (grading/serious.py): a share of the overall score, not of the skill
    "serious_mistake": (
        NP_(
            "A serious mistake in this skill: {count} point off the overall score, besides "
            "the skill's share.",
            "A serious mistake in this skill: {count} points off the overall score, besides "
            "the skill's share.",
        ),
        N_(
            "A team lead judges a call by its worst mistake: good work elsewhere does not make "
            "up for it."
        ),
    ),
    "serious_below_half": (
        NP_(
            "Less than half the points in this skill: a serious shortfall, {count} point off "
            "the overall score.",
            "Less than half the points in this skill: a serious shortfall, {count} points off "
            "the overall score.",
        ),
        N_("Work on this skill first: it weighs on the whole call."),
    ),
    "serious_no_ticket": (
        NP_(
            "No ticket written: the call leaves no record, a serious mistake ({count} point off "
            "the overall score).",
            "No ticket written: the call leaves no record, a serious mistake ({count} points off "
            "the overall score).",
        ),
        N_(
            "Fill the ticket during the call: category, cause and fix. It is the only record "
            "the next technician has."
        ),
    ),
    "serious_unverified": (
        NP_(
            "The fix was never confirmed with the caller: a fault you have not seen working is "
            "not resolved, a serious mistake ({count} point off the overall score).",
            "The fix was never confirmed with the caller: a fault you have not seen working is "
            "not resolved, a serious mistake ({count} points off the overall score).",
        ),
        N_(
            "Before you close, ask the caller to try what failed (save the file, sign in, open "
            "the page) and wait for their answer."
        ),
    ),
    "failed_skill": (
        N_(
            "{skill_name} at {score}/100, below {fail}: with one skill failed, the call is "
            "capped at {cap}, however good the rest."
        ),
        N_(
            "A team lead rates the call the caller lived: a fault fixed in a curt or careless "
            "way is still a poor call. Bring this skill up first."
        ),
    ),
}
