"""A trainer's review laid over a transcript: comments placed after their turn, overrides per
skill."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from storage import reviews


def last_entry_of_turn(entries: list[dict[str, Any]]) -> dict[int, int]:
    """turn → seq of the last entry shown for that turn (where its comments go)."""
    out: dict[int, int] = {}
    for e in entries:
        out[e["turn"]] = e["seq"]
    return out


def review_of(db: Database, call_id: int, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Comments by the entry they follow, comments on the whole call, and the latest overrides."""
    placed: dict[int, list[dict[str, Any]]] = {}
    general = []
    anchors = last_entry_of_turn(entries)
    for comment in reviews.comments(db, call_id):
        seq = anchors.get(comment["turn"])
        if comment["turn"] == 0 or seq is None:
            general.append(comment)
        else:
            placed.setdefault(seq, []).append(comment)
    return {
        "comments_after": placed,
        "general_comments": general,
        "overrides": reviews.overrides(db, call_id),
    }
