"""Why reports sit in one operation, and why an operation stands apart from its neighbours."""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Any

from sqlalchemy import Connection, and_, func, select

from scamtrace.errors import NotFound
from scamtrace.store import Store
from scamtrace.store.tables import (
    assignments,
    indicators,
    operation_evidence,
    operations,
    report_indicators,
    reports,
)

WEAK_KINDS = ("brand", "alias")


def _op_reports(conn: Connection, op_id: str) -> dict[int, dict[str, Any]]:
    q = (
        select(reports.c.id, reports.c.source, reports.c.report_id, reports.c.incident_day)
        .select_from(assignments.join(reports, reports.c.id == assignments.c.report_pk))
        .where(assignments.c.operation_id == op_id)
    )
    return {pk: {"source": s, "report_id": r, "day": d.isoformat() if d else None} for pk, s, r, d in conn.execute(q)}


def _require(conn: Connection, op_id: str) -> None:
    if conn.execute(select(operations.c.id).where(operations.c.id == op_id)).first() is None:
        raise NotFound(f"no operation {op_id!r}; list them with: scamtrace operations")


def explain_path(store: Store, op_id: str, a: tuple[str, str], b: tuple[str, str]) -> list[dict[str, Any]]:
    """The chain of shared indicators (with roles and dates) joining report ``a`` to report ``b``.

    Each step: ``{"from", "to", "indicator": {"kind", "value", "role"}, "days": [day_from, day_to]}``.
    Raises :class:`NotFound` if either report is not in the operation.
    """
    with store.engine.connect() as conn:
        _require(conn, op_id)
        members = _op_reports(conn, op_id)
        by_key = {(m["source"], m["report_id"]): pk for pk, m in members.items()}
        for key in (a, b):
            if key not in by_key:
                raise NotFound(f"report {key[0]}/{key[1]} is not in operation {op_id}")
        ev = conn.execute(
            select(operation_evidence.c.indicator_id, operation_evidence.c.first_day, operation_evidence.c.last_day).where(
                and_(operation_evidence.c.operation_id == op_id, operation_evidence.c.status == "link")
            )
        ).all()
        windows: dict[int, list[tuple[Any, Any]]] = defaultdict(list)
        for iid, first, last in ev:
            windows[iid].append((first, last))
        q = (
            select(report_indicators.c.report_pk, report_indicators.c.indicator_id, report_indicators.c.role, indicators.c.kind, indicators.c.value, reports.c.incident_day)
            .select_from(
                assignments.join(report_indicators, report_indicators.c.report_pk == assignments.c.report_pk)
                .join(indicators, indicators.c.id == report_indicators.c.indicator_id)
                .join(reports, reports.c.id == assignments.c.report_pk)
            )
            .where(assignments.c.operation_id == op_id)
        )
        node_reports: dict[tuple[int, Any], list[int]] = defaultdict(list)
        report_nodes: dict[int, list[tuple[int, Any]]] = defaultdict(list)
        labels: dict[int, dict[str, str]] = {}
        for pk, iid, role, kind, value, day in conn.execute(q):
            for first, last in windows.get(iid, ()):
                if first <= day <= last:
                    node = (iid, first)
                    node_reports[node].append(pk)
                    report_nodes[pk].append(node)
                    labels[iid] = {"kind": kind, "value": value, "role": role}
    start, goal = by_key[a], by_key[b]
    prev: dict[int, tuple[int, tuple[int, Any]] | None] = {start: None}
    queue = deque([start])
    while queue and goal not in prev:
        cur = queue.popleft()
        for node in sorted(report_nodes.get(cur, ()), key=lambda n: (n[0], str(n[1]))):
            for nxt in node_reports[node]:
                if nxt not in prev:
                    prev[nxt] = (cur, node)
                    queue.append(nxt)
    if goal not in prev:
        # joined only through a near-identical honeypot recording
        return [{"from": f"{a[0]}/{a[1]}", "to": f"{b[0]}/{b[1]}", "indicator": {"kind": "transcript", "value": "near-identical recording", "role": "scammer"}, "days": [members[start]["day"], members[goal]["day"]]}]
    steps = []
    cur = goal
    while prev[cur] is not None:
        frm, node = prev[cur]  # type: ignore[misc]
        steps.append(
            {
                "from": "{source}/{report_id}".format(**members[frm]),
                "to": "{source}/{report_id}".format(**members[cur]),
                "indicator": labels[node[0]],
                "days": [members[frm]["day"], members[cur]["day"]],
            }
        )
        cur = frm
    return list(reversed(steps))


def explain_operation(store: Store, op_id: str, neighbours: int = 3) -> dict[str, Any]:
    """What links the operation, what was held back, and why its nearest neighbours stay apart."""
    with store.engine.connect() as conn:
        _require(conn, op_id)
        ev = conn.execute(
            select(indicators.c.id, indicators.c.kind, indicators.c.value, operation_evidence.c.first_day, operation_evidence.c.last_day, operation_evidence.c.reports, operation_evidence.c.status)
            .select_from(operation_evidence.join(indicators, indicators.c.id == operation_evidence.c.indicator_id))
            .where(operation_evidence.c.operation_id == op_id)
            .order_by(operation_evidence.c.reports.desc(), indicators.c.kind, indicators.c.value)
        ).all()
        links = [{"kind": k, "value": v, "first_seen": f.isoformat(), "last_seen": last.isoformat(), "reports": n} for _i, k, v, f, last, n, s in ev if s == "link"]
        own_ids = {i for i, *_ in ev}
        own_windows = {(i, f): (f, last) for i, _k, _v, f, last, _n, _s in ev}
        # Other operations sharing any indicator (in another epoch, or through a suspect bridge).
        shared = conn.execute(
            select(operation_evidence.c.operation_id, indicators.c.id, indicators.c.kind, indicators.c.value, operation_evidence.c.first_day, operation_evidence.c.last_day, operation_evidence.c.status)
            .select_from(operation_evidence.join(indicators, indicators.c.id == operation_evidence.c.indicator_id))
            .where(and_(operation_evidence.c.indicator_id.in_(own_ids), operation_evidence.c.operation_id != op_id))
        ).all() if own_ids else []
        weak_q = (
            select(indicators.c.kind, indicators.c.value)
            .select_from(assignments.join(report_indicators, report_indicators.c.report_pk == assignments.c.report_pk).join(indicators, indicators.c.id == report_indicators.c.indicator_id))
            .where(and_(assignments.c.operation_id == op_id, indicators.c.kind.in_(WEAK_KINDS)))
            .distinct()
        )
        weak = {(k, v) for k, v in conn.execute(weak_q)}
        reasons: dict[str, list[str]] = defaultdict(list)
        for other, iid, kind, value, first, last, status in shared:
            mine = [w for (i, _f), w in own_windows.items() if i == iid]
            mine_status = next((s for i, _k, _v, f, _l, _n, s in ev if i == iid), "link")
            if status == "suspect" or mine_status == "suspect":
                reasons[other].append(f"shares {kind} {value}, held back as a suspect bridge: it touches several substantial operations and is a small share of each")
            else:
                gap = min(abs((first - w[1]).days) if first > w[1] else abs((w[0] - last).days) for w in mine) if mine else 0
                reasons[other].append(f"shares {kind} {value}, but {gap} days apart ({first.isoformat()}–{last.isoformat()} there): numbers and domains are recycled, so time splits them")
        if weak:
            # Operations sharing weak signals only: a shared alias or brand never links alone.
            wq = (
                select(assignments.c.operation_id, indicators.c.kind, indicators.c.value, func.count())
                .select_from(assignments.join(report_indicators, report_indicators.c.report_pk == assignments.c.report_pk).join(indicators, indicators.c.id == report_indicators.c.indicator_id))
                .where(and_(indicators.c.kind == "alias", indicators.c.value.in_(sorted(v for k, v in weak if k == "alias")), assignments.c.operation_id != op_id))
                .group_by(assignments.c.operation_id, indicators.c.kind, indicators.c.value)
            )
            for other, kind, value, n in conn.execute(wq):
                if len(reasons[other]) < 8:
                    reasons[other].append(f"shares {kind} {value!r} ({n} reports there): a weak signal, never a link on its own")
    ranked = sorted(reasons.items(), key=lambda kv: (-sum(1 for r in kv[1] if not r.startswith("shares alias")), -len(kv[1]), kv[0]))[:neighbours]
    return {
        "operation_id": op_id,
        "links": links,
        "suspect_bridges": [{"kind": k, "value": v, "first_seen": f.isoformat(), "last_seen": last.isoformat(), "reports": n} for _i, k, v, f, last, n, s in ev if s == "suspect"],
        "not_merged_with": [{"operation_id": other, "reasons": rs} for other, rs in ranked],
    }
