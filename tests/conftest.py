"""Fixtures shared by the suite.

Backends: a test that takes the ``store`` fixture runs once per backend it is
marked for (``@pytest.mark.sqlite``, ``@pytest.mark.postgres``; unmarked means
SQLite only). PostgreSQL is a real server started from the ``pgserver`` wheel
for the session and stopped at the end; each test gets its own database.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from scamtrace.store import Store, open_store

BACKENDS = ("sqlite", "postgres")
_counter = itertools.count()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "store" in metafunc.fixturenames:
        marked = [b for b in BACKENDS if metafunc.definition.get_closest_marker(b)]
        metafunc.parametrize("backend", marked or ["sqlite"], scope="function")


@pytest.fixture(scope="session")
def pg_root() -> Iterator[str]:
    """A throwaway PostgreSQL 16 server for the whole session, stopped at the end."""
    import pgserver

    data_dir = tempfile.mkdtemp(prefix="scamtrace-pg-")
    server = pgserver.get_server(data_dir, cleanup_mode="stop")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()
        shutil.rmtree(data_dir, ignore_errors=True)


def _pg_url(root: str, db: str) -> str:
    # pgserver gives postgresql://user:@/postgres?host=/socket/dir
    base, _, query = root.partition("?")
    base = base.rsplit("/", 1)[0]
    return f"{base.replace('postgresql://', 'postgresql+psycopg://', 1)}/{db}?{query}"


@pytest.fixture
def db_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    root = request.getfixturevalue("pg_root")
    name = f"t{os.getpid()}_{next(_counter)}"
    admin = create_engine(_pg_url(root, "postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # name is generated above, never user input
    try:
        yield _pg_url(root, name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    try:
        yield s
    finally:
        s.dispose()


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def report(rid: str, narrative: str = "", source: str = "webform", **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"report_id": rid, "source": source, "received_at": "2025-03-04T09:12:00-05:00"}
    if narrative:
        base["narrative"] = narrative
    base.update(extra)
    return base
