"""How values read in a letter: country names, money, phone number types, bank names."""

from __future__ import annotations

import gzip
from datetime import date
from functools import lru_cache
from importlib import resources

COUNTRY_NAMES = {
    "US": "United States",
    "GB": "United Kingdom",
    "CA": "Canada",
    "AU": "Australia",
    "NZ": "New Zealand",
    "IE": "Ireland",
    "IN": "India",
    "ZA": "South Africa",
    "SG": "Singapore",
    "DE": "Germany",
    "FR": "France",
    "NL": "Netherlands",
    "AE": "United Arab Emirates",
    "PH": "Philippines",
    "PK": "Pakistan",
    "BD": "Bangladesh",
    "NG": "Nigeria",
}
CURRENCY_SYMBOLS = {"USD": "US$", "GBP": "£", "EUR": "€", "CAD": "C$", "AUD": "A$", "NZD": "NZ$", "INR": "₹"}
KIND_TITLES = {
    "phone": "telephone number",
    "domain": "domain",
    "url": "URL",
    "email": "email address",
    "ip": "IP address",
    "remote_id": "remote-access ID",
    "bank_account": "bank account",
    "upi": "UPI ID",
    "crypto_wallet": "crypto wallet",
    "merchant": "card statement descriptor",
}
# How a shared indicator kind reads in "linked through shared …", in order of weight.
LINK_NOUNS = {
    "phone": "callback numbers",
    "domain": "web sites",
    "url": "web sites",
    "bank_account": "bank accounts",
    "upi": "UPI IDs",
    "crypto_wallet": "crypto wallets",
    "remote_id": "remote-access IDs",
    "ip": "IP addresses",
    "email": "email addresses",
    "merchant": "card statement descriptors",
}
REMOTE_TOOLS = {
    "anydesk": "AnyDesk",
    "teamviewer": "TeamViewer",
    "ultraviewer": "UltraViewer",
    "screenconnect": "ScreenConnect",
    "quickassist": "Quick Assist",
    "logmein": "LogMeIn",
    "supremo": "Supremo",
    "rustdesk": "RustDesk",
    "gotoassist": "GoTo Resolve",
    "splashtop": "Splashtop",
    "zohoassist": "Zoho Assist",
}


def country(code: str | None) -> str:
    if not code or code == "unknown":
        return "unknown"
    return COUNTRY_NAMES.get(code.upper(), code.upper())


def place(city: str | None, region: str | None, country_code: str | None) -> str:
    parts = [p for p in (city, region, country(country_code) if country_code else None) if p]
    return ", ".join(parts) if parts else "unknown"


def _indian_grouping(amount: float) -> str:
    """12,34,567.00: lakh and crore grouping, as Indian readers write rupees."""
    whole, frac = f"{abs(amount):.2f}".split(".")
    head, tail = whole[:-3], whole[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ("-" if amount < 0 else "") + ",".join([*groups, tail]) + "." + frac


def money(currency: str, amount: float) -> str:
    symbol = CURRENCY_SYMBOLS.get(currency.upper())
    text = _indian_grouping(amount) if currency.upper() == "INR" else f"{amount:,.2f}"
    return f"{symbol}{text}" if symbol else f"{currency.upper()} {text}"


def losses_text(losses: dict[str, float]) -> str:
    if not losses:
        return "none reported"
    return "; ".join(money(cur, amt) for cur, amt in sorted(losses.items(), key=lambda kv: -kv[1]))


def long_date(d: date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else "unknown"


def iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def tool_name(tool: str) -> str:
    return REMOTE_TOOLS.get(tool.lower(), tool)


def brand_name(brand: str) -> str:
    special = {
        "bt": "BT",
        "irs": "IRS",
        "hmrc": "HMRC",
        "ssa": "SSA",
        "cra": "CRA",
        "ato": "ATO",
        "trai": "TRAI",
        "cbi": "CBI",
        "rbi": "RBI",
        "nhs": "NHS",
        "dhl": "DHL",
        "ups": "UPS",
        "usps": "USPS",
        "fedex": "FedEx",
        "paypal": "PayPal",
        "geek_squad": "Geek Squad",
        "bank_of_america": "Bank of America",
        "mcafee": "McAfee",
        "hp": "HP",
    }
    return special.get(brand, brand.replace("_", " ").title())


def phone_note(e164: str) -> str:
    """Country and line type of a number, from libphonenumber's offline metadata (carrier as allocated, not as ported)."""
    try:
        import phonenumbers
        from phonenumbers import PhoneNumberType, carrier, number_type, region_code_for_number
    except ImportError:  # pragma: no cover - a declared dependency
        return ""
    try:
        n = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return ""
    kinds = {
        PhoneNumberType.TOLL_FREE: "toll-free",
        PhoneNumberType.MOBILE: "mobile",
        PhoneNumberType.FIXED_LINE: "landline",
        PhoneNumberType.FIXED_LINE_OR_MOBILE: "landline/mobile",
        PhoneNumberType.VOIP: "VoIP",
        PhoneNumberType.PREMIUM_RATE: "premium rate",
    }
    parts = [region_code_for_number(n) or "", kinds.get(number_type(n), "")]
    operator = carrier.name_for_number(n, "en")
    if operator:
        parts.append(operator)
    return " · ".join(p for p in parts if p)


@lru_cache(maxsize=1)
def _bank_names() -> dict[str, str]:
    # ifsc.tsv.gz (the extractor's compact IFSC table): bank code, bank name, … per line.
    names: dict[str, str] = {}
    try:
        raw = resources.files("scamtrace.data").joinpath("ifsc.tsv.gz").read_bytes()
        for line in gzip.decompress(raw).decode("utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 2 and len(cols[0]) == 4 and cols[1].strip():
                names[cols[0]] = cols[1].strip()
    except (OSError, ValueError):
        return {}
    return names


def bank_account(value: str) -> tuple[str, str, str]:
    """(scheme label, bank code, account) of a canonical ``bank_account`` value, for display."""
    parts = value.split(":")
    scheme = parts[0]
    if scheme == "ifsc" and len(parts) == 3:
        return "IFSC", parts[1], parts[2]
    if scheme == "aba" and len(parts) == 3:
        return "ABA routing", parts[1], parts[2]
    if scheme == "sortcode" and len(parts) == 3:
        return "Sort code", parts[1], parts[2]
    if scheme == "iban" and len(parts) == 2:
        return "IBAN", parts[1][:2], parts[1]
    return scheme, "", value


def bank_name(value: str) -> str:
    scheme, code, _acct = bank_account(value)
    if scheme == "IFSC" and len(code) >= 4:
        return _bank_names().get(code[:4].upper(), "")
    return ""
