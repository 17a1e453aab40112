"""Referral packages built from a demo world ingested and linked into the store."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from scamtrace.errors import NotFound
from scamtrace.refer import manifest
from scamtrace.services.ingest import ingest_paths
from scamtrace.services.linking import rebuild
from scamtrace.services.referral import build_referral
from scamtrace.store import Store
from scamtrace.store.tables import assignments, operations, referrals, report_personal, reports
from tests.refer.checks import assert_not_blank, csv_rows, flat, misp_event, pdf_pages, stix_errors

NOW = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
CALLBACK = "+18773014482"

# Four complaints about one small operation, with victims' contacts and consent given, refused, or not asked.
VICTIMS = [
    ("Harold Finch", "harold.finch@example.com", "(614) 283-9917", True),
    ("Agnes Whitlock", "agnes.w@example.org", "+44 7700 912345", True),
    ("Bernard Coyle", "b.coyle@example.net", "(312) 746-2093", False),
    ("Dolores Abernathy", "dolores.a@example.com", "(503) 881-4420", None),
]


def _consent_reports() -> list[dict[str, Any]]:
    out = []
    for i, (name, email, phone, consent) in enumerate(VICTIMS):
        victim: dict[str, Any] = {"country": "US" if i != 1 else "GB", "age_band": "60+", "name": name, "email": email, "phone": phone}
        if consent is not None:
            victim["consent_to_contact"] = consent
        out.append(
            {
                "report_id": f"consent-{i}",
                "source": "webform",
                "received_at": f"2025-03-{4 + i:02d}T09:12:00-05:00",
                "incident_at": f"2025-03-{3 + i:02d}",
                "victim": victim,
                "contact": {"channel": "popup", "direction": "inbound"},
                "narrative": (
                    f"My name is {name}. A pop-up on pc-fix-helpdesk-247.com said my computer was infected and to call 1 (877) 301-4482. "
                    "The man said his name was Steve from Microsoft and had me install AnyDesk. He made me transfer $2,500 to account "
                    f"38291047561, IFSC SBIN0001234 (State Bank of India). You can reach me at {email} or {phone}."
                ),
            }
        )
    return out


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from scamtrace.demo import write_world

    root = tmp_path_factory.mktemp("world")
    write_world(root, reports=400, seed=3)
    extra = root / "consent.jsonl"
    extra.write_text("".join(json.dumps(r) + "\n" for r in _consent_reports()), encoding="utf-8")
    return [root / "reports.jsonl", extra]


def _load(store: Store, world: list[Path]) -> tuple[str, str]:
    """Ingest and link; (the most harmful tech-support operation, the operation of the consent reports)."""
    ingest_paths(store, [str(p) for p in world])
    rebuild(store)
    with store.engine.connect() as conn:
        top = conn.execute(select(operations.c.id).where(operations.c.is_tss.is_(True)).order_by(operations.c.harm.desc(), operations.c.id).limit(1)).scalar_one()
        small = conn.execute(
            select(assignments.c.operation_id).select_from(assignments.join(reports, reports.c.id == assignments.c.report_pk)).where(reports.c.report_id == "consent-0")
        ).scalar_one()
    return top, small


def _members_personal(store: Store, op_id: str) -> list[tuple[str | None, str | None, str | None]]:
    q = select(report_personal.c.name, report_personal.c.email, report_personal.c.phone).select_from(
        assignments.join(report_personal, report_personal.c.report_pk == assignments.c.report_pk)
    ).where(assignments.c.operation_id == op_id)
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(q)]


def _check_common(out: Path, op_id: str) -> str:
    assert manifest.verify(out) == []
    assert stix_errors(out / "bundle.stix.json") == []
    event = misp_event(out / "misp-event.json")
    assert any(t.name == 'misp-galaxy:taxonomy-of-fraud="Tech support scam"' for t in event.tags)
    assert event.objects
    images, text = pdf_pages(out / "referral.pdf")
    assert len(images) >= 3
    for image in images:
        assert_not_blank(image)
    t = flat(text)
    assert op_id in t
    return t


@pytest.mark.sqlite
@pytest.mark.postgres
def test_police_package_from_the_store(store: Store, world: list[Path], tmp_path: Path) -> None:
    top, small = _load(store, world)

    out = tmp_path / "police"
    result = build_referral(store, small, "kolkata-police-cyber", out, "analyst", now=NOW)
    t = _check_common(out, small)
    assert CALLBACK in t and "38291047561" in t and "State Bank of India" in t
    assert "Suggestions only, not legal advice" in t and "s. 66D" in t and "s. 318(4)" in t
    for name, email, _phone, _c in VICTIMS:
        assert name not in t and email not in t  # the PDF never carries contacts
    rows = {r["report_id"]: r for r in csv_rows(out / "evidence.csv")}
    assert set(rows) == {f"consent-{i}" for i in range(4)}
    for i, (name, email, _phone, consent) in enumerate(VICTIMS):
        row = rows[f"consent-{i}"]
        assert row["consent_to_contact"] == {True: "yes", False: "no", None: "unknown"}[consent]
        assert (row["victim_name"], row["victim_email"]) == ((name, email) if consent else ("", ""))
        assert name not in row["narrative_extract"] and email not in row["narrative_extract"]
        assert "1 (877) 301-4482" in row["narrative_extract"]
    assert result.contacts_released == 2

    with store.engine.connect() as conn:
        rec = conn.execute(select(referrals).where(referrals.c.id == result.id)).one()
    assert rec.operation_id == small and rec.recipient == "kolkata-police-cyber" and rec.created_by == "analyst"
    assert rec.files == result.files and set(rec.files) == {p.name for p in out.iterdir()}
    assert rec.store_state["report_count"] == 404 and rec.store_state["last_link_run_id"] is not None
    from scamtrace.services.audit import recent

    audited = [e for e in recent(store, limit=50) if (e["detail"] or {}).get("referral_id") == result.id]
    assert len(audited) == 2 and {e["action"] for e in audited} == {"view_personal"}

    # The big demo operation: its victims consented to nothing, so police get no contacts.
    big = tmp_path / "big"
    r2 = build_referral(store, top, "delhi-police-ifso", big, "analyst", now=NOW)
    _check_common(big, top)
    assert r2.contacts_released == 0
    assert all(not (r["victim_name"] or r["victim_email"] or r["victim_phone"]) for r in csv_rows(big / "evidence.csv"))


@pytest.mark.sqlite
def test_partner_package_has_no_personal_data(store: Store, world: list[Path], tmp_path: Path) -> None:
    top, small = _load(store, world)
    for op_id in (small, top):
        out = tmp_path / op_id
        result = build_referral(store, op_id, "example-bank-fraud", out, "analyst", now=NOW)
        assert result.contacts_released == 0
        t = _check_common(out, op_id)
        assert "no personal data of victims" in t
        blobs = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if p.suffix != ".pdf"}
        blobs["referral.pdf (text)"] = t
        for name, email, phone in _members_personal(store, op_id):
            for where, blob in blobs.items():
                if name and len(name.split()) > 1:
                    assert name not in blob, f"victim name in {where}"
                if email:
                    assert email.lower() not in blob.lower(), f"victim email in {where}"
                if phone:
                    assert phone not in blob, f"victim phone in {where}"
        assert all(not (r["victim_name"] or r["victim_email"] or r["victim_phone"]) for r in csv_rows(out / "evidence.csv"))


@pytest.mark.sqlite
def test_stix_ids_are_stable_for_the_same_store_state(store: Store, world: list[Path], tmp_path: Path) -> None:
    _top, small = _load(store, world)
    a = build_referral(store, small, "kolkata-police-cyber", tmp_path / "a", "analyst", now=NOW)
    b = build_referral(store, small, "kolkata-police-cyber", tmp_path / "b", "analyst", now=datetime(2025, 6, 2, tzinfo=UTC))
    assert a.id != b.id
    assert a.files["bundle.stix.json"] == b.files["bundle.stix.json"]
    assert a.files["evidence.csv"] == b.files["evidence.csv"]


@pytest.mark.sqlite
def test_unknown_operation_and_recipient(store: Store, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no operation"):
        build_referral(store, "op-nope", None, tmp_path / "x", "analyst")
    with pytest.raises(NotFound, match="no recipient"):
        build_referral(store, "op-nope", "interpol", tmp_path / "x", "analyst")
    assert not (tmp_path / "x").exists()


@pytest.mark.sqlite
def test_cli_refer_and_recipients(store: Store, db_url: str, world: list[Path], tmp_path: Path) -> None:
    from scamtrace.cli.app import app

    _top, small = _load(store, world)
    runner = CliRunner()
    out = tmp_path / "cli"
    done = runner.invoke(app, ["--db", db_url, "refer", small, "--out", str(out), "--by", "cli-test"])
    assert done.exit_code == 0, done.output
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["operation_id"] == small and summary["recipient"] == "kolkata-police-cyber"
    assert manifest.verify(out) == []
    again = runner.invoke(app, ["--db", db_url, "refer", small, "--out", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    missing = runner.invoke(app, ["--db", db_url, "refer", "op-nope", "--out", str(tmp_path / "n")])
    assert missing.exit_code == 2 and "no operation" in missing.output
    listed = runner.invoke(app, ["recipients", "-f", "json"])
    assert listed.exit_code == 0
    ids = [json.loads(line)["id"] for line in listed.stdout.splitlines() if line.strip()]
    assert {"kolkata-police-cyber", "delhi-police-ifso", "example-bank-fraud"} <= set(ids)
