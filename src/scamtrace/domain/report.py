"""The report interchange format (``shared/spec/reports.md``) as typed values.

Parsing and validation live in :mod:`scamtrace.intake`; these types only hold
what a valid report says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

AGE_BANDS = ("under-30", "30-59", "60+")
CHANNELS = ("phone_call", "popup", "search_ad", "email", "sms", "chat", "other")
DIRECTIONS = ("inbound", "outbound")
PAYMENT_METHODS = (
    "card",
    "bank_transfer",
    "wire",
    "upi",
    "gift_card",
    "crypto",
    "zelle",
    "paypal",
    "cash",
    "other",
)


@dataclass(frozen=True, slots=True)
class Victim:
    """Victim facts. ``name``, ``email`` and ``phone`` are personal data.

    ``consent_to_contact`` records whether the victim agreed that the police may
    contact them; referral packages give victims' contacts to police only then.
    """

    country: str | None = None
    region: str | None = None
    age_band: str | None = None
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    consent_to_contact: bool | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    channel: str | None = None
    direction: str | None = None


@dataclass(frozen=True, slots=True)
class Caller:
    phone: str | None = None
    name: str | None = None
    claimed_company: str | None = None


@dataclass(frozen=True, slots=True)
class RemoteAccess:
    tool: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Payment:
    method: str | None = None
    amount: float | None = None
    currency: str | None = None
    paid_at: str | None = None
    beneficiary: str | None = None
    account: str | None = None
    ifsc: str | None = None
    routing: str | None = None
    iban: str | None = None
    upi: str | None = None
    wallet: str | None = None
    merchant: str | None = None
    gift_card_brand: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """One complaint about one scam contact.

    ``incident_at`` keeps what the source said: a ``date`` when only the day
    is known, an aware ``datetime`` when the offset was given, a naive
    ``datetime`` (victim's local time, offset unknown) otherwise.
    """

    report_id: str
    source: str
    received_at: datetime
    incident_at: datetime | date | None = None
    language: str = "en"
    victim: Victim = field(default_factory=Victim)
    contact: Contact = field(default_factory=Contact)
    caller: Caller = field(default_factory=Caller)
    websites: tuple[str, ...] = ()
    remote_access: RemoteAccess = field(default_factory=RemoteAccess)
    payments: tuple[Payment, ...] = ()
    narrative: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.report_id)
