"""The locale of a text, and the words that live in code, translated through gettext.

Words written in Python (findings, validation problems, console and directory output, the names of
teams and categories) are English message ids marked with `N_`; their French lives in the
catalogue under translations/ beside the interface's, extracted by pybabel. Scenario texts stay in
their YAML, in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from gettext import NullTranslations
from pathlib import Path

from babel.support import Translations

LOCALES = ("en", "fr")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"


def lang(locale: str | None) -> str:
    """The supported locale to use for a requested one: French when asked for, else English."""
    return "fr" if locale == "fr" else "en"


def N_(message: str) -> str:  # noqa: N802  (gettext's usual name for a marker)
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:  # noqa: N802
    """Mark a message with a context (a short word such as "console" that tells translators where
    it is shown, and keeps "yes" on a console apart from "Yes" on a button)."""
    return (context, message)


@cache
def load_translations(directory: Path = TRANSLATIONS_DIR) -> Mapping[str, NullTranslations]:
    """Every locale's compiled catalogue (English is the message ids themselves)."""
    found: dict[str, NullTranslations] = {"en": NullTranslations()}
    for locale in LOCALES:
        if locale != "en":
            found[locale] = Translations.load(str(directory), [locale], domain="messages")
    return found


Message = str | tuple[str, str]  # a message id, or (context, message id) from NC_


def gettext(translations: Mapping[str, NullTranslations], locale: str, message: Message) -> str:
    """`message` in `locale` (an empty message stays empty: gettext("") is the catalogue's
    header)."""
    if isinstance(message, tuple):
        return translations[lang(locale)].pgettext(*message)
    if not message:
        return ""
    return translations[lang(locale)].gettext(message)


def ngettext(
    translations: Mapping[str, NullTranslations], locale: str, singular: str, plural: str, n: int
) -> str:
    """The singular or plural form of a message for `n`, in `locale`."""
    return translations[lang(locale)].ngettext(singular, plural, n)


class Words(Mapping[str, str]):
    """A table of marked messages read in one locale: `words["title"]` is its translation."""

    def __init__(
        self,
        table: Mapping[str, Message],
        locale: str,
        translations: Mapping[str, NullTranslations] | None = None,
    ):
        self.table = table
        self.locale = locale
        self.translations = translations if translations is not None else load_translations()

    def __getitem__(self, key: str) -> str:
        return gettext(self.translations, self.locale, self.table[key])

    def __iter__(self):
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)
