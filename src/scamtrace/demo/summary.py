"""Counts describing one generated world, returned by ``write_world``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class WorldSummary:
    """What was written. ``traps`` counts reports carrying each planted pitfall
    (``recycled_numbers`` and ``hub_values`` count planted values instead)."""

    seed: int
    reports: int
    incidents: int
    centres: int
    tss_centres: int
    other_rings: int
    tss_reports: int
    other_reports: int
    no_operation_reports: int
    duplicate_incidents: int
    honeypot_reports: int
    by_source: dict[str, int] = field(default_factory=dict)
    by_channel: dict[str, int] = field(default_factory=dict)
    by_victim_country: dict[str, int] = field(default_factory=dict)
    by_scam_type: dict[str, int] = field(default_factory=dict)
    traps: dict[str, int] = field(default_factory=dict)
    reports_per_operation: dict[str, float] = field(default_factory=dict)
    reports_per_tss_centre: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "reports": self.reports,
            "incidents": self.incidents,
            "centres": self.centres,
            "tss_centres": self.tss_centres,
            "other_rings": self.other_rings,
            "tss_reports": self.tss_reports,
            "other_reports": self.other_reports,
            "no_operation_reports": self.no_operation_reports,
            "duplicate_incidents": self.duplicate_incidents,
            "honeypot_reports": self.honeypot_reports,
            "by_source": dict(sorted(self.by_source.items())),
            "by_channel": dict(sorted(self.by_channel.items())),
            "by_victim_country": dict(sorted(self.by_victim_country.items())),
            "by_scam_type": dict(sorted(self.by_scam_type.items())),
            "traps": dict(sorted(self.traps.items())),
            "reports_per_operation": dict(self.reports_per_operation),
            "reports_per_tss_centre": dict(self.reports_per_tss_centre),
        }


def size_stats(sizes: list[int]) -> dict[str, float]:
    """min / median / p90 / max of operation sizes (nearest-rank percentiles)."""
    if not sizes:
        return {}
    ordered = sorted(sizes)
    n = len(ordered)
    median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    p90 = ordered[min(n - 1, max(0, -(-9 * n // 10) - 1))]
    return {"count": n, "min": ordered[0], "median": median, "p90": p90, "max": ordered[-1]}
