"""Payment indicators (UPI, wallets, merchant descriptors) and payment facts.

Bank accounts live in :mod:`banks`, wallet checksums in :mod:`wallets`. Here:
UPI addresses (a handle with no dot, known to NPCI's apps, or named as UPI),
card-statement descriptors, and the amounts, currencies, methods and gift-card
brands that become ``facts["payments"]`` and ``facts["losses"]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from scamtrace.domain.indicator import Kind
from scamtrace.domain.report import Payment
from scamtrace.extract.email_ip import Dotless
from scamtrace.extract.hits import Hit
from scamtrace.extract.refdata import RefData
from scamtrace.extract.scan import Found, Scan, Vocabulary
from scamtrace.extract.wallets import WALLET_RE, canonical_wallet

_UPI_CONTEXT = re.compile(
    r"\b(?:upi|vpa|gpay|google pay|phone ?pe|paytm|bhim|imps)\b", re.IGNORECASE
)

# Card statement descriptors follow one of these words.
_MERCHANT_CUE = re.compile(
    r"(?:statements?|descriptor|merchant(?: name)?|shows?(?: up)? as|showed(?: up)? as|appears? as|appeared as|billed as"
    r"|listed as|charged?[^\n]{0,25}?\bfrom|charges? from|charge(?: says| reads)?|desc|txn desc|came up(?: as)?"
    r"|(?:credit |debit )?card(?: charge)?|bill|receipt|visa|mastercard|amex|discover)\b",
    re.IGNORECASE,
)
MERCHANT_ANCHORS = (
    "statement",
    "statements",
    "descriptor",
    "merchant",
    "shows",
    "show",
    "showed",
    "appears",
    "appear",
    "appeared",
    "billed",
    "listed",
    "charged",
    "charge",
    "charges",
    "desc",
    "txn",
    "came",
    "credit",
    "debit",
    "card",
    "bill",
    "receipt",
    "visa",
    "mastercard",
    "amex",
    "discover",
)
_QUOTED = re.compile(r"[\"'‘“]([^\"'’”\n]{2,48})[\"'’”]")
_CAPS = re.compile(
    r"([A-Z0-9][A-Z0-9*#&.'/\-]*(?![a-z])(?: {1,3}[A-Z0-9*#&'/\-][A-Z0-9*#&.'/\-]*(?![a-z])){0,6})"
)
# "SQ *FIXMYPC", "PAYPAL *WINSECURE 4029357733", "NRTN*PROTECTION PLAN": a processor prefix and a star.
_STAR_DESCRIPTOR = re.compile(
    r"(?<![\w*])((?:[A-Z0-9]{2,12} ){0,3}[A-Z0-9]{2,12} ?\* ?[A-Z0-9][A-Z0-9&'.\-]*(?: {1,2}[A-Z0-9&'\-][A-Z0-9&'.\-]*(?![a-z])){0,5})"
)
_FILLER = re.compile(
    r"^[\s:(\-]*(?:(?:it|as|was|is|were|shows?|showed|up|the|a|an|on|my|name|of|reads?|said|says)\b[\s:(\-]*){0,5}"
)
_TRAILING_PHONE = re.compile(r"(?:\s+\+?\d[\d\-. ]{6,16}\d)+$")
_NOT_MERCHANT = frozenset(
    {"USD", "GBP", "CAD", "AUD", "INR", "EUR", "PIN", "OTP", "ID", "UPI", "ATM"}
)

_CURRENCY_SYMBOLS = {
    "us$": "USD", "usd": "USD", "a$": "AUD", "au$": "AUD", "aud": "AUD", "c$": "CAD", "ca$": "CAD",
    "cad": "CAD", "£": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR", "₹": "INR", "rs": "INR",
    "rs.": "INR", "inr": "INR",
}  # fmt: skip
_CURRENCY_WORDS = {"pounds": "GBP", "quid": "GBP", "rupees": "INR", "euros": "EUR", "euro": "EUR", "usd": "USD",
                   "gbp": "GBP", "inr": "INR", "aud": "AUD", "cad": "CAD", "rs": "INR"}  # fmt: skip
_DOLLAR_BY_COUNTRY = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD"}
_NUMBER = r"\d{1,3}(?:,\d{2,3})+(?:\.\d{1,2})?|\d{1,9}(?:\.\d{1,2})?"
AMOUNT_RE = re.compile(
    r"(?P<sym>US\$|A\$|AU\$|C\$|CA\$|USD|AUD|CAD|GBP|INR|EUR|Rs\.?|₹|\$|£|€)\s?(?P<num>"
    + _NUMBER
    + r")"
    r"(?P<mult>\s?(?:k|K|lakh|million)\b)?(?:\s?(?P<sym_after>USD|AUD|CAD|GBP|INR|EUR)\b)?"
)
# "300 dollars": the number first; what may precede it is checked by hand so the scan can skip ahead fast.
# As written: (?P<num2><_NUMBER>)\s?(?P<word><words>)\b. The first digit is taken out of both number
# forms (same backtracking: 3, 2, 1 digits is one digit and then 2, 1, 0), so re skips to digits
# in C; a match's number always ends where the run of digits, commas and dots ends (anything
# after it would be one of those, neither a space nor the word), so a possessive look-ahead
# drops at once a digit that no amount word follows.
_AMOUNT_WORDS = r"dollars|bucks|pounds|quid|rupees|euros?|USD|GBP|INR|AUD|CAD|Rs"
AMOUNT_WORD_RE = re.compile(
    r"(?P<num2>\d(?=[\d,.]*+\s?(?:" + _AMOUNT_WORDS + r")\b)"
    r"(?:\d{0,2}(?:,\d{2,3})+(?:\.\d{1,2})?|\d{0,8}(?:\.\d{1,2})?))"
    r"\s?(?P<word>" + _AMOUNT_WORDS + r")\b"
)
# Words around an amount, found by the shared vocabulary pass.
PAYMENT_WORDS: dict[str, tuple[str, ...]] = {
    "method_gift_card": (
        "gift card", "gift cards", "play card", "play cards", "itunes", "steam card", "steam cards", "card codes",
        "card code", "google play", "target card", "target cards", "walmart card", "walmart cards", "ebay card",
        "ebay cards", "razer gold", "vanilla", "gc", "gcs",
    ),
    "method_crypto": ("bitcoin", "btc", "crypto", "usdt", "ethereum", "eth", "coinbase", "coinflip", "wallet"),
    "method_zelle": ("zelle",),
    "method_wire": ("wire", "wired", "wires", "western union", "moneygram", "swift"),
    "method_upi": ("upi", "google pay", "gpay", "phonepe", "phone pe", "paytm", "bhim"),
    "method_paypal": ("paypal",),
    "method_bank_transfer": (
        "bank transfer", "imps", "neft", "rtgs", "payid", "interac", "e transfer", "etransfer", "faster payment",
        "transferred", "net banking", "netbanking",
    ),
    "method_card": ("credit card", "debit card", "visa", "mastercard", "amex", "discover card", "my card", "by card"),
    "method_cash": ("cash",),
    "method_other": ("cash app", "cashapp", "venmo", "moneypak", "money pak"),
    "gift_Google Play": ("google play",),
    "gift_Apple": ("apple gift|card|cards", "itunes"),
    "gift_Target": ("target",),
    "gift_Walmart": ("walmart",),
    "gift_Steam": ("steam",),
    "gift_eBay": ("ebay",),
    "gift_Best Buy": ("best buy", "bestbuy"),
    "gift_Amazon": ("amazon gift|card|cards",),
    "gift_Sephora": ("sephora",),
    "gift_Razer Gold": ("razer gold",),
    "gift_Vanilla": ("vanilla",),
    "gift_Visa": ("visa gift",),
    "money": ("dollars", "bucks", "pounds", "quid", "rupees", "euros", "euro", "usd", "gbp", "inr", "aud", "cad", "rs", "eur"),
}  # fmt: skip
_STOPS = (". ", "! ", "? ", "\n")
_NOT_BEFORE_AMOUNT = frozenset(
    "0123456789.,$£€₹abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
)
# The word nearest before an amount says whether it was paid ("I sent $500") or not ("asked for $500").
_PAID_WORDS = frozenset(
    "paid pay sent send sending transferred transfer wired wire bought buy purchased charged charges debited lost deposited"
    " took taken stole stolen moved gave withdrew withdrawn spent scammed mailed lose return".split()
)
_NOT_PAID_WORDS = frozenset(
    "didn didnt never refused declined wanted wants want asked demanded requested owed owe owing refund invoice renewal"
    " won prize fee instead attempted stopped tried trying would could deducted mistake extra claimed claiming showed says"
    " said worth lottery returns profit profits for".split()
)
_NEGATIONS = frozenset({"not", "never", "didn", "didnt", "t", "refused", "without"})
_WORD = re.compile(r"[a-z]+")


def canonical_merchant(raw: str) -> str | None:
    # "GLOBAL SOLUTIONS INC. I hope …": the sentence ended at the full stop.
    raw = " ".join(raw.replace('"', " ").split()).split(". ")[0]
    value = raw.strip(" .,;:'()").upper()
    # The processor's phone number at the end ("PAYPAL *SHOP 4029357733") is the processor's, not the shop's.
    value = _TRAILING_PHONE.sub("", value).strip()
    if len(value) < 3 or sum(c.isalpha() for c in value) < 3:
        return None
    return value


def upi_hits(
    dotless: Iterable[Dotless], text: str, ref: RefData, field: str = "narrative"
) -> list[Hit]:
    hits: list[Hit] = []
    for d in dotless:
        handle = d.handle.lower()
        if handle == "ad" or not handle.isalnum():
            continue
        if handle in ref.upi_handles or _UPI_CONTEXT.search(
            text[max(0, d.span[0] - 60) : d.span[0]]
        ):
            hits.append(Hit(Kind.UPI, f"{d.local.lower()}@{handle}", field, d.span))
    return hits


def wallet_hits(text: str, field: str = "narrative") -> list[Hit]:
    hits: list[Hit] = []
    for m in WALLET_RE.finditer(text):
        value = canonical_wallet(m.group(0))
        if value is not None:
            hits.append(Hit(Kind.CRYPTO_WALLET, value, field, m.span()))
    return hits


def merchant_hits(text: str, scan: Scan | None = None, field: str = "narrative") -> list[Hit]:
    hits: list[Hit] = []
    if scan is None:
        scan = Vocabulary({"merchant_anchor": {"x": MERCHANT_ANCHORS}}).scan(text)
    if "*" in text:
        for m in _STAR_DESCRIPTOR.finditer(text):
            value = canonical_merchant(m.group(1))
            if value is not None:
                hits.append(Hit(Kind.MERCHANT, value, field, m.span(1)))
    taken = [h.span for h in hits if h.span]
    shouting = scan.shouting
    for anchor in scan.of("merchant_anchor"):
        cue = _MERCHANT_CUE.match(text, anchor.start)
        if cue is None:
            continue
        window = text[cue.end() : cue.end() + 60]
        filler = _FILLER.match(window)
        skip = filler.end() if filler else 0
        rest = window[skip:]
        if rest.startswith(("$", "£", "€", "₹")):
            continue
        quoted = _QUOTED.match(rest)
        if quoted:
            raw = quoted.group(1)
            start = cue.end() + skip + quoted.start(1)
        else:
            # In a shouted narrative every run is capitals: only quotes and "*" descriptors count.
            caps = None if shouting else _CAPS.match(rest)
            if not caps:
                continue
            raw = caps.group(1)
            start = cue.end() + skip
            if raw.upper() in _NOT_MERCHANT or not any(c.isalpha() for c in raw):
                continue
        value = canonical_merchant(raw)
        if (
            value is None
            or value in _NOT_MERCHANT
            or any(s <= start < e or start <= s < start + len(raw) for s, e in taken)
        ):
            continue
        hits.append(Hit(Kind.MERCHANT, value, field, (start, start + len(raw))))
    return hits


def _amount(num: str, mult: str | None) -> float:
    value = float(num.replace(",", ""))
    mult = (mult or "").strip().lower()
    if mult == "k":
        value *= 1_000
    elif mult == "lakh":
        value *= 100_000
    elif mult == "million":
        value *= 1_000_000
    return value


def _currency(m: re.Match[str], country: str) -> str:
    if m.re is AMOUNT_RE or m.groupdict().get("sym"):  # (AMOUNT_RE always has a sign)
        sym = (m.group("sym_after") or m.group("sym")).lower()
        if sym == "$":
            return _DOLLAR_BY_COUNTRY.get(country, "USD")
        return _CURRENCY_SYMBOLS.get(sym, "USD")
    word = m.group("word").lower()
    if word in ("dollars", "bucks"):
        return _DOLLAR_BY_COUNTRY.get(country, "USD")
    return _CURRENCY_WORDS.get(word.rstrip("s") if word == "euros" else word, "USD")


def _clause_start(text: str, start: int, width: int) -> int:
    # After the last stop in the window (searched in place, without slicing it out).
    cut = lo = max(0, start - width)
    for stop in _STOPS:
        at = text.rfind(stop, lo, start)
        if at >= 0 and at + len(stop) > cut:
            cut = at + len(stop)
    return cut


def _was_paid(text: str, start: int, end: int) -> bool:
    words = _WORD.findall(text[_clause_start(text, start, 60) : start].lower())
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in _PAID_WORDS:
            return not _NEGATIONS.intersection(words[max(0, i - 2) : i])  # "did not pay $400"
        if word in _NOT_PAID_WORDS or word == "not":
            return False
    right_end = text.find(". ", end, end + 40)
    after = set(_WORD.findall(text[end : end + 40 if right_end < 0 else right_end].lower()))
    return bool(after & _PAID_WORDS) and not after & _NOT_PAID_WORDS


def _amount_starts(text: str, words: list[Found]) -> list[int]:
    starts: set[int] = set()
    for sign in "$£€₹":
        at = text.find(sign)
        while at >= 0:
            starts.add(at)
            if at and text[at - 1] in "USACusac":  # "US$", "A$", "C$", "AU$", "CA$"
                starts.update((at - 1, at - 2))
            at = text.find(sign, at + 1)
    starts.update(f.start for f in words if f.label == "money")
    return sorted(s for s in starts if s >= 0)


def _nearest(found: list[Found], at: int, width: int) -> Found | None:
    best: tuple[int, int, Found] | None = None
    for f in found:
        distance = abs(f.start - at)
        if distance <= width and (best is None or (distance, f.start - f.end) < best[:2]):
            best = (distance, f.start - f.end, f)
    return best[2] if best else None


def narrative_payments(text: str, country: str, scan: Scan | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if scan is None:
        scan = Vocabulary({"pay": PAYMENT_WORDS}).scan(text)
    words = scan.of("pay")
    methods: list[Found] = []
    gifts: list[Found] = []
    money = False
    for f in words:
        label = f.label
        if label == "money":
            money = True
        elif label.startswith("method_"):
            methods.append(f)
        elif label.startswith("gift_"):
            gifts.append(f)
    if not money and "$" not in text and "£" not in text and "€" not in text and "₹" not in text:
        return out
    # Amounts start at a currency sign or code: try the pattern only there, not at every character.
    found: list[re.Match[str]] = []
    covered = -1
    for at in _amount_starts(text, words):
        if at < covered:
            continue
        m = AMOUNT_RE.match(text, at)
        if m is not None:
            found.append(m)
            covered = m.end()
    if money:
        taken = [m.span() for m in found]
        for m in AMOUNT_WORD_RE.finditer(text):
            at = m.start()
            if (at and text[at - 1] in _NOT_BEFORE_AMOUNT) or any(s <= at < e for s, e in taken):
                continue
            found.append(m)
        found.sort(key=_match_start)
    for m in found:
        symbolic = m.re is AMOUNT_RE
        num = (m.group("num") if symbolic else m.group("num2")) or ""
        try:
            amount = _amount(num, m.group("mult") if symbolic else None)
        except ValueError:
            continue
        start = m.start()
        if amount <= 0 or not _was_paid(text, start, m.end()):
            continue
        method = _nearest(methods, start, 80) if methods else None
        method_name = method.label.removeprefix("method_") if method else None
        entry: dict[str, Any] = {
            "method": method_name,
            "amount": round(amount, 2),
            "currency": _currency(m, country),
        }
        if method_name == "gift_card":
            gift = _nearest(gifts, start, 80)
            entry["gift_card_brand"] = gift.label.removeprefix("gift_") if gift else None
        out.append(entry)
    return out


def _match_start(m: re.Match[str]) -> int:
    return m.start()


def structured_payments(payments: Sequence[Payment], country: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for p in payments:
        entry: dict[str, Any] = {
            "method": p.method,
            "amount": p.amount,
            "currency": (p.currency or _DOLLAR_BY_COUNTRY.get(country, "USD")).upper()
            if p.amount is not None
            else p.currency,
        }
        if p.gift_card_brand or p.method == "gift_card":
            entry["gift_card_brand"] = p.gift_card_brand
        out.append(entry)
    return out


def losses(payments: Iterable[dict[str, Any]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for p in payments:
        amount = p.get("amount")
        currency = p.get("currency")
        if isinstance(amount, int | float) and currency:
            total[currency] = round(total.get(currency, 0.0) + float(amount), 2)
    return total
