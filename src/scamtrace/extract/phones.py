"""Phone numbers in every shape victims write them, as E.164.

A fast regex finds digit runs (letter O allowed for zero, as on pop-ups that
print ``1-8OO-…``; a line break may split a number); words just before a run
reject order, case, card and account numbers; ``phonenumbers`` parses the
survivors with the victim's country first, then the countries these scams
involve. Every emitted value passes ``phonenumbers.is_valid_number``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType

from scamtrace.domain.indicator import Kind
from scamtrace.extract.fastre import compile_keywords
from scamtrace.extract.hits import Hit
from scamtrace.extract.refdata import RefData

# A run of digits (or O for 0) with at most a few separators between them.
# Separator and digit classes are disjoint, so matching stays linear; the
# pattern opens with a character class so that re's scanner skips text fast,
# and what may not come just before a number is checked by hand.
PHONE_RE = re.compile(
    r"[+(0-9](?:[ .()\-]{0,3}(?:\r?\n[ ]{0,2})?(?:[0-9]|[Oo](?![A-NP-Za-np-z]))){5,24}"
)
_NOT_BEFORE = frozenset("+$£€₹%/@.-_")
_SEP_RE = re.compile(r"[ .()\-\r\n]+")
_SEP_CHARS = " .()-\r\n"  # what _SEP_RE splits on
# Words before a number: the nearest says whether it is a phone ("call", "tel") or not ("order",
# "account"). The alternation opens on its first letters (see fastre), so re skips text in C.
_PHONE_WORDS = (
    "caller ?id",
    "customer (?:care|service|support)",
    "credit card (?:company|issuer)",
    "debit card (?:company|issuer)",
    "card (?:company|issuer)",
    "call(?:ed|ing|s)?",
    "phone[ds]?",
    "ph",
    "tel",
    "telephone",
    "mobiles?",
    "mob",
    "cell(?:phone)?",
    "landline",
    "whats ?app",
    "dial(?:l?ed)?",
    "ring",
    "rang",
    "help ?line",
    "hotline",
    "toll",
    "callback",
    "call back",
    "fax",
    "sms",
    "text(?:ed)?",
    "contacts?",
    "reach(?:ed)?",
    "number",
    "numbers",
    "no",
    "nos",
    "line",
    "lines",
)
_NON_PHONE_WORDS = (
    "order", "invoice", "inv", "case", "ticket", "ref", "reference", "transaction", "txn", "trans",
    "confirmation", "tracking", "claim", "serial", "account", "acct", "acc", "a/c", "ac", "routing", "aba",
    "rtn", "card", "cards", "gift ?cards?", "pins?", "codes?", "otp", "ifsc", "sort ?code", "bsb", "iban",
    "swift", "badge", "employee", "emp", "mtcn", "policy", "member", "customer", "licen[cs]e", "product",
    "key", "ids?", "version", "build", "fir", "complaint", "receipt", "utr", "imps", "neft", "rtgs", "rrn",
    "awb", "consignment", "parcel", "package", "tracking", "crime", "barcode", "voucher", "serial",
    "session", "password", "passcode", "access", "gc", "gcs", "mtcn",
)  # fmt: skip
_KEYWORD_RE, _KEYWORD_KINDS = compile_keywords(
    ((_PHONE_WORDS, ""), (_NON_PHONE_WORDS, r"(?:\s*(?:numbers?|nos?\.?|num|#|ids?)\b)?")), r"\b"
)
# Group numbers of the non-phone words.
_NON_PHONE_GROUPS = frozenset(g + 1 for g, kind in enumerate(_KEYWORD_KINDS) if kind == 1)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_REGION_FALLBACK = ("US", "GB", "AU", "IN")
_TRUNK_ZERO = frozenset({"GB", "AU", "IN", "IE", "NZ", "NG", "ZA", "PK", "BD", "PH"})
_NG_MOBILE = re.compile(r"0(?:70[1-9]|80[2-9]|81[0-8]|90[1-9]|91[0-6])\d{7}")
_MIN_DIGITS = 10
_MAX_DIGITS = 15
_WINDOW = 40


@lru_cache(maxsize=65536)
def _e164(digits: str, plus: bool, region: str) -> tuple[str, bool] | None:
    """(E.164, toll-free?) when ``digits`` is a valid number, trying fallback regions."""
    attempts: list[tuple[str, str | None]] = []
    if plus:
        attempts.append(("+" + digits, None))
    else:
        if digits.startswith("00"):
            attempts.append(("+" + digits[2:], None))
        # Canada shares the US plan: no point parsing the same digits twice.
        fallback: tuple[str, ...] = _REGION_FALLBACK
        if region not in ("GB", "IN", "NG") and _NG_MOBILE.fullmatch(digits):
            # 0803…, 0703…: a Nigerian mobile as WhatsApp shows it, far likelier than a UK 070 personal number.
            fallback = ("NG", *_REGION_FALLBACK)
        if digits[:1] == "0" and digits[:2] != "00" and region in _TRUNK_ZERO:
            # "07700 900461" from a UK victim is a UK number, valid or not: never re-read it as Indian.
            fallback = ()
        attempts.extend(
            (digits, r) for r in (region, *fallback) if not (region == "CA" and r == "US")
        )
    seen: set[str | None] = set()
    for text, reg in attempts:
        if reg is not None and reg in seen:
            continue
        seen.add(reg)
        try:
            num = phonenumbers.parse(text, reg)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
            toll_free = phonenumbers.number_type(num) == PhoneNumberType.TOLL_FREE
            return e164, toll_free
    return None


@lru_cache(maxsize=8192)
def is_phone(digits: str, region: str) -> bool:
    """Would these digits, written without "+", dial a real number in ``region``?"""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(digits, region))
    except phonenumbers.NumberParseException:
        return False


def _context_rejects(text: str, start: int, short: bool) -> bool:
    """Is the nearest keyword before ``start`` one that names a non-phone number?"""
    window = text[max(0, start - _WINDOW) : start]
    cut = window.rfind("\n")
    if cut >= 0:
        window = window[cut + 1 :]
    last = None
    for last in _KEYWORD_RE.finditer(window.lower()):  # noqa: B007 - the nearest keyword is the last one
        pass
    if last is None:
        return short  # six-digit numbers need a phone word nearby
    return last.lastindex in _NON_PHONE_GROUPS


class PhoneFinder:
    """Finds phones; one per :class:`~scamtrace.extract.extractor.Extractor`."""

    def __init__(self, ref: RefData) -> None:
        self._fictitious = ref.fictitious_phone_patterns
        self._fictitious_cache: dict[str, bool] = {}
        self._legit = ref.legit_phones
        self._field_cache: dict[tuple[str, str, str], tuple[tuple[str, frozenset[str]], ...]] = {}

    def find_field(self, text: str, region: str, field: str) -> list[Hit]:
        """:meth:`find` for a structured field (a caller's number, a payee): the same hits, with
        each distinct value read once (scammers' numbers come back report after report)."""
        key = (text, region, field)
        found = self._field_cache.get(key)
        if found is None:
            found = tuple((h.value, frozenset(h.flags)) for h in self.find(text, region, field))
            if len(self._field_cache) > 20_000:  # bounded: memory stays flat
                self._field_cache.clear()
            self._field_cache[key] = found
        return [Hit(Kind.PHONE, value, field, None, set(flags)) for value, flags in found]

    def _vanity(self, text: str, region: str, field: str) -> list[Hit]:
        hits: list[Hit] = []
        for m in _VANITY_RE.finditer(text):
            raw = m.group(0)
            if sum(c.isalpha() for c in raw) < 3:
                continue  # digits only: the ordinary pass reads those
            digits = re.sub(r"\D", "", phonenumbers.convert_alpha_characters_in_number(raw))[:11]
            parsed = _e164(digits, False, "US")
            if parsed is not None:
                span = m.span() if field == "narrative" else None
                hits.append(
                    Hit(Kind.PHONE, parsed[0], field, span, self.flags(*parsed) | {"vanity"})
                )
        return hits

    def flags(self, e164: str, toll_free: bool) -> set[str]:
        flags = {"toll_free"} if toll_free else set()
        if self._is_fictitious(e164):
            flags.add("fictitious")
        return flags

    def _is_fictitious(self, e164: str) -> bool:
        cached = self._fictitious_cache.get(e164)
        if cached is not None:
            return cached
        num = phonenumbers.parse(e164, None)
        nsn = phonenumbers.national_significant_number(num)
        forms = (e164, "00" + e164[1:], "0" + nsn, nsn)
        result = any(p.fullmatch(f) for p in self._fictitious for f in forms)
        if len(self._fictitious_cache) > 20_000:
            self._fictitious_cache.clear()
        self._fictitious_cache[e164] = result
        return result

    def find(self, text: str, region: str, field: str = "narrative") -> list[Hit]:
        hits: list[Hit] = []
        if "-8" in text or " 8" in text:  # ("1-8" holds "-8")
            hits.extend(self._vanity(text, region, field))
        for m in PHONE_RE.finditer(text):
            at = m.start()
            if at:
                before = text[at - 1]
                if before in _NOT_BEFORE or before.isalnum():
                    continue
            found = self._from_match(text, m, region, field)
            if found:
                hits.extend(found)
        return hits

    def _from_match(self, text: str, m: re.Match[str], region: str, field: str) -> list[Hit]:
        raw = m.group(0)
        plus = raw[0] == "+"
        if plus:
            offset = 2 if raw[1] == " " else 1
            body = raw[offset:]
            if not body[:1].isdigit():
                return []
        else:
            offset = 0
            body = raw
        start = m.start() + offset
        raw_groups = list(filter(None, _SEP_RE.split(body)))
        if "\n" in body and ("\n\n" in body.replace("\r", "") or "\n \n" in body):
            return []  # a paragraph break is never inside one number
        if "O" in body or "o" in body:
            groups = [g.replace("O", "0").replace("o", "0") for g in raw_groups]
        else:
            groups = raw_groups
        digits = "".join(groups)
        n_digits = len(digits)
        short_au = region == "AU" and not plus and n_digits == 6 and digits.startswith("13")
        if n_digits < (8 if plus else _MIN_DIGITS) and not short_au:
            return []
        narrative = field == "narrative"
        if narrative:
            known_short = short_au and "+61" + digits in self._legit
            if _context_rejects(text, m.start(), short_au and not known_short):
                return []
            if len(groups) == 2 and not plus and _YEAR_RE.fullmatch(groups[0]):
                return []  # "2024-118834": a year-prefixed case or order id
        if n_digits >= 13 and len(groups) >= 3 and all(len(g) == 4 for g in groups[:-1]):
            return []  # 4-4-4-x: a card or gift-card number, never two phones
        found = self._parse_groups(groups, plus, region, digits)
        hits: list[Hit] = []
        for e164, toll_free, first, last in found:
            span: tuple[int, int] | None = None
            if narrative:
                if first == 0 and last == len(raw_groups):
                    # One number over all groups: the body after any opening separators (a body
                    # ends with a digit or O, never a separator).
                    g_start = start + len(body) - len(body.lstrip(_SEP_CHARS))
                    g_end = start + len(body)
                else:
                    g_start, g_end = _group_span(body, raw_groups, first, last, start)
                span = (m.start() if first == 0 and plus else g_start, g_end)
            hits.append(Hit(Kind.PHONE, e164, field, span, self.flags(e164, toll_free)))
        return hits

    def _parse_groups(
        self, groups: list[str], plus: bool, region: str, digits: str
    ) -> list[tuple[str, bool, int, int]]:
        if len(digits) <= _MAX_DIGITS:
            parsed = _e164(digits, plus, region)
            if parsed is not None:
                return [(parsed[0], parsed[1], 0, len(groups))]
        if len(groups) < 2 or len(digits) > 3 * _MAX_DIGITS:
            return []
        # Two numbers side by side, or a stray number glued to one: take the
        # longest valid runs of whole groups, left to right.
        out: list[tuple[str, bool, int, int]] = []
        i = 0
        attempts = 0
        # With a "+", the country code belongs to the first number: never drop it.
        last_start = 0 if plus else len(groups)
        while i < len(groups) and i <= last_start and attempts < 24:
            for j in range(len(groups), i, -1):
                chunk = "".join(groups[i:j])
                if not _MIN_DIGITS <= len(chunk) <= _MAX_DIGITS:
                    continue
                attempts += 1
                parsed = _e164(chunk, plus and i == 0, region)
                if parsed is not None:
                    out.append((parsed[0], parsed[1], i, j))
                    i = j
                    break
            else:
                i += 1
        return out


# "1-800-MY-APPLE", "1-800-GEEK-SQUAD": a toll-free number spelled on the keypad.
# The lookbehind follows the "1" ("(?<![\w+])1" would give re no literal to skip text with).
_VANITY_RE = re.compile(
    r"1(?<![\w+]1)[-. ]?8[0-9]{2}[-. ][A-Z0-9]{2,8}(?:-[A-Z0-9]{2,8}){0,2}(?![\w-])"
)


def _group_span(
    body: str, groups: list[str], first: int, last: int, offset: int
) -> tuple[int, int]:
    pos = 0
    start = end = 0
    for idx, group in enumerate(groups):
        found = body.find(group, pos)
        if idx == first:
            start = found
        pos = found + len(group)
        if idx == last - 1:
            end = pos
            break
    return offset + start, offset + end
