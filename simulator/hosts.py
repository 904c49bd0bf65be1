"""The machines a call's console can reach: the scenario's world, by name."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from simulator.scenario import Scalar

PUBLIC_TLDS = ("com", "fr", "org", "net", "io", "eu", "de", "uk")
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")


def world(state: Mapping[str, Scalar], who: Mapping[str, str]) -> dict[str, str]:
    """The scenario's machines by short name: the caller's PC, the intranet, `host.<name>` facts."""
    hosts = {
        who["hostname"].lower(): who["ip"],
        "localhost": "127.0.0.1",
        "intranet": str(state.get("host.intranet", "10.20.0.80")),
    }
    hosts.update({k[5:].lower(): str(v) for k, v in state.items() if k.startswith("host.")})
    return hosts


def resolve(host: str, state: Mapping[str, Scalar], who: Mapping[str, str]) -> str | None:
    """The address a name resolves to, or None: a host outside the scenario's world is unknown.

    Internal names come from the scenario (`host.sql-fin01: 10.10.2.15`); public internet names
    resolve to a stable made-up address; anything else is not found.
    """
    name = host.lower().rstrip(".")
    if _IPV4.fullmatch(name):
        return name
    if _internal(name) and not state.get("dns.intranet_resolves", True):
        return None
    short = name.split(".")[0]
    hosts = world(state, who)
    if short in hosts and (name == short or _internal(name)):
        return hosts[short]
    if "." in name and not _internal(name) and name.rsplit(".", 1)[1] in PUBLIC_TLDS:
        return _fake_ip(name)
    return None


def _fake_ip(host: str) -> str:
    """A stable public address for an internet name (never one of the company's 10.x)."""
    digest = hashlib.sha256(host.encode()).digest()
    first = (20, 40, 52, 104, 142)[digest[0] % 5]
    return f"{first}.{digest[1]}.{digest[2]}.{digest[3] % 250 + 2}"


def _internal(host: str) -> bool:
    return (
        "intranet" in host
        or ".corp." in host
        or host.endswith((".local", ".corp", ".lan", ".intra"))
    )
