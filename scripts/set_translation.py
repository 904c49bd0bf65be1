"""Set French translations in the catalogue and compile it: `set_translation.py 'msgid=msgstr'
...`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "translations" / "fr" / "LC_MESSAGES" / "messages.po"


def main(pairs: list[str]) -> None:
    with PO.open("rb") as f:
        catalog = read_po(f)
    for pair in pairs:
        msgid, _, msgstr = pair.partition("=")
        message = catalog.get(msgid)
        if message is None:
            sys.exit(f"no msgid {msgid!r} in the catalogue")
        message.string = msgstr
        message.flags.discard("fuzzy")
    with PO.open("wb") as f:
        write_po(f, catalog, width=100, omit_header=False)
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "compile", "-d", str(PO.parents[2])],
        check=True,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
