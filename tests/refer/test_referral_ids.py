"""Two packages of one operation for one recipient in the same second get distinct ids."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from scamtrace.services.ingest import ingest_paths
from scamtrace.services.linking import rebuild
from scamtrace.services.queries import list_operations
from scamtrace.services.referral import build_referral
from scamtrace.store import Store
from scamtrace.store.tables import referrals
from tests.conftest import report, write_jsonl


@pytest.mark.sqlite
def test_same_second_referrals_do_not_collide(store: Store, tmp_path: Path) -> None:
    text = "Popup said call Microsoft at 1-844-213-7788. Paid $499 in Target gift cards."
    ingest_paths(store, [str(write_jsonl(tmp_path / "r.jsonl", [report(f"r{i}", text, incident_at="2025-03-01") for i in range(3)]))])
    rebuild(store)
    (op,) = list_operations(store)
    now = datetime(2025, 6, 1, 12, 0, 0, tzinfo=UTC)
    a = build_referral(store, op["operation_id"], None, tmp_path / "a", "tester", now=now)
    b = build_referral(store, op["operation_id"], None, tmp_path / "b", "tester", now=now)
    assert a.id != b.id and b.id.startswith(a.id)
    with store.engine.connect() as conn:
        rows = conn.execute(select(referrals.c.id, referrals.c.files)).all()
    assert {r.id for r in rows} == {a.id, b.id}
    assert all("referral.pdf" in r.files for r in rows)
