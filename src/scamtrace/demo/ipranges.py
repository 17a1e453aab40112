"""Real ISP address allocations that scammer IPs in the demo world are drawn from.

Attribution tests geolocate the IPs found in AnyDesk logs, so each block below
is a real allocation of a consumer ISP in the operation's country. Every /24 of
every block was checked (three hosts each) against geoip2fast 1.2.2's GeoLite2
country data and all resolved to the country listed; the ISP is the ASN
holder that database reports. The IPs themselves are random hosts inside the
blocks: nothing here points at a known scammer.
"""

from __future__ import annotations

import ipaddress

# country -> ((block, ISP), ...)
ISP_BLOCKS: dict[str, tuple[tuple[str, str], ...]] = {
    "IN": (
        ("122.160.0.0/15", "Bharti Airtel (Telemedia)"),
        ("182.64.0.0/12", "Bharti Airtel"),
        ("223.176.0.0/12", "Bharti Airtel (mobile)"),
        ("49.32.0.0/12", "Reliance Jio Infocomm"),
        ("157.32.0.0/12", "Reliance Jio Infocomm"),
        ("117.192.0.0/12", "BSNL (National Internet Backbone)"),
        ("59.88.0.0/13", "BSNL (National Internet Backbone)"),
        ("115.112.0.0/13", "Tata Communications"),
        ("14.96.0.0/14", "Tata Teleservices"),
        ("106.51.0.0/16", "ACT Fibernet"),
        ("1.187.0.0/16", "Vodafone Idea"),
    ),
    "PK": (
        ("39.32.0.0/11", "PTCL"),
        ("182.176.0.0/12", "PTCL"),
        ("119.152.0.0/13", "PTCL"),
    ),
    "PH": (
        ("49.144.0.0/13", "PLDT"),
        ("112.200.0.0/13", "PLDT"),
        ("124.104.0.0/14", "PLDT"),
        ("112.198.0.0/16", "Globe Telecom"),
        ("180.190.0.0/15", "Globe Telecom"),
    ),
    "BD": (
        ("114.130.0.0/16", "BTCL"),
        ("180.211.128.0/17", "BTCL"),
        ("37.111.192.0/18", "Grameenphone"),
    ),
    "US": (
        ("97.96.0.0/13", "Spectrum (Bright House Networks)"),
        ("173.168.0.0/14", "Spectrum (Bright House Networks)"),
        ("73.0.0.0/13", "Comcast"),
        ("47.192.0.0/12", "Frontier Communications"),
    ),
    "NG": (
        ("105.112.0.0/12", "Airtel Nigeria"),
        ("102.88.0.0/13", "MTN Nigeria"),
        ("41.184.0.0/16", "ipNX Nigeria"),
    ),
    "GH": (("154.160.0.0/12", "MTN Ghana (Scancom)"),),
    "JM": (("72.27.0.0/17", "FLOW Jamaica"),),
    "KH": (("175.100.0.0/17", "Cambodian ISP (AS ISPIXP)"),),
    "CN": (
        ("113.64.0.0/14", "China Telecom (Chinanet)"),
        ("59.32.0.0/11", "China Telecom (Chinanet)"),
    ),
}

# Microsoft service addresses that fake "engineers" show in netstat as "hackers":
# a victim may quote them, and they must never count as scammer infrastructure.
MICROSOFT_BLOCKS: tuple[str, ...] = ("13.107.4.0/22", "13.107.42.0/24", "13.107.136.0/22")


def pick_slash24(block: str, index: int) -> str:
    """The ``index``-th /24 (modulo the block size) of ``block`` as text."""
    net = ipaddress.ip_network(block)
    count = 1 << (24 - net.prefixlen)
    base = int(net.network_address) + (index % count) * 256
    return f"{ipaddress.IPv4Address(base)}/24"


def host_in(cidr24: str, host: int) -> str:
    """Host number ``host`` (1–254) inside a /24 given as ``a.b.c.0/24``."""
    return cidr24.rsplit(".", 1)[0] + f".{host}"
