"""Roles from context and curated lists."""

from __future__ import annotations

from scamtrace.domain.indicator import Kind, Role
from tests.extract.helpers import extract, found


def test_victims_own_and_relatives_numbers() -> None:
    ex = extract(
        "My mom got a popup to call 1 888 402 6619. Her number is 415-867-3321 and my number is 650-329-1176. "
        "My son's phone 206-551-9032."
    )
    phones = found(ex, Kind.PHONE)
    assert phones["+18884026619"] is Role.SCAMMER
    assert phones["+14158673321"] is Role.VICTIM
    assert phones["+16503291176"] is Role.VICTIM
    assert phones["+12065519032"] is Role.VICTIM


def test_his_number_belongs_to_whoever_was_talked_about() -> None:
    ex = extract(
        "The refund guy (said he was from Geek Squad) wanted more. His number +1 888 633 2915."
    )
    assert found(ex, Kind.PHONE) == {"+18886332915": Role.SCAMMER}
    ex = extract(
        "pls help my dad, he is 84 and got a popup. he is very upset. his phone (808) 593-2271"
    )
    assert found(ex, Kind.PHONE) == {"+18085932271": Role.VICTIM}


def test_curated_legitimate_lines() -> None:
    ex = extract(
        "Afterwards I rang Microsoft UK on 0344 800 2400 and my bank on 0345 734 5345.",
        country="GB",
    )
    assert set(found(ex, Kind.PHONE).values()) == {Role.LEGIT}


def test_legit_by_context() -> None:
    ex = extract("I called my bank's fraud line at 1-877-204-1111 straight away")
    assert found(ex, Kind.PHONE) == {"+18772041111": Role.LEGIT}


def test_structured_victim_fields() -> None:
    ex = extract("they called me", victim={"phone": "+1 503 229 7781", "email": "Pat@Example.org"})
    assert found(ex, Kind.PHONE) == {"+15032297781": Role.VICTIM}
    assert found(ex, Kind.EMAIL) == {"pat@example.org": Role.VICTIM}


def test_helpline_caller_is_the_victim() -> None:
    ex = extract(
        "Caller (Mrs D, 74) states a man rang from 020 3966 1180. Caller's contact: 0113 496 0441.",
        country="GB",
        source="helpline",
    )
    phones = found(ex, Kind.PHONE)
    assert phones["+442039661180"] is Role.SCAMMER
    assert phones["+441134960441"] is Role.VICTIM


def test_victim_never_loses_to_a_later_scammer_word_about_the_same_value() -> None:
    ex = extract(
        "My phone is 612-449-2081. They called me back the next day on my cell 612-449-2081 to sell more."
    )
    assert found(ex, Kind.PHONE) == {"+16124492081": Role.VICTIM}
