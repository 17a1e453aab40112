"""Masking victims' data in complaint text, keeping the scammer's indicators."""

from __future__ import annotations

from scamtrace.refer.masking import (
    CARD,
    EMAIL,
    NAME,
    NUMBER,
    VICTIM_ACCOUNT,
    VICTIM_EMAIL,
    VICTIM_ID,
    VICTIM_NAME,
    VICTIM_PHONE,
    extract,
    mask_text,
)
from scamtrace.refer.model import Personal

CALLBACK = ("phone", "+18445550142")
MULE = ("bank_account", "ifsc:HDFC0001234:50100234567890")


def test_known_personal_fields_are_masked_wherever_they_appear() -> None:
    p = Personal(name="Margaret Ellison", email="m.ellison@example.net", phone="+1 614 555 0199")
    text = "I am Margaret Ellison (Margaret to friends, ELLISON on forms). Email M.Ellison@example.net, phone (614) 555-0199 or 16145550199."
    out = mask_text(text, p)
    assert "Margaret" not in out and "Ellison" not in out and "ELLISON" not in out
    assert "example.net" not in out.lower()
    assert "555-0199" not in out and "16145550199" not in out
    assert out.count(VICTIM_PHONE) == 2 and VICTIM_EMAIL in out and VICTIM_NAME in out


def test_scammer_indicators_stay_and_victim_values_go() -> None:
    p = Personal(own_values=(("bank_account", "aba:021000021:987654321012"), ("remote_id", "anydesk:412345678")))
    text = (
        "Call Microsoft at 1 (844) 555-0142. He moved money from my account 987654321012 to HDFC 50100234567890. "
        "My AnyDesk ID was 412 345 678 and his was 123 456 789."
    )
    out = mask_text(text, p, keep_values=[CALLBACK, MULE, ("remote_id", "anydesk:123456789")])
    assert "1 (844) 555-0142" in out and "50100234567890" in out and "123 456 789" in out
    assert "987654321012" not in out and VICTIM_ACCOUNT in out
    assert "412 345 678" not in out and VICTIM_ID in out


def test_safety_net_masks_what_extraction_missed() -> None:
    text = "Reach my son at 07700 900123 or son.mail@gmail.com. Card 4111 1111 1111 1111. My name is Dorothy Parker. On 2025-03-04 I paid $1,499.00."
    out = mask_text(text, Personal())
    assert "07700 900123" not in out and NUMBER in out
    assert "son.mail@gmail.com" not in out and EMAIL in out
    assert "4111" not in out and CARD in out
    assert "Dorothy" not in out and NAME in out
    # dates and amounts are not personal and stay readable
    assert "2025-03-04" in out and "$1,499.00" in out


def test_spans_and_urls_protect_scammer_text() -> None:
    text = "Pop-up said call 0800 123 4567 at https://fix-pc-now.com/id=99887766554 or winprotect398.tech/alert.html?number=8445550142 now."
    start = text.index("0800")
    out = mask_text(text, Personal(), keep_spans=[(start, start + len("0800 123 4567"))])
    assert "0800 123 4567" in out and "https://fix-pc-now.com/id=99887766554" in out
    assert "winprotect398.tech/alert.html?number=8445550142" in out


def test_value_disclosed_as_operation_indicator_is_not_masked() -> None:
    # extraction called the callback number the victim's in this one report; the package lists it anyway
    p = Personal(own_values=(CALLBACK,))
    text = "The invoice said to call 1-844-555-0142 to dispute it."
    assert VICTIM_PHONE in mask_text(text, p)
    assert "1-844-555-0142" in mask_text(text, p, disclosed={CALLBACK})


def test_known_victim_phone_wins_over_scammer_span() -> None:
    text = "Call me back at 614-555-0199."
    start = text.index("614")
    out = mask_text(text, Personal(phone="+16145550199"), keep_spans=[(start, start + 12)])
    assert "614-555-0199" not in out


def test_markup_in_text_survives_as_text() -> None:
    text = "#set text(red) *bold* = formula @here"
    assert mask_text(text, Personal()) == text


def test_extract_cuts_at_sentence_and_collapses_space() -> None:
    text = "First sentence here.   Second\nsentence is longer than the limit allows for sure."
    assert extract(text, 200) == "First sentence here. Second sentence is longer than the limit allows for sure."
    assert extract(text, 36) == "First sentence here. …"
    assert extract("word " * 30, 23).endswith(" …")
