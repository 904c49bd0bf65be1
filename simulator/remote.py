"""The simulated Windows console of the caller's computer.

Outputs come from the hidden state (`pc.*` facts, with healthy defaults) so a fake fix shows up as
unchanged output. A scenario's own remote probes and actions take precedence over these.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from simulator.hosts import resolve
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
        " Volume in drive C is OS\n\n Directory of {path}\n\n{rows}\n               3 Dir(s)  "
        "{free} bytes free",
    ),
    "cleanmgr": NC_(
        "console",
        "Disk Cleanup: {temp} GB of temporary files and {bin} GB in the Recycle Bin can be freed.",
    ),
    "printers": NC_("console", "Devices and Printers\n  Microsoft Print to PDF   Status: Ready"),
    "no_session": NC_("console", "No remote session is open."),
    "net_use": NC_(
        "console", "New connections will be remembered.\n\nThere are no entries in the list."
    ),
    "wmic_alias": NC_("console", "{alias} - Alias not found."),
    "rd_missing": NC_("console", "The system cannot find the file specified."),
    "ps_banner": NC_(
        "console",
        "Windows PowerShell\nCopyright (C) Microsoft Corporation. All rights reserved.\n\n"
        "PS C:\\Users\\{user}>",
    ),
    "ps_unknown": NC_(
        "console",
        "{cmd} : The term '{cmd}' is not recognized as the name of a cmdlet, function, script "
        "file, or operable program.",
    ),
    "tnc_fail": NC_("console", "WARNING: Name resolution of {host} failed"),
    "gpupdate": NC_(
        "console",
        "Updating policy...\n\nComputer Policy update has completed successfully.\nUser Policy "
        "update has completed successfully.",
    ),
}
KNOWN_SERVICES = ("spooler", "dnscache", "dhcp", "wlansvc", "lanmanworkstation", "bits", "wuauserv")


def normalize(command: str) -> str:
    """Lower case, whitespace collapsed: the form scenario patterns are matched against."""
    return " ".join(command.strip().split()).lower()


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


def _ping(host: str, state, who, t) -> Output:
    if not _connected(state):
        return t["ping_fail"], []
    ip = resolve(host, state, who)
    if ip is None:
        return t["ping_host"].format(host=host), []
    return t["ping"].format(host=host, ip=ip, loss="0%"), []


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


def _bytes(gb: Scalar, locale: str) -> str:
    """A size in bytes as Windows writes it: 412,090,368 (en) or 412 090 368 (fr)."""
    text = f"{round(float(gb) * 1024**3):,}"
    return text.replace(",", "\u202f") if locale.startswith("fr") else text


def _dir(path: str, state, who, t) -> Output:
    free = _bytes(state.get("pc.disk_free_gb", 112), t.locale)
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
    (re.compile(r"net use"), lambda m, s, w, t: (t["net_use"], [])),
    (re.compile(r"wmic logicaldisk(?: .*)?"), lambda m, s, w, t: _wmic_disk(s)),
    (
        re.compile(r"wmic (\S+)(?: .*)?"),
        lambda m, s, w, t: (t["wmic_alias"].format(alias=m[1]), []),
    ),
    (re.compile(r"(?:rd|rmdir)(?: /[sq])* \S.*"), lambda m, s, w, t: (t["rd_missing"], [])),
    (
        re.compile(r"powershell(?:\.exe)?"),
        lambda m, s, w, t: (t["ps_banner"].format(user=w["username"]), []),
    ),
    (
        re.compile(r"(?:powershell(?:\.exe)? (?:-command )?)?([a-z]+-[a-z]+)(?: .*)?"),
        lambda m, s, w, t: (t["ps_unknown"].format(cmd=m[1]), []),
    ),
    (re.compile(r"gpupdate(?: /force)?"), lambda m, s, w, t: (t["gpupdate"], [])),
]
COMMANDS.insert(
    -2,
    (
        re.compile(r"(?:test-netconnection|tnc) (?:-computername )?(\S+)(?: -port (\d+))?"),
        lambda m, s, w, t: _tnc(m[1], m[2], s, w, t),
    ),
)


def _tnc(host: str, port: str | None, state, who, t) -> Output:
    """Test-NetConnection to a machine of the scenario's world (unknown names do not resolve)."""
    ip = resolve(host, state, who) if _connected(state) else None
    if ip is None:
        return t["tnc_fail"].format(host=host), []
    rows = [
        f"ComputerName           : {host}",
        f"RemoteAddress          : {ip}",
        *([f"RemotePort             : {port}"] if port else []),
        f"SourceAddress          : {who['ip']}",
        "PingSucceeded          : True",
        *(["TcpTestSucceeded       : True"] if port else []),
    ]
    return "\n".join(rows), []


def _wmic_disk(state) -> Output:
    """`wmic logicaldisk get ...`: the C drive's free space and size, from the facts."""
    free = round(float(state.get("pc.disk_free_gb", 112)) * 1024**3)
    size = round(float(state.get("pc.disk_size_gb", 237)) * 1024**3)
    reveals = [k for k in ("pc.disk_free_gb",) if k in state]
    return f"Caption  FreeSpace     Size\nC:       {free:<13} {size}", reveals


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
