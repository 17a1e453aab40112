"""Ingest against a real store: idempotence, rejects, updates, personal data apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from scamtrace.services.ingest import ingest_paths
from scamtrace.store import Store
from scamtrace.store.tables import (
    indicators,
    rejects,
    report_changes,
    report_indicators,
    report_personal,
    reports,
    victim_indicators,
)
from tests.conftest import report, write_jsonl

both = [pytest.mark.sqlite, pytest.mark.postgres]

NARRATIVE = (
    "A red warning popped up saying my Windows was infected and to call Microsoft at 1 (844) 213-7788. "
    "A man called Kevin had me install AnyDesk and I paid $499 with Target gift cards."
)


def _count(store: Store, table) -> int:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _rows(n: int, start: int = 0) -> list[dict]:  # type: ignore[type-arg]
    return [report(f"wf-{i:05d}", NARRATIVE, victim={"country": "US", "age_band": "60+"}) for i in range(start, start + n)]


@pytest.mark.sqlite
@pytest.mark.postgres
def test_reingest_creates_nothing_new(store: Store, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", _rows(25))
    first = ingest_paths(store, [str(path)], batch_size=10)
    assert (first.read, first.stored, first.unchanged, first.rejected) == (25, 25, 0, 0)
    n_links = _count(store, report_indicators)
    assert n_links >= 25  # every report yields at least its callback number
    second = ingest_paths(store, [str(path)], batch_size=7)
    assert (second.read, second.stored, second.updated, second.unchanged) == (25, 0, 0, 25)
    assert _count(store, reports) == 25
    assert _count(store, report_indicators) == n_links
    with store.engine.connect() as conn:
        phone = conn.execute(select(indicators.c.value).where(indicators.c.kind == "phone")).scalars().all()
    assert phone == ["+18442137788"]


@pytest.mark.sqlite
@pytest.mark.postgres
def test_same_report_in_csv_and_jsonl_is_one_report(store: Store, tmp_path: Path) -> None:
    j = write_jsonl(tmp_path / "r.jsonl", [report("7", "hello", victim={"country": "GB"})])
    c = tmp_path / "r.csv"
    c.write_text("report_id,source,received_at,victim.country,narrative\n7,webform,2025-03-04T09:12:00-05:00,GB,hello\n")
    ingest_paths(store, [str(j)])
    again = ingest_paths(store, [str(c)])
    assert again.unchanged == 1 and _count(store, reports) == 1


@pytest.mark.sqlite
@pytest.mark.postgres
def test_bad_lines_are_kept_aside_and_good_ones_stored(store: Store, tmp_path: Path) -> None:
    p = tmp_path / "mixed.jsonl"
    rows = _rows(3)
    p.write_text(json.dumps(rows[0]) + "\n{oops\n" + json.dumps({"report_id": "x", "source": "webform", "received_at": "yesterday"}) + "\n" + json.dumps(rows[1]) + "\n" + json.dumps(rows[2]) + "\n")
    seen: list[str] = []
    summary = ingest_paths(store, [str(p)], on_reject=lambda r: seen.append(str(r)))
    assert (summary.stored, summary.rejected) == (3, 2)
    assert seen == [
        f"{p}:2: (line): not valid JSON: Expecting property name enclosed in double quotes at column 2",
        f"{p}:3: received_at: 'yesterday' is not an ISO 8601 date-time",
    ]
    with store.engine.connect() as conn:
        kept = conn.execute(select(rejects.c.line, rejects.c.raw).order_by(rejects.c.line)).all()
    assert [k.line for k in kept] == [2, 3]
    assert kept[0].raw == "{oops"


@pytest.mark.sqlite
@pytest.mark.postgres
def test_changed_report_is_updated_and_the_change_recorded(store: Store, tmp_path: Path) -> None:
    v1 = report("r1", NARRATIVE, victim={"country": "US"})
    ingest_paths(store, [str(write_jsonl(tmp_path / "a.jsonl", [v1]))])
    v2 = dict(v1, narrative=NARRATIVE.replace("1 (844) 213-7788", "1 (855) 411-2290"), caller={"name": "Kevin"})
    s = ingest_paths(store, [str(write_jsonl(tmp_path / "b.jsonl", [v2]))])
    assert (s.stored, s.updated, s.unchanged) == (0, 1, 0)
    assert _count(store, reports) == 1
    with store.engine.connect() as conn:
        (change,) = conn.execute(select(report_changes)).all()
        phones = conn.execute(
            select(indicators.c.value).select_from(report_indicators.join(indicators)).where(indicators.c.kind == "phone")
        ).scalars().all()
    assert change.fields == ["caller", "narrative"]
    assert change.old_hash != change.new_hash
    assert phones == ["+18554112290"]  # indicators re-extracted, the old number no longer attached


@pytest.mark.sqlite
@pytest.mark.postgres
def test_personal_data_is_stored_apart(store: Store, tmp_path: Path) -> None:
    r = report(
        "p1",
        "I called them back from my own phone 555-867-5309 and they called me on +1 (614) 555-0198. Callback 1-844-213-7788.",
        victim={"country": "US", "name": "Edna Kraus", "email": "edna@example.com", "phone": "(614) 555-0198"},
    )
    ingest_paths(store, [str(write_jsonl(tmp_path / "p.jsonl", [r]))])
    with store.engine.connect() as conn:
        row = conn.execute(select(reports.c.doc)).scalar_one()
        personal = conn.execute(select(report_personal)).one()
        own = conn.execute(select(victim_indicators.c.kind, victim_indicators.c.value)).all()
        public_values = set(conn.execute(select(indicators.c.value)).scalars())
    assert "name" not in row.get("victim", {}) and "email" not in row.get("victim", {}) and "phone" not in row.get("victim", {})
    assert row["victim"] == {"country": "US"}
    assert (personal.name, personal.email, personal.phone) == ("Edna Kraus", "edna@example.com", "(614) 555-0198")
    assert ("phone", "+16145550198") in {(k, v) for k, v in own}
    assert "+16145550198" not in public_values


@pytest.mark.sqlite
@pytest.mark.postgres
def test_offsets_are_kept(store: Store, tmp_path: Path) -> None:
    r = report("t1", "popup", incident_at="2025-03-01T22:15:00+05:30")
    ingest_paths(store, [str(write_jsonl(tmp_path / "t.jsonl", [r]))])
    with store.engine.connect() as conn:
        row = conn.execute(select(reports.c.received_at, reports.c.incident_at, reports.c.incident_utc, reports.c.incident_day)).one()
    assert row.received_at == "2025-03-04T09:12:00-05:00"
    assert row.incident_at == "2025-03-01T22:15:00+05:30"
    assert row.incident_utc.isoformat() == "2025-03-01T16:45:00"
    assert row.incident_day.isoformat() == "2025-03-01"


@pytest.mark.sqlite
@pytest.mark.postgres
def test_duplicate_key_inside_one_file_is_one_report(store: Store, tmp_path: Path) -> None:
    a = report("d1", "first version")
    b = report("d1", "second version")
    s = ingest_paths(store, [str(write_jsonl(tmp_path / "d.jsonl", [a, b, a]))])
    assert (s.stored, s.updated) == (1, 2)
    assert _count(store, reports) == 1


@pytest.mark.sqlite
@pytest.mark.postgres
def test_large_file_in_many_batches(store: Store, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "many.jsonl", _rows(2500))
    s = ingest_paths(store, [str(path)], batch_size=1000)
    assert s.stored == 2500 and _count(store, reports) == 2500


@pytest.mark.sqlite
@pytest.mark.postgres
def test_encodings_and_sizes_through_the_store(store: Store, tmp_path: Path) -> None:
    good = [report(f"e{i}", NARRATIVE) for i in range(3)]
    big = report("huge", "x" * 1_200_000)
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(
        b"\xef\xbb\xbf" + json.dumps(good[0]).encode() + b"\r\n"
        + b'{"report_id": "bad \xff"}\n'
        + json.dumps(big).encode() + b"\n"
        + json.dumps(good[1]).encode() + b"\n"
    )
    arr = tmp_path / "array.json"
    arr.write_text("[" + json.dumps(good[2]) + "]")
    s = ingest_paths(store, [str(p), str(arr)])
    assert (s.stored, s.rejected) == (3, 2)
    with store.engine.connect() as conn:
        kept = {r.line: r.reason for r in conn.execute(select(rejects.c.line, rejects.c.reason))}
        ids = set(conn.execute(select(reports.c.report_id)).scalars())
    assert ids == {"e0", "e1", "e2"}
    assert "not valid UTF-8" in kept[2] and "longer than 1,000,000 characters" in kept[3]
