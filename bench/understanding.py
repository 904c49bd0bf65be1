"""Quality of the offline matcher on labelled trainee utterances that are not catalog examples.

Run: .venv/bin/python bench/understanding.py   (prints accuracy per locale and the worst confusions)
Targets (issue 3): in-scope recognised with the right intent ≥ 90% (en), ≥ 85% (fr);
out-of-scope utterances mistaken for a probe or action ≤ 5%.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.catalog import load_catalog  # noqa: E402
from simulator.folding import fold  # noqa: E402
from simulator.understand import Matcher, catalog_examples  # noqa: E402


def evaluate(locale: str, verbose: bool = True) -> dict:
    """Accuracy figures for one locale."""
    catalog = load_catalog()
    items = yaml.safe_load((ROOT / "bench" / "data" / f"utterances_{locale}.yaml").read_text())
    examples = {fold(text) for _, text in catalog_examples(catalog, locale)}
    copies = [x["text"] for x in items if fold(x["text"]) in examples]
    items = [x for x in items if fold(x["text"]) not in examples]  # measure only unseen phrasings
    started = time.perf_counter()
    matcher = Matcher(catalog_examples(catalog, locale), locale)
    build = time.perf_counter() - started
    right = wrong = missed = fp = oos = 0
    confusion: Counter = Counter()
    per_intent: Counter = Counter()
    errors_per_intent: Counter = Counter()
    started = time.perf_counter()
    for item in items:
        got = matcher.understand(item["text"]).intents
        label = item["intent"]
        if label is None:
            oos += 1
            if any(catalog.intents[i].kind != "conversation" for i in got):
                fp += 1
                confusion[("(none)", got[0])] += 1
            continue
        per_intent[label] += 1
        if got and got[0] == label:
            right += 1
        else:
            errors_per_intent[label] += 1
            if got:
                wrong += 1
                confusion[(label, got[0])] += 1
            else:
                missed += 1
                confusion[(label, "(not understood)")] += 1
    elapsed = time.perf_counter() - started
    in_scope = right + wrong + missed
    result = {
        "locale": locale,
        "in_scope": in_scope,
        "accuracy": right / in_scope,
        "wrong": wrong / in_scope,
        "not_understood": missed / in_scope,
        "out_of_scope": oos,
        "false_positive": fp / max(oos, 1),
        "ms_per_utterance": 1000 * elapsed / len(items),
        "build_s": build,
        "copies_of_catalog": len(copies),
    }
    if verbose:
        print(
            f"\n== {locale}: {in_scope} in-scope, {oos} out-of-scope utterances "
            f"({len(copies)} left out: identical to a catalog example once folded)"
        )
        print(f"  right intent        {result['accuracy']:.1%}")
        print(f"  wrong intent        {result['wrong']:.1%}")
        print(f"  not understood      {result['not_understood']:.1%}")
        print(f"  out-of-scope taken for a probe/action  {result['false_positive']:.1%}")
        print(f"  {result['ms_per_utterance']:.2f} ms per utterance; index built in {build:.2f} s")
        print(
            "  worst intents (errors/total): "
            + ", ".join(
                f"{i} {errors_per_intent[i]}/{per_intent[i]}"
                for i, _ in errors_per_intent.most_common(8)
            )
        )
        print("  most frequent confusions:")
        for (label, got), n in confusion.most_common(12):
            print(f"    {n:3d}  {label:28s} → {got}")
    return result


if __name__ == "__main__":
    for loc in ("en", "fr"):
        evaluate(loc)
