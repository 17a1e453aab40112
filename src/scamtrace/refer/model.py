"""What a referral package is built from: plain values loaded once from the store.

Every writer (PDF, STIX, MISP, CSV) takes a :class:`Referral` and nothing else,
so the writers can be tested with hand-built values and never touch the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from scamtrace.refer.recipients import Recipient, Sender

# Kinds that identify the operation's infrastructure; brand and alias are weak and reported apart.
STRONG_KINDS = ("phone", "domain", "url", "email", "ip", "remote_id", "bank_account", "upi", "crypto_wallet", "merchant")
BLOCKING_FLAGS = ("warninglist", "fictitious", "shared_host", "legit")


@dataclass(frozen=True, slots=True)
class OperationIndicator:
    """One scammer indicator of the operation, with when and how often the complaints show it."""

    kind: str
    value: str
    role: str  # scammer | unknown
    first_seen: date | None
    last_seen: date | None
    reports: int
    status: str  # link (joined complaints) | suspect (held back as a bridge) | seen (in complaints only)
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    rank: int
    country: str | None
    region: str | None
    city: str | None
    confidence: float
    evidence: tuple[dict[str, Any], ...] = ()

    @property
    def place(self) -> str:
        parts = [p for p in (self.city, self.region, self.country) if p]
        return ", ".join(parts) if parts else "unknown"


@dataclass(frozen=True, slots=True)
class Personal:
    """A victim's own details. Personal data: never logged, masked unless the recipient may see it."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    # the victim's own numbers, accounts and remote-access ids found in the text: (kind, value)
    own_values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Complaint:
    pk: int
    source: str
    report_id: str
    received_at: str
    incident_day: date | None
    victim_country: str | None
    victim_age_band: str | None
    channel: str | None
    scam_type: str | None
    losses: dict[str, float]
    payment_methods: tuple[str, ...]
    tools: tuple[str, ...]
    indicators: tuple[tuple[str, str, str], ...]  # (kind, value, role) of non-victim roles
    narrative: str
    consent_to_contact: bool | None
    personal: Personal = field(default_factory=Personal)
    keep_spans: tuple[tuple[int, int], ...] = ()  # narrative spans of scammer/legit indicators: never masked


@dataclass(frozen=True, slots=True)
class StoreState:
    report_count: int
    max_report_pk: int
    last_link_run_id: int | None
    last_link_run_finished: datetime | None
    membership_sha256: str
    store_url: str
    dialect: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "report_count": self.report_count,
            "max_report_pk": self.max_report_pk,
            "last_link_run_id": self.last_link_run_id,
            "last_link_run_finished": self.last_link_run_finished.isoformat() if self.last_link_run_finished else None,
            "operation_membership_sha256": self.membership_sha256,
            "store": self.store_url,
            "dialect": self.dialect,
        }


@dataclass(frozen=True, slots=True)
class Operation:
    id: str
    reports: int
    incidents: int
    is_tss: bool
    first_seen: date | None
    last_seen: date | None
    summary: dict[str, Any]
    utc_offset: dict[str, Any] | None
    attributions: tuple[Attribution, ...]  # ranked hypotheses, rank 1 first
    indicators: tuple[OperationIndicator, ...]
    complaints: tuple[Complaint, ...]
    # evidence the attribution stage examined that supports no place (its rank-0 row)
    unplaced_evidence: tuple[dict[str, Any], ...] = ()

    @property
    def losses(self) -> dict[str, float]:
        return {str(k): float(v) for k, v in (self.summary.get("losses") or {}).items()}

    def by_kind(self, *kinds: str) -> list[OperationIndicator]:
        return [i for i in self.indicators if i.kind in kinds]


@dataclass(frozen=True, slots=True)
class Provision:
    id: str
    act: str
    short: str
    section: str
    title: str
    summary: str
    relevance: str
    source_title: str
    source_url: str


@dataclass(frozen=True, slots=True)
class Legal:
    jurisdiction: str
    disclaimer: str
    provisions: tuple[Provision, ...]


@dataclass(frozen=True, slots=True)
class Referral:
    """Everything one package needs."""

    id: str
    created_at: datetime  # aware, UTC
    generated_by: str
    sender: Sender
    recipient: Recipient
    operation: Operation
    store_state: StoreState
    legal: Legal | None
    software_version: str = "unknown"
