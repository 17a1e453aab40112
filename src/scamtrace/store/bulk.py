"""Set-based writes that work the same on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite

from scamtrace.store.tables import indicators

# Keep each IN list well under SQLite's bound-parameter limit.
CHUNK = 400


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def insert_ignore(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT … ON CONFLICT DO NOTHING, many rows in one statement execution."""
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "postgresql":
        stmt: Any = postgresql.insert(table).on_conflict_do_nothing()
    elif dialect == "sqlite":
        stmt = sqlite.insert(table).on_conflict_do_nothing()
    else:  # pragma: no cover - only the two supported dialects reach here
        raise NotImplementedError(dialect)
    conn.execute(stmt, rows)


def indicator_ids(conn: Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Ids of (kind, value) pairs, creating the missing ones."""
    if not keys:
        return {}
    ordered = sorted(keys)
    insert_ignore(conn, indicators, [{"kind": k, "value": v} for k, v in ordered])
    out: dict[tuple[str, str], int] = {}
    for part in chunks(ordered):
        rows = conn.execute(
            select(indicators.c.id, indicators.c.kind, indicators.c.value).where(
                tuple_(indicators.c.kind, indicators.c.value).in_(list(part))
            )
        )
        for rid, kind, value in rows:
            out[(kind, value)] = rid
    return out
