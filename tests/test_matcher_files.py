"""Built matchers kept on disk: read back, they understand exactly as the ones built."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from simulator.hearing import Hearing
from simulator.replay import parse_transcript
from simulator.scenario import Terms
from storage import artefacts, matcher_files

ROOT = Path(__file__).resolve().parent
SCENARIO = "printer-offline"


def _lines(locale: str) -> list[str]:
    path = ROOT / "transcripts" / SCENARIO / f"expert.{locale}.yaml"
    steps = parse_transcript(path.read_text(encoding="utf-8"), str(path))
    lines = [s.args["value"] for s in steps if s.name == "say"]
    return lines + ["blah blah", "I am going to delete all your files", "ok merci"]


def test_stored_matchers_understand_as_the_built_ones(library, tmp_path):
    scenario = library.scenario(SCENARIO)
    built = Hearing(library.catalog)
    for locale in ("en", "fr"):
        built.matcher(scenario, locale)
    matcher_files.store(built, tmp_path)
    loaded = Hearing(library.catalog)
    assert matcher_files.load_into(loaded, tmp_path) == 2
    for locale in ("en", "fr"):
        before, after = built.matcher(scenario, locale), loaded.matcher(scenario, locale)
        assert after is not before  # read back from the file, not rebuilt nor shared
        for line in _lines(locale):
            assert after.understand(line) == before.understand(line)
            assert after.scores(line) == before.scores(line)


def test_a_changed_catalog_does_not_read_matchers_built_from_the_old_one(library, tmp_path):
    scenario = library.scenario(SCENARIO)
    built = Hearing(library.catalog)
    built.matcher(scenario, "en")
    stored = matcher_files.store(built, tmp_path)
    intent_id = next(iter(library.catalog.intents))
    changed = library.catalog.with_examples({intent_id: Terms(en=["a brand new phrase"], fr=[])})
    assert matcher_files.file_for(tmp_path, changed) != stored
    assert matcher_files.load_into(Hearing(changed), tmp_path) == 0


def test_a_damaged_cache_file_is_ignored(tmp_path):
    path = tmp_path / "x.bin"
    artefacts.save(path, {"weights": np.arange(1000.0)})
    path.write_bytes(path.read_bytes()[:200])  # cut short, as by a full disk
    assert artefacts.load(path) is None
    path.write_bytes(b"")
    assert artefacts.load(path) is None
    assert artefacts.load(tmp_path / "absent.bin") is None


def test_arrays_read_back_can_be_changed_without_changing_the_file(tmp_path):
    path = tmp_path / "x.bin"
    weights = np.arange(12.0).reshape(3, 4)
    artefacts.save(path, {"weights": weights, "transposed": weights.T})
    first = artefacts.load(path)
    assert np.shares_memory(first["weights"], first["transposed"])  # stored once
    first["weights"][0, 0] = 99.0
    assert artefacts.load(path)["weights"][0, 0] == 0.0
