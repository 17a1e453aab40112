"""Operation summaries and the harm ranking.

Harm answers the analyst's question "which call centre first?":

    harm = (incidents + losses_usd / 500) × (1 + share_60plus) × recency × growth

``recency`` halves for every 90 days since the operation was last seen, counted
back from the newest report in the store (not the wall clock, so a rebuild of
the same data ranks the same); ``growth`` is 1 + the relative change between the
last 28 days and the 28 before, clamped to [0.5, 2].
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from scamtrace.domain.money import usd_estimate
from scamtrace.store.codec import EPOCH_DAY
from scamtrace.store.tables import (
    assignments,
    indicators,
    operation_evidence,
    operations,
    report_indicators,
    reports,
)

SUMMARY_INDICATOR_LIMIT = 100


def _day(n: int) -> date:
    return EPOCH_DAY + timedelta(days=int(n))


def write_summaries(conn: Connection, op_ids: Sequence[str]) -> None:
    if not op_ids:
        return
    newest = conn.execute(select(func.max(reports.c.day_number))).scalar() or 0
    data: dict[str, dict[str, Any]] = defaultdict(
        lambda: {
            "reports": 0,
            "keys": [],
            "countries": Counter(),
            "ages": Counter(),
            "losses": defaultdict(float),
            "weeks": Counter(),
            "days": [],
            "tss": 0,
            "lures": Counter(),
            "tools": Counter(),
            "methods": Counter(),
            "scam_types": Counter(),
            "sources": Counter(),
        }
    )
    wanted = set(op_ids)
    q = select(
        assignments.c.operation_id,
        reports.c.day_number,
        reports.c.victim_country,
        reports.c.victim_age_band,
        reports.c.incident_key,
        reports.c.is_tss,
        reports.c.scam_type,
        reports.c.source,
        reports.c.facts,
    ).select_from(assignments.join(reports, reports.c.id == assignments.c.report_pk))
    for op, day, country, age, key, is_tss, scam_type, source, facts in _in_chunks(conn, q, assignments.c.operation_id, op_ids):
        d = data[op]
        d["reports"] += 1
        d["keys"].append(key.split() if key else [])
        d["countries"][country or "unknown"] += 1
        d["ages"][age or "unknown"] += 1
        d["weeks"][day // 7] += 1
        d["days"].append(day)
        d["tss"] += 1 if is_tss else 0
        d["scam_types"][scam_type or "unknown"] += 1
        d["sources"][source] += 1
        facts = facts or {}
        for cur, amount in (facts.get("losses") or {}).items():
            d["losses"][cur] += float(amount)
        for lure in facts.get("lures") or ():
            d["lures"][lure] += 1
        for tool in facts.get("tools") or ():
            d["tools"][tool] += 1
        for pay in facts.get("payments") or ():
            if isinstance(pay, dict) and pay.get("method"):
                d["methods"][pay["method"]] += 1

    brands = _weak_counts(conn, wanted, "brand")
    aliases = _weak_counts(conn, wanted, "alias")
    inds = _indicator_lists(conn, wanted)
    rows = []
    for op in op_ids:
        d = data[op]
        if not d["reports"]:
            continue
        incidents = count_incidents(d["keys"])
        first, last = min(d["days"]), max(d["days"])
        known_age = sum(v for k, v in d["ages"].items() if k != "unknown")
        share_60 = d["ages"]["60+"] / known_age if known_age else 0.0
        loss_usd = usd_estimate(d["losses"])
        recent = sum(1 for x in d["days"] if x > newest - 28)
        before = sum(1 for x in d["days"] if newest - 56 < x <= newest - 28)
        growth = min(2.0, max(0.5, 1.0 + (recent - before) / max(before, 1)))
        recency = 0.5 ** ((newest - last) / 90)
        harm = (incidents + loss_usd / 500) * (1 + share_60) * recency * growth
        summary = {
            "victims_by_country": dict(d["countries"].most_common()),
            "age_bands": dict(d["ages"].most_common()),
            "share_60_plus": round(share_60, 3),
            "losses": {k: round(v, 2) for k, v in sorted(d["losses"].items())},
            "losses_usd_estimate": round(loss_usd, 2),
            "reports_per_week": {_day(w * 7).isoformat(): n for w, n in sorted(d["weeks"].items())},
            "recent_28d": recent,
            "previous_28d": before,
            "brands": brands.get(op, {}),
            "aliases": aliases.get(op, {}),
            "lures": dict(d["lures"].most_common()),
            "tools": dict(d["tools"].most_common()),
            "payment_methods": dict(d["methods"].most_common()),
            "scam_types": dict(d["scam_types"].most_common()),
            "sources": dict(d["sources"].most_common()),
            "indicators": inds.get(op, []),
        }
        rows.append(
            {
                "_id": op,
                "reports": d["reports"],
                "incidents": incidents,
                "is_tss": d["tss"] * 2 > d["reports"],
                "harm": round(harm, 4),
                "first_seen": _day(first),
                "last_seen": _day(last),
                "summary": summary,
            }
        )
    if rows:
        stmt = update(operations).where(operations.c.id == bindparam("_id")).values(
            reports=bindparam("reports"),
            incidents=bindparam("incidents"),
            is_tss=bindparam("is_tss"),
            harm=bindparam("harm"),
            first_seen=bindparam("first_seen"),
            last_seen=bindparam("last_seen"),
            summary=bindparam("summary"),
        )
        conn.execute(stmt, rows)


def count_incidents(keys: list[list[str]]) -> int:
    """Reports sharing any incident key are one incident (union-find over the keys)."""
    parent = list(range(len(keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[str, int] = {}
    for i, ks in enumerate(keys):
        for k in ks:
            j = first.setdefault(k, i)
            if j != i:
                parent[find(i)] = find(j)
    return sum(1 for i in range(len(keys)) if find(i) == i)


def _in_chunks(conn: Connection, q: Any, column: Any, values: Sequence[str], size: int = 500) -> Any:
    """Run ``q`` restricted to ``column IN values``, a bounded number of parameters at a time."""
    for i in range(0, len(values), size):
        yield from conn.execute(q.where(column.in_(list(values[i : i + size]))))


def _weak_counts(conn: Connection, wanted: set[str], kind: str) -> dict[str, dict[str, int]]:
    q = (
        select(assignments.c.operation_id, indicators.c.value, func.count())
        .select_from(
            assignments.join(report_indicators, report_indicators.c.report_pk == assignments.c.report_pk).join(
                indicators, indicators.c.id == report_indicators.c.indicator_id
            )
        )
        .where(indicators.c.kind == kind)
        .group_by(assignments.c.operation_id, indicators.c.value)
    )
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for op, value, n in _in_chunks(conn, q, assignments.c.operation_id, sorted(wanted)):
        out[op][value] = n
    return {op: dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:20]) for op, v in out.items()}


def _indicator_lists(conn: Connection, wanted: set[str]) -> dict[str, list[dict[str, Any]]]:
    q = (
        select(
            operation_evidence.c.operation_id,
            indicators.c.kind,
            indicators.c.value,
            operation_evidence.c.first_day,
            operation_evidence.c.last_day,
            operation_evidence.c.reports,
            operation_evidence.c.status,
        )
        .select_from(operation_evidence.join(indicators, indicators.c.id == operation_evidence.c.indicator_id))
        .order_by(operation_evidence.c.operation_id, operation_evidence.c.reports.desc(), indicators.c.kind, indicators.c.value)
    )
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for op, kind, value, first, last, n, status in _in_chunks(conn, q, operation_evidence.c.operation_id, sorted(wanted)):
        if len(out[op]) < SUMMARY_INDICATOR_LIMIT:
            out[op].append({"kind": kind, "value": value, "first_seen": first.isoformat(), "last_seen": last.isoformat(), "reports": n, "status": status})
    return out
