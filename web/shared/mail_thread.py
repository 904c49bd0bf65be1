"""An e-mail contact as the trainee reads it (shift or lone e-mail call): the user's e-mails, the
trainee's, and a call back."""

from __future__ import annotations

from typing import Any

from web.shared.transcript import entries


def _split_quote(text: str) -> tuple[str, str]:
    """A reply's text as (the message, the quoted e-mail with its "… wrote:" line)."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.startswith(">")), None)
    if first is None:
        return text.strip(), ""
    start = max(first - 1, 0)  # the "IT service desk wrote:" line
    return "\n".join(lines[:start]).strip(), "\n".join(lines[start:]).strip()


def _mail(event: dict[str, Any], opening: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the thread shows of one event as an e-mail, or None for a spoken line or a tool."""
    data = event["data"]
    if event["kind"] == "caller_said" and "email" in data:
        mail = data["email"]
        if mail is opening:
            return {**mail, "first": True}
        message, quote = _split_quote(mail.get("text", mail["body"]))
        return {
            "subject": mail["subject"],
            "from": mail["from"],
            "message": message,
            "quote": quote,
        }
    if event["kind"] == "trainee_said" and data.get("channel") == "email":
        subject = opening["subject"] if opening else ""
        return {"subject": subject, "message": data["text"]}
    return None


def thread_entries(events: list[dict[str, Any]], after_seq: int = 0) -> list[dict[str, Any]]:
    """The thread's entries after `after_seq`: each e-mail with its parts, spoken lines and tools
    as on the call screen, and the moment the trainee phoned the user back."""
    by_seq = {e["seq"]: e for e in events}
    opening = next(
        (e["data"]["email"] for e in events if e["kind"] == "caller_said" and "email" in e["data"]),
        None,
    )
    shown = []
    for entry in entries(events, after_seq):
        mail = _mail(by_seq[entry["seq"]], opening)
        if mail is not None:
            entry = {**entry, "mail": mail}
        shown.append(entry)
    for e in events:
        if e["kind"] == "phoned_back" and e["seq"] > after_seq:
            shown.append({"seq": e["seq"], "turn": e["turn"], "kind": "phoned_back", "who": ""})
    return sorted(shown, key=lambda entry: entry["seq"])


def phoned_back(events: list[dict[str, Any]]) -> bool:
    """Whether the trainee has phoned the user back (their later answers are spoken)."""
    return any(e["kind"] == "phoned_back" for e in events)


def seen_entries(events: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The entries the trainee saw (an e-mail call's thread, else the conversation) and the
    call's start: its caller and channel."""
    started = next((e["data"] for e in events if e["kind"] == "call_started"), {})
    if started.get("channel") == "email":
        return thread_entries(events), started
    return entries(events), started
