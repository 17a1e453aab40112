"""Read-side lookups the web needs beyond the CLI's: an indicator's operations,
the filtered operation board with weekly trends, and an operation's graph.

None of these touch personal data: victim-role values live in
``victim_indicators``, which no query here reads, so "is this number known?"
never confirms a victim's own number.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, select

from scamtrace.errors import NotFound
from scamtrace.services.queries import operation_row
from scamtrace.store import Store
from scamtrace.store.tables import (
    assignments,
    indicators,
    operation_evidence,
    operations,
    report_indicators,
    reports,
)

KINDS = ("phone", "domain", "url", "email", "ip", "remote_id", "bank_account", "upi", "crypto_wallet", "merchant", "brand", "alias")
GRAPH_MAX_REPORTS = 300
GRAPH_MAX_INDICATORS = 150


# --- indicator lookup ------------------------------------------------------------------------


def _probe(kind: str, value: str) -> Any:
    """A minimal report carrying ``value`` where extraction expects that kind of fact."""
    from datetime import UTC, datetime

    from scamtrace.domain import Caller, Payment, RemoteAccess, Report

    base: dict[str, Any] = {"report_id": "lookup", "source": "lookup", "received_at": datetime.now(UTC)}
    if kind == "phone":
        return Report(**base, caller=Caller(phone=value))
    if kind in ("domain", "url"):
        return Report(**base, websites=(value,))
    if kind == "remote_id" and ":" in value:
        tool, _, rid = value.partition(":")
        return Report(**base, remote_access=RemoteAccess(tool=tool, id=rid))
    if kind == "merchant":
        return Report(**base, payments=(Payment(method="card", merchant=value),))
    if kind == "brand":
        return Report(**base, caller=Caller(claimed_company=value))
    if kind == "alias":
        return Report(**base, caller=Caller(name=value))
    return Report(**base, narrative=value)


def _extracted_forms(kind: str, value: str) -> list[str]:
    """The canonical values extraction itself gives ``value`` (its own normalisation, no copy of it)."""
    try:
        from scamtrace.extract import extract_report
    except ImportError:  # extraction not installed: exact match only
        return []
    try:
        found = extract_report(_probe(kind, value))
    except Exception:  # a value extraction cannot handle is looked up as typed
        return []
    return [i.value for i in found.indicators if i.kind.value == kind]


def _fallback_forms(kind: str, value: str) -> list[str]:
    """Case rules from indicators.md that need no extraction code."""
    v = value.strip()
    forms = [v]
    if kind in ("domain", "email", "upi"):
        forms.append(v.lower())
    elif kind == "merchant":
        forms.append(" ".join(v.upper().split()))
    return forms


def candidate_values(kind: str, value: str) -> list[str]:
    return list(dict.fromkeys(_extracted_forms(kind, value) + _fallback_forms(kind, value)))


def lookup_indicator(store: Store, kind: str, value: str) -> dict[str, Any]:
    """Is this value known, in which role, and in which operations?"""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    forms = candidate_values(kind, value)
    matches = []
    with store.engine.connect() as conn:
        found = conn.execute(select(indicators.c.id, indicators.c.value).where(indicators.c.kind == kind, indicators.c.value.in_(forms))).all()
        for iid, canon in found:
            roles: dict[str, int] = dict(
                conn.execute(
                    select(report_indicators.c.role, func.count()).where(report_indicators.c.indicator_id == iid).group_by(report_indicators.c.role)
                ).all()
            )
            span = conn.execute(
                select(func.min(reports.c.incident_day), func.max(reports.c.incident_day), func.count(func.distinct(reports.c.id)))
                .select_from(report_indicators.join(reports, reports.c.id == report_indicators.c.report_pk))
                .where(report_indicators.c.indicator_id == iid)
            ).one()
            ops = conn.execute(
                select(assignments.c.operation_id, func.count(func.distinct(assignments.c.report_pk)), operations.c.harm, operations.c.is_tss)
                .select_from(
                    report_indicators.join(assignments, assignments.c.report_pk == report_indicators.c.report_pk).join(
                        operations, operations.c.id == assignments.c.operation_id
                    )
                )
                .where(report_indicators.c.indicator_id == iid)
                .group_by(assignments.c.operation_id, operations.c.harm, operations.c.is_tss)
                .order_by(operations.c.harm.desc())
            ).all()
            evidence = defaultdict(list)
            for op, first, last, n, status in conn.execute(
                select(operation_evidence.c.operation_id, operation_evidence.c.first_day, operation_evidence.c.last_day, operation_evidence.c.reports, operation_evidence.c.status).where(
                    operation_evidence.c.indicator_id == iid
                )
            ):
                evidence[op].append({"first_seen": first.isoformat(), "last_seen": last.isoformat(), "reports": n, "status": status})
            matches.append(
                {
                    "kind": kind,
                    "value": canon,
                    "reports": int(span[2]),
                    "first_seen": span[0].isoformat() if span[0] else None,
                    "last_seen": span[1].isoformat() if span[1] else None,
                    "roles": {str(k): int(v) for k, v in roles.items()},
                    "operations": [
                        {"operation_id": op, "reports": int(n), "harm": harm, "is_tss": bool(tss), "links": evidence.get(op, [])}
                        for op, n, harm, tss in ops
                    ],
                }
            )
    return {"kind": kind, "query": value, "normalised": forms, "known": bool(matches), "matches": matches}


# --- the operation board ---------------------------------------------------------------------


def _weekly(series: dict[str, int], end: date) -> list[int]:
    """Reports per week from the operation's first week to the week of ``end`` (zeros included).

    Running to the store's newest week, not the operation's last, shows at a
    glance whether an operation has gone quiet.
    """
    by_week: dict[int, int] = defaultdict(int)
    for day, n in series.items():
        try:
            d = date.fromisoformat(day)
        except ValueError:
            continue
        by_week[d.toordinal() // 7] += int(n)
    if not by_week:
        return []
    last = max(end.toordinal() // 7, max(by_week))
    return [by_week.get(w, 0) for w in range(min(by_week), last + 1)]


def operations_board(
    store: Store,
    *,
    tss_only: bool = False,
    country: str | None = None,
    min_reports: int = 0,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Operations ranked by harm (rank over all operations), filtered, with weekly counts each.

    Victim countries sit in the summary JSON, so that filter runs here rather
    than in SQL (JSON operators differ between SQLite and PostgreSQL); rows
    stream in harm order and stop once the page is full.
    """
    limit = max(1, min(limit, 200))
    cc = country.upper() if country else None
    with store.engine.connect() as conn:
        newest = conn.execute(select(func.max(operations.c.last_seen))).scalar() or date.today()
        q = select(operations).order_by(operations.c.harm.desc(), operations.c.id)
        items: list[dict[str, Any]] = []
        skipped = 0
        has_more = False
        for rank, row in enumerate(conn.execution_options(yield_per=500).execute(q), start=1):
            if tss_only and not row.is_tss:
                continue
            if row.reports < min_reports:
                continue
            if cc and cc not in ((row.summary or {}).get("victims_by_country") or {}):
                continue
            if skipped < offset:
                skipped += 1
                continue
            if len(items) == limit:
                has_more = True
                break
            item = operation_row(row, rank)
            item["weekly"] = _weekly((row.summary or {}).get("reports_per_week") or {}, newest)
            items.append(item)
    return {"items": items, "has_more": has_more, "weeks_ending": newest.isoformat()}


def weekly_timeline(summary: dict[str, Any]) -> list[tuple[str, int]]:
    """(week start, reports) for every week from first to last, zeros included."""
    series = summary.get("reports_per_week") or {}
    days = sorted(date.fromisoformat(d) for d in series)
    if not days:
        return []
    counts = {date.fromisoformat(d): int(n) for d, n in series.items()}
    out = []
    d = days[0]
    while d <= days[-1]:
        out.append((d.isoformat(), counts.get(d, 0)))
        d += timedelta(days=7)
    return out


# --- an operation's graph ----------------------------------------------------------------------


def operation_graph(store: Store, op_id: str, *, anonymise: bool = False, max_reports: int = GRAPH_MAX_REPORTS) -> dict[str, Any]:
    """Reports and the indicators that link them, as Cytoscape elements.

    With ``anonymise`` (partners) report nodes carry no report id. Large
    operations show their most recent ``max_reports`` reports.
    """
    with store.engine.connect() as conn:
        if conn.execute(select(operations.c.id).where(operations.c.id == op_id)).first() is None:
            raise NotFound(f"no operation {op_id!r}")
        ev = conn.execute(
            select(indicators.c.id, indicators.c.kind, indicators.c.value, operation_evidence.c.status, func.sum(operation_evidence.c.reports).label("n"))
            .select_from(operation_evidence.join(indicators, indicators.c.id == operation_evidence.c.indicator_id))
            .where(operation_evidence.c.operation_id == op_id)
            .group_by(indicators.c.id, indicators.c.kind, indicators.c.value, operation_evidence.c.status)
            .order_by(func.sum(operation_evidence.c.reports).desc(), indicators.c.id)
            .limit(GRAPH_MAX_INDICATORS)
        ).all()
        total = conn.execute(select(func.count()).select_from(assignments).where(assignments.c.operation_id == op_id)).scalar_one()
        members = conn.execute(
            select(reports.c.id, reports.c.source, reports.c.report_id, reports.c.incident_day, reports.c.is_tss)
            .select_from(assignments.join(reports, reports.c.id == assignments.c.report_pk))
            .where(assignments.c.operation_id == op_id)
            .order_by(reports.c.day_number.desc(), reports.c.id.desc())
            .limit(max_reports)
        ).all()
        ind_ids = [r.id for r in ev]
        pks = [m.id for m in members]
        edges = conn.execute(
            select(report_indicators.c.report_pk, report_indicators.c.indicator_id, report_indicators.c.role).where(
                and_(report_indicators.c.report_pk.in_(pks), report_indicators.c.indicator_id.in_(ind_ids))
            )
        ).all() if pks and ind_ids else []
    nodes: list[dict[str, Any]] = []
    for i, m in enumerate(members):
        label = "" if anonymise else f"{m.source}/{m.report_id}"
        data: dict[str, Any] = {"id": f"r{i}" if anonymise else f"r{m.id}", "type": "report", "label": label, "is_tss": bool(m.is_tss)}
        if not anonymise:
            data["pk"] = m.id
            data["day"] = m.incident_day.isoformat() if m.incident_day else None
        nodes.append({"data": data})
    node_of = {m.id: (f"r{i}" if anonymise else f"r{m.id}") for i, m in enumerate(members)}
    for r in ev:
        nodes.append({"data": {"id": f"i{r.id}", "type": "indicator", "kind": r.kind, "label": r.value, "status": r.status, "reports": int(r.n or 0)}})
    seen: set[tuple[int, int]] = set()
    out_edges: list[dict[str, Any]] = []
    for pk, iid, role in edges:
        if (pk, iid) in seen:
            continue
        seen.add((pk, iid))
        out_edges.append({"data": {"id": f"e{pk}-{iid}" if not anonymise else f"e{len(out_edges)}", "source": node_of[pk], "target": f"i{iid}", "role": role}})
    return {
        "operation_id": op_id,
        "elements": {"nodes": nodes, "edges": out_edges},
        "reports_total": int(total),
        "reports_shown": len(members),
        "truncated": int(total) > len(members),
    }


def operation_attributions(store: Store, op_id: str) -> list[dict[str, Any]]:
    """Location hypotheses: the attribute stage's ranked rows, else the operation's ``location`` list."""
    from scamtrace.store.tables import attributions

    with store.engine.connect() as conn:
        rows = conn.execute(select(attributions).where(attributions.c.operation_id == op_id).order_by(attributions.c.rank)).all()
        if rows:
            return [
                {"rank": r.rank, "country": r.country, "region": r.region, "city": r.city, "confidence": r.confidence, "evidence": r.evidence or []}
                for r in rows
            ]
        loc = conn.execute(select(operations.c.location).where(operations.c.id == op_id)).scalar()
    return [dict(item, rank=i + 1, evidence=item.get("evidence", [])) for i, item in enumerate(loc or []) if isinstance(item, dict)]


def operation_members(store: Store, op_id: str) -> list[dict[str, Any]]:
    """The reports assigned to an operation (ids only, no narrative)."""
    with store.engine.connect() as conn:
        if conn.execute(select(operations.c.id).where(operations.c.id == op_id)).first() is None:
            raise NotFound(f"no operation {op_id!r}")
        rows = conn.execute(
            select(reports.c.id, reports.c.source, reports.c.report_id, reports.c.is_tss)
            .select_from(assignments.join(reports, reports.c.id == assignments.c.report_pk))
            .where(assignments.c.operation_id == op_id)
            .order_by(reports.c.id)
        ).all()
    return [{"pk": r.id, "source": r.source, "report_id": r.report_id, "is_tss": bool(r.is_tss)} for r in rows]


# --- referrals written by the referral stage ----------------------------------------------------


def _referral(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "operation_id": row.operation_id,
        "recipient": row.recipient,
        "created_by": row.created_by,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "files": row.files or {},
        "out_dir": row.out_dir,
    }


def list_referrals(store: Store, operation_id: str | None = None, *, limit: int = 200) -> list[dict[str, Any]]:
    from scamtrace.store.tables import referrals

    q = select(referrals).order_by(referrals.c.created_at.desc(), referrals.c.id).limit(limit)
    if operation_id:
        q = q.where(referrals.c.operation_id == operation_id)
    with store.engine.connect() as conn:
        return [_referral(r) for r in conn.execute(q)]


def get_referral(store: Store, ref_id: str) -> dict[str, Any]:
    from scamtrace.store.tables import referrals

    with store.engine.connect() as conn:
        row = conn.execute(select(referrals).where(referrals.c.id == ref_id)).first()
    if row is None:
        raise NotFound(f"no referral {ref_id!r}")
    return _referral(row)
