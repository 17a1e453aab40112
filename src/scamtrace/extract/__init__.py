"""Indicators with their roles, and the classification, of one report.

    >>> from scamtrace.extract import extract_report
    >>> extraction = extract_report(report)

Values are canonical per ``shared/spec/indicators.md``: phones in E.164,
registrable domains (public suffix list with its private section, IDN as
A-labels), refanged URLs, lower-case e-mails, ``<tool>:<id>`` remote IDs,
checksum-valid bank accounts and wallets, upper-case merchant descriptors.
"""

from __future__ import annotations

import threading

from scamtrace.domain.report import Report
from scamtrace.domain.result import Extraction
from scamtrace.extract.extractor import Extractor

# Bump when the output for the same report changes, so stored results get re-run.
EXTRACTOR_VERSION = "1.0.0"

_default: Extractor | None = None
_lock = threading.Lock()


def _extractor() -> Extractor:
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Extractor()
    return _default


def extract_report(report: Report) -> Extraction:
    """Extract and classify ``report`` with a shared, lazily built :class:`Extractor`."""
    return _extractor().extract(report)


__all__ = ["EXTRACTOR_VERSION", "Extractor", "extract_report"]
