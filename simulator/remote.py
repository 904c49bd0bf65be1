"""The simulated Windows console of the caller's computer.

Outputs come from the hidden state (`pc.*` facts, with healthy defaults) so a fake fix shows up as
unchanged output. A scenario's own remote probes and actions take precedence over these.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping

from simulator.scenario import Scalar
from simulator.translation import NC_, Words

Output = tuple[str, list[str]]  # console text, facts it reveals

L = {
    "title": NC_("console", "Windows IP Configuration"),
    "wifi": NC_("console", "Wireless LAN adapter Wi-Fi:"),
    "eth": NC_("console", "Ethernet adapter Ethernet:"),
    "media": NC_("console", "   Media State . . . . . . . . . . . : Media disconnected"),
    "host": NC_("console", "   Host Name . . . . . . . . . . . . : "),
    "ipv4": NC_("console", "   IPv4 Address. . . . . . . . . . . : "),
    "mask": NC_("console", "   Subnet Mask . . . . . . . . . . . : "),
    "gw": NC_("console", "   Default Gateway . . . . . . . . . : "),
    "dhcp": NC_("console", "   DHCP Enabled. . . . . . . . . . . : "),
    "dns": NC_("console", "   DNS Servers . . . . . . . . . . . : "),
    "yes": NC_("console", "Yes"),
    "no": NC_("console", "No"),
    "flushed": NC_("console", "Successfully flushed the DNS Resolver Cache."),
    "unknown": NC_(
        "console",
        "'{cmd}' is not recognized as an internal or external command,\noperable program "
        "or batch file.",
    ),
    "ping_fail": NC_("console", "PING: transmit failed. General failure."),
    "ping_host": NC_(
        "console", "Ping request could not find host {host}. Please check the name and try again."
    ),
    "ping": NC_(
        "console",
        "Pinging {host} [{ip}] with 32 bytes of data:\nReply from {ip}: bytes=32 time=3ms "
        "TTL=127\nReply from {ip}: bytes=32 time=3ms TTL=127\nReply from {ip}: bytes=32 time=3ms "
        "TTL=127\nReply from {ip}: bytes=32 time=3ms TTL=127\n\nPing statistics for {ip}:\n "
        "   Packets: Sent = 4, Received = 4, Lost = 0 ({loss} loss)",
    ),
    "ns_fail": NC_(
        "console",
        "Server:  {server}\nAddress:  {server}\n\n*** {server} can't find {host}: Non-existent "
        "domain",
    ),
    "ns_ok": NC_(
        "console", "Server:  {server}\nAddress:  {server}\n\nName:    {host}\nAddress:  {ip}"
    ),
    "sc_missing": NC_(
        "console",
        "[SC] EnumQueryServicesStatus:OpenService FAILED 1060:\n\nThe specified service does "
        "not exist as an installed service.",
    ),
    "sc": NC_(
        "console",
        "SERVICE_NAME: {name}\n        TYPE               : 10  WIN32_OWN_PROCESS\n      "
        "  STATE              : {state}",
    ),
    "started": NC_("console", "The {name} service was started successfully."),
    "stopped": NC_("console", "The {name} service was stopped successfully."),
    "already": NC_("console", "The requested service has already been started."),
    "dir": NC_(
        "console",
        " Volume in drive C is OS\n\n Directory of {path}\n\n{rows}\n               {free} GB free",
    ),
    "cleanmgr": NC_(
        "console",
        "Disk Cleanup: {temp} GB of temporary files and {bin} GB in the Recycle Bin can be freed.",
    ),
    "printers": NC_("console", "Devices and Printers\n  Microsoft Print to PDF   Status: Ready"),
    "no_session": NC_("console", "No remote session is open."),
}
KNOWN_SERVICES = ("spooler", "dnscache", "dhcp", "wlansvc", "lanmanworkstation", "bits", "wuauserv")


def normalize(command: str) -> str:
    """Lower case, whitespace collapsed: the form scenario patterns are matched against."""
    return " ".join(command.strip().split()).lower()


def _fake_ip(host: str) -> str:
    digest = hashlib.sha256(host.encode()).digest()
    return f"10.{digest[0] % 50 + 10}.{digest[1]}.{digest[2] % 250 + 2}"


def _connected(state: Mapping[str, Scalar]) -> bool:
    return bool(state.get("pc.connected", True)) and not state.get("pc.airplane_mode", False)


def _dns_servers(state: Mapping[str, Scalar]) -> str:
    return str(state.get("pc.dns_servers", "10.20.0.10, 10.20.0.11"))


def _ipconfig(full: bool, state, who, t) -> Output:
    adapter = t["wifi"] if state.get("pc.network", "wifi") == "wifi" else t["eth"]
    lines = [t["title"], ""]
    if full:
        lines += [t["host"] + who["hostname"], ""]
    lines.append(adapter)
    if not _connected(state):
        lines.append(t["media"])
        return "\n".join(lines), ["pc.connected"] if "pc.connected" in state else []
    if full:
        dhcp = state.get("pc.dns_mode", "dhcp") == "dhcp"
        lines.append(t["dhcp"] + (t["yes"] if dhcp else t["no"]))
    lines += [t["ipv4"] + who["ip"], t["mask"] + "255.255.255.0", t["gw"] + who["gateway"]]
    if full:
        lines.append(t["dns"] + _dns_servers(state).replace(", ", "\n" + " " * 39))
    reveals = [k for k in ("pc.dns_mode", "pc.dns_servers") if full and k in state]
    return "\n".join(lines), reveals


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


def _ping(host: str, state, who, t) -> Output:
    if not _connected(state):
        return t["ping_fail"], []
    ip = resolve(host, state, who)
    if ip is None:
        return t["ping_host"].format(host=host), []
    return t["ping"].format(host=host, ip=ip, loss="0%"), []


def _internal(host: str) -> bool:
    return (
        "intranet" in host
        or ".corp." in host
        or host.endswith((".local", ".corp", ".lan", ".intra"))
    )


def _nslookup(host: str, state, who, t) -> Output:
    server = _dns_servers(state).split(",")[0].strip()
    ip = resolve(host, state, who) if _connected(state) else None
    if ip is None:
        return t["ns_fail"].format(server=server, host=host), []
    return t["ns_ok"].format(server=server, host=host, ip=ip), []


def _service(verb: str, name: str, state, who, t) -> Output:
    if name not in KNOWN_SERVICES:
        return t["sc_missing"], []
    stopped = name in str(state.get("pc.services_stopped", "")).lower()
    if verb == "sc query":
        return t["sc"].format(
            name=name.capitalize(), state="1  STOPPED" if stopped else "4  RUNNING"
        ), []
    if verb == "net start":
        return (t["started"] if stopped else t["already"]).format(name=name.capitalize()), []
    return t["stopped"].format(name=name.capitalize()), []


def _dir(path: str, state, who, t) -> Output:
    free = state.get("pc.disk_free_gb", 112)
    rows = (
        "12/11/2026  08:41    <DIR>          Program Files\n12/11/2026  08:41    <DIR>       "
        "   Users\n12/11/2026  08:41    <DIR>          Windows"
    )
    return t["dir"].format(path=path or "C:\\", rows=rows, free=free), [
        k for k in ("pc.disk_free_gb",) if k in state
    ]


def _cleanmgr(state, who, t) -> Output:
    reveals = [k for k in ("pc.temp_gb", "pc.recycle_gb") if k in state]
    return t["cleanmgr"].format(
        temp=state.get("pc.temp_gb", 0.3), bin=state.get("pc.recycle_gb", 0.1)
    ), reveals


COMMANDS: list[tuple[re.Pattern, Callable]] = [
    (re.compile(r"ipconfig"), lambda m, s, w, t: _ipconfig(False, s, w, t)),
    (re.compile(r"ipconfig /all"), lambda m, s, w, t: _ipconfig(True, s, w, t)),
    (re.compile(r"ipconfig /flushdns"), lambda m, s, w, t: (t["flushed"], [])),
    (re.compile(r"ping (?:-\S+ )*(\S+)"), lambda m, s, w, t: _ping(m[1], s, w, t)),
    (re.compile(r"nslookup (\S+)"), lambda m, s, w, t: _nslookup(m[1], s, w, t)),
    (
        re.compile(r"(sc query|net start|net stop) (\S+)"),
        lambda m, s, w, t: _service(m[1], m[2], s, w, t),
    ),
    (re.compile(r"dir ?(.*)"), lambda m, s, w, t: _dir(m[1].upper(), s, w, t)),
    (re.compile(r"cleanmgr(?: .*)?"), lambda m, s, w, t: _cleanmgr(s, w, t)),
    (re.compile(r"control printers"), lambda m, s, w, t: (t["printers"], [])),
    (re.compile(r"tasklist(?: .*)?"), lambda m, s, w, t: (_tasklist(s), [])),
    (re.compile(r"hostname"), lambda m, s, w, t: (w["hostname"], [])),
    (re.compile(r"whoami"), lambda m, s, w, t: (f"corp\\{w['username']}", [])),
]


def _tasklist(state) -> str:
    rows = [
        "Image Name                     PID Session Name        Mem Usage",
        "========================= ======== ================ ============",
    ]
    procs = [
        "explorer.exe",
        "svchost.exe",
        "msedge.exe",
        "Teams.exe",
        *str(state.get("pc.processes", "")).split(","),
    ]
    for n, name in enumerate(p.strip() for p in procs if p.strip()):
        rows.append(f"{name:<25} {1200 + n * 212:>8} Console          {48_000 + n * 7_300:>9,} K")
    return "\n".join(rows)


def run(command: str, state: Mapping[str, Scalar], who: Mapping[str, str], locale: str) -> Output:
    """Run a console command against the simulated computer: (output, facts revealed)."""
    norm = normalize(command)
    t = Words(L, locale)
    for pattern, handler in COMMANDS:
        match = pattern.fullmatch(norm)
        if match:
            return handler(match, state, who, t)
    first = command.strip().split()[0] if command.strip() else ""
    return t["unknown"].format(cmd=first), []
