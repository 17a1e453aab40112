"""E-mail addresses and IP addresses.

``name@handle`` with no dot after the ``@`` is not an e-mail: it is a UPI
address (``x@okaxis``) or an AnyDesk alias (``x@ad``); those are handed back
as *dotless* candidates for :mod:`payments` and :mod:`remote` to judge.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from scamtrace.domain.indicator import Kind
from scamtrace.extract.hits import Hit
from scamtrace.extract.web import WebFinder, ip_flags, to_ascii_host

_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
EMAIL_RE = re.compile(
    r"(?<![\w.+'\-@])([\w.+'\-]{1,64})@("
    + _LABEL
    + r"(?:\."
    + _LABEL
    + r"){0,8})(?![\w-]|\.[^\W_])"
)
IPV4_RE = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)"
)
IPV6_RE = re.compile(
    r"(?<![\w:.])(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,39}(?:%\w{1,15})?(?![\w:])"
)
# "d.d{1,3}.d", found from its first dot (rarer than digits, so re skips in C): the match starts
# at that dot, one after where the digit before it stands.
_IP_HINT = re.compile(r"\.(?<=[0-9]\.)[0-9]{1,3}\.[0-9]")
_VERSION_BEFORE = re.compile(
    r"(?:version|ver\.?|v|build|firmware|release|windows|os|ios|macos)\s*$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Dotless:
    """``local@handle`` where the handle has no dot: a UPI address or an AnyDesk alias."""

    local: str
    handle: str
    span: tuple[int, int]


def find_emails(
    text: str, web: WebFinder, field: str = "narrative"
) -> tuple[list[Hit], list[Dotless], list[tuple[int, int]]]:
    hits: list[Hit] = []
    dotless: list[Dotless] = []
    spans: list[tuple[int, int]] = []
    if "@" not in text:
        return hits, dotless, spans
    for m in EMAIL_RE.finditer(text):
        local = m.group(1).strip(".'")
        domain = m.group(2)
        if not local:
            continue
        span = (m.start(), m.end())
        if "." not in domain:
            dotless.append(Dotless(local, domain, span))
            continue
        host = to_ascii_host(domain)
        if host is None or not web.ref.is_suffix(host.rsplit(".", 1)[-1]):
            continue
        spans.append(span)
        hit = Hit(Kind.EMAIL, f"{local.lower()}@{host}", field, span)
        registrable = web.ref.registrable(host) or host
        if registrable in web.ref.freemail:
            hit.flags.add("freemail")
        if registrable in web.ref.warninglists.get("disposable-email", ()):
            hit.flags.add("warninglist:disposable-email")
        hits.append(hit)
    return hits, dotless, spans


def find_ips(text: str, field: str = "narrative") -> tuple[list[Hit], list[tuple[int, int]]]:
    hits: list[Hit] = []
    spans: list[tuple[int, int]] = []
    hint = _IP_HINT.search(text)
    if hint is not None:
        # An address holds the hint from the last digit of its first octet (at most three
        # digits): none starts before that. The lookbehind still sees what precedes ``pos``.
        for m in IPV4_RE.finditer(text, max(0, hint.start() - 3)):
            before = text[max(0, m.start() - 12) : m.start()]
            if _VERSION_BEFORE.search(before):
                continue
            addr = ipaddress.ip_address(m.group(0))
            spans.append(m.span())
            hits.append(Hit(Kind.IP, str(addr), field, m.span(), ip_flags(addr)))
    if "::" in text or text.count(":") >= 3:
        for m in IPV6_RE.finditer(text):
            raw = m.group(0)
            if raw.count(":") < 2 or not any(c.isdigit() for c in raw):
                continue
            try:
                addr6 = ipaddress.ip_address(raw)
            except ValueError:
                continue
            spans.append(m.span())
            hits.append(Hit(Kind.IP, str(addr6), field, m.span(), ip_flags(addr6)))
    return hits, spans
