"""Does the politeness judgement agree with people? AUC and accuracy on human-rated requests.

Run: .venv/bin/python bench/politeness.py [path/to/stack-exchange.annotated.csv]

- English: the Stanford Politeness Corpus, Stack Exchange half (Danescu-Niculescu-Mizil et al.,
  ACL 2013, CC BY 4.0), top-vs-bottom quartile task. An extract ships in
  bench/data/politeness/stack_exchange_extract.txt (see README.md there); pass the full annotated
  CSV to measure on all of it (its quartiles are cut from the "Normalized Score" column).
- French: help-desk lines written and labelled polite / neutral / impolite for Hotliner
  (bench/data/politeness/helpdesk_fr.txt); polite vs impolite is the same task.

Targets (issue 13): AUC ≥ 0.85 in each language. Accuracy is read at the median score.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grading.politeness import politeness  # noqa: E402

DATA = ROOT / "bench" / "data" / "politeness"


def auc(positives: list[float], negatives: list[float]) -> float:
    """The probability that a random polite line scores above a random impolite one."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def accuracy(positives: list[float], negatives: list[float]) -> float:
    """Share classified right with the threshold at the median of all scores."""
    scores = sorted(positives + negatives)
    cut = scores[len(scores) // 2]
    right = sum(p >= cut for p in positives) + sum(n < cut for n in negatives)
    return right / len(scores)


def _tsv(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append((label, text))
    return rows


def _full_corpus(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as f:
        rows = [(float(r["Normalized Score"]), r["Request"]) for r in csv.DictReader(f)]
    rows.sort()
    quarter = len(rows) // 4
    return [("impolite", t) for _, t in rows[:quarter]] + [
        ("polite", t) for _, t in rows[-quarter:]
    ]


def measure(name: str, rows: list[tuple[str, str]], locale: str) -> dict[str, float]:
    """AUC and accuracy of polite vs impolite lines; print them."""
    neutral = [politeness(t, locale) for label, t in rows if label == "neutral"]
    pos = [politeness(t, locale) for label, t in rows if label == "polite"]
    neg = [politeness(t, locale) for label, t in rows if label == "impolite"]
    figures = {"auc": auc(pos, neg), "accuracy": accuracy(pos, neg), "n": len(pos) + len(neg)}
    print(
        f"{name}: {len(pos)} polite vs {len(neg)} impolite — AUC {figures['auc']:.3f}, "
        f"accuracy {figures['accuracy']:.1%} (target AUC ≥ 0.85)"
    )
    if neutral:
        mean = {
            k: sum(v) / len(v)
            for k, v in (("polite", pos), ("neutral", neutral), ("impolite", neg))
        }
        print("   mean politeness: " + ", ".join(f"{k} {v:+.2f}" for k, v in mean.items()))
    return figures


def main(argv: list[str]) -> None:
    """Measure both languages (and the full English corpus when its path is given)."""
    measure("en, Stack Exchange extract", _tsv(DATA / "stack_exchange_extract.txt"), "en")
    if len(argv) > 1:
        measure("en, Stack Exchange full quartiles", _full_corpus(Path(argv[1])), "en")
    french = DATA / "helpdesk_fr.txt"
    if french.exists():
        measure("fr, help-desk lines", _tsv(french), "fr")


if __name__ == "__main__":
    main(sys.argv)
