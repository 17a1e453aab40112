"""Ingest report files: validate, dedupe, extract, classify and store, in batches.

Each batch is one transaction, so a killed ingest loses at most the batch in
flight, and running it again stores what is missing and skips what is there.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, tuple_, update

from scamtrace.domain import Extraction, Report, Role
from scamtrace.intake import Reject, Row, read_path
from scamtrace.link.weak import weak_tokens
from scamtrace.store import Store
from scamtrace.store.bulk import chunks, indicator_ids, insert_ignore
from scamtrace.store.codec import (
    EPOCH_DAY,
    changed_fields,
    content_hash,
    incident_columns,
    incident_key,
    report_document,
    split_personal,
    to_utc_naive,
)
from scamtrace.store.tables import (
    ingest_runs,
    rejects,
    report_changes,
    report_indicators,
    report_personal,
    reports,
    victim_indicators,
)

log = logging.getLogger(__name__)

ExtractMany = Callable[[Sequence[Report]], list[Extraction]]
DEFAULT_BATCH = 1000


def default_extract_many(batch: Sequence[Report]) -> list[Extraction]:
    from scamtrace.extract import extract_report

    return [extract_report(r) for r in batch]


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    run_id: int | None = None
    report_pks: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
        }


@dataclass
class _Pending:
    row: Row
    doc: dict[str, Any]
    digest: str


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def ingest_paths(
    store: Store,
    paths: Iterable[str],
    *,
    on_reject: Callable[[Reject], None] | None = None,
    progress: Callable[[int], None] | None = None,
    extract_many: ExtractMany | None = None,
    batch_size: int = DEFAULT_BATCH,
    keep_pks: bool = False,
    workers: int = 1,
) -> IngestSummary:
    """Ingest every path. I/O errors on opening a file raise :class:`InputError` before anything is read from it."""
    paths = list(paths)
    with store.engine.begin() as conn:
        run_id = conn.execute(
            insert(ingest_runs).values(started_at=_now(), paths=paths).returning(ingest_runs.c.id)
        ).scalar_one()
    summary = IngestSummary(run_id=run_id)
    items = (item for path in paths for item in read_path(path, progress))
    ingest_items(store, items, summary, on_reject=on_reject, extract_many=extract_many, batch_size=batch_size, keep_pks=keep_pks, workers=workers)
    with store.engine.begin() as conn:
        conn.execute(update(ingest_runs).where(ingest_runs.c.id == run_id).values(finished_at=_now(), counts=summary.as_dict()))
    return summary


def ingest_reports(store: Store, items: Iterable[Report], **kwargs: Any) -> IngestSummary:
    """Ingest already-parsed reports (from the API or a source adapter)."""
    summary = IngestSummary()
    rows = (Row("(api)", i + 1, r) for i, r in enumerate(items))
    ingest_items(store, rows, summary, **kwargs)
    return summary


def _batches(items: Iterator[Row | Reject] | Iterable[Row | Reject], size: int) -> Iterator[tuple[list[Row], list[Reject]]]:
    rows: list[Row] = []
    bad: list[Reject] = []
    keys: set[tuple[str, str]] = set()
    for item in items:
        if isinstance(item, Reject):
            bad.append(item)
            continue
        key = item.report.key
        if key in keys or len(rows) >= size:
            # The same report twice in one batch: flush so the second is judged against the first.
            yield rows, bad
            rows, bad, keys = [], [], set()
        rows.append(item)
        keys.add(key)
    if rows or bad:
        yield rows, bad


def ingest_items(
    store: Store,
    items: Iterable[Row | Reject],
    summary: IngestSummary,
    *,
    on_reject: Callable[[Reject], None] | None = None,
    extract_many: ExtractMany | None = None,
    batch_size: int = DEFAULT_BATCH,
    keep_pks: bool = False,
    workers: int = 1,
) -> None:
    """Store items batch by batch, one transaction each, in file order.

    With ``workers`` > 1 extraction runs in that many processes while this one
    validates, plans and writes: batch k is written while batch k+1 is extracted.
    """
    pool = _pool(workers) if extract_many is None and workers > 1 else None
    in_flight: deque[tuple[_Plan, Any]] = deque()
    flying: set[tuple[str, str]] = set()

    def finish() -> None:
        plan, result = in_flight.popleft()
        extractions = result.result() if pool is not None else result
        with store.engine.begin() as conn:
            pks = _write_batch(conn, plan, extractions, summary)
        flying.difference_update(p.row.report.key for p in plan.work)
        if keep_pks:
            summary.report_pks.extend(pks)

    try:
        for rows, bad in _batches(items, batch_size):
            summary.read += len(rows) + len(bad)
            summary.rejected += len(bad)
            if bad:
                with store.engine.begin() as conn:
                    conn.execute(
                        insert(rejects),
                        [
                            {"run_id": summary.run_id, "path": r.path, "line": r.line, "field": r.field, "reason": r.reason, "raw": r.raw, "created_at": _now()}
                            for r in bad
                        ],
                    )
                if on_reject is not None:
                    for r in bad:
                        on_reject(r)
            if not rows:
                continue
            # A report still being extracted must be written before it is judged again.
            while in_flight and any(r.report.key in flying for r in rows):
                finish()
            with store.engine.connect() as conn:
                plan = _plan_batch(conn, rows, summary)
            if keep_pks:
                summary.report_pks.extend(plan.unchanged_pks)
            reports_ = [p.row.report for p in plan.work]
            if pool is not None:
                in_flight.append((plan, pool.submit(_extract_chunk, reports_)))
            else:
                in_flight.append((plan, (extract_many or default_extract_many)(reports_) if reports_ else []))
            flying.update(r.report.key for r in rows)
            while len(in_flight) > (2 if pool is not None else 0):
                finish()
        while in_flight:
            finish()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing

    # fork: workers start with the extractor's reference data already imported
    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx)


def _extract_chunk(batch: list[Report]) -> list[Extraction]:
    return default_extract_many(batch)


@dataclass
class _Plan:
    work: list[_Pending]
    new: int
    changed: list[tuple[int, str, dict[str, Any]]]  # pk, old hash, old comparable doc — for work[new:]
    unchanged_pks: list[int]


def _plan_batch(conn: Connection, rows: list[Row], summary: IngestSummary) -> _Plan:
    pending = []
    for row in rows:
        doc = report_document(row.report)
        pending.append(_Pending(row, doc, content_hash(doc)))
    existing: dict[tuple[str, str], tuple[int, str, dict[str, Any]]] = {}
    for part in chunks([p.row.report.key for p in pending]):
        q = select(
            reports.c.id, reports.c.source, reports.c.report_id, reports.c.content_hash, reports.c.doc, reports.c.narrative
        ).where(tuple_(reports.c.source, reports.c.report_id).in_(list(part)))
        for pk, source, report_id, digest, doc, narrative in conn.execute(q):
            existing[(source, report_id)] = (pk, digest, _comparable(doc, narrative))
    new: list[_Pending] = []
    changed: list[tuple[_Pending, tuple[int, str, dict[str, Any]]]] = []
    unchanged: list[int] = []
    for p in pending:
        found = existing.get(p.row.report.key)
        if found is None:
            new.append(p)
        elif found[1] == p.digest:
            summary.unchanged += 1
            unchanged.append(found[0])
        else:
            changed.append((p, found))
    return _Plan(work=new + [c[0] for c in changed], new=len(new), changed=[c[1] for c in changed], unchanged_pks=unchanged)


def _write_batch(conn: Connection, plan: _Plan, extractions: list[Extraction], summary: IngestSummary) -> list[int]:
    if not plan.work:
        return []
    now = _now()
    values = [_report_values(p, ex, now) for p, ex in zip(plan.work, extractions, strict=True)]
    pks: list[int] = []
    if plan.new:
        result = conn.execute(
            insert(reports).returning(reports.c.id, sort_by_parameter_order=True),
            [dict(v, created_at=now) for v in values[: plan.new]],
        )
        pks = [r[0] for r in result]
        summary.stored += plan.new
    if plan.changed:
        changed_pks = [c[0] for c in plan.changed]
        upd = values[plan.new :]
        stmt = update(reports).where(reports.c.id == bindparam("_pk")).values(
            {k: bindparam(k) for k in upd[0] if k not in ("source", "report_id")}
        )
        conn.execute(stmt, [dict({k: v for k, v in u.items() if k not in ("source", "report_id")}, _pk=pk) for u, pk in zip(upd, changed_pks, strict=True)])
        for table in (report_indicators, victim_indicators, report_personal):
            conn.execute(delete(table).where(table.c.report_pk.in_(changed_pks)))
        conn.execute(
            insert(report_changes),
            [
                {
                    "report_pk": pk,
                    "changed_at": now,
                    "old_hash": old_hash,
                    "new_hash": p.digest,
                    "fields": changed_fields(old, _comparable(split_personal(p.doc)[0], p.doc.get("narrative", "")))
                    or ["victim (personal fields)"],
                    "path": p.row.path,
                    "line": p.row.line,
                }
                for (pk, old_hash, old), p in zip(plan.changed, plan.work[plan.new :], strict=True)
            ],
        )
        pks.extend(changed_pks)
        summary.updated += len(plan.changed)
    write_extractions(conn, pks, [p.doc for p in plan.work], extractions)
    return pks


def _report_values(p: _Pending, ex: Extraction, now: datetime) -> dict[str, Any]:
    report = p.row.report
    public, _personal = split_personal(p.doc)
    incident_utc, incident_day = incident_columns(report)
    cls = ex.classification
    return {
        "source": report.source,
        "report_id": report.report_id,
        "content_hash": p.digest,
        "received_at": p.doc["received_at"],
        "received_utc": to_utc_naive(report.received_at),
        "incident_at": p.doc.get("incident_at"),
        "incident_utc": incident_utc,
        "incident_day": incident_day,
        "day_number": (incident_day - EPOCH_DAY).days,
        "incident_key": incident_key(report, ex),
        "language": report.language,
        "victim_country": report.victim.country,
        "victim_region": report.victim.region,
        "victim_age_band": report.victim.age_band,
        "channel": report.contact.channel,
        "direction": report.contact.direction,
        "doc": public,
        "narrative": report.narrative,
        "is_tss": cls.is_tss,
        "scam_type": cls.scam_type,
        "tss_score": cls.tss_score,
        "reasons": list(cls.reasons),
        "facts": ex.facts,
        "weak": weak_tokens(ex.indicators, ex.facts, report.victim.country, incident_utc),
        "extractor_version": _extractor_version(),
        "updated_at": now,
    }


def _comparable(public: dict[str, Any], narrative: str | None) -> dict[str, Any]:
    return dict(public, narrative=narrative) if narrative else dict(public)


def _extractor_version() -> str:
    try:
        from scamtrace.extract import EXTRACTOR_VERSION
    except ImportError:  # pragma: no cover - extraction is part of the package
        return "unknown"
    return EXTRACTOR_VERSION


def write_extractions(conn: Connection, pks: Sequence[int], docs: Sequence[dict[str, Any]], extractions: Sequence[Extraction]) -> None:
    """Store indicators (victim-role ones apart, as personal data) and the personal fields."""
    keys = {(i.kind.value, i.value) for ex in extractions for i in ex.indicators if i.role is not Role.VICTIM}
    ids = indicator_ids(conn, keys)
    links: dict[tuple[int, int, str], dict[str, Any]] = {}
    personal_ind: dict[tuple[int, str, str], dict[str, Any]] = {}
    personal: list[dict[str, Any]] = []
    for pk, doc, ex in zip(pks, docs, extractions, strict=True):
        for ind in ex.indicators:
            if ind.role is Role.VICTIM:
                personal_ind.setdefault((pk, ind.kind.value, ind.value), {"report_pk": pk, "kind": ind.kind.value, "value": ind.value, "field": ind.field})
                continue
            iid = ids[(ind.kind.value, ind.value)]
            links.setdefault(
                (pk, iid, ind.role.value),
                {
                    "report_pk": pk,
                    "indicator_id": iid,
                    "role": ind.role.value,
                    "flags": ",".join(sorted(ind.flags)),
                    "field": ind.field,
                    "span_start": ind.span[0] if ind.span else None,
                    "span_end": ind.span[1] if ind.span else None,
                },
            )
        victim = doc.get("victim", {})
        if any(victim.get(k) for k in ("name", "email", "phone")):
            personal.append({"report_pk": pk, "name": victim.get("name"), "email": victim.get("email"), "phone": victim.get("phone")})
    if links:
        conn.execute(insert(report_indicators), list(links.values()))
    insert_ignore(conn, victim_indicators, list(personal_ind.values()))
    if personal:
        conn.execute(insert(report_personal), personal)
