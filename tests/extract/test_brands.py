"""The impersonated organisation, and the names the scammer gave."""

from __future__ import annotations

import pytest

from scamtrace.domain.indicator import Kind
from tests.extract.helpers import extract, found


@pytest.mark.parametrize(
    ("text", "brands"),
    [
        ("A popup said call Microsoft at 1-844-213-7788", {"microsoft"}),
        ("WINDOWS DEFENDER SECURITY CENTER - Trojan detected", {"microsoft"}),
        ("He said he was from Apple and my iCloud was hacked", {"apple"}),
        ("Got an email invoice from 'Geek Squad' for $399", {"geek_squad"}),
        ("a man claiming to be from BT Openreach", {"bt"}),
        ("The IRS called me about a warrant", {"irs"}),
        ("HSBC fraud team called and said move my savings", {"hsbc"}),
        ("I paid with Apple gift cards and Google Play cards", set()),
        ("he made me log into my Bank of America online banking", set()),
        ("a popup on my Dell laptop said call 1-888-503-2291", set()),
        ("I then called the real Apple number and they said it was a scam", set()),
        ("charged $599 via PayPal to invoices@x.com", set()),
        ("I called Westpac on 132 032 straight away", set()),
    ],
)
def test_brands(text: str, brands: set[str]) -> None:
    assert set(found(extract(text), Kind.BRAND)) == brands


def test_claimed_company_field() -> None:
    assert set(found(extract("", caller={"claimed_company": "Microsoft Support"}), Kind.BRAND)) == {
        "microsoft"
    }


@pytest.mark.parametrize(
    ("text", "aliases"),
    [
        ("A man called Kevin had me install AnyDesk", {"Kevin"}),
        ("The technician, who said his name was David Miller, connected", {"David Miller"}),
        ("Agent Steve Martin badge no 2241-7790", {"Steve Martin"}),
        ("the lady (Jessica) said she'd refund me", {"Jessica"}),
        ("Officer 'Emma Scott' said I owed $4,750", {"Emma Scott"}),
        ("He gave his name as Harry Potter (really).", {"Harry Potter"}),
        ("Cust met 'David Miller' on Match.com", {"David Miller"}),
        ("A Dave (employee ID EMP-8333) took over the call", {"Dave"}),
        ("a man named justin answered the phone", {"Justin"}),
        ("I HAVE BEEN TALKING TO MARK WILSON SINCE LAST YEAR", {"Mark Wilson"}),
        ("My name is Mrs. Anita Roy. I received a call", set()),
        ("on behalf of my father Mr. R. Sharma who lives in NJ", set()),
        ("the company name was 'Prime Solutions LLC'", set()),
        ("transferred me to 'Mumbai cyber police'", set()),
    ],
)
def test_aliases(text: str, aliases: set[str]) -> None:
    assert set(found(extract(text), Kind.ALIAS)) == aliases


def test_caller_name_field_is_title_cased_without_titles() -> None:
    assert set(found(extract("", caller={"name": "officer brian lee"}), Kind.ALIAS)) == {
        "Brian Lee"
    }
