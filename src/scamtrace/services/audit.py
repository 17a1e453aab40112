"""The audit log: who saw which personal data, when. Append-only and hash-chained.

Each entry's ``hash`` is SHA-256 over its canonical JSON (id, time, actor,
role, action, report, target, detail, ip) followed by the previous entry's
hash. Changing, removing or reordering any entry breaks every hash after it;
:func:`verify` finds the first one that no longer fits.

Appends are serialised by updating the single ``audit_head`` row first: on
SQLite that statement takes the database write lock, on PostgreSQL the row
lock, so two appenders can never chain onto the same predecessor.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from scamtrace.store import Store
from scamtrace.store.auth_tables import audit_head, audit_log

GENESIS_HASH = "0" * 64

# Actions that record a view of personal data; others record account events.
VIEW_PERSONAL = "view_personal"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a user name and role, with the client address when known."""

    name: str
    role: str
    ip: str | None = None


def _now() -> datetime:
    # Whole seconds: the canonical form must survive every backend's DateTime round trip.
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def canonical(row: Mapping[str, Any]) -> bytes:
    """The bytes an entry's hash covers (without ``prev_hash`` and ``hash``)."""
    at = row["at"]
    body = {
        "id": int(row["id"]),
        "at": at.isoformat() if isinstance(at, datetime) else str(at),
        "actor": row["actor"],
        "role": row["role"],
        "action": row["action"],
        "report_pk": row["report_pk"],
        "target": row["target"],
        "detail": row["detail"],
        "ip": row["ip"],
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_hash(row: Mapping[str, Any], prev_hash: str) -> str:
    return hashlib.sha256(canonical(row) + prev_hash.encode("ascii")).hexdigest()


def append_conn(
    conn: Connection,
    actor: Actor,
    action: str,
    *,
    report_pk: int | None = None,
    target: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> int:
    """Append one entry inside the caller's transaction; returns its id."""
    # Take the lock before reading the tip (see the module docstring).
    conn.execute(update(audit_head).where(audit_head.c.id == 1).values(last_id=audit_head.c.last_id))
    head = conn.execute(select(audit_head.c.last_id, audit_head.c.last_hash).where(audit_head.c.id == 1)).first()
    if head is None:  # pragma: no cover - migration 0002 seeds the row
        raise RuntimeError("audit_head row missing; run the store migrations")
    last_id, prev = int(head[0]), str(head[1])
    row: dict[str, Any] = {
        "id": last_id + 1,
        "at": _now(),
        "actor": actor.name,
        "role": actor.role,
        "action": action,
        "report_pk": report_pk,
        "target": target,
        "detail": dict(detail or {}),
        "ip": actor.ip,
    }
    row["prev_hash"] = prev
    row["hash"] = entry_hash(row, prev)
    conn.execute(insert(audit_log).values(**row))
    conn.execute(update(audit_head).where(audit_head.c.id == 1).values(last_id=row["id"], last_hash=row["hash"]))
    return int(row["id"])


def append(
    store: Store,
    actor: Actor,
    action: str,
    *,
    report_pk: int | None = None,
    target: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> int:
    """Append one entry in its own transaction. Callers write it before showing the data."""
    with store.engine.begin() as conn:
        return append_conn(conn, actor, action, report_pk=report_pk, target=target, detail=detail)


def _rows(conn: Connection) -> Iterator[dict[str, Any]]:
    q = select(audit_log).order_by(audit_log.c.id)
    for r in conn.execution_options(yield_per=5000).execute(q):
        yield dict(r._mapping)


def verify(conn: Connection) -> tuple[bool, int | None]:
    """Recompute the chain. ``(True, None)`` when intact, else ``(False, id of the first bad entry)``.

    An entry is bad when its id skips, its ``prev_hash`` is not the previous
    entry's hash, or its hash does not match its content. A tip that does not
    match the last entry (entries removed from the end) reports ``last_id + 1``.
    """
    prev = GENESIS_HASH
    expected_id = 1
    for row in _rows(conn):
        if int(row["id"]) != expected_id or row["prev_hash"] != prev or entry_hash(row, prev) != row["hash"]:
            return False, int(row["id"]) if int(row["id"]) == expected_id else expected_id
        prev = row["hash"]
        expected_id += 1
    head = conn.execute(select(audit_head.c.last_id, audit_head.c.last_hash).where(audit_head.c.id == 1)).first()
    if head is None or int(head[0]) != expected_id - 1 or head[1] != prev:
        return False, expected_id
    return True, None


def count(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(audit_log)).scalar_one())


def recent(store: Store, *, limit: int = 100, report_pk: int | None = None) -> list[dict[str, Any]]:
    """Newest entries first (for admins and tests)."""
    q = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if report_pk is not None:
        q = q.where(audit_log.c.report_pk == report_pk)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]
