"""Score extraction and classification against labelled reports.

Used by ``bench/extract_quality.py`` and the corpus regression test. A label
set is, per report, the expected ``is_tss``, ``scam_type`` and the
``(kind, value, role)`` indicators; a value is found when kind and value
match, and its role is then scored on its own.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scamtrace.domain.indicator import LINKING_KINDS, Kind
from scamtrace.domain.report import Report
from scamtrace.domain.result import Extraction

LINKING = frozenset(k.value for k in LINKING_KINDS)
KIND_ORDER = tuple(k.value for k in Kind)


@dataclass(frozen=True, slots=True)
class Expected:
    is_tss: bool | None
    scam_type: str | None
    indicators: dict[tuple[str, str], str]  # (kind, value) -> role


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    name: str
    reports: int = 0
    kinds: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    linking: Counts = field(default_factory=Counts)
    role_hits: int = 0
    role_total: int = 0
    role_hits_all: int = 0
    role_total_all: int = 0
    tss: Counts = field(default_factory=Counts)
    type_hits: int = 0
    type_total: int = 0
    brier: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def role_accuracy(self) -> float:
        return self.role_hits / self.role_total if self.role_total else 1.0

    @property
    def role_accuracy_all(self) -> float:
        return self.role_hits_all / self.role_total_all if self.role_total_all else 1.0

    @property
    def type_accuracy(self) -> float:
        return self.type_hits / self.type_total if self.type_total else 1.0

    def add(
        self, report: Report, expected: Expected, got: Extraction, keep_errors: bool = False
    ) -> None:
        self.reports += 1
        predicted = {(i.kind.value, i.value): i.role.value for i in got.indicators}
        wanted = expected.indicators
        for key in predicted.keys() | wanted.keys():
            kind = key[0]
            counts = self.kinds[kind]
            if key in predicted and key in wanted:
                counts.tp += 1
                same_role = predicted[key] == wanted[key]
                self.role_total_all += 1
                self.role_hits_all += same_role
                if kind in LINKING:
                    self.linking.tp += 1
                    self.role_total += 1
                    self.role_hits += same_role
                if not same_role and keep_errors:
                    self.errors.append(
                        f"{report.report_id}: role {kind} {key[1]} got {predicted[key]} want {wanted[key]}"
                    )
            elif key in predicted:
                counts.fp += 1
                if kind in LINKING:
                    self.linking.fp += 1
                if keep_errors:
                    self.errors.append(f"{report.report_id}: FP {kind} {key[1]} ({predicted[key]})")
            else:
                counts.fn += 1
                if kind in LINKING:
                    self.linking.fn += 1
                if keep_errors:
                    self.errors.append(f"{report.report_id}: FN {kind} {key[1]} ({wanted[key]})")
        c = got.classification
        if expected.is_tss is not None:
            if c.is_tss and expected.is_tss:
                self.tss.tp += 1
            elif c.is_tss:
                self.tss.fp += 1
            elif expected.is_tss:
                self.tss.fn += 1
            self.brier += (c.tss_score - float(expected.is_tss)) ** 2
            if keep_errors and c.is_tss != expected.is_tss:
                self.errors.append(
                    f"{report.report_id}: is_tss got {c.is_tss} want {expected.is_tss} {c.reasons}"
                )
        if expected.scam_type is not None:
            self.type_total += 1
            self.type_hits += c.scam_type == expected.scam_type
            if keep_errors and c.scam_type != expected.scam_type:
                self.errors.append(
                    f"{report.report_id}: type got {c.scam_type} want {expected.scam_type} {c.reasons}"
                )

    def summary(self) -> dict[str, float]:
        return {
            "reports": self.reports,
            "linking_precision": round(self.linking.precision, 4),
            "linking_recall": round(self.linking.recall, 4),
            "role_accuracy": round(self.role_accuracy, 4),
            "role_accuracy_all_kinds": round(self.role_accuracy_all, 4),
            "tss_precision": round(self.tss.precision, 4),
            "tss_recall": round(self.tss.recall, 4),
            "tss_f1": round(self.tss.f1, 4),
            "scam_type_accuracy": round(self.type_accuracy, 4),
            "brier": round(self.brier / self.reports, 4) if self.reports else 0.0,
        }


def score(
    pairs: Iterable[tuple[Report, Expected]],
    extract: Callable[[Report], Extraction],
    name: str,
    keep_errors: bool = False,
) -> Scores:
    scores = Scores(name)
    for report, expected in pairs:
        scores.add(report, expected, extract(report), keep_errors)
    return scores


def markdown(all_scores: list[Scores]) -> str:
    """Two tables: the headline figures, then precision/recall per kind."""
    lines = [
        "| metric | " + " | ".join(s.name for s in all_scores) + " |",
        "|---|" + "---:|" * len(all_scores),
    ]
    rows = [
        ("reports", lambda s: str(s.reports)),
        ("linking kinds: precision", lambda s: f"{s.linking.precision:.3f}"),
        ("linking kinds: recall", lambda s: f"{s.linking.recall:.3f}"),
        ("role accuracy (linking kinds, found values)", lambda s: f"{s.role_accuracy:.3f}"),
        ("role accuracy (all kinds, found values)", lambda s: f"{s.role_accuracy_all:.3f}"),
        ("tech-support: precision", lambda s: f"{s.tss.precision:.3f}"),
        ("tech-support: recall", lambda s: f"{s.tss.recall:.3f}"),
        ("tech-support: F1", lambda s: f"{s.tss.f1:.3f}"),
        ("scam_type accuracy", lambda s: f"{s.type_accuracy:.3f}"),
        ("tss_score Brier score", lambda s: f"{(s.brier / s.reports if s.reports else 0):.3f}"),
    ]
    for label, fn in rows:
        lines.append(f"| {label} | " + " | ".join(fn(s) for s in all_scores) + " |")
    lines.append("")
    lines.append(
        "| kind | " + " | ".join(f"{s.name} P | {s.name} R | {s.name} n" for s in all_scores) + " |"
    )
    lines.append("|---|" + "---:|---:|---:|" * len(all_scores))
    for kind in KIND_ORDER:
        cells = []
        for s in all_scores:
            c = s.kinds.get(kind, Counts())
            n = c.tp + c.fn
            cells.append(
                f"{c.precision:.3f} | {c.recall:.3f} | {n}" if c.tp + c.fp + c.fn else "– | – | 0"
            )
        lines.append(
            f"| {kind}{' (linking)' if kind in LINKING else ''} | " + " | ".join(cells) + " |"
        )
    return "\n".join(lines)


# --- loading ----------------------------------------------------------------


def report_from_dict(obj: dict[str, Any]) -> Report:
    """Build a :class:`Report` with the project's validator (``scamtrace.intake``)."""
    from scamtrace.intake.validate import parse_report

    clean = {k: v for k, v in obj.items() if k != "expected"}
    return parse_report(clean)


def load_corpus(path: Path) -> Iterator[tuple[Report, Expected]]:
    """Labelled narratives: one report per line with an ``expected`` object."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            exp = obj["expected"]
            indicators = {(i["kind"], i["value"]): i["role"] for i in exp.get("indicators", ())}
            yield (
                report_from_dict(obj),
                Expected(exp.get("is_tss"), exp.get("scam_type"), indicators),
            )


def load_demo_world(directory: Path, limit: int | None = None) -> Iterator[tuple[Report, Expected]]:
    """A world written by ``scamtrace.demo.write_world``, scored against its ``indicators.csv`` and ``truth.csv``."""
    labels: dict[tuple[str, str], dict[tuple[str, str], str]] = defaultdict(dict)
    with (directory / "indicators.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            labels[(row["source"], row["report_id"])][(row["kind"], row["value"])] = row["role"]
    truth: dict[tuple[str, str], tuple[bool, str]] = {}
    with (directory / "truth.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            truth[(row["source"], row["report_id"])] = (row["is_tss"] == "1", row["scam_type"])
    with (directory / "reports.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            report = report_from_dict(json.loads(line))
            known = truth.get(report.key)
            yield (
                report,
                Expected(
                    known[0] if known else None,
                    known[1] if known else None,
                    labels.get(report.key, {}),
                ),
            )


def platt_fit(margins: list[float], labels: list[bool]) -> tuple[float, float]:
    """Fit ``p = 1 / (1 + exp(-(a * margin + b)))`` by maximum likelihood (Platt scaling)."""
    import numpy as np
    from scipy.optimize import minimize

    x = np.asarray(margins, dtype=float)
    # Platt's smoothed targets keep the fit finite on separable data.
    positives = sum(labels)
    negatives = len(labels) - positives
    hi, lo = (positives + 1) / (positives + 2), 1 / (negatives + 2)
    y = np.asarray([hi if label else lo for label in labels])

    def loss(params: np.ndarray) -> float:
        z = params[0] * x + params[1]
        return float(np.sum(np.logaddexp(0, z) - y * z))

    result = minimize(loss, x0=np.array([1.0, 0.0]), method="Nelder-Mead")
    return float(result.x[0]), float(result.x[1])
