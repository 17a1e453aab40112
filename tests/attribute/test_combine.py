"""Combining votes: ranking, caps, unknown, and the evidence chain."""

from __future__ import annotations

from scamtrace.attribute import NoteFact, OperationInputs, ReportFacts, attribute
from scamtrace.attribute.combine import country_beliefs
from tests.attribute.helpers import indicators, shift_reports, us_reports


def test_thin_evidence_is_unknown():
    # Three reports, a toll-free callback number, a US mule account and a date: nothing locates the callers.
    reports = [
        ReportFacts(f"t/{i}", "2024-03-04", None, "US", "OH", "tech_support") for i in range(3)
    ]
    inds = indicators("phone", ["+18445550142"]) + indicators(
        "bank_account", ["aba:021000021:123456789"]
    )
    result = attribute(OperationInputs("op", reports, inds, ()))
    assert result.hypotheses == ()
    assert result.utc_offset is None
    rules = {e.rule for e in result.notes}
    assert {"phone.says_little", "money.mule_aba", "timing.too_few"} <= rules


def test_nothing_at_all_is_unknown():
    result = attribute(OperationInputs("op", us_reports(), (), ()))
    assert result.hypotheses == () and result.utc_offset is None


def test_a_single_weak_signal_is_never_confident():
    # Timing alone, however many reports.
    result = attribute(OperationInputs("op", shift_reports("Asia/Kolkata", 19.5, 9, n=400), (), ()))
    assert result.hypotheses and result.hypotheses[0].country == "IN"
    assert result.hypotheses[0].confidence < 0.5
    # One IP alone.
    result = attribute(OperationInputs("op", us_reports(), indicators("ip", ["122.160.1.5"]), ()))
    assert result.hypotheses[0].confidence < 0.5


def test_independent_signals_reinforce():
    reports = shift_reports("Asia/Kolkata", 19.5, 9)
    inds = (
        indicators("ip", ["122.160.1.5", "49.36.10.4"])
        + indicators("upi", ["fix.help@okaxis"])
        + indicators("phone", ["+919810012345"])
    )
    result = attribute(OperationInputs("op", reports, inds, ()))
    top = result.hypotheses[0]
    assert top.country == "IN" and top.confidence >= 0.8
    assert {e.signal for e in top.evidence} == {"ip", "money", "phone", "timing"}
    assert result.utc_offset is not None and result.utc_offset.hours == 5.5


def test_conflict_lowers_confidence_and_ranks_both():
    inds = indicators("ip", ["122.160.1.5", "49.36.10.4"]) + indicators(
        "ip", ["39.40.1.1", "119.155.2.2"]
    )
    result = attribute(OperationInputs("op", us_reports(), inds, ()))
    countries = [h.country for h in result.hypotheses]
    assert set(countries[:2]) == {"IN", "PK"}
    assert all(h.confidence < 0.5 for h in result.hypotheses)


def test_note_with_city_gives_country_and_city_hypotheses():
    note = NoteFact("IN", "West Bengal", "Kolkata", "raided 2025-02-27", "WB Police", "a.analyst")
    result = attribute(
        OperationInputs("op", us_reports(), indicators("ip", ["122.160.1.5"]), (note,))
    )
    first, second = result.hypotheses[:2]
    assert (first.country, first.city) == ("IN", None) and first.confidence >= 0.9
    assert (second.country, second.region, second.city) == ("IN", "West Bengal", "Kolkata")
    assert second.confidence <= first.confidence
    assert any(e.rule == "note.investigator" for e in second.evidence)


def test_disagreeing_notes_leave_the_question_open():
    a = NoteFact("IN", None, "Kolkata", "x", "source A", "a")
    b = NoteFact("PK", None, "Lahore", "y", "source B", "b")
    result = attribute(OperationInputs("op", us_reports(), (), (a, b)))
    tops = [h for h in result.hypotheses if h.city is None]
    assert {h.country for h in tops} == {"IN", "PK"}
    assert all(h.confidence < 0.6 for h in tops)


def test_landline_city_under_ip_country():
    inds = indicators("ip", ["122.160.1.5", "49.36.10.4"]) + indicators(
        "phone", ["+913340001234"], refs_per_value=3
    )
    result = attribute(OperationInputs("op", us_reports(), inds, ()))
    cities = [h for h in result.hypotheses if h.city]
    assert cities and cities[0].city == "Kolkata"


def test_evidence_serialises_with_its_fields():
    result = attribute(OperationInputs("op", us_reports(), indicators("ip", ["122.160.1.5"]), ()))
    ev = result.hypotheses[0].evidence[0].as_dict()
    assert set(ev) == {"signal", "rule", "detail", "reports", "values", "data_date", "weight"}
    assert ev["reports"] == ["test/ip0-0", "test/ip0-1"]


def test_deterministic():
    reports = shift_reports("Asia/Karachi", 19, 9)
    inds = indicators("ip", ["39.40.1.1"])
    a = attribute(OperationInputs("op", reports, inds, ()))
    b = attribute(OperationInputs("op", list(reversed(reports)), list(reversed(inds)), ()))
    assert a == b


def test_beliefs_never_exceed_one_signal_alone_when_unsupported():
    from scamtrace.attribute import ip

    votes, _ = ip.votes(OperationInputs("op", us_reports(), indicators("ip", ["122.160.1.5"]), ()))
    assert country_beliefs(votes)["IN"] == votes[0].mass


def test_evidence_the_targeting_explains_is_never_confident():
    # Indian victims paying Indian UPI addresses and called from Indian mobiles:
    # compounds abroad do exactly that, so India stays a lead, not a finding.
    reports = [
        ReportFacts(f"t/{i}", None, None, "IN", None, "government_impersonation") for i in range(30)
    ]
    inds = (
        indicators("upi", [f"help{i}@ybl" for i in range(6)])
        + indicators("bank_account", [f"ifsc:HDFC0001234:5010023456{i:04d}" for i in range(6)])
        + indicators("phone", [f"+9198100{i:05d}" for i in range(8)], refs_per_value=3)
    )
    result = attribute(OperationInputs("op", reports, inds, ()))
    top = result.hypotheses[0]
    assert top.country == "IN" and 0.3 < top.confidence < 0.5
    # The same accounts from US victims are money leaving the victims' country: independent evidence.
    abroad = [ReportFacts(f"t/{i}", None, None, "US", "OH", "tech_support") for i in range(30)]
    assert attribute(OperationInputs("op", abroad, inds, ())).hypotheses[0].confidence >= 0.8
