"""Custody and charge-sheet deadlines under BNSS 2023 s.187, as pure date arithmetic (no I/O).

Counting convention (see ``data/legal/deadlines-IN.json``): every span is
counted inclusively, as courts do. A remand from 1 to 15 March is 15 days; the
60- or 90-day detention period starts with the date of the first remand as
day 1, so the charge-sheet is due on day 60 (or 90) and default bail arises on
day 61 (or 91). Police custody counts each calendar day once, even when two
remand orders overlap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

POLICE = "police"
JUDICIAL = "judicial"
KINDS = (POLICE, JUDICIAL)


@dataclass(frozen=True, slots=True)
class CustodyRules:
    """The numbers of s.187: police-custody cap, and its window per detention period."""

    max_police_days: int = 15
    window_days: tuple[tuple[int, int], ...] = ((60, 40), (90, 60))
    warn_days: int = 3

    def window(self, period: int) -> int:
        for p, w in self.window_days:
            if p == period:
                return w
        raise ValueError(f"detention period must be one of {[p for p, _ in self.window_days]}, not {period}")


@dataclass(frozen=True, slots=True)
class Remand:
    start: date
    end: date
    kind: str  # police | judicial

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"remand kind must be police or judicial, not {self.kind!r}")
        if self.end < self.start:
            raise ValueError(f"remand ends ({self.end}) before it starts ({self.start})")

    def days(self) -> set[date]:
        return {self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)}


@dataclass(frozen=True, slots=True)
class CustodyStatus:
    period: int
    first_remand: date
    police_days_used: int
    police_days_left: int
    police_last_day: date  # the last day police custody may still be taken (end of the 40/60-day window)
    charge_sheet_due: date  # day 60/90
    default_bail_from: date  # day 61/91, unless the charge-sheet was filed
    problems: list[str] = field(default_factory=list)


def day_of_period(first_remand: date, day: date) -> int:
    """Day number within the detention period, the first remand date being day 1."""
    return (day - first_remand).days + 1


def nth_day(first_remand: date, n: int) -> date:
    return first_remand + timedelta(days=n - 1)


def _problems(remands: list[Remand], first: date, period: int, rules: CustodyRules) -> list[str]:
    problems: list[str] = []
    last_allowed = nth_day(first, rules.window(period))
    police_days: set[date] = set()
    for r in sorted(remands, key=lambda r: r.start):
        if r.kind != POLICE:
            continue
        late = sorted(d for d in r.days() if d > last_allowed)
        if late:
            problems.append(
                f"police custody {r.start}–{r.end} runs past day {rules.window(period)} of the {period}-day period "
                f"(last allowed day {last_allowed}; day {day_of_period(first, late[0])} is outside)"
            )
        before = len(police_days)
        police_days |= r.days()
        if len(police_days) > rules.max_police_days >= before:
            problems.append(f"police custody {r.start}–{r.end} brings the total to {len(police_days)} days, over the {rules.max_police_days}-day limit")
    return problems


def custody_status(remands: Iterable[Remand], period: int, rules: CustodyRules | None = None) -> CustodyStatus | None:
    """Where one accused stands: police days used/left, the last police-custody day, charge-sheet and default-bail dates.

    ``None`` when there is no remand yet (the period has not started).
    """
    rules = rules or CustodyRules()
    rs = list(remands)
    if not rs:
        return None
    first = min(r.start for r in rs)
    used: set[date] = set()
    for r in rs:
        if r.kind == POLICE:
            used |= r.days()
    return CustodyStatus(
        period=period,
        first_remand=first,
        police_days_used=len(used),
        police_days_left=max(0, rules.max_police_days - len(used)),
        police_last_day=nth_day(first, rules.window(period)),
        charge_sheet_due=nth_day(first, period),
        default_bail_from=nth_day(first, period + 1),
        problems=_problems(rs, first, period, rules),
    )


def check_remand(existing: Iterable[Remand], new: Remand, period: int, rules: CustodyRules | None = None) -> list[str]:
    """Why a proposed remand would break s.187 (empty when it fits). Judicial custody is never capped here."""
    rules = rules or CustodyRules()
    before = list(existing)
    if new.kind != POLICE:
        return []
    old = set(_problems(before, min([r.start for r in before] + [new.start]), period, rules))
    status = custody_status([*before, new], period, rules)
    assert status is not None
    return [p for p in status.problems if p not in old]


@dataclass(frozen=True, slots=True)
class Deadline:
    what: str  # police_custody_window_closes | charge_sheet_due | default_bail
    due: date
    days_left: int


def coming(status: CustodyStatus, today: date, within: int, *, charge_sheet_filed: bool = False) -> list[Deadline]:
    """The deadlines of one status falling in ``[today, today + within]``, soonest first."""
    items: list[Deadline] = []
    if status.police_days_left > 0:
        items.append(Deadline("police_custody_window_closes", status.police_last_day, (status.police_last_day - today).days))
    if not charge_sheet_filed:
        items.append(Deadline("charge_sheet_due", status.charge_sheet_due, (status.charge_sheet_due - today).days))
        items.append(Deadline("default_bail", status.default_bail_from, (status.default_bail_from - today).days))
    return sorted((d for d in items if 0 <= d.days_left <= within), key=lambda d: d.due)
