"""Understanding tests measure generalisation: no test sentence is (nearly) a catalog example.

A failing sentence is fixed by a general rule or by more varied examples, never by copying it into
the catalog; this test keeps the test sentences and the catalog's examples apart.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from simulator.folding import fold

HERE = Path(__file__).resolve().parent
CHECKED = (
    "test_understand.py",
    "test_clauses.py",
    "test_confirmation.py",
    "test_offscript.py",
    "test_dialogue_context.py",
    "test_understanding_in_context.py",
    "test_heard_by_its_words.py",
    "test_heard_as_typed.py",
    "test_heard_tenth_pass.py",
)
THRESHOLD = 90  # rapidfuzz ratio (0..100) on folded text


def _sentences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    texts = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    return sorted(t for t in texts if len(t.split()) >= 3 and not t.startswith(("\\n", "_")))


def _catalog_examples(library) -> list[str]:
    catalog = library.catalog
    return [
        fold(text)
        for intent in catalog.intents
        for locale in ("en", "fr")
        for text in catalog.examples(intent, locale)
    ]


@pytest.mark.parametrize("name", CHECKED)
def test_no_test_sentence_is_a_catalog_example(library, name):
    examples = _catalog_examples(library)
    close = []
    for sentence in _sentences(HERE / name):
        folded = fold(sentence)
        best = max(examples, key=lambda e: fuzz.ratio(folded, e))
        if fuzz.ratio(folded, best) >= THRESHOLD:
            close.append((sentence, best))
    assert not close, close
