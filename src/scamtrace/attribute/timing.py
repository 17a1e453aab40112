"""Call hours → the operators' likely UTC offset, with its uncertainty.

Each usable incident time becomes a UTC instant: ``incident_utc`` when the
report gave an offset, else the naive local time read in the victim's zone
(country, and state or province where the country has several; without the
state, spread over the country's zones by population). A bare date is
unusable.

The model: a centre works one shift of 8–14 hours at a fixed local time;
calls fall inside it, plus a few stray times (misremembered, reported late).
For each daylight-saving rule a centre might follow (none, US, EU,
Australian) the instants are folded onto a 24-hour clock in 30-minute bins,
and every shift start and length is scored; each candidate UTC offset then
reads those starts as local clock times and weighs them by a prior (two in
five centres start a day shift at 08:00–11:00 local, the rest work whatever
hours their market needs). Offsets of a fixed-offset zone differ only by that
prior, so the ranking between, say, India and Pakistan comes from the share
of centres found in each (:mod:`hubs`) and from the place evidence, while
daylight saving genuinely separates a Florida office from an Indian night
shift: the Florida office's hours move by an hour twice a year in UTC, the
Indian shift's do not.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

import numpy as np

from scamtrace.attribute import hubs as hubmod
from scamtrace.attribute.hubs import HUBS, NONE, RULE_ZONE
from scamtrace.attribute.types import Evidence, ReportFacts, UtcOffset, Vote, cite
from scamtrace.attribute.zones import COUNTRY_ZONE, ZONE_SHARES, victim_zone_name, zone

SIGNAL = "timing"
MIN_TIMED = 8  # fewer timed reports give no offset and no vote
BINS = 48  # 30-minute bins
LENGTHS = np.array([16, 18, 20, 24, 28])  # shift lengths in bins: 8, 9, 10, 12, 14 h
LENGTH_PRIOR = np.array([0.2, 0.3, 0.25, 0.15, 0.1])
NOISE = 0.06  # share of stray times
DAY_SHIFT_SHARE = 0.4  # of centres working an 08:00–11:00 local start
DAY_START_BINS = range(16, 22)  # 08:00 … 10:30 local
MAX_MASS = 0.35  # timing alone never makes a confident answer
DST_EVIDENCE = 2.0  # log-likelihood margin before the evidence says a centre does or does not keep daylight saving
COVER = 0.85  # plus_minus covers this share of the offset posterior
RULES = (NONE, hubmod.US_DST, hubmod.EU_DST, hubmod.AU_DST)
OFFSETS = np.arange(-24, 29) / 2.0  # -12.0 … +14.0


@dataclass(frozen=True, slots=True)
class TimingFit:
    """What the call hours say, before any place evidence is weighed in."""

    n_timed: int  # reports with a usable time, spread ones included
    n_spread: int  # of which spread over their country's zones (no state given)
    n_reports: int
    unusable: Mapping[str, int]
    refs: tuple[str, ...]
    family: str
    # marginal likelihood of (rule, offset) relative to the best, shape (len(RULES), len(OFFSETS))
    likelihood: np.ndarray
    window_utc: tuple[float, float]  # best fixed-UTC window (start hour, length hours)
    dst_rule: str  # the daylight-saving rule whose fold fits best
    dst_log_ratio: (
        float  # its best log-likelihood minus the fixed-UTC fold's (negative: fixed fits better)
    )
    spans_dst_change: bool


def _parse_local(text: str) -> datetime | None:
    """A naive local date-time from ``incident_at``; None for a bare date or junk."""
    if len(text) <= 10 or ("T" not in text and " " not in text):
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value


def utc_instant(report: ReportFacts) -> tuple[datetime | None, str]:
    """(UTC instant as naive UTC, "") or (None, reason it is unusable)."""
    if report.incident_utc is not None:
        return report.incident_utc, ""
    if not report.incident_at:
        return None, "no incident time"
    local = _parse_local(report.incident_at)
    if local is None:
        return None, "date only"
    if local.tzinfo is not None:
        return local.astimezone(UTC).replace(tzinfo=None), ""
    name = victim_zone_name(report.victim_country, report.victim_region)
    tz = zone(name) if name else None
    if tz is None:
        return None, "victim's time zone unknown"
    # fold=0: an ambiguous hour at the autumn change is read as the first one; the 1 h error is within a bin or two.
    return local.replace(tzinfo=tz).astimezone(UTC).replace(tzinfo=None), ""


@lru_cache(maxsize=8192)
def _dst_hours(rule: str, day: date) -> int:
    if rule == NONE:
        return 0
    tz = zone(RULE_ZONE[rule])
    if tz is None:
        return 0
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=UTC).astimezone(tz)
    dst = noon.dst()
    return 1 if dst and dst > timedelta(0) else 0


def _day_prior() -> np.ndarray:
    prior = np.full(BINS, (1.0 - DAY_SHIFT_SHARE) / BINS)
    for b in DAY_START_BINS:
        prior[b] += DAY_SHIFT_SHARE / len(DAY_START_BINS)
    return prior


_START_PRIOR = _day_prior()
# _ROLL[o, b] = index of local start bin for UTC-frame start b at offset index o
_ROLL = (np.arange(BINS)[None, :] + (OFFSETS * 2).astype(int)[:, None]) % BINS


def _window_loglik(hist: np.ndarray) -> np.ndarray:
    """Log-likelihood of every (length, start bin) shift, shape (len(LENGTHS), BINS)."""
    n = hist.sum()
    doubled = np.concatenate([hist, hist])
    csum = np.concatenate([[0.0], np.cumsum(doubled)])
    out = np.empty((len(LENGTHS), BINS))
    for i, k in enumerate(LENGTHS):
        inside = csum[np.arange(BINS) + k] - csum[np.arange(BINS)]
        p_in = (1.0 - NOISE) / k + NOISE / BINS
        p_out = NOISE / BINS
        out[i] = inside * math.log(p_in) + (n - inside) * math.log(p_out)
    return out


def spread_instants(report: ReportFacts) -> list[tuple[datetime, float]]:
    """A naive time of a victim in a multi-zone country with no region: one instant per zone, weighted by population."""
    local = _parse_local(report.incident_at or "")
    country = (report.victim_country or "").upper()
    if local is None or local.tzinfo is not None or country not in ZONE_SHARES:
        return []
    out = []
    for name, share in ZONE_SHARES[country]:
        tz = zone(name)
        if tz is not None:
            out.append((local.replace(tzinfo=tz).astimezone(UTC).replace(tzinfo=None), share))
    return out


def collect(
    reports: Sequence[ReportFacts],
) -> tuple[list[tuple[datetime, float]], list[str], Counter[str]]:
    """(weighted UTC instants, refs of the reports they came from, why the others were unusable).

    A report with a known zone gives one instant of weight 1; a naive time of a
    victim in the US, Canada or Australia without a state gives one instant
    per zone, weighted by population (its counter key says so).
    """
    instants: list[tuple[datetime, float]] = []
    refs: list[str] = []
    unusable: Counter[str] = Counter()
    for r in reports:
        t, why = utc_instant(r)
        if t is not None:
            instants.append((t, 1.0))
            refs.append(r.ref)
            continue
        spread = spread_instants(r) if why == "victim's time zone unknown" else []
        if spread:
            instants.extend(spread)
            refs.append(r.ref)
            unusable["spread over the zones of the victim's country (no state given)"] += 1
            continue
        unusable[why] += 1
    return instants, refs, unusable


def fit(
    reports: Sequence[ReportFacts], family: str = "tech_support"
) -> tuple[TimingFit | None, Evidence | None]:
    """Fit the shift model; (None, why) when fewer than MIN_TIMED reports carry a usable time."""
    instants, refs, unusable = collect(reports)
    spread_n = unusable.pop("spread over the zones of the victim's country (no state given)", 0)
    if len(refs) < MIN_TIMED:
        reasons = ", ".join(f"{why}: {n}" for why, n in sorted(unusable.items())) or "none unusable"
        note = Evidence(
            SIGNAL,
            "timing.too_few",
            f"only {len(refs)} of {len(reports)} report(s) give a usable incident time ({reasons}); "
            f"at least {MIN_TIMED} are needed to fit a shift, so no UTC offset is given",
            cite(refs),
        )
        return None, note
    minutes = np.array([t.hour * 60 + t.minute for t, _ in instants])
    weights = np.array([w for _, w in instants])
    days = [t.date() for t, _ in instants]
    logliks = []
    for rule in RULES:
        shift = np.array([_dst_hours(rule, d) * 60 for d in days]) if rule != NONE else 0
        bins = ((minutes + shift) % 1440) // 30
        hist = np.bincount(bins, weights=weights, minlength=BINS).astype(float)
        logliks.append(_window_loglik(hist))
    ll = np.stack(logliks)  # (rule, length, start)
    best = ll.max()
    like = np.exp(ll - best) * LENGTH_PRIOR[None, :, None]  # (rule, length, start)
    # marginal over length and start, with the local-start prior for each offset
    per_start = like.sum(axis=1)  # (rule, start)
    marg = np.einsum("rb,ob->ro", per_start, _START_PRIOR[_ROLL])
    marg /= marg.max()
    fixed = ll[0]
    li, si = np.unravel_index(int(np.argmax(fixed)), fixed.shape)
    per_rule = ll.reshape(len(RULES), -1).max(axis=1)
    rule_best = 1 + int(np.argmax(per_rule[1:]))
    dst_ratio = float(per_rule[rule_best] - per_rule[0])
    spans = any(len({_dst_hours(rule, d) for d in days}) > 1 for rule in RULES[1:])
    return (
        TimingFit(
            n_timed=len(refs),
            n_spread=spread_n,
            n_reports=len(reports),
            unusable=dict(unusable),
            refs=tuple(refs),
            family=family,
            likelihood=marg,
            window_utc=(si / 2.0, LENGTHS[li] / 2.0),
            dst_rule=RULES[rule_best],
            dst_log_ratio=dst_ratio,
            spans_dst_change=spans,
        ),
        None,
    )


@lru_cache(maxsize=64)
def _synthetic_hub(country: str) -> hubmod.Hub | None:
    """A hub for a country named by evidence but absent from HUBS, from its zone."""
    name = COUNTRY_ZONE.get(country)
    tz = zone(name) if name else None
    if tz is None:
        return None
    jan = datetime(2024, 1, 15, 12, tzinfo=UTC).astimezone(tz).utcoffset() or timedelta(0)
    jul = datetime(2024, 7, 15, 12, tzinfo=UTC).astimezone(tz).utcoffset() or timedelta(0)
    if jan == jul:
        return hubmod.Hub(country, country, NONE, jan.total_seconds() / 3600)
    if jul > jan:
        rule = hubmod.EU_DST if name and name.startswith("Europe/") else hubmod.US_DST
        return hubmod.Hub(country, country, rule, jan.total_seconds() / 3600)
    return hubmod.Hub(country, country, hubmod.AU_DST, jul.total_seconds() / 3600)


def _offset_index(hours: float) -> int:
    return round(hours * 2) + 24


def _candidates(
    fitted: TimingFit, country_prior: Mapping[str, float] | None
) -> list[tuple[hubmod.Hub | None, int, int, float]]:
    """(hub or None for "elsewhere", rule index, offset index, posterior weight), normalised."""
    weights, elsewhere = hubmod.hub_weights(fitted.family)
    hubs: list[hubmod.Hub] = list(HUBS)
    prior = list(weights)
    if country_prior:
        # Place evidence replaces the base rates for the share of belief it holds.
        held = min(1.0, sum(country_prior.values()))
        prior = [w * (1.0 - held) for w in prior]
        elsewhere *= 1.0 - held
        for country, bel in country_prior.items():
            own = [i for i, h in enumerate(hubs) if h.country == country]
            if not own:
                extra = _synthetic_hub(country)
                if extra is None:
                    elsewhere += bel
                    continue
                hubs.append(extra)
                prior.append(0.0)
                own = [len(hubs) - 1]
            for i in own:
                prior[i] += bel * hubmod.HUB_SPLIT.get((country, hubs[i].label), 1.0 / len(own))
    out: list[tuple[hubmod.Hub | None, int, int, float]] = []
    for h, p in zip(hubs, prior, strict=True):
        if p <= 0:
            continue
        r, o = RULES.index(h.rule), _offset_index(h.std_offset)
        out.append((h, r, o, p * float(fitted.likelihood[r, o])))
    per_offset = elsewhere / len(OFFSETS)
    for o in range(len(OFFSETS)):
        out.append((None, 0, o, per_offset * float(fitted.likelihood[0, o])))
    total = sum(w for *_, w in out) or 1.0
    return [(h, r, o, w / total) for h, r, o, w in out]


def offset_posterior(
    fitted: TimingFit, country_prior: Mapping[str, float] | None = None
) -> np.ndarray:
    """Posterior over OFFSETS (standard offsets) given the call hours and an optional place belief."""
    post = np.zeros(len(OFFSETS))
    for _h, _r, o, w in _candidates(fitted, country_prior):
        post[o] += w
    return post


def estimate(fitted: TimingFit, country_prior: Mapping[str, float] | None = None) -> UtcOffset:
    """The most likely standard UTC offset and the half-width that covers COVER of the posterior."""
    post = offset_posterior(fitted, country_prior)
    mode = int(np.argmax(post))
    for half in range(1, len(OFFSETS)):
        lo, hi = max(0, mode - half), min(len(OFFSETS), mode + half + 1)
        if post[lo:hi].sum() >= COVER:
            return UtcOffset(float(OFFSETS[mode]), half / 2.0)
    return UtcOffset(float(OFFSETS[mode]), 12.0)


def country_posterior(fitted: TimingFit) -> dict[str, float]:
    """Share of timing's belief for each hub country (base rates × how well each offset fits)."""
    out: dict[str, float] = {}
    for h, _r, _o, w in _candidates(fitted, None):
        if h is not None:
            out[h.country] = out.get(h.country, 0.0) + w
    return out


def _hhmm(hours: float) -> str:
    minutes = round(hours * 60) % 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def describe(fitted: TimingFit, est: UtcOffset) -> str:
    start, length = fitted.window_utc
    spread = (
        f" ({fitted.n_spread} spread over their country's zones: no state given)"
        if fitted.n_spread
        else ""
    )
    parts = [
        f"{fitted.n_timed} of {fitted.n_reports} report(s) give a usable incident time{spread}; "
        f"calls fall mostly in {_hhmm(start)}–{_hhmm(start + length)} UTC"
    ]
    if fitted.dst_log_ratio > DST_EVIDENCE:
        parts.append(
            f"the hours move with {fitted.dst_rule.upper()} daylight saving (log-likelihood +{fitted.dst_log_ratio:.1f} over fixed UTC hours): an office that keeps that clock"
        )
    elif fitted.dst_log_ratio < -DST_EVIDENCE:
        parts.append(
            f"the hours stay put in UTC across daylight-saving changes (log-likelihood +{-fitted.dst_log_ratio:.1f} over the best daylight-saving fold): a centre in a zone without daylight saving"
        )
    elif fitted.spans_dst_change:
        parts.append(
            "too few reports around daylight-saving changes to tell whether the centre keeps daylight saving"
        )
    else:
        parts.append(
            "the reports do not span a daylight-saving change, so whether the centre keeps daylight saving is open"
        )
    local = (start + est.hours) % 24
    parts.append(
        f"on the call hours alone the likeliest offset is UTC{est.hours:+g} ± {est.plus_minus:g} h (a shift starting {_hhmm(local)} local)"
    )
    return "; ".join(parts)


def votes(fitted: TimingFit | None) -> tuple[list[Vote], list[Evidence]]:
    """Timing's belief over countries: weak, and split by where centres have been found."""
    if fitted is None:
        return [], []
    est = estimate(fitted)
    base = describe(fitted, est)
    mass_total = MAX_MASS * (1.0 - math.exp(-fitted.n_timed / 10.0))
    shares = country_posterior(fitted)
    ranked = sorted(shares.items(), key=lambda kv: -kv[1])
    listing = ", ".join(f"{c} {s:.0%}" for c, s in ranked[:5] if s >= 0.01)
    detail = (
        f"{base}; plausible places at the fitting offsets, weighted by {hubmod.FAMILY_LABEL.get(fitted.family, fitted.family)}: "
        f"{listing} (a tie-breaker, not a sighting)"
    )
    kept = [(c, mass_total * share) for c, share in ranked if mass_total * share >= 0.005]
    # One evidence item for the whole fit: its weight is what timing handed out in total.
    ev = Evidence(
        SIGNAL, "timing.shift_fit", detail, cite(fitted.refs), (), None, sum(m for _, m in kept)
    )
    out = [Vote(SIGNAL, frozenset({c}), m, ev, independent=False) for c, m in kept]
    return out, []
