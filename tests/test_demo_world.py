"""The demo world: determinism, format, ground truth, and every planted trap.

Checksums are re-implemented here rather than imported, so a bug in the
generator's own check digits cannot hide itself.
"""

from __future__ import annotations

import csv
import hashlib
import ipaddress
import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import FrozenInstanceError
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import phonenumbers
import pytest

from scamtrace.demo import WorldSummary, write_world

N = 2000
SEED = 11
REQUIRED = ("report_id", "source", "received_at")
SCAM_TYPES = {
    "tech_support",
    "refund",
    "government_impersonation",
    "delivery",
    "romance",
    "investment",
    "lottery",
    "other",
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("world")
    ticks: list[int] = []
    summary = write_world(out, N, SEED, progress=ticks.append)
    reports = [
        json.loads(line)
        for line in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    with (out / "truth.csv").open(encoding="utf-8") as f:
        truth = list(csv.DictReader(f))
    with (out / "indicators.csv").open(encoding="utf-8") as f:
        indicators = list(csv.DictReader(f))
    centres = json.loads((out / "centres.json").read_text(encoding="utf-8"))
    return {
        "dir": out,
        "summary": summary,
        "ticks": ticks,
        "reports": reports,
        "truth": truth,
        "truth_by_key": {(t["source"], t["report_id"]): t for t in truth},
        "indicators": indicators,
        "centres": centres,
        "centres_by_id": {c["id"]: c for c in centres},
    }


def _items(world: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for centre in world["centres"]:
        for item in centre["infrastructure"]:
            yield centre, item


# --- determinism and format --------------------------------------------------------


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def test_same_seed_gives_identical_files(tmp_path: Path) -> None:
    write_world(tmp_path / "a", 600, 5)
    write_world(tmp_path / "b", 600, 5)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_different_seeds_differ(tmp_path: Path) -> None:
    write_world(tmp_path / "a", 600, 5)
    write_world(tmp_path / "b", 600, 6)
    assert (tmp_path / "a" / "reports.jsonl").read_bytes() != (
        tmp_path / "b" / "reports.jsonl"
    ).read_bytes()


@pytest.mark.parametrize("size", [1, 50, 137])
def test_tiny_worlds_have_exactly_the_requested_reports(tmp_path: Path, size: int) -> None:
    summary = write_world(tmp_path, size, 3)
    lines = (tmp_path / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == size == summary.reports


def test_every_line_is_a_report(world: dict[str, Any]) -> None:
    reports = world["reports"]
    assert len(reports) == N
    keys = set()
    for report in reports:
        for field in REQUIRED:
            assert report[field], field
        received = datetime.fromisoformat(report["received_at"])
        assert received.utcoffset() is not None
        if "incident_at" in report:
            text = report["incident_at"]
            incident = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
            incident_day = (
                incident
                if isinstance(incident, date) and not isinstance(incident, datetime)
                else incident.date()
            )
            assert incident_day <= received.date() + timedelta(days=1)
        keys.add((report["source"], report["report_id"]))
        assert set(report) <= {"report_id", "source", "received_at", "incident_at", "language", "victim", "contact",
                               "caller", "websites", "remote_access", "payments", "narrative"}  # fmt: skip
    assert len(keys) == N, "report ids must be unique within a source"


def test_reports_are_sparse_like_reality(world: dict[str, Any]) -> None:
    reports = world["reports"]
    with_narrative = sum(1 for r in reports if r.get("narrative"))
    narrative_only = sum(
        1
        for r in reports
        if set(r) - {"report_id", "source", "received_at", "victim", "incident_at"} == {"narrative"}
    )
    assert with_narrative > 0.9 * N
    assert narrative_only > 0.4 * N
    for field in ("caller", "websites", "remote_access", "payments"):
        assert 0 < sum(1 for r in reports if field in r) < 0.5 * N, field


def test_summary_matches_files(world: dict[str, Any]) -> None:
    summary: WorldSummary = world["summary"]
    assert summary.reports == N
    assert sum(summary.by_source.values()) == N
    assert sum(summary.by_victim_country.values()) == N
    assert summary.tss_reports + summary.other_reports == N
    assert world["ticks"] == []  # fewer than one progress step
    assert json.loads((world["dir"] / "summary.json").read_text())["reports"] == N
    assert summary.as_dict()["by_source"] == dict(sorted(summary.by_source.items()))
    with pytest.raises(FrozenInstanceError):
        summary.reports = 1  # type: ignore[misc]


def test_progress_is_reported(tmp_path: Path) -> None:
    ticks: list[int] = []
    write_world(tmp_path, 10_500, 2, progress=ticks.append)
    assert ticks == [5000, 10000]


# --- ground truth ----------------------------------------------------------------------


def test_truth_covers_every_report(world: dict[str, Any]) -> None:
    truth = world["truth_by_key"]
    assert len(world["truth"]) == N
    for report in world["reports"]:
        row = truth[(report["source"], report["report_id"])]
        assert row["scam_type"] in SCAM_TYPES
        assert row["is_tss"] == ("1" if row["scam_type"] in ("tech_support", "refund") else "0")
        assert row["operation_id"] == "" or row["operation_id"] in world["centres_by_id"]
    ops = Counter(t["operation_id"] for t in world["truth"])
    for centre in world["centres"]:
        assert centre["size"] == ops[centre["id"]]
        assert centre["kind"] in SCAM_TYPES


def test_centres_describe_where_and_when(world: dict[str, Any]) -> None:
    for centre in world["centres"]:
        assert len(centre["country"]) == 2 and centre["city"] and centre["region"]
        assert isinstance(centre["utc_offset_hours"], int | float)
        assert date.fromisoformat(centre["active"]["from"]) <= date.fromisoformat(
            centre["active"]["to"]
        )
        assert centre["infrastructure"], centre["id"]
        assert centre["ip_ranges"], centre["id"]
    tss = [c for c in world["centres"] if c["kind"] == "tech_support"]
    assert sum(1 for c in tss if c["country"] == "IN") > len(tss) / 2
    assert 20 <= len(tss) <= 60


def test_sizes_are_heavy_tailed(world: dict[str, Any]) -> None:
    sizes = sorted(
        (c["size"] for c in world["centres"] if c["kind"] == "tech_support"), reverse=True
    )
    assert sizes[0] >= 10 * statistics.median(sizes)
    assert sum(sizes[: max(1, len(sizes) // 10)]) > 0.4 * sum(sizes)
    assert sum(1 for s in sizes if s <= 5) >= 3


def test_infrastructure_windows_are_coherent(world: dict[str, Any]) -> None:
    """Every scammer number a report mentions was live for that centre around the incident."""
    truth = world["truth_by_key"]
    windows: dict[tuple[str, str], list[tuple[date, date]]] = defaultdict(list)
    for centre, item in _items(world):
        windows[(centre["id"], item["value"])].append(
            (date.fromisoformat(item["from"]), date.fromisoformat(item["to"]))
        )
    incident_day = {}
    for r in world["reports"]:
        if "incident_at" in r:
            incident_day[(r["source"], r["report_id"])] = date.fromisoformat(r["incident_at"][:10])
    checked = 0
    for row in world["indicators"]:
        key = (row["source"], row["report_id"])
        if (
            row["kind"] != "phone"
            or row["role"] != "scammer"
            or key not in incident_day
            or row["source"] == "honeypot"
        ):
            continue
        op = truth[key]["operation_id"]
        spans = windows[(op, row["value"])]
        assert spans, (op, row["value"])
        day = incident_day[key]
        assert any(lo - timedelta(days=1) <= day <= hi + timedelta(days=1) for lo, hi in spans), (
            op,
            row["value"],
            day,
        )
        checked += 1
    assert checked > 100


def test_incident_times_follow_the_shift(world: dict[str, Any]) -> None:
    """An aware incident time, converted to the centre's zone, falls in its shift."""
    truth = world["truth_by_key"]
    checked = 0
    for r in world["reports"]:
        text = r.get("incident_at", "")
        op = truth[(r["source"], r["report_id"])]["operation_id"]
        if len(text) <= 19 or not op:
            continue
        centre = world["centres_by_id"][op]
        if centre["dst_rule"] != "none":
            continue
        local = datetime.fromisoformat(text).astimezone(UTC) + timedelta(
            hours=centre["utc_offset_hours"]
        )
        start_h, start_m = map(int, centre["shift"]["start"].split(":"))
        end_h, end_m = map(int, centre["shift"]["end"].split(":"))
        start, end, minute = (
            start_h * 60 + start_m,
            end_h * 60 + end_m,
            local.hour * 60 + local.minute,
        )
        inside = start <= minute < end if start < end else (minute >= start or minute < end)
        assert inside, (op, text, centre["shift"])
        checked += 1
    assert checked > 100


# --- traps ----------------------------------------------------------------------------


def test_recycled_numbers_link_two_centres_months_apart(world: dict[str, Any]) -> None:
    by_value: dict[str, list[tuple[str, date, date]]] = defaultdict(list)
    for centre, item in _items(world):
        if item.get("trap") == "recycled":
            by_value[item["value"]].append(
                (centre["id"], date.fromisoformat(item["from"]), date.fromisoformat(item["to"]))
            )
    assert by_value
    reported_by: dict[str, set[str]] = defaultdict(set)
    for row in world["indicators"]:
        if row["trap"] == "recycled":
            reported_by[row["value"]].add(
                world["truth_by_key"][(row["source"], row["report_id"])]["operation_id"]
            )
    good = 0
    for value, uses in by_value.items():
        (a, _, a_end), (b, b_start, _) = sorted(uses, key=lambda u: u[1])
        assert a != b
        assert (b_start - a_end).days >= 90
        assert phonenumbers.is_valid_number(phonenumbers.parse(value))
        good += reported_by[value] >= {a, b}
    assert good >= 1


def test_duplicate_incidents_reach_two_channels(world: dict[str, Any]) -> None:
    by_incident: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in world["truth"]:
        by_incident[row["incident_id"]].append(row)
    dups = [rows for rows in by_incident.values() if len(rows) > 1]
    assert 0.01 * N < len(dups) < 0.06 * N
    for rows in dups:
        assert len(rows) == 2 and rows[0]["source"] != rows[1]["source"]
        assert rows[0]["operation_id"] == rows[1]["operation_id"]
    assert all(len(rows) <= 2 for rows in by_incident.values())


def test_honeypot_transcripts_repeat_one_recording(world: dict[str, Any]) -> None:
    honeypot = [r for r in world["reports"] if r["source"] == "honeypot"]
    assert len(honeypot) >= 5
    truth = world["truth_by_key"]
    by_op: dict[str, list[set[str]]] = defaultdict(list)
    for r in honeypot:
        assert "victim" not in r and r["contact"]["direction"] == "outbound"
        by_op[truth[(r["source"], r["report_id"])]["operation_id"]].append(
            set(r["narrative"].lower().split())
        )
    # Transcripts of one campaign share most of their words.
    assert any(
        len(ws) > 1 and len(ws[0] & ws[1]) > 0.6 * min(len(ws[0]), len(ws[1]))
        for ws in by_op.values()
    )


def test_other_scam_types_and_genuine_complaints(world: dict[str, Any]) -> None:
    types = Counter(t["scam_type"] for t in world["truth"] if t["operation_id"])
    for kind in (
        "tech_support",
        "refund",
        "government_impersonation",
        "romance",
        "investment",
        "lottery",
        "delivery",
    ):
        assert types[kind] > 0, kind
    rings = [c["id"] for c in world["centres"] if c["kind"] != "tech_support"]
    assert rings and all(r.startswith("ring-") for r in rings)
    genuine = [t for t in world["truth"] if not t["operation_id"]]
    assert 0.005 * N < len(genuine) < 0.03 * N
    assert all(t["is_tss"] == "0" for t in genuine)


def test_roles_legit_victim_and_scammer_side(world: dict[str, Any]) -> None:
    rows = world["indicators"]
    traps = Counter(r["trap"] for r in rows)
    for trap in (
        "legit_contact",
        "victim_phone",
        "victim_remote_id",
        "anydesk_log",
        "popular_alias",
        "shared_platform",
    ):
        assert traps[trap] > 0, trap
    scammer_values = {item["value"] for _, item in _items(world)}
    for r in rows:
        if r["role"] in ("legit", "victim"):
            assert r["value"] not in scammer_values, r
    assert (
        any(r["value"] == "+18006427676" and r["role"] == "legit" for r in rows)
        or traps["legit_contact"] > 20
    )
    narratives = " ".join(r.get("narrative", "") for r in world["reports"])
    for phrase in ("incoming connection from ID", "hxxp", "[.]"):
        assert phrase in narratives, phrase


def test_anydesk_log_ips_come_from_the_centres_country(world: dict[str, Any]) -> None:
    truth = world["truth_by_key"]
    checked = 0
    for r in world["indicators"]:
        if r["kind"] == "ip" and r["trap"] == "anydesk_log":
            centre = world["centres_by_id"][truth[(r["source"], r["report_id"])]["operation_id"]]
            ip = ipaddress.ip_address(r["value"])
            assert any(ip in ipaddress.ip_network(rng["cidr"]) for rng in centre["ip_ranges"])
            checked += 1
    assert checked > 0


def test_ip_ranges_geolocate_to_the_centres_country(world: dict[str, Any]) -> None:
    geoip = pytest.importorskip("geoip2fast")
    g = geoip.GeoIP2Fast()
    for centre in world["centres"]:
        for rng in centre["ip_ranges"]:
            host = str(ipaddress.ip_network(rng["cidr"]).network_address + 77)
            assert g.lookup(host).country_code == centre["country"], (centre["id"], rng)


def test_popular_aliases_are_shared_by_many_centres(world: dict[str, Any]) -> None:
    counts = Counter(a for c in world["centres"] for a in set(c["aliases"]))
    assert max(counts[a] for a in ("Kevin Smith", "John", "Mark Wilson", "Steve", "David")) >= 3


def test_hub_values_appear_in_unrelated_operations(world: dict[str, Any]) -> None:
    hubs: dict[str, set[str]] = defaultdict(set)
    for centre, item in _items(world):
        if item.get("trap") == "hub":
            hubs[item["value"]].add(centre["id"])
    assert len(hubs) >= 2
    assert all(len(owners) >= 2 for owners in hubs.values())
    ops: dict[str, set[str]] = defaultdict(set)
    for r in world["indicators"]:
        if r["trap"] == "hub":
            ops[r["value"]].add(
                world["truth_by_key"][(r["source"], r["report_id"])]["operation_id"]
            )
    assert any(len(o) >= 2 for o in ops.values())


def test_a_few_reports_are_vague(world: dict[str, Any]) -> None:
    strong = {
        "phone",
        "domain",
        "url",
        "email",
        "ip",
        "remote_id",
        "bank_account",
        "upi",
        "crypto_wallet",
        "merchant",
    }
    with_strong = {
        (r["source"], r["report_id"])
        for r in world["indicators"]
        if r["kind"] in strong and r["role"] == "scammer"
    }
    scam_reports = [t for t in world["truth"] if t["operation_id"]]
    without = [t for t in scam_reports if (t["source"], t["report_id"]) not in with_strong]
    assert 0.02 * N < len(without) < 0.25 * N
    assert 0.01 * N < world["summary"].traps["vague"] < 0.05 * N


def test_number_formats_are_varied(world: dict[str, Any]) -> None:
    text = "\n".join(r.get("narrative", "") for r in world["reports"])
    for pattern in ("(8", "1-8", "+1 ", "+44", "0800", "+91", "\n"):
        assert pattern in text, pattern
    assert any(line.endswith("-") for line in text.splitlines()) or "8OO" in text


# --- checksums (independent implementations) --------------------------------------------


def _aba_ok(routing: str) -> bool:
    d = [int(c) for c in routing]
    return (
        len(d) == 9
        and (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0
    )


def _iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _base58check_ok(address: str) -> bool:
    n = 0
    for ch in address:
        n = n * 58 + _B58.index(ch)
    raw = n.to_bytes(25, "big")
    return hashlib.sha256(hashlib.sha256(raw[:-4]).digest()).digest()[:4] == raw[-4:]


def _bech32_ok(address: str) -> bool:
    charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    hrp, data = address.lower().rsplit("1", 1)
    values = (
        [ord(c) >> 5 for c in hrp]
        + [0]
        + [ord(c) & 31 for c in hrp]
        + [charset.index(c) for c in data]
    )
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk == (1 if data[0] == "q" else 0x2BC830A3)


def test_generated_accounts_and_wallets_pass_their_checksums(world: dict[str, Any]) -> None:
    seen = Counter()
    for _, item in _items(world):
        if item["kind"] == "bank_account":
            if "routing" in item:
                assert _aba_ok(item["routing"]), item
                seen["aba"] += 1
            if "iban" in item:
                assert _iban_ok(item["iban"]), item
                seen["iban"] += 1
        elif item["kind"] == "crypto_wallet":
            chain, address = item["value"].split(":", 1)
            if chain == "btc":
                assert (
                    _bech32_ok(address) if address.startswith("bc1") else _base58check_ok(address)
                ), item
                seen["btc"] += 1
            elif chain == "trx":
                assert address.startswith("T") and _base58check_ok(address), item
            elif chain == "eth":
                assert len(address) == 42 and address == address.lower()
                seen["eth"] += 1
    for payment in (p for r in world["reports"] for p in r.get("payments", [])):
        if "routing" in payment and "-" not in payment["routing"]:
            assert _aba_ok(payment["routing"])
        if "iban" in payment:
            assert _iban_ok(payment["iban"])
    assert seen["aba"] and seen["iban"] and seen["btc"]


def test_eip55_casing_of_ethereum_wallets(world: dict[str, Any]) -> None:
    from scamtrace.demo.checksums import eip55, keccak256

    # Keccak-256 and EIP-55 reference vectors, so the generator's own hash is checked first.
    assert (
        keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    )
    assert (
        eip55("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")
        == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    )
    for _, item in _items(world):
        if item["value"].startswith("eth:"):
            mixed = eip55(item["value"][4:])
            assert mixed.lower() == item["value"][4:] and mixed != mixed.lower()


def test_indian_accounts_use_real_ifsc_codes(world: dict[str, Any]) -> None:
    from scamtrace.extract.refdata import RefData

    codes = [item["ifsc"] for _, item in _items(world) if "ifsc" in item]
    assert codes
    # the branch list shipped with the package (derived from razorpay/ifsc, data/SOURCES.md)
    ref = RefData.load()
    for code in codes:
        assert ref.ifsc_bank(code) is not None, code


def test_scammer_numbers_are_valid_for_extraction(world: dict[str, Any]) -> None:
    numbers = [item["value"] for _, item in _items(world) if item["kind"] == "phone"]
    valid = sum(phonenumbers.is_valid_number(phonenumbers.parse(n)) for n in numbers)
    assert valid > 0.9 * len(numbers)
    fictitious = sum(
        1 for _, item in _items(world) if item.get("note", "").startswith("fictitious")
    )
    assert 0 < fictitious < 0.1 * len(numbers)
