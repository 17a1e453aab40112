"""Scammer IPs → country and network, from geoip2fast's bundled GeoLite2-derived data.

Only IPs in the scammer role count (the remote-access log's incoming address,
a ScreenConnect relay): a victim's own address or a Microsoft address shown in
``netstat`` says nothing about the callers. Private, reserved and shared
addresses are ignored. An address on a hosting, cloud or VPN network says
where a server is, not where the people are, so it weighs little.

Data: geoip2fast ships ``geoip2fast-asn.dat.gz`` (IPv4) and
``geoip2fast-asn-ipv6.dat.gz``, built from MaxMind GeoLite2 Country and ASN
CSVs; the build date is read from the file and shown beside every claim.
"""

from __future__ import annotations

import ipaddress
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from scamtrace.attribute.types import MAX_CITED_VALUES, Evidence, OperationInputs, Vote, cite

SIGNAL = "ip"
# Belief one independent network (a /24) of a consumer ISP adds; a hosting
# network adds little. Country-level geolocation of consumer ISP addresses is
# nearly always right; what makes a single IP weak is a VPN or a relay.
CONSUMER_WEIGHT = 0.45
HOSTING_WEIGHT = 0.08
MAX_MASS = 0.92

# The big service providers' own networks: fake "engineers" show these in
# netstat as "hackers", and relays run there; an address says nothing of the callers.
_SERVICE = re.compile(
    r"^(microsoft|google|amazon|akamai|cloudflare|apple|facebook|meta platforms)", re.IGNORECASE
)
# ASN holders that rent servers to anyone: an address there locates a server.
_HOSTING = re.compile(
    r"amazon|aws|microsoft|google|digitalocean|linode|akamai|cloudflare|ovh|hetzner|vultr|choopa|"
    r"leaseweb|m247|contabo|hostinger|godaddy|rackspace|oracle|alibaba|tencent|datacamp|"
    r"hostwinds|colocrossing|psychz|quadranet|zenlayer|cdn77|fastly|ionos|scaleway|"
    r"equinix|hosting|host|server|cloud|vpn|proxy|data ?cent",
    re.IGNORECASE,
)
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})$")


@dataclass(frozen=True, slots=True)
class IpInfo:
    ip: str
    country: str | None  # ISO alpha-2, None when the address says nothing
    asn_name: str
    hosting: bool
    reason: str  # "ok", "private", "service", "not_found", "invalid"


class _Geo:
    """geoip2fast readers, loaded on first use (IPv6 only if an IPv6 address turns up)."""

    def __init__(self) -> None:
        self._v4: Any = None
        self._v6: Any = None

    def reader(self, v6: bool) -> Any:
        from geoip2fast import GeoIP2Fast

        if v6:
            if self._v6 is None:
                self._v6 = GeoIP2Fast(
                    geoip2fast_data_file="geoip2fast-asn-ipv6.dat.gz", verbose=False
                )
            return self._v6
        if self._v4 is None:
            self._v4 = GeoIP2Fast(geoip2fast_data_file="geoip2fast-asn.dat.gz", verbose=False)
        return self._v4


_geo = _Geo()


@lru_cache(maxsize=1)
def data_date() -> str:
    """Date of the GeoLite2 build inside geoip2fast's data file, as YYYY-MM-DD."""
    try:
        info = _geo.reader(False).get_database_info()
        m = _DATE.search(str(info.get("source_info", "")))
    except Exception:  # a broken data file must not stop attribution
        return "unknown"
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else "unknown"


@lru_cache(maxsize=1)
def data_source() -> str:
    try:
        from importlib.metadata import version

        ver = version("geoip2fast")
    except Exception:
        ver = "?"
    return f"geoip2fast {ver} (MaxMind GeoLite2 Country+ASN, built {data_date()})"


@lru_cache(maxsize=200_000)
def lookup(ip: str) -> IpInfo:
    try:
        addr = ipaddress.ip_address(ip.strip())
    except ValueError:
        return IpInfo(ip, None, "", False, "invalid")
    # is_global is False for private, loopback, link-local, CGNAT, documentation and reserved blocks.
    if not addr.is_global or addr.is_multicast:
        return IpInfo(ip, None, "", False, "private")
    try:
        res = _geo.reader(addr.version == 6).lookup(str(addr))
    except Exception:
        return IpInfo(ip, None, "", False, "not_found")
    cc = getattr(res, "country_code", "") or ""
    if len(cc) != 2 or not cc.isalpha() or getattr(res, "is_private", False):
        return IpInfo(ip, None, "", False, "not_found")
    asn = getattr(res, "asn_name", "") or ""
    if _SERVICE.search(asn):
        return IpInfo(ip, None, asn, True, "service")
    return IpInfo(ip, cc.upper(), asn, bool(_HOSTING.search(asn)), "ok")


def _network_key(ip: str) -> str:
    addr = ipaddress.ip_address(ip)
    prefix = 24 if addr.version == 4 else 48
    return str(ipaddress.ip_network(f"{addr}/{prefix}", strict=False))


def _usable(flags: Iterable[str]) -> bool:
    return not any(f == "legit" or f == "fictitious" or f.startswith("warninglist:") for f in flags)


def votes(inputs: OperationInputs) -> tuple[list[Vote], list[Evidence]]:
    """One vote per country the scammer IPs point to, and notes on the IPs that say nothing."""
    refs_by_ip: dict[str, set[str]] = defaultdict(set)
    for ind in inputs.indicators:
        if ind.kind == "ip" and ind.role == "scammer" and _usable(ind.flags):
            refs_by_ip[ind.value].add(ind.ref)
    if not refs_by_ip:
        return [], []
    ignored: dict[str, list[str]] = defaultdict(list)
    # country -> network key -> weight (one per /24: addresses of one block are one observation)
    nets: dict[str, dict[str, float]] = defaultdict(dict)
    ips_by_country: dict[str, list[IpInfo]] = defaultdict(list)
    for ip in sorted(refs_by_ip):
        info = lookup(ip)
        if info.country is None:
            ignored[info.reason].append(ip)
            continue
        w = HOSTING_WEIGHT if info.hosting else CONSUMER_WEIGHT
        key = _network_key(ip)
        nets[info.country][key] = max(nets[info.country].get(key, 0.0), w)
        ips_by_country[info.country].append(info)
    notes: list[Evidence] = []
    for reason, ips in sorted(ignored.items()):
        why = {
            "private": "private, reserved or shared addresses: they locate nobody",
            "service": "addresses on Microsoft/Google/Amazon/Akamai/Cloudflare networks, which fake engineers show in netstat as 'hackers' and relays run on: they say nothing about the callers",
            "not_found": f"not in the {data_source()} data",
            "invalid": "not valid IP addresses",
        }[reason]
        refs = set().union(*(refs_by_ip[i] for i in ips))
        notes.append(
            Evidence(SIGNAL, f"ip.ignored.{reason}", f"{len(ips)} scammer IP(s) ignored: {why}", cite(refs), tuple(ips[:MAX_CITED_VALUES]),
                     data_date() if reason == "not_found" else None)
        )  # fmt: skip
    if not nets:
        return [], notes
    all_w = [w for per in nets.values() for w in per.values()]
    miss = 1.0
    for w in all_w:
        miss *= 1.0 - w
    total = min(MAX_MASS, 1.0 - miss)
    wsum = sum(all_w)
    out: list[Vote] = []
    for country, per in sorted(nets.items()):
        infos = ips_by_country[country]
        share = sum(per.values()) / wsum
        mass = total * share
        refs = set().union(*(refs_by_ip[i.ip] for i in infos))
        by_asn: dict[str, int] = defaultdict(int)
        for i in infos:
            by_asn[
                (i.asn_name or "unknown network") + (" [hosting/cloud]" if i.hosting else "")
            ] += 1
        networks = ", ".join(
            f"{name} ×{n}" for name, n in sorted(by_asn.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        hosting = sum(1 for i in infos if i.hosting)
        caveat = (
            f"; {hosting} on hosting/cloud networks, which locate a server rather than the callers"
            if hosting
            else ""
        )
        detail = (
            f"{len(infos)} scammer IP(s) in {len(per)} /24 network(s), seen in {len(refs)} report(s), "
            f"geolocate to {country} (networks: {networks}){caveat}; source {data_source()}, data date {data_date()}"
        )
        ev = Evidence(
            SIGNAL,
            "ip.geolocation",
            detail,
            cite(refs),
            tuple(i.ip for i in infos[:MAX_CITED_VALUES]),
            data_date(),
            mass,
        )
        out.append(Vote(SIGNAL, frozenset({country}), mass, ev, independent=hosting < len(infos)))
    return out, notes
