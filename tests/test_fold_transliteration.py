"""fold() reads accents and other letters as unidecode does, character for character."""

from __future__ import annotations

import random
import re
import warnings
from pathlib import Path

from unidecode import unidecode

from simulator.folding import fold

ROOT = Path(__file__).resolve().parent.parent


def _reference(text: str) -> str:
    """fold() as it was written before the remembered transliteration."""
    return re.sub(r"[^a-z0-9]+", " ", unidecode(text).lower()).strip()


def test_fold_matches_unidecode_on_every_scenario_and_transcript_text():
    texts = []
    for path in [*ROOT.glob("scenarios/**/*.yaml"), *ROOT.glob("tests/transcripts/**/*.yaml")]:
        texts.extend(path.read_text(encoding="utf-8").splitlines())
    assert any(not t.isascii() for t in texts)  # French accents, typographic quotes
    for text in texts:
        assert fold(text) == _reference(text)


def test_fold_matches_unidecode_on_every_character():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unidecode warns about lone surrogates
        for code in range(0x80, 0x110000, 7):
            text = f"Été {chr(code)}-x"
            assert fold(text) == _reference(text), hex(code)


def test_fold_matches_unidecode_on_mixed_random_text():
    pick = random.Random(18)
    for _ in range(3000):
        text = "".join(
            chr(pick.choice([pick.randrange(0x80), pick.randrange(0x80, 0x3000)]))
            for _ in range(pick.randrange(40))
        )
        assert fold(text) == _reference(text)
