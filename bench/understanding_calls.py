"""Understanding in context: whole calls, trap lines and polite forms, played through the engine.

Data (bench/data/, written as agents type, independently of the catalog):
- calls_{en,fr}.yaml: whole calls; each trainee line lists the intents a person hears (`hear`) and
  the intents that must not be heard (`not`). A line is fully right when every `hear` intent is
  taken up (matched and not set aside as negated, announced, claimed...) and no `not` intent is.
  The calls are split once, by a fixed hash of their name, into a tuning half and a held-out half.
  The lines are what the trainee types; where a line asks for remote access and the caller hears
  it, the bench then connects (the Remote button a trainee presses next in the app), so that
  "I'm clearing the temp files now" is said on the caller's screen, as the writer meant it.
- calls2_tuning_{en,fr}.yaml, calls2_heldout_{en,fr}.yaml: fresh whole calls written blind for
  issue 12, split by file: a "tuning (fresh)" line and a "held-out (fresh)" line per language. With
  -v only the tuning file's misses are printed, never the held-out file's; with --tuning the
  held-out calls are not even played (while tuning, no held-out figure is seen either).
- calls3_heldout_{en,fr}.yaml: a second blind held-out set, written later by someone who saw neither
  the catalog nor the other data; nobody tuning reads it ("held-out (fresh 3)").
  Each fresh figure also counts the lines that are near-copies of a catalog example (should be 0).
- calls4_tuning_{en,fr}.yaml: more blind calls, written after that, to tune on ("tuning (fresh 4)").
- calls5_{tuning,heldout}_{en,fr}.yaml: a fifth blind set (20 calls per language, every phone
  scenario), split by file when written: "tuning (fresh 5)" and "held-out (fresh 5)".
- calls6_{tuning,heldout}_{en,fr}.yaml: a sixth blind set, written the same way by two more
  writers asked for terser, chattier and clumsier agents ("tuning (fresh 6)", "held-out (fresh 6)").
- calls7_{tuning,heldout}_{en,fr}.yaml: a seventh blind set by two more writers (night-shift,
  scripted, narrating, filler-talking and chat-typing agents, their mistakes included), with label
  conventions settled in their brief (docs/UNDERSTANDING.md, eighth pass) ("tuning (fresh 7)",
  "held-out (fresh 7)").
- calls8_{tuning,heldout}_{en,fr}.yaml: an eighth blind set by two more writers (a terse veteran, a
  chatty agent, a non-native speaker, a phone typist, a formal British agent; in French a formal
  agent, support franglais, an end-of-day agent without punctuation, one who rephrases everything,
  one who types without accents), same brief and label conventions ("tuning (fresh 8)",
  "held-out (fresh 8)").
- traps_{en,fr}.yaml: lines that mention an action but must not make the caller do it (an
  announcement the scenario answers with an action that changes nothing, « je vous réinitialise
  votre mot de passe » → "Do I need to do anything?", makes nobody do anything: not counted).
- polite_{en,fr}.yaml: polite or negative-looking forms that still ask for the action.

Run: `.venv/bin/python bench/understanding_calls.py` (part of `make bench`).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.conversation import SET_ASIDE  # noqa: E402
from simulator.engine import Engine  # noqa: E402
from simulator.folding import fold  # noqa: E402
from simulator.library import load_library  # noqa: E402

DATA = ROOT / "bench" / "data"


def half(name: str) -> str:
    """The fixed half a call belongs to: 'held-out' or 'tuning' (sha1 of its name)."""
    return "held-out" if hashlib.sha1(name.encode()).digest()[0] % 2 else "tuning"


TUNING_ONLY = "--tuning" in sys.argv  # while tuning: the held-out files are not even played


def taken_up(events: list[dict]) -> set[str]:
    """The intents of a step the caller acts on or answers (not negated, withheld, claimed).

    A probe restated (facts the caller gave, said back) is heard as what it is, a summary: the
    caller confirms it (`summarize`), and the probe is not asked again.
    """
    for event in events:
        if event["kind"] == "intent_matched":
            found = event["data"]["intents"]
            heard = {m["intent"] for m in found if not any(m.get(flag) for flag in SET_ASIDE)}
            return heard | ({"summarize"} if any(m.get("restated") for m in found) else set())
    return set()


def play_call(engine: Engine, library, call_spec: dict, locale: str) -> list[tuple[dict, bool]]:
    """Each line of a call with whether it was fully right."""
    scenario = library.scenario(call_spec["scenario"])
    call = engine.start(scenario, call_spec["persona"], locale, seed=1)
    results = []
    for line in call_spec["lines"]:
        if call.ended:
            results.append((line, False))
            continue
        heard = taken_up(engine.step(call, {"say": line["say"]}))
        ok = set(line.get("hear", [])) <= heard and not set(line.get("not", [])) & heard
        results.append((line | {"got": sorted(heard)}, ok))
        if "ask_remote_permission" in heard and not call.ended:
            engine.step(call, "remote_connect")  # the trainee's Remote button, as in the app
    return results


def calls(engine: Engine, library, locale: str, verbose: bool) -> None:
    specs = yaml.safe_load((DATA / f"calls_{locale}.yaml").read_text(encoding="utf-8"))
    tally = {"tuning": [0, 0], "held-out": [0, 0]}
    for spec in specs:
        part = half(spec["name"])
        if TUNING_ONLY and part == "held-out":
            continue
        for line, ok in play_call(engine, library, spec, locale):
            tally[part][0] += ok
            tally[part][1] += 1
            if verbose and not ok and part == "tuning":
                print(f"    ✗ [{spec['name']}] {line['say']!r} want {line.get('hear')} "
                      f"not {line.get('not', [])} got {line.get('got')}")  # fmt: skip
    names = {half(s["name"]) for s in specs}
    print(f"== {locale}: {len(specs)} calls ({', '.join(sorted(names))})")
    for part, (right, total) in tally.items():
        if not total:
            continue
        print(f"  {part:9} {right}/{total} lines fully right = {100 * right / max(total, 1):.1f}%")


FRESH = (
    ("tuning (fresh)", "calls2_tuning"),
    ("held-out (fresh)", "calls2_heldout"),
    ("held-out (fresh 3)", "calls3_heldout"),
    ("tuning (fresh 4)", "calls4_tuning"),
    ("tuning (fresh 5)", "calls5_tuning"),
    ("held-out (fresh 5)", "calls5_heldout"),
    ("tuning (fresh 6)", "calls6_tuning"),
    ("held-out (fresh 6)", "calls6_heldout"),
    ("tuning (fresh 7)", "calls7_tuning"),
    ("held-out (fresh 7)", "calls7_heldout"),
    ("tuning (fresh 8)", "calls8_tuning"),
    ("held-out (fresh 8)", "calls8_heldout"),
)
NEAR_COPY = 90  # rapidfuzz ratio on folded text, as in tests/test_generalisation.py


def near_copies(library, specs: list[dict], locale: str) -> int:
    """How many lines (of 3 words or more) are near-copies of a catalog example of the locale."""
    catalog = library.catalog
    examples = [fold(e) for i in catalog.intents for e in catalog.examples(i, locale)]
    lines = [fold(line["say"]) for spec in specs for line in spec["lines"]]
    return sum(
        1
        for text in lines
        if len(text.split()) >= 3
        and process.extractOne(text, examples, scorer=fuzz.ratio, score_cutoff=NEAR_COPY)
    )


def fresh_calls(engine: Engine, library, locale: str, verbose: bool) -> None:
    """Play the fresh calls, one figure per file; print misses of the tuning file only."""
    for label, stem in FRESH:
        path = DATA / f"{stem}_{locale}.yaml"
        if not path.exists() or (TUNING_ONLY and "heldout" in stem):
            continue
        specs = yaml.safe_load(path.read_text(encoding="utf-8"))
        right = total = 0
        for spec in specs:
            for line, ok in play_call(engine, library, spec, locale):
                right, total = right + ok, total + 1
                if verbose and not ok and "tuning" in stem:
                    print(f"    ✗ [{spec['name']}] {line['say']!r} want {line.get('hear')} "
                          f"not {line.get('not', [])} got {line.get('got')}")  # fmt: skip
        print(
            f"  {label:18} {len(specs)} calls, {right}/{total} lines fully right"
            f" = {100 * right / max(total, 1):.1f}%"
            f" (near-copies of catalog examples: {near_copies(library, specs, locale)})"
        )


def traps(engine: Engine, library, locale: str, verbose: bool) -> None:
    fired = destructive = 0
    items = yaml.safe_load((DATA / f"traps_{locale}.yaml").read_text(encoding="utf-8"))
    for item in items:
        scenario = library.scenario(item["scenario"])
        call = engine.start(scenario, None, locale, seed=1)
        bound = [a for a in scenario.actions if a.intent == item["action"]]
        said_only = bound and all(not (a.effects or a.drastic or a.harmful) for a in bound)
        if item["action"] in taken_up(engine.step(call, {"say": item["text"]})) and not said_only:
            fired += 1
            bad = any(
                a.drastic or a.harmful for a in scenario.actions if a.intent == item["action"]
            )
            destructive += bad
            if verbose:
                print(f"    ✗ trap fired{' (destructive)' if bad else ''}: {item['text']!r}")
    print(f"  traps: {len(items)} lines, {fired} fired the action ({destructive} destructive)")
    items = yaml.safe_load((DATA / f"polite_{locale}.yaml").read_text(encoding="utf-8"))
    applied = 0
    for item in items:
        call = engine.start(library.scenario(item["scenario"]), None, locale, seed=1)
        ok = item["action"] in taken_up(engine.step(call, {"say": item["text"]}))
        applied += ok
        if verbose and not ok:
            print(f"    ✗ polite form not applied: {item['text']!r}")
    print(f"  polite forms: {applied}/{len(items)} applied = {100 * applied / len(items):.1f}%")


def main() -> None:
    """Print the in-context figures for both locales."""
    library = load_library()
    engine = Engine(library.catalog, library.personas, library.articles)
    verbose = "-v" in sys.argv
    for locale in ("en", "fr"):
        calls(engine, library, locale, verbose)
        fresh_calls(engine, library, locale, verbose)
        traps(engine, library, locale, verbose)


if __name__ == "__main__":
    main()
