"""The call engine: applies trainee steps to a call's hidden state and logs what happens.

`Engine.start` opens a call, `Engine.step` applies one trainee step and returns the new events,
`Engine.resume` rebuilds a call from its event log. In scripted mode everything is deterministic:
the same scenario version, persona, locale, seed and steps give the same events, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from simulator import directory, email_thread, remote
from simulator.call import Call, CallEnded
from simulator.caller import draw_caller
from simulator.catalog import Catalog
from simulator.conversation import Reply, handle_say
from simulator.folding import fold
from simulator.heard_before import RememberingHearing
from simulator.kb import Article
from simulator.llm import LLMFailure
from simulator.llm_caller import LLMCaller, guard
from simulator.llm_stream import ReplyGate
from simulator.persona import PersonaBook
from simulator.scenario import LOCALES, Scenario
from simulator.state import apply, holds, initial_state
from simulator.steps import Step, StepError, parse_step
from simulator.translation import Words
from simulator.understand import Match, Matcher, Understanding

KbSearch = Callable[[str, str], list[dict[str, str]]]
ReplyListener = Callable[[str], None]
MODES = ("scripted", "llm")


def recorded_model_turns(events: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Per turn, what the model answered (`llm_turn`), else why it was not asked or failed.

    A turn may log `llm_turn` and then an `llm_fallback` from the guard (a leak, the wrong
    language...): the replay must get the model's answer, and the guard decides again, the same way.
    """
    recorded: dict[int, dict[str, Any]] = {}
    for event in events:
        if event["kind"] == "llm_turn" or (
            event["kind"] == "llm_fallback" and event["turn"] not in recorded
        ):
            recorded[event["turn"]] = event["data"]
    return recorded


class EngineError(ValueError):
    """A call cannot be started as asked (unknown persona, locale or mode)."""


class Engine:
    """Plays calls of any scenario with the shared catalog, personas and knowledge base."""

    def __init__(
        self,
        catalog: Catalog,
        personas: PersonaBook,
        articles: dict[str, Article],
        kb_search: KbSearch | None = None,
        llm: LLMCaller | None = None,
    ):
        self.catalog = catalog
        self.llm = llm
        self.personas = personas
        self.articles = articles
        self.kb_search = kb_search or self._search_articles
        self.hearing = RememberingHearing(catalog)  # readings made before come from memory

    # -- public API -------------------------------------------------------------------------
    def start(
        self,
        scenario: Scenario,
        persona: str | None = None,
        locale: str = "en",
        seed: int = 0,
        mode: str = "scripted",
        resuming: bool = False,
        channel: str | None = None,
    ) -> Call:
        """Open a call: draw the caller from the seed and log the opening events.

        `channel` "email" opens a written thread with the user's e-mail (the default for a
        scenario whose first channel is "email"); otherwise the caller speaks first.
        """
        persona = scenario.persona_default() if persona is None else persona
        if channel is None:
            channel = "email" if scenario.channels[0] == "email" else "phone"
        if (
            channel not in ("phone", "email")
            or (channel == "email" and "email" not in scenario.channels)
            or (channel == "phone" and not scenario.opening)
        ):
            raise EngineError(f"{scenario.id} cannot be played on channel '{channel}'")
        if persona not in scenario.personas:
            raise EngineError(
                f"persona '{persona}' is not allowed in {scenario.id} "
                f"(allowed: {', '.join(scenario.personas)})"
            )
        if locale not in LOCALES:
            raise EngineError(f"unknown locale '{locale}' (locales: {', '.join(LOCALES)})")
        if mode not in MODES:
            raise EngineError(f"unknown mode '{mode}' (modes: {', '.join(MODES)})")
        if mode == "llm" and self.llm is None and not resuming:
            raise EngineError(
                "the LLM mode needs an endpoint (HOTLINER_LLM_BASE_URL, HOTLINER_LLM_MODEL)"
            )
        spec = self.personas.get(persona)
        call = Call(
            scenario=scenario,
            persona=spec,
            locale=locale,
            seed=seed,
            mode=mode,
            caller=draw_caller(scenario.caller, locale, seed),
            state=initial_state(scenario.facts),
            mood=spec.spec.mood,
            channel=channel,
        )
        written = {"channel": "email"} if channel == "email" else {}
        call.emit(
            "call_started",
            scenario=scenario.id,
            version=scenario.version,
            persona=persona,
            locale=locale,
            seed=seed,
            mode=mode,
            caller=call.caller.to_dict(),
            mood=call.mood,
            **written,
        )
        if channel == "email":
            mail = email_thread.opening_mail(call)
            call.emit(
                "caller_said",
                text=mail["body"],
                situations=["opening"],
                frustrated=False,
                mood=call.mood,
                email=mail,
            )
            return call
        opening = scenario.opening[call.rng("opening").randrange(len(scenario.opening))]
        text = (
            opening.vague.get(locale) if spec.spec.vague and opening.vague else opening.text(locale)
        )
        if not spec.spec.volunteers:
            text = _first_sentence(text)
        text = text.format_map(call.placeholders())
        reply = Reply(call)
        if call.mood < 40:
            reply.line("complaint", frustrated=True)
        reply.add(text, "opening")
        reply.finish()
        return call

    def step(
        self, call: Call, raw: Any, on_reply_text: ReplyListener | None = None
    ) -> list[dict[str, Any]]:
        """Apply one trainee step (raw transcript form or Step); return the events it added.

        In LLM mode `on_reply_text` receives, as it streams, the pieces of the model's reply that
        passed the guard so far; it changes no event (the logged reply may still be the scripted
        one).
        """
        if call.ended:
            raise CallEnded("the call has ended")
        step = raw if isinstance(raw, Step) else parse_step(raw)
        if step.name == "email" and call.channel != "email":
            raise StepError("an e-mail reply needs an e-mail contact; this is a phone call")
        first = len(call.events)
        call.turn += 1
        reply = Reply(call)
        if step.name == "say":
            progress = self._say(call, step, reply, on_reply_text)
        else:
            progress = getattr(self, f"_{step.name}")(call, step, reply)
        if not call.ended:
            self._after_step(call, step, reply, progress)
        reply.finish()
        if call.channel == "email" and email_thread.in_writing(call, step.name):
            email_thread.as_emails(call, call.events[first:], step.args.get("body", ""))
        return call.events[first:]

    def resume(self, scenario: Scenario, events: list[dict[str, Any]]) -> Call:
        """Rebuild a call from its logged events by replaying the trainee's steps."""
        started = events[0]["data"]
        mode = started["mode"]
        call = self.start(
            scenario,
            started["persona"],
            started["locale"],
            started["seed"],
            mode,
            resuming=True,
            channel=started.get("channel", "phone"),
        )
        call.recorded_llm = recorded_model_turns(events)
        for event in events:
            if "input" in event["data"] and not call.ended:
                self.step(call, event["data"]["input"])
        return call

    def matcher(self, scenario: Scenario, locale: str) -> Matcher:
        """The matcher for this scenario: catalog examples plus the scenario's own (built once)."""
        return self.hearing.matcher(scenario, locale)

    # -- steps --------------------------------------------------------------------------------
    def _say(
        self, call: Call, step: Step, reply: Reply, on_reply_text: ReplyListener | None = None
    ) -> bool:
        text = step.args["value"]
        call.clock += 4 + len(text) / 12
        if call.channel == "email" and not any(e["kind"] == "phoned_back" for e in call.events):
            call.emit("phoned_back")
        call.emit("trainee_said", input=step.as_input(), text=text)
        if call.on_hold:
            self._end_hold(call, reply, implicit=True)
        if call.mode == "llm":
            return self._say_llm(call, text, reply, on_reply_text)
        return handle_say(self.hearing, call, text, reply)

    def _say_llm(
        self, call: Call, text: str, reply: Reply, on_reply_text: ReplyListener | None = None
    ) -> bool:
        """LLM mode: the matcher (or, when it fails, the model) names the intents; the engine
        applies
        them; the model phrases the reply from the revealed facts only, guarded."""
        understanding = self.matcher(call.scenario, call.locale).understand(text)
        before = set(call.revealed)
        offline = understanding.understood
        progress = handle_say(self.hearing, call, text, reply, understanding) if offline else False
        said = " ".join(e["data"]["text"] for e in call.events if e["kind"] == "caller_said")
        scripted = reply.spoken() if offline else ""
        outcome = self._ask_model(call, text, scripted, said, on_reply_text)
        if outcome is None:
            if not offline:
                progress = handle_say(self.hearing, call, text, reply, understanding)
            return progress
        intents, model_reply = outcome
        if not offline and intents:
            forced = Understanding(tuple(Match(i, 0.0, text) for i in intents), None)
            progress = handle_say(self.hearing, call, text, reply, forced)
            if (
                set(call.revealed) - before
            ):  # phrased without this turn's facts: keep the scripted words
                call.emit("llm_fallback", reason="new_facts_after_model")
                return progress
            scripted = reply.spoken()
        elif not offline:
            handle_say(self.hearing, call, text, reply, understanding)
        problem = guard(model_reply, call, scripted, said)
        if problem:
            call.emit("llm_fallback", reason=problem)
            return progress
        reply.replace(model_reply, "llm")
        return progress

    def _ask_model(
        self,
        call: Call,
        text: str,
        scripted: str,
        said: str,
        on_reply_text: ReplyListener | None = None,
    ) -> tuple[list[str], str] | None:
        recorded = call.recorded_llm.get(call.turn)
        if recorded is not None:
            if "reply" not in recorded:
                call.emit("llm_fallback", **recorded)
                return None
            call.emit("llm_turn", **recorded)
            return recorded["intents"], recorded["reply"]
        llm = (
            self.llm
        )  # one caller for the whole turn, even if the admin changes the endpoint meanwhile
        if llm is None:
            call.emit("llm_fallback", reason="no_endpoint")
            return None
        intents = {
            i: self.catalog.intents[i].meaning.en
            for i in self.catalog.intents
            if i in call.scenario.bound_intents() or self.catalog.intents[i].kind == "conversation"
        }
        intents.update({i: spec.meaning.en for i, spec in call.scenario.intents.items()})
        try:
            gate = None
            if (
                on_reply_text is not None
            ):  # only what passes the guard, as the final reply will be judged
                gate = ReplyGate(lambda prefix: guard(prefix, call, scripted, said), on_reply_text)
            result = llm.turn(
                call,
                text,
                scripted,
                sorted(call.revealed),
                intents,
                on_text=gate.feed if gate else None,
            )
        except LLMFailure as exc:
            call.emit("llm_fallback", reason=exc.reason, model=llm.model)
            return None
        c = result.completion
        # The model's name lets the admin page split usage per model (older events lack it).
        call.emit(
            "llm_turn",
            intents=result.intents,
            reply=result.reply,
            prompt_tokens=c.prompt_tokens,
            completion_tokens=c.completion_tokens,
            seconds=c.seconds,
            model=llm.model,
        )
        return result.intents, result.reply

    def _email(self, call: Call, step: Step, reply: Reply) -> bool:
        """A written reply: read clause by clause like a spoken line, signature left out."""
        body = step.args["body"]
        call.clock += email_thread.WRITING_SECONDS + len(body) / email_thread.WRITING_SPEED
        call.emit("trainee_said", input=step.as_input(), text=body, channel="email")
        progress = handle_say(self.hearing, call, email_thread.readable(body), reply)
        reply.pieces = [p for p in reply.pieces if p[1] != "greet_back"]  # the e-mail greets
        return progress

    def _remote_connect(self, call: Call, step: Step, reply: Reply) -> bool:
        call.clock += 20
        call.emit("remote_requested", input=step.as_input())
        if call.state["remote.session"]:
            reply.line("remote_already")
            return False
        if call.persona.spec.remote_needs_reason and not call.reason_given:
            call.emit("remote_refused", reason="needs_reason")
            reply.line("remote_needs_reason")
            call.reason_given = True  # asking twice after hearing the question is consent enough
            return False
        changed = apply({"remote.session": True}, call.state)
        call.emit(
            "remote_connected",
            explained=bool({"ask_remote_permission", "explain_next_step"} & set(call.said_intents)),
        )
        call.emit("state_changed", changes={k: list(v) for k, v in changed.items()})
        reply.line("remote_consent")
        return True

    def _remote(self, call: Call, step: Step, reply: Reply) -> bool:
        command = step.args["value"]
        call.clock += 10
        if not call.state["remote.session"]:
            call.emit(
                "remote_command",
                input=step.as_input(),
                command=command,
                ok=False,
                output=Words(remote.L, call.locale)["no_session"],
            )
            return False
        norm = remote.normalize(command)
        for probe in call.scenario.probes:
            if probe.remote and re.fullmatch(probe.remote, norm, re.IGNORECASE):
                output, progress = reply.probe(probe, via="remote")
                call.emit(
                    "remote_command",
                    input=step.as_input(),
                    command=command,
                    ok=True,
                    output=output,
                    probe=probe.id,
                )
                return progress
        actions = [
            a
            for a in call.scenario.actions
            if a.remote and re.fullmatch(a.remote, norm, re.IGNORECASE)
        ]
        if actions:
            output, progress = reply.action(actions, via="remote")
            call.emit(
                "remote_command",
                input=step.as_input(),
                command=command,
                ok=True,
                output=output,
                action=call.done[-1],
            )
            return progress
        output, reveals = remote.run(command, call.state, call.placeholders(), call.locale)
        progress = reply.reveal(reveals)
        call.emit("remote_command", input=step.as_input(), command=command, ok=True, output=output)
        return progress

    def _directory(self, call: Call, step: Step, reply: Reply) -> bool:
        op, must_change = step.args["op"], step.args["must_change"]
        who = call.placeholders()
        user = step.args["user"] or who["username"]
        others = {k: p.username for k, p in call.caller.others.items()}
        owner = directory.known_users(who, others).get(user)
        call.clock += 15
        base = dict(
            input=step.as_input(),
            op=op,
            user=user,
            owner=owner or "unknown",
            identity_verified=bool(call.state["identity.verified"]),
            must_change=must_change,
        )
        if owner is None:
            call.emit(
                "directory_action", **base, output=directory.unknown_user_text(user, call.locale)
            )
            return False
        if op == "lookup":
            probe = next((p for p in call.scenario.probes if p.directory == "lookup"), None)
            if probe and owner == "self":
                output, progress = reply.probe(probe, via="directory", speak=False)
            else:
                output, reveals = directory.lookup(user, owner, call.state, call.locale)
                progress = reply.reveal(reveals) if owner == "self" else False
            call.emit("directory_action", **base, output=output)
            return progress
        output = directory.operation_text(op, user, must_change, call.locale)
        call.emit("directory_action", **base, output=output)
        actions = [a for a in call.scenario.actions if a.directory == op]
        progress = False
        if owner == "self":
            changed = apply(directory.generic_effects(op, call.state, must_change), call.state)
            if changed:
                call.emit("state_changed", changes={k: list(v) for k, v in changed.items()})
                progress = True
        if actions:
            _, acted = reply.action(actions, via="directory")
            progress = progress or acted
        return progress

    def _kb(self, call: Call, step: Step, reply: Reply) -> bool:
        query = step.args["value"]
        call.clock += 8
        results = self.kb_search(query, call.locale)
        call.emit("kb_search", input=step.as_input(), query=query, results=results)
        return False

    def _hold(self, call: Call, step: Step, reply: Reply) -> bool:
        seconds = step.args["value"]
        call.on_hold, call.hold_started = True, call.clock
        call.emit("hold", input=step.as_input(), seconds=seconds, announced=call.hold_announced)
        call.clock += seconds
        reply.line("on_hold_silent")
        return False

    def _resume(self, call: Call, step: Step, reply: Reply) -> bool:
        if not call.on_hold:
            call.emit("resume", input=step.as_input(), seconds=0, was_on_hold=False)
            return False
        self._end_hold(call, reply, implicit=False, step=step)
        return False

    def _end_hold(self, call: Call, reply: Reply, implicit: bool, step: Step | None = None) -> None:
        seconds = round(call.clock - call.hold_started)
        data = {"input": step.as_input()} if step else {}
        call.emit("resume", **data, seconds=seconds, implicit=implicit, was_on_hold=True)
        call.on_hold = False
        if not call.hold_announced:
            reply.effect("hold_unannounced")
            reply.line("hold_unannounced", frustrated=True)
        elif seconds > 60:
            for _ in range(min(5, seconds // 60)):
                reply.effect("long_hold")
            reply.line("resume_after_long_hold", frustrated=True)
        else:
            reply.line("resume_back")
        call.hold_announced = False

    def _ticket(self, call: Call, step: Step, reply: Reply) -> bool:
        call.clock += 5
        call.ticket.update({k: v for k, v in step.args.items() if v})
        call.emit(
            "ticket_updated",
            input=step.as_input(),
            fields=dict(step.args),
            ticket=dict(call.ticket),
        )
        return False

    def _escalate(self, call: Call, step: Step, reply: Reply) -> bool:
        call.clock += 30
        team = step.args["team"]
        call.escalated_to = team
        call.emit("escalated", input=step.as_input(), team=team, note=step.args["note"])
        if (
            team in call.scenario.escalation.teams
            and call.scenario.escalation.policy != "forbidden"
        ):
            reply.effect("handed_over")
        reply.line("escalated_ack")
        return True

    def _close(self, call: Call, step: Step, reply: Reply) -> bool:
        call.ended_by = "trainee"
        call.emit(
            "call_ended",
            input=step.as_input(),
            by="trainee",
            summary=step.args["summary"],
            **call.outcome(),
        )
        return False

    # -- after every step ---------------------------------------------------------------------
    def _after_step(self, call: Call, step: Step, reply: Reply, progress: bool) -> None:
        was_resolved = any(e["kind"] == "resolved" for e in call.events)
        for trig in call.scenario.triggers:
            if (trig.once and trig.id in call.fired) or not holds(trig.when, call.state):
                continue
            call.fired.add(trig.id)
            changed = apply(trig.effects, call.state)
            call.emit(
                "trigger_fired", trigger=trig.id, changes={k: list(v) for k, v in changed.items()}
            )
            if trig.say:
                reply.add(
                    trig.say.get(call.locale).format_map(call.placeholders()), f"trigger:{trig.id}"
                )
        if call.resolved and not was_resolved:
            call.emit("resolved")
            reply.effect("fixed")
        if step.name in ("say", "email"):
            call.idle_turns = 0 if progress else call.idle_turns + 1
            if call.idle_turns >= 3:
                call.idle_turns = 0
                reply.effect("no_progress")
                if call.mood < 50:
                    reply.line("no_progress", frustrated=True, first=True)
        elif progress:
            call.idle_turns = 0
        if progress:
            reply.effect("progress")
        reply.settle_mood()
        if call.mood <= 0:
            reply.line("hang_up", frustrated=True)
            call.ended_by = "caller"
            reply.finish()
            call.emit("call_ended", by="caller", summary="", reason="patience", **call.outcome())

    def _search_articles(self, query: str, locale: str) -> list[dict[str, str]]:
        words = set(fold(query).split())
        ranked = []
        for article in self.articles.values():
            title, body = article.text(locale)
            haystack = set(fold(f"{title} {' '.join(article.tags)} {body}").split())
            score = len(words & haystack) + 2 * len(words & set(fold(title).split()))
            if score:
                ranked.append((-score, article.id, title, body))
        ranked.sort()
        return [{"id": i, "title": t, "snippet": b[:200]} for _, i, t, b in ranked[:5]]


def _first_sentence(text: str) -> str:
    """The text up to its first full stop that starts a new sentence ("Bonjour..." is kept
    whole)."""
    parts = re.split(r"(?<=[^.][.!?])\s+(?=[A-ZÀ-Ý«\"])", text, maxsplit=1)
    return parts[0]
