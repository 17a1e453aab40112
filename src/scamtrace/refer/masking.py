"""Masking victims' personal data in complaint text while keeping the scammer's indicators.

Two sources of truth, in order:

1. What we know is the victim's: the name, email and phone from the report's
   personal fields and the victim's own numbers, accounts and remote-access IDs
   that extraction set apart. These are masked wherever they appear, always.
2. A safety net for what extraction missed: any other email address, long
   number, IP address, IBAN, card number or "my name is …" is masked too, unless
   it is one of the report's scammer (or legitimate-company) indicators or lies
   inside a span extraction attributed to them. Over-masking a stray number
   costs an investigator little; leaking a victim's account number costs the victim.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from scamtrace.refer.model import Complaint, Personal

VICTIM_NAME = "[VICTIM NAME]"
VICTIM_EMAIL = "[VICTIM EMAIL]"
VICTIM_PHONE = "[VICTIM PHONE]"
VICTIM_ACCOUNT = "[VICTIM ACCOUNT]"
VICTIM_ID = "[VICTIM ID]"
VICTIM_DATA = "[VICTIM DATA]"
NAME = "[NAME WITHHELD]"
EMAIL = "[EMAIL WITHHELD]"
NUMBER = "[NUMBER WITHHELD]"
CARD = "[CARD NUMBER WITHHELD]"
ACCOUNT = "[ACCOUNT WITHHELD]"
IP = "[IP WITHHELD]"

_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_URL_RE = re.compile(r"(?i)\b(?:https?|hxxps?)://[^\s<>\"')\]]+")
# a host with a path but no scheme, as victims copy pop-up addresses: "fix-pc.tech/alert.html?ph=18445550142"
_HOSTPATH_RE = re.compile(r"(?i)(?<![\w@.])(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?/[^\s<>\"')\]]*")
_IPV4_RE = re.compile(r"(?<![\d.])(?:\d{1,3}(?:\.|\[\.\])){3}\d{1,3}(?![\d.])")
_IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
# 7+ digits, with the separators people type inside phone and account numbers
_DIGITS_RE = re.compile(r"(?<![A-Za-z0-9])\+?\(?\d(?:[ ().\-]{0,3}\d){6,}(?![A-Za-z0-9])")
_DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}$")
_MY_NAME_RE = re.compile(r"(?i:\bmy name(?: is|'s)\s+)([A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+){0,2})")
_NAME_STOPWORDS = frozenset({"mr", "mrs", "ms", "miss", "dr", "the", "and", "de", "da", "van", "von", "der", "la", "le", "di", "jr", "sr"})


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    label: str | None  # None: protected, never masked
    rank: int  # lower wins an overlap


def digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def _same_number(a: str, b: str) -> bool:
    """Two digit strings name one number when the longer ends with the shorter (7+ digits): country codes and trunk prefixes vary."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 7 and long_.endswith(short)


def _number_parts(kind: str, value: str) -> list[str]:
    """The digit strings of an indicator as they may appear in text (an account is typed without its bank code)."""
    if kind == "bank_account":
        return [d for d in (digits(p) for p in value.split(":")[1:]) if len(d) >= 7]
    if kind in ("phone", "remote_id"):
        d = digits(value.split(":", 1)[-1])
        return [d] if len(d) >= 7 else []
    return []


def _literal_parts(kind: str, value: str) -> list[str]:
    if kind in ("email", "upi", "ip", "alias"):
        return [value]
    if kind == "crypto_wallet":
        return [value.split(":", 1)[-1]]
    if kind == "bank_account" and value.startswith("iban:"):
        return [value[5:]]
    if kind == "remote_id":
        tail = value.split(":", 1)[-1]
        return [tail] if not tail.isdigit() else []
    return []


@dataclass(frozen=True, slots=True)
class Disclosed:
    """The operation's own indicators, which the package lists anyway, prepared once for every complaint."""

    pairs: frozenset[tuple[str, str]] = frozenset()
    numbers: tuple[str, ...] = ()
    literals: frozenset[str] = frozenset()

    @classmethod
    def of(cls, values: Iterable[tuple[str, str]]) -> Disclosed:
        pairs = frozenset(values)
        numbers = tuple(sorted({d for kind, value in pairs for d in _number_parts(kind, value)}))
        literals = frozenset(_keep_literals(pairs))
        return cls(pairs, numbers, literals)


def _keep_literals(values: Iterable[tuple[str, str]]) -> set[str]:
    out: set[str] = set()
    for kind, value in values:
        out.update(lit.casefold() for lit in _literal_parts(kind, value))
        if kind in ("domain", "url"):
            out.add(value.casefold())
    return out


def _label_for(kind: str) -> str:
    return {
        "phone": VICTIM_PHONE,
        "email": VICTIM_EMAIL,
        "bank_account": VICTIM_ACCOUNT,
        "upi": VICTIM_ACCOUNT,
        "crypto_wallet": VICTIM_ACCOUNT,
        "remote_id": VICTIM_ID,
    }.get(kind, VICTIM_DATA)


def _literal_hits(text: str, needle: str, label: str | None, rank: int, *, ignore_case: bool = True) -> Iterable[_Hit]:
    needle = needle.strip()
    if len(needle) < 3:
        return
    flags = re.IGNORECASE if ignore_case else 0
    pattern = re.escape(needle).replace(r"\ ", r"\s+")
    for m in re.finditer(rf"(?<![\w@.]){pattern}(?![\w@])", text, flags):
        yield _Hit(m.start(), m.end(), label, rank)


def _name_hits(text: str, name: str) -> Iterable[_Hit]:
    yield from _literal_hits(text, name, VICTIM_NAME, 0)
    for token in re.split(r"[\s,]+", name):
        token = token.strip(".'\"()")
        if len(token) >= 2 and token.casefold() not in _NAME_STOPWORDS:
            # Case-sensitive: "Will" the name, not "will" the verb (but "WILL" on a form, too).
            yield from _literal_hits(text, token, VICTIM_NAME, 0, ignore_case=False)
            if token.upper() != token:
                yield from _literal_hits(text, token.upper(), VICTIM_NAME, 0, ignore_case=False)


def mask_text(
    text: str,
    personal: Personal,
    *,
    keep_values: Sequence[tuple[str, str]] = (),
    keep_spans: Sequence[tuple[int, int]] = (),
    disclosed: Disclosed | Collection[tuple[str, str]] = (),
) -> str:
    """``text`` with the victim's personal data and anything that looks personal replaced by labels.

    ``keep_values`` are (kind, value) indicators of the scammer or of a legitimate
    company found in this report; ``keep_spans`` their character ranges in ``text``.
    ``disclosed`` are (kind, value) pairs the package lists as the operation's own
    indicators anyway: a "victim" value among them is the caller's number or account
    that extraction mis-attributed in this one report, and masking it would hide
    nothing while hiding the evidence.
    """
    if not text:
        return text
    if not isinstance(disclosed, Disclosed):
        disclosed = Disclosed.of(disclosed)
    hits: list[_Hit] = []
    victim_numbers: list[tuple[str, str]] = []  # (digits, label)

    # 1. What we know is the victim's.
    if personal.name:
        hits.extend(_name_hits(text, personal.name))
    if personal.email:
        hits.extend(_literal_hits(text, personal.email, VICTIM_EMAIL, 0))
    if personal.phone and len(digits(personal.phone)) >= 7:
        victim_numbers.append((digits(personal.phone), VICTIM_PHONE))
    for kind, value in personal.own_values:
        if (kind, value) in disclosed.pairs:
            continue
        label = _label_for(kind)
        victim_numbers.extend((d, label) for d in _number_parts(kind, value))
        for lit in _literal_parts(kind, value):
            hits.extend(_literal_hits(text, lit, label, 0))

    # 2. What must stay: the scammer's and legitimate companies' indicators.
    keep_numbers = [d for kind, value in keep_values for d in _number_parts(kind, value)] + list(disclosed.numbers)
    keep_literals = _keep_literals(keep_values) | disclosed.literals
    for start, end in keep_spans:
        if 0 <= start < end <= len(text):
            hits.append(_Hit(start, end, None, 1))
    for m in (*_URL_RE.finditer(text), *_HOSTPATH_RE.finditer(text)):
        hits.append(_Hit(m.start(), m.end(), None, 1))

    # 3. The safety net.
    for m in _EMAIL_RE.finditer(text):
        if m.group(0).casefold() not in keep_literals:
            hits.append(_Hit(m.start(), m.end(), EMAIL, 2))
        else:
            hits.append(_Hit(m.start(), m.end(), None, 1))
    for m in _IPV4_RE.finditer(text):
        value = m.group(0).replace("[.]", ".")
        hits.append(_Hit(m.start(), m.end(), None if value.casefold() in keep_literals else IP, 1 if value.casefold() in keep_literals else 2))
    for m in _IBAN_RE.finditer(text):
        compact = m.group(0).replace(" ", "")
        if compact.casefold() not in keep_literals and sum(ch.isdigit() for ch in compact) >= 8:
            hits.append(_Hit(m.start(), m.end(), ACCOUNT, 2))
    for m in _DIGITS_RE.finditer(text):
        raw = m.group(0)
        if _DATE_RE.match(raw.strip()):
            continue
        d = digits(raw)
        victim = next((label for vd, label in victim_numbers if _same_number(d, vd)), None)
        if victim:
            hits.append(_Hit(m.start(), m.end(), victim, 0))
        elif any(_same_number(d, kd) for kd in keep_numbers):
            hits.append(_Hit(m.start(), m.end(), None, 1))
        else:
            hits.append(_Hit(m.start(), m.end(), CARD if 13 <= len(d) <= 19 and _luhn(d) else NUMBER, 2))
    for m in _MY_NAME_RE.finditer(text):
        if m.group(1).casefold() not in keep_literals:
            hits.append(_Hit(m.start(1), m.end(1), NAME, 2))

    return _apply(text, hits)


def _luhn(d: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def _apply(text: str, hits: list[_Hit]) -> str:
    taken: list[_Hit] = []
    for h in sorted(hits, key=lambda h: (h.rank, -(h.end - h.start), h.start)):
        if all(h.end <= t.start or h.start >= t.end for t in taken):
            taken.append(h)
    out = text
    for h in sorted((t for t in taken if t.label), key=lambda t: t.start, reverse=True):
        out = out[: h.start] + (h.label or "") + out[h.end :]
    return out


def mask_complaint(c: Complaint, disclosed: Disclosed | Collection[tuple[str, str]] = ()) -> str:
    """The complaint's narrative, masked for any recipient outside the victim's own case file."""
    keep = [(kind, value) for kind, value, role in c.indicators if role in ("scammer", "legit", "unknown")]
    return mask_text(c.narrative, c.personal, keep_values=keep, keep_spans=c.keep_spans, disclosed=disclosed)


def extract(text: str, limit: int = 700) -> str:
    """At most ``limit`` characters, cut at a sentence or word end, whitespace collapsed."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if end >= limit // 2:
        return cut[: end + 1] + " …"
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut) + " …"
