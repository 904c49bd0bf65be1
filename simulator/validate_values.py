"""Values a scenario shows in more than one place must agree: a machine's address in a console
output, in another output and in its `host.<name>` fact (what ping and nslookup answer)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from simulator.scenario import Scenario

PathKey = tuple[str | int, ...]
Found = tuple[PathKey, str, dict[str, str]]

# Where Windows prints a machine next to its address.
_PAIRS = [
    re.compile(r"Pinging (\S+) \[([\d.]+)\]"),
    re.compile(r"Name:\s+(\S+)\s*\nAddress:\s+([\d.]+)"),
    re.compile(r"ComputerName\s+: (\S+)\s*\nRemoteAddress\s+: ([\d.]+)"),
]
_CONNECT = re.compile(r"TCP connect to \(([\d.]+) : \d+\)")
_COMPUTER = re.compile(r"ComputerName\s+: (\S+)")


def _texts(scenario: Scenario) -> Iterator[tuple[PathKey, str]]:
    for kind in ("probes", "actions"):
        for i, item in enumerate(getattr(scenario, kind)):
            for j, answer in enumerate(item.answers):
                for lang in ("en", "fr"):
                    yield (kind, i, "answers", j, lang), getattr(answer, lang)


def _pairs(text: str) -> list[tuple[str, str]]:
    found = [(h.lower().split(".")[0], ip) for p in _PAIRS for h, ip in p.findall(text)]
    computer = _COMPUTER.search(text)
    if computer:
        found += [(computer[1].lower().split(".")[0], ip) for ip in _CONNECT.findall(text)]
    return found


def address_problems(scenario: Scenario) -> Iterator[Found]:
    """A machine shown with an address its `host.` fact or another output contradicts, or an
    internal machine shown with an address but missing from the world (ping would not find it)."""
    facts = {k[5:].lower(): str(v) for k, v in scenario.facts.items() if k.startswith("host.")}
    seen: dict[str, tuple[str, PathKey]] = {}
    for path, text in _texts(scenario):
        for host, ip in _pairs(text):
            if "{" in host:
                continue
            expected = facts.get(host) or (seen[host][0] if host in seen else None)
            if expected is None:
                seen[host] = (ip, path)
                if not _public(host, text):
                    yield path, "host_outside_world", {"host": host, "address": ip}
            elif ip != expected:
                yield path, "address_disagrees", {"host": host, "shown": ip, "expected": expected}


def _public(host: str, text: str) -> bool:
    """Whether a name is an internet one (written with a public domain in the output)."""
    return bool(re.search(re.escape(host) + r"\.[a-z0-9.-]+\.(?:com|net|org|fr|io)\b", text, re.I))
