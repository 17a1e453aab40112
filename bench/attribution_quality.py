"""Attribution quality against the demo world's truth.

For each seed: generate a world, ingest it into a fresh SQLite store, link it,
attribute every operation, then map each operation with at least
``--min-reports`` reports to its majority true centre (``truth.csv``) and
score against ``centres.json``:

  * country top-1: the first hypothesis' country is the centre's country
    (an "unknown" operation counts as a miss),
  * UTC offset within ±1 h of the centre's standard offset (no estimate counts as a miss),
  * confident without evidence: a hypothesis with confidence ≥ 0.5 whose
    evidence has no item of positive weight, or only timing (must be 0),
  * confident and wrong: top hypothesis ≥ 0.5 on the wrong country,
  * calibration: accuracy of top hypotheses by confidence band.

Prints markdown tables. Seeds 3 and 5 were used while building the method;
the defaults below were not.

    .venv/bin/python bench/attribution_quality.py --reports 20000 --seeds 101 202 303
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select

from scamtrace.demo import write_world
from scamtrace.services.attribution import attribute_with_summary
from scamtrace.services.ingest import ingest_paths
from scamtrace.services.linking import rebuild
from scamtrace.store import open_store
from scamtrace.store.tables import assignments, attributions, operations, reports

BANDS = ((0.0, 0.2), (0.2, 0.35), (0.35, 0.5), (0.5, 0.8), (0.8, 1.01))


def evaluate(reports_n: int, seed: int, workdir: Path, min_reports: int) -> dict[str, Any]:
    world = workdir / f"world-{seed}"
    write_world(world, reports=reports_n, seed=seed)
    store = open_store(f"sqlite:///{workdir / f'store-{seed}.db'}")
    ingest_paths(store, [str(world / "reports.jsonl")])
    rebuild(store)
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        summary = attribute_with_summary(conn, None)
    seconds = time.perf_counter() - t0
    truth: dict[tuple[str, str], str] = {}
    with (world / "truth.csv").open() as f:
        for row in csv.DictReader(f):
            truth[(row["source"], row["report_id"])] = row["operation_id"]
    centres = {c["id"]: c for c in json.loads((world / "centres.json").read_text())}
    with store.engine.connect() as conn:
        members: dict[str, list[str]] = defaultdict(list)
        for op, source, rid in conn.execute(
            select(assignments.c.operation_id, reports.c.source, reports.c.report_id).select_from(
                assignments.join(reports, reports.c.id == assignments.c.report_pk)
            )
        ):
            members[op].append(truth.get((source, rid), ""))
        ops = {
            r.id: r
            for r in conn.execute(
                select(operations.c.id, operations.c.location, operations.c.utc_offset)
            )
        }
        evidence: dict[str, dict[int, list[dict[str, Any]]]] = defaultdict(dict)
        for op, rank, ev in conn.execute(
            select(attributions.c.operation_id, attributions.c.rank, attributions.c.evidence)
        ):
            evidence[op][rank] = ev
    stats: Counter[str] = Counter()
    bands: dict[tuple[float, float], list[int]] = {b: [0, 0] for b in BANDS}
    misses: list[str] = []
    for op, labels in members.items():
        if len(labels) < min_reports:
            continue
        centre_id, _n = Counter(labels).most_common(1)[0]
        if not centre_id:
            continue  # mostly reports of no operation: nothing to locate
        centre = centres[centre_id]
        op_row = ops[op]
        location = op_row.location or []
        stats["operations"] += 1
        top = location[0] if location else None
        right = bool(top and top["country"] == centre["country"])
        stats["country_right"] += right
        stats["unknown"] += top is None
        if top is not None:
            for lo, hi in BANDS:
                if lo <= top["confidence"] < hi:
                    bands[(lo, hi)][0] += 1
                    bands[(lo, hi)][1] += right
            if top["confidence"] >= 0.5 and not right:
                stats["confident_wrong"] += 1
        for rank, hyp in enumerate(location, start=1):
            if hyp["confidence"] < 0.5:
                continue
            ev = evidence[op].get(rank, [])
            if not any(e["weight"] > 0 and e["signal"] != "timing" for e in ev):
                stats["confident_without_evidence"] += 1
        off = op_row.utc_offset
        if off is not None:
            stats["with_offset"] += 1
            stats["offset_right"] += abs(off["hours"] - centre["utc_offset_hours"]) <= 1.0
        if not right:
            misses.append(
                f"{op} ({len(labels)} reports) true {centre['country']}/{centre['city']} got {top}"
            )
    return {
        "seed": seed,
        "stats": stats,
        "bands": bands,
        "seconds": seconds,
        "summary": summary.as_dict(),
        "misses": misses,
    }


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "–"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, default=20_000)
    ap.add_argument("--seeds", type=int, nargs="+", default=[101, 202, 303])
    ap.add_argument("--min-reports", type=int, default=20)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="scamtrace-attr-") as tmp:
        for seed in args.seeds:
            results.append(evaluate(args.reports, seed, Path(tmp), args.min_reports))
    print(
        f"Attribution quality: {args.reports} reports per world, operations with ≥ {args.min_reports} reports\n"
    )
    print(
        "| seed | operations | country top-1 | unknown | offset ±1 h | offset given | confident & wrong | confident w/o evidence | attribute s (all ops) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    total: Counter[str] = Counter()
    for r in results:
        s = r["stats"]
        total.update(s)
        n = s["operations"]
        print(
            f"| {r['seed']} | {n} | {_pct(s['country_right'], n)} | {_pct(s['unknown'], n)} | {_pct(s['offset_right'], n)} | "
            f"{_pct(s['with_offset'], n)} | {s['confident_wrong']} | {s['confident_without_evidence']} | {r['seconds']:.2f} ({r['summary']['operations']} ops) |"
        )
    n = total["operations"]
    print(
        f"| **all** | {n} | **{_pct(total['country_right'], n)}** | {_pct(total['unknown'], n)} | **{_pct(total['offset_right'], n)}** | "
        f"{_pct(total['with_offset'], n)} | {total['confident_wrong']} | **{total['confident_without_evidence']}** | |"
    )
    print("\nCalibration of the top hypothesis (all seeds):\n")
    print("| confidence | operations | country right |")
    print("|---|---|---|")
    for lo, hi in BANDS:
        cnt = sum(r["bands"][(lo, hi)][0] for r in results)
        ok = sum(r["bands"][(lo, hi)][1] for r in results)
        print(f"| {lo:.2f}–{min(hi, 1.0):.2f} | {cnt} | {_pct(ok, cnt)} |")
    if args.show_misses:
        print()
        for r in results:
            for m in r["misses"]:
                print(f"- seed {r['seed']}: {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
