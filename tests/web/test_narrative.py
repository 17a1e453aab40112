"""Highlighting and masking narratives (pure functions)."""

from __future__ import annotations

from scamtrace.services.reports import MASK, _Personal, mask_spans, masked_text, segments


def test_segments_cover_the_text_and_prefer_the_innermost_indicator() -> None:
    text = "Go to https://fix-pc.com/now or call 1 844 213 7788."
    url = {"start": 6, "end": 28, "kind": "url", "role": "scammer", "value": "https://fix-pc.com/now"}
    dom = {"start": 14, "end": 24, "kind": "domain", "role": "scammer", "value": "fix-pc.com"}
    phone = {"start": 37, "end": 51, "kind": "phone", "role": "scammer", "value": "+18442137788"}
    segs = segments(text, [url, dom, phone])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.kind) for s in segs if s.kind] == [("https://", "url"), ("fix-pc.com", "domain"), ("/now", "url"), ("1 844 213 7788", "phone")]


def test_bad_spans_are_ignored() -> None:
    text = "short"
    segs = segments(text, [{"start": 3, "end": 99, "kind": "phone", "role": "scammer", "value": "x"}, {"start": None, "end": None, "kind": "brand", "role": "scammer", "value": "y"}])
    assert [(s.text, s.kind) for s in segs] == [("short", None)]


def test_masking_hides_the_victim_and_keeps_the_scammer() -> None:
    text = "I am Margaret Quill (margaret.q@example.org, 614-555-2398). They said call 1-844-213-7788, account 50100234567890."
    personal = _Personal(name="Margaret Quill", email="margaret.q@example.org", phone="+1 614 555 2398")
    keep = [(75, 89)]  # the scammer's number, as extraction found it
    out = masked_text(text, mask_spans(text, personal, keep))
    for secret in ("Margaret", "Quill", "margaret.q@example.org", "614-555-2398", "50100234567890"):
        assert secret not in out
    assert "1-844-213-7788" in out and MASK in out


def test_masking_wins_over_highlighting() -> None:
    text = "my number 614 555 2398"
    hl = [{"start": 10, "end": 22, "kind": "phone", "role": "unknown", "value": "+16145552398"}]
    masks = mask_spans(text, _Personal(phone="+16145552398"), [(10, 22)])
    segs = segments(text, hl, masks)
    assert segs[-1].masked and "2398" not in "".join(s.text for s in segs)


def test_structured_fields_holding_the_victims_own_values_are_hidden() -> None:
    from scamtrace.services.reports import mask_fields

    personal = _Personal(indicators=[{"kind": "remote_id", "value": "anydesk:123456789", "field": "remote_access.id"}])
    doc = {"remote_access": {"tool": "AnyDesk", "id": "123 456 789"}, "payments": [{"method": "wire", "account": "50100234567890"}]}
    out = mask_fields(doc, personal)
    assert out["remote_access"] == {"tool": "AnyDesk", "id": MASK}
    assert out["payments"] == doc["payments"]  # the mule account is the scammer's: it stays
    assert mask_fields(doc, _Personal()) is doc
