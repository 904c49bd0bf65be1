"""The written channel: the user's e-mail that opens a contact, and the user's replies as e-mails.

An e-mail contact is a call of the call engine on the channel "email": the user's first message
comes from the scenario's `email` block, each trainee reply is an `email` step read by the same
understanding as a spoken line (clause by clause, the greeting kept, the signature left out), and
the user answers with the same honesty, worded as an e-mail: a greeting, their words, their own
sign-off (the persona's voice) and the trainee's message quoted below.
"""

from __future__ import annotations

import random
import re
from typing import Any

from simulator.call import Call
from simulator.translation import NC_, Words

# A line that starts the trainee's sign-off block: it and the lines after it are the signature.
SIGN_OFF_LINE = re.compile(
    r"^\s*(kind regards|best regards|regards|best wishes|sincerely|yours|cordialement|"
    r"bien cordialement|sinc[eè]res salutations|salutations|bien [àa] vous|"
    r"je vous prie d'agr[ée]er)\b",
    re.IGNORECASE,
)
WRITING_SECONDS = 30  # reading the thread and opening the reply
WRITING_SPEED = 6  # characters typed per second
_LIST_MARK = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+")
_ENDS_SENTENCE = re.compile(r"[.!?:;,]$")

L = {
    "re": NC_("email", "RE: {subject}"),
    "greeting": NC_("email", "Hello,"),
    "greeting_hurried": NC_("email", "Hi,"),
    "sign_off_calm": NC_("email", "Kind regards,"),
    "sign_off_novice": NC_("email", "Thank you very much for your help,"),
    "sign_off_vague": NC_("email", "Thanks"),
    "sign_off_hurried": NC_("email", "Thanks in advance for being quick,"),
    "sign_off_angry": NC_("email", "Regards,"),
    "sign_off_pushy": NC_("email", "I am counting on you,"),
    "wrote": NC_("email", "IT service desk wrote:"),
    "screenshot": NC_("email", "[Attached screenshot: {description}]"),
}


def _filled(text: str, call: Call) -> str:
    return text.format_map(call.placeholders()).strip()


def opening_mail(call: Call) -> dict[str, Any]:
    """The user's first e-mail: subject, body (the vague persona's own if any), signature."""
    mail = call.scenario.email
    assert mail is not None, "an e-mail contact needs the scenario's e-mail"
    words = Words(L, call.locale)
    vague = call.persona.spec.vague and mail.vague is not None
    body = _filled((mail.vague if vague and mail.vague else mail.body).get(call.locale), call)
    signature = _filled(mail.signature.get(call.locale), call)
    screenshot = _filled(mail.screenshot.get(call.locale), call) if mail.screenshot else None
    full = f"{body}\n\n{signature}"
    if screenshot:
        full += "\n\n" + words["screenshot"].format(description=screenshot)
    sender = _filled(mail.sender, call).lower() if mail.sender else call.placeholders()["email"]
    return {
        "subject": _filled(mail.subject.get(call.locale), call),
        "from": sender,
        "body": body,
        "signature": signature,
        "screenshot": screenshot,
        "text": full,
    }


def readable(body: str) -> str:
    """What the understanding reads of a trainee's e-mail: the lines up to the sign-off block,
    list marks removed, each line a sentence of its own."""
    kept: list[str] = []
    for index, line in enumerate(body.splitlines()):
        if index and SIGN_OFF_LINE.match(line):
            break
        line = _LIST_MARK.sub("", line).strip().removesuffix(",")
        if line:
            kept.append(line if _ENDS_SENTENCE.search(line) else f"{line}.")
    return " ".join(kept) or body.strip()


def in_writing(call: Call, step_name: str) -> bool:
    """Whether the user answers this step by e-mail: an e-mail step, or a step of the trainee's
    tools while the thread is written (not during a call back, which the last line tells)."""
    if step_name in ("email", "say"):
        return step_name == "email"
    said = next((e for e in reversed(call.events) if e["kind"] == "trainee_said"), None)
    return said is None or said["data"].get("channel") == "email"


def quoted(body: str) -> str:
    """The trainee's message as a reply quotes it."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in body.strip().splitlines())


def reply_mail(call: Call, words_said: str, answered: str) -> dict[str, Any]:
    """The user's reply as an e-mail: greeting, their words, their sign-off, the quoted message."""
    words = Words(L, call.locale)
    persona = call.persona.id
    greeting = words["greeting_hurried" if persona in ("hurried", "vague") else "greeting"]
    key = f"sign_off_{persona}"
    sign_off = words[key] if key in L else words["sign_off_calm"]
    first_name = call.placeholders()["first_name"]
    subject = call.scenario.email.subject.get(call.locale) if call.scenario.email else ""
    body = f"{greeting}\n\n{words_said}\n\n{sign_off}\n{first_name}"
    opening = next(e["data"] for e in call.events if e["kind"] == "caller_said")
    return {
        "subject": words["re"].format(subject=_filled(subject, call)),
        "from": opening.get("email", {}).get("from", call.placeholders()["email"]),
        "body": words_said,
        "text": f"{body}\n\n{words['wrote']}\n{quoted(answered)}" if answered else body,
    }


def as_emails(call: Call, events: list[dict[str, Any]], answered: str) -> None:
    """Word the user's answers of one step as e-mails (the thread the trainee reads), quoting the
    trainee's e-mail they answer (`answered`, empty for a step of the trainee's tools)."""
    for event in events:
        if event["kind"] == "caller_said" and "email" not in event["data"]:
            event["data"]["email"] = reply_mail(call, event["data"]["text"], answered)


def reply_delay(seed: int, ref: str, sent: int, shortest: int, longest: int) -> int:
    """Simulated seconds before the user answers the trainee's `sent`-th e-mail: drawn between
    `shortest` and `longest` from the shift's seed, the contact and the e-mail's rank."""
    return random.Random(f"{seed}:{ref}:reply:{sent}").randint(shortest, longest)


def replied_in_writing(events: list[dict[str, Any]]) -> bool:
    """Whether the user answered the trainee's last e-mail with an e-mail of their own."""
    last = max(
        (
            e["seq"]
            for e in events
            if e["kind"] == "trainee_said" and e["data"].get("channel") == "email"
        ),
        default=None,
    )
    return last is not None and any(
        e["seq"] > last and e["kind"] == "caller_said" and "email" in e["data"] for e in events
    )
