"""Report ↔ stored row: canonical document, content hash, and the personal part kept apart."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Any

from scamtrace.domain import Caller, Contact, Payment, RemoteAccess, Report, Victim

PERSONAL_VICTIM_FIELDS = ("name", "email", "phone")
EPOCH_DAY = date(1970, 1, 1)


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def report_document(report: Report) -> dict[str, Any]:
    """The whole report as interchange JSON (personal fields included), empty parts dropped."""
    doc: dict[str, Any] = {
        "report_id": report.report_id,
        "source": report.source,
        "received_at": _iso(report.received_at),
    }
    if report.incident_at is not None:
        doc["incident_at"] = _iso(report.incident_at)
    if report.language != "en":
        doc["language"] = report.language
    for name in ("victim", "contact", "caller", "remote_access"):
        part = {k: v for k, v in asdict(getattr(report, name)).items() if v is not None}
        if part:
            doc[name] = part
    if report.websites:
        doc["websites"] = list(report.websites)
    if report.payments:
        doc["payments"] = [{k: v for k, v in asdict(p).items() if v is not None} for p in report.payments]
    if report.narrative:
        doc["narrative"] = report.narrative
    return doc


def content_hash(doc: dict[str, Any]) -> str:
    canonical = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def split_personal(doc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str | None]]:
    """(document without personal fields and narrative, personal fields)."""
    public = {k: v for k, v in doc.items() if k != "narrative"}
    victim = dict(public.get("victim", {}))
    personal = {k: victim.pop(k, None) for k in PERSONAL_VICTIM_FIELDS}
    if victim:
        public["victim"] = victim
    else:
        public.pop("victim", None)
    return public, personal


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    keys = sorted(set(old) | set(new))
    return [k for k in keys if old.get(k) != new.get(k)]


def to_utc_naive(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None)


def incident_columns(report: Report) -> tuple[datetime | None, date]:
    """(incident time in UTC when the offset is known, the day the contact happened)."""
    inc = report.incident_at
    if isinstance(inc, datetime):
        return (to_utc_naive(inc) if inc.tzinfo else None), inc.date()
    if isinstance(inc, date):
        return None, inc
    return None, report.received_at.date()


def report_from_document(doc: dict[str, Any], narrative: str, personal: dict[str, Any] | None) -> Report:
    """Rebuild a :class:`Report` from what the store holds (for re-extraction)."""
    from scamtrace.intake.validate import parse_datetime

    victim = dict(doc.get("victim", {}))
    if personal:
        victim.update({k: v for k, v in personal.items() if k in PERSONAL_VICTIM_FIELDS and v})
    inc = doc.get("incident_at")
    incident: date | datetime | None = None
    if inc:
        incident = date.fromisoformat(inc) if len(inc) == 10 else parse_datetime(inc)
    return Report(
        report_id=doc["report_id"],
        source=doc["source"],
        received_at=parse_datetime(doc["received_at"]),
        incident_at=incident,
        language=doc.get("language", "en"),
        victim=Victim(**victim),
        contact=Contact(**doc.get("contact", {})),
        caller=Caller(**doc.get("caller", {})),
        websites=tuple(doc.get("websites", ())),
        remote_access=RemoteAccess(**doc.get("remote_access", {})),
        payments=tuple(Payment(**p) for p in doc.get("payments", ())),
        narrative=narrative,
    )


def incident_key(report: Report, extraction: Any) -> str | None:
    """Keys that a second report of the same incident (through another channel) would share.

    Up to three, space-separated, each a short hash: the minute of the contact in
    the victim's wall-clock time with their country (two reports of one call
    give the same time, with or without an offset); the victim's own contact
    (personal data, so only its hash) with the day; the amount lost with the day
    and country. Reports of one operation sharing any key count as one incident.
    ``None`` when nothing identifies the incident.
    """
    _utc, day = incident_columns(report)
    v = report.victim
    bases: list[str] = []
    inc = report.incident_at
    if isinstance(inc, datetime):
        bases.append(f"minute|{inc.replace(tzinfo=None).isoformat(timespec='minutes')}|{v.country or ''}")
    contact = (v.email or "").strip().lower() or "".join(ch for ch in (v.phone or "") if ch.isdigit())[-9:]
    if contact:
        bases.append(f"victim|{contact}|{day.isoformat()}")
    losses = extraction.facts.get("losses") or {}
    if losses:
        amount = ";".join(f"{cur}:{round(float(val))}" for cur, val in sorted(losses.items()))
        bases.append(f"loss|{day.isoformat()}|{v.country or ''}|{amount}")
    if not bases:
        return None
    return " ".join(hashlib.sha256(b.encode("utf-8")).hexdigest()[:20] for b in bases)
