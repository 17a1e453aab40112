"""Inputs, votes and results of attribution: plain frozen data, no database.

The service layer fills :class:`OperationInputs` from the store; each signal
module turns them into :class:`Vote` objects (a belief mass over a set of
places, with the evidence behind it); :mod:`combine` merges the votes into
ranked :class:`Hypothesis` objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

# Reports cited by one evidence item are capped: a 3,000-report operation would
# otherwise repeat every report id in every item. The detail gives the full count.
MAX_CITED_REPORTS = 25
MAX_CITED_VALUES = 25


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason behind a hypothesis: which signal, which rule, on which reports and values.

    ``data_date`` is the date of the reference data that the claim rests on
    (the GeoLite2 build behind an IP's country), ``None`` when no dated data
    was used. ``weight`` is the belief mass the item contributed (0 when it was
    recorded only to say that it says little).
    """

    signal: str
    rule: str
    detail: str
    reports: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    data_date: str | None = None
    weight: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "signal": self.signal,
            "rule": self.rule,
            "detail": self.detail,
            "reports": list(self.reports),
            "values": list(self.values),
            "data_date": self.data_date,
            "weight": round(self.weight, 4),
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A country, optionally narrowed to a region and city (names as the evidence gave them)."""

    country: str
    region: str | None = None
    city: str | None = None

    @property
    def is_country(self) -> bool:
        return self.region is None and self.city is None


@dataclass(frozen=True, slots=True)
class Vote:
    """Belief ``mass`` that the operators sit in one of ``countries`` (a set: timing names several).

    ``place`` narrows a single-country vote to a region or city; it is scored
    under that country only. Masses of one signal add up to at most 1.
    """

    signal: str
    countries: frozenset[str]
    mass: float
    evidence: Evidence
    place: Place | None = None
    # False for evidence the targeting explains (Indian accounts of Indian
    # victims, a market's own numbers) or that is a prior more than a sighting
    # (timing): such votes together never make a confident answer.
    independent: bool = True


@dataclass(frozen=True, slots=True)
class Hypothesis:
    country: str
    region: str | None
    city: str | None
    confidence: float
    evidence: tuple[Evidence, ...]

    def as_location(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "region": self.region,
            "city": self.city,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class UtcOffset:
    hours: float
    plus_minus: float

    def as_dict(self) -> dict[str, float]:
        return {"hours": self.hours, "plus_minus": self.plus_minus}


@dataclass(frozen=True, slots=True)
class Attribution:
    hypotheses: tuple[Hypothesis, ...]
    utc_offset: UtcOffset | None
    # Evidence that was looked at but supports no place (toll-free numbers, a
    # timing profile too thin to fit): kept so "unknown" can be explained.
    notes: tuple[Evidence, ...] = ()


# --- inputs -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What timing needs of one report. ``ref`` names it for people: ``source/report_id``."""

    ref: str
    incident_at: str | None = None
    incident_utc: datetime | None = None
    victim_country: str | None = None
    victim_region: str | None = None
    scam_type: str | None = None


@dataclass(frozen=True, slots=True)
class IndicatorFact:
    """One indicator in one report of the operation, with its role and flags."""

    ref: str
    kind: str
    value: str
    role: str = "scammer"
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class NoteFact:
    """An investigator's location note (``location_notes``)."""

    country: str
    region: str | None
    city: str | None
    text: str
    source: str
    author: str
    created_at: str | None = None
    note_id: int | None = None


@dataclass(frozen=True, slots=True)
class OperationInputs:
    operation_id: str
    reports: Sequence[ReportFacts] = ()
    indicators: Sequence[IndicatorFact] = ()
    notes: Sequence[NoteFact] = ()

    def victim_countries(self) -> frozenset[str]:
        return frozenset(r.victim_country for r in self.reports if r.victim_country)


def cite(
    refs: Sequence[str] | set[str] | frozenset[str], limit: int = MAX_CITED_REPORTS
) -> tuple[str, ...]:
    """A stable, bounded selection of report refs for an evidence item."""
    return tuple(sorted(refs)[:limit])
