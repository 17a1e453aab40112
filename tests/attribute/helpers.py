"""Synthetic operations for the attribution unit tests: shifts, numbers, IPs."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from scamtrace.attribute import IndicatorFact, ReportFacts

US_VICTIMS = (
    ("US", "OH", "America/New_York"),
    ("US", "FL", "America/New_York"),
    ("US", "TX", "America/Chicago"),
    ("US", "CA", "America/Los_Angeles"),
    ("US", "NY", "America/New_York"),
)
AU_VICTIMS = (
    ("AU", "NSW", "Australia/Sydney"),
    ("AU", "QLD", "Australia/Brisbane"),
    ("AU", "VIC", "Australia/Melbourne"),
)


def shift_reports(
    centre_zone: str,
    start_hour: float,
    length_hours: float,
    victims: tuple[tuple[str, str, str], ...] = US_VICTIMS,
    n: int = 60,
    seed: int = 1,
    days: int = 365,
    aware_share: float = 0.3,
) -> list[ReportFacts]:
    """Reports of calls made during a fixed local shift of a centre in ``centre_zone``.

    Incident times are written as the victims would: in their own local time,
    with the offset for ``aware_share`` of them and naive for the rest.
    """
    rng = random.Random(seed)
    tz = ZoneInfo(centre_zone)
    out = []
    for i in range(n):
        day = datetime(2024, 1, 1) + timedelta(days=rng.randrange(days))
        local = datetime(day.year, day.month, day.day, tzinfo=tz) + timedelta(
            minutes=int(start_hour * 60) + rng.randrange(int(length_hours * 60))
        )
        country, region, zone = rng.choice(victims)
        victim_time = local.astimezone(ZoneInfo(zone))
        if rng.random() < aware_share:
            text = victim_time.isoformat(timespec="minutes")
        else:
            text = victim_time.replace(tzinfo=None).isoformat(timespec="minutes")
        out.append(ReportFacts(f"test/r{i:04d}", text, None, country, region, "tech_support"))
    return out


def indicators(
    kind: str, values: list[str], refs_per_value: int = 2, flags: frozenset[str] = frozenset()
) -> list[IndicatorFact]:
    return [
        IndicatorFact(f"test/{kind}{i}-{j}", kind, v, "scammer", flags)
        for i, v in enumerate(values)
        for j in range(refs_per_value)
    ]


def us_reports(n: int = 5) -> list[ReportFacts]:
    return [ReportFacts(f"test/u{i}", None, None, "US", "OH", "tech_support") for i in range(n)]
