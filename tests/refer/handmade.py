"""A hand-built referral: the writers are tested on it without a store."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from scamtrace.refer.legal import load_legal
from scamtrace.refer.model import (
    Attribution,
    Complaint,
    Operation,
    OperationIndicator,
    Personal,
    Referral,
    StoreState,
)
from scamtrace.refer.recipients import load_config

VICTIM_NAME = "Margaret Ellison"
VICTIM_EMAIL = "m.ellison1947@example.net"
VICTIM_PHONE = "+1 614 555 0199"
VICTIM_ACCOUNT = "987654321012"
CALLBACK = "+18445550142"
CALLBACK_TEXT = "1 (844) 555-0142"
MULE = "ifsc:HDFC0001234:50100234567890"


def _complaint(i: int, **over: Any) -> Complaint:
    day = date(2025, 1, 6) + timedelta(days=3 * i)
    base = Complaint(
        pk=i + 1,
        source="webform",
        report_id=f"wf-{i:05d}",
        received_at=f"{(day + timedelta(days=1)).isoformat()}T09:12:00-05:00",
        incident_day=day,
        victim_country=["US", "GB", "CA", "AU"][i % 4],
        victim_age_band=["60+", "30-59", "60+", "under-30"][i % 4],
        channel=["popup", "phone_call"][i % 2],
        scam_type="tech_support",
        losses={"USD": 199.0 + i} if i % 3 else {},
        payment_methods=("gift_card",) if i % 2 else ("bank_transfer",),
        tools=("anydesk",),
        indicators=(("phone", CALLBACK, "scammer"), ("domain", "win-defender-alert.com", "scammer"), ("bank_account", MULE, "scammer")),
        narrative=(
            f"A red warning said my Windows was infected; call Microsoft at {CALLBACK_TEXT}. "
            "Kevin had me install AnyDesk. I paid into account 50100234567890 at HDFC. "
            "Then he asked for my card 4111 1111 1111 1111 and I said no. "
            "Website was win-defender-alert.com. Complaint number "
            f"{i}."
        ),
        consent_to_contact=(i % 2 == 0),
        personal=Personal(name=f"Person{i} Example", email=f"person{i}@example.org", phone=f"+1 202 555 01{i:02d}"),
    )
    return replace(base, **over)


def make_referral(recipient: str = "kolkata-police-cyber", *, complaints: int = 12, attributed: bool = True) -> Referral:
    cfg = load_config()
    special = _complaint(
        0,
        narrative=(
            f"My name is {VICTIM_NAME} and I am 78. A pop-up told me to call {CALLBACK_TEXT}. "
            f"The man, Kevin Smith, took my email {VICTIM_EMAIL} and asked me to read my phone number {VICTIM_PHONE}. "
            f"He moved $1,499 from my account {VICTIM_ACCOUNT} to HDFC account 50100234567890 (IFSC HDFC0001234). "
            "Call me back at 614-555-0199 please. #set text(red) *bold* = formula"
        ),
        personal=Personal(name=VICTIM_NAME, email=VICTIM_EMAIL, phone=VICTIM_PHONE, own_values=(("bank_account", f"aba:021000021:{VICTIM_ACCOUNT}"),)),
        losses={"USD": 1499.0},
        consent_to_contact=True,
    )
    items = [special] + [_complaint(i) for i in range(1, complaints)]
    indicators = (
        OperationIndicator("phone", CALLBACK, "scammer", date(2025, 1, 6), date(2025, 2, 9), complaints, "link"),
        OperationIndicator("phone", "+919830012345", "scammer", date(2025, 1, 20), date(2025, 1, 30), 2, "link"),
        OperationIndicator("domain", "win-defender-alert.com", "scammer", date(2025, 1, 6), date(2025, 2, 9), complaints, "link"),
        OperationIndicator("url", "https://win-defender-alert.com/er0x1", "scammer", date(2025, 1, 7), date(2025, 1, 8), 1, "seen"),
        OperationIndicator("email", "billing@techsolns.net", "scammer", date(2025, 1, 10), date(2025, 1, 12), 2, "link"),
        OperationIndicator("ip", "103.21.4.7", "scammer", date(2025, 1, 10), date(2025, 1, 12), 1, "seen"),
        OperationIndicator("remote_id", "anydesk:123456789", "scammer", date(2025, 1, 10), date(2025, 1, 30), 3, "link"),
        OperationIndicator("remote_id", "screenconnect:help.fixpc.screenconnect.com", "scammer", date(2025, 1, 10), date(2025, 1, 30), 3, "link"),
        OperationIndicator("bank_account", MULE, "scammer", date(2025, 1, 6), date(2025, 2, 9), complaints, "link"),
        OperationIndicator("upi", "fixit.services@okaxis", "scammer", date(2025, 1, 6), date(2025, 2, 9), 2, "suspect"),
        OperationIndicator("crypto_wallet", "btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "scammer", date(2025, 1, 6), date(2025, 2, 9), 2, "link"),
        OperationIndicator("crypto_wallet", "eth:0x52908400098527886e0f7030069857d2e4169ee7", "scammer", date(2025, 1, 6), date(2025, 2, 9), 1, "seen"),
        OperationIndicator("merchant", "TECH SOLN SVCS", "scammer", date(2025, 1, 6), date(2025, 2, 9), 2, "link"),
    )
    op = Operation(
        id="op-1a2b3c4d5e",
        reports=complaints,
        incidents=complaints - 1,
        is_tss=True,
        first_seen=date(2025, 1, 6),
        last_seen=date(2025, 2, 9),
        summary={
            "victims_by_country": {"US": 5, "GB": 3, "CA": 2, "AU": 2},
            "share_60_plus": 0.5,
            "losses": {"USD": 4321.5, "GBP": 250.0},
            "reports_per_week": {"2025-01-02": 2, "2025-01-09": 3, "2025-01-23": 4, "2025-02-06": 3},
            "recent_28d": 5,
            "previous_28d": 7,
            "brands": {"microsoft": 10, "geek_squad": 2},
            "aliases": {"Kevin Smith": 6, "David Miller": 2},
            "lures": {"popup": 8},
            "tools": {"anydesk": 9, "screenconnect": 3},
            "payment_methods": {"gift_card": 6, "bank_transfer": 5},
        },
        utc_offset={"hours": 5.5, "plus_minus": 1},
        attributions=(
            Attribution(1, "IN", "West Bengal", "Kolkata", 0.82, ({"signal": "beneficiary_bank", "rule": "ifsc", "detail": "Mule accounts held at HDFC Bank branches in Kolkata", "reports": 12, "values": ["HDFC0001234"], "data_date": "2024-12-01"},)),
            Attribution(2, "IN", "Uttar Pradesh", "Noida", 0.11, ({"signal": "call_hours", "detail": "Calls between 19:00 and 04:00 UTC", "reports": 9},)),
        ) if attributed else (),
        indicators=indicators,
        complaints=tuple(items),
        unplaced_evidence=() if attributed else (
            {"signal": "phone", "rule": "toll_free", "detail": "US toll-free numbers say nothing about where the callers sit", "reports": [f"webform/wf-{i:05d}" for i in range(30)], "values": [CALLBACK], "data_date": None, "weight": 0.0},
        ),
    )
    state = StoreState(
        report_count=2000,
        max_report_pk=2000,
        last_link_run_id=3,
        last_link_run_finished=datetime(2025, 2, 10, 12, 0),
        membership_sha256="ab" * 32,
        store_url="sqlite:///x.db",
        dialect="sqlite",
    )
    rec = cfg.find(recipient)
    return Referral(
        id="CDCU-20250212-ABC123",
        created_at=datetime(2025, 2, 12, 10, 30, tzinfo=UTC),
        generated_by="tester",
        sender=cfg.sender,
        recipient=rec,
        operation=op,
        store_state=state,
        legal=load_legal(rec.jurisdiction),
        software_version="0.1.0",
    )
