"""E-mail and IP addresses, and the dotless addresses that are UPI or AnyDesk aliases."""

from __future__ import annotations

import pytest

from scamtrace.domain.indicator import Kind, Role
from tests.extract.helpers import extract, found, indicator


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("write to support[at]pcsecure-care[dot]com now", "support@pcsecure-care.com"),
        ("he emailed from raj.techsupport(at)yahoo.com", "raj.techsupport@yahoo.com"),
        ("it was geeksquad.orders(at)gmail(dot)com.", "geeksquad.orders@gmail.com"),
        ("Billing@TechSolns.NET sent it", "billing@techsolns.net"),
    ],
)
def test_emails(text: str, email: str) -> None:
    assert email in found(extract(text), Kind.EMAIL)


def test_an_email_does_not_yield_its_domain() -> None:
    ex = extract("invoice from invoices@dell-warranty-services.net arrived")
    assert found(ex, Kind.DOMAIN) == {}


def test_upi_is_not_an_email() -> None:
    ex = extract(
        "pay by UPI to fixit.services@okaxis and send the screenshot to fixit.services@gmail.com",
        country="IN",
    )
    assert found(ex, Kind.UPI) == {"fixit.services@okaxis": Role.SCAMMER}
    assert found(ex, Kind.EMAIL) == {"fixit.services@gmail.com": Role.SCAMMER}


def test_victim_and_relative_emails() -> None:
    ex = extract(
        "My email is ellen.marsh@verizon.net, her email is ruthmarsh32@aol.com. The scammer used billing@fixdesk.com."
    )
    emails = found(ex, Kind.EMAIL)
    assert emails["ellen.marsh@verizon.net"] is Role.VICTIM
    assert emails["billing@fixdesk.com"] is Role.SCAMMER


def test_freemail_is_flagged() -> None:
    ex = extract("he wrote from ms.helpdesk.us@gmail.com")
    assert "freemail" in indicator(ex, Kind.EMAIL, "ms.helpdesk.us@gmail.com").flags


def test_ips_and_their_flags() -> None:
    ex = extract("the AnyDesk log showed 103.211.16.45; my laptop's local address was 192.168.0.14")
    ips = found(ex, Kind.IP)
    assert ips["103.211.16.45"] is Role.SCAMMER
    assert "private" in indicator(ex, Kind.IP, "192.168.0.14").flags


def test_ipv6_in_canonical_form() -> None:
    ex = extract("AnyDesk log listed a connection from IP 2401:4900:1C2A:5f7e:0000::1b.")
    assert "2401:4900:1c2a:5f7e::1b" in found(ex, Kind.IP)


def test_popup_ip_is_the_victims() -> None:
    ex = extract('The popup said "Your IP: 73.142.18.206 is compromised"')
    assert found(ex, Kind.IP) == {"73.142.18.206": Role.VICTIM}


def test_version_numbers_are_not_ips() -> None:
    assert found(extract("Windows version 1.2.3.4 was installed"), Kind.IP) == {}
