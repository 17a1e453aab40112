"""Did a raid disrupt an operation? Weekly report counts around the raid day (pure, no I/O).

Weeks are relative to the raid day R: week -1 is R-6..R (the raid day counts
as before, since reports that day describe contacts made before or during
it), week 0 is R+1..R+7, and so on. A report dated after R is "after".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


def week_of(day: date, raid_day: date) -> int:
    offset = (day - raid_day).days
    return (offset - 1) // 7 if offset > 0 else -((-offset) // 7) - 1


@dataclass(frozen=True, slots=True)
class Week:
    week: int
    start: date
    end: date
    reports: int


def weekly(days: Iterable[date], raid_day: date, weeks: int = 8) -> list[Week]:
    """Reports per week for ``weeks`` weeks before and after the raid (weeks -weeks .. weeks-1)."""
    counts = Counter(week_of(d, raid_day) for d in days)
    out = []
    for w in range(-weeks, weeks):
        start = raid_day + timedelta(days=7 * w + 1)
        out.append(Week(w, start, start + timedelta(days=6), counts.get(w, 0)))
    return out
