"""The account directory the trainee's tools act on: lookup, unlock, reset password, reset MFA.

Account facts (`account.*`) belong to the caller's own account. Operations are allowed before the
caller's identity is verified — as in real life — and the engine logs whether it was, so grading
can flag it.
"""

from __future__ import annotations

from collections.abc import Mapping

from simulator.scenario import Scalar
from simulator.translation import NC_, Words

OPERATIONS = ("lookup", "unlock", "reset_password", "reset_mfa")

# What each operation does to the caller's own account, whatever the scenario adds.
GENERIC_EFFECTS: dict[str, dict[str, Scalar]] = {
    "unlock": {"account.locked": False},
    "reset_password": {"account.password_expired": False, "account.must_change": True},
    "reset_mfa": {"account.mfa": "reset"},
}

LABELS = {
    "separator": NC_("directory", ": "),
    "user": NC_("directory", "Account"),
    "status": NC_("directory", "Status"),
    "locked": NC_("directory", "Locked"),
    "expired": NC_("directory", "Password expired"),
    "source": NC_("directory", "Last lockout source"),
    "mfa": NC_("directory", "MFA"),
    "yes": NC_("directory", "yes"),
    "no": NC_("directory", "no"),
    "enabled": NC_("directory", "enabled"),
    "unknown_user": NC_("directory", "No account named '{user}' in the directory."),
    "unlock": NC_("directory", "Account {user} unlocked."),
    "reset_password": NC_(
        "directory",
        "Password of {user} reset to a temporary password; the user must change it at next logon.",
    ),
    "reset_password_plain": NC_("directory", "Password of {user} reset to a temporary password."),
    "reset_mfa": NC_(
        "directory", "MFA methods of {user} cleared; the user will register again at next sign-in."
    ),
}


def known_users(who: Mapping[str, str], others: Mapping[str, str]) -> dict[str, str]:
    """Usernames in the directory for this call → 'self' or the other person's key."""
    return {who["username"]: "self", **{username: key for key, username in others.items()}}


def lookup(
    user: str, owner: str, state: Mapping[str, Scalar], locale: str
) -> tuple[str, list[str]]:
    """The directory card of `user` and the facts it reveals (the caller's own account only)."""
    t = Words(LABELS, locale)
    sep = t["separator"]
    if owner != "self":
        rows = [
            f"{t['user']}{sep}{user}",
            f"{t['status']}{sep}{t['enabled']}",
            f"{t['locked']}{sep}{t['no']}",
        ]
        return "\n".join(rows), []

    def yn(key: str) -> str:
        return t["yes"] if state.get(key) else t["no"]

    status = state.get("account.status", "enabled")
    rows = [
        f"{t['user']}{sep}{user}",
        f"{t['status']}{sep}{t.get(str(status), status)}",
        f"{t['locked']}{sep}{yn('account.locked')}",
        f"{t['expired']}{sep}{yn('account.password_expired')}",
    ]
    if state.get("account.lockout_source"):
        rows.append(f"{t['source']}{sep}{state['account.lockout_source']}")
    if "account.mfa" in state:
        rows.append(f"{t['mfa']}{sep}{state['account.mfa']}")
    keys = (
        "account.status",
        "account.locked",
        "account.password_expired",
        "account.lockout_source",
        "account.mfa",
    )
    return "\n".join(rows), [k for k in keys if k in state]


def operation_text(op: str, user: str, must_change: bool, locale: str) -> str:
    """What the tool says after an unlock or reset."""
    t = Words(LABELS, locale)
    key = op if op != "reset_password" or must_change else "reset_password_plain"
    return t[key].format(user=user)


def unknown_user_text(user: str, locale: str) -> str:
    """The tool's answer for a user that is not in the directory."""
    return Words(LABELS, locale)["unknown_user"].format(user=user)


def generic_effects(op: str, state: Mapping[str, Scalar], must_change: bool) -> dict[str, Scalar]:
    """The generic effects of `op` on the caller's account, limited to facts the scenario has."""
    effects = {k: v for k, v in GENERIC_EFFECTS.get(op, {}).items() if k in state}
    if op == "reset_password" and "account.must_change" in state:
        effects["account.must_change"] = must_change
    return effects
