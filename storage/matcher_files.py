"""Every scenario's matchers, kept on disk between starts (storage/artefacts.py's format).

A file holds the matchers one Hearing built, by their key, and is named by a hash of what they were
built from: the catalog's example phrases in every locale, the understanding code (`simulator/
understand.py`, `folding.py`) and the versions of Python and the libraries inside the pickle. Any
change to one of them names another file; the old one is removed when the new one is written.
A scenario's own examples are part of each matcher's key, so a scenario edited since the file was
written simply finds no matcher there and builds its own. Delete the folder at any time.
"""

from __future__ import annotations

import hashlib
import platform
from importlib import metadata
from pathlib import Path

from simulator import folding, understand
from simulator.catalog import Catalog
from simulator.hearing import Hearing
from simulator.scenario import LOCALES
from simulator.understand import catalog_examples
from storage import artefacts

LIBRARIES = ("numpy", "scipy", "scikit-learn", "rapidfuzz")
PREFIX = "matchers-"


def file_for(folder: Path, catalog: Catalog) -> Path:
    """Where the matchers built from this catalog with this code live."""
    digest = hashlib.sha256(artefacts.MAGIC)
    for module in (understand, folding):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(platform.python_version().encode())
    for name in LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}".encode())
    for locale in LOCALES:
        digest.update(repr(catalog_examples(catalog, locale)).encode())
    return folder / f"{PREFIX}{digest.hexdigest()[:24]}.bin"


_read: dict[Path, dict] = {}  # files read by this process: every app's engine shares them


def load_into(hearing: Hearing, folder: Path) -> int:
    """Adopt the matchers stored for this catalog and code, if any; how many."""
    path = file_for(folder, hearing.catalog)
    stored = _read.get(path)
    if stored is None:
        stored = artefacts.load(path)
        if not isinstance(stored, dict):
            return 0
        _read[path] = stored
    hearing.adopt_matchers(stored)
    return len(stored)


def store(hearing: Hearing, folder: Path) -> Path:
    """Write the hearing's matchers for the next start; remove files of other catalogs or code."""
    path = file_for(folder, hearing.catalog)
    built = hearing.built_matchers()
    for matcher in built.values():
        _share_weights(matcher)
    artefacts.save(path, built)
    _read.pop(path, None)
    for old in folder.glob(f"{PREFIX}*.bin"):
        if old != path:
            old.unlink(missing_ok=True)
    return path


def _share_weights(matcher: understand.Matcher) -> None:
    """Keep the SVM's weights once: `coef_` as a view of the transposed copy classification uses.

    The two hold the same numbers (13 MB a matcher); as a view, the file and the memory hold them
    once. Nothing reads `coef_` after training but sklearn itself, which accepts any layout.
    """
    svm, transposed = getattr(matcher, "svm", None), getattr(matcher, "_coef_t", None)
    if svm is None or transposed is None or not hasattr(svm, "coef_"):
        return
    if svm.coef_.shape == transposed.T.shape and (svm.coef_ == transposed.T).all():
        svm.coef_ = transposed.T
