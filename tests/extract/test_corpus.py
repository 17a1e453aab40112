"""The labelled development corpus must keep meeting the quality targets.

The holdout corpus is deliberately not asserted here: it is evaluated once,
with ``bench/extract_quality.py``, and never tuned on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scamtrace.extract.scoring import load_corpus, score
from tests.extract.helpers import extractor

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def dev_scores():  # type: ignore[no-untyped-def]
    return score(
        load_corpus(CORPUS / "narratives_dev.jsonl"), extractor().extract, "dev", keep_errors=True
    )


def test_dev_corpus_is_big_and_varied() -> None:
    lines = [
        json.loads(line)
        for line in (CORPUS / "narratives_dev.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    holdout = [
        line
        for line in (CORPUS / "narratives_holdout.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    assert len(lines) + len(holdout) >= 200 and len(holdout) >= 100
    assert {e["victim"]["country"] for e in lines if e.get("victim", {}).get("country")} >= {
        "US",
        "GB",
        "CA",
        "AU",
        "IN",
    }
    assert {e["expected"]["scam_type"] for e in lines} >= {
        "tech_support",
        "refund",
        "government_impersonation",
        "romance",
    }


def test_linking_kinds_precision_and_recall(dev_scores) -> None:  # type: ignore[no-untyped-def]
    assert dev_scores.linking.precision >= 0.97, dev_scores.errors
    assert dev_scores.linking.recall >= 0.95, dev_scores.errors


def test_role_accuracy(dev_scores) -> None:  # type: ignore[no-untyped-def]
    assert dev_scores.role_accuracy >= 0.95, dev_scores.errors


def test_tech_support_f1(dev_scores) -> None:  # type: ignore[no-untyped-def]
    assert dev_scores.tss.f1 >= 0.95, dev_scores.errors
