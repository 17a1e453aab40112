"""Readers: every bad line named by PATH:LINE: field: reason, good lines around it kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scamtrace.errors import InputError
from scamtrace.intake import Reject, Row, read_path
from scamtrace.intake.readers import MAX_LINE_BYTES
from tests.conftest import report


def _items(path: Path) -> list[Row | Reject]:
    return list(read_path(str(path)))


def test_jsonl_bad_lines_do_not_stop_the_file(tmp_path: Path) -> None:
    p = tmp_path / "r.jsonl"
    lines = [
        json.dumps(report("1")),
        "{not json",
        json.dumps({"report_id": "2", "source": "webform"}),
        json.dumps(report("3", victim={"country": "USA"})),
        json.dumps(report("4", payments=[{"amount": "lots"}])),
        json.dumps([1, 2]),
        json.dumps(report("5")),
    ]
    p.write_text("\n".join(lines) + "\n")
    items = _items(p)
    assert [i.report.report_id for i in items if isinstance(i, Row)] == ["1", "5"]
    rejects = [str(i) for i in items if isinstance(i, Reject)]
    assert rejects[0].startswith(f"{p}:2: (line): not valid JSON")
    assert rejects[1] == f"{p}:3: received_at: required"
    assert rejects[2].startswith(f"{p}:4: victim.country: 'USA' is not an ISO 3166-1 alpha-2 code")
    assert rejects[3].startswith(f"{p}:5: payments.0.amount: 'lots' is not a number")
    assert rejects[4].startswith(f"{p}:6: (line): expected a JSON object, got a list")


def test_bom_crlf_blank_lines_and_offsets_kept(tmp_path: Path) -> None:
    p = tmp_path / "r.jsonl"
    body = json.dumps(report("1", incident_at="2025-03-01T10:30:00+11:00")) + "\r\n\r\n" + json.dumps(report("2", incident_at="2025-03-01")) + "\r\n"
    p.write_bytes(b"\xef\xbb\xbf" + body.encode())
    rows = [i for i in _items(p) if isinstance(i, Row)]
    assert len(rows) == 2
    assert rows[0].report.incident_at.utcoffset().total_seconds() == 11 * 3600  # type: ignore[union-attr]
    assert rows[0].report.received_at.utcoffset().total_seconds() == -5 * 3600
    assert str(rows[1].report.incident_at) == "2025-03-01"


def test_malformed_utf8_line_is_rejected_alone(tmp_path: Path) -> None:
    p = tmp_path / "r.jsonl"
    p.write_bytes(json.dumps(report("1")).encode() + b"\n" + b'{"report_id": "\xff\xfe"}\n' + json.dumps(report("2")).encode() + b"\n")
    items = _items(p)
    assert [i.report.report_id for i in items if isinstance(i, Row)] == ["1", "2"]
    (bad,) = [i for i in items if isinstance(i, Reject)]
    assert bad.line == 2 and "not valid UTF-8" in bad.reason


def test_empty_file_yields_nothing(tmp_path: Path) -> None:
    p = tmp_path / "empty.jsonl"
    p.write_bytes(b"")
    assert _items(p) == []


def test_json_array_is_read_with_line_numbers(tmp_path: Path) -> None:
    p = tmp_path / "arr.json"
    p.write_text("[\n" + json.dumps(report("1")) + ",\n" + json.dumps({"report_id": "x"}) + ",\n" + json.dumps(report("3")) + "\n]\n")
    items = _items(p)
    assert [i.report.report_id for i in items if isinstance(i, Row)] == ["1", "3"]
    (bad,) = [i for i in items if isinstance(i, Reject)]
    assert bad.line == 3 and bad.field in ("source", "received_at")


def test_huge_narrative_is_rejected_with_a_message(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    big = report("big", narrative="call 1-844-555-0100 " * 2_700_000)  # ~54 MB
    with p.open("w") as f:
        f.write(json.dumps(report("1")) + "\n" + json.dumps(big) + "\n" + json.dumps(report("2")) + "\n")
    items = _items(p)
    assert [i.report.report_id for i in items if isinstance(i, Row)] == ["1", "2"]
    (bad,) = [i for i in items if isinstance(i, Reject)]
    assert bad.line == 2 and bad.field == "narrative" and "longer than 1,000,000 characters" in bad.reason
    assert len(bad.raw) < 3 * 1024 * 1024  # the kept copy is truncated, the original file has the rest


def test_line_over_the_byte_limit_is_skipped_without_holding_it(tmp_path: Path) -> None:
    p = tmp_path / "huge.jsonl"
    with p.open("wb") as f:
        f.write(json.dumps(report("1")).encode() + b"\n")
        f.write(b"x" * (MAX_LINE_BYTES + 10) + b"\n")
        f.write(json.dumps(report("2")).encode() + b"\n")
    items = _items(p)
    assert [i.report.report_id for i in items if isinstance(i, Row)] == ["1", "2"]
    assert [i.line for i in items if isinstance(i, Reject)] == [2]


def test_csv_nested_fields_lists_and_ragged_rows(tmp_path: Path) -> None:
    p = tmp_path / "r.csv"
    p.write_text(
        "report_id,source,received_at,victim.country,caller.phone,payments.0.amount,payments.0.currency,payments.1.method,websites,narrative\n"
        '1,webform,2025-03-04T09:12:00Z,gb,0800 123 4567,499,gbp,gift_card,a.com;b.com,"multi\nline"\n'
        "2,webform,2025-03-04T09:12:00Z,US\n"
        "3,webform,2025-03-04T09:12:00Z,US,,,,,,,extra\n"
        "4,webform,2025-03-04T09:12:00Z,,,,,,,\n",
        encoding="utf-8",
    )
    items = _items(p)
    rows = [i for i in items if isinstance(i, Row)]
    assert [r.report.report_id for r in rows] == ["1", "4"]
    r1 = rows[0].report
    assert r1.victim.country == "GB" and r1.caller.phone == "0800 123 4567"
    assert r1.payments[0].amount == 499 and r1.payments[0].currency == "GBP" and r1.payments[1].method == "gift_card"
    assert r1.websites == ("a.com", "b.com") and r1.narrative == "multi\nline"
    assert rows[1].line == 6  # the quoted newline in row 1 spans two physical lines
    bad = {i.line: i.reason for i in items if isinstance(i, Reject)}
    assert bad == {4: "4 values but the header has 10 columns", 5: "11 values but the header has 10 columns"}


def test_csv_header_problems_are_named(tmp_path: Path) -> None:
    p = tmp_path / "r.csv"
    p.write_text("report_id,received_at\n1,2025-03-04T09:12:00Z\n")
    (bad,) = _items(p)
    assert isinstance(bad, Reject) and bad.line == 1 and "missing required column(s): source" in bad.reason


def test_csv_bad_utf8_row_rejected_alone(tmp_path: Path) -> None:
    p = tmp_path / "r.csv"
    p.write_bytes(b"\xef\xbb\xbfreport_id,source,received_at,narrative\n1,webform,2025-03-04T09:12:00Z,ok\n2,webform,2025-03-04T09:12:00Z,bad \xff\n3,webform,2025-03-04T09:12:00Z,ok\n")
    items = _items(p)
    assert [i.report.report_id for i in items if isinstance(i, Row)] == ["1", "3"]
    assert [i.line for i in items if isinstance(i, Reject)] == [3]


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_path(str(tmp_path / "nope.jsonl")))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        for name in ("x.jsonl", "x.csv"):
            p = Path(d) / name
            p.write_bytes(data)
            for item in read_path(str(p)):
                assert isinstance(item, Row | Reject)
