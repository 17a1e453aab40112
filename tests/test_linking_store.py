"""Linking through the store: operations, incremental = rebuild, stable ids, explanations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from scamtrace.errors import NotFound
from scamtrace.services.explain import explain_operation, explain_path
from scamtrace.services.ingest import ingest_paths
from scamtrace.services.linking import pending_reports, rebuild, update_for
from scamtrace.services.queries import get_operation, iter_assignments, list_operations
from scamtrace.store import Store
from scamtrace.store.tables import reports
from tests.conftest import report, write_jsonl


def _r(rid: str, day: str, text: str, **extra: Any) -> dict[str, Any]:
    return report(rid, text, incident_at=day, received_at=f"{day}T12:00:00+00:00", victim={"country": "US", "age_band": "60+"}, **extra)


def _world() -> list[dict[str, Any]]:
    """Two call centres, a number recycled from A to B months later, a legit number everyone calls."""
    legit = " Afterwards I called the real Microsoft at 1-800-642-7676 and they said it was a scam."
    a = [
        _r("a1", "2025-01-03", "Popup said call 1-844-213-7788. Paid $300 in Target gift cards." + legit),
        _r("a2", "2025-01-10", "The number was (844) 213-7788, later they called from 855-411-2290. I paid to routing 021000021 account 1234567890." + legit),
        _r("a3", "2025-01-20", "Called 1 855 411 2290 from the popup at hxxp://win-defender-alert[.]com/err. Kevin took over." + legit),
        _r("a4", "2025-01-25", "Site was win-defender-alert.com and the tech called from +1 855-411-2290."),
    ]
    b = [
        _r("b1", "2025-07-02", "Pop-up with 1-844-213-7788 (same number as my neighbour's?). Paid with Zelle to payments@fixitnow-help.com" + legit),
        _r("b2", "2025-07-09", "They emailed me from payments@fixitnow-help.com and said their number is 888-555-0199."),
        _r("b3", "2025-07-15", "Callback number 1 (844) 213-7788, a man called Kevin."),
    ]
    return a + b


def _assign(store: Store) -> dict[str, str | None]:
    return {rid: op for _s, rid, op, _t in iter_assignments(store)}


def _partition(assign: dict[str, str | None]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for rid, op in assign.items():
        groups.setdefault(op or f"single:{rid}", set()).add(rid)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.sqlite
@pytest.mark.postgres
def test_centres_split_by_time_and_legit_number_links_nothing(store: Store, tmp_path: Path) -> None:
    ingest_paths(store, [str(write_jsonl(tmp_path / "w.jsonl", _world()))])
    summary = rebuild(store)
    part = _partition(_assign(store))
    assert frozenset({"a1", "a2", "a3", "a4"}) in part
    assert frozenset({"b1", "b2", "b3"}) in part
    assert summary.operations == 2
    ops = list_operations(store)
    assert [o["rank"] for o in ops] == [1, 2]
    assert {o["reports"] for o in ops} == {4, 3}
    assert all(o["first_seen"] <= o["last_seen"] for o in ops)


@pytest.mark.sqlite
@pytest.mark.postgres
def test_incremental_adds_match_a_full_rebuild(store: Store, tmp_path: Path) -> None:
    world = _world()
    ingest_paths(store, [str(write_jsonl(tmp_path / "first.jsonl", world[:2] + world[4:5]))])
    rebuild(store)
    for i, row in enumerate(world[2:4] + world[5:]):
        s = ingest_paths(store, [str(write_jsonl(tmp_path / f"n{i}.jsonl", [row]))], keep_pks=True)
        update_for(store, s.report_pks)
    incremental = _partition(_assign(store))
    rebuild(store)
    assert _partition(_assign(store)) == incremental


@pytest.mark.sqlite
def test_pending_reports_are_those_since_the_last_link(store: Store, tmp_path: Path) -> None:
    world = _world()
    ingest_paths(store, [str(write_jsonl(tmp_path / "a.jsonl", world[:4]))])
    rebuild(store)
    assert pending_reports(store) == []
    ingest_paths(store, [str(write_jsonl(tmp_path / "b.jsonl", world[4:]))])
    with store.engine.connect() as conn:
        new = set(conn.execute(select(reports.c.id).where(reports.c.report_id.in_(["b1", "b2", "b3"]))).scalars())
    assert set(pending_reports(store)) == new


@pytest.mark.sqlite
def test_ids_stay_when_membership_mostly_stays(store: Store, tmp_path: Path) -> None:
    world = _world()
    ingest_paths(store, [str(write_jsonl(tmp_path / "a.jsonl", world))])
    rebuild(store)
    before = _assign(store)
    extra = _r("a5", "2025-01-28", "Another victim: popup number 1-844-213-7788.")
    ingest_paths(store, [str(write_jsonl(tmp_path / "b.jsonl", [extra]))])
    s = rebuild(store)
    after = _assign(store)
    assert after["a5"] == after["a1"] == before["a1"]
    assert after["b1"] == before["b1"]
    assert s.kept_ids == 2 and s.new_ids == 0


@pytest.mark.sqlite
def test_explain_path_and_neighbours(store: Store, tmp_path: Path) -> None:
    ingest_paths(store, [str(write_jsonl(tmp_path / "w.jsonl", _world()))])
    rebuild(store)
    op_a = _assign(store)["a1"]
    assert op_a is not None
    path = explain_path(store, op_a, ("webform", "a1"), ("webform", "a4"))
    assert path[0]["from"] == "webform/a1" and path[-1]["to"] == "webform/a4"
    kinds = {step["indicator"]["kind"] for step in path}
    assert kinds <= {"phone", "bank_account", "domain", "url"}
    assert all(step["indicator"]["role"] in ("scammer", "unknown") for step in path)
    why = explain_operation(store, op_a)
    assert {link["value"] for link in why["links"]} >= {"+18442137788", "+18554112290"}
    (neighbour,) = why["not_merged_with"]
    assert neighbour["operation_id"] == _assign(store)["b1"]
    assert any("+18442137788" in r and "days apart" in r for r in neighbour["reasons"])
    assert get_operation(store, op_a)["summary"]["losses"] == {"USD": 300.0}
    with pytest.raises(NotFound):
        explain_path(store, op_a, ("webform", "a1"), ("webform", "b1"))


@pytest.mark.sqlite
@pytest.mark.postgres
def test_fast_join_updates_the_operation_in_place(store: Store, tmp_path: Path) -> None:
    ingest_paths(store, [str(write_jsonl(tmp_path / "w.jsonl", _world()))])
    rebuild(store)
    op_a = _assign(store)["a1"]
    before = get_operation(store, op_a)  # type: ignore[arg-type]
    extra = _r("a6", "2025-01-26", "Popup again, number 1-844-213-7788, paid $100 by card.")
    s = ingest_paths(store, [str(write_jsonl(tmp_path / "x.jsonl", [extra]))], keep_pks=True)
    summary = update_for(store, s.report_pks)
    assert summary.operations == 0 and summary.linked_reports == 1  # joined without re-clustering
    after = get_operation(store, op_a)  # type: ignore[arg-type]
    assert _assign(store)["a6"] == op_a
    assert after["reports"] == before["reports"] + 1
    assert after["losses"]["USD"] == before["losses"]["USD"] + 100
    update_for(store, s.report_pks)  # a re-run is harmless
    assert get_operation(store, op_a)["reports"] == after["reports"]  # type: ignore[arg-type]
    incremental = _partition(_assign(store))
    rebuild(store)
    assert _partition(_assign(store)) == incremental


@pytest.mark.sqlite
def test_honeypot_recordings_join_incrementally_as_in_a_rebuild(store: Store, tmp_path: Path) -> None:
    script = (
        "this is to inform you that a charge of two hundred ninety nine dollars for a norton order has been placed "
        "on your account if you did not authorize this purchase please press one or call our fraud department at {n}"
    )
    # numbers read out in words: no phone is extracted, the text is the only evidence
    a_number = "one nine four nine eight nine five six two one one"
    calls = [
        report("h1", script.format(n=a_number), source="honeypot", incident_at="2025-02-01"),
        report("h2", script.format(n=a_number).replace("authorize", "authorise"), source="honeypot", incident_at="2025-02-03"),
        report("h3", script.format(n="one eight five five two eight four three nine one three"), source="honeypot", incident_at="2025-02-04"),  # another centre's recording
    ]
    for i, row in enumerate(calls):
        s = ingest_paths(store, [str(write_jsonl(tmp_path / f"h{i}.jsonl", [row]))], keep_pks=True)
        update_for(store, s.report_pks)
    incremental = _assign(store)
    assert incremental["h1"] is not None and incremental["h1"] == incremental["h2"]
    assert incremental["h3"] != incremental["h1"]
    rebuild(store)
    assert _partition(_assign(store)) == _partition(incremental)
