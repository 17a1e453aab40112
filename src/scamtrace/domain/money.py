"""Rough currency conversion, for ranking and ordering only — never shown as a loss figure."""

from __future__ import annotations

from collections.abc import Mapping

# Mid-2025 rates; losses are always reported in their own currencies.
USD_PER_UNIT: dict[str, float] = {"USD": 1.0, "GBP": 1.27, "EUR": 1.08, "CAD": 0.73, "AUD": 0.66, "INR": 0.012, "NZD": 0.60}


def usd_estimate(losses: Mapping[str, float]) -> float:
    """Sum of ``{currency: amount}`` in US dollars; unknown currencies count zero."""
    return sum(USD_PER_UNIT.get(cur, 0.0) * float(amount) for cur, amount in losses.items())
