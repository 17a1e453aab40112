"""BNSS s.187 arithmetic at its edges: inclusive counting, leap days, parts, windows, 60/90 periods."""

from __future__ import annotations

from datetime import date

import pytest

from scamtrace.cases.deadlines import CustodyRules, Remand, check_remand, coming, custody_status
from scamtrace.cases.disruption import week_of, weekly
from scamtrace.cases.rules import custody_rules, raw_rules

D = date.fromisoformat


def test_rules_come_from_the_data_file_with_sources() -> None:
    rules = custody_rules("IN")
    assert rules == CustodyRules(max_police_days=15, window_days=((60, 40), (90, 60)), warn_days=3)
    data = raw_rules("IN")
    assert data["counting"]["rule"] == "inclusive"
    for part in ("police_custody", "detention_period", "counting"):
        assert "Nagarik Suraksha Sanhita" in data[part]["source"]["title"] or "Supreme Court" in data[part]["source"]["title"]


def test_a_remand_from_1_to_15_march_is_15_days() -> None:
    st = custody_status([Remand(D("2025-03-01"), D("2025-03-15"), "police")], 60)
    assert st is not None
    assert (st.police_days_used, st.police_days_left, st.problems) == (15, 0, [])


def test_leap_year_29_february_counts_as_a_day() -> None:
    st = custody_status([Remand(D("2024-02-27"), D("2024-03-02"), "police")], 60)
    assert st is not None and st.police_days_used == 5
    assert st.police_last_day == D("2024-04-06")  # 27 Feb + 39 days, through 29 Feb
    assert st.charge_sheet_due == D("2024-04-26") and st.default_bail_from == D("2024-04-27")
    st23 = custody_status([Remand(D("2023-02-27"), D("2023-03-02"), "police")], 60)
    assert st23 is not None and st23.police_days_used == 4


def test_custody_in_parts_5_5_5_is_exhausted_and_a_16th_day_refused() -> None:
    parts = [Remand(D("2025-03-01"), D("2025-03-05"), "police"), Remand(D("2025-03-10"), D("2025-03-14"), "police"), Remand(D("2025-03-20"), D("2025-03-24"), "police")]
    st = custody_status(parts, 60)
    assert st is not None and (st.police_days_used, st.police_days_left, st.problems) == (15, 0, [])
    assert all(d.what != "police_custody_window_closes" for d in coming(st, D("2025-03-25"), 60))  # nothing left to take
    problems = check_remand(parts, Remand(D("2025-03-26"), D("2025-03-26"), "police"), 60)
    assert len(problems) == 1 and "16 days" in problems[0]
    flagged = custody_status([*parts, Remand(D("2025-03-26"), D("2025-03-26"), "police")], 60)
    assert flagged is not None and flagged.police_days_used == 16 and flagged.problems


def test_judicial_custody_between_parts_does_not_count_and_overlaps_count_once() -> None:
    rs = [Remand(D("2025-03-01"), D("2025-03-07"), "police"), Remand(D("2025-03-05"), D("2025-03-10"), "police"), Remand(D("2025-03-11"), D("2025-03-30"), "judicial")]
    st = custody_status(rs, 60)
    assert st is not None and st.police_days_used == 10
    assert check_remand(rs, Remand(D("2025-03-31"), D("2025-04-20"), "judicial"), 60) == []


def test_police_custody_on_day_41_of_a_60_day_period_is_not_allowed() -> None:
    first = [Remand(D("2025-03-01"), D("2025-03-05"), "judicial")]
    day40, day41 = D("2025-04-09"), D("2025-04-10")
    assert check_remand(first, Remand(day40, day40, "police"), 60) == []
    problems = check_remand(first, Remand(day41, day41, "police"), 60)
    assert len(problems) == 1 and "day 41" in problems[0]
    assert check_remand(first, Remand(day41, day41, "police"), 90) == []  # the 90-day period's window is 60 days
    day61 = D("2025-04-30")
    assert "day 61" in check_remand(first, Remand(day61, day61, "police"), 90)[0]


@pytest.mark.parametrize(
    ("period", "first", "due", "bail", "window"),
    [
        (60, "2025-03-01", "2025-04-29", "2025-04-30", "2025-04-09"),
        (90, "2025-03-01", "2025-05-29", "2025-05-30", "2025-04-29"),
        (60, "2024-01-01", "2024-02-29", "2024-03-01", "2024-02-09"),  # leap year: day 60 is 29 Feb
        (90, "2023-12-15", "2024-03-13", "2024-03-14", "2024-02-12"),
    ],
)
def test_charge_sheet_and_default_bail_dates(period: int, first: str, due: str, bail: str, window: str) -> None:
    st = custody_status([Remand(D(first), D(first), "judicial")], period)
    assert st is not None
    assert (st.charge_sheet_due, st.default_bail_from, st.police_last_day) == (D(due), D(bail), D(window))


def test_unknown_period_and_bad_remands_are_refused() -> None:
    with pytest.raises(ValueError):
        custody_status([Remand(D("2025-03-01"), D("2025-03-01"), "police")], 30)
    with pytest.raises(ValueError):
        Remand(D("2025-03-02"), D("2025-03-01"), "police")
    with pytest.raises(ValueError):
        Remand(D("2025-03-01"), D("2025-03-01"), "house")
    assert custody_status([], 60) is None


def test_coming_deadlines_window_and_charge_sheet_filed() -> None:
    st = custody_status([Remand(D("2025-03-01"), D("2025-03-07"), "police")], 60)
    assert st is not None
    soon = coming(st, D("2025-04-05"), 7)
    assert [(d.what, d.days_left) for d in soon] == [("police_custody_window_closes", 4)]
    late = coming(st, D("2025-04-27"), 7)
    assert [(d.what, d.days_left) for d in late] == [("charge_sheet_due", 2), ("default_bail", 3)]
    assert coming(st, D("2025-04-27"), 7, charge_sheet_filed=True) == []


def test_weeks_around_the_raid_day() -> None:
    raid = D("2025-03-10")
    assert [week_of(D(d), raid) for d in ("2025-03-10", "2025-03-04", "2025-03-03", "2025-03-11", "2025-03-17", "2025-03-18")] == [-1, -1, -2, 0, 0, 1]
    weeks = weekly([D("2025-03-10"), D("2025-03-11")], raid, 2)
    assert [(w.week, w.start.isoformat(), w.end.isoformat(), w.reports) for w in weeks] == [
        (-2, "2025-02-25", "2025-03-03", 0),
        (-1, "2025-03-04", "2025-03-10", 1),
        (0, "2025-03-11", "2025-03-17", 1),
        (1, "2025-03-18", "2025-03-24", 0),
    ]
