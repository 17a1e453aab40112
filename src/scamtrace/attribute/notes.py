"""An investigator's own finding ("located at …, source: …") as first-class evidence.

A note records what a person established outside the complaints: a raid
report, a police letter, a partner's trace. It carries the most weight of any
signal, but not certainty: two notes that disagree leave the question open,
and the evidence shows both.
"""

from __future__ import annotations

from dataclasses import replace

from scamtrace.attribute.places import canonical_city, fill_region
from scamtrace.attribute.types import Evidence, OperationInputs, Place, Vote

SIGNAL = "note"
NOTE_WEIGHT = 0.9
MAX_MASS = 0.97


def votes(inputs: OperationInputs) -> tuple[list[Vote], list[Evidence]]:
    if not inputs.notes:
        return [], []
    per_note: list[tuple[str, Place, Evidence]] = []
    for note in inputs.notes:
        country = note.country.strip().upper()
        city = canonical_city(note.city)
        region = fill_region(country, note.region.strip() if note.region else None, city)
        where = ", ".join(p for p in (city, region, country) if p)
        when = f" on {note.created_at}" if note.created_at else ""
        detail = f"investigator note by {note.author}{when}: located at {where}; source: {note.source}; note: {note.text}"
        values = (f"note:{note.note_id}",) if note.note_id is not None else ()
        per_note.append(
            (
                country,
                Place(country, region, city),
                Evidence(SIGNAL, "note.investigator", detail, (), values, None, 0.0),
            )
        )
    # Notes on one country reinforce each other; disagreeing notes share the belief.
    total = min(MAX_MASS, 1.0 - (1.0 - NOTE_WEIGHT) ** len(per_note))
    out: list[Vote] = []
    mass = total / len(per_note)
    for country, place, blank in per_note:
        ev = replace(blank, weight=mass)
        out.append(Vote(SIGNAL, frozenset({country}), mass, ev))
        if not place.is_country:
            out.append(Vote(SIGNAL, frozenset({country}), NOTE_WEIGHT, ev, place))
    return out, []
