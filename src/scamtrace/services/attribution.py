"""Attribute operations to places: load their evidence, run :mod:`scamtrace.attribute`, write.

``attribute_operations`` runs inside the caller's transaction (the link run
calls it at the end of each rebuild or update). Reading is three set-based
queries (reports, scammer-side indicators, investigator notes) over the
operations in play, in chunks of ids; writing is bulk deletes, inserts and
one executemany update. Nothing queries per report or per operation.

Rows written to ``attributions``: rank 1…n are the ranked hypotheses. Rank 0,
with no country and confidence 0, holds the evidence that was examined but
supports no listed place (toll-free numbers, private IPs, too few timed
reports): it is what explains an "unknown".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Select, bindparam, delete, insert, null, select, update

from scamtrace.attribute import (
    Attribution,
    IndicatorFact,
    NoteFact,
    OperationInputs,
    ReportFacts,
    attribute,
)
from scamtrace.errors import ConfigError, NotFound
from scamtrace.store import Store
from scamtrace.store.bulk import chunks
from scamtrace.store.tables import (
    assignments,
    attributions,
    indicators,
    location_notes,
    operations,
    report_indicators,
    reports,
)

# Kinds any signal module reads; the rest are never loaded.
LOCATING_KINDS = ("ip", "phone", "bank_account", "upi")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


@dataclass
class AttributionSummary:
    operations: int
    located: int  # with at least one hypothesis
    confident: int  # top hypothesis ≥ 0.5
    with_offset: int
    by_country: dict[str, int]
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _in_chunks(
    conn: Connection, query: Select[Any], column: Any, op_ids: Sequence[str] | None
) -> Iterable[Any]:
    if op_ids is None:
        yield from conn.execute(query)
        return
    for part in chunks(list(op_ids)):
        yield from conn.execute(query.where(column.in_(list(part))))


def load_inputs(conn: Connection, op_ids: Sequence[str] | None) -> dict[str, OperationInputs]:
    """Everything attribution reads, for the given operations (None: all)."""
    if op_ids is None:
        ids = list(conn.execute(select(operations.c.id)).scalars())
    else:
        ids = sorted(set(op_ids))
        found: list[str] = []
        for part in chunks(ids):
            found.extend(
                conn.execute(
                    select(operations.c.id).where(operations.c.id.in_(list(part)))
                ).scalars()
            )
        ids = sorted(found)
    scope = None if op_ids is None else ids
    facts: dict[str, list[ReportFacts]] = defaultdict(list)
    refs: dict[int, str] = {}
    q_reports = select(
        assignments.c.operation_id,
        reports.c.id,
        reports.c.source,
        reports.c.report_id,
        reports.c.incident_at,
        reports.c.incident_utc,
        reports.c.victim_country,
        reports.c.victim_region,
        reports.c.scam_type,
    ).select_from(assignments.join(reports, reports.c.id == assignments.c.report_pk))
    for op, pk, source, rid, inc_at, inc_utc, country, region, scam_type in _in_chunks(
        conn, q_reports, assignments.c.operation_id, scope
    ):
        ref = f"{source}/{rid}"
        refs[pk] = ref
        facts[op].append(ReportFacts(ref, inc_at, inc_utc, country, region, scam_type))
    inds: dict[str, list[IndicatorFact]] = defaultdict(list)
    q_inds = (
        select(
            assignments.c.operation_id,
            report_indicators.c.report_pk,
            indicators.c.kind,
            indicators.c.value,
            report_indicators.c.role,
            report_indicators.c.flags,
        )
        .select_from(
            assignments.join(
                report_indicators, report_indicators.c.report_pk == assignments.c.report_pk
            ).join(indicators, indicators.c.id == report_indicators.c.indicator_id)
        )
        .where(indicators.c.kind.in_(LOCATING_KINDS), report_indicators.c.role == "scammer")
    )
    flag_sets: dict[str, frozenset[str]] = {}  # few distinct flag strings, many rows
    for op, pk, kind, value, role, flags in _in_chunks(
        conn, q_inds, assignments.c.operation_id, scope
    ):
        flag_set = flag_sets.get(flags or "")
        if flag_set is None:
            flag_set = frozenset(f.strip() for f in (flags or "").split(",") if f.strip())
            flag_sets[flags or ""] = flag_set
        inds[op].append(IndicatorFact(refs.get(pk, str(pk)), kind, value, role, flag_set))
    notes: dict[str, list[NoteFact]] = defaultdict(list)
    q_notes = select(location_notes).order_by(location_notes.c.id)
    for row in _in_chunks(conn, q_notes, location_notes.c.operation_id, scope):
        created = row.created_at.isoformat(timespec="minutes") if row.created_at else None
        notes[row.operation_id].append(
            NoteFact(
                row.country, row.region, row.city, row.text, row.source, row.author, created, row.id
            )
        )
    return {
        op: OperationInputs(
            op, tuple(facts.get(op, ())), tuple(inds.get(op, ())), tuple(notes.get(op, ()))
        )
        for op in ids
    }


def _rows(op: str, result: Attribution, now: datetime) -> list[dict[str, Any]]:
    rows = [
        {
            "operation_id": op,
            "rank": i + 1,
            "country": h.country,
            "region": h.region,
            "city": h.city,
            "confidence": round(h.confidence, 4),
            "evidence": [e.as_dict() for e in h.evidence],
            "computed_at": now,
        }
        for i, h in enumerate(result.hypotheses)
    ]
    if result.notes or not result.hypotheses:
        evidence = [e.as_dict() for e in result.notes] or [
            {
                "signal": "none",
                "rule": "no_evidence",
                "detail": "no report of this operation carries a locating indicator or a usable incident time",
                "reports": [],
                "values": [],
                "data_date": None,
                "weight": 0.0,
            }
        ]
        rows.append(
            {
                "operation_id": op,
                "rank": 0,
                "country": None,
                "region": None,
                "city": None,
                "confidence": 0.0,
                "evidence": evidence,
                "computed_at": now,
            }
        )
    return rows


def attribute_operations(conn: Connection, op_ids: Sequence[str] | None = None) -> int:
    """Recompute and store the attribution of ``op_ids`` (None: every operation); returns how many."""
    return attribute_with_summary(conn, op_ids).operations


def attribute_with_summary(
    conn: Connection, op_ids: Sequence[str] | None = None
) -> AttributionSummary:
    import time

    t0 = time.perf_counter()
    inputs = load_inputs(conn, op_ids)
    now = _now()
    rows: list[dict[str, Any]] = []
    with_offset: list[dict[str, Any]] = []
    without_offset: list[dict[str, Any]] = []
    by_country: dict[str, int] = defaultdict(int)
    located = confident = 0
    for op, inp in inputs.items():
        result = attribute(inp)
        rows.extend(_rows(op, result, now))
        location = [h.as_location() for h in result.hypotheses]
        if result.hypotheses:
            located += 1
            top = result.hypotheses[0]
            by_country[top.country] += 1
            confident += top.confidence >= 0.5
        if result.utc_offset is None:
            without_offset.append({"op_id": op, "loc": location})
        else:
            with_offset.append({"op_id": op, "loc": location, "off": result.utc_offset.as_dict()})
    if op_ids is None:
        conn.execute(delete(attributions))
    else:
        for part in chunks(sorted(inputs)):
            conn.execute(delete(attributions).where(attributions.c.operation_id.in_(list(part))))
    for i in range(0, len(rows), 20_000):
        conn.execute(insert(attributions), rows[i : i + 20_000])
    target = operations.c.id == bindparam("op_id")
    if with_offset:
        conn.execute(
            update(operations)
            .where(target)
            .values(location=bindparam("loc"), utc_offset=bindparam("off")),
            with_offset,
        )
    if without_offset:
        # SQL NULL, not the JSON text 'null': "no estimate" must read as NULL in SQL too.
        conn.execute(
            update(operations).where(target).values(location=bindparam("loc"), utc_offset=null()),
            without_offset,
        )
    return AttributionSummary(
        operations=len(inputs),
        located=located,
        confident=confident,
        with_offset=len(with_offset),
        by_country=dict(sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))),
        seconds=round(time.perf_counter() - t0, 3),
    )


def attribute_all(store: Store) -> AttributionSummary:
    """Recompute every operation's attribution in one transaction."""
    with store.engine.begin() as conn:
        return attribute_with_summary(conn, None)


def add_note(
    store: Store,
    op_id: str,
    country: str,
    region: str | None,
    city: str | None,
    text: str,
    source: str,
    author: str,
) -> int:
    """Record an investigator's location note and re-attribute the operation; returns the note id."""
    if not _COUNTRY.match(country or ""):
        raise ConfigError(
            f"{country!r} is not an ISO 3166-1 alpha-2 country code (e.g. IN, PK, PH)"
        )
    if not source.strip():
        raise ConfigError("a location note needs its source (who or what established it)")
    with store.engine.begin() as conn:
        if conn.execute(select(operations.c.id).where(operations.c.id == op_id)).first() is None:
            raise NotFound(f"no operation {op_id!r}; list them with: scamtrace operations")
        note_id = conn.execute(
            insert(location_notes)
            .values(
                operation_id=op_id,
                country=country.upper(),
                region=(region or "").strip() or None,
                city=(city or "").strip() or None,
                text=text.strip(),
                source=source.strip(),
                author=author.strip() or "unknown",
                created_at=_now(),
            )
            .returning(location_notes.c.id)
        ).scalar_one()
        attribute_operations(conn, [op_id])
    return int(note_id)


def get_attribution(store: Store, op_id: str) -> list[dict[str, Any]]:
    """The stored attribution rows of one operation, rank 0 (examined, supports nothing) last."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(attributions)
            .where(attributions.c.operation_id == op_id)
            .order_by(attributions.c.rank)
        ).all()
    out = [dict(r._mapping) for r in rows]
    return [r for r in out if r["rank"] > 0] + [r for r in out if r["rank"] == 0]
