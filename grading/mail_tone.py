"""Tone in writing: the rules of an e-mail contact that replace the phone's.

On the phone the tone opens with a greeting in the first words, the service and one's name at
once, and asks the caller's name; it closes with a summary, the ticket number, "anything else?"
and a goodbye, and explains remote control or holds. In an e-mail the user's name is on their
message, nobody waits on hold, and the written skill (grading/email_written.py) already judges
the greeting line, the sign-off, the ticket number in each reply, SMS speak, numbered steps and
*vouvoiement*. So an e-mail's tone judges:

- opening: the first e-mail addresses the user by name and says who writes (the service and
  your name; the signature counts);
- one question per paragraph: a paragraph that holds two questions gets one answered;
- closing: a summary and "anything else?" before the contact is closed;
- and, as on the phone, politeness, empathy, respect, plain words and the cause explained.
"""

from __future__ import annotations

import re

from grading.checks import introduction, uses_name
from grading.framing import closing_said
from grading.messages import finding
from grading.model import Finding, allot
from grading.timeline import Timeline
from simulator.email_thread import SIGN_OFF_LINE

SKILL = "tone"
_PARAGRAPH = re.compile(r"\n\s*\n")
_NAME_LINE = re.compile(r"^[A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?$")
_QUESTION = re.compile(r"[^.?!:;\n]*\?")


def emails(t: Timeline) -> list[int]:
    """The turns in which the trainee wrote an e-mail, in order."""
    return sorted(t.mailed)


def opening(t: Timeline, weight: int) -> list[Finding]:
    """The first e-mail: the user addressed by name, and who writes (service and own name)."""
    parts = allot({"address": 1, "introduce": 1}, weight)
    sent = emails(t)
    first = sent[0] if sent else (t.say_turns() or [1])[0]
    body = t.said.get(first, "")
    head = next((line for line in body.splitlines() if line.strip()), "")
    named = uses_name(head, t.caller_name)
    service, own = introduction(body, t.locale)
    own = own or signed(body)
    intro = (
        parts["introduce"]
        if service and own
        else (parts["introduce"] // 2 if service or own else 0)
    )
    key = (
        "mail_intro_ok"
        if service and own
        else ("mail_intro_partial" if service or own else "mail_intro_missing")
    )
    return [
        finding(
            SKILL,
            "mail_address",
            parts["address"] if named else 0,
            parts["address"],
            first,
            t.words,
            "mail_address_ok" if named else "mail_address_missing",
        ),
        finding(SKILL, "mail_introduction", intro, parts["introduce"], first, t.words, key),
    ]


def signed(body: str) -> bool:
    """Whether the e-mail's signature gives a name: a line after the sign-off that is not the
    service ("Kind regards,\nSam\nIT service desk")."""
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if SIGN_OFF_LINE.match(line)), None)
    if start is None:
        return False
    after = lines[start + 1 :]
    return any(_NAME_LINE.match(line) and not introduction(line, "en")[0] for line in after)


def crowded(body: str) -> list[str]:
    """The paragraphs of an e-mail that ask two questions or more."""
    return [p.strip() for p in _PARAGRAPH.split(body) if p.count("?") >= 2]


def paragraphs(t: Timeline, weight: int) -> Finding:
    """One question per paragraph: the share of e-mails that kept it."""
    sent = emails(t)
    if not sent:
        return finding(SKILL, "paragraphs", weight, weight, 1, t.words, "paragraphs_ok")
    broken = [(turn, crowded(t.said[turn])) for turn in sent]
    broken = [(turn, found) for turn, found in broken if found]
    points = round(weight * (len(sent) - len(broken)) / len(sent))
    if not broken:
        return finding(SKILL, "paragraphs", points, weight, sent[0], t.words, "paragraphs_ok")
    turn, found = broken[0]
    quote = " ".join(" ".join(q.strip() for q in _QUESTION.findall(found[0])[:2]).split())[:80]
    count = sum(len(found) for _, found in broken)
    return finding(
        SKILL,
        "paragraphs",
        points,
        weight,
        turn,
        t.words,
        "paragraphs_crowded",
        count=count,
        quote=quote,
    )


def closing(t: Timeline, weight: int) -> list[Finding]:
    """A summary and "anything else?" before the contact is closed (sign-off and ticket number
    are the written skill's)."""
    parts = allot({"summarize": 1, "offer_further_help": 1}, weight)
    return [closing_said(t, intent, share, "mail_close") for intent, share in parts.items()]
