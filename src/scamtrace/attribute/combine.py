"""Merge per-signal votes into ranked, explained place hypotheses.

Each signal's votes form one belief assignment (Dempster–Shafer): mass on a
country, the rest left on "anywhere". Signals are combined with Dempster's
rule, so agreeing independent signals reinforce each other, disagreeing ones
cancel, and whatever no signal supports stays unassigned. A country's
confidence is its combined belief. Because every signal keeps part of its
mass on "anywhere" (timing at least 70%, a phone number at least 30%), one
weak signal can never produce a confident answer.

Below a country, region and city votes (an investigator's note, a landline's
numbering area) are combined the same way within that country; a city's
confidence is the country's belief times the city's share.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from scamtrace.attribute.places import same
from scamtrace.attribute.types import Evidence, Hypothesis, Place, Vote

MIN_COUNTRY = 0.05  # countries below this are not listed
MIN_PLACE = 0.15  # regions/cities below this are not listed
MAX_COUNTRIES = 3
WEAK_ONLY_CAP = 0.45  # belief a country can reach on targeting-explained evidence and timing alone
ANY = frozenset({"*"})  # "anywhere": the frame itself

Mass = dict[frozenset[str], float]


def _signal_mass(votes: Iterable[Vote]) -> Mass:
    m: Mass = defaultdict(float)
    for v in votes:
        if v.mass > 0:
            m[v.countries] += v.mass
    total = sum(m.values())
    if total > 1.0:  # a signal module must not hand out more than certainty
        for k in m:
            m[k] /= total
        total = 1.0
    m[ANY] += 1.0 - total
    return dict(m)


def _intersect(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    if a == ANY:
        return b
    if b == ANY:
        return a
    return a & b


def dempster(masses: Sequence[Mass]) -> Mass:
    """Dempster's rule over any number of assignments (each including ANY)."""
    acc: Mass = {ANY: 1.0}
    for m in masses:
        nxt: Mass = defaultdict(float)
        conflict = 0.0
        for a, wa in acc.items():
            for b, wb in m.items():
                c = _intersect(a, b)
                if c:
                    nxt[c] += wa * wb
                else:
                    conflict += wa * wb
        if conflict >= 1.0 - 1e-12:
            # Total conflict: nothing survives, so claim nothing.
            return {ANY: 1.0}
        acc = {k: v / (1.0 - conflict) for k, v in nxt.items()}
    return acc


def country_beliefs(votes: Sequence[Vote]) -> dict[str, float]:
    """Combined belief in each single country from the country-level votes."""
    by_signal: dict[str, list[Vote]] = defaultdict(list)
    for v in votes:
        if v.place is None:
            by_signal[v.signal].append(v)
    combined = dempster([_signal_mass(vs) for _, vs in sorted(by_signal.items())])
    bel: dict[str, float] = {}
    for k, w in combined.items():
        if k != ANY and len(k) == 1:
            (c,) = tuple(k)
            bel[c] = bel.get(c, 0.0) + w
    # Without one independent item (an IP on a consumer network, a number or
    # account the targeting does not explain, a note) no country is confident.
    for c in list(bel):
        if not any(
            v.independent for v in votes if v.place is None and c in v.countries and v.mass > 0
        ):
            bel[c] = min(bel[c], WEAK_ONLY_CAP)
    # One signal alone never exceeds what it handed out: Dempster's
    # renormalisation may inflate it when other signals conflict.
    for c in list(bel):
        supporters = {
            v.signal for v in votes if v.place is None and c in v.countries and v.mass > 0
        }
        if len(supporters) == 1:
            (sig,) = tuple(supporters)
            own = sum(v.mass for v in by_signal[sig] if c in v.countries)
            bel[c] = min(bel[c], own)
    return bel


def _place_key(p: Place) -> tuple[str, str]:
    return ((p.region or "").casefold(), (p.city or "").casefold())


def _place_beliefs(votes: Sequence[Vote]) -> list[tuple[Place, float, list[Vote]]]:
    """Belief in each (region, city) within one country, from that country's place votes."""
    # Fill a missing region from another vote on the same city so that both count as one place.
    regions: dict[str, str] = {}
    for v in votes:
        assert v.place is not None
        if v.place.city and v.place.region:
            regions.setdefault(v.place.city.casefold(), v.place.region)
    places: dict[tuple[str, str], Place] = {}
    placed: list[tuple[Vote, Place]] = []
    for v in votes:
        assert v.place is not None
        p = v.place
        if p.city and not p.region and p.city.casefold() in regions:
            p = Place(p.country, regions[p.city.casefold()], p.city)
        places.setdefault(_place_key(p), p)
        placed.append((v, p))
    # Atoms: every named place; a region-only vote covers the region's cities too.
    atoms = list(places)
    masses: list[Mass] = []
    for v, p in placed:
        key = _place_key(p)
        if p.city:
            focal = frozenset({"|".join(key)})
        else:
            focal = frozenset("|".join(a) for a in atoms if a[0] == key[0])
        masses.append({focal: min(v.mass, 0.99), ANY: 1.0 - min(v.mass, 0.99)})
    combined = dempster(masses)
    out: list[tuple[Place, float, list[Vote]]] = []
    for key in atoms:
        p = places[key]
        token = "|".join(key)
        if p.city:
            bel = combined.get(frozenset({token}), 0.0)
        else:
            # A region's belief: every focal set inside it.
            members = {"|".join(a) for a in atoms if a[0] == key[0]}
            bel = sum(w for k, w in combined.items() if k != ANY and k <= members)
        support = [
            v
            for v, q in placed
            if same(q.region, p.region) and (not p.city or same(q.city, p.city))
        ]
        out.append((p, bel, support))
    return out


def _sorted_evidence(votes: Iterable[Vote]) -> tuple[Evidence, ...]:
    seen: dict[int, Evidence] = {}
    for v in votes:
        seen.setdefault(id(v.evidence), v.evidence)
    return tuple(sorted(seen.values(), key=lambda e: (-e.weight, e.signal, e.rule, e.detail)))


def combine(votes: Sequence[Vote]) -> list[Hypothesis]:
    """Ranked hypotheses: each country above MIN_COUNTRY, then its regions/cities above MIN_PLACE."""
    bel = country_beliefs(votes)
    countries = sorted(
        ((c, b) for c, b in bel.items() if b >= MIN_COUNTRY), key=lambda cb: (-cb[1], cb[0])
    )[:MAX_COUNTRIES]
    out: list[Hypothesis] = []
    for country, b in countries:
        support = [v for v in votes if country in v.countries and v.mass > 0]
        out.append(Hypothesis(country, None, None, b, _sorted_evidence(support)))
        place_votes = [v for v in support if v.place is not None]
        if not place_votes:
            continue
        for place, q, pv in _place_beliefs(place_votes):
            conf = b * q
            if conf < MIN_PLACE:
                continue
            country_ev = [v for v in support if v.place is None]
            out.append(
                Hypothesis(
                    country, place.region, place.city, conf, _sorted_evidence([*pv, *country_ev])
                )
            )
    # Highest confidence first; a country comes before its own places at equal confidence.
    out.sort(
        key=lambda h: (-round(h.confidence, 9), h.region is not None, h.city is not None, h.country)
    )
    return out
