"""Where a `next` parameter may send the browser: a path of this site, read as browsers read it.

Browsers drop tabs and line breaks anywhere in a URL, strip leading and trailing control
characters and spaces, and treat a backslash like a slash in http(s) URLs; so `/\\t/evil.example`
and `/\\\\evil.example` both mean `//evil.example`, another site. The target is normalised the same
way first, and only then checked: a path that starts with one slash, no scheme, no host.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_DROPPED = re.compile(r"[\t\n\r]")
_EDGES = "".join(chr(c) for c in range(0x21))  # C0 controls and space, stripped at both ends
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_LENGTH = 2000


def browser_form(target: str) -> str:
    """The URL a browser would follow for `target` (tabs/newlines dropped, backslashes as /)."""
    return _DROPPED.sub("", target).strip(_EDGES).replace("\\", "/")


def same_site_path(target: str | None) -> str | None:
    """`target` as a same-site path (normalised), or None when it could lead anywhere else."""
    if not target or len(target) > MAX_LENGTH:
        return None
    path = browser_form(target)
    if not path.startswith("/") or path.startswith("//") or _CONTROL.search(path):
        return None
    try:
        parts = urlsplit(path)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return None
    return path
