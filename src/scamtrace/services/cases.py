"""Enforcement cases through the store: every change audited (before/after), deadlines, disruption.

The web's case board finds :func:`list_cases`, :func:`get_case` and
:func:`upcoming_deadlines` here. Nothing in this module logs personal data.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, update

from scamtrace.cases.deadlines import KINDS, Remand, check_remand, coming, custody_status
from scamtrace.cases.disruption import weekly
from scamtrace.cases.rules import custody_rules
from scamtrace.errors import InputError, NotFound
from scamtrace.services.audit import Actor, append_conn
from scamtrace.store import Store
from scamtrace.store.case_tables import (
    accused,
    arrests,
    case_operations,
    cases,
    frozen_accounts,
    raids,
    remands,
    seizures,
)
from scamtrace.store.tables import assignments, indicators, operation_evidence, operations, reports

ROLES = ("owner", "manager", "telecaller", "other")
EDITABLE = (
    "fir_number", "fir_year", "police_station", "district", "state", "jurisdiction", "sections",
    "complainant", "investigating_officer", "complaint_refs", "custody_period", "charge_sheet_filed",
)  # fmt: skip


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _json(v: Any) -> Any:
    """Plain JSON values for audit details (dates as ISO strings)."""
    if isinstance(v, date | datetime):
        return v.isoformat()
    if isinstance(v, Mapping):
        return {str(k): _json(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_json(x) for x in v]
    return v


def _row(conn: Connection, table: Table, key: Any) -> dict[str, Any] | None:
    r = conn.execute(select(table).where(table.c.id == key)).first()
    return dict(r._mapping) if r else None


def _case_row(conn: Connection, case_id: str) -> dict[str, Any]:
    row = _row(conn, cases, case_id)
    if row is None:
        raise NotFound(f"no case {case_id!r}; see `scamtrace case list`")
    return row


def _add(conn: Connection, actor: Actor, table: Table, action: str, target: str, values: dict[str, Any]) -> int:
    new_id = int(conn.execute(insert(table).values(**values).returning(table.c.id)).scalar_one())
    append_conn(conn, actor, action, target=target, detail={"table": table.name, "id": new_id, "before": None, "after": _json(values)})
    conn.execute(update(cases).where(cases.c.id == target).values(updated_at=_now()))
    return new_id


def parse_section(text: str) -> dict[str, str]:
    """``"BNS 318(4)"`` → ``{"statute": "BNS", "section": "318(4)"}`` (the last word is the section)."""
    statute, _, section = text.strip().rpartition(" ")
    if not statute or not section:
        raise InputError(f"section {text!r}: write the statute then the section, e.g. 'BNS 318(4)' or 'IT Act 66D'")
    return {"statute": statute.strip(), "section": section}


def _check_period(period: int) -> None:
    if period not in (60, 90):
        raise InputError(f"custody period must be 60 or 90 days, not {period}")


def create_case(
    store: Store,
    actor: Actor,
    *,
    fir_number: str,
    fir_year: int,
    police_station: str,
    district: str | None = None,
    state: str | None = None,
    jurisdiction: str = "IN",
    sections: list[dict[str, str]] | None = None,
    complainant: str | None = None,
    investigating_officer: str | None = None,
    complaint_refs: list[str] | None = None,
    custody_period: int = 60,
    operation_ids: list[str] | None = None,
) -> str:
    """A new case; 60-day custody period unless told 90 (the earlier, safer deadlines)."""
    _check_period(custody_period)
    now = _now()
    case_id = f"case-{secrets.token_hex(5)}"
    values: dict[str, Any] = {
        "id": case_id, "fir_number": fir_number, "fir_year": fir_year, "police_station": police_station,
        "district": district, "state": state, "jurisdiction": jurisdiction.upper(), "sections": list(sections or []),
        "complainant": complainant, "investigating_officer": investigating_officer,
        "complaint_refs": list(complaint_refs or []), "custody_period": custody_period, "charge_sheet_filed": None,
        "created_by": actor.name, "created_at": now, "updated_at": now,
    }  # fmt: skip
    with store.engine.begin() as conn:
        conn.execute(insert(cases).values(**values))
        append_conn(conn, actor, "case_create", target=case_id, detail={"before": None, "after": _json(values)})
        for op_id in operation_ids or []:
            _link(conn, actor, case_id, op_id)
    return case_id


def update_case(store: Store, actor: Actor, case_id: str, **changes: Any) -> dict[str, Any]:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InputError(f"cannot change {sorted(unknown)}; editable: {', '.join(EDITABLE)}")
    if "custody_period" in changes:
        _check_period(int(changes["custody_period"]))
    with store.engine.begin() as conn:
        before = _case_row(conn, case_id)
        conn.execute(update(cases).where(cases.c.id == case_id).values(**changes, updated_at=_now()))
        old = {k: before[k] for k in changes}
        append_conn(conn, actor, "case_update", target=case_id, detail={"before": _json(old), "after": _json(changes)})
        return _case_row(conn, case_id)


def _link(conn: Connection, actor: Actor, case_id: str, operation_id: str) -> None:
    if conn.execute(select(operations.c.id).where(operations.c.id == operation_id)).first() is None:
        raise NotFound(f"no operation {operation_id!r}; see `scamtrace operations`")
    exists = conn.execute(
        select(case_operations.c.case_id).where(case_operations.c.case_id == case_id, case_operations.c.operation_id == operation_id)
    ).first()
    if exists:
        return
    conn.execute(insert(case_operations).values(case_id=case_id, operation_id=operation_id, linked_at=_now()))
    append_conn(conn, actor, "case_link_operation", target=case_id, detail={"before": None, "after": {"operation_id": operation_id}})


def link_operation(store: Store, actor: Actor, case_id: str, operation_id: str) -> None:
    with store.engine.begin() as conn:
        _case_row(conn, case_id)
        _link(conn, actor, case_id, operation_id)


def add_raid(store: Store, actor: Actor, case_id: str, *, at: datetime, address: str, lat: float | None = None, lon: float | None = None, units: str | None = None) -> int:
    with store.engine.begin() as conn:
        _case_row(conn, case_id)
        return _add(conn, actor, raids, "case_add_raid", case_id, {"case_id": case_id, "at": at, "address": address, "lat": lat, "lon": lon, "units": units})


def add_accused(store: Store, actor: Actor, case_id: str, *, name: str, role: str = "other", status: str = "named") -> int:
    if role not in ROLES:
        raise InputError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    with store.engine.begin() as conn:
        _case_row(conn, case_id)
        return _add(conn, actor, accused, "case_add_accused", case_id, {"case_id": case_id, "name": name, "role": role, "status": status})


def add_arrest(store: Store, actor: Actor, accused_id: int, *, at: datetime) -> int:
    with store.engine.begin() as conn:
        person = _row(conn, accused, accused_id)
        if person is None:
            raise NotFound(f"no accused {accused_id}")
        arrest_id = _add(conn, actor, arrests, "case_add_arrest", person["case_id"], {"accused_id": accused_id, "at": at})
        conn.execute(update(accused).where(accused.c.id == accused_id).values(status="arrested"))
        append_conn(conn, actor, "case_update_accused", target=person["case_id"], detail={"table": "accused", "id": accused_id, "before": {"status": person["status"]}, "after": {"status": "arrested"}})
        return arrest_id


def add_seizure(store: Store, actor: Actor, raid_id: int, *, item_type: str, count: int = 1, make_model: str | None = None, identifier: str | None = None, image_hash: str | None = None, witness: str | None = None, memo_ref: str | None = None) -> int:
    with store.engine.begin() as conn:
        raid = _row(conn, raids, raid_id)
        if raid is None:
            raise NotFound(f"no raid {raid_id}")
        values = {"raid_id": raid_id, "item_type": item_type, "count": count, "make_model": make_model, "identifier": identifier, "image_hash": image_hash, "witness": witness, "memo_ref": memo_ref}
        return _add(conn, actor, seizures, "case_add_seizure", raid["case_id"], values)


def add_frozen_account(store: Store, actor: Actor, case_id: str, *, account: str, amount: float | None = None, currency: str | None = None) -> int:
    with store.engine.begin() as conn:
        _case_row(conn, case_id)
        return _add(conn, actor, frozen_accounts, "case_add_frozen_account", case_id, {"case_id": case_id, "account": account, "amount": amount, "currency": currency})


def add_remand(
    store: Store, actor: Actor, case_id: str, *, court: str, kind: str, start: date, end: date, accused_id: int | None = None, force: bool = False
) -> tuple[int, list[str]]:
    """Record a remand order; returns its id and the s.187 problems it raises.

    A police remand that would break s.187 (over 15 days, or past the 40/60-day
    window) is refused with :class:`InputError` unless ``force`` (the court's
    order is what it is: record it, and the problems stay flagged on the case).
    """
    if kind not in KINDS:
        raise InputError(f"remand kind must be police or judicial, not {kind!r}")
    if end < start:
        raise InputError(f"remand ends ({end}) before it starts ({start})")
    with store.engine.begin() as conn:
        case = _case_row(conn, case_id)
        existing = _remands(conn, case_id, accused_id)
        rules = custody_rules(case["jurisdiction"]) if case["jurisdiction"] == "IN" else custody_rules()
        problems = check_remand(existing, Remand(start, end, kind), int(case["custody_period"]), rules)
        if problems and not force:
            raise InputError("; ".join(problems) + " (record it anyway with --force)")
        values = {"case_id": case_id, "accused_id": accused_id, "court": court, "kind": kind, "from_date": start, "to_date": end}
        return _add(conn, actor, remands, "case_add_remand", case_id, values), problems


def _remands(conn: Connection, case_id: str, accused_id: int | None) -> list[Remand]:
    q = select(remands.c.from_date, remands.c.to_date, remands.c.kind).where(remands.c.case_id == case_id)
    q = q.where(remands.c.accused_id.is_(None) if accused_id is None else remands.c.accused_id == accused_id)
    return [Remand(r.from_date, r.to_date, r.kind) for r in conn.execute(q)]


def _custody(conn: Connection, case: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Custody status per accused (``accused_id`` None: remands recorded for the case as a whole)."""
    ids = conn.execute(select(remands.c.accused_id).where(remands.c.case_id == case["id"]).distinct()).scalars().all()
    out = []
    for aid in sorted(ids, key=lambda x: (x is not None, x or 0)):
        st = custody_status(_remands(conn, case["id"], aid), int(case["custody_period"]), custody_rules())
        if st is not None:
            out.append({"accused_id": aid, "status": st})
    return out


def _all(conn: Connection, table: Table, col: Any, key: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(table).where(col == key).order_by(table.c.id))]


def get_case(store: Store, case_id: str) -> dict[str, Any] | None:
    """One case with everything recorded on it and its custody status; None when there is no such case."""
    with store.engine.connect() as conn:
        row = _row(conn, cases, case_id)
        if row is None:
            return None
        ops = conn.execute(select(case_operations.c.operation_id).where(case_operations.c.case_id == case_id).order_by(case_operations.c.operation_id)).scalars().all()
        raid_rows = _all(conn, raids, raids.c.case_id, case_id)
        for r in raid_rows:
            r["seizures"] = _all(conn, seizures, seizures.c.raid_id, r["id"])
        people = _all(conn, accused, accused.c.case_id, case_id)
        for p in people:
            p["arrests"] = _all(conn, arrests, arrests.c.accused_id, p["id"])
        custody = [{"accused_id": c["accused_id"], **_json(vars_of(c["status"]))} for c in _custody(conn, row)]
        return _json({
            **row,
            "operations": list(ops),
            "raids": raid_rows,
            "accused": people,
            "frozen_accounts": _all(conn, frozen_accounts, frozen_accounts.c.case_id, case_id),
            "remands": _all(conn, remands, remands.c.case_id, case_id),
            "custody": custody,
        })


def vars_of(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}


def require_case(store: Store, case_id: str) -> dict[str, Any]:
    got = get_case(store, case_id)
    if got is None:
        raise NotFound(f"no case {case_id!r}; see `scamtrace case list`")
    return got


def list_cases(store: Store) -> list[dict[str, Any]]:
    """One flat row per case, newest first (what the case board shows)."""
    counts = {}
    with store.engine.connect() as conn:
        for table in (case_operations, raids, accused, remands):
            q = select(table.c.case_id, func.count()).group_by(table.c.case_id)
            counts[table.name] = {k: int(n) for k, n in conn.execute(q)}
        rows = conn.execute(select(cases).order_by(cases.c.created_at.desc(), cases.c.id)).all()
    return [
        {
            "id": r.id,
            "fir": f"{r.fir_number}/{r.fir_year}",
            "police_station": r.police_station,
            "district": r.district,
            "state": r.state,
            "sections": ", ".join(f"{s.get('statute', '')} {s.get('section', '')}".strip() for s in r.sections or []),
            "operations": counts["case_operations"].get(r.id, 0),
            "raids": counts["raids"].get(r.id, 0),
            "accused": counts["accused"].get(r.id, 0),
            "remands": counts["remands"].get(r.id, 0),
            "charge_sheet_filed": r.charge_sheet_filed.isoformat() if r.charge_sheet_filed else None,
            "updated_at": r.updated_at.isoformat(),
        }
        for r in rows
    ]


def upcoming_deadlines(store: Store, days: int = 30, today: date | None = None) -> list[dict[str, Any]]:
    """Custody and charge-sheet deadlines falling in the next ``days`` days, soonest first; problems flagged."""
    today = today or datetime.now(UTC).date()
    out: list[dict[str, Any]] = []
    with store.engine.connect() as conn:
        for row in conn.execute(select(cases).order_by(cases.c.id)).mappings():
            case = dict(row)
            for c in _custody(conn, case):
                st = c["status"]
                for d in coming(st, today, days, charge_sheet_filed=case["charge_sheet_filed"] is not None):
                    out.append({
                        "due": d.due.isoformat(), "days_left": d.days_left, "deadline": d.what, "case_id": case["id"],
                        "fir": f"{case['fir_number']}/{case['fir_year']}", "accused_id": c["accused_id"],
                        "police_days_left": st.police_days_left, "problems": "; ".join(st.problems),
                    })  # fmt: skip
    return sorted(out, key=lambda d: (d["due"], d["case_id"], d["deadline"]))



def disruption(store: Store, case_id: str, *, weeks: int = 8) -> dict[str, Any]:
    """For each operation of a raided case: weekly reports around the first raid, quiet indicators, resurgence.

    Resurgence: reports dated after the raid day that sit in the operation now.
    Indicators "went quiet" when their last sighting (``operation_evidence``) is on or before the raid day.
    """
    with store.engine.connect() as conn:
        _case_row(conn, case_id)
        first_raid = conn.execute(select(func.min(raids.c.at)).where(raids.c.case_id == case_id)).scalar()
        if first_raid is None:
            raise InputError(f"case {case_id} has no raid yet; add one with `scamtrace case raid {case_id} --at ... --address ...`")
        raid_day = first_raid.date()
        op_ids = conn.execute(select(case_operations.c.operation_id).where(case_operations.c.case_id == case_id).order_by(case_operations.c.operation_id)).scalars().all()
        return {
            "case_id": case_id,
            "raid_day": raid_day.isoformat(),
            "operations": [_op_disruption(conn, op_id, raid_day, weeks) for op_id in op_ids],
        }


def _op_disruption(conn: Connection, op_id: str, raid_day: date, weeks: int) -> dict[str, Any]:
    q = select(reports.c.incident_day, reports.c.received_utc).join(assignments, assignments.c.report_pk == reports.c.id).where(assignments.c.operation_id == op_id)
    days = [r.incident_day or r.received_utc.date() for r in conn.execute(q)]
    after = sorted(d for d in days if d > raid_day)
    ev = (
        select(indicators.c.kind, indicators.c.value, func.max(operation_evidence.c.last_day).label("last_day"))
        .join(indicators, indicators.c.id == operation_evidence.c.indicator_id)
        .where(operation_evidence.c.operation_id == op_id, operation_evidence.c.status == "link")
        .group_by(indicators.c.kind, indicators.c.value)
        .order_by(indicators.c.kind, indicators.c.value)
    )
    evidence = [{"kind": r.kind, "value": r.value, "last_seen": r.last_day.isoformat(), "quiet": r.last_day <= raid_day} for r in conn.execute(ev)]
    return {
        "operation_id": op_id,
        "known": conn.execute(select(operations.c.id).where(operations.c.id == op_id)).first() is not None,
        "reports_before": len(days) - len(after),
        "reports_after": len(after),
        "weeks": [_json(vars_of(w)) for w in weekly(days, raid_day, weeks)],
        "indicators_quiet": bool(evidence) and all(e["quiet"] for e in evidence),
        "indicators": evidence,
        "resurgence": {"alert": bool(after), "reports": len(after), "first": after[0].isoformat() if after else None, "last": after[-1].isoformat() if after else None},
    }
