"""Rebuild the compact reference files in ``scamtrace/data`` from ``shared/data``.

Run at development time only (the package never reads ``shared/data``)::

    python -m scamtrace.extract.refdata_build /work/shared/data

The public suffix list is copied by hand from the ``publicsuffixlist`` wheel
(see ``data/SOURCES.md``); the curated files (``legit_support.csv``,
``upi_handles.txt``, ``freemail.txt``) are edited by hand.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Warning lists whose members are shared parents or well-known benign sites.
WARNINGLISTS = (
    "url-shortener",
    "link-in-bio",
    "whats-my-ip",
    "tranco10k",
    "microsoft",
    "bank-website",
    "security-provider-blogpost",
    "dynamic-dns",
    "disposable-email",
)

# Remote-access tools a victim is likely to name, with the ids we store and
# the spellings victims use. Names from rmm-tool.json are added below unless
# they are ordinary English words ("Level", "Terminals") that would misfire.
TOOL_ALIASES: dict[str, tuple[str, ...]] = {
    "anydesk": ("anydesk", "any desk", "any-desk"),
    "teamviewer": ("teamviewer", "team viewer", "teamviewer quicksupport", "quicksupport"),
    "ultraviewer": ("ultraviewer", "ultra viewer"),
    "screenconnect": ("screenconnect", "screen connect", "connectwise", "connectwise control"),
    "quickassist": ("quick assist", "quickassist", "microsoft quick assist"),
    "logmein": ("logmein", "log me in", "logmein rescue", "logmeinrescue"),
    "supremo": ("supremo", "supremo remote"),
    "rustdesk": ("rustdesk", "rust desk"),
    "gotoassist": ("gotoassist", "goto assist", "goto resolve", "fastsupport"),
    "splashtop": ("splashtop",),
    "zohoassist": ("zoho assist",),
    "aeroadmin": ("aeroadmin", "aero admin"),
    "ammyyadmin": ("ammyy", "ammyy admin"),
    "chromeremotedesktop": ("chrome remote desktop",),
    "anyviewer": ("anyviewer",),
    "hoptodesk": ("hoptodesk",),
    "islonline": ("isl light", "isl online"),
    "remotepc": ("remotepc",),
    "remoteutilities": ("remote utilities",),
    "showmypc": ("showmypc",),
    "getscreen": ("getscreen",),
    "todesk": ("todesk",),
    "radmin": ("radmin",),
    "bomgar": ("bomgar", "beyondtrust"),
    "netsupport": ("netsupport", "netsupport manager"),
    "simplehelp": ("simplehelp",),
    "iperiusremote": ("iperius remote",),
    "vnc": ("realvnc", "tightvnc", "ultravnc", "vnc viewer"),
}
EXCLUDED_TOOL_NAMES = {
    "level",
    "level.io",
    "terminals",
    "vnc",
    "basecamp",
    "rapid7",
    "barracuda",
    "fortra",
    "synergy",
    "tanium",
    "zabbix agent",
    "centurion",
    "encapto",
    "remcos",
    "kabuto",
    "mstsc",
    "free ping tool",
    "insync",
    "koofr",
    "duplicati",
    "winscp",
    "putty",
    "kitty",
    "zoc",
    "xshell",
    "securecrt",
    "smartftp",
    "s3 browser",
    "megasync",
    "nordlocker",
    "onionshare",
    "dragondisk",
    "multcloud",
    "idrive",
    "yandex.disk",
    "syncthing",
    "remote.it",
    "auvik",
    "domotz",
    "netreo",
    "panorama9",
    "site24x7",
    "netbird",
    "tailscale",
    "zerotier",
    "ngrok",
    "cloudflare tunnel",
    "x2go",
    "xpra",
    "xrdp",
    "freerdp",
    "rdclient",
    "rdpview",
    "rdpwrap",
    "rdp2tcp",
    "rdcman",
    "psexec",
    "psexec (clone)",
    "microsoft rdp",
    "microsoft tsc",
    "nvda (non-visual desktop access)",
    "mobaxterm",
    "remmina",
    "guacamole",
    "veyon",
    "weezo",
    "webrdp",
    "pulseway",
    "absolute",
    "chicken",
    "any support",
    "parsec",
    "atera",
    "action1",
    "syncro",
    "jump cloud",
    "free tools launcher",
    "helpu",
    "dev tunnels",
    "visual studio dev tunnel",
}
# Multi-tenant remote-support parents: the instance host is the indicator.
INSTANCE_PARENTS = {
    "screenconnect.com": "screenconnect",
    "hostedrmm.com": "screenconnect",
    "itsupport247.net": "screenconnect",
    "247ithelp.com": "screenconnect",
}
SHARED_CLOUDS = {
    "amazonaws.com",
    "azurewebsites.net",
    "cloudflare.com",
    "cloudflare.net",
    "cloudfront.net",
}
_ID_SAFE = re.compile(r"[^a-z0-9]")


def _registrable_guess(domain: str) -> str | None:
    domain = domain.strip().lower().lstrip("*.").split(":")[0].split("/")[0]
    if (
        not domain
        or "*" in domain
        or "[" in domain
        or "." not in domain
        or domain == "user_managed"
    ):
        return None
    labels = domain.split(".")
    # Vendor domains here are all under plain gTLDs or two-label ccTLD suffixes.
    if len(labels) >= 3 and labels[-2] in {"com", "co", "net", "org"} and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def build_rmm(shared: Path) -> dict[str, Any]:
    galaxy = json.loads((shared / "misp-galaxy/rmm-tool.json").read_text("utf-8"))
    names: dict[str, set[str]] = {k: set(v) for k, v in TOOL_ALIASES.items()}
    vendor_domains: set[str] = set()
    for entry in galaxy["values"]:
        name = re.sub(r"\s*\(.*?\)\s*", " ", entry["value"]).strip().lower()
        tool_id = _ID_SAFE.sub("", name)
        for known, aliases in TOOL_ALIASES.items():
            if name in aliases or tool_id == known:
                tool_id = known
        if tool_id in TOOL_ALIASES:
            # Only the common tools' own sites: the galaxy also lists shared
            # clouds (amazonaws.com, azurewebsites.net) that host anyone.
            for domain in entry.get("meta", {}).get("domains") or ():
                reg = _registrable_guess(domain)
                if reg and not reg.replace(".", "").isdigit() and reg not in SHARED_CLOUDS:
                    vendor_domains.add(reg)
        if (
            name in EXCLUDED_TOOL_NAMES
            or entry["value"].lower() in EXCLUDED_TOOL_NAMES
            or len(name) < 5
        ):
            continue
        names.setdefault(tool_id, set()).add(name)
    return {
        "tools": {k: sorted(v) for k, v in sorted(names.items())},
        "vendor_domains": sorted(vendor_domains),
        "instance_parents": INSTANCE_PARENTS,
    }


def build_warninglists(shared: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in WARNINGLISTS:
        data = json.loads((shared / f"misp-warninglists/{name}.json").read_text("utf-8"))
        entries = sorted({e.strip().lower().lstrip(".") for e in data["list"] if e.strip()})
        out[name] = entries
    phones = json.loads((shared / "misp-warninglists/phone_numbers.json").read_text("utf-8"))
    out["phone_numbers"] = [p.strip("/").removesuffix("/g") for p in phones["list"]]
    return out


def build_ifsc(shared: Path) -> str:
    """One line per bank: ``CODE<TAB>name<TAB>hex deltas of numeric branches|other suffixes``."""
    ifsc = json.loads((shared / "ifsc/IFSC.json").read_text("utf-8"))
    names = json.loads((shared / "ifsc/banknames.json").read_text("utf-8"))
    lines = []
    for bank, suffixes in sorted(ifsc.items()):
        ints = sorted(x for x in suffixes if isinstance(x, int))
        strs = sorted(x for x in suffixes if isinstance(x, str))
        last, deltas = 0, []
        for x in ints:
            deltas.append(format(x - last, "x"))
            last = x
        lines.append(f"{bank}\t{names.get(bank, '')}\t{' '.join(deltas)}|{' '.join(strs)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    shared = Path(argv[1] if len(argv) > 1 else "/work/shared/data")
    (DATA_DIR / "rmm_tools.json").write_text(
        json.dumps(build_rmm(shared), indent=1) + "\n", "utf-8"
    )
    with gzip.open(
        DATA_DIR / "warninglists.json.gz", "wt", encoding="utf-8", compresslevel=9
    ) as fh:
        json.dump(build_warninglists(shared), fh, separators=(",", ":"))
    with gzip.open(DATA_DIR / "ifsc.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(build_ifsc(shared))


if __name__ == "__main__":
    main(sys.argv)
