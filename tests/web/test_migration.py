"""Migration 0002 creates exactly the tables in auth_tables.py, and goes down and up again."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect

import scamtrace.store.db as db
from scamtrace.store import Store
from scamtrace.store.tables import metadata

AUTH_TABLES = {"users", "sessions", "api_tokens", "login_attempts", "audit_log", "audit_head"}


def _cfg(store: Store) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    return cfg


@pytest.mark.sqlite
@pytest.mark.postgres
def test_schema_matches_the_tables(store: Store) -> None:
    assert AUTH_TABLES <= set(inspect(store.engine).get_table_names())
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert [d for d in diff if any(t in str(d) for t in AUTH_TABLES)] == []


@pytest.mark.sqlite
@pytest.mark.postgres
def test_downgrade_and_upgrade(store: Store) -> None:
    cfg = _cfg(store)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    assert not AUTH_TABLES & set(inspect(store.engine).get_table_names())
    db.migrate(store.engine)
    assert AUTH_TABLES <= set(inspect(store.engine).get_table_names())
