"""Linking quality against the demo world's truth, beside two baselines.

For each seed: generate a world, ingest it into a fresh SQLite store, link it,
then score B-cubed precision/recall/F1 of

  * scamtrace's operations,
  * baseline A — connected components over every extracted value (any kind, any role),
  * baseline B — connected components over strong scammer-role indicators only,

and tech-support classification precision/recall. Prints a markdown table.

    .venv/bin/python bench/link_quality.py --reports 5000 --seeds 11 12 13
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
from sqlalchemy import select

from scamtrace.demo import write_world
from scamtrace.domain import STRONG_KINDS
from scamtrace.link.cluster import pieces
from scamtrace.services.ingest import ingest_paths
from scamtrace.services.linking import rebuild
from scamtrace.store import open_store
from scamtrace.store.tables import (
    assignments,
    indicators,
    report_indicators,
    reports,
    victim_indicators,
)


def bcubed(pred: list[str], truth: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over items labelled by ``pred`` and ``truth``."""
    pair = Counter(zip(pred, truth, strict=True))
    p_size = Counter(pred)
    t_size = Counter(truth)
    n = len(pred)
    precision = sum(c * c / p_size[p] for (p, _t), c in pair.items()) / n
    recall = sum(c * c / t_size[t] for (_p, t), c in pair.items()) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def _cc_labels(n: int, pk_index: dict[int, int], edges: list[tuple[int, object]]) -> list[str]:
    node_ids: dict[object, int] = {}
    er, en = [], []
    for pk, value in edges:
        er.append(pk_index[pk])
        en.append(node_ids.setdefault(value, len(node_ids)))
    labels = pieces(n, np.asarray(er, dtype=np.int64), np.asarray(en, dtype=np.int64), max(len(node_ids), 1))
    return [f"cc{x}" for x in labels.tolist()]


def evaluate(reports_n: int, seed: int, workdir: Path) -> dict[str, float]:
    world = workdir / f"world-{seed}"
    t0 = time.perf_counter()
    write_world(world, reports=reports_n, seed=seed)
    store = open_store(f"sqlite:///{workdir / f'store-{seed}.db'}")
    ingest_paths(store, [str(world / "reports.jsonl")])
    t1 = time.perf_counter()
    summary = rebuild(store)
    t2 = time.perf_counter()
    truth: dict[tuple[str, str], tuple[str, bool]] = {}
    with (world / "truth.csv").open() as f:
        for row in csv.DictReader(f):
            truth[(row["source"], row["report_id"])] = (row["operation_id"], row["is_tss"] == "1")
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(reports.c.id, reports.c.source, reports.c.report_id, reports.c.is_tss, assignments.c.operation_id)
            .select_from(reports.outerjoin(assignments, assignments.c.report_pk == reports.c.id))
            .order_by(reports.c.id)
        ).all()
        every = conn.execute(
            select(report_indicators.c.report_pk, indicators.c.kind, indicators.c.value).select_from(report_indicators.join(indicators))
        ).all()
        own = conn.execute(select(victim_indicators.c.report_pk, victim_indicators.c.kind, victim_indicators.c.value)).all()
        strong = conn.execute(
            select(report_indicators.c.report_pk, indicators.c.kind, indicators.c.value)
            .select_from(report_indicators.join(indicators))
            .where(report_indicators.c.role == "scammer", indicators.c.kind.in_(sorted(k.value for k in STRONG_KINDS)))
        ).all()
    store.dispose()
    pk_index = {r.id: i for i, r in enumerate(rows)}
    true_labels = [truth[(r.source, r.report_id)][0] or f"single:{r.source}/{r.report_id}" for r in rows]
    ours = [r.operation_id or f"single:{r.id}" for r in rows]
    base_a = _cc_labels(len(rows), pk_index, [(pk, (k, v)) for pk, k, v in every] + [(pk, (k, v)) for pk, k, v in own])
    base_b = _cc_labels(len(rows), pk_index, [(pk, (k, v)) for pk, k, v in strong])
    tp = sum(1 for r in rows if r.is_tss and truth[(r.source, r.report_id)][1])
    fp = sum(1 for r in rows if r.is_tss and not truth[(r.source, r.report_id)][1])
    fn = sum(1 for r in rows if not r.is_tss and truth[(r.source, r.report_id)][1])
    out: dict[str, float] = {"seed": seed, "reports": len(rows), "operations": summary.operations, "ingest_s": t1 - t0, "link_s": t2 - t1}
    for name, labels in (("ours", ours), ("cc_all", base_a), ("cc_strong", base_b)):
        p, r_, f1 = bcubed(labels, true_labels)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r_, f1
    out["tss_p"] = tp / max(tp + fp, 1)
    out["tss_r"] = tp / max(tp + fn, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=5000)
    ap.add_argument("--seeds", type=int, nargs="+", default=[11, 12, 13])
    args = ap.parse_args()
    cols = ["seed", "reports", "operations", "ours_p", "ours_r", "ours_f1", "cc_strong_f1", "cc_all_f1", "tss_p", "tss_r", "link_s"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    with tempfile.TemporaryDirectory() as d:
        for seed in args.seeds:
            res = evaluate(args.reports, seed, Path(d))
            print("| " + " | ".join(f"{res[c]:.3f}" if isinstance(res[c], float) else str(res[c]) for c in cols) + " |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
