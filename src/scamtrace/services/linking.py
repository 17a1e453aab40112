"""Build operations from the stored reports: load the evidence graph, cluster, write.

Reading is one set-based query; writing is bulk inserts. Nothing loops over
reports with a database round trip.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sqlalchemy import Connection, and_, delete, func, insert, not_, or_, select, update

from scamtrace.domain import LINKING_KINDS
from scamtrace.link import LinkParams, build_graph, cluster
from scamtrace.link.graph import EvidenceGraph
from scamtrace.link.params import BLOCKING_FLAGS
from scamtrace.link.stable_ids import assign_ids
from scamtrace.link.transcripts import same_recording_groups
from scamtrace.link.weak import weak_matrix
from scamtrace.services.attribution import attribute_operations
from scamtrace.services.linking_fast import try_join
from scamtrace.services.summaries import write_summaries
from scamtrace.store import Store
from scamtrace.store.codec import EPOCH_DAY
from scamtrace.store.tables import (
    assignments,
    indicators,
    link_runs,
    operation_evidence,
    operations,
    report_indicators,
    reports,
)

log = logging.getLogger(__name__)
TRANSCRIPT_SOURCES = ("honeypot",)
FAST_PATH_MAX = 50  # beyond this many new reports, one region re-clustering is cheaper


@dataclass
class LinkSummary:
    reports: int
    operations: int
    linked_reports: int
    suspect_bridges: int
    kept_ids: int
    new_ids: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class LoadedGraph:
    report_pks: np.ndarray
    graph: EvidenceGraph
    weak: csr_matrix
    kinds: dict[int, str]  # indicator id → kind (negative ids: transcript bands)
    transcript_keys: dict[int, str]


def eligible_edges_query(params: LinkParams, report_pks: Sequence[int] | None = None) -> Any:
    """Report–indicator pairs that may link: strong kinds, allowed roles, no blocking flag."""
    cond = [
        report_indicators.c.role.in_(params.roles),
        indicators.c.kind.in_(sorted(k.value for k in LINKING_KINDS)),
        not_(or_(*[report_indicators.c.flags.contains(f) for f in BLOCKING_FLAGS])),
    ]
    if report_pks is not None:
        cond.append(report_indicators.c.report_pk.in_(list(report_pks)))
    return (
        select(report_indicators.c.report_pk, report_indicators.c.indicator_id, indicators.c.kind, reports.c.day_number)
        .select_from(report_indicators.join(indicators, indicators.c.id == report_indicators.c.indicator_id).join(reports, reports.c.id == report_indicators.c.report_pk))
        .where(and_(*cond))
    )


def load_graph(conn: Connection, params: LinkParams, subset: Sequence[int] | None = None) -> LoadedGraph:
    """The evidence graph over every stored report, or over ``subset`` (report pks) only."""
    if subset is None:
        pk_weak = conn.execute(select(reports.c.id, reports.c.weak).order_by(reports.c.id)).all()
        rows: list[Any] = list(conn.execute(eligible_edges_query(params)))
    else:
        wanted = sorted(set(subset))
        pk_weak = []
        rows = []
        for i in range(0, len(wanted), 500):
            part = wanted[i : i + 500]
            pk_weak.extend(conn.execute(select(reports.c.id, reports.c.weak).where(reports.c.id.in_(part)).order_by(reports.c.id)))
            rows.extend(conn.execute(eligible_edges_query(params, part)))
    report_pks = np.fromiter((r[0] for r in pk_weak), dtype=np.int64, count=len(pk_weak))
    weak = weak_matrix([r[1] for r in pk_weak])
    pk_list: list[int] = []
    ind_list: list[int] = []
    day_list: list[int] = []
    gap_list: list[int] = []
    kinds: dict[int, str] = {}
    for pk, iid, kind, day in rows:
        pk_list.append(pk)
        ind_list.append(iid)
        day_list.append(day)
        gap_list.append(params.gap(kind))
        kinds[iid] = kind
    # Honeypot transcripts of one recording: each verified group is a synthetic
    # indicator with a negative id.
    transcript_keys: dict[int, str] = {}
    q = select(reports.c.id, reports.c.narrative, reports.c.day_number).where(reports.c.source.in_(TRANSCRIPT_SOURCES))
    if subset is not None:
        q = q.where(reports.c.id.in_(report_pks.tolist()))
    texts: dict[int, str] = {}
    days: dict[int, int] = {}
    for pk, narrative, day in conn.execute(q):
        if narrative and len(narrative) >= 40:
            texts[pk] = narrative
            days[pk] = day
    for n, group in enumerate(same_recording_groups(texts)):
        iid = -1 - n
        transcript_keys[iid] = f"recording of {len(group)} transcripts"
        kinds[iid] = "transcript"
        for pk in group:
            pk_list.append(pk)
            ind_list.append(iid)
            day_list.append(days[pk])
            gap_list.append(params.gap("transcript"))
    pk_arr = np.asarray(pk_list, dtype=np.int64)
    idx = np.searchsorted(report_pks, pk_arr)
    present = (idx < len(report_pks)) & (report_pks[np.minimum(idx, len(report_pks) - 1)] == pk_arr) if len(pk_arr) else np.zeros(0, dtype=bool)
    graph = build_graph(
        len(report_pks),
        idx[present],
        np.asarray(ind_list, dtype=np.int64)[present],
        np.asarray(day_list, dtype=np.int64)[present],
        np.asarray(gap_list, dtype=np.int64)[present],
    )
    return LoadedGraph(report_pks, graph, weak, kinds, transcript_keys)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _day(n: int) -> date:
    return EPOCH_DAY + timedelta(days=int(n))


def rebuild(store: Store, params: LinkParams | None = None) -> LinkSummary:
    """Full rebuild of every operation from every stored report, keeping ids where membership mostly stays."""
    params = params or LinkParams()
    return _run(store, params, "rebuild", None)


def update_for(store: Store, new_reports: Sequence[int], params: LinkParams | None = None) -> LinkSummary:
    """Join, merge or start operations around ``new_reports`` (pks) without a full rebuild.

    The region re-clustered is every report sharing a linking indicator with a
    new report, plus every member of the operations those reports belong to.
    Clustering depends only on the connected structure, so this gives what a
    full rebuild gives wherever the region holds the whole component.
    """
    params = params or LinkParams()
    remaining = list(new_reports)
    if 0 < len(remaining) <= FAST_PATH_MAX:
        t0 = time.perf_counter()
        with store.engine.begin() as conn:
            edges: dict[int, list[tuple[int, str, int]]] = {pk: [] for pk in remaining}
            for pk, iid, kind, day in conn.execute(eligible_edges_query(params, remaining)):
                edges[pk].append((iid, kind, day))
            joined = [pk for pk in remaining if try_join(conn, params, pk, edges[pk], TRANSCRIPT_SOURCES)]
            transcripts = set(conn.execute(select(reports.c.id).where(and_(reports.c.id.in_(remaining), reports.c.source.in_(TRANSCRIPT_SOURCES)))).scalars())
            # A report with no linking value (and no transcript) stays alone: nothing to re-cluster.
            remaining = [pk for pk in remaining if pk not in joined and (edges[pk] or pk in transcripts)]
        if not remaining:
            return LinkSummary(reports=len(new_reports), operations=0, linked_reports=len(joined), suspect_bridges=0, kept_ids=0, new_ids=0, seconds=round(time.perf_counter() - t0, 4))
    return _run(store, params, "incremental", remaining)


def pending_reports(store: Store) -> list[int]:
    """Reports stored or changed since the last finished link run."""
    with store.engine.connect() as conn:
        last = conn.execute(select(func.max(link_runs.c.started_at)).where(link_runs.c.finished_at.is_not(None))).scalar()
        q = select(reports.c.id)
        if last is not None:
            q = q.where(reports.c.updated_at >= last)
        return list(conn.execute(q.order_by(reports.c.id)).scalars())


def _region(conn: Connection, params: LinkParams, new_reports: list[int]) -> tuple[list[int], set[str]]:
    ids: set[int] = set()
    for i in range(0, len(new_reports), 500):
        q = eligible_edges_query(params, new_reports[i : i + 500]).with_only_columns(report_indicators.c.indicator_id)
        ids.update(conn.execute(q).scalars())
    region: set[int] = set(new_reports)
    id_list = sorted(ids)
    for i in range(0, len(id_list), 500):
        region.update(
            conn.execute(select(report_indicators.c.report_pk).where(report_indicators.c.indicator_id.in_(id_list[i : i + 500]))).scalars()
        )
    ops: set[str] = set()
    reg = sorted(region)
    for i in range(0, len(reg), 500):
        ops.update(conn.execute(select(assignments.c.operation_id).where(assignments.c.report_pk.in_(reg[i : i + 500])).distinct()).scalars())
    op_list = sorted(ops)
    for i in range(0, len(op_list), 500):
        region.update(conn.execute(select(assignments.c.report_pk).where(assignments.c.operation_id.in_(op_list[i : i + 500]))).scalars())
    # Honeypot transcripts link by text, not by stored indicators: keep every one in play.
    has_transcript = any(
        conn.execute(select(reports.c.id).where(and_(reports.c.id.in_(new_reports[i : i + 500]), reports.c.source.in_(TRANSCRIPT_SOURCES))).limit(1)).first()
        for i in range(0, len(new_reports), 500)
    )
    if has_transcript:
        region.update(conn.execute(select(reports.c.id).where(reports.c.source.in_(TRANSCRIPT_SOURCES))).scalars())
        hp = sorted(region)
        for i in range(0, len(hp), 500):
            ops.update(conn.execute(select(assignments.c.operation_id).where(assignments.c.report_pk.in_(hp[i : i + 500])).distinct()).scalars())
        op_list = sorted(ops)
        for i in range(0, len(op_list), 500):
            region.update(conn.execute(select(assignments.c.report_pk).where(assignments.c.operation_id.in_(op_list[i : i + 500]))).scalars())
    return sorted(region), ops


def _run(store: Store, params: LinkParams, mode: str, new_reports: list[int] | None) -> LinkSummary:
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        run_id = conn.execute(insert(link_runs).values(started_at=_now(), mode=mode, params=params.as_dict()).returning(link_runs.c.id)).scalar_one()
        if new_reports is None:
            loaded = load_graph(conn, params)
            old_ops: set[str] | None = None
            old = dict(conn.execute(select(assignments.c.report_pk, assignments.c.operation_id)).all())
        else:
            region, old_ops = _region(conn, params, new_reports)
            loaded = load_graph(conn, params, region)
            old = {}
            for i in range(0, len(region), 500):
                old.update(conn.execute(select(assignments.c.report_pk, assignments.c.operation_id).where(assignments.c.report_pk.in_(region[i : i + 500]))).all())
        result = cluster(loaded.graph, params, loaded.weak)
        summary = _write(conn, loaded, result.labels, result.used_node, result.suspect_nodes, old, old_ops, params)
        summary.seconds = round(time.perf_counter() - t0, 4)
        conn.execute(update(link_runs).where(link_runs.c.id == run_id).values(finished_at=_now(), stats=summary.as_dict()))
    return summary


def _write(
    conn: Connection,
    loaded: LoadedGraph,
    labels: np.ndarray,
    used: np.ndarray,
    suspect_nodes: list[int],
    old: dict[int, str],
    old_ops: set[str] | None,
    params: LinkParams,
) -> LinkSummary:
    """Replace the operations in play (all of them when ``old_ops`` is None) with the new clusters."""
    pks = loaded.report_pks
    sizes = np.bincount(labels) if len(labels) else np.zeros(0, dtype=np.int64)
    keep = sizes >= params.min_operation_size
    first_pk = np.full(len(sizes), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first_pk, labels, pks)
    keys = {}
    wanted = [int(first_pk[lab]) for lab in np.flatnonzero(keep)]
    for i in range(0, len(wanted), 500):
        for pk, source, rid in conn.execute(select(reports.c.id, reports.c.source, reports.c.report_id).where(reports.c.id.in_(wanted[i : i + 500]))):
            keys[pk] = (source, rid)
    ids = assign_ids(labels, keep, [old.get(int(pk)) for pk in pks], lambda lab: keys[int(first_pk[lab])])
    if old_ops is not None:
        # an id derived for a new cluster must not collide with an operation outside the region
        outside = set(conn.execute(select(operations.c.id).where(operations.c.id.in_(sorted(set(ids.values()) - old_ops)))).scalars()) if ids else set()
        for lab, op in list(ids.items()):
            if op in outside:
                ids[lab] = f"{op}-r{int(first_pk[lab])}"
    previous = set(old.values())
    kept_ids = sum(1 for v in ids.values() if v in previous)

    if old_ops is None:
        conn.execute(delete(operation_evidence))
        conn.execute(delete(assignments))
        conn.execute(delete(operations))
    else:
        gone = sorted(old_ops)
        for i in range(0, len(gone), 500):
            part = gone[i : i + 500]
            conn.execute(delete(operation_evidence).where(operation_evidence.c.operation_id.in_(part)))
            conn.execute(delete(assignments).where(assignments.c.operation_id.in_(part)))
            conn.execute(delete(operations).where(operations.c.id.in_(part)))
    now = _now()
    op_rows = [
        {"id": op_id, "created_at": now, "updated_at": now, "reports": int(sizes[lab]), "incidents": int(sizes[lab]), "is_tss": False, "harm": 0.0, "summary": {}}
        for lab, op_id in ids.items()
    ]
    for i in range(0, len(op_rows), 20_000):
        conn.execute(insert(operations), op_rows[i : i + 20_000])
    assign_rows = [{"report_pk": int(pk), "operation_id": ids[int(lab)]} for pk, lab in zip(pks.tolist(), labels.tolist(), strict=True) if int(lab) in ids]
    for i in range(0, len(assign_rows), 50_000):
        conn.execute(insert(assignments), assign_rows[i : i + 50_000])
    _write_evidence(conn, loaded, labels, used, suspect_nodes, ids)
    write_summaries(conn, list(ids.values()))
    if ids:  # None would mean every operation
        attribute_operations(conn, list(ids.values()))
    return LinkSummary(
        reports=len(pks),
        operations=len(ids),
        linked_reports=len(assign_rows),
        suspect_bridges=len(suspect_nodes),
        kept_ids=kept_ids,
        new_ids=len(ids) - kept_ids,
        seconds=0.0,
    )


def _write_evidence(conn: Connection, loaded: LoadedGraph, labels: np.ndarray, used: np.ndarray, suspect_nodes: list[int], ids: dict[int, str]) -> None:
    g = loaded.graph
    if g.n_nodes == 0:
        return
    status = np.where(used, 1, 0)
    status[np.asarray(suspect_nodes, dtype=np.int64)] = 2
    edge_label = labels[g.edge_report]
    pair = np.unique(np.stack([g.edge_node, edge_label], axis=1), axis=0, return_counts=True)
    rows: list[dict[str, Any]] = []
    for (node, label), count in zip(pair[0].tolist(), pair[1].tolist(), strict=True):
        st = status[node]
        op = ids.get(label)
        if op is None or st == 0:
            continue
        ind = int(g.node_indicator[node])
        if ind < 0:
            continue  # transcript bands are explained from the reports themselves
        rows.append(
            {
                "operation_id": op,
                "indicator_id": ind,
                "first_day": _day(g.node_first_day[node]),
                "last_day": _day(g.node_last_day[node]),
                "reports": int(count),
                "status": "link" if st == 1 else "suspect",
            }
        )
    for i in range(0, len(rows), 50_000):
        conn.execute(insert(operation_evidence), rows[i : i + 50_000])
