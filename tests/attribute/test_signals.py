"""Per-signal votes: IPs, phones, money, notes — and what each cannot say."""

from __future__ import annotations

from scamtrace.attribute import IndicatorFact, NoteFact, OperationInputs, ip, money, notes, phones
from tests.attribute.helpers import indicators, us_reports


def _inputs(inds: list[IndicatorFact], note_facts: tuple[NoteFact, ...] = ()) -> OperationInputs:
    return OperationInputs("op-test", us_reports(), inds, note_facts)


# --- IP ----------------------------------------------------------------------------


def test_indian_isp_ip_votes_india_with_network_and_data_date():
    votes, _ = ip.votes(_inputs(indicators("ip", ["122.160.1.5"])))
    assert len(votes) == 1
    v = votes[0]
    assert v.countries == {"IN"} and 0.3 < v.mass < 0.6
    assert v.evidence.data_date == ip.data_date() and v.evidence.data_date[:2] == "20"
    assert "Bharti Airtel" in v.evidence.detail and v.evidence.data_date in v.evidence.detail
    assert v.evidence.values == ("122.160.1.5",)


def test_private_and_reserved_ips_say_nothing():
    votes, looked_at = ip.votes(
        _inputs(indicators("ip", ["10.1.2.3", "192.168.0.7", "100.64.1.1", "127.0.0.1", "fe80::1"]))
    )
    assert votes == []
    assert [e.rule for e in looked_at] == ["ip.ignored.private"]
    assert "locate nobody" in looked_at[0].detail


def test_microsoft_netstat_address_is_ignored():
    votes, looked_at = ip.votes(_inputs(indicators("ip", ["13.107.4.52"])))
    assert votes == [] and looked_at[0].rule == "ip.ignored.service"


def test_victim_role_ip_is_not_used():
    inds = [IndicatorFact("test/v", "ip", "122.160.1.5", "victim")]
    assert ip.votes(_inputs(inds)) == ([], [])


def test_more_networks_more_belief_but_never_certainty():
    one, _ = ip.votes(_inputs(indicators("ip", ["122.160.1.5"])))
    many, _ = ip.votes(
        _inputs(
            indicators(
                "ip",
                [
                    "122.160.1.5",
                    "49.36.10.4",
                    "117.200.3.8",
                    "59.90.1.1",
                    "14.97.2.2",
                    "106.51.3.3",
                ],
            )
        )
    )
    assert many[0].mass > one[0].mass
    assert many[0].mass <= ip.MAX_MASS


def test_ipv6_is_located():
    votes, _ = ip.votes(_inputs(indicators("ip", ["2409:4060::1"])))
    assert votes and votes[0].countries == {"IN"}


# --- phones ------------------------------------------------------------------------


def test_indian_mobile_gives_operator_and_says_circle_unknown():
    votes, _ = phones.votes(_inputs(indicators("phone", ["+919810012345"], refs_per_value=3)))
    assert len(votes) == 1
    v = votes[0]
    assert v.countries == {"IN"} and v.mass >= 0.3
    assert "Airtel" in v.evidence.detail
    assert "circle unknown" in v.evidence.detail


def test_indian_landline_narrows_to_its_city():
    votes, _ = phones.votes(_inputs(indicators("phone", ["+913340001234"])))
    places = [v.place for v in votes if v.place is not None]
    assert places and places[0].city == "Kolkata" and places[0].region == "West Bengal"


def test_toll_free_number_says_little_and_says_so():
    votes, _ = phones.votes(
        _inputs(indicators("phone", ["+18445550142", "+18885550199", "+18005550123"]))
    )
    assert len(votes) == 1
    v = votes[0]
    assert v.mass <= phones.SAYS_LITTLE_CAP
    assert v.evidence.rule == "phone.says_little"
    assert "toll-free" in v.evidence.detail and "not where the callers sit" in v.evidence.detail


def test_many_rented_us_numbers_stay_weak():
    numbers = [f"+1305{n:07d}" for n in range(2_000_100, 2_000_140)]
    votes, _ = phones.votes(_inputs(indicators("phone", numbers)))
    assert sum(v.mass for v in votes) <= phones.HOME_CAP


def test_digits_under_two_country_codes_are_ignored():
    # "0806 021 4316" read once as Nigerian, once as Indian: the country is a parser's guess.
    votes, looked_at = phones.votes(
        _inputs(indicators("phone", ["+2348060214316", "+918060214316"]))
    )
    assert votes == []
    assert looked_at and looked_at[0].rule == "phone.ambiguous"


def test_fictitious_numbers_are_skipped():
    inds = indicators("phone", ["+19175550123"], flags=frozenset({"fictitious"}))
    assert phones.votes(_inputs(inds)) == ([], [])


# --- money -------------------------------------------------------------------------


def test_ifsc_account_gives_bank_and_india():
    votes, _ = money.votes(_inputs(indicators("bank_account", ["ifsc:HDFC0001234:50100234567890"])))
    assert votes[0].countries == {"IN"}
    assert "HDFC Bank" in votes[0].evidence.detail
    assert "branch city is not in the shipped IFSC data" in votes[0].evidence.detail
    assert money.ifsc_bank("SBIN0001230") == "State Bank of India"


def test_upi_handle_gives_app_and_bank():
    votes, _ = money.votes(_inputs(indicators("upi", ["fixit.services@okaxis", "help.desk@ybl"])))
    assert votes[0].countries == {"IN"}
    assert (
        "Google Pay (Axis Bank)" in votes[0].evidence.detail
        and "PhonePe (Yes Bank)" in votes[0].evidence.detail
    )


def test_mule_accounts_are_weak_and_say_why():
    votes, _ = money.votes(
        _inputs(
            indicators("bank_account", ["aba:021000021:123456789", "iban:LT121000011101001000"])
        )
    )
    by_country = {next(iter(v.countries)): v for v in votes}
    assert set(by_country) == {"US", "LT"}
    # In the victims' own country: recorded, no weight. In a third country: weak.
    assert (
        by_country["US"].mass == 0.0
        and "no evidence of where the callers sit" in by_country["US"].evidence.detail
    )
    assert 0.0 < by_country["LT"].mass <= money.MAX_MULE_MASS
    assert all("where the money lands" in v.evidence.detail for v in votes)


# --- notes -------------------------------------------------------------------------


def test_investigator_note_is_strong_and_placed():
    note = NoteFact(
        "IN",
        None,
        "Calcutta",
        "call centre on the 3rd floor",
        "WB Police letter",
        "a.analyst",
        "2025-03-01T10:00",
        7,
    )
    votes, _ = notes.votes(_inputs([], (note,)))
    country = next(v for v in votes if v.place is None)
    place = next(v for v in votes if v.place is not None)
    assert country.mass >= 0.85
    assert (
        place.place is not None
        and place.place.city == "Kolkata"
        and place.place.region == "West Bengal"
    )
    assert "WB Police letter" in country.evidence.detail and country.evidence.values == ("note:7",)
