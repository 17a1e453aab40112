"""Bank accounts: IBAN, US routing + account, Indian IFSC + account, UK sort code + account.

Each value is checked before it is believed: the IBAN by mod 97 and its
country's length, the ABA routing number by its weighted checksum, the IFSC
against the shipped list of branches. An account number alone never becomes an
indicator: without its bank it cannot be told apart from an order number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scamtrace.domain.indicator import Kind
from scamtrace.extract.hits import Hit
from scamtrace.extract.refdata import RefData

# ISO 13616 lengths of the countries that turn up in these reports, and then some.
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24,
    "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21,
    "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27,
    "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24,
    "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29,
    "VG": 24, "XK": 20,
}  # fmt: skip
# Patterns that opened on \b open on their first character here (the boundary checked just
# after it), so that re skips in C to the next place where one may start.
IBAN_RE = re.compile(r"([A-Z](?<!\w[A-Z])[A-Z]\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\b")
_IBAN_HINT = re.compile(r"[A-Z][A-Z][0-9][0-9]")
_NUM_TAIL = r"(?:\s*(?:n+umber|no\.?|num|#))?\s*[:#.\-]?\s*"
ROUTING_RE = re.compile(  # (?i)\b(?:ro+u?t+ing|aba|rtn|r/t|transit)<tail>(\d{9})\b
    r"[rRaAtT](?<!\w[rRaAtT])(?:(?<=[rR])(?i:o+u?t+ing|tn|/t)|(?<=[aA])(?i:ba)|(?<=[tT])(?i:ransit))(?i:"
    + _NUM_TAIL
    + r")(\d{9})\b"
)
# As written: (?i)(?:\b(?:a+c+(?:ou|uo|o|u)n+t|acct|acc|ac|accnt)\b\.?|\ba/c\b)<tail>(digits)\b.
# Every alternative opens on "a" after a word boundary: opening on [aA] (and checking the boundary
# after it) lets re skip to the next "a" in C; only what follows is case-insensitive.
ACCOUNT_RE = re.compile(
    r"[aA](?<!\w[aA])(?i:(?:a*c+(?:ou|uo|o|u)n+t|cct|cc|c|ccnt)\b\.?|/c\b)(?i:"
    + _NUM_TAIL
    + r")(\d(?:[ \-]?\d){3,19})\b"
)
# \b([A-Za-z]{4}0[A-Za-z0-9]{6})\b, found from its "0" (far rarer than a letter): the match
# starts at the "0"; the code is text[m.start() - 4 : m.end()]. Its closing \b keeps two codes
# from overlapping, so matches come in the same order as before.
IFSC_RE = re.compile(r"0(?<=\b[A-Za-z]{4}0)[A-Za-z0-9]{6}\b")
SORTCODE_RE = (
    re.compile(  # (?i)\b(?:sort\s*code|sortcode|s/c)<tail>(\d{2})[ \-]?(\d{2})[ \-]?(\d{2})\b
        r"[sS\u017f](?<!\w[sS\u017f])(?i:ort\s*code|ortcode|/c)(?i:"  # (?i)s also matches "ſ"
        + _NUM_TAIL
        + r")(\d{2})[ \-]?(\d{2})[ \-]?(\d{2})\b"
    )
)
_PAIR_WINDOW = 160


@dataclass(frozen=True, slots=True)
class _Found:
    value: str
    span: tuple[int, int]


def iban_ok(iban: str) -> bool:
    country = iban[:2]
    expected = IBAN_LENGTHS.get(country)
    if expected is not None and len(iban) != expected:
        return False
    if expected is None and not 15 <= len(iban) <= 34:
        return False
    rearranged = iban[4:] + iban[:4]
    try:
        number = int("".join(str(int(c, 36)) for c in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def aba_ok(routing: str) -> bool:
    if len(routing) != 9 or not routing.isdigit():
        return False
    prefix = int(routing[:2])
    if not (0 <= prefix <= 12 or 21 <= prefix <= 32 or 61 <= prefix <= 72 or prefix == 80):
        return False
    weights = (3, 7, 1) * 3
    return sum(int(d) * w for d, w in zip(routing, weights, strict=True)) % 10 == 0


def _digits(raw: str) -> str:
    return re.sub(r"\D", "", raw)


def _account_words(lower: str) -> bool:
    return "cc" in lower or "a/c" in lower or "ac " in lower or "ac." in lower or "acou" in lower


class BankFinder:
    def __init__(self, ref: RefData) -> None:
        self.ref = ref

    @staticmethod
    def may_find(text: str) -> bool:
        """False when :meth:`find` cannot find anything in ``text`` or in any masking of it.

        Masking writes "_" over spans: it can take away, never make, the two-letters-two-digits
        an IBAN starts with, or the words an account number follows.
        """
        return _IBAN_HINT.search(text) is not None or _account_words(text.lower())

    def ifsc_ok(self, code: str) -> bool:
        return self.ref.ifsc_bank(code.upper()) is not None

    def find(self, text: str, field: str = "narrative") -> tuple[list[Hit], list[tuple[int, int]]]:
        hits: list[Hit] = []
        spans: list[tuple[int, int]] = []
        for m in IBAN_RE.finditer(text) if _IBAN_HINT.search(text) else ():
            iban = m.group(1).replace(" ", "")
            if iban_ok(iban):
                hits.append(Hit(Kind.BANK_ACCOUNT, f"iban:{iban}", field, m.span(1)))
                spans.append(m.span(1))
        lower = text.lower()
        if not _account_words(lower):
            return hits, spans
        accounts = [
            _Found(_digits(m.group(1)), m.span(1))
            for m in ACCOUNT_RE.finditer(text)
            if not any(s <= m.start(1) < e for s, e in spans)
        ]
        if not accounts:
            return hits, spans
        banks: list[tuple[str, _Found]] = []
        if "out" in lower or "aba" in lower or "rtn" in lower or "transit" in lower:
            banks.extend(
                ("aba", _Found(m.group(1), m.span(1)))
                for m in ROUTING_RE.finditer(text)
                if aba_ok(m.group(1))
            )
        if "0" in text:
            for m in IFSC_RE.finditer(text):
                start = m.start() - 4
                code = text[start : m.end()].upper()
                if code[4] == "0" and self.ifsc_ok(code):
                    banks.append(("ifsc", _Found(code, (start, m.end()))))
        if "sort" in lower or "s/c" in lower:
            banks.extend(
                ("sortcode", _Found(m.group(1) + m.group(2) + m.group(3), (m.start(1), m.end(3))))
                for m in SORTCODE_RE.finditer(text)
            )
        used: set[int] = set()
        for scheme, bank in sorted(banks, key=lambda b: b[1].span):
            account = _pair(bank, accounts, used, scheme)
            if account is None:
                continue
            value = _account_value(scheme, bank.value, account.value)
            if value is None:
                continue
            hits.append(
                Hit(
                    Kind.BANK_ACCOUNT,
                    value,
                    field,
                    (min(bank.span[0], account.span[0]), max(bank.span[1], account.span[1])),
                )
            )
            spans.extend((bank.span, account.span))
        return hits, spans


def _account_value(scheme: str, bank: str, account: str) -> str | None:
    if scheme == "aba":
        return f"aba:{bank}:{account}" if 4 <= len(account) <= 17 and account != bank else None
    if scheme == "ifsc":
        return f"ifsc:{bank}:{account}" if 9 <= len(account) <= 18 else None
    if len(account) == 7:
        account = "0" + account  # UK convention for seven-digit accounts
    return f"sortcode:{bank}:{account}" if len(account) == 8 else None


def _pair(bank: _Found, accounts: list[_Found], used: set[int], scheme: str) -> _Found | None:
    best: tuple[int, int] | None = None
    for i, account in enumerate(accounts):
        if i in used or account.value == bank.value:
            continue
        if account.span[0] >= bank.span[1]:
            gap = account.span[0] - bank.span[1]
        else:
            gap = bank.span[0] - account.span[1]
        if gap < 0 or gap > _PAIR_WINDOW:
            continue
        if best is None or gap < best[0]:
            best = (gap, i)
    if best is None:
        return None
    used.add(best[1])
    return accounts[best[1]]


def structured_accounts(
    finder: BankFinder,
    *,
    account: str | None,
    ifsc: str | None,
    routing: str | None,
    iban: str | None,
    field: str,
) -> list[Hit]:
    """Bank-account hits from one structured payment."""
    hits: list[Hit] = []
    if iban:
        compact = re.sub(r"\s", "", iban).upper()
        if iban_ok(compact):
            hits.append(Hit(Kind.BANK_ACCOUNT, f"iban:{compact}", f"{field}.iban"))
    acct = _digits(account) if account else ""
    sort_match = re.fullmatch(
        r"\s*(\d{2})[ \-]?(\d{2})[ \-]?(\d{2})[ ,/;]+(\d{7,8})\s*", account or ""
    )
    if sort_match:
        value = _account_value("sortcode", "".join(sort_match.group(1, 2, 3)), sort_match.group(4))
        if value:
            hits.append(Hit(Kind.BANK_ACCOUNT, value, f"{field}.account"))
        return hits
    if acct and routing and len(_digits(routing)) == 6:
        # A UK sort code put in the routing field.
        value = _account_value("sortcode", _digits(routing), acct)
        if value:
            hits.append(Hit(Kind.BANK_ACCOUNT, value, f"{field}.account"))
    if acct and routing and aba_ok(_digits(routing)):
        value = _account_value("aba", _digits(routing), acct)
        if value:
            hits.append(Hit(Kind.BANK_ACCOUNT, value, f"{field}.account"))
    if acct and ifsc and finder.ifsc_ok(ifsc.strip()):
        value = _account_value("ifsc", ifsc.strip().upper(), acct)
        if value:
            hits.append(Hit(Kind.BANK_ACCOUNT, value, f"{field}.account"))
    return hits
