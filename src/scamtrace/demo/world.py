"""Call centres and rings: where they sit, when they work, how big they are.

Sizes are heavy-tailed on purpose. Real referrals range from a seven-seat room
reported a handful of times to a Delhi operation behind ~3 lakh complaints; a
linker tuned on equal-sized clusters fails on both ends. About a third of the
centres are small, short-lived shops with a fixed handful of incidents at any
scale; the rest share the remaining volume by a log-normal weight.
"""

from __future__ import annotations

import math
import random
from array import array
from dataclasses import dataclass, field
from itertools import accumulate

from scamtrace.demo.brands import TSS_BRAND_POOLS
from scamtrace.demo.clock import WEEKDAY, WORLD_DAYS
from scamtrace.demo.geography import RING_CITIES, RING_CITIES_IN, TARGET_ZONE, TSS_CITIES, City
from scamtrace.demo.people import ALIAS_FIRST, ALIAS_LAST, IN_ALIASES, POPULAR_ALIASES
from scamtrace.demo.timeline import Item, Slot

TSS = "tech_support"
RING_TYPES: tuple[str, ...] = (
    "government_impersonation",
    "investment",
    "other",
    "delivery",
    "romance",
    "lottery",
)
# Share of scam incidents by operation type; tech support (with its refund
# variant) dominates what brand owners and elder-fraud helplines receive.
TYPE_SHARES: dict[str, float] = {
    TSS: 0.79,
    "government_impersonation": 0.055,
    "investment": 0.045,
    "other": 0.035,
    "delivery": 0.03,
    "romance": 0.03,
    "lottery": 0.015,
}
RING_PREFIX: dict[str, str] = {
    "government_impersonation": "gov",
    "investment": "inv",
    "other": "oth",
    "delivery": "del",
    "romance": "rom",
    "lottery": "lot",
}
CHANNEL_STYLES: dict[str, tuple[tuple[str, float], ...]] = {
    "popup": (
        ("popup", 0.75),
        ("phone_call", 0.08),
        ("search_ad", 0.07),
        ("email", 0.05),
        ("sms", 0.02),
        ("chat", 0.03),
    ),
    "cold_call": (("phone_call", 0.8), ("popup", 0.1), ("email", 0.05), ("sms", 0.05)),
    "invoice": (("email", 0.7), ("popup", 0.15), ("phone_call", 0.1), ("sms", 0.05)),
    "search": (("search_ad", 0.75), ("popup", 0.1), ("chat", 0.1), ("phone_call", 0.05)),
    "customer_care": (("search_ad", 1.0),),
}
RING_CHANNELS: dict[str, tuple[tuple[str, float], ...]] = {
    "government_impersonation": (("phone_call", 1.0),),
    "investment": (("chat", 0.45), ("sms", 0.25), ("other", 0.2), ("search_ad", 0.1)),
    "other": (("chat", 0.5), ("phone_call", 0.35), ("sms", 0.15)),
    "delivery": (("sms", 1.0),),
    "romance": (("chat", 0.7), ("other", 0.2), ("email", 0.1)),
    "lottery": (("phone_call", 1.0),),
}


@dataclass(slots=True, eq=False)
class Centre:
    """A call centre (``cc-007``) or a ring of another scam type (``ring-rom-02``)."""

    id: str
    kind: str
    city: City
    seats: int
    start: int
    end: int
    shift_start: int  # minutes after local midnight
    shift_len: int  # minutes
    targets: tuple[str, ...]
    target_weights: tuple[float, ...]
    brands: tuple[str, ...] = ()
    brand_weights: tuple[float, ...] = ()
    aliases: tuple[str, ...] = ()
    alias_weights: tuple[float, ...] = ()
    channels: tuple[str, ...] = ()
    channel_weights: tuple[float, ...] = ()
    style: str = ""
    refund_share: float = 0.0
    pay_bias: dict[str, float] = field(default_factory=dict)
    slots: dict[str, Slot] = field(default_factory=dict)
    hubs: dict[str, Item] = field(default_factory=dict)
    planned: int = 0
    days: array[int] = field(default_factory=lambda: array("H"))
    pending: list[Item] = field(default_factory=list)
    # Bookkeeping filled while reports are written.
    incidents: int = 0
    reports: int = 0
    losses: dict[str, float] = field(default_factory=dict)
    # Cumulative weights: random.choices is several times faster with them.
    target_cum: tuple[float, ...] = ()
    channel_cum: tuple[float, ...] = ()
    brand_cum: tuple[float, ...] = ()
    alias_cum: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        self.target_cum = tuple(accumulate(self.target_weights))
        self.channel_cum = tuple(accumulate(self.channel_weights))
        self.brand_cum = tuple(accumulate(self.brand_weights))
        self.alias_cum = tuple(accumulate(self.alias_weights))


@dataclass(frozen=True, slots=True)
class Volume:
    """How a requested number of reports splits into events."""

    reports: int
    honeypot: int
    genuine: int
    incidents: int
    duplicates: int


def plan_volume(reports: int) -> Volume:
    honeypot = 0 if reports < 100 else max(4, round(0.008 * reports))
    genuine = 0 if reports < 60 else max(3, round(0.015 * reports))
    rest = max(1, reports - honeypot - genuine)
    incidents = max(1, round(rest / 1.03))  # ~3% of incidents reach two channels
    duplicates = rest - incidents
    honeypot = reports - genuine - incidents - duplicates if reports >= 100 else 0
    if reports < 100:
        genuine = reports - incidents - duplicates
    return Volume(reports, honeypot, genuine, incidents, duplicates)


def _largest_remainder(total: int, weights: list[float]) -> list[int]:
    wsum = sum(weights) or 1.0
    raw = [total * w / wsum for w in weights]
    out = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (out[i] - raw[i], i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def _sizes(rng: random.Random, total: int, count: int) -> list[int]:
    """Heavy-tailed incident counts summing exactly to ``total``, none zero."""
    if total <= 0:
        return []
    count = max(1, min(count, total))
    fixed: list[int] = []  # small shops: a handful of incidents at any scale
    weights: list[float] = []
    for _ in range(count):
        if rng.random() < 0.32:
            fixed.append(rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25)))
        else:
            weights.append(math.exp(rng.gauss(0.0, 1.7)))
    if not weights:
        weights.append(math.exp(rng.gauss(0.0, 1.7)))
    while fixed and sum(fixed) > total // 4:
        fixed = [s // 2 for s in fixed if s // 2 > 0]
    sizes = [s for s in fixed + _largest_remainder(total - sum(fixed), weights) if s > 0]
    rng.shuffle(sizes)
    return sizes


def _weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([p for p, _ in pairs], [w for _, w in pairs])[0]


def _active_period(rng: random.Random, incidents: int) -> tuple[int, int]:
    length = int((30 + 42 * math.log2(1 + incidents)) * rng.uniform(0.7, 1.3))
    length = max(12, min(length, WORLD_DAYS - 1))
    start = rng.randint(0, WORLD_DAYS - 1 - length)
    return start, start + length


def _shift(rng: random.Random, city: City, target: str) -> tuple[int, int]:
    """Local shift start aimed at 9:00–10:00 in the target market, 8–10 hours long."""
    target_hours, _ = TARGET_ZONE[target]
    start = (9.0 + rng.choice((0, 0, 0.5, 1, -0.5)) + city.utc_hours - target_hours) % 24
    return int(start * 60), rng.choice((480, 540, 540, 600))


def _aliases(
    rng: random.Random, seats: int, india: bool = False
) -> tuple[tuple[str, ...], tuple[float, ...]]:
    if india:
        names = tuple(rng.sample(IN_ALIASES, rng.randint(3, 6)))
        return names, tuple(1.0 for _ in names)
    popular = rng.sample(POPULAR_ALIASES, rng.randint(2, 4))
    own_count = min(3 + seats // 6, 14)
    own = []
    for _ in range(own_count):
        first = rng.choice(ALIAS_FIRST)
        own.append(first if rng.random() < 0.35 else f"{first} {rng.choice(ALIAS_LAST)}")
    names = tuple(dict.fromkeys([*popular, *own]))
    weights = tuple(1.0 if n in popular else 1.6 for n in names)
    return names, weights


def _tss_targets(
    rng: random.Random, city: City, large: bool
) -> tuple[tuple[str, ...], tuple[float, ...]]:
    if city.country == "US":
        return ("US",), (1.0,)
    if large:
        # The biggest rooms all work the US market, the richest one.
        ca = rng.uniform(0.05, 0.2)
        return ("US", "CA"), (1 - ca, ca)
    roll = rng.random()
    if city.country == "IN" and roll < 0.1:
        return ("IN",), (1.0,)  # fake "customer care" numbers for Indian victims
    if roll < 0.6:
        ca = rng.uniform(0.05, 0.2)
        return ("US", "CA"), (1 - ca, ca)
    if roll < 0.83:
        return ("GB", "AU"), (0.9, 0.1)
    if roll < 0.94:
        return ("AU", "GB"), (0.85, 0.15)
    return ("US", "GB", "CA", "AU"), (0.6, 0.2, 0.1, 0.1)


def _tss_centre(rng: random.Random, index: int, incidents: int, large: bool, small: bool) -> Centre:
    city = rng.choices(TSS_CITIES, [c.weight for c in TSS_CITIES])[0]
    targets, target_weights = _tss_targets(rng, city, large)
    if targets == ("IN",) and not small:
        targets, target_weights = ("US", "CA"), (0.9, 0.1)
    start, end = _active_period(rng, incidents)
    seats = max(5, min(400, int(4 + incidents**0.55 * rng.uniform(0.5, 1.5))))
    shift_start, shift_len = _shift(rng, city, targets[0])
    pool = TSS_BRAND_POOLS[targets[0]]
    brands = tuple(dict.fromkeys(_weighted(rng, pool) for _ in range(rng.randint(1, 3))))
    brand_weights = tuple(1.0 / (i + 1) ** 1.5 for i in range(len(brands)))
    style = (
        "customer_care"
        if targets == ("IN",)
        else _weighted(
            rng, (("popup", 0.5), ("cold_call", 0.2), ("invoice", 0.15), ("search", 0.15))
        )
    )
    if targets[0] in ("GB", "AU") and style == "invoice":
        style = "cold_call"  # BT/Telstra "your internet will be cut off" calls
    channels = CHANNEL_STYLES[style]
    aliases, alias_weights = _aliases(rng, seats, targets == ("IN",))
    bias = {
        m: rng.uniform(0.3, 2.0)
        for m in ("gift_card", "wire", "crypto", "card", "zelle", "bank_transfer")
    }
    return Centre(
        id=f"cc-{index:03d}",
        kind=TSS,
        city=city,
        seats=seats,
        start=start,
        end=end,
        shift_start=shift_start,
        shift_len=shift_len,
        targets=targets,
        target_weights=target_weights,
        brands=brands,
        brand_weights=brand_weights,
        aliases=aliases,
        alias_weights=alias_weights,
        channels=tuple(c for c, _ in channels),
        channel_weights=tuple(w for _, w in channels),
        style=style,
        refund_share=rng.choice((0.0, 0.05, 0.1, 0.15, 0.25, 0.4)),
        pay_bias=bias,
        planned=incidents,
    )


# Share of each ring type's volume that comes from Indian victims.
INDIA_SHARE: dict[str, float] = {
    "government_impersonation": 0.4,
    "investment": 0.45,
    "other": 1.0,
    "delivery": 0.3,
    "romance": 0.0,
    "lottery": 0.15,
}
_WEST_TARGETS: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "government_impersonation": (("US", "CA", "GB", "AU"), (0.7, 0.15, 0.08, 0.07)),
    "lottery": (("US", "CA"), (0.9, 0.1)),
    "delivery": (("US", "GB", "AU", "CA"), (0.5, 0.25, 0.15, 0.1)),
    "romance": (("US", "GB", "CA", "AU"), (0.6, 0.15, 0.1, 0.15)),
    "investment": (("US", "GB", "CA", "AU"), (0.55, 0.1, 0.1, 0.25)),
}


def _ring(rng: random.Random, kind: str, index: int, incidents: int, india: bool) -> Centre:
    cities = RING_CITIES_IN[kind] if india else RING_CITIES[kind]
    city = rng.choices(cities, [c.weight for c in cities])[0]
    targets, target_weights = (("IN",), (1.0,)) if india else _WEST_TARGETS[kind]
    start, end = _active_period(rng, incidents)
    shift_start, shift_len = _shift(rng, city, targets[0])
    if kind in ("romance", "investment"):
        shift_len = 840  # chat-based rings message all day
    seats = max(3, min(200, int(3 + incidents**0.5 * rng.uniform(0.5, 1.5))))
    aliases, alias_weights = _aliases(rng, seats, india)
    channels = RING_CHANNELS[kind]
    return Centre(
        id=f"ring-{RING_PREFIX[kind]}-{index:02d}",
        kind=kind,
        city=city,
        seats=seats,
        start=start,
        end=end,
        shift_start=shift_start,
        shift_len=shift_len,
        targets=targets,
        target_weights=target_weights,
        aliases=aliases,
        alias_weights=alias_weights,
        channels=tuple(c for c, _ in channels),
        channel_weights=tuple(w for _, w in channels),
        planned=incidents,
    )


def _incident_days(rng: random.Random, centre: Centre) -> array[int]:
    """Days of the centre's incidents: uniform over its life, quieter on Sundays."""
    days: list[int] = []
    lo, hi = centre.start, centre.end
    while len(days) < centre.planned:
        d = rng.randint(lo, hi)
        if WEEKDAY[d] == 6 and rng.random() < 0.75:
            continue
        days.append(d)
    days.sort()
    return array("H", days)


def build_centres(rng: random.Random, incidents: int, reports: int) -> list[Centre]:
    """Every operation with its planned incidents, ids numbered by size rank within type."""
    budgets = {t: int(incidents * s) for t, s in TYPE_SHARES.items()}
    budgets[TSS] += incidents - sum(budgets.values())
    tss_count = max(3, min(400, round(3.2 * reports**0.3)))
    ring_count = max(1, round(reports**0.25 / 3))
    centres: list[Centre] = []
    # Ids are in no particular order, as police would meet the centres: not by size.
    tss_sizes = _sizes(rng, budgets[TSS], tss_count)
    ranked = sorted(tss_sizes, reverse=True)
    large = ranked[min(2, len(ranked) - 1)] if ranked else 0
    median = ranked[len(ranked) // 2] if ranked else 0
    for i, size in enumerate(tss_sizes):
        centres.append(_tss_centre(rng, i + 1, size, size >= large, size <= median))
    for kind in RING_TYPES:
        india = round(budgets[kind] * INDIA_SHARE[kind])
        plans = [(False, s) for s in _sizes(rng, budgets[kind] - india, ring_count)]
        plans += [(True, s) for s in _sizes(rng, india, max(1, ring_count // 2))]
        rng.shuffle(plans)
        for i, (to_india, size) in enumerate(plans):
            centres.append(_ring(rng, kind, i + 1, size, to_india))
    centres.sort(key=lambda c: c.id)
    for centre in centres:
        centre.days = _incident_days(rng, centre)
    return centres
