"""Where scam call centres have been found: the places timing weighs its offsets against.

A call centre works its victims' business hours, so the hours of its calls
say which market it serves far better than where it sits: an Indian night
shift, a Manila graveyard shift and a Florida day shift all answer US
mornings. What timing can tell apart is whether the hours move with a
daylight-saving rule, and which offsets make a plausible working day. The
rest is the prior below: rough shares of the places that published
enforcement actions and studies name for each kind of scam (Indian call
centres for tech support, West African networks for romance, compounds in
Cambodia and Myanmar for investment fraud, Jamaica for lottery calls, Chinese
smishing kits for parcel texts). They are a tie-breaker, never evidence on
their own: the evidence chain names them whenever they decided the ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

NONE, US_DST, EU_DST, AU_DST = "none", "us", "eu", "au"
# Zone whose transitions stand for each daylight-saving rule.
RULE_ZONE = {US_DST: "America/New_York", EU_DST: "Europe/London", AU_DST: "Australia/Sydney"}


@dataclass(frozen=True, slots=True)
class Hub:
    country: str
    label: str
    rule: str
    std_offset: float  # hours


HUBS: tuple[Hub, ...] = (
    Hub("IN", "India (IST)", NONE, 5.5),
    Hub("LK", "Sri Lanka", NONE, 5.5),
    Hub("PK", "Pakistan (PKT)", NONE, 5.0),
    Hub("BD", "Bangladesh", NONE, 6.0),
    Hub("MM", "Myanmar", NONE, 6.5),
    Hub("KH", "Cambodia", NONE, 7.0),
    Hub("LA", "Laos", NONE, 7.0),
    Hub("TH", "Thailand", NONE, 7.0),
    Hub("VN", "Vietnam", NONE, 7.0),
    Hub("PH", "Philippines", NONE, 8.0),
    Hub("CN", "China", NONE, 8.0),
    Hub("MY", "Malaysia", NONE, 8.0),
    Hub("AE", "UAE", NONE, 4.0),
    Hub("NG", "Nigeria", NONE, 1.0),
    Hub("GH", "Ghana", NONE, 0.0),
    Hub("GB", "United Kingdom", EU_DST, 0.0),
    Hub("JM", "Jamaica", NONE, -5.0),
    Hub("US", "US Eastern", US_DST, -5.0),
    Hub("US", "US Central", US_DST, -6.0),
    Hub("US", "US Mountain", US_DST, -7.0),
    Hub("US", "US Pacific", US_DST, -8.0),
    Hub("CA", "Canada Eastern", US_DST, -5.0),
    Hub("AU", "Australia Eastern", AU_DST, 10.0),
)

# family -> {(country, label) or country: weight}; a country's weight is split
# over its hubs by the second table. "elsewhere" is spread over every offset.
BASE_RATES: dict[str, dict[str, float]] = {
    "tech_support": {
        "IN": 80, "PK": 6, "PH": 3.5, "BD": 2, "US": 3, "LK": 0.3, "CA": 0.3, "GB": 0.3, "NG": 0.3,
        "AE": 0.3, "CN": 0.3, "MY": 0.2, "KH": 0.2, "JM": 0.2, "elsewhere": 2.5,
    },
    "romance": {"NG": 50, "GH": 25, "US": 4, "GB": 2, "MY": 3, "PH": 2, "IN": 2, "elsewhere": 8},
    "investment": {
        "KH": 30, "MM": 12, "CN": 12, "IN": 12, "LA": 5, "PH": 5, "MY": 3, "TH": 3, "VN": 3, "AE": 3,
        "GB": 2, "US": 2, "elsewhere": 6,
    },
    "lottery": {"JM": 60, "US": 10, "NG": 8, "CA": 2, "IN": 5, "elsewhere": 10},
    "government_impersonation": {"IN": 75, "PK": 5, "US": 5, "NG": 3, "PH": 2, "elsewhere": 8},
    "delivery": {"CN": 45, "IN": 15, "PH": 8, "VN": 5, "US": 8, "NG": 3, "GB": 3, "elsewhere": 10},
    "other": {"IN": 70, "NG": 8, "PK": 4, "PH": 3, "US": 3, "CN": 3, "elsewhere": 9},
    # Any scam whose victims are in India: run from India mostly (Jamtara, Mewat,
    # Bharatpur), some from compounds in Cambodia and Myanmar, lottery calls from Pakistan.
    "domestic_in": {"IN": 85, "KH": 4, "MM": 2, "PK": 3, "CN": 2, "elsewhere": 4},
}  # fmt: skip
HUB_SPLIT: dict[tuple[str, str], float] = {
    ("US", "US Eastern"): 0.55,
    ("US", "US Central"): 0.2,
    ("US", "US Mountain"): 0.07,
    ("US", "US Pacific"): 0.18,
}
FAMILY_LABEL: dict[str, str] = {
    "tech_support": "where tech-support call centres have been found",
    "romance": "where romance-scam networks have been found",
    "investment": "where investment-fraud compounds have been found",
    "lottery": "where lottery-scam callers have been found",
    "government_impersonation": "where government-impersonation rings have been found",
    "delivery": "where parcel-smishing senders have been found",
    "other": "where other scam rings have been found",
    "domestic_in": "where scams against victims in India are run from",
}
FAMILY_OF: dict[str, str] = {"tech_support": "tech_support", "refund": "tech_support"}


def family(scam_type: str | None) -> str:
    if scam_type is None:
        return "tech_support"
    return FAMILY_OF.get(scam_type, scam_type if scam_type in BASE_RATES else "tech_support")


def hub_weights(fam: str) -> tuple[list[float], float]:
    """(prior weight of each hub in HUBS, weight of 'elsewhere'), normalised to sum to 1."""
    rates = BASE_RATES.get(fam, BASE_RATES["tech_support"])
    per_country: dict[str, int] = {}
    for h in HUBS:
        per_country[h.country] = per_country.get(h.country, 0) + 1
    weights = []
    for h in HUBS:
        w = rates.get(h.country, 0.0)
        split = HUB_SPLIT.get((h.country, h.label), 1.0 / per_country[h.country])
        weights.append(w * split)
    elsewhere = rates.get("elsewhere", 0.0)
    total = sum(weights) + elsewhere
    return [w / total for w in weights], elsewhere / total
