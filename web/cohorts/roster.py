"""Trainee lists: a CSV file (name, email, locale) checked row by row before anything is stored."""

from __future__ import annotations

import csv
import io
import re
import secrets
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlite_utils import Database

from storage import cohorts
from web.shared.i18n import LOCALES

MAX_ROWS = 200  # each new account's password is hashed (slow by design): about 0.1 s a row
HEADERS = {  # accepted column titles → field
    "name": "name",
    "nom": "name",
    "full name": "name",
    "nom complet": "name",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "courriel": "email",
    "locale": "locale",
    "language": "locale",
    "langue": "locale",
    "lang": "locale",
}
EMAIL = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\"]+$")


class RosterError(ValueError):
    """The file as a whole cannot be read (no header, wrong columns, too many rows)."""


@dataclass
class Checked:
    """The rows of a file after checking: those to create and those refused, each with its line."""

    accepted: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)


def initial_password() -> str:
    """A generated first password, easy to read out (no 0/O or 1/l)."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


def decode(raw: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 as spreadsheets write it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _reader(text: str) -> csv.reader:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)


def parse(text: str) -> list[tuple[int, dict[str, str]]]:
    """(line, row) for every non-empty data row; RosterError if the header lacks name or email."""
    rows = [r for r in _reader(text.strip())]
    if not rows:
        raise RosterError(_("The file is empty."))
    fields = [HEADERS.get(h.strip().lower()) for h in rows[0]]
    if "name" not in fields or "email" not in fields:
        raise RosterError(_("The first line must name the columns: name, email, locale."))
    out = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        row = {"name": "", "email": "", "locale": ""}
        for key, value in zip(fields, cells, strict=False):
            if key:
                row[key] = value.strip()
        out.append((line, row))
    if len(out) > MAX_ROWS:
        raise RosterError(_("At most %(n)d trainees per file; split the file.", n=MAX_ROWS))
    return out


def check_row(db: Database, row: dict[str, str], seen: set[str]) -> str | None:
    """Why this row is refused, or None if it can be created."""
    name, email, locale = (
        " ".join(row["name"].split()),
        row["email"].strip(),
        row["locale"].strip().lower(),
    )
    if not name:
        return _("the name is missing")
    if len(name) > 120:
        return _("the name is longer than 120 characters")
    if not email:
        return _("the email is missing")
    if len(email) > 200 or not EMAIL.match(email):
        return _("“%(email)s” is not an email address", email=email)
    if email.lower() in seen:
        return _("this email appears twice in the file")
    if cohorts.email_taken(db, email):
        return _("an account already uses this email (add it as an existing trainee)")
    if locale and locale not in LOCALES:
        return _(
            "unknown language “%(locale)s” (use en or fr, or leave it empty)", locale=row["locale"]
        )
    return None


def check(db: Database, text: str) -> Checked:
    """Check every row; RosterError if the file as a whole cannot be read."""
    result, seen = Checked(), set()
    for line, row in parse(text):
        reason = check_row(db, row, seen)
        if row["email"]:
            seen.add(row["email"].strip().lower())
        if reason:
            result.rejected.append({"line": line, **row, "reason": reason})
        else:
            result.accepted.append(
                {
                    "line": line,
                    "name": " ".join(row["name"].split()),
                    "email": row["email"].strip(),
                    "locale": row["locale"].strip().lower(),
                    "password": initial_password(),
                }
            )
    return result
