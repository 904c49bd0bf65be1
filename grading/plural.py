"""Messages with a plural form, marked for extraction like gettext's ngettext (keyword NP_:1,2)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plural:
    """A message with a singular and a plural form, chosen by the finding's `count`."""

    singular: str
    plural: str


def NP_(singular: str, plural: str) -> Plural:  # noqa: N802  (gettext-style marker)
    """Mark a message with its plural form for extraction (keyword NP_:1,2)."""
    return Plural(singular, plural)
