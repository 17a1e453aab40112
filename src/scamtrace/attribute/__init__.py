"""Where does an operation sit? Ranked, explained place hypotheses from its reports.

Pure functions over :class:`OperationInputs`; no database. One module per
signal (:mod:`ip`, :mod:`timing`, :mod:`money`, :mod:`phones`, :mod:`notes`)
turns the inputs into votes with their evidence, :mod:`combine` merges them.
``attribute`` returns an empty hypothesis list ("unknown") when nothing
supports any country well enough, and ``utc_offset`` None when too few reports
carry a usable incident time. See ``docs/attribution.md``.
"""

from __future__ import annotations

from collections import Counter

from scamtrace.attribute import combine, ip, money, notes, phones, timing
from scamtrace.attribute.hubs import family
from scamtrace.attribute.types import (
    Attribution,
    Evidence,
    Hypothesis,
    IndicatorFact,
    NoteFact,
    OperationInputs,
    Place,
    ReportFacts,
    UtcOffset,
    Vote,
)

__all__ = [
    "Attribution",
    "Evidence",
    "Hypothesis",
    "IndicatorFact",
    "NoteFact",
    "OperationInputs",
    "Place",
    "ReportFacts",
    "UtcOffset",
    "Vote",
    "attribute",
]


def operation_family(inputs: OperationInputs) -> str:
    """The base-rate table for the operation: its victims' market when domestic, else its scam family."""
    victims = Counter(r.victim_country for r in inputs.reports if r.victim_country)
    if victims and victims.most_common(1)[0][0] == "IN":
        return "domestic_in"
    counts = Counter(family(r.scam_type) for r in inputs.reports if r.scam_type)
    return counts.most_common(1)[0][0] if counts else "tech_support"


def attribute(inputs: OperationInputs) -> Attribution:
    place_votes: list[Vote] = []
    looked_at: list[Evidence] = []
    for module in (ip, money, phones, notes):
        v, n = module.votes(inputs)
        place_votes.extend(v)
        looked_at.extend(n)
    fitted, thin = timing.fit(inputs.reports, operation_family(inputs))
    if thin is not None and inputs.reports:
        looked_at.append(thin)
    timing_votes, _ = timing.votes(fitted)
    hypotheses = combine.combine([*place_votes, *timing_votes])
    offset: UtcOffset | None = None
    if fitted is not None:
        # The offset weighs the call hours against the place evidence other than
        # timing itself (counting timing twice would overstate it).
        offset = timing.estimate(fitted, combine.country_beliefs(place_votes))
    # Votes that support no listed hypothesis are still part of the explanation.
    used = {id(e) for h in hypotheses for e in h.evidence}
    for v in [*place_votes, *timing_votes]:
        if id(v.evidence) not in used:
            used.add(id(v.evidence))
            looked_at.append(v.evidence)
    return Attribution(tuple(hypotheses), offset, tuple(looked_at))
