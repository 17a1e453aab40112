"""Precision and recall of extraction, role accuracy and tech-support F1 on labelled corpora.

    .venv/bin/python bench/extract_quality.py                 # dev and holdout corpora
    .venv/bin/python bench/extract_quality.py --demo 2000     # plus a generated demo world
    .venv/bin/python bench/extract_quality.py --corpus tests/corpus/narratives_dev.jsonl --errors

Prints markdown tables (headline figures, then precision/recall per kind).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from scamtrace.extract import EXTRACTOR_VERSION, Extractor
from scamtrace.extract.scoring import (
    Scores,
    load_corpus,
    load_demo_world,
    markdown,
    platt_fit,
    score,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = (
    ROOT / "tests/corpus/narratives_dev.jsonl",
    ROOT / "tests/corpus/narratives_holdout.jsonl",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, action="append", help="labelled JSONL (repeatable)")
    parser.add_argument(
        "--demo", type=int, metavar="N", help="also score a demo world of N reports (seed 1)"
    )
    parser.add_argument(
        "--errors", action="store_true", help="list every miss, false hit and wrong role"
    )
    parser.add_argument("--json", action="store_true", help="print the headline figures as JSON")
    parser.add_argument(
        "--fit",
        action="store_true",
        help="fit the tss_score calibration (Platt) on the corpora given and print it",
    )
    args = parser.parse_args(argv)

    extractor = Extractor()
    if args.fit:
        return _fit(extractor, args.corpus or DEFAULT_CORPORA[:1])
    results: list[Scores] = []
    for path in args.corpus or DEFAULT_CORPORA:
        name = path.stem.removeprefix("narratives_")
        results.append(score(load_corpus(path), extractor.extract, name, keep_errors=args.errors))
    if args.demo:
        from scamtrace.demo import write_world

        with tempfile.TemporaryDirectory() as tmp:
            write_world(Path(tmp), reports=args.demo, seed=1)
            results.append(
                score(
                    load_demo_world(Path(tmp)),
                    extractor.extract,
                    f"demo{args.demo}",
                    keep_errors=args.errors,
                )
            )
    if args.json:
        print(json.dumps({s.name: s.summary() for s in results}, indent=2))
    else:
        print(f"extractor {EXTRACTOR_VERSION}\n")
        print(markdown(results))
    if args.errors:
        for s in results:
            print(f"\n## {s.name}: {len(s.errors)} errors", file=sys.stderr)
            for line in s.errors:
                print(line, file=sys.stderr)
    return 0


def _fit(extractor: Extractor, corpora: list[Path] | tuple[Path, ...]) -> int:
    from scamtrace.classify.rules import gather, tss_margin

    margins: list[float] = []
    labels: list[bool] = []
    for path in corpora:
        for report, expected in load_corpus(path):
            if expected.is_tss is None:
                continue
            ex = extractor.extract(report)
            margins.append(tss_margin(gather(report, ex.indicators, ex.facts).scores))
            labels.append(expected.is_tss)
    a, b = platt_fit(margins, labels)
    print(
        f"PLATT_A = {a:.3f}\nPLATT_B = {b:.3f}  # fitted on {', '.join(p.name for p in corpora)} ({len(labels)} reports)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
