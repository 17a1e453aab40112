"""The audit log: hash chain, append-only, and written for every view of personal data."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from scamtrace.cli.app import app as cli
from scamtrace.services import audit
from scamtrace.services.audit import Actor
from scamtrace.store import Store
from scamtrace.store.auth_tables import audit_log


def _fill(store: Store, n: int = 5) -> None:
    for i in range(n):
        audit.append(store, Actor("asha", "analyst", "127.0.0.1"), "view_personal", report_pk=i, target=f"webform/wf-{i}", detail={"fields": ["email"]})


@pytest.mark.sqlite
@pytest.mark.postgres
def test_chain_verifies_and_rows_cannot_be_changed_or_removed(store: Store) -> None:
    _fill(store)
    with store.engine.connect() as conn:
        assert audit.verify(conn) == (True, None)
    for stmt in (update(audit_log).where(audit_log.c.id == 2).values(actor="mallory"), delete(audit_log).where(audit_log.c.id == 2)):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(stmt)


def _drop_triggers(store: Store) -> None:
    with store.engine.begin() as conn:
        if store.dialect == "sqlite":
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            conn.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))


@pytest.mark.sqlite
@pytest.mark.postgres
def test_tampering_around_the_triggers_is_found(store: Store) -> None:
    _fill(store)
    _drop_triggers(store)
    with store.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == 3).values(actor="mallory"))
    with store.engine.connect() as conn:
        assert audit.verify(conn) == (False, 3)


@pytest.mark.sqlite
def test_removed_entries_are_found(store: Store) -> None:
    _fill(store)
    _drop_triggers(store)
    with store.engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.id == 2))
    with store.engine.connect() as conn:
        assert audit.verify(conn) == (False, 2)
    with store.engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.id >= 2))
    with store.engine.connect() as conn:
        assert audit.verify(conn) == (False, 2)  # truncating the tail breaks the head


@pytest.mark.sqlite
def test_cli_audit_verify(store: Store) -> None:
    _fill(store, 3)
    runner = CliRunner()
    ok = runner.invoke(cli, ["--db", store.url, "audit", "verify"])
    assert ok.exit_code == 0 and '"ok": true' in ok.stdout and '"entries": 3' in ok.stdout
    _drop_triggers(store)
    with store.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == 1).values(detail={"fields": []}))
    bad = runner.invoke(cli, ["--db", store.url, "audit", "verify"])
    assert bad.exit_code == 1 and '"first_bad_id": 1' in bad.stdout


@pytest.mark.sqlite
@pytest.mark.postgres
def test_concurrent_appends_keep_one_chain(store: Store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def work(n: int) -> None:
        for i in range(8):
            audit.append(store, Actor(f"user{n}", "analyst"), "view_personal", report_pk=i)

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(work, range(4)))
    with store.engine.connect() as conn:
        assert audit.verify(conn) == (True, None)
    assert audit.count(store) == 32
