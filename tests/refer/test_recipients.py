"""Recipients configuration: loading, the personal-data ceiling per role, legal data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scamtrace.errors import ConfigError, NotFound
from scamtrace.refer.legal import load_legal
from scamtrace.refer.recipients import PersonalData, Role, load_config, load_sender


def _write(path: Path, recipients: list[dict[str, object]], **extra: object) -> Path:
    data = {"sender": {"organisation": "Org"}, "recipients": recipients, **extra}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_packaged_example_has_police_and_partner() -> None:
    cfg = load_config()
    roles = {r.id: r.role for r in cfg.recipients}
    assert roles["kolkata-police-cyber"] is Role.POLICE
    assert roles["delhi-police-ifso"] is Role.POLICE
    assert roles["example-bank-fraud"] is Role.PARTNER
    assert cfg.find(None).id == "kolkata-police-cyber"
    assert cfg.find("Cyber Crime Wing, Detective Department, Kolkata Police").id == "kolkata-police-cyber"
    assert cfg.sender.organisation


def test_unknown_recipient_lists_known_ones() -> None:
    with pytest.raises(NotFound, match="kolkata-police-cyber"):
        load_config().find("interpol")


def test_partner_may_never_receive_contacts(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.json", [{"id": "bank", "name": "Bank", "jurisdiction": "GB", "role": "partner", "personal_data": "consented_contacts"}])
    with pytest.raises(ConfigError, match="partner recipient may receive personal_data none"):
        load_config(path)


def test_police_may_not_receive_every_contact(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.json", [{"id": "p", "name": "P", "jurisdiction": "IN", "role": "police", "personal_data": "contacts"}])
    with pytest.raises(ConfigError):
        load_config(path)


def test_policy_decides_per_victim(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "r.json",
        [
            {"id": "p", "name": "P", "jurisdiction": "IN", "role": "police", "personal_data": "consented_contacts"},
            {"id": "b", "name": "B", "jurisdiction": "GB", "role": "partner"},
        ],
    )
    cfg = load_config(path)
    police, partner = cfg.find("p"), cfg.find("b")
    assert police.personal_data is PersonalData.CONSENTED_CONTACTS
    assert [police.may_receive_contact(c) for c in (True, False, None)] == [True, False, False]
    assert [partner.may_receive_contact(c) for c in (True, False, None)] == [False, False, False]


def test_env_var_and_bad_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "r.json", [{"id": "x", "name": "X", "jurisdiction": "US", "role": "internal", "personal_data": "contacts"}], default_recipient="x")
    monkeypatch.setenv("SCAMTRACE_RECIPIENTS", str(path))
    assert load_config().find(None).id == "x"
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid JSON"):
        load_config(tmp_path / "bad.json")
    with pytest.raises(ConfigError, match="default_recipient"):
        load_config(_write(tmp_path / "d.json", [], default_recipient="nobody"))
    with pytest.raises(ConfigError, match="jurisdiction"):
        load_config(_write(tmp_path / "j.json", [{"id": "x", "name": "X", "jurisdiction": "India", "role": "police"}]))


def test_sender_file_alone_or_wrapped(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text(json.dumps({"organisation": "Bank A", "investigator": "R. Iyer"}), encoding="utf-8")
    (tmp_path / "w.json").write_text(json.dumps({"sender": {"organisation": "Bank B"}}), encoding="utf-8")
    assert load_sender(tmp_path / "s.json").person_in_charge == "R. Iyer"
    assert load_sender(tmp_path / "w.json").organisation == "Bank B"


def test_indian_provisions_are_data_with_sources() -> None:
    legal = load_legal("IN")
    assert legal is not None
    sections = {(p.short, p.section) for p in legal.provisions}
    assert sections == {("IT Act 2000", "66C"), ("IT Act 2000", "66D"), ("BNS 2023", "318(4)"), ("BNS 2023", "319"), ("BNS 2023", "61(2)")}
    assert "not legal advice" in legal.disclaimer
    assert all(p.source_url.startswith("https://www.indiacode.nic.in/") for p in legal.provisions)
    assert load_legal("ZZ") is None and load_legal("../etc") is None
