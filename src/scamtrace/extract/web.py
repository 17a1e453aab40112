"""URLs and domains, refanged, IDN as A-labels, registrable by the public suffix list.

The registrable domain comes from the PSL *with* its private section, so a
site on ``azurewebsites.net`` or ``pages.dev`` is its own domain. Parents that
host many unrelated parties (dynamic DNS, URL shorteners, free mail, big
platforms) are flagged and never become a scammer's domain; under a dynamic-DNS
or hosting parent the customer's own name is the indicator. ScreenConnect-style
instance hosts become ``remote_id`` values, never a domain.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

import idna

from scamtrace.domain.indicator import Kind, Role
from scamtrace.extract.hits import CUED, Hit
from scamtrace.extract.refdata import INFO_LISTS, SHARED_PARENT_LISTS, RefData, data_lines

_URL_CHARS = r"[^\s<>\"'`{}|\\^\[\]]"
# As written: (?i)\b(?:https?|ftp)://<chars>. Opening on [hHfF] (boundary checked after it, the
# scheme picked by what was read) lets re skip in C to the next h or f.
URL_RE = re.compile(
    r"[hHfF](?<!\w[hHfF])(?:(?<=[hH])(?i:ttps?)|(?<=[fF])(?i:tp))://" + _URL_CHARS + r"{1,2048}"
)
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
HOST_RE = re.compile(
    r"(?<![\w@.\-/:])"
    r"((?:" + _LABEL + r"\.){1,8}(?:[^\W\d_]{2,24}|xn--[a-z0-9-]{1,59}))"
    r"(?![\w@-]|\.[^\W_])"
    r"(/" + _URL_CHARS + r"{0,2048})?",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\"*"
# "x.y": a letter or digit, a dot, a letter. Opens on the dot (rarer than letters), so re skips
# in C; read from the dot it finds "a.b.c" twice where [^\W_]\.[^\W\d_] found it once, see find().
_DOT_PROBE = re.compile(r"\.(?<=[^\W_]\.)[^\W\d_]")
_RUN = re.compile(r"[\w.\-]{0,300}")
# The same characters read backwards ([\w.\-] is "isalnum() or in '-._'"): how far a host may
# reach back from its first dot, in the reversed text.
_RUN_BACK = re.compile(r"[\w.\-]*")
_IP_CHARS = frozenset("0123456789.")
# A bare "name.zip" is far more often a file than a site.
_FILELIKE_TLDS = frozenset(
    {"zip", "mov", "py", "sh", "pl", "md", "rs", "ps", "cs", "js", "exe", "txt", "pdf"}
)
# "them.it", "me.me": two words glued by a missing space, not a site.
_GLUE_WORDS = frozenset(
    "i me my you your he him his she her it its we us our they them their this that there here "
    "then now so no yes to too do did done be is was am are at in on of or and but if as by up "
    "out go went ok okay call called said sir mr mrs ms dr etc".split()
)
_VENDOR_SUBDOMAINS = frozenset(
    {"www", "live", "control", "docs", "download", "downloads", "cloud", "forum"}
)
_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21}


@dataclass(frozen=True, slots=True)
class HostInfo:
    """What one host means: its entity and how it may be used."""

    host: str
    entity: str | None  # the domain indicator, None for an instance host
    flags: frozenset[str]
    role: Role | None  # fixed role (legit / unknown) or None when context decides
    instance_tool: str | None


@lru_cache(maxsize=16384)
def to_ascii_host(host: str) -> str | None:
    host = host.strip(".").lower()
    if not host or len(host) > 253:
        return None
    if host.isascii():
        return host
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return None


def strip_trailing(raw: str) -> str:
    while raw:
        last = raw[-1]
        if last in _TRAILING:
            raw = raw[:-1]
        elif last == ")" and raw.count("(") < raw.count(")"):
            raw = raw[:-1]
        else:
            break
    return raw


class WebFinder:
    def __init__(self, ref: RefData) -> None:
        self.ref = ref
        shared = set(data_lines("shared_hosts.txt"))
        self._shared_parents = frozenset(h for h in shared if not h.startswith("*."))
        self._shared_wild = frozenset(h[2:] for h in shared if h.startswith("*."))
        self._host_cache: dict[str, HostInfo | None] = {}

    # -- hosts -----------------------------------------------------------------

    def host_info(self, host: str) -> HostInfo | None:
        if host in self._host_cache:
            return self._host_cache[host]
        info = self._host_info(host)
        if len(self._host_cache) > 20_000:
            self._host_cache.clear()
        self._host_cache[host] = info
        return info

    def _host_info(self, raw_host: str) -> HostInfo | None:
        host = to_ascii_host(raw_host)
        if host is None or "." not in host:
            return None
        tld = host.rsplit(".", 1)[1]
        if not self.ref.is_suffix(tld):
            return None
        registrable = self.ref.registrable(host)
        if registrable is None:
            return None
        ref = self.ref
        tool = ref.instance_parents.get(registrable)
        if tool is not None and host != registrable:
            sub = host[: -len(registrable) - 1]
            if sub not in _VENDOR_SUBDOMAINS:
                return HostInfo(host, None, frozenset(), Role.SCAMMER, tool)
        flags: set[str] = set()
        entity = registrable
        if host != registrable and self._is_shared_parent(registrable):
            entity_name = ".".join(host.split(".")[-(registrable.count(".") + 2) :])
            flags.add("shared_host")
            lists = ref.lists_for(entity_name, entity_name)
            return self._finish(host, entity_name, flags, lists)
        lists = ref.lists_for(host, registrable)
        if self._is_shared_parent(registrable) and "dynamic-dns" not in lists:
            lists.append("shared-hosting")
        return self._finish(host, entity, flags, lists)

    def _finish(self, host: str, entity: str, flags: set[str], lists: list[str]) -> HostInfo:
        flags.update(f"warninglist:{name}" for name in lists)
        if entity.startswith("xn--") or ".xn--" in entity:
            flags.add("idn")
        role: Role | None = None
        if self.ref.is_legit_domain(entity, lists):
            role = Role.LEGIT
        elif any(name in SHARED_PARENT_LISTS or name in INFO_LISTS for name in lists) or lists:
            role = Role.UNKNOWN
        return HostInfo(host, entity, frozenset(flags), role, None)

    def _is_shared_parent(self, registrable: str) -> bool:
        if registrable in self._shared_parents or registrable in self.ref.warninglists.get(
            "dynamic-dns", ()
        ):
            return True
        return registrable.split(".", 1)[-1] in self._shared_wild

    # -- text ------------------------------------------------------------------

    def find(
        self, text: str, field: str = "narrative", exclude: list[tuple[int, int]] | None = None
    ) -> tuple[list[Hit], list[tuple[int, int]]]:
        """Hits and the spans (in ``text``) they cover, for masking; ``exclude`` spans are skipped."""
        hits: list[Hit] = []
        spans: list[tuple[int, int]] = []
        skip = list(exclude or ())
        if "://" in text:
            for m in URL_RE.finditer(text):
                raw = strip_trailing(m.group(0))
                span = (m.start(), m.start() + len(raw))
                spans.append(span)
                hits.extend(self.url_hits(raw, field, span))
        if "." not in text:
            return hits, spans
        # A host needs "x.y" somewhere: find those (a fast scan), then read the whole host around each.
        resume = 0
        probe_end = 0  # where a probe "x.y" read as one match would have ended
        n = len(text)
        backwards: str | None = None
        for probe in _DOT_PROBE.finditer(text):
            dot = probe.start()
            if dot - 1 < probe_end:
                continue  # "x.y" overlapping the one before: never a probe of its own
            probe_end = dot + 2
            if dot < resume:
                continue
            # No host is longer than 253 characters; never walk back over text already read.
            floor = max(resume, dot - 253)
            if backwards is None:
                backwards = text[::-1]
            # text[floor:dot] reversed is backwards[n - dot : n - floor]; the run read there
            # ends (in backwards) where the host starts (in text).
            run = _RUN_BACK.match(backwards, n - dot, n - floor)
            start = n - run.end() if run is not None else dot
            host_match = HOST_RE.match(text, start)
            if host_match is None:
                run = _RUN.match(text, dot)  # skip the rest of this word: it holds no host either
                resume = run.end() if run else dot + 1
                continue
            m = host_match
            resume = m.end()
            if any(s <= m.start() < e for s, e in spans) or any(
                s <= m.start() < e for s, e in skip
            ):
                continue
            host = m.group(1)
            path = m.group(2) or ""
            if not self._bare_ok(host, path, text, m.start()):
                continue
            span = (m.start(), m.start(1) + len(host))
            info = self.host_info(host)
            if info is None:
                continue
            spans.append((m.start(), m.start() + len(strip_trailing(m.group(0)))))
            hits.extend(self._host_hits(info, field, span, url=None))
        return hits, spans

    def _bare_ok(self, host: str, path: str, text: str, start: int) -> bool:
        labels = host.split(".")
        tld = labels[-1]
        if host.lower().startswith("www.") or path:
            return tld.lower() not in _FILELIKE_TLDS or bool(path)
        if tld.lower() in _FILELIKE_TLDS:
            return False
        if len(labels) == 2:
            if tld[0].isupper() and tld[1:].islower() and not labels[0][:1].isupper():
                return False  # "them.It": a sentence glued to the next
            if labels[0].lower() in _GLUE_WORDS and len(tld) <= 3:
                return False
        return not host.replace(".", "").isdigit()

    def url_hits(self, raw: str, field: str, span: tuple[int, int] | None) -> list[Hit]:
        canon = canonical_url(raw)
        if canon is None:
            return []
        url, host = canon
        bare = host.strip("[]")
        addr: ipaddress.IPv4Address | ipaddress.IPv6Address | None = None
        # An IPv6 address always holds ":", an IPv4 address only digits and dots: anything else
        # is a name, and ip_address would only raise (and raising costs).
        if ":" in bare or _IP_CHARS.issuperset(bare):
            try:
                addr = ipaddress.ip_address(bare)
            except ValueError:
                addr = None
        if addr is not None:
            # The host of a URL is whoever runs the page, private range or not.
            return [
                Hit(Kind.URL, url, field, span),
                Hit(Kind.IP, str(addr), field, span, ip_flags(addr) | {"url_host"}),
            ]
        info = self.host_info(host)
        if info is None:
            return []
        return self._host_hits(info, field, span, url=url)

    def _host_hits(
        self, info: HostInfo, field: str, span: tuple[int, int] | None, url: str | None
    ) -> list[Hit]:
        hits: list[Hit] = []
        if info.instance_tool is not None:
            # The instance belongs to whoever runs it: the scammer, whatever the sentence says.
            hits.append(
                Hit(
                    Kind.REMOTE_ID,
                    f"{info.instance_tool}:{info.host}",
                    field,
                    span,
                    {"instance_host"},
                ).fix(Role.SCAMMER, CUED)
            )
            if url is not None:
                hits.append(Hit(Kind.URL, url, field, span))
            return hits
        assert info.entity is not None
        if url is not None:
            url_hit = Hit(Kind.URL, url, field, span)
            if info.role is Role.LEGIT and info.entity in self.ref.strictly_legit:
                # A page on a vendor's own site; a payment link on a platform stays with its creator.
                url_hit.fix(Role.LEGIT)
            hits.append(url_hit)
        hit = Hit(Kind.DOMAIN, info.entity, field, span, set(info.flags))
        if info.role is not None:
            hit.fix(info.role)
        hits.append(hit)
        return hits


def ip_flags(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> set[str]:
    if addr.is_loopback or addr.is_link_local or addr.is_unspecified or addr.is_multicast:
        return {"reserved"}
    if addr.is_private:
        return {"private"}
    if addr.is_reserved or not addr.is_global:
        return {"reserved"}
    return set()


@lru_cache(maxsize=8192)
def canonical_url(raw: str) -> tuple[str, str] | None:
    """Refanged URL with scheme and host lower-cased (host as A-labels), and its host."""
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    hostname = parts.hostname
    if not hostname:
        return None
    if ":" in hostname:  # IPv6 literal
        host = hostname.lower()
        netloc_host = f"[{host}]"
    else:
        ascii_host = to_ascii_host(hostname)
        if ascii_host is None:
            return None
        host = netloc_host = ascii_host
    netloc = netloc_host
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc_host}:{port}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment)), host
