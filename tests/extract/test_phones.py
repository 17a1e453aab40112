"""Phones in every shape victims write them, and the numbers that are not phones."""

from __future__ import annotations

import pytest

from scamtrace.domain.indicator import Kind, Role
from tests.extract.helpers import extract, found, indicator


@pytest.mark.parametrize(
    ("text", "country", "e164"),
    [
        ("call Microsoft at (844) 213-7788 now", "US", "+18442137788"),
        ("call 1-844-213-7788 now", "US", "+18442137788"),
        ("call 18442137788 now", "US", "+18442137788"),
        ("the number was 1 (844) 213-7788.", "US", "+18442137788"),
        ("rang from +44 (0)20 3514 7729 twice", "GB", "+442035147729"),
        ("rang from +44 (0)20 3514 7729 twice", "US", "+442035147729"),
        ("freephone 0800 048 0408 they said", "GB", "+448000480408"),
        ("call 0800 031 4402 to fix it", "US", "+448000314402"),
        ("the number was 1800 953 217", "AU", "+611800953217"),
        ("caller +91 98300 41276 said", "US", "+919830041276"),
        ("he called from 098300 51227 again", "IN", "+919830051227"),
        ("pop-up: call 1-8OO-916-2704 toll free", "US", "+18009162704"),
        ("pop-up: call 1 844 6O2 9918", "US", "+18446029918"),
        ("call 1 844 712\n0938 and", "US", "+18447120938"),
        ("call 1-844-\n213-9904 to cancel", "US", "+18442139904"),
        ("dial 00 44 20 3514 7729", "US", "+442035147729"),
        ("his whatsapp 0703 575 2416", "US", "+2347035752416"),
        ("Apple India on 000800 040 1966.", "IN", "+910008000401966"),
        ("I called Westpac on 132 032 straight away", "AU", "+61132032"),
    ],
)
def test_shapes(text: str, country: str, e164: str) -> None:
    assert e164 in found(extract(text, country=country), Kind.PHONE)


@pytest.mark.parametrize(
    "text",
    [
        "Call 1-877-520-3319 ext. 5 and ask",
        "call 0161 850 3392, extension 221.",
        "phone 1 (866) 590 2204 x 17 today",
        "number 1-888-590-7713 extn 402 then",
    ],
)
def test_extension_is_dropped(text: str) -> None:
    phones = found(extract(text, country="GB" if "0161" in text else "US"), Kind.PHONE)
    assert len(phones) == 1
    assert all(len(p) <= 13 for p in phones)


@pytest.mark.parametrize(
    "text",
    [
        "Amazon order 112-4567890-1234567 for a TV",
        "Order No. 7720-1193-5581 was on the invoice",
        "my case # with the police is 2024-118834.",
        "transaction ID 88013276554 was shown",
        "the codes were 4931 2208 7715 6602 and 7708 1123 9981 0045",
        "card numbers 6006491 3318 8825 5504 PIN 2281",
        "MTCN 338-112-5590 from Western Union",
        "I paid $1,299.00 on 03/14/2025 at 10:40",
        "account 012-875-0-882190-5 in Hong Kong",
        "Confirmation #: 7788123490.",
        "I installed AnyDesk and read him 812 345 678",
        "TeamViewer ID 1 245 876 330 and password 7hq2kx",
        "the IP was 203.115.100.102 in the log",
    ],
)
def test_not_phones(text: str) -> None:
    assert found(extract(text), Kind.PHONE) == {}


def test_fictitious_range_is_flagged_but_kept() -> None:
    ex = extract("call Microsoft at 1 (844) 555-0142 now")
    phone = indicator(ex, Kind.PHONE, "+18445550142")
    assert "fictitious" in phone.flags
    assert "toll_free" in phone.flags


def test_ofcom_drama_numbers_are_not_valid_so_not_emitted() -> None:
    assert found(extract("my son on 07700 900 461 told me", country="GB"), Kind.PHONE) == {}


def test_two_numbers_side_by_side() -> None:
    phones = found(extract("numbers (844) 213-7788 (855) 302-1144 both"), Kind.PHONE)
    assert set(phones) == {"+18442137788", "+18553021144"}


def test_caller_phone_field_is_scammer_unless_legit() -> None:
    ex = extract("", caller={"phone": "(855) 301-7740"})
    assert indicator(ex, Kind.PHONE, "+18553017740").role is Role.SCAMMER
    ex = extract("", caller={"phone": "1-800-642-7676"})
    assert indicator(ex, Kind.PHONE, "+18006427676").role is Role.LEGIT


def test_honeypot_caller_id_is_unknown() -> None:
    ex = extract(
        "your microsoft subscription will renew, call 1 855 292 0492",
        source="honeypot",
        caller={"phone": "8189994907"},
    )
    assert indicator(ex, Kind.PHONE, "+18189994907").role is Role.UNKNOWN
    assert indicator(ex, Kind.PHONE, "+18552920492").role is Role.SCAMMER


def test_region_is_guessed_when_the_country_is_missing() -> None:
    ex = extract(
        "Respected Sir, I got a call from 7738280618 that my number will be blocked by TRAI.",
        country=None,
    )
    assert "+917738280618" in found(ex, Kind.PHONE)


def test_descriptor_phone_is_paypals() -> None:
    ex = extract("my statement shows PAYPAL *WINSECURE 4029357733 for $399")
    assert indicator(ex, Kind.PHONE, "+14029357733").role is Role.LEGIT
    assert "PAYPAL *WINSECURE" in found(ex, Kind.MERCHANT)
