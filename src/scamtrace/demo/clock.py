"""Time in the demo world: integer days from a fixed epoch and hand-written DST rules.

The world never reads the wall clock (outputs must be byte-identical for a
seed) and never asks tzdata (its version would leak into the output). The
DST rules of the victim and centre countries are simple enough to write out;
resolving them to one flag per day keeps the per-report cost to a lookup.
"""

from __future__ import annotations

from datetime import date, timedelta

EPOCH = date(2023, 1, 1)
WORLD_DAYS = 912  # 2023-01-01 … 2025-06-30
MINUTES_PER_DAY = 1440

# DST rule names used by regions and centres.
NO_DST = "none"
US_DST = "us"  # second Sunday of March … first Sunday of November
EU_DST = "eu"  # last Sunday of March … last Sunday of October
AU_DST = "au"  # first Sunday of October … first Sunday of April (southern states)


def day_to_date(day: int) -> date:
    return EPOCH + timedelta(days=day)


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    first_sunday = first + timedelta(days=(6 - first.weekday()) % 7)
    return first_sunday + timedelta(weeks=n - 1)


def _last_sunday(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _in_dst(rule: str, d: date) -> bool:
    y = d.year
    if rule == US_DST:
        return _nth_sunday(y, 3, 2) <= d < _nth_sunday(y, 11, 1)
    if rule == EU_DST:
        return _last_sunday(y, 3) <= d < _last_sunday(y, 10)
    if rule == AU_DST:
        return not (_nth_sunday(y, 4, 1) <= d < _nth_sunday(y, 10, 1))
    return False


# One extra month past the world's end: reports are received after incidents.
_SPAN = WORLD_DAYS + 60
DST_FLAGS: dict[str, tuple[bool, ...]] = {
    rule: tuple(_in_dst(rule, day_to_date(i)) for i in range(_SPAN))
    for rule in (NO_DST, US_DST, EU_DST, AU_DST)
}
DAY_ISO: tuple[str, ...] = tuple(day_to_date(i).isoformat() for i in range(_SPAN))
WEEKDAY: tuple[int, ...] = tuple(day_to_date(i).weekday() for i in range(_SPAN))


def offset_minutes(std_hours: float, rule: str, day: int) -> int:
    """UTC offset in minutes on ``day`` for a zone with ``std_hours`` and a DST rule."""
    flags = DST_FLAGS[rule]
    dst = flags[min(max(day, 0), len(flags) - 1)]
    return round(std_hours * 60) + (60 if dst else 0)


def offset_text(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def iso_local(day: int, minute: int, seconds: int = 0) -> str:
    """Naive ISO date-time for a local day and minute of day."""
    h, m = divmod(minute, 60)
    return f"{DAY_ISO[min(max(day, 0), _SPAN - 1)]}T{h:02d}:{m:02d}:{seconds:02d}"


def last_day() -> int:
    return _SPAN - 1
