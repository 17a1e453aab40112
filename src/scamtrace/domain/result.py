"""What extraction and classification say about one report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scamtrace.domain.indicator import Indicator

SCAM_TYPES = (
    "tech_support",
    "refund",
    "government_impersonation",
    "delivery",
    "romance",
    "investment",
    "lottery",
    "other",
)


@dataclass(frozen=True, slots=True)
class Classification:
    """``tss_score`` is a calibrated probability that the report is a tech-support scam.

    The refund variant (fake "overpaid refund" after remote access) counts as
    tech support: ``is_tss`` is true for ``scam_type`` ``tech_support`` and ``refund``.
    """

    is_tss: bool
    scam_type: str
    tss_score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Indicators and non-linking facts of one report.

    ``facts`` holds what is not an indicator but matters downstream, with these keys
    when known: ``payments`` (list of ``{"method", "amount", "currency", "gift_card_brand"}``),
    ``tools`` (remote-access tool names, lower case), ``lures`` (``popup``, ``cold_call``,
    ``search_ad``, ``renewal_invoice``, ``refund`` …), ``script`` (stable ids of script
    phrases that fired), ``losses`` (``{currency: amount}``).
    """

    indicators: tuple[Indicator, ...]
    classification: Classification
    facts: dict[str, Any] = field(default_factory=dict)
