"""Organisations the operations impersonate, by target market.

Keys follow the ``brand`` indicator vocabulary (lower-case snake_case). The
market pools are rough shares of what tech-support complaints name: Microsoft
everywhere, BT in the UK, Telstra/NBN in Australia, e-commerce and bank
"customer care" in India.
"""

from __future__ import annotations

BRAND_NAMES: dict[str, str] = {
    "microsoft": "Microsoft",
    "apple": "Apple",
    "norton": "Norton",
    "mcafee": "McAfee",
    "geek_squad": "Geek Squad",
    "amazon": "Amazon",
    "paypal": "PayPal",
    "hp": "HP",
    "dell": "Dell",
    "bt": "BT",
    "virgin_media": "Virgin Media",
    "sky": "Sky",
    "telstra": "Telstra",
    "nbn": "NBN",
    "rogers": "Rogers",
    "bell": "Bell",
    "bank_of_america": "Bank of America",
    "chase": "Chase",
    "wells_fargo": "Wells Fargo",
    "flipkart": "Flipkart",
    "airtel": "Airtel",
    "jio": "Jio",
    "sbi": "SBI",
    "phonepe": "PhonePe",
    "paytm": "Paytm",
}

TSS_BRAND_POOLS: dict[str, tuple[tuple[str, float], ...]] = {
    "US": (
        ("microsoft", 40), ("apple", 12), ("norton", 8), ("mcafee", 6), ("geek_squad", 8),
        ("amazon", 10), ("paypal", 6), ("hp", 4), ("dell", 2), ("bank_of_america", 1.5),
        ("chase", 1.5), ("wells_fargo", 1),
    ),
    "GB": (
        ("microsoft", 30), ("bt", 25), ("amazon", 15), ("virgin_media", 8), ("apple", 8),
        ("norton", 6), ("paypal", 5), ("sky", 3),
    ),
    "CA": (
        ("microsoft", 40), ("apple", 10), ("norton", 8), ("amazon", 10), ("rogers", 6),
        ("bell", 6), ("paypal", 5), ("geek_squad", 3),
    ),
    "AU": (("microsoft", 30), ("telstra", 30), ("nbn", 12), ("apple", 8), ("amazon", 8), ("norton", 5)),
    "IN": (
        ("amazon", 20), ("flipkart", 15), ("hp", 12), ("microsoft", 10), ("airtel", 8),
        ("jio", 8), ("sbi", 10), ("phonepe", 8), ("paytm", 9),
    ),
}  # fmt: skip

# A word for domains and e-mail addresses that imitate the brand.
BRAND_WORDS: dict[str, str] = {
    "microsoft": "microsoft", "apple": "apple", "norton": "norton", "mcafee": "mcafee",
    "geek_squad": "geeksquad", "amazon": "amazon", "paypal": "paypal", "hp": "hp",
    "dell": "dell", "bt": "bt", "virgin_media": "virgin", "sky": "sky", "telstra": "telstra",
    "nbn": "nbn", "rogers": "rogers", "bell": "bell", "bank_of_america": "bofa",
    "chase": "chase", "wells_fargo": "wellsfargo", "flipkart": "flipkart", "airtel": "airtel",
    "jio": "jio", "sbi": "sbi", "phonepe": "phonepe", "paytm": "paytm",
}  # fmt: skip

# Brands that only mean something in some markets: a UK victim is not called
# by "Telstra". Others (Microsoft, Apple, Amazon …) work everywhere.
MARKET_ONLY: dict[str, tuple[str, ...]] = {
    "bt": ("GB",), "virgin_media": ("GB",), "sky": ("GB",), "telstra": ("AU",), "nbn": ("AU",),
    "rogers": ("CA",), "bell": ("CA",), "geek_squad": ("US", "CA"), "bank_of_america": ("US",),
    "chase": ("US",), "wells_fargo": ("US",), "flipkart": ("IN",), "airtel": ("IN",), "jio": ("IN",),
    "sbi": ("IN",), "phonepe": ("IN",), "paytm": ("IN",),
}  # fmt: skip
