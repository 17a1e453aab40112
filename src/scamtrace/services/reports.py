"""Reports for people: search with filters, one report with its highlighted narrative, submit one.

Personal data stays masked unless a caller asks to reveal it for a named
actor; then the view is written to the audit log first (no audit entry, no
data). Masking is best effort on free text, so roles that must never see
personal data (partners) get no narrative at all: that is the web layer's
rule, on top of this one.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, func, select, true

from scamtrace.domain import Report
from scamtrace.errors import NotFound
from scamtrace.services.audit import VIEW_PERSONAL, Actor, append_conn
from scamtrace.store import Store
from scamtrace.store.tables import (
    assignments,
    indicators,
    report_indicators,
    report_personal,
    reports,
    victim_indicators,
)

log = logging.getLogger(__name__)

MASK = "[personal data hidden]"
SNIPPET_CHARS = 240
MAX_PAGE = 200
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run with 7+ digits (phone numbers, account numbers, remote-access IDs).
_DIGITS = re.compile(r"\+?\d[\d\s().\-/]{5,}\d")
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True, slots=True)
class ReportFilters:
    text: str | None = None
    source: str | None = None
    country: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    operation_id: str | None = None
    is_tss: bool | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of narrative text: plain, an indicator (``kind``/``role``), or masked personal data."""

    text: str
    kind: str | None = None
    role: str | None = None
    value: str | None = None
    masked: bool = False


@dataclass
class SearchPage:
    items: list[dict[str, Any]]
    has_more: bool
    filters: ReportFilters


@dataclass
class _Personal:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    indicators: list[dict[str, Any]] = field(default_factory=list)


# --- masking and highlighting ---------------------------------------------------------------


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def mask_spans(narrative: str, personal: _Personal, keep: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges of ``narrative`` to hide.

    The victim's own name parts, email and phone are hidden wherever they
    appear. Any other email address or long digit run is hidden too unless it
    overlaps ``keep`` (spans of scammer/legit indicators an analyst needs).
    """
    out: list[tuple[int, int]] = []
    lowered = narrative.lower()
    names = {w.lower() for w in _WORD.findall(personal.name or "")}
    for m in _WORD.finditer(narrative):
        if m.group(0).lower() in names:
            out.append(m.span())
    if personal.email:
        needle = personal.email.lower()
        start = lowered.find(needle)
        while start >= 0:
            out.append((start, start + len(needle)))
            start = lowered.find(needle, start + 1)
    own_digits = {d for d in (_digits(personal.phone or ""), *(_digits(str(i["value"])) for i in personal.indicators)) if len(d) >= 6}
    for m in _DIGITS.finditer(narrative):
        digits = _digits(m.group(0))
        if len(digits) < 7:
            continue
        s, e = m.span()
        mine = any(digits.endswith(d[-7:]) or d.endswith(digits[-7:]) for d in own_digits)
        overlaps_keep = any(s < ke and ks < e for ks, ke in keep)
        if mine or not overlaps_keep:
            out.append((s, e))
    for m in _EMAIL.finditer(narrative):
        s, e = m.span()
        if not any(s < ke and ks < e for ks, ke in keep) or (personal.email and m.group(0).lower() == personal.email.lower()):
            out.append((s, e))
    return out


def _victim_keys(personal: _Personal) -> set[str]:
    keys: set[str] = set()
    for ind in personal.indicators:
        value = str(ind["value"]).lower()
        keys.update({value, value.split(":")[-1]})
        if len(_digits(value)) >= 6:
            keys.add(_digits(value))
    return keys


def mask_fields(doc: dict[str, Any], personal: _Personal) -> dict[str, Any]:
    """Hide structured fields that hold the victim's own values (the AnyDesk ID they read out,
    their own account in a refund scam): the ones extraction filed as victim-role indicators."""
    keys = _victim_keys(personal)
    if not keys:
        return doc

    def hide(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        v = value.lower()
        if v in keys or v.replace(" ", "") in keys or (len(_digits(v)) >= 6 and _digits(v) in keys):
            return MASK
        return value

    out = dict(doc)
    if isinstance(out.get("remote_access"), dict):
        out["remote_access"] = {k: hide(v) if k == "id" else v for k, v in out["remote_access"].items()}
    if isinstance(out.get("payments"), list):
        out["payments"] = [{k: hide(v) for k, v in p.items()} if isinstance(p, dict) else p for p in out["payments"]]
    return out


def segments(narrative: str, highlights: Iterable[dict[str, Any]], masks: Iterable[tuple[int, int]] = ()) -> list[Segment]:
    """Split a narrative into plain, highlighted and masked runs (masking wins over highlighting).

    Segments carry raw text; the templates escape it, so no markup is ever built from a narrative.
    """
    n = len(narrative)
    hl = [(int(h["start"]), int(h["end"]), h) for h in highlights if h.get("start") is not None and 0 <= int(h["start"]) < int(h["end"]) <= n]
    mk = [(s, e) for s, e in ((max(0, a), min(n, b)) for a, b in masks) if s < e]
    cuts = sorted({0, n, *(s for s, _e, _h in hl), *(e for _s, e, _h in hl), *(s for s, _e in mk), *(e for _s, e in mk)})
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        if a >= b:
            continue
        if any(s <= a and b <= e for s, e in mk):
            if out and out[-1].masked:
                continue
            out.append(Segment(MASK, masked=True))
            continue
        covering = [h for s, e, h in hl if s <= a and b <= e]
        if covering:
            h = min(covering, key=lambda x: int(x["end"]) - int(x["start"]))
            seg = Segment(narrative[a:b], kind=h["kind"], role=h["role"], value=h["value"])
        else:
            seg = Segment(narrative[a:b])
        prev = out[-1] if out else None
        if prev is not None and not prev.masked and (prev.kind, prev.role, prev.value) == (seg.kind, seg.role, seg.value):
            out[-1] = Segment(prev.text + seg.text, seg.kind, seg.role, seg.value)
        else:
            out.append(seg)
    return out


def masked_text(narrative: str, masks: Iterable[tuple[int, int]]) -> str:
    return "".join(s.text for s in segments(narrative, (), masks))


# --- reading ---------------------------------------------------------------------------------


def _personal(conn: Connection, pks: Sequence[int]) -> dict[int, _Personal]:
    out: dict[int, _Personal] = {pk: _Personal() for pk in pks}
    if not pks:
        return out
    for row in conn.execute(select(report_personal).where(report_personal.c.report_pk.in_(list(pks)))):
        out[row.report_pk] = _Personal(row.name, row.email, row.phone)
    q = select(victim_indicators).where(victim_indicators.c.report_pk.in_(list(pks))).order_by(victim_indicators.c.kind, victim_indicators.c.value)
    for row in conn.execute(q):
        out[row.report_pk].indicators.append({"kind": row.kind, "value": row.value, "field": row.field})
    return out


def _highlights(conn: Connection, pks: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {pk: [] for pk in pks}
    if not pks:
        return out
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
        .select_from(report_indicators.join(indicators, indicators.c.id == report_indicators.c.indicator_id))
        .where(report_indicators.c.report_pk.in_(list(pks)))
        .order_by(report_indicators.c.report_pk, report_indicators.c.span_start, indicators.c.kind, indicators.c.value)
    )
    for r in conn.execute(q):
        out[r.report_pk].append(
            {"kind": r.kind, "value": r.value, "role": r.role, "flags": [f for f in (r.flags or "").split(",") if f], "field": r.field, "start": r.span_start, "end": r.span_end}
        )
    return out


def _keep(highlights: Iterable[dict[str, Any]]) -> list[tuple[int, int]]:
    return [(int(h["start"]), int(h["end"])) for h in highlights if h.get("start") is not None and h["role"] in ("scammer", "legit", "unknown")]


def search_reports(store: Store, f: ReportFilters) -> SearchPage:
    """Newest first. Text matches the narrative or the report id, case-insensitively."""
    cond: list[Any] = []
    if f.text:
        needle = f.text.strip().lower()
        cond.append(func.lower(reports.c.narrative).contains(needle, autoescape=True) | func.lower(reports.c.report_id).contains(needle, autoescape=True))
    if f.source:
        cond.append(reports.c.source == f.source)
    if f.country:
        cond.append(reports.c.victim_country == f.country.upper())
    if f.date_from:
        cond.append(reports.c.incident_day >= f.date_from)
    if f.date_to:
        cond.append(reports.c.incident_day <= f.date_to)
    if f.is_tss is not None:
        cond.append(reports.c.is_tss.is_(f.is_tss))
    if f.operation_id:
        cond.append(assignments.c.operation_id == f.operation_id)
    limit = max(1, min(f.limit, MAX_PAGE))
    q = (
        select(
            reports.c.id, reports.c.source, reports.c.report_id, reports.c.received_at, reports.c.incident_day,
            reports.c.victim_country, reports.c.channel, reports.c.is_tss, reports.c.scam_type, reports.c.tss_score,
            assignments.c.operation_id, func.substr(reports.c.narrative, 1, 2000).label("head"),
        )
        .select_from(reports.outerjoin(assignments, assignments.c.report_pk == reports.c.id))
        .where(and_(true(), *cond))
        .order_by(reports.c.received_utc.desc(), reports.c.id.desc())
        .limit(limit + 1)
        .offset(max(0, f.offset))
    )
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()[: limit + 1]
        pks = [r.id for r in rows[:limit]]
        personal = _personal(conn, pks)
        hls = _highlights(conn, pks)
    items = []
    for r in rows[:limit]:
        head = r.head or ""
        text = masked_text(head, mask_spans(head, personal[r.id], _keep(hls[r.id])))
        items.append(
            {
                "pk": r.id,
                "source": r.source,
                "report_id": r.report_id,
                "received_at": r.received_at,
                "incident_day": r.incident_day.isoformat() if r.incident_day else None,
                "victim_country": r.victim_country,
                "channel": r.channel,
                "is_tss": bool(r.is_tss),
                "scam_type": r.scam_type,
                "tss_score": r.tss_score,
                "operation_id": r.operation_id,
                "snippet": text[:SNIPPET_CHARS] + ("…" if len(text) > SNIPPET_CHARS else ""),
            }
        )
    return SearchPage(items, len(rows) > limit, f)


def find_pk(store: Store, source: str, report_id: str) -> int:
    with store.engine.connect() as conn:
        pk = conn.execute(select(reports.c.id).where(reports.c.source == source, reports.c.report_id == report_id)).scalar()
    if pk is None:
        raise NotFound(f"no report {source}/{report_id}")
    return int(pk)


def get_report(store: Store, pk: int, *, reveal_for: Actor | None = None, with_narrative: bool = True) -> dict[str, Any]:
    """One report. With ``reveal_for``, personal data is included and the view audited first."""
    with store.engine.connect() as conn:
        row = conn.execute(
            select(reports, assignments.c.operation_id)
            .select_from(reports.outerjoin(assignments, assignments.c.report_pk == reports.c.id))
            .where(reports.c.id == pk)
        ).first()
        if row is None:
            raise NotFound(f"no report with number {pk}")
        personal = _personal(conn, [pk])[pk]
        hls = _highlights(conn, [pk])[pk]
    doc = dict(row.doc or {}) if reveal_for is not None else mask_fields(dict(row.doc or {}), personal)
    out: dict[str, Any] = {
        "pk": row.id,
        "source": row.source,
        "report_id": row.report_id,
        "received_at": row.received_at,
        "incident_at": row.incident_at,
        "incident_day": row.incident_day.isoformat() if row.incident_day else None,
        "language": row.language,
        "victim": {k: v for k, v in (doc.get("victim") or {}).items() if k in ("country", "region", "age_band", "consent_to_contact")},
        "contact": doc.get("contact") or {},
        "caller": doc.get("caller") or {},
        "websites": doc.get("websites") or [],
        "remote_access": doc.get("remote_access") or {},
        "payments": doc.get("payments") or [],
        "is_tss": bool(row.is_tss),
        "scam_type": row.scam_type,
        "tss_score": row.tss_score,
        "reasons": row.reasons or [],
        "operation_id": row.operation_id,
        "indicators": [{k: h[k] for k in ("kind", "value", "role", "flags", "field")} | {"span": [h["start"], h["end"]] if h["start"] is not None else None} for h in hls],
        "has_personal": bool(personal.name or personal.email or personal.phone or personal.indicators),
        "revealed": False,
        "personal": None,
        "narrative": None,
        "segments": [],
    }
    narrative = row.narrative or ""
    if reveal_for is not None:
        with store.engine.begin() as conn:
            what = [k for k in ("name", "email", "phone") if getattr(personal, k)]
            what += ["victim_indicators"] if personal.indicators else []
            what += ["narrative"] if with_narrative and narrative else []
            append_conn(conn, reveal_for, VIEW_PERSONAL, report_pk=pk, target=f"{row.source}/{row.report_id}", detail={"fields": what})
        out["revealed"] = True
        out["personal"] = {"name": personal.name, "email": personal.email, "phone": personal.phone, "indicators": personal.indicators}
        masks: list[tuple[int, int]] = []
    else:
        masks = mask_spans(narrative, personal, _keep(hls))
    if with_narrative:
        segs = segments(narrative, hls, masks)
        out["segments"] = segs
        out["narrative"] = "".join(s.text for s in segs)
    return out


def report_key(store: Store, pk: int) -> tuple[str, str]:
    with store.engine.connect() as conn:
        row = conn.execute(select(reports.c.source, reports.c.report_id).where(reports.c.id == pk)).first()
    if row is None:
        raise NotFound(f"no report with number {pk}")
    return str(row[0]), str(row[1])


def consented(store: Store, pk: int) -> bool:
    """Whether the victim agreed that police may contact them (``victim.consent_to_contact``)."""
    with store.engine.connect() as conn:
        doc = conn.execute(select(reports.c.doc).where(reports.c.id == pk)).scalar()
    return bool(((doc or {}).get("victim") or {}).get("consent_to_contact") is True)


# --- submitting ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Submitted:
    pk: int
    source: str
    report_id: str
    status: str  # stored | updated | unchanged
    operation_id: str | None
    linked: bool


def submit_report(store: Store, report: Report) -> Submitted:
    """Store one report, then link it incrementally. A failed link leaves the report stored.

    ``scamtrace link --incremental`` picks up a report whose linking failed here.
    """
    from scamtrace.services.ingest import ingest_reports
    from scamtrace.services.linking import update_for

    summary = ingest_reports(store, [report], keep_pks=True)
    status = "stored" if summary.stored else "updated" if summary.updated else "unchanged"
    pk = summary.report_pks[0] if summary.report_pks else find_pk(store, report.source, report.report_id)
    linked = True
    if status != "unchanged":
        try:
            update_for(store, [pk])
        except Exception:  # the report is safe; linking catches up on the next run
            log.exception("incremental link failed for report pk %s", pk)
            linked = False
    with store.engine.connect() as conn:
        op = conn.execute(select(assignments.c.operation_id).where(assignments.c.report_pk == pk)).scalar()
    return Submitted(pk, report.source, report.report_id, status, op, linked)
