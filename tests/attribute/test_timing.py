"""Call hours → UTC offset: the shift model, victims' zones, and what timing cannot tell."""

from __future__ import annotations

from datetime import datetime

from scamtrace.attribute import OperationInputs, ReportFacts, attribute, timing
from scamtrace.attribute.zones import infer_country, victim_zone_name
from tests.attribute.helpers import AU_VICTIMS, indicators, shift_reports


def test_ist_night_shift_serving_us_mornings_reads_as_india():
    # 19:30–04:30 IST = 09:00–18:00 US Eastern in winter: the classic Indian "US shift".
    reports = shift_reports("Asia/Kolkata", 19.5, 9)
    fitted, note = timing.fit(reports)
    assert fitted is not None and note is None
    est = timing.estimate(fitted)
    assert est.hours == 5.5
    assert est.plus_minus <= 1.0
    # The hours stay put in UTC across US daylight-saving changes: not a US office.
    assert fitted.spans_dst_change and fitted.dst_log_ratio < -timing.DST_EVIDENCE
    assert "stay put" in timing.describe(fitted, est)
    shares = timing.country_posterior(fitted)
    assert max(shares, key=lambda c: shares[c]) == "IN"
    assert shares.get("US", 0.0) < 0.1


def test_florida_office_follows_us_daylight_saving():
    reports = shift_reports("America/New_York", 9, 9, seed=2)
    fitted, _ = timing.fit(reports)
    assert fitted is not None
    assert fitted.dst_rule == "us" and fitted.dst_log_ratio > timing.DST_EVIDENCE
    est = timing.estimate(fitted)
    assert abs(est.hours - (-5.0)) <= 1.0 and est.plus_minus <= 1.0
    shares = timing.country_posterior(fitted)
    assert max(shares, key=lambda c: shares[c]) == "US"
    assert "daylight saving" in timing.describe(fitted, est)


def test_manila_day_shift_is_not_claimed_as_india_with_false_precision():
    # A Manila day shift (08:00–17:00 PHT) serving Australian mornings. Timing
    # alone cannot rule out an Indian early shift, and India is by far the
    # likelier place a priori, so the estimate must leave +8 inside its interval.
    reports = shift_reports("Asia/Manila", 8, 9, victims=AU_VICTIMS, seed=3)
    fitted, _ = timing.fit(reports)
    assert fitted is not None
    est = timing.estimate(fitted)
    assert abs(8.0 - est.hours) <= est.plus_minus
    assert timing.country_posterior(fitted)["PH"] >= 0.1


def test_manila_shift_with_philippine_evidence_gives_plus_eight():
    reports = shift_reports("Asia/Manila", 22, 9, seed=4)  # graveyard shift serving the US
    inds = indicators("ip", ["49.144.3.3", "112.200.7.9", "180.190.4.4"]) + indicators(
        "phone", ["+639171234567"]
    )
    inputs = OperationInputs("op-ph", reports, inds, ())
    result = attribute(inputs)
    assert result.utc_offset is not None
    assert result.utc_offset.hours == 8.0 and result.utc_offset.plus_minus <= 1.0
    assert result.hypotheses[0].country == "PH"


def test_too_few_timed_reports_give_no_offset_and_say_why():
    reports = shift_reports("Asia/Kolkata", 19.5, 9, n=timing.MIN_TIMED - 1)
    fitted, note = timing.fit(reports)
    assert fitted is None
    assert note is not None and note.rule == "timing.too_few"
    assert attribute(OperationInputs("op", reports, (), ())).utc_offset is None


def test_incident_times_in_every_form():
    aware = ReportFacts("a", "2024-03-04T10:00:00-05:00", None, "US", None)
    stored = ReportFacts("b", "2024-03-04T10:00:00-05:00", datetime(2024, 3, 4, 15, 0), "US", None)
    naive = ReportFacts("c", "2024-07-04T10:00:00", None, "US", "CA")  # PDT, UTC-7
    naive_gb = ReportFacts("d", "2024-01-04T10:00:00", None, "GB", "Kent")
    date_only = ReportFacts("e", "2024-03-04", None, "US", "OH")
    no_zone = ReportFacts("f", "2024-03-04T10:00:00", None, "US", None)  # four zones: which one?
    assert timing.utc_instant(aware)[0] == datetime(2024, 3, 4, 15, 0)
    assert timing.utc_instant(stored)[0] == datetime(2024, 3, 4, 15, 0)
    assert timing.utc_instant(naive)[0] == datetime(2024, 7, 4, 17, 0)
    assert timing.utc_instant(naive_gb)[0] == datetime(2024, 1, 4, 10, 0)
    assert timing.utc_instant(date_only) == (None, "date only")
    assert timing.utc_instant(no_zone) == (None, "victim's time zone unknown")


def test_victim_zones():
    assert victim_zone_name("US", "Ohio") == "America/New_York"
    assert victim_zone_name("US", "AZ") == "America/Phoenix"
    assert victim_zone_name("AU", "QLD") == "Australia/Brisbane"
    assert victim_zone_name("IN", None) == "Asia/Kolkata"
    assert victim_zone_name("US", None) is None
    # A region without a country is read as the one country that has it…
    assert infer_country("NJ") == "US" and victim_zone_name(None, "NJ") == "America/New_York"
    # …and not at all when two countries share the name (Washington / Western Australia).
    assert infer_country("WA") is None


def test_victim_without_state_is_spread_over_the_country_zones():
    no_state = ReportFacts("g", "2024-03-04T10:00:00", None, "US", None)
    instants, refs, unusable = timing.collect([no_state])
    assert refs == ["g"] and len(instants) == 5
    assert abs(sum(w for _, w in instants) - 1.0) < 1e-9
    assert min(t for t, _ in instants) == datetime(2024, 3, 4, 15, 0)  # Eastern
    assert max(t for t, _ in instants) == datetime(2024, 3, 4, 18, 0)  # Pacific
    assert "no state given" in next(iter(unusable))
