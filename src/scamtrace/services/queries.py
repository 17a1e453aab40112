"""Read-side queries shared by the CLI and the web app."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from scamtrace.store import Store
from scamtrace.store.tables import rejects


def list_rejects(store: Store, *, limit: int = 1000) -> list[dict[str, Any]]:
    q = select(rejects).order_by(rejects.c.id.desc()).limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def operation_row(row: Any, rank: int | None = None, *, full: bool = False) -> dict[str, Any]:
    """An operation as the CLI contract and the API show it."""
    summary = row.summary or {}
    out: dict[str, Any] = {
        "operation_id": row.id,
        "rank": rank,
        "harm": row.harm,
        "is_tss": bool(row.is_tss),
        "reports": row.reports,
        "incidents": row.incidents,
        "first_seen": row.first_seen.isoformat() if row.first_seen else None,
        "last_seen": row.last_seen.isoformat() if row.last_seen else None,
        "losses": summary.get("losses", {}),
        "location": row.location or [],
        "utc_offset": row.utc_offset,
        "victims_by_country": summary.get("victims_by_country", {}),
        "share_60_plus": summary.get("share_60_plus"),
        "brands": summary.get("brands", {}),
    }
    if full:
        out["summary"] = summary
    return out


def list_operations(store: Store, *, limit: int | None = None, tss_only: bool = False) -> list[dict[str, Any]]:
    from scamtrace.store.tables import operations

    q = select(operations).order_by(operations.c.harm.desc(), operations.c.id)
    if tss_only:
        q = q.where(operations.c.is_tss.is_(True))
    if limit:
        q = q.limit(limit)
    with store.engine.connect() as conn:
        return [operation_row(r, i + 1) for i, r in enumerate(conn.execute(q))]


def get_operation(store: Store, op_id: str) -> dict[str, Any]:
    from sqlalchemy import and_, func, or_

    from scamtrace.errors import NotFound
    from scamtrace.store.tables import operations

    with store.engine.connect() as conn:
        row = conn.execute(select(operations).where(operations.c.id == op_id)).first()
        if row is None:
            raise NotFound(f"no operation {op_id!r}; list them with: scamtrace operations")
        ahead = conn.execute(
            select(func.count()).where(or_(operations.c.harm > row.harm, and_(operations.c.harm == row.harm, operations.c.id < row.id)))
        ).scalar_one()
    return operation_row(row, int(ahead) + 1, full=True)


def iter_assignments(store: Store) -> Iterator[tuple[str, str, str | None, bool]]:
    """(source, report_id, operation_id or None, is_tss) for every stored report, in store order."""
    from scamtrace.store.tables import assignments, reports

    q = (
        select(reports.c.source, reports.c.report_id, assignments.c.operation_id, reports.c.is_tss)
        .select_from(reports.outerjoin(assignments, assignments.c.report_pk == reports.c.id))
        .order_by(reports.c.id)
    )
    with store.engine.connect() as conn:
        for source, rid, op, is_tss in conn.execution_options(yield_per=10_000).execute(q):
            yield source, rid, op, bool(is_tss)
