"""Throughput of extraction + classification against phonenumbers' PhoneNumberMatcher alone.

    .venv/bin/python bench/bench_extract.py                    # ~5,000 demo-world reports (seed 1)
    .venv/bin/python bench/bench_extract.py reports.jsonl      # any JSONL of reports
    .venv/bin/python bench/bench_extract.py --reports 20000 --repeat 3

Single process. Prints reports/s for the full extraction and for the matcher
over the same narratives in the same run, their ratio, and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import phonenumbers

from scamtrace.domain.report import Report
from scamtrace.extract import EXTRACTOR_VERSION, Extractor
from scamtrace.extract.scoring import report_from_dict

ROOT = Path(__file__).resolve().parent.parent


def _load(path: Path, limit: int | None) -> list[Report]:
    reports: list[Report] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                reports.append(report_from_dict(json.loads(line)))
                if limit is not None and len(reports) >= limit:
                    break
    return reports


def _reports(args: argparse.Namespace) -> tuple[list[Report], str]:
    if args.path:
        return _load(args.path, args.reports), str(args.path)
    try:
        from scamtrace.demo import write_world
    except ImportError:
        corpus = _load(ROOT / "tests/corpus/narratives_dev.jsonl", None)
        repeated = (corpus * (args.reports // len(corpus) + 1))[: args.reports]
        return repeated, f"tests/corpus/narratives_dev.jsonl repeated to {len(repeated)}"
    tmp = Path(tempfile.mkdtemp(prefix="bench-extract-"))
    write_world(tmp, reports=args.reports, seed=1)
    return _load(tmp / "reports.jsonl", None), f"demo world, {args.reports} reports, seed 1"


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "path", nargs="?", type=Path, help="JSONL of reports (default: a generated demo world)"
    )
    parser.add_argument("--reports", type=int, default=5000, help="how many reports (default 5000)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed passes; the best is reported (default 3)"
    )
    args = parser.parse_args(argv)

    reports, origin = _reports(args)
    chars = sum(len(r.narrative) for r in reports)
    rss_loaded = _peak_rss_mb()

    start = time.perf_counter()
    extractor = Extractor()
    load_s = time.perf_counter() - start
    for report in reports[:50]:  # warm the caches of phonenumbers' metadata and ours
        extractor.extract(report)

    # Both are timed in the same passes, chunk by chunk, so that load from other
    # processes on the machine falls on both alike; the best pass is kept.
    extract_s = matcher_s = float("inf")
    chunk = 250
    rss_per_pass: list[float] = []
    per_pass: list[tuple[float, float]] = []
    for _ in range(args.repeat):
        ours = theirs = 0.0
        for at in range(0, len(reports), chunk):
            part = reports[at : at + chunk]
            start = time.perf_counter()
            for report in part:
                extractor.extract(report)
            ours += time.perf_counter() - start
            start = time.perf_counter()
            for report in part:
                for _match in phonenumbers.PhoneNumberMatcher(
                    report.narrative, report.victim.country or "US"
                ):
                    pass
            theirs += time.perf_counter() - start
        extract_s, matcher_s = min(extract_s, ours), min(matcher_s, theirs)
        per_pass.append((ours, theirs))
        rss_per_pass.append(_peak_rss_mb())
    rss_after = _peak_rss_mb()

    n = len(reports)
    ours = n / extract_s
    theirs = n / matcher_s
    print(f"input: {origin}; {n} reports, mean narrative {chars / max(n, 1):.0f} chars")
    print(f"extractor {EXTRACTOR_VERSION}: reference data loaded in {load_s:.2f} s")
    print("| what | reports/s |")
    print("|---|---:|")
    print(f"| extract_report (extraction + classification) | {ours:,.0f} |")
    print(f"| phonenumbers.PhoneNumberMatcher alone | {theirs:,.0f} |")
    print(f"| ratio | {ours / theirs:.2f}x |")
    # The first pass meets every report for the first time (cold caches of phone parses, hosts
    # and structured fields); later passes see the same reports again.
    print(
        "per pass (extraction / matcher reports/s, ratio): "
        + "; ".join(
            f"{i}: {n / o:,.0f} / {n / t:,.0f}, {t / o:.2f}x"
            for i, (o, t) in enumerate(per_pass, 1)
        )
    )
    passes = ", ".join(f"{mb:.0f}" for mb in rss_per_pass)
    print(
        f"peak RSS: {rss_loaded:.0f} MB after loading reports; after each pass: {passes} MB (final {rss_after:.0f} MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
