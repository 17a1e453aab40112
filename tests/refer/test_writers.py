"""The package writers on a hand-built referral (no store)."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from scamtrace.errors import ConfigError
from scamtrace.refer import evidence_csv, manifest, misp, stix
from scamtrace.refer.package import PACKAGE_FILES, write_package
from tests.refer import handmade
from tests.refer.checks import (
    assert_not_blank,
    csv_rows,
    flat,
    misp_event,
    pdf_pages,
    stix_errors,
    stix_objects,
)


@pytest.fixture(scope="module")
def police_pkg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("police") / "pkg"
    write_package(handmade.make_referral("kolkata-police-cyber"), out)
    return out


@pytest.fixture(scope="module")
def partner_pkg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("partner") / "pkg"
    write_package(handmade.make_referral("example-bank-fraud", attributed=False), out)
    return out


def test_package_has_every_file_and_a_true_manifest(police_pkg: Path) -> None:
    assert sorted(p.name for p in police_pkg.iterdir()) == sorted(PACKAGE_FILES)
    assert manifest.verify(police_pkg) == []
    listed = manifest.parse_manifest((police_pkg / manifest.MANIFEST).read_text(encoding="utf-8"))
    assert set(listed) == set(PACKAGE_FILES) - {manifest.MANIFEST}
    # the sha256sum tool agrees
    done = subprocess.run(["sha256sum", "-c", manifest.MANIFEST], cwd=police_pkg, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_manifest_catches_tampering(tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    write_package(handmade.make_referral(), out)
    with (out / "evidence.csv").open("a", encoding="utf-8") as f:
        f.write("x\n")
    (out / "extra.txt").write_text("?", encoding="utf-8")
    assert manifest.verify(out) == ["evidence.csv: hash differs", "extra.txt: not in the manifest"]


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    write_package(handmade.make_referral(), out)
    with pytest.raises(ConfigError, match="already holds a referral package"):
        write_package(handmade.make_referral(), out)
    write_package(handmade.make_referral(), out, force=True)
    assert manifest.verify(out) == []
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pkg.partial")]


def test_pdf_pages_render_and_say_what_police_need(police_pkg: Path) -> None:
    images, text = pdf_pages(police_pkg / "referral.pdf")
    assert 4 <= len(images) <= 12
    for image in images:
        assert_not_blank(image)
    t = flat(text)
    assert "op-1a2b3c4d5e" in t and "CDCU-20250212-ABC123" in t
    assert f"Page 1 of {len(images)}" in t
    assert handmade.CALLBACK in t and "+919830012345" in t
    assert "50100234567890" in t and "HDFC Bank" in t
    assert "Kolkata, West Bengal, India" in t and "82%" in t
    assert "Suggestions only, not legal advice" in t
    for section in ("s. 66C", "s. 66D", "s. 318(4)", "s. 319", "s. 61(2)"):
        assert section in t
    assert t.count("(suggested)") == 5
    assert "US$4,321.50" in t and "£250.00" in t
    # extracts are masked even for police; contacts go in evidence.csv only
    assert handmade.VICTIM_NAME not in t and handmade.VICTIM_EMAIL not in t and handmade.VICTIM_ACCOUNT not in t
    assert "[VICTIM NAME]" in t
    # markup in a narrative is text, not typst
    assert "#set text(red)" in t


def test_pdf_for_partner_without_location(partner_pkg: Path) -> None:
    images, text = pdf_pages(partner_pkg / "referral.pdf")
    for image in images:
        assert_not_blank(image)
    t = flat(text)
    assert "Location: unknown" in t
    assert "Fraud intelligence" in t and "It contains no personal data of victims" in t
    assert "No provisions are on file" in t  # the partner is in GB
    assert handmade.VICTIM_NAME not in t and handmade.VICTIM_EMAIL not in t


def test_stix_bundle_validates_and_is_deterministic(police_pkg: Path, tmp_path: Path) -> None:
    assert stix_errors(police_pkg / "bundle.stix.json") == []
    objs = stix_objects(police_pkg / "bundle.stix.json")
    types = {o["type"] for o in objs}
    assert {"campaign", "threat-actor", "infrastructure", "indicator", "location", "relationship", "phone-number", "bank-account", "cryptocurrency-wallet", "note", "report"} <= types
    campaign = next(o for o in objs if o["type"] == "campaign")
    assert campaign["x_scamtrace_losses"] == {"GBP": 250.0, "USD": 4321.5}
    patterns = {o["pattern"] for o in objs if o["type"] == "indicator"}
    assert "[phone-number:value = '+18445550142']" in patterns
    assert "[domain-name:value = 'win-defender-alert.com']" in patterns
    assert "[ipv4-addr:value = '103.21.4.7']" in patterns
    rels = {(o["relationship_type"]) for o in objs if o["type"] == "relationship"}
    assert {"uses", "attributed-to", "located-at", "indicates", "consists-of", "targets"} <= rels
    located = [o for o in objs if o["type"] == "relationship" and o["relationship_type"] == "located-at"]
    assert max(o["confidence"] for o in located) == 82
    phone = next(o for o in objs if o["type"] == "phone-number" and o["value"] == handmade.CALLBACK)
    assert phone["id"].startswith("phone-number--")
    account = next(o for o in objs if o["type"] == "bank-account" and o["value"] == handmade.MULE)
    assert account["account_number"] == "50100234567890" and account["bank_code"] == "HDFC0001234"
    # same store state → same bytes, ids included; a new referral id changes nothing in STIX
    again = stix.render(replace(handmade.make_referral(), id="OTHER-1"))
    assert again == (police_pkg / "bundle.stix.json").read_bytes()


def test_misp_event_loads_with_objects_and_fraud_tags(police_pkg: Path) -> None:
    event = misp_event(police_pkg / "misp-event.json")
    names = {o.name for o in event.objects}
    assert {"phone-number", "bank-account", "domain-ip", "url", "person", "btc-wallet", "coin-address", "ip-port"} <= names
    tags = {t.name for t in event.tags}
    assert 'misp-galaxy:taxonomy-of-fraud="Tech support scam"' in tags
    assert 'social-engineering-attack-vectors:technical="vishing"' in tags
    assert 'social-engineering-attack-vectors:technical="popup-window"' in tags
    assert 'misp-galaxy:financial-fraud="Money Mules"' in tags
    assert "tlp:amber" in tags
    by_value = {a.value: a for o in event.objects for a in o.attributes}
    # seen 3 days before the referral: actionable; aliases never are
    assert by_value[handmade.CALLBACK].to_ids is True
    assert by_value["Kevin Smith"].to_ids is False
    # 12 Jan + 30 days reuse window < 12 Feb: the IP may belong to someone else now
    assert by_value["103.21.4.7"].to_ids is False
    assert event.uuid == misp.build_event(handmade.make_referral()).uuid


def test_misp_tags_come_from_the_shipped_table() -> None:
    shipped = {t["tag"] for t in misp.tag_table()}
    tags = misp.tags_for(handmade.make_referral())
    assert set(tags) <= shipped
    source = json.loads((Path(misp.__file__).parent.parent / "data" / "misp_tags.json").read_text(encoding="utf-8"))
    assert all(t["source"] in source["sources"] for t in source["tags"])


def test_evidence_csv_masking_by_recipient(police_pkg: Path, partner_pkg: Path) -> None:
    police = csv_rows(police_pkg / "evidence.csv")
    partner = csv_rows(partner_pkg / "evidence.csv")
    assert list(police[0]) == list(evidence_csv.COLUMNS)
    assert len(police) == len(partner) == 12
    for row in police:
        if row["consent_to_contact"] == "yes":
            assert row["victim_email"] and row["victim_name"]
        else:
            assert not (row["victim_name"] or row["victim_email"] or row["victim_phone"])
    consented = [r for r in police if r["victim_name"]]
    assert len(consented) == 6
    assert consented[0]["victim_name"] == handmade.VICTIM_NAME
    # a cell starting with + is neutralised for spreadsheets
    assert consented[0]["victim_phone"] == "'" + handmade.VICTIM_PHONE
    for row in partner:
        assert not (row["victim_name"] or row["victim_email"] or row["victim_phone"])
    blob = (partner_pkg / "evidence.csv").read_text(encoding="utf-8")
    for secret in (handmade.VICTIM_NAME, handmade.VICTIM_EMAIL, handmade.VICTIM_ACCOUNT, "614-555-0199", "4111 1111"):
        assert secret not in blob
    assert handmade.CALLBACK in blob and "1 (844) 555-0142" in blob


def test_csv_cells_never_start_a_formula() -> None:
    for value in ("=HYPERLINK(\"x\")", "+1 555", "-2", "@SUM(A1)", "\tx"):
        assert evidence_csv.cell_safe(value).startswith("'")
    assert evidence_csv.cell_safe("plain") == "plain" and evidence_csv.cell_safe(None) == ""


def test_custody_and_certificate(police_pkg: Path) -> None:
    custody = json.loads((police_pkg / "custody.json").read_text(encoding="utf-8"))
    assert custody["referral_id"] == "CDCU-20250212-ABC123" and custody["generated_by"] == "tester"
    assert custody["store_state"]["report_count"] == 2000 and custody["store_state"]["last_link_run_id"] == 3
    assert custody["personal_data_released"] == {"policy": "consented_contacts", "victim_contacts": 6}
    hashes = manifest.parse_manifest((police_pkg / manifest.MANIFEST).read_text(encoding="utf-8"))
    for name in ("evidence.csv", "bundle.stix.json", "misp-event.json", "referral.pdf"):
        assert custody["files"][name] == hashes[name]
    cert = (police_pkg / "certificate-bsa-63.txt").read_text(encoding="utf-8")
    assert "[See section 63(4)(c)]" in cert and "PART A" in cert
    assert "I, Priya Raman (Name)" in cert
    assert "SHA256 [X]" in cert
    for name in ("evidence.csv", "bundle.stix.json", "misp-event.json", "referral.pdf", "custody.json"):
        assert f"{hashes[name]}  {name}" in cert
    assert "Date (DD/MM/YYYY): ____/____/________" in cert and "(Name and signature) ____" in cert
