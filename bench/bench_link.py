"""Linking speed and memory on a demo world, against plain connected components.

    .venv/bin/python bench/bench_link.py --reports 100000 --seed 7 [--db URL] [--adds 200]

Generates a world (unless --world DIR holds one), ingests it into the store (a
fresh SQLite file by default), then measures in the same run:

* the clustering algorithm (`scamtrace.link.cluster`) against scipy's
  `connected_components` over the same report–indicator edges — the ratio is
  the issue's "no more than 10× plain connected components";
* a full `scamtrace link` (load from the store, cluster, write operations,
  summaries and attributions);
* incremental adds: N new reports, each ingested and linked with
  `update_for`, p50/p95 latency;
* peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from scamtrace.demo import write_world
from scamtrace.intake import parse_report
from scamtrace.link import LinkParams, cluster
from scamtrace.services.ingest import ingest_paths, ingest_reports
from scamtrace.services.linking import load_graph, rebuild, update_for
from scamtrace.store import open_store


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--world", type=Path)
    ap.add_argument("--db")
    ap.add_argument("--adds", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="scamtrace-bench-"))
    world = args.world or work / "world"
    out: dict[str, object] = {"reports": args.reports, "seed": args.seed}
    if not (world / "reports.jsonl").exists():
        t = time.perf_counter()
        write_world(world, reports=args.reports + args.adds, seed=args.seed)
        out["generate_s"] = round(time.perf_counter() - t, 2)
    lines = (world / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    base, extra = lines[: args.reports], lines[args.reports : args.reports + args.adds]
    (work / "base.jsonl").write_text("\n".join(base) + "\n", encoding="utf-8")
    store = open_store(args.db or f"sqlite:///{work / 'bench.db'}")
    out["store"] = store.dialect
    t = time.perf_counter()
    s = ingest_paths(store, [str(work / "base.jsonl")], workers=args.workers)
    out["ingest_s"] = round(time.perf_counter() - t, 2)
    out["ingest_reports_per_s"] = round(s.read / (time.perf_counter() - t))

    params = LinkParams()
    with store.engine.connect() as conn:
        t = time.perf_counter()
        loaded = load_graph(conn, params)
        out["load_graph_s"] = round(time.perf_counter() - t, 3)
    g = loaded.graph
    out["edges"] = len(g.edge_report)
    out["nodes"] = g.n_nodes
    n = g.n_reports + g.n_nodes
    t = time.perf_counter()
    adj = coo_matrix(([1] * len(g.edge_report), (g.edge_report, g.n_reports + g.edge_node)), shape=(n, n)).tocsr()
    connected_components(adj, directed=False)
    cc_s = time.perf_counter() - t
    t = time.perf_counter()
    cluster(g, params, loaded.weak)
    cluster_s = time.perf_counter() - t
    out["cc_s"] = round(cc_s, 4)
    out["cluster_s"] = round(cluster_s, 4)
    out["cluster_over_cc"] = round(cluster_s / cc_s, 1)

    t = time.perf_counter()
    summary = rebuild(store)
    out["link_full_s"] = round(time.perf_counter() - t, 2)
    out["operations"] = summary.operations

    latencies = []
    for line in extra:
        report = parse_report(json.loads(line))
        t = time.perf_counter()
        added = ingest_reports(store, [report], keep_pks=True)
        update_for(store, added.report_pks)
        latencies.append((time.perf_counter() - t) * 1000)
    if latencies:
        q = statistics.quantiles(latencies, n=20)
        out["add_p50_ms"] = round(statistics.median(latencies), 1)
        out["add_p95_ms"] = round(q[18], 1)
    out["peak_rss_mb"] = round(peak_mb())
    if store.dialect == "sqlite":
        out["db_mb"] = round((work / "bench.db").stat().st_size / 1e6, 1)
    print(json.dumps(out, indent=2))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
