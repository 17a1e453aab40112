"""Cases through the store: create, link, raid, remand, deadlines, disruption and resurgence, all audited."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from scamtrace.errors import InputError, NotFound
from scamtrace.services import audit
from scamtrace.services.accounts import CLI_ACTOR
from scamtrace.services.cases import (
    add_accused,
    add_arrest,
    add_frozen_account,
    add_raid,
    add_remand,
    add_seizure,
    create_case,
    disruption,
    get_case,
    list_cases,
    upcoming_deadlines,
    update_case,
)
from scamtrace.services.ingest import ingest_paths
from scamtrace.services.linking import rebuild, update_for
from scamtrace.services.queries import iter_assignments
from scamtrace.store import Store
from tests.conftest import report, write_jsonl


def _r(rid: str, day: str, text: str) -> dict[str, Any]:
    return report(rid, text, incident_at=day, received_at=f"{day}T12:00:00+00:00", victim={"country": "US", "age_band": "60+"})


A = [
    _r("a1", "2025-01-03", "Popup said call 1-844-213-7788. Paid $300 in Target gift cards."),
    _r("a2", "2025-01-10", "The number was (844) 213-7788, later they called from 855-411-2290. I paid to routing 021000021 account 1234567890."),
    _r("a3", "2025-01-20", "Called 1 855 411 2290 from the popup at hxxp://win-defender-alert[.]com/err. Kevin took over."),
]
LATE = _r("a4", "2025-01-25", "Site was win-defender-alert.com and the tech called from +1 855-411-2290.")


def _op_of(store: Store, rid: str) -> str:
    return next(op for _s, r, op, _t in iter_assignments(store) if r == rid)


def _audit_ok(store: Store) -> None:
    with store.engine.connect() as conn:
        assert audit.verify(conn) == (True, None)


@pytest.mark.sqlite
@pytest.mark.postgres
def test_case_lifecycle_disruption_and_resurgence(store: Store, tmp_path: Path) -> None:
    ingest_paths(store, [str(write_jsonl(tmp_path / "a.jsonl", A))])
    rebuild(store)
    op = _op_of(store, "a1")
    assert _op_of(store, "a3") == op
    start = audit.count(store)

    case_id = create_case(
        store, CLI_ACTOR, fir_number="123", fir_year=2025, police_station="Cyber Crime PS, Lalbazar", district="Kolkata",
        state="WB", sections=[{"statute": "BNS", "section": "318(4)"}], complaint_refs=["NCRP 31234567890123"], operation_ids=[op],
    )  # fmt: skip
    raid_id = add_raid(store, CLI_ACTOR, case_id, at=datetime(2025, 1, 21, 22, 0), address="Sector V, Salt Lake")
    add_seizure(store, CLI_ACTOR, raid_id, item_type="laptop", count=12, memo_ref="SM-1")
    person = add_accused(store, CLI_ACTOR, case_id, name="Accused One", role="manager")
    add_arrest(store, CLI_ACTOR, person, at=datetime(2025, 1, 22, 4, 0))
    add_frozen_account(store, CLI_ACTOR, case_id, account="XXXX1234", amount=150000.0, currency="INR")
    add_remand(store, CLI_ACTOR, case_id, court="CJM Alipore", kind="police", start=date(2025, 1, 22), end=date(2025, 2, 5), accused_id=person)
    with pytest.raises(InputError):  # a 16th police day
        add_remand(store, CLI_ACTOR, case_id, court="CJM Alipore", kind="police", start=date(2025, 2, 6), end=date(2025, 2, 6), accused_id=person)
    update_case(store, CLI_ACTOR, case_id, investigating_officer="SI Example")
    entries = audit.recent(store, limit=50)
    assert [e["action"] for e in reversed(entries[: audit.count(store) - start])] == [
        "case_create", "case_link_operation", "case_add_raid", "case_add_seizure", "case_add_accused",
        "case_add_arrest", "case_update_accused", "case_add_frozen_account", "case_add_remand", "case_update",
    ]  # the refused remand left no entry  # fmt: skip
    assert entries[0]["action"] == "case_update" and entries[0]["detail"]["before"] == {"investigating_officer": None}
    _audit_ok(store)

    case = get_case(store, case_id)
    assert case is not None and case["operations"] == [op] and case["raids"][0]["seizures"][0]["count"] == 12
    assert case["accused"][0]["status"] == "arrested"
    [custody] = case["custody"]
    assert (custody["police_days_used"], custody["charge_sheet_due"], custody["default_bail_from"]) == (15, "2025-03-22", "2025-03-23")
    assert get_case(store, "no-such-case") is None
    assert [c["id"] for c in list_cases(store)] == [case_id]
    due = upcoming_deadlines(store, days=7, today=date(2025, 3, 18))
    assert [(d["deadline"], d["days_left"]) for d in due] == [("charge_sheet_due", 4), ("default_bail", 5)]

    before = disruption(store, case_id, weeks=4)
    [d] = before["operations"]
    assert before["raid_day"] == "2025-01-21"
    assert (d["reports_before"], d["reports_after"], d["resurgence"]["alert"], d["indicators_quiet"]) == (3, 0, False, True)
    assert [w["reports"] for w in d["weeks"]] == [0, 1, 1, 1, 0, 0, 0, 0]

    s = ingest_paths(store, [str(write_jsonl(tmp_path / "late.jsonl", [LATE]))], keep_pks=True)
    update_for(store, s.report_pks)
    assert _op_of(store, "a4") == op
    [d] = disruption(store, case_id, weeks=4)["operations"]
    assert (d["reports_before"], d["reports_after"], d["indicators_quiet"]) == (3, 1, False)
    assert d["resurgence"] == {"alert": True, "reports": 1, "first": "2025-01-25", "last": "2025-01-25"}
    assert d["weeks"][4] == {"week": 0, "start": "2025-01-22", "end": "2025-01-28", "reports": 1}

    rebuild(store)  # a rebuild never deletes a case or its links
    assert get_case(store, case_id)["operations"] == [op]  # type: ignore[index]
    _audit_ok(store)


@pytest.mark.sqlite
def test_bad_input_and_missing_things(store: Store) -> None:
    with pytest.raises(InputError):
        create_case(store, CLI_ACTOR, fir_number="1", fir_year=2025, police_station="PS", custody_period=30)
    with pytest.raises(NotFound):
        create_case(store, CLI_ACTOR, fir_number="1", fir_year=2025, police_station="PS", operation_ids=["op-nope"])
    assert list_cases(store) == []  # the failed link rolled the whole case back
    case_id = create_case(store, CLI_ACTOR, fir_number="1", fir_year=2025, police_station="PS")
    with pytest.raises(InputError):
        disruption(store, case_id)
    with pytest.raises(InputError):
        add_accused(store, CLI_ACTOR, case_id, name="X", role="boss")
    with pytest.raises(NotFound):
        add_raid(store, CLI_ACTOR, "case-nope", at=datetime(2025, 1, 1), address="x")
    rid, problems = add_remand(store, CLI_ACTOR, case_id, court="C", kind="police", start=date(2025, 1, 1), end=date(2025, 1, 20), force=True)
    assert rid > 0 and problems and "20 days" in problems[0]
    assert "20 days" in upcoming_deadlines(store, days=60, today=date(2025, 1, 21))[0]["problems"]
    _audit_ok(store)
