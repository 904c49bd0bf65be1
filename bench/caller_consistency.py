"""How true the scripted caller stays: contradictions, disagreeing values, repeats, stacked tics,
mood against tone, novices acting unguided (run by hand; prints counts, target 0 each).

    .venv/bin/python bench/caller_consistency.py [--calls-per-combo N] [--show K]

Plays every scenario × allowed persona × locale with seeded walks: the expert transcript, a poor
transcript, and random walks mixing every transcript's steps, catalog examples, curt and
jargon-heavy orders, repeated questions and console commands (invented hosts included).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator import tone_signals as tone  # noqa: E402
from simulator.engine import Engine  # noqa: E402
from simulator.folding import fold  # noqa: E402
from simulator.library import load_library  # noqa: E402
from simulator.persona import PERSONAS_PATH  # noqa: E402
from simulator.replay import fill_placeholders, parse_transcript  # noqa: E402
from simulator.steps import Step  # noqa: E402
from simulator.yamlsource import read  # noqa: E402

TRANSCRIPTS = ROOT / "tests" / "transcripts"
REPEAT_MIN = 20  # shorter lines ("Okay.", "Sorry?") may come back
# The checker keeps its own definitions (not the engine's), so it can measure any version.
SOCIAL = {
    "greet",
    "introduce_self",
    "thank",
    "goodbye",
    "empathize",
    "reassure",
    "apologize",
    "offer_further_help",
    "give_ticket_number",
    "summarize",
    "explain_cause",
    "explain_next_step",
}
RAW_PERSONAS = read(PERSONAS_PATH, limit=4 * 1024 * 1024).data["personas"]
GUIDANCE = RAW_PERSONAS["novice"].get("guidance", {})  # replaced by --hints
CONSOLE = [
    "ipconfig /all",
    "ping {hostname}",
    "ping srv-unknown42",
    "ping intranet.corp.example.com",
    "nslookup nowhere-host.corp.example.com",
    "dir %TEMP%",
    "dir c:\\",
    "net stop spooler",
    "net use",
    "wmic logicaldisk get freespace",
    "rd /s /q c:\\temp",
    "powershell get-service",
    "ping sql-fin01",
    "tnc sql-fin01 -port 1433",
    "nslookup sql-fin01",
    "hostname",
    "frobnicate /now",
]
CURT = {
    "en": ["Reboot.", "Ping the gateway.", "Flush DNS.", "Check the HDMI input source.", "Next."],
    "fr": [
        "Redémarrez.",
        "Pingez la passerelle.",
        "Flush DNS.",
        "Vérifiez la source HDMI.",
        "Suivant.",
    ],
}
# What a caller line says, and the state in which it cannot be true. Each rule: a name, the
# patterns per locale, and a test on (call, turn facts) that says the line contradicts them.
CLAIMS = {
    "fault_after_fix": {
        "en": r"doing its thing|now,? fix it|still (?:broken|not working|the same problem)",
        "fr": r"fait toujours le truc|réparez-le|toujours (?:en panne|le même problème)",
    },
    "relief_after_loss": {
        "en": r"what a relief|no big deal|it doesn't matter",
        "fr": r"quel soulagement|ce n'est pas grave",
    },
    "told_before": {
        "en": r"as i (?:said|told you|mentioned)|i (?:already )?told you|same as before",
        "fr": r"je vous l'ai (?:déjà )?dit|comme je (?:vous )?(?:disais|l'ai dit)|pareil qu'avant",
    },
    "repeat_call": {
        "en": r"(?:second|third|fourth) time",
        "fr": r"(?:deuxième|troisième|quatrième) fois",
    },
    "how_are_you": {
        "en": r"^(?:hello|hi|good morning)[^.!?]*[.!] (?:i'm )?(?:very )?(?:fine|well|good), thank",
        "fr": r"^bonjour[^.!?]*[.!] (?:très bien|ça va bien), merci",
    },
    "desktop_back": {"en": r"desktop is back", "fr": r"bureau est revenu"},
}
ASKED_HOW = re.compile(r"how are you|comment allez|ça va \?|vous allez bien", re.IGNORECASE)
THIRD_PARTY = re.compile(
    r"\b(?:his|her|their|director|cfo|executive|boss|sa |son |ses |directeur|directrice|daf|"
    r"responsable)\b",
    re.IGNORECASE,
)
HOST_IP = [
    re.compile(r"Pinging (\S+) \[([\d.]+)\]"),
    re.compile(r"Envoi d'une requête 'ping' sur (\S+) \[([\d.]+)\]"),
    re.compile(r"Name:\s+(\S+)\nAddress:\s+([\d.]+)"),
    re.compile(r"Nom\s*:\s+(\S+)\nAddress:\s+([\d.]+)"),
    re.compile(r"ComputerName\s+: (\S+)\nRemoteAddress\s+: ([\d.]+)"),
]
FREE = re.compile(r"([\d.,]+)\s*(GB|Go|MB|Mo) (?:free|libres?)", re.IGNORECASE)
BYTES = re.compile(r"([\d][\d,.\u202f\u00a0 ]+) (?:bytes free|octets libres)")
ANSWERED = re.compile(r"^(?:Reply from|Réponse de)", re.MULTILINE)


def pools(library, scenario, locale: str) -> tuple[list[Step], list[Step], list[list[Step]]]:
    """(expert steps, every transcript step, poor transcripts) for a scenario in a locale."""
    folder = TRANSCRIPTS / scenario.id
    expert, steps, poor = [], [], []
    for path in sorted(folder.glob(f"*.{locale}.yaml")):
        parsed = parse_transcript(path.read_text(encoding="utf-8"), path.name)
        steps += [s for s in parsed if s.name != "close"]
        if path.name.startswith("expert"):
            expert = parsed
        elif path.name.startswith("poor"):
            poor.append(parsed)
    return expert, steps, poor


def random_walk(rng: random.Random, library, scenario, locale: str, steps: list[Step]):
    """A seeded walk: transcript steps, catalog phrases, curt orders, console commands."""
    says = [s for s in steps if s.name == "say"]
    walk: list[Step] = [says[0]] if says else []
    intents = sorted(
        (scenario.bound_intents() | set(library.catalog.conversation_ids()))
        & set(library.catalog.intents)
    )
    for _ in range(rng.randint(10, 24)):
        roll = rng.random()
        if roll < 0.4 and steps:
            walk.append(rng.choice(steps))
        elif roll < 0.6:
            examples = library.catalog.examples(rng.choice(intents), locale)
            if examples:
                walk.append(Step("say", {"value": rng.choice(examples)}))
        elif roll < 0.72:
            walk.append(Step("say", {"value": rng.choice(CURT[locale])}))
        elif roll < 0.8 and len(walk) > 1:
            walk.append(rng.choice([s for s in walk if s.name == "say"] or walk))
        elif roll < 0.95:
            if rng.random() < 0.3:
                walk.append(Step("remote_connect", {}))
            walk.append(Step("remote", {"value": rng.choice(CONSOLE)}))
        else:
            walk.append(Step("directory", {"op": "lookup", "user": "", "must_change": False}))
    walk.append(Step("close", {"summary": ""}))
    return walk


def play(engine, scenario, persona: str, locale: str, seed: int, steps: list[Step]):
    """Play steps; return the call and, per turn, the trainee's text and a copy of the state."""
    call = engine.start(scenario, persona, locale, seed)
    turns = {0: ("", dict(call.state), False)}
    for step in steps:
        if call.ended:
            break
        step = fill_placeholders(step, call)
        try:
            engine.step(call, step)
        except Exception as exc:  # a step the engine refuses is a bench finding too
            raise RuntimeError(f"{scenario.id}/{persona}/{locale}/{seed}: {step}: {exc}") from exc
        text = step.args.get("value", "") if step.name == "say" else ""
        turns[call.turn] = (text, dict(call.state), call.resolved)
    return call, turns


def count_tics(line: str, phrases: list[str]) -> int:
    """Add-on phrases in a line, longest first, each stretch of text counted once."""
    n = 0
    for phrase in sorted(set(phrases), key=len, reverse=True):
        pattern = rf"(?:^|(?<=\s)){re.escape(phrase)}(?=\s|$)"
        if re.search(pattern, line):
            n += 1
            line = re.sub(pattern, " ", line)
    return n


def curt(text: str, locale: str, intents: list[str]) -> bool:
    """A bare order: a few words, no question, no politeness, nothing social in it."""
    words = text.split()
    return (
        0 < len(words) <= 4
        and "?" not in text
        and not tone.signals(text, locale).polite
        and not SOCIAL & set(intents)
    )


def tics(persona) -> list[str]:
    """Every add-on phrase a persona may wrap a reply with (prefix, suffix, complaint)."""
    found = []
    for situation in ("answer_prefix", "answer_suffix", "complaint"):
        for locale in ("en", "fr"):
            for variant in RAW_PERSONAS[persona.id]["lines"][situation][locale]:
                text = variant if isinstance(variant, str) else variant["text"]
                if len(text.strip()) > 3:
                    found.append(text.strip())
    return found


def turn_intents(call, turn: int) -> list[str]:
    """The intents the engine heard on a turn."""
    return [
        i["intent"]
        for e in call.events
        if e["kind"] == "intent_matched" and e["turn"] == turn
        for i in e["data"]["intents"]
    ]


def check(call, turns, counts: Counter, examples: dict) -> None:
    """Count every inconsistency in one played call."""
    locale, events = call.locale, call.events
    tag = f"{call.scenario.id}/{call.persona.id}/{locale}/{call.seed}"
    persona_tics = tics(call.persona)
    said_lines: list[str] = []
    said_sentences: set[str] = set()
    hosts: dict[str, set[str]] = defaultdict(set)
    harmful = False
    answered_before = False

    def hit(kind: str, detail: str) -> None:
        counts[kind] += 1
        examples[kind].append(f"{tag} t{turn}: {detail[:160]}")

    for event in events:
        turn, data = event["turn"], event["data"]
        text_in, state, resolved = turns.get(turn, ("", {}, False))
        if event["kind"] == "action_applied" and data.get("harmful") and data.get("applied"):
            harmful = True
        if event["kind"] in ("remote_command", "directory_action"):
            out = data.get("output", "")
            for pattern in HOST_IP:
                for host, ip in pattern.findall(out):
                    hosts[host.lower().split(".")[0]].add(ip)
            cmd = data.get("command", "")
            if ANSWERED.search(out) and re.search(r"unknown42|nowhere-host", cmd):
                hit("values_disagree", f"invented host answers: {cmd}")
            _free(out, state, hit)
        if event["kind"] != "caller_said":
            continue
        line = data["text"]
        low = line.lower()
        for claim, patterns in CLAIMS.items():
            if not re.search(patterns[lang(locale)], low):
                continue
            wrong = {
                "fault_after_fix": resolved,
                "relief_after_loss": harmful,
                "told_before": not answered_before,
                "repeat_call": not state.get("caller.previous_calls"),
                "how_are_you": turn <= 2 and not ASKED_HOW.search(text_in),
                "desktop_back": call.scenario.id == "password-expired",
            }[claim]
            if wrong:
                hit("contradicts_state", f"{claim}: {line}")
        username = call.caller.username
        if call.scenario.caller.others and THIRD_PARTY.search(text_in) and username in line:
            hit("contradicts_state", f"own username for a third party: {line}")
        _free(line, state, hit)
        if turn > 0 and len(line) >= REPEAT_MIN and line in said_lines:
            hit("repeated_line", line)
        else:
            for sentence in re.split(r"(?<=[.!?…])\s+", line):
                if len(sentence) >= 40 and sentence in said_sentences:
                    hit("repeated_line", sentence)
                said_sentences.add(sentence)
        said_lines.append(line)
        n = count_tics(line, persona_tics)
        if n > 1:
            hit("stacked_tics", line)
        if turn > 0:
            answered_before = True
    for host, ips in hosts.items():
        if len(ips) > 1:
            turn = 0
            hit("values_disagree", f"{host} = {sorted(ips)}")
    for event in events:
        if event["kind"] != "mood_changed" or event["turn"] == 0:
            continue
        turn = event["turn"]
        text_in = turns.get(turn, ("", {}, False))[0]
        rough = curt(text_in, locale, turn_intents(call, turn)) or bool(
            tone.signals(text_in, locale).jargon
        )
        if rough and event["data"]["after"] > event["data"]["before"]:
            hit("mood_up_when_rough", f"{event['data']} on {text_in!r}")
    _unguided(call, turns, hit)


def _free(text: str, state: dict, hit) -> None:
    """A free-space figure that disagrees with the disk's free space in the state."""
    if "pc.disk_free_gb" not in state:
        return
    for number, unit in FREE.findall(text):
        value = float(number.replace(",", "."))
        gb = value / 1024 if unit.upper() in ("MB", "MO") else value
        _compare(gb, f"{number} {unit}", state, text, hit)
    for number in BYTES.findall(text):
        digits = re.sub(r"\D", "", number)
        _compare(int(digits) / 1024**3, f"{number} bytes", state, text, hit)


def _compare(gb: float, shown: str, state: dict, text: str, hit) -> None:
    truth = float(state["pc.disk_free_gb"])
    if abs(gb - truth) > max(0.05, truth * 0.1):
        hit("values_disagree", f"{shown} free vs {truth} GB: {text[-90:]!r}")


def _unguided(call, turns, hit) -> None:
    """A novice performing a step that needs guidance, on a turn that gave none."""
    if call.persona.id != "novice":
        return
    guidance = GUIDANCE
    for event in call.events:
        kind, data = event["kind"], event["data"]
        done = data.get("action") if kind == "action_applied" else data.get("probe")
        if kind not in ("action_applied", "probe_answered") or data.get("via") != "say":
            continue
        step = call.scenario.action(done) or call.scenario.probe(done)
        hint = guidance.get(step.intent or "") if step else None
        if hint is None or (kind == "action_applied" and not data.get("applied")):
            continue
        text = f" {fold(turns.get(event['turn'], ('', {}, False))[0])} "
        if not any(f" {fold(h)} " in text for h in hint["hints"][call.locale]):
            hit("novice_unguided", f"t{event['turn']} {done} on {text!r}")


def lang(locale: str) -> str:
    """The language part of a locale."""
    return locale.split("_")[0].split("-")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--random-per-combo", type=int, default=2)
    parser.add_argument("--show", type=int, default=3, help="examples shown per count")
    parser.add_argument("--hints", type=Path, help="personas.yaml to read the novice's hints from")
    args = parser.parse_args()
    if args.hints:
        global GUIDANCE
        GUIDANCE = read(args.hints, limit=4 * 1024 * 1024).data["personas"]["novice"]["guidance"]
    library = load_library()
    engine = Engine(library.catalog, library.personas, library.articles)
    counts: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    calls = turns_played = 0
    for scenario in sorted(library.scenarios.values(), key=lambda s: s.id):
        for locale in ("en", "fr"):
            expert, steps, poor = pools(library, scenario, locale)
            for n, persona in enumerate(scenario.personas):
                rng = random.Random(f"{scenario.id}:{persona}:{locale}")
                walks = [expert] if expert else []
                if poor:
                    walks.append(poor[n % len(poor)])
                walks += [
                    random_walk(rng, library, scenario, locale, steps)
                    for _ in range(args.random_per_combo)
                ]
                for k, walk in enumerate(walks):
                    call, turns = play(engine, scenario, persona, locale, 100 + k, walk)
                    check(call, turns, counts, examples)
                    calls += 1
                    turns_played += call.turn
    print(f"calls played: {calls} ({turns_played} trainee steps)")
    for kind in (
        "contradicts_state",
        "values_disagree",
        "repeated_line",
        "stacked_tics",
        "mood_up_when_rough",
        "novice_unguided",
    ):
        print(f"{kind:<20} {counts[kind]:>5}")
        for example in examples[kind][: args.show]:
            print(f"    {example}")


if __name__ == "__main__":
    main()
