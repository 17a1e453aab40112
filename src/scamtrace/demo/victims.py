"""Victims: who they are, where they live, how old.

Over-60s dominate tech-support and government-impersonation losses; Indian
victims of investment, task and "digital arrest" frauds are mostly of working
age. Contact details are drawn lazily: most reports never show them, and a
validated UK or Australian number costs a ``phonenumbers`` call.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from scamtrace.demo.geography import VICTIM_REGIONS, Region
from scamtrace.demo.people import EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES
from scamtrace.demo.phones import Number, victim_number

# P(60+), P(30-59) by scam type; the rest is under-30.
AGE_MIX: dict[str, tuple[float, float]] = {
    "tech_support": (0.64, 0.26),
    "refund": (0.7, 0.25),
    "government_impersonation": (0.45, 0.4),
    "romance": (0.5, 0.42),
    "investment": (0.25, 0.6),
    "lottery": (0.75, 0.2),
    "delivery": (0.3, 0.45),
    "other": (0.1, 0.55),
}
_REGION_CUM: dict[str, tuple[float, ...]] = {
    c: tuple(accumulate(r.weight for r in regions)) for c, regions in VICTIM_REGIONS.items()
}


@dataclass(slots=True)
class Victim:
    country: str
    region: Region
    age_band: str
    age: int
    female: bool
    first: str
    last: str
    phone_number: Number | None = None
    email_address: str | None = None

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    def phone(self, rng: random.Random) -> Number:
        if self.phone_number is None:
            self.phone_number = victim_number(rng, self.country, self.region.area_codes)
        return self.phone_number

    def email(self, rng: random.Random) -> str:
        if self.email_address is None:
            first, last = (
                self.first.lower().replace("é", "e"),
                self.last.lower().replace("'", "").replace("ô", "o"),
            )
            style = rng.random()
            if style < 0.4:
                local = f"{first}.{last}{rng.randint(1, 99)}"
            elif style < 0.7:
                local = f"{first[0]}{last}{rng.randint(1940, 1965) if self.age >= 60 else rng.randint(1, 999)}"
            else:
                local = f"{first}{last[0]}{rng.randint(10, 9999)}"
            self.email_address = f"{local}@{rng.choice(EMAIL_DOMAINS[self.country])}"
        return self.email_address


def make_victim(rng: random.Random, country: str, scam_type: str) -> Victim:
    regions = VICTIM_REGIONS[country]
    region = rng.choices(regions, cum_weights=_REGION_CUM[country])[0]
    p_old, p_mid = AGE_MIX.get(scam_type, (0.4, 0.4))
    roll = rng.random()
    if roll < p_old:
        band, age = "60+", min(96, 60 + int(abs(rng.gauss(0, 11))))
    elif roll < p_old + p_mid:
        band, age = "30-59", rng.randint(30, 59)
    else:
        band, age = "under-30", rng.randint(18, 29)
    female = rng.random() < 0.55
    firsts = FIRST_NAMES[country][0 if female else 1]
    return Victim(
        country, region, band, age, female, rng.choice(firsts), rng.choice(LAST_NAMES[country])
    )
