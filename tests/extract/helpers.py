"""Build reports and run the shared extractor in tests."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from scamtrace.domain.indicator import Indicator, Kind, Role
from scamtrace.domain.report import Caller, Contact, Payment, RemoteAccess, Report, Victim
from scamtrace.domain.result import Extraction
from scamtrace.extract import Extractor


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    return Extractor()


def report(
    narrative: str = "",
    *,
    country: str | None = "US",
    source: str = "webform",
    victim: dict[str, Any] | None = None,
    caller: dict[str, Any] | None = None,
    contact: dict[str, Any] | None = None,
    websites: tuple[str, ...] = (),
    remote_access: dict[str, Any] | None = None,
    payments: tuple[dict[str, Any], ...] = (),
) -> Report:
    return Report(
        report_id="t-1",
        source=source,
        received_at=datetime(2025, 3, 4, 9, 12, tzinfo=UTC),
        victim=Victim(country=country, **(victim or {})),
        caller=Caller(**(caller or {})),
        contact=Contact(**(contact or {})),
        websites=websites,
        remote_access=RemoteAccess(**(remote_access or {})),
        payments=tuple(Payment(**p) for p in payments),
        narrative=narrative,
    )


def extract(narrative: str = "", **kwargs: Any) -> Extraction:
    return extractor().extract(report(narrative, **kwargs))


def found(extraction: Extraction, kind: Kind) -> dict[str, Role]:
    return {i.value: i.role for i in extraction.indicators if i.kind is kind}


def indicator(extraction: Extraction, kind: Kind, value: str) -> Indicator:
    for i in extraction.indicators:
        if i.kind is kind and i.value == value:
            return i
    raise AssertionError(
        f"{kind.value} {value} not found in {[i.as_dict() for i in extraction.indicators]}"
    )
