"""Where the money goes: mule accounts, UPI ids, crypto wallets, card descriptors.

Every identifier passes the checksum its network applies (ABA routing, IBAN
mod-97, Base58Check, bech32, EIP-55), so an extractor that validates
checksums keeps them. Routing numbers and IFSC codes are real bank
identifiers (mules hold accounts at real banks, often neobanks); every
account number paired with them is random.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from scamtrace.demo.checksums import base58check, eip55, iban_with_check, segwit_address
from scamtrace.demo.ifsc_codes import IFSC_BANKS

# (routing, bank) — real, checksum-valid routing numbers.
US_ROUTING: tuple[tuple[str, str], ...] = (
    ("021000021", "JPMorgan Chase"), ("322271627", "Chase"), ("044000037", "Chase"),
    ("111000614", "Chase"), ("267084131", "Chase"), ("071000013", "Chase"),
    ("026009593", "Bank of America"), ("121000358", "Bank of America"),
    ("063100277", "Bank of America"), ("111000025", "Bank of America"),
    ("011000138", "Bank of America"), ("121000248", "Wells Fargo"),
    ("063107513", "Wells Fargo"), ("111900659", "Wells Fargo"), ("021000089", "Citibank"),
    ("322271724", "Citibank"), ("043000096", "PNC Bank"), ("091000022", "U.S. Bank"),
    ("123000220", "U.S. Bank"), ("031101266", "TD Bank"), ("061000104", "Truist"),
    ("062000019", "Regions Bank"), ("042000314", "Fifth Third Bank"),
    ("051405515", "Capital One"), ("031100649", "Discover Bank"),
    ("031101279", "The Bancorp Bank"), ("103100195", "Stride Bank"),
    ("124303120", "Green Dot Bank"), ("041215663", "Sutton Bank"),
    ("073923033", "Lincoln Savings Bank"),
)  # fmt: skip

# (IBAN bank code, bank, sort-code prefix): UK high-street banks and the
# app-only banks mule herders favour.
UK_BANKS: tuple[tuple[str, str, str], ...] = (
    ("NWBK", "NatWest", "60"), ("BARC", "Barclays", "20"), ("LOYD", "Lloyds", "30"),
    ("HBUK", "HSBC UK", "40"), ("ABBY", "Santander", "0901"), ("MONZ", "Monzo", "040004"),
    ("SRLG", "Starling Bank", "608371"), ("REVO", "Revolut", "040075"),
    ("CLRB", "ClearBank (Tide)", "040605"),
)  # fmt: skip

UPI_HANDLES: tuple[str, ...] = (
    "okaxis", "oksbi", "okhdfcbank", "okicici", "ybl", "ibl", "axl", "paytm", "apl", "upi",
)  # fmt: skip

HUB_WALLET_OPERATOR = "crypto ATM operator's pooled deposit address"
HUB_MERCHANT = "SQ *ONLINE SVCS"
HUB_UPI = "payments.gateway.collect@icici"


@dataclass(frozen=True, slots=True)
class Account:
    """One receiving account. ``canonical`` follows ``spec/indicators.md``."""

    scheme: str  # aba | ifsc | sortcode | iban
    canonical: str
    bank: str
    holder: str
    account: str = ""
    routing: str = ""
    ifsc: str = ""
    sort_code: str = ""
    iban: str = ""


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + f"{rng.randrange(10 ** (n - 1)):0{n - 1}d}"


def us_account(rng: random.Random, holder: str) -> Account:
    routing, bank = rng.choice(US_ROUTING)
    account = _digits(rng, rng.choice((9, 10, 10, 12, 12)))
    return Account(
        "aba", f"aba:{routing}:{account}", bank, holder, account=account, routing=routing
    )


def uk_account(rng: random.Random, holder: str) -> Account:
    code, bank, prefix = rng.choice(UK_BANKS)
    rest = 6 - len(prefix)
    sort_code = prefix + (f"{rng.randrange(10**rest):0{rest}d}" if rest else "")
    account = f"{rng.randrange(10**8):08d}"
    iban = iban_with_check("GB", code + sort_code + account)
    return Account(
        "sortcode", f"sortcode:{sort_code}:{account}", bank, holder,
        account=account, sort_code=sort_code, iban=iban,
    )  # fmt: skip


def foreign_iban_account(rng: random.Random, holder: str) -> Account:
    """An account abroad (Lithuania, Germany, Ireland) for international transfers."""
    roll = rng.random()
    if roll < 0.45:
        iban = iban_with_check("LT", "32500" + f"{rng.randrange(10**11):011d}")
        bank = "Revolut (Lithuania)"
    elif roll < 0.75:
        iban = iban_with_check("DE", "10011001" + f"{rng.randrange(10**10):010d}")
        bank = "N26 (Germany)"
    else:
        iban = iban_with_check(
            "IE", "AIBK93" + f"{rng.randrange(10**4):04d}" + f"{rng.randrange(10**8):08d}"
        )
        bank = "AIB (Ireland)"
    return Account("iban", f"iban:{iban}", bank, holder, iban=iban)


_IFSC_CODES = tuple(IFSC_BANKS)
_IFSC_WEIGHTS = tuple(IFSC_BANKS[c][1] for c in _IFSC_CODES)


def in_account(rng: random.Random, holder: str) -> Account:
    bank_code = rng.choices(_IFSC_CODES, _IFSC_WEIGHTS)[0]
    name, _, length, branches = IFSC_BANKS[bank_code]
    ifsc = rng.choice(branches)
    account = _digits(rng, length)
    return Account("ifsc", f"ifsc:{ifsc}:{account}", name, holder, account=account, ifsc=ifsc)


def upi_id(rng: random.Random, holder: str, mobile: str | None = None) -> str:
    """A VPA: a name or the holder's mobile number, at a PSP handle."""
    handle = rng.choice(UPI_HANDLES)
    if mobile is not None:
        return f"{mobile}@{handle}"
    parts = holder.lower().replace(".", "").split()
    style = rng.random()
    if style < 0.4:
        local = "".join(parts) + str(rng.randint(1, 999))
    elif style < 0.7:
        local = ".".join(parts)
    else:
        local = (
            parts[0]
            + "."
            + rng.choice(("help", "services", "pay", "support", "care", "cs"))
            + str(rng.randint(1, 99))
        )
    return f"{local}@{handle}"


def btc_wallet(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return segwit_address("bc", 0, rng.getrandbits(160).to_bytes(20, "big"))
    version = b"\x00" if roll < 0.8 else b"\x05"
    return base58check(version + rng.getrandbits(160).to_bytes(20, "big"))


def eth_wallet(rng: random.Random) -> str:
    """Checksummed (EIP-55) form; mentions may lower-case it, as many wallets display."""
    return eip55(f"{rng.getrandbits(160):040x}")


def tron_wallet(rng: random.Random) -> str:
    """USDT-TRC20 deposit address, the currency of investment ("pig butchering") rings."""
    return base58check(b"\x41" + rng.getrandbits(160).to_bytes(20, "big"))


_ABBREV = {
    "Solutions": "SOLN",
    "Services": "SVCS",
    "Support": "SUPPORT",
    "Systems": "SYS",
    "Global": "GLBL",
    "Online": "ONLN",
}


def merchant_descriptor(rng: random.Random, company: str) -> str:
    """Card statement descriptor of a shell company: upper case, abbreviated, ≤ 22 chars."""
    words = company.replace(",", "").split()
    if rng.random() < 0.7:
        words = [_ABBREV.get(w, w) for w in words]
    text = " ".join(words).upper()
    if rng.random() < 0.25:
        text = rng.choice(("PAYPAL *", "SP * ", "PP*")) + text.replace(" ", "")[:14]
    return text[:22].strip()


# Gift-card codes victims read out: they look like phone or account numbers but
# belong to the victim's purchase (and are spent within minutes).
def gift_card_code(rng: random.Random, brand: str) -> str:
    alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    if brand in ("Target", "Walmart", "Best Buy", "eBay"):
        digits = (
            f"{rng.randrange(10**15):015d}"
            if brand == "Target"
            else f"{rng.randrange(10**16):016d}"
        )
        pin = f"{rng.randrange(10**4):04d}" if brand != "Target" else f"{rng.randrange(10**8):08d}"
        grouped = " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
        return f"{grouped} PIN {pin}" if brand != "Target" else f"{grouped} access {pin}"
    if brand == "Apple":
        return "X" + "".join(rng.choice(alnum) for _ in range(15))
    if brand == "Steam":
        return "-".join("".join(rng.choice(alnum) for _ in range(5)) for _ in range(3))
    return " ".join("".join(rng.choice(alnum) for _ in range(4)) for _ in range(4))
