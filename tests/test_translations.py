"""The French interface is complete: every message in the code and templates has a real
translation."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
METHODS = [
    ("simulator/**.py", "python"),
    ("grading/**.py", "python"),
    ("web/**.py", "python"),
    ("templates/**.html", "jinja2"),
]
# gettext's own names, Flask-Babel's lazy ones, and simulator.translation's markers (NC_: with a
# context)
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "_l": None,
    "lazy_gettext": None,
    "N_": None,
    "NC_": ((1, "c"), 2),
    "NP_": (1, 2),
}


def _extracted() -> dict[tuple[str, str | None], tuple[str, int]]:
    found = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(ROOT), method_map=METHODS, keywords=KEYWORDS
    ):
        msgid = message if isinstance(message, str) else message[0]
        found.setdefault((msgid, context), (filename, lineno))
    return found


def test_every_message_has_a_french_translation():
    with PO.open("rb") as f:
        catalog = read_po(f, locale="fr")
    missing = []
    for (msgid, context), (filename, lineno) in sorted(_extracted().items(), key=str):
        message = catalog.get(msgid, context=context)
        strings = (
            ()
            if message is None
            else (message.string if isinstance(message.string, tuple) else (message.string,))
        )
        if message is None or message.fuzzy or not strings or not all(strings):
            missing.append(f"{filename}:{lineno} {msgid!r}")
    assert not missing, "untranslated (run pybabel extract/update, then translate):\n" + "\n".join(
        missing
    )


def test_translations_keep_their_placeholders():
    import re

    with PO.open("rb") as f:
        catalog = read_po(f, locale="fr")
    placeholder = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(placeholder.findall(ids[-1])) | set(placeholder.findall(ids[0]))
        for string in strings:
            if string and not set(placeholder.findall(string)) <= expected:
                wrong.append(f"{ids[0]!r} → {string!r}")
    assert not wrong, "\n".join(wrong)
