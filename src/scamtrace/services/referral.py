"""Build a referral package for one operation: load it from the store, write the files, record the referral.

Loading is a handful of set-based queries, each joining through ``assignments``
on the operation id, read in one transaction (REPEATABLE READ on PostgreSQL) so
the store state written into the custody record is the state the files show.
Personal data is read for two purposes only: to mask it in the narratives, and
to release contacts where the recipient's policy allows; each release is
written to the audit log in the same transaction as the ``referrals`` row.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from scamtrace.errors import ConfigError, NotFound
from scamtrace.refer.legal import load_legal
from scamtrace.refer.model import (
    BLOCKING_FLAGS,
    STRONG_KINDS,
    Attribution,
    Complaint,
    Operation,
    OperationIndicator,
    Personal,
    Referral,
    StoreState,
)
from scamtrace.refer.package import PackageResult, write_package
from scamtrace.refer.recipients import Recipient, Sender, load_config, load_sender
from scamtrace.store import Store
from scamtrace.store.tables import (
    assignments,
    attributions,
    indicators,
    link_runs,
    operation_evidence,
    operations,
    referrals,
    report_indicators,
    report_personal,
    reports,
    victim_indicators,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReferralResult:
    id: str
    operation_id: str
    recipient: str
    created_by: str
    created_at: datetime
    out_dir: Path
    files: dict[str, str]
    complaints: int
    contacts_released: int
    store_state: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "operation_id": self.operation_id,
            "recipient": self.recipient,
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
            "out_dir": str(self.out_dir),
            "files": self.files,
            "complaints": self.complaints,
            "contacts_released": self.contacts_released,
            "store_state": self.store_state,
        }


def _blocked(flags: str | None) -> bool:
    return any(f == b or f.startswith(b + ":") for f in (flags or "").split(",") if f for b in BLOCKING_FLAGS)


def _operation_row(conn: Connection, op_id: str) -> Any:
    row = conn.execute(select(operations).where(operations.c.id == op_id)).first()
    if row is None:
        raise NotFound(f"no operation {op_id!r}; list them with: scamtrace operations")
    return row


def _attributions(conn: Connection, op_id: str) -> tuple[tuple[Attribution, ...], tuple[dict[str, Any], ...]]:
    """(ranked hypotheses, evidence examined that supports no place: the rank-0 row)."""
    q = select(attributions).where(attributions.c.operation_id == op_id).order_by(attributions.c.rank)
    ranked: list[Attribution] = []
    unplaced: list[dict[str, Any]] = []
    for r in conn.execute(q):
        evidence = tuple(e for e in (r.evidence or []) if isinstance(e, dict))
        if r.rank < 1 or not r.country:
            unplaced.extend(evidence)
            continue
        ranked.append(Attribution(rank=r.rank, country=r.country, region=r.region, city=r.city, confidence=float(r.confidence), evidence=evidence))
    return tuple(ranked), tuple(unplaced)


def _members(conn: Connection, op_id: str) -> list[Any]:
    q = (
        select(
            reports.c.id,
            reports.c.source,
            reports.c.report_id,
            reports.c.received_at,
            reports.c.incident_day,
            reports.c.victim_country,
            reports.c.victim_age_band,
            reports.c.channel,
            reports.c.scam_type,
            reports.c.doc,
            reports.c.narrative,
            reports.c.facts,
        )
        .select_from(assignments.join(reports, reports.c.id == assignments.c.report_pk))
        .where(assignments.c.operation_id == op_id)
        .order_by(reports.c.id)
    )
    return list(conn.execute(q))


def _member_indicators(conn: Connection, op_id: str) -> list[Any]:
    q = (
        select(
            report_indicators.c.report_pk,
            indicators.c.kind,
            indicators.c.value,
            report_indicators.c.role,
            report_indicators.c.flags,
            report_indicators.c.field,
            report_indicators.c.span_start,
            report_indicators.c.span_end,
        )
        .select_from(
            assignments.join(report_indicators, report_indicators.c.report_pk == assignments.c.report_pk).join(
                indicators, indicators.c.id == report_indicators.c.indicator_id
            )
        )
        .where(assignments.c.operation_id == op_id)
    )
    return list(conn.execute(q))


def _evidence_status(conn: Connection, op_id: str) -> dict[tuple[str, str], str]:
    q = (
        select(indicators.c.kind, indicators.c.value, operation_evidence.c.status)
        .select_from(operation_evidence.join(indicators, indicators.c.id == operation_evidence.c.indicator_id))
        .where(operation_evidence.c.operation_id == op_id)
    )
    out: dict[tuple[str, str], str] = {}
    for kind, value, status in conn.execute(q):
        # one indicator may link in one epoch and be held back in another: linking wins
        if out.get((kind, value)) != "link":
            out[(kind, value)] = status
    return out


def _personal(conn: Connection, op_id: str) -> dict[int, Personal]:
    own: dict[int, list[tuple[str, str]]] = defaultdict(list)
    q = (
        select(victim_indicators.c.report_pk, victim_indicators.c.kind, victim_indicators.c.value)
        .select_from(assignments.join(victim_indicators, victim_indicators.c.report_pk == assignments.c.report_pk))
        .where(assignments.c.operation_id == op_id)
    )
    for pk, kind, value in conn.execute(q):
        own[pk].append((kind, value))
    q2 = (
        select(report_personal.c.report_pk, report_personal.c.name, report_personal.c.email, report_personal.c.phone)
        .select_from(assignments.join(report_personal, report_personal.c.report_pk == assignments.c.report_pk))
        .where(assignments.c.operation_id == op_id)
    )
    out = {pk: Personal(name=name, email=email, phone=phone, own_values=tuple(sorted(own.pop(pk, ())))) for pk, name, email, phone in conn.execute(q2)}
    for pk, values in own.items():
        out[pk] = Personal(own_values=tuple(sorted(values)))
    return out


def _store_state(conn: Connection, store: Store, members: list[Any]) -> StoreState:
    count, max_pk = conn.execute(select(func.count(), func.max(reports.c.id)).select_from(reports)).one()
    run = conn.execute(
        select(link_runs.c.id, link_runs.c.finished_at).where(link_runs.c.finished_at.is_not(None)).order_by(link_runs.c.id.desc()).limit(1)
    ).first()
    membership = hashlib.sha256("".join(f"{m.source}\t{m.report_id}\n" for m in sorted(members, key=lambda m: (m.source, m.report_id))).encode("utf-8")).hexdigest()
    return StoreState(
        report_count=int(count or 0),
        max_report_pk=int(max_pk or 0),
        last_link_run_id=int(run[0]) if run else None,
        last_link_run_finished=run[1] if run else None,
        membership_sha256=membership,
        store_url=make_url(store.url).render_as_string(hide_password=True),
        dialect=store.dialect,
    )


def _complaints(members: list[Any], ri: list[Any], personal: dict[int, Personal]) -> tuple[Complaint, ...]:
    by_report: dict[int, list[Any]] = defaultdict(list)
    for r in ri:
        by_report[r.report_pk].append(r)
    out = []
    for m in members:
        facts = m.facts or {}
        doc = m.doc or {}
        rows = by_report.get(m.id, [])
        consent = (doc.get("victim") or {}).get("consent_to_contact")
        out.append(
            Complaint(
                pk=m.id,
                source=m.source,
                report_id=m.report_id,
                received_at=m.received_at,
                incident_day=m.incident_day,
                victim_country=m.victim_country,
                victim_age_band=m.victim_age_band,
                channel=m.channel,
                scam_type=m.scam_type,
                losses={str(k): float(v) for k, v in (facts.get("losses") or {}).items()},
                payment_methods=tuple(dict.fromkeys(p["method"] for p in facts.get("payments") or () if isinstance(p, dict) and p.get("method"))),
                tools=tuple(facts.get("tools") or ()),
                indicators=tuple(sorted({(r.kind, r.value, r.role) for r in rows})),
                narrative=m.narrative or "",
                consent_to_contact=consent if isinstance(consent, bool) else None,
                personal=personal.get(m.id, Personal()),
                keep_spans=tuple(
                    sorted(
                        (r.span_start, r.span_end)
                        for r in rows
                        if r.role in ("scammer", "legit") and r.span_start is not None and r.span_end is not None and (r.field or "narrative") == "narrative"
                    )
                ),
            )
        )
    return tuple(out)


def _operation_indicators(members: list[Any], ri: list[Any], status: dict[tuple[str, str], str]) -> tuple[OperationIndicator, ...]:
    day_of: dict[int, date | None] = {m.id: m.incident_day for m in members}
    agg: dict[tuple[str, str], dict[str, Any]] = {}
    for r in ri:
        if r.kind not in STRONG_KINDS or r.role not in ("scammer", "unknown") or _blocked(r.flags):
            continue
        a = agg.setdefault((r.kind, r.value), {"reports": set(), "days": [], "roles": set(), "flags": set()})
        a["reports"].add(r.report_pk)
        if day_of.get(r.report_pk):
            a["days"].append(day_of[r.report_pk])
        a["roles"].add(r.role)
        a["flags"].update(f for f in (r.flags or "").split(",") if f)
    out = []
    for (kind, value), a in agg.items():
        st = status.get((kind, value), "seen")
        # An unknown-role value belongs in the referral only when it actually linked complaints.
        if "scammer" not in a["roles"] and st == "seen":
            continue
        out.append(
            OperationIndicator(
                kind=kind,
                value=value,
                role="scammer" if "scammer" in a["roles"] else "unknown",
                first_seen=min(a["days"]) if a["days"] else None,
                last_seen=max(a["days"]) if a["days"] else None,
                reports=len(a["reports"]),
                status=st,
                flags=tuple(sorted(a["flags"])),
            )
        )
    order = {k: i for i, k in enumerate(STRONG_KINDS)}
    return tuple(sorted(out, key=lambda i: (order[i.kind], -i.reports, i.value)))


def load_operation(store: Store, op_id: str) -> tuple[Operation, StoreState]:
    """The operation with its complaints, indicators and location hypotheses, and the store state they come from."""
    with store.engine.connect() as conn:
        if store.dialect == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            row = _operation_row(conn, op_id)
            members = _members(conn, op_id)
            ri = _member_indicators(conn, op_id)
            status = _evidence_status(conn, op_id)
            personal = _personal(conn, op_id)
            atts, unplaced = _attributions(conn, op_id)
            state = _store_state(conn, store, members)
    op = Operation(
        id=row.id,
        reports=row.reports,
        incidents=row.incidents,
        is_tss=bool(row.is_tss),
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        summary=dict(row.summary or {}),
        utc_offset=row.utc_offset if isinstance(row.utc_offset, dict) else None,
        attributions=atts,
        indicators=_operation_indicators(members, ri, status),
        complaints=_complaints(members, ri, personal),
        unplaced_evidence=unplaced,
    )
    return op, state


def referral_id(prefix: str, op_id: str, recipient: Recipient, created_at: datetime, membership: str) -> str:
    digest = hashlib.sha256(f"{op_id}|{recipient.id}|{created_at.isoformat()}|{membership}".encode()).hexdigest()[:6].upper()
    safe = "".join(ch for ch in prefix.upper() if ch.isalnum())[:12] or "REF"
    return f"{safe}-{created_at:%Y%m%d}-{digest}"


def _reserve_id(
    store: Store, base_id: str, op_id: str, recipient: str, generated_by: str, created_at: datetime, out_dir: str | os.PathLike[str], state: dict[str, Any]
) -> str:
    for n in range(1, 1000):
        candidate = base_id if n == 1 else f"{base_id}-{n}"
        try:
            with store.engine.begin() as conn:
                conn.execute(
                    insert(referrals).values(
                        id=candidate,
                        operation_id=op_id,
                        recipient=recipient,
                        created_by=generated_by,
                        created_at=created_at.replace(tzinfo=None),
                        out_dir=str(out_dir),
                        files={},
                        store_state=state,
                    )
                )
            return candidate
        except IntegrityError:
            continue
    raise ConfigError(f"could not find a free referral id after {base_id}")


def _software_version() -> str:
    from scamtrace import __version__

    return __version__


def build_referral(
    store: Store,
    op_id: str,
    recipient_name: str | None,
    out_dir: str | os.PathLike[str],
    generated_by: str,
    *,
    recipients_file: str | os.PathLike[str] | None = None,
    sender_file: str | os.PathLike[str] | None = None,
    force: bool = False,
    now: datetime | None = None,
) -> ReferralResult:
    """Write the referral package for ``op_id`` to ``out_dir`` and record it in ``referrals``.

    ``recipient_name`` is a recipient id or name from the recipients configuration
    (None: its default). Raises :class:`NotFound` for an unknown operation or
    recipient and :class:`ConfigError` for a bad configuration or an output folder
    that already holds a package (unless ``force``).
    """
    from scamtrace.services.audit import VIEW_PERSONAL, Actor, append_conn

    config = load_config(recipients_file)
    recipient = config.find(recipient_name)
    sender: Sender = load_sender(sender_file) if sender_file else config.sender
    created_at = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    operation, state = load_operation(store, op_id)
    base_id = referral_id(sender.reference_prefix, op_id, recipient, created_at, state.membership_sha256)
    # Reserve the id before writing files: two packages of one operation for one
    # recipient in the same second must not collide, nor leave an orphan folder.
    ref_id = _reserve_id(store, base_id, op_id, recipient.id, generated_by, created_at, out_dir, state.as_dict())
    ref = Referral(
        id=ref_id,
        created_at=created_at,
        generated_by=generated_by,
        sender=sender,
        recipient=recipient,
        operation=operation,
        store_state=state,
        legal=load_legal(recipient.jurisdiction),
        software_version=_software_version(),
    )
    try:
        package: PackageResult = write_package(ref, Path(out_dir), force=force)
    except BaseException:
        with store.engine.begin() as conn:
            conn.execute(delete(referrals).where(referrals.c.id == ref_id))
        raise
    released = [c for c in operation.complaints if c.pk in package.released_pks]
    actor = Actor(generated_by, "referral")
    with store.engine.begin() as conn:
        conn.execute(update(referrals).where(referrals.c.id == ref_id).values(out_dir=str(package.out_dir), files=package.files))
        for c in released:
            append_conn(
                conn,
                actor,
                VIEW_PERSONAL,
                report_pk=c.pk,
                target=f"{c.source}/{c.report_id}",
                detail={"fields": [k for k in ("name", "email", "phone") if getattr(c.personal, k)], "via": "referral", "referral_id": ref.id, "recipient": recipient.id},
            )
    # Counts and ids only: never personal data in logs.
    log.info("referral %s for operation %s to %s: %d complaints, %d contacts released", ref.id, op_id, recipient.id, package.complaints, package.contacts_released)
    return ReferralResult(
        id=ref.id,
        operation_id=op_id,
        recipient=recipient.id,
        created_by=generated_by,
        created_at=created_at,
        out_dir=package.out_dir,
        files=package.files,
        complaints=package.complaints,
        contacts_released=package.contacts_released,
        store_state=state.as_dict(),
    )


__all__ = ["ReferralResult", "build_referral", "load_operation", "referral_id"]
