"""The common incremental case without re-clustering: a new report joins one operation.

A report whose every linking value (within its time window) is already used by
members of exactly one operation — and by no unassigned report — joins that
operation: its assignment and evidence rows are added and the operation's
counters and summary are updated in place. Anything else (no operation, two
operations, new reports pulled in, a honeypot transcript) goes to the region
re-clustering of :func:`scamtrace.services.linking.update_for`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, insert, select, update

from scamtrace.domain.money import usd_estimate
from scamtrace.link import LinkParams
from scamtrace.store.codec import EPOCH_DAY
from scamtrace.store.tables import (
    assignments,
    operation_evidence,
    operations,
    report_indicators,
    reports,
)


def try_join(conn: Connection, params: LinkParams, pk: int, edges: list[tuple[int, str, int]], transcript_sources: Sequence[str]) -> bool:
    """Join report ``pk`` (with its eligible ``edges``: indicator id, kind, day) to its one operation.

    Returns False, changing nothing, when the fast path does not apply.
    """
    if conn.execute(select(assignments.c.operation_id).where(assignments.c.report_pk == pk)).first() is not None:
        return True  # joined already (a fast-path join re-run by `link --incremental`)
    if not edges:
        return False
    me = conn.execute(select(reports.c.source, reports.c.day_number, reports.c.victim_country, reports.c.victim_age_band, reports.c.incident_key, reports.c.facts).where(reports.c.id == pk)).one()
    if me.source in transcript_sources:
        return False
    ids = sorted({e[0] for e in edges})
    gap = {iid: params.gap(kind) for iid, kind, _d in edges}
    q = (
        select(report_indicators.c.indicator_id, reports.c.id, reports.c.day_number, assignments.c.operation_id)
        .select_from(report_indicators.join(reports, reports.c.id == report_indicators.c.report_pk).outerjoin(assignments, assignments.c.report_pk == reports.c.id))
        .where(and_(report_indicators.c.indicator_id.in_(ids), report_indicators.c.role.in_(params.roles), reports.c.id != pk))
    )
    ops: set[str] = set()
    for iid, _other, day, op in conn.execute(q):
        if abs(day - me.day_number) > gap[iid]:
            continue  # another epoch of a recycled value: not this report's concern here
        if op is None:
            return False  # an unassigned report would join too: re-cluster
        ops.add(op)
    if len(ops) != 1:
        return False
    (op_id,) = ops
    ev = conn.execute(
        select(operation_evidence.c.indicator_id, operation_evidence.c.first_day, operation_evidence.c.last_day, operation_evidence.c.status).where(
            and_(operation_evidence.c.operation_id == op_id, operation_evidence.c.indicator_id.in_(ids))
        )
    ).all()
    day = EPOCH_DAY + timedelta(days=int(me.day_number))
    linking = {iid: (first, last) for iid, first, last, status in ev if status == "link"}
    if any(status == "suspect" for *_x, status in ev):
        return False
    conn.execute(insert(assignments).values(report_pk=pk, operation_id=op_id))
    for iid in ids:
        if iid in linking:
            first, last = linking[iid]
            conn.execute(
                update(operation_evidence)
                .where(and_(operation_evidence.c.operation_id == op_id, operation_evidence.c.indicator_id == iid, operation_evidence.c.first_day == first))
                .values(reports=operation_evidence.c.reports + 1, last_day=max(last, day))
            )
    _bump_summary(conn, op_id, me, day)
    return True


def _bump_summary(conn: Connection, op_id: str, me: Any, day: date) -> None:
    row = conn.execute(select(operations).where(operations.c.id == op_id)).one()
    summary: dict[str, Any] = dict(row.summary or {})
    facts = me.facts or {}
    countries = dict(summary.get("victims_by_country", {}))
    countries[me.victim_country or "unknown"] = countries.get(me.victim_country or "unknown", 0) + 1
    summary["victims_by_country"] = countries
    ages = dict(summary.get("age_bands", {}))
    ages[me.victim_age_band or "unknown"] = ages.get(me.victim_age_band or "unknown", 0) + 1
    summary["age_bands"] = ages
    losses = dict(summary.get("losses", {}))
    for cur, amount in (facts.get("losses") or {}).items():
        losses[cur] = round(losses.get(cur, 0.0) + float(amount), 2)
    summary["losses"] = losses
    summary["losses_usd_estimate"] = round(usd_estimate(losses), 2)
    week = (EPOCH_DAY + timedelta(days=(int(me.day_number) // 7) * 7)).isoformat()
    weeks = dict(summary.get("reports_per_week", {}))
    weeks[week] = weeks.get(week, 0) + 1
    summary["reports_per_week"] = dict(sorted(weeks.items()))
    summary["stale"] = True  # harm, brands and indicator lists are refreshed by the next `scamtrace link`
    conn.execute(
        update(operations)
        .where(operations.c.id == op_id)
        .values(
            reports=operations.c.reports + 1,
            incidents=operations.c.incidents + 1,
            first_seen=min(row.first_seen, day) if row.first_seen else day,
            last_seen=max(row.last_seen, day) if row.last_seen else day,
            summary=summary,
            updated_at=datetime.now(UTC).replace(tzinfo=None),
        )
    )
