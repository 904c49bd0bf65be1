"""What the caller says back: every intent of a line answered from the hidden state, in order.

`handle_say` turns a trainee utterance into intents (read in the dialogue's context,
`simulator/dialogue.py`) and answers each of them; a drastic step the caller asked about on the
previous step is done only on a clear yes (`simulator/confirming.py`). The caller's words are
gathered by `Reply` (`simulator/reply.py`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from simulator import tone_signals as tone
from simulator.acts import STATING
from simulator.builtin_intents import BUILTIN, asks_for_password
from simulator.call import Call, Pending
from simulator.clauses import Clause, analyse, sentences
from simulator.confirming import read_answer
from simulator.cues import hands_over, wishes_well
from simulator.dialogue import read_in_context, take_pending
from simulator.echo import SUMMARY, caller_lines, concluded, echoed_sentences
from simulator.folding import fold
from simulator.hearing import Hearing, clause_records, hear_clauses
from simulator.reply import Reply
from simulator.understand import Match, Understanding

__all__ = ["Reply", "claims_done", "handle_say"]


def _tone(call: Call, text: str, reply: Reply) -> None:
    """How the line was said moves the caller: blame, shouting, profanity, « tu », jargon."""
    signals = tone.signals(text, call.locale)
    if signals.blame or signals.calm_down:
        reply.effect("blame")
        reply.line("blamed", frustrated=True)
    if signals.shouting:
        reply.effect("shouting")
    if signals.profanity:
        reply.effect("profanity")
    if signals.familiar_tu:
        reply.effect("familiar_tu")
    lost = call.persona.spec.jargon_sensitivity >= 1 or call.scenario.caller.tech_level == "low"
    if signals.jargon and lost:
        reply.effect("jargon")
        reply.line("jargon_confused", term=signals.jargon[0])


def handle_say(
    hearing: Hearing,
    call: Call,
    text: str,
    reply: Reply,
    understanding: Understanding | None = None,
) -> bool:
    """Understand what the trainee said and answer every intent in it; True if it was progress."""
    _tone(call, text, reply)
    pending = take_pending(call)
    progress, done, answered = False, None, False
    if pending is not None:
        answer = read_answer(text, call.locale)
        if answer.answer != "other":
            progress = _answered(call, pending, answer.answer, reply)
            if not answer.rest.strip():
                return progress
            done = pending.intent if answer.answer == "yes" else None
            answered = True
            text, understanding, pending = answer.rest, None, None
    understanding = understanding or hearing.matcher(call.scenario, call.locale).understand(text)
    understanding = read_in_context(hearing, call, text, understanding)
    if not understanding.understood and answered:
        return progress  # "yes, go ahead please, all of it": the answer said it all
    if not understanding.understood and not _advises(text, call.locale):
        guess = understanding.best_guess
        call.emit(
            "unrecognized",
            text=text,
            best_guess={"intent": guess.intent, "score": guess.score} if guess else None,
            clauses=clause_records(hearing, call, text, []),
        )
        _dropped(call, pending, reply)
        reply.effect("unrecognized")
        reply.line("unrecognized")
        return progress
    if done:  # "yes, go ahead and delete them": the step just confirmed is not asked again
        kept = tuple(m for m in understanding.matches if m.intent != done)
        understanding = Understanding(kept, understanding.best_guess)
        if not kept:
            return progress
    return _answer_all(hearing, call, text, understanding, reply, pending) or progress


def _answered(call: Call, pending: Pending, answer: str, reply: Reply) -> bool:
    """The trainee's yes, no or unclear answer to "Everything in Documents?"."""
    call.emit("confirmation_answered", action=pending.action, answer=answer)
    if answer == "yes":
        action = call.scenario.action(pending.action)
        return bool(action) and reply.action([action], via="say", confirmed=pending.turn)[1]
    if answer == "no":
        reply.line("confirm_declined")
    else:  # not a clear yes: the caller does nothing and asks again
        call.pending = replace(pending, turn=call.turn)
        reply.line("confirm_unclear")
    return False


def _advises(text: str, locale: str) -> bool:
    """Whether a line gives a tip for later (« pensez à taper votre mot de passe de temps en
    temps »): heard as such even when it names nothing the matcher knows."""
    return any(c.act == "advice" and not c.negated for c in analyse(text, locale))


def _dropped(call: Call, pending: Pending | None, reply: Reply) -> None:
    """The trainee moved on without answering: the caller leaves the drastic step undone."""
    if pending is not None:
        call.emit("confirmation_answered", action=pending.action, answer="other")
        reply.line("confirm_dropped", first=True)


def _answer_all(
    hearing: Hearing,
    call: Call,
    text: str,
    understanding: Understanding,
    reply: Reply,
    pending: Pending | None,
) -> bool:
    """Answer each intent heard in the line, in order; True if any of it was progress."""
    matches = _narrated(hearing, call, list(understanding.matches))
    matches = [
        m for m in matches if m.intent != "ask_password" or asks_for_password(m.clause, text)
    ]
    heard = _asked_about_its_state(hearing, call, hear_clauses(hearing, call, text, matches))
    readings = [_reading(hearing, call, m, clause) for m, clause in heard]
    heard, readings = _implied(hearing, call, text, heard, readings)
    heard, readings = _said_back(hearing, call, text, heard, readings)
    heard, readings = _handover_note(hearing, call, text, heard, readings)
    heard, readings = _report_frame(hearing, call, text, heard, readings)
    heard, readings = _cause_told(heard, readings)
    heard, readings = _concluded(call, text, heard, readings)
    heard, readings = _back_from_hold(call, text, heard, readings)
    call.emit(
        "intent_matched",
        intents=[
            {"intent": m.intent, "score": m.score, "clause": m.clause, "act": c.act, **flags}
            for (m, c), flags in zip(heard, readings, strict=True)
        ],
        clauses=clause_records(hearing, call, text, heard),
    )
    if not heard:  # "teams back?" with no hold: all it seemed to say was set aside, so it is
        reply.effect("unrecognized")  # asked again, not met with silence
        reply.line("unrecognized")
        return False
    matches = [m for (m, _), flags in zip(heard, readings, strict=True) if not flags]
    advised = {  # a tip for later: the caller takes it on board rather than waiting for a step
        id(m)
        for (m, c), flags in zip(heard, readings, strict=True)
        if not flags and m.intent == PLAN_TOLD and c.act == "advice"
    }
    restated = [m for (m, _), flags in zip(heard, readings, strict=True) if "restated" in flags]
    held = [
        (m, flags)
        for (m, _), flags in zip(heard, readings, strict=True)
        if flags and "restated" not in flags
    ]
    asked_again = pending is not None and any(m.intent == pending.intent for m in matches)
    if not asked_again:
        _dropped(call, pending, reply)
    if restated and not any(m.intent == "summarize" for m in matches):
        # active listening: the caller confirms what they said, without answering it again
        reply.effect("summarize")
        reply.line("summary_ack")
    if held and not matches:
        _held_back(call, held, reply)
    progress = False
    closing = any(m.intent == "goodbye" for m in matches)
    bound = call.scenario.bound_intents()
    missed = _question_missed(hearing, call, text, [m for m, _ in heard])
    watched = (
        {  # "I'm emptying your bin now" in a remote session: the caller watches it happen
            m.intent
            for (m, c), flags in zip(heard, readings, strict=True)
            if not flags and c.act in ("narrate", "announce", "claim")
        }
        if call.state["remote.session"]
        else set()
    )
    for at, match in enumerate(matches):
        call.said_intents.append(match.intent)
        asks_on = missed or any(m.intent in bound for m in matches[at + 1 :])
        if match.intent == "thank" and (closing or asks_on):
            # "Thank you for your understanding, goodbye": the caller answers the goodbye; a thanks
            # line of its own ("You're welcome. Can we keep going?") would pull the call back open.
            # "Thanks. And is the cable in?": the thanks leads into the question; the caller
            # answers the question, as a person would, without a "You're welcome" first.
            reply.effect("thank")
            continue
        if match.intent in COURTESY and any(m.intent not in (*COURTESY, "thank") for m in matches):
            # "sorry about that, is it only your machine?": the caller answers the question; the
            # apology is heard (mood, tone) without a "no problem" of its own
            reply.effect(match.intent)
            continue
        if pending is not None and match.intent == pending.intent:
            # asked again after "Everything in Documents?": a person hears that as a yes
            progress = _answered(call, pending, "yes", reply) or progress
            pending = None
            continue
        if id(match) in advised:
            reply.effect(PLAN_TOLD)
            reply.line("advice_taken")
            continue
        seen = match.intent in watched
        progress = _handle_intent(hearing, call, match.intent, reply, seen) or progress
    if missed:
        reply.line("unrecognized")  # every part answered: the one not understood is asked again
    return progress


def _question_missed(hearing: Hearing, call: Call, text: str, heard: list[Match]) -> bool:
    """Whether a question of the line went unheard while the rest was understood ("Thank you.
    And did you manage to log on to the laptop itself?"). A question whose intent was heard on
    another sentence of the line (« donc le disque est plein. vous pouvez me dire l'espace
    libre ? ») was heard."""
    asked = [s for s in sentences(text) if s.rstrip().endswith("?") and len(s.split()) >= 3]
    intents = {m.intent for m in heard}
    matcher = hearing.matcher(call.scenario, call.locale)
    return any(
        not any(m.clause in s or s in m.clause for m in heard)
        and not set(matcher.understand(s).intents) & intents
        for s in asked
    )


def _held_back(call: Call, held: list, reply: Reply) -> None:
    """Saying it was done does not do it. An action the trainee's own tools perform (remote
    console, account directory) is acknowledged; one only the caller could have done puzzles the
    caller."""
    claimed = [m for m, flags in held if "claimed" in flags]
    done = {a.intent for a in call.scenario.actions if _applied(call, a.id)}
    if claimed and all(m.intent in done for m in claimed):
        reply.line("summary_ack")  # "great, that was airplane mode": what was done, said back
        return
    probes = {p.intent for p in call.scenario.probes}
    on_caller_side = any(m.intent in probes for m in claimed) or any(
        not (a.remote or a.directory)
        for m in claimed
        for a in call.scenario.actions
        if a.intent == m.intent
    )
    reply.line("claimed_done" if on_caller_side else "next_step_ack")


def _applied(call: Call, action_id: str) -> bool:
    """Whether the action was applied (done and changing the world) at some point of the call."""
    return any(
        e["kind"] == "action_applied" and e["data"]["action"] == action_id and e["data"]["applied"]
        for e in call.events
    )


def _done_on_the_remote_desktop(hearing: Hearing, call: Call, intent: str) -> bool:
    """Whether the trainee performs this action themselves in a remote session: there, "I've set it
    to automatic" or « je vide votre corbeille » narrates what they are doing on the caller's
    screen, and counts."""
    actions = [a for a in call.scenario.actions if a.intent == intent]
    spec = call.scenario.intents.get(intent) or hearing.catalog.intents.get(intent)
    on_screen = spec is not None and spec.on_screen
    return bool(actions) and (on_screen or all("remote_session" in a.requires for a in actions))


def claims_done(clause: str, locale: str) -> bool:
    """Whether a clause reports an action as done by the speaker rather than asking for it."""
    return any(c.act == "claim" for c in analyse(clause, locale))


ASKING = ("ask_", "verify_identity")  # conversation intents that ask the caller for something
# the flags that set a heard intent aside: heard, but neither answered nor done
SET_ASIDE = ("negated", "claimed", "withheld", "restated", "stated")
TELLING = ("explain_", "give_", "summarize", "reassure")  # intents that are statements themselves
COURTESY = ("apologize", "empathize", "reassure")  # heard as a mood, answered by what they lead to


STATE_SHARE = 0.6  # how close a check must come to the action a question names to be asked
# the words a thing's state is asked with: "is caps lock off?", « le verr maj il est éteint ? »
_STATE = re.compile(
    r"\b(?:is|are|isn t|aren t|s|est|sont)\b(?: \w+){0,6} (?:on|off|enabled|disabled|activated"
    r"|active|switched (?:on|off)|turned (?:on|off)|lit|allume|allumee|eteint|eteinte|active"
    r"|activee|desactive|desactivee|actif|coupe|coupee)\b"
)


def _asked_about_its_state(hearing: Hearing, call: Call, heard: list) -> list:
    """ "is caps lock off when you type it btw?": a question on a thing's state (on, off,
    « éteint ») that names an action's thing asks the scenario's check that reads closest to it,
    when that check comes near the action ("Right, let's do that now" had answered it); "did you
    reinstall the driver already?" stays a question about the act."""
    probes = {p.intent for p in call.scenario.probes if p.intent}
    have = {m.intent for m, _ in heard}
    out = []
    for match, clause in heard:
        kind = hearing.intent_kind(call.scenario, match.intent)
        said = match.clause or clause.scope or clause.text  # the sentence as it was read
        asked = kind == "action" and clause.act == "question" and not clause.negated
        if asked and _STATE.search(fold(said)):
            matcher = hearing.matcher(call.scenario, call.locale)
            closeness = {i: matcher.resemblance([said], i)[0] for i in probes - have}
            own = matcher.resemblance([said], match.intent)[0]
            best = max(closeness, key=closeness.get, default=None)
            if best is not None and closeness[best] >= STATE_SHARE * own:
                match = Match(best, match.score, match.clause)
                have.add(best)
        out.append((match, clause))
    return out


def _reading(hearing: Hearing, call: Call, match: Match, clause: Clause) -> dict[str, bool]:
    """Why a heard intent is not acted on, if it is not: {} when it is answered or applied.

    Only a request makes the caller act; an action negated, announced, claimed, imagined, advised
    for later, asked about or reported is heard but not done. A probe whose facts the caller has
    all given, restated, is active listening rather than a question asked again.
    """
    kind = hearing.intent_kind(call.scenario, match.intent)
    if clause.act in STATING and _given(call, match.intent):
        return {"restated": True}
    told = match.intent.startswith(TELLING)  # explain_policy bound as a probe is said, not asked
    # ...an action said negated ("your files, I'm not touching them") is not a cause
    stated = kind == "probe" or (kind == "action" and not clause.negated)
    # a past fact about a thing, not the agent's or the caller's act: « votre mot de passe a
    # expiré pendant vos congés »
    told_past = clause.act == "claim" and clause.person == "3"
    if (clause.act == "statement" or told_past) and stated and not told:
        return {"stated": True}  # "the phone keeps the old password": told, neither asked nor done
    negated = clause.negated and not hearing.said_negatively(
        call.scenario, match.intent, call.locale
    )
    # "I've put the right source back" asks nothing; "we never reset a password for anyone else"
    # tells the rule, whatever its verb's tense looks like
    if kind == "probe" and clause.act == "claim" and not told:
        return {"claimed": True}
    if kind == "probe" and clause.act == "advice":
        return {"withheld": True}  # "next time, check the caps lock first": for later, not now
    if kind == "probe" and _own_look(clause) and match.intent not in call.scenario.bound_intents():
        return {"withheld": True}  # "let me pull up ur account": the agent's look, a plan
    if kind != "action":  # « surtout ne me donnez pas votre mot de passe » asks for nothing
        # ...but « je n'ai pas pris votre nom ? », "you don't have an error code?" ask
        missed = clause.scope.rstrip().endswith("?")  # a negated question still asks
        asks_nothing = negated and match.intent.startswith(ASKING) and not missed
        return {"negated": True} if asks_nothing else {}
    if negated:
        return {"negated": True}
    if _only_looks(clause):
        return {"withheld": True}  # « je regarde le dossier temp »: looking at it cleans nothing
    if clause.act == "request":
        return {}
    if clause.act in ("announce", "narrate") and _answered_only(call, match):
        return {}  # « je vous déverrouille » : the trainee's own act, the caller only answers it
    # in a remote session the trainee saying what they do on the caller's screen is the act
    on_screen = call.state["remote.session"] and _done_on_the_remote_desktop(
        hearing, call, match.intent
    )
    if clause.act in ("claim", "narrate", "announce") and on_screen:
        return {}
    if clause.act == "claim":
        return {"claimed": True}
    return {"withheld": True}


# the verbs of looking: what they name is looked at, not acted on (« regardez ce qu'il y a dans
# la corbeille » empties nothing)
_LOOK_VERB = re.compile(
    r"^(?:juste |just |only |seulement |d abord |first )?(?:regard\w*"
    r"|jet\w* (?:un )?(?:oeil|coup d oeil)|consult\w*|inspect\w*|look\w*|have a look"
    r"|take a look|having a look|taking a look"
    r"|glanc\w*|peek\w*|view\w*|fais un tour|faire un tour)\b"
)


def _only_looks(clause: Clause) -> bool:
    """Whether a clause's verb is one of looking ("I'm looking at your temp folder", « je vais
    juste regarder le contenu du dossier temp », "have a look in the bin")."""
    return bool(_LOOK_VERB.match(fold(clause.core or clause.text)))


# the agent looking something up themselves: "let me pull up ur account", « je regarde dans
# l'annuaire »
_LOOKING = re.compile(r"^(?:ok |right |so |alors |bon )?(?:let me|lemme|me|laissez moi|je)\b")


def _own_look(clause: Clause) -> bool:
    """Whether a clause says what the agent looks at themselves (first person, or "let me")."""
    own = clause.act in ("announce", "narrate") and clause.person == "1"
    said = (fold(clause.text), fold(clause.scope))
    return own or (clause.act != "question" and any(_LOOKING.match(t) for t in said if t))


PLAN_TOLD = "explain_next_step"
POLICY_TOLD = "explain_policy"
CAUSE_TOLD = "explain_cause"


def _implied(
    hearing: Hearing, call: Call, text: str, heard: list, readings: list
) -> tuple[list, list]:
    """What a line says without naming it: saying what one will or won't do ("I'll set your DNS
    back", "I'm not going to touch your documents") explains the next step, whether or not the
    action itself is done by it; telling the caller never to give their password explains the
    policy."""
    told = [
        (Match(PLAN_TOLD, m.score, m.clause), clause)
        for (m, clause), flags in zip(heard, readings, strict=True)
        if (
            clause.act in ("announce", "narrate")
            and ("withheld" in flags or "negated" in flags)
            and hearing.intent_kind(call.scenario, m.intent) == "action"
        )
        or ("withheld" in flags and _own_look(clause))
    ][:1]
    # "please never tell me your password, I don't need it" states the rule it keeps
    told += [
        (Match(POLICY_TOLD, m.score, m.clause), clause)
        for (m, clause), flags in zip(heard, readings, strict=True)
        if m.intent == "ask_password" and "negated" in flags
    ][:1]
    # "I'm going to free up some space": a plan said, whatever it names; "next time, check the
    # caps lock first": a tip for later, taken on board
    told += [
        (Match(PLAN_TOLD, 0.0, clause.text), clause)
        for clause in analyse(text, call.locale)
        if clause.act in ("announce", "advice")
        and not clause.negated
        and not wishes_well(fold(clause.text))  # "I shall wish you a good day" plans nothing
    ][:1]
    have = {m.intent for m, _ in heard}
    first: dict[str, tuple] = {}
    for match, clause in told:  # each intent once, at its first place
        if match.intent not in have:
            first.setdefault(match.intent, (match, clause))
    told = list(first.values())
    return heard + told, readings + [{}] * len(told)


def _said_back(
    hearing: Hearing, call: Call, text: str, heard: list, readings: list
) -> tuple[list, list]:
    """A sentence that says the caller's words back as a restatement is a summary: a question
    found in it is not asked again, unless the sentence also asks for an action."""
    echoes = echoed_sentences(text, caller_lines(call))
    if not echoes:
        return heard, readings
    readings = list(readings)
    summarized = False
    for sentence in echoes:
        at = text.find(sentence)
        inside = [
            i
            for i, (m, c) in enumerate(heard)
            if m.clause in sentence
            or (
                sentence in m.clause
                and (c.end <= c.start or at <= c.start < c.end <= at + len(sentence) + 1)
            )
        ]
        kinds = {i: hearing.intent_kind(call.scenario, heard[i][0].intent) for i in inside}
        bound = {a.intent for a in call.scenario.actions}
        for i in inside:  # « hors ligne. dac. »: the caller's words, no action this call has
            if kinds[i] == "action" and not readings[i] and heard[i][0].intent not in bound:
                readings[i] = {"restated": True}
        if any(kinds[i] == "action" and not readings[i] for i in inside):
            continue  # "ok, so plug the cable back in": an instruction, not a summary
        for i in inside:
            if kinds[i] == "probe" and not readings[i] and _given(call, heard[i][0].intent):
                readings[i] = {"restated": True}
            elif "stated" in readings[i]:
                readings[i] = {"restated": True}  # the caller's own words: no cause told
        summarized = True
    if summarized and not any(m.intent == SUMMARY for m, _ in heard):
        said_back = Clause(echoes[0], "restate", False)
        # in its place: « hors ligne. dac. et elle est allumée ? » is acknowledged, then asked
        at = text.find(echoes[0])
        place = next(
            (i for i, (m, _) in enumerate(heard) if at >= 0 and text.find(m.clause) > at),
            len(heard),
        )
        heard = [*heard[:place], (Match(SUMMARY, 0.0, echoes[0]), said_back), *heard[place:]]
        return heard, [*readings[:place], {}, *readings[place:]]
    return heard, readings


def _handover_note(
    hearing: Hearing, call: Call, text: str, heard: list, readings: list
) -> tuple[list, list]:
    """ "i'm passing this to the server team now: whole 3rd floor cant print since 10:30, error
    0x6BA", « je transfère au technicien : aucun voyant, autre prise testée »: what follows the
    colon of a handover is the note sent on, read out to the caller; it asks nothing, requests
    nothing and is no summary to confirm."""
    colon = text.find(":")
    if colon < 0 or not hands_over(fold(text[:colon])):
        return heard, readings
    return _kept(
        heard,
        readings,
        lambda match, clause: (
            clause.start < colon
            or not (
                match.intent == SUMMARY
                or hearing.intent_kind(call.scenario, match.intent) in ("probe", "action")
            )
        ),
    )


def _kept(heard: list, readings: list, keep) -> tuple[list, list]:
    """The heard intents (and their readings) for which keep(match, clause) holds."""
    pairs = [(p, f) for p, f in zip(heard, readings, strict=True) if keep(*p)]
    return [pair for pair, _ in pairs], [flags for _, flags in pairs]


DESCRIBE = "ask_problem_description"
# "…and tell me if airplane mode is on", « et dites-moi ce que vous voyez »: a frame for reporting
# what one is asked to look at
_TELL_FRAME = re.compile(
    r"\b(?:tell me|let me know|read me|read out|dites moi|dis moi|lisez moi|indiquez moi"
    r"|decrivez moi|vous me dites|tu me dis)\b"
)
# ...unless what is to be told is the problem itself: "tell me what's going on"
_THE_PROBLEM = re.compile(
    r"\b(?:what s (?:happening|going on|wrong|up)|what is (?:happening|going on|wrong)"
    r"|the (?:problem|issue)|ce qui (?:se passe|ne va pas|vous arrive|cloche)"
    r"|le (?:probleme|souci|pb)"
    r"|quel est le)\b"
)


def _report_frame(
    hearing: Hearing, call: Call, text: str, heard: list, readings: list
) -> tuple[list, list]:
    """ "can you open the action centre and tell me if airplane mode is on": the "tell me" asks
    for what the rest of the sentence names, not for the problem again (the caller told it all
    once more beside the answer)."""
    probes = [
        c
        for (m, c), flags in zip(heard, readings, strict=True)
        if m.intent != DESCRIBE
        and not flags
        and hearing.intent_kind(call.scenario, m.intent) == "probe"
    ]
    if not probes:
        return heard, readings

    def framed(clause: Clause) -> bool:
        sentence = next((s for s in sentences(text) if clause.text.strip() in s), "")
        said = fold(sentence)
        if not _TELL_FRAME.search(said) or _THE_PROBLEM.search(said):
            return False
        return any(_same_sentence(text, clause, c) for c in probes)

    return _kept(
        heard, readings, lambda match, clause: match.intent != DESCRIBE or not framed(clause)
    )


def _same_sentence(text: str, one: Clause, other: Clause) -> bool:
    """Whether two clauses of a line are in one sentence (no full stop or question mark between)."""
    low, high = sorted((one.start, other.start))
    return not re.search(r"[.?!]\s", text[low:high])


def _cause_told(heard: list, readings: list) -> tuple[list, list]:
    """A fact about the fault stated in the agent's own words, not the caller's (« c'est le mode
    avion », "the phone keeps retrying the old password") tells the caller what caused it."""
    stated = [(m, c) for (m, c), flags in zip(heard, readings, strict=True) if "stated" in flags]
    if not stated or any(m.intent == CAUSE_TOLD for m, _ in heard):
        return heard, readings
    match, clause = stated[0]
    return heard + [(Match(CAUSE_TOLD, match.score, match.clause), clause)], readings + [{}]


def _concluded(call: Call, text: str, heard: list, readings: list) -> tuple[list, list]:
    """The agent's conclusion from the caller's sign (« ça clignote, donc il est en veille »)
    tells the caller the cause."""
    if any(m.intent == CAUSE_TOLD for m, _ in heard):
        return heard, readings
    sentence = concluded(text, caller_lines(call))
    if sentence is None:
        return heard, readings
    told = Clause(sentence, "statement", False)
    return [*heard, (Match(CAUSE_TOLD, 0.0, sentence), told)], [*readings, {}]


RESUMED = "resume"
# coming back to a caller put on hold: "thanks for waiting", « merci d'avoir patienté », "I'm back"
_BACK = re.compile(
    r"^(?:(?:ok|okay|right|alright|so|alors|bon|voila) )*(?:(?:thanks|thank you|thx|merci"
    r"|je vous remercie)(?: (?:so much|a lot|beaucoup|bien))? (?:for (?:waiting|holding|your "
    r"patience|bearing with me|hanging on)|d avoir (?:patiente|attendu)|de (?:votre|m avoir)"
    r" (?:patience|attendu))|(?:i m|im) back|me revoila|je suis de retour|je reviens vers vous)\b"
)


def _back_from_hold(call: Call, text: str, heard: list, readings: list) -> tuple[list, list]:
    """After asking to put the caller on hold, thanking them for waiting takes the call back;
    with no hold asked nor made, nothing does."""
    held = call.hold_announced
    for event in reversed(call.events):  # a hold this very line ended (engine._say)
        if event["kind"] in ("trainee_said", "resume"):
            held = held or event["kind"] == "resume"
            break
    if not held:  # « voilà, c'est ça » takes back no call that was never put on hold
        kept = [i for i, (m, _) in enumerate(heard) if m.intent != RESUMED]
        return [heard[i] for i in kept], [readings[i] for i in kept]
    if any(m.intent == RESUMED for m, _ in heard) or not _BACK.match(fold(text)):
        return heard, readings
    back = Clause(text, "narrate", False)
    return [(Match(RESUMED, 0.0, text), back), *heard], [{}, *readings]


def _given(call: Call, intent: str) -> bool:
    """Whether the caller already gave every fact the probe asks for: said back, it is no
    question; not yet given, it is one (« donc le disque est plein, l'espace libre ? »)."""
    probe = next((p for p in call.scenario.probes if p.intent == intent), None)
    return probe is not None and bool(probe.reveals) and set(probe.reveals) <= call.revealed


def _answered_only(call: Call, match: Match) -> bool:
    """Whether the scenario binds the intent only to announcements: actions that change nothing
    (no effects, no directory or remote operation, nothing drastic) that the caller just answers."""
    bound = [a for a in call.scenario.actions if a.intent == match.intent]
    return bool(bound) and all(
        not (a.effects or a.directory or a.remote or a.drastic or a.harmful) for a in bound
    )


def _narrated(hearing: Hearing, call: Call, matches: list) -> list:
    """Drop what a summary only narrates ("so, since this morning... we plugged the cable in"):
    after `summarize`, only unbound conversation intents (ticket number, goodbye...) count."""
    at = next((i for i, m in enumerate(matches) if m.intent == "summarize"), None)
    if at is None:
        return matches
    bound = call.scenario.bound_intents()
    return matches[: at + 1] + [
        m
        for m in matches[at + 1 :]
        if m.intent not in bound and hearing.intent_kind(call.scenario, m.intent) == "conversation"
    ]


def _handle_intent(
    hearing: Hearing, call: Call, intent: str, reply: Reply, seen: bool = False
) -> bool:
    scenario = call.scenario
    probe = next((p for p in scenario.probes if p.intent == intent), None)
    if probe:
        return reply.probe(probe, via="say")[1]
    actions = [a for a in scenario.actions if a.intent == intent]
    if actions:
        return reply.action(actions, via="say", seen=seen)[1]
    handler = BUILTIN.get(intent)
    if handler:
        return handler(call, reply)
    kind = hearing.intent_kind(scenario, intent)
    reply.line("dont_know" if kind == "probe" else "action_generic")
    call.emit("intent_unbound", intent=intent)
    return False
