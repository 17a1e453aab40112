"""Losses: how much, paid how, and how victims write amounts.

Methods follow each country's reality: gift cards, wires, Zelle and crypto
ATMs in the US; bank transfers (Faster Payments) in the UK; Interac
e-Transfer in Canada; UPI and IMPS in India. The refund variant extracts far
more than the plain "support plan" sale, as IC3 data shows.
"""

from __future__ import annotations

import math
import random

# (method label used by the templates, spec payment method, weight) by victim country.
TSS_METHODS: dict[str, tuple[tuple[str, str, float], ...]] = {
    "US": (("gift", "gift_card", 28), ("card", "card", 22), ("wire", "wire", 15), ("crypto", "crypto", 15),
           ("zelle", "zelle", 10), ("paypal", "paypal", 3), ("cash", "cash", 3)),
    "GB": (("uk_transfer", "bank_transfer", 40), ("card", "card", 25), ("gift", "gift_card", 20),
           ("crypto", "crypto", 5), ("paypal", "paypal", 5)),
    "CA": (("gift", "gift_card", 25), ("card", "card", 25), ("etransfer", "bank_transfer", 15),
           ("crypto", "crypto", 20), ("wire", "wire", 10)),
    "AU": (("card", "card", 30), ("gift", "gift_card", 25), ("crypto", "crypto", 20), ("iban", "bank_transfer", 20),
           ("paypal", "paypal", 5)),
    "IN": (("upi", "upi", 60), ("imps", "bank_transfer", 30), ("card", "card", 10)),
}  # fmt: skip
# Methods of the other rings: (label, method, weight); markets without a label fall back.
RING_METHODS: dict[str, tuple[tuple[str, str, float], ...]] = {
    "romance": (("gift", "gift_card", 30), ("wire", "wire", 30), ("crypto", "crypto", 25), ("uk_transfer", "bank_transfer", 10), ("paypal", "paypal", 5)),
    "investment": (("crypto_send", "crypto", 85), ("wire", "wire", 15)),
    "investment_in": (("imps", "bank_transfer", 60), ("upi", "upi", 40)),
    "lottery": (("gift", "gift_card", 40), ("wire", "wire", 30), ("cash", "cash", 20), ("crypto", "crypto", 10)),
    "government_impersonation": (("gift", "gift_card", 45), ("crypto", "crypto", 35), ("wire", "wire", 10), ("cash", "cash", 10)),
    "government_impersonation_in": (("imps", "bank_transfer", 80), ("upi", "upi", 20)),
    "delivery": (("card", "card", 100),),
    "delivery_in": (("upi", "upi", 70), ("card", "card", 30)),
    "other_in": (("upi", "upi", 70), ("imps", "bank_transfer", 30)),
}  # fmt: skip

GIFT_BRANDS: dict[str, tuple[str, ...]] = {
    "US": (
        "Target",
        "Google Play",
        "Apple",
        "Best Buy",
        "eBay",
        "Steam",
        "Walmart",
        "Google Play",
        "Target",
    ),
    "GB": ("Google Play", "Apple", "Amazon", "Steam", "iTunes"),
    "CA": ("Google Play", "Apple", "Best Buy", "Steam"),
    "AU": ("Google Play", "Apple", "Steam", "JB Hi-Fi", "iTunes"),
    "IN": ("Google Play", "Amazon Pay"),
}
STORES: dict[str, tuple[str, ...]] = {
    "US": (
        "Walmart",
        "Target",
        "CVS",
        "Walgreens",
        "Best Buy",
        "Kroger",
        "Dollar General",
        "Publix",
    ),
    "GB": ("Tesco", "Sainsbury's", "Boots", "Argos", "the Post Office", "Asda"),
    "CA": ("Shoppers Drug Mart", "Walmart", "Best Buy", "Canadian Tire"),
    "AU": ("Coles", "Woolworths", "JB Hi-Fi", "Australia Post"),
    "IN": ("a shop",),
}
# Rough purchasing-power multipliers from USD amounts.
FX: dict[str, float] = {"USD": 1.0, "GBP": 0.8, "CAD": 1.35, "AUD": 1.5, "INR": 83.0}
_CARD_PRICES = (99.99, 149.99, 199.99, 249.99, 299.99, 349.0, 399.99, 499.99, 599.0, 799.0, 999.0)
_GIFT_TOTALS = (200, 300, 400, 500, 500, 1000, 1000, 1500, 2000, 2500, 3000, 5000)


def _lognormal(rng: random.Random, median: float, sigma: float, lo: float, hi: float) -> float:
    return min(hi, max(lo, median * math.exp(rng.gauss(0.0, sigma))))


def draw_amount(rng: random.Random, label: str, currency: str, scam_type: str) -> float:
    """Amount of one payment in ``currency``."""
    if currency == "INR":
        if label == "upi":
            value = _lognormal(rng, 25_000, 1.0, 999, 500_000)
        elif scam_type == "government_impersonation":
            value = _lognormal(rng, 800_000, 1.0, 50_000, 15_000_000)  # "digital arrest"
        else:
            value = _lognormal(rng, 150_000, 1.0, 5_000, 5_000_000)
        return float(round(value, -2 if value < 100_000 else -3))
    fx = FX[currency]
    if label == "card":
        price = rng.choice(_CARD_PRICES)
        return round(price * (1 if currency == "USD" else fx), 2 if currency == "USD" else 0)
    if label == "gift":
        return float(round(rng.choice(_GIFT_TOTALS) * fx, -1))
    if label in ("wire", "iban", "uk_transfer", "crypto_send"):
        median = 30_000 if scam_type in ("investment", "romance") else 6_000
        return float(round(_lognormal(rng, median * fx, 0.9, 500, 400_000), -2))
    if label == "crypto":
        return float(round(_lognormal(rng, 5_000 * fx, 0.8, 300, 80_000), -2))
    if label in ("zelle", "etransfer"):
        return float(
            rng.choice((500, 750, 1000, 1500, 2000, 2500, 3500))
            * (1 if currency == "USD" else round(fx))
        )
    if label == "cash":
        return float(rng.choice((2000, 5000, 8000, 10000, 15000, 25000)))
    return float(round(_lognormal(rng, 400 * fx, 0.7, 50, 5_000)))


def _indian_grouping(whole: int) -> str:
    s = str(whole)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join(groups) + "," + tail


def money_text(rng: random.Random, amount: float, currency: str) -> str:
    """The amount as a victim or agent would type it."""
    whole = int(amount)
    cents = round((amount - whole) * 100)
    if currency == "INR":
        return rng.choice((f"Rs. {_indian_grouping(whole)}", f"₹{_indian_grouping(whole)}", f"INR {whole}",
                           f"Rs {_indian_grouping(whole)}/-", f"{_indian_grouping(whole)} rupees"))  # fmt: skip
    plain = f"{whole:,}" + (f".{cents:02d}" if cents else "")
    bare = f"{whole}" + (f".{cents:02d}" if cents else "")
    roll = rng.random()
    if currency == "GBP":
        return f"£{plain}" if roll < 0.7 else (f"£{bare}" if roll < 0.85 else f"{plain} pounds")
    symbol = "$"
    if roll < 0.6:
        return f"{symbol}{plain}"
    if roll < 0.75:
        return f"{symbol}{bare}"
    if roll < 0.88:
        return f"{currency} {plain}" if currency != "USD" else f"{plain} dollars"
    return f"{symbol}{plain} {currency}" if currency != "USD" else f"${plain}"
