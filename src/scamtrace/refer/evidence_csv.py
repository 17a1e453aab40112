"""``evidence.csv``: one row per complaint used, masked for the recipient.

Contact columns are filled only where the recipient's policy allows it for that
victim (police: victims who consented to be contacted; partners: never). Every
cell that a spreadsheet would read as a formula is prefixed with ``'``:
complaint text is written by whoever filed it, including scammers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scamtrace.refer.masking import extract
from scamtrace.refer.model import Complaint

COLUMNS = (
    "source",
    "report_id",
    "received_at",
    "incident_day",
    "victim_country",
    "victim_age_band",
    "channel",
    "scam_type",
    "losses",
    "payment_methods",
    "remote_access_tools",
    "indicators",
    "consent_to_contact",
    "victim_name",
    "victim_email",
    "victim_phone",
    "narrative_extract",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
INDICATOR_KINDS = ("phone", "domain", "url", "email", "ip", "remote_id", "bank_account", "upi", "crypto_wallet", "merchant", "alias")


def cell_safe(value: Any) -> str:
    """The value as CSV text that no spreadsheet will evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


@dataclass(frozen=True, slots=True)
class PreparedComplaint:
    """A complaint as it leaves the building: masked text, contacts only when allowed."""

    complaint: Complaint
    masked_narrative: str
    contact_released: bool


def _losses(c: Complaint) -> str:
    return "; ".join(f"{cur} {amt:.2f}" for cur, amt in sorted(c.losses.items()))


def _indicators(c: Complaint) -> str:
    order = {k: i for i, k in enumerate(INDICATOR_KINDS)}
    items = sorted({(kind, value) for kind, value, role in c.indicators if role in ("scammer", "unknown") and kind in order}, key=lambda kv: (order[kv[0]], kv[1]))
    return "; ".join(f"{kind}:{value}" for kind, value in items)


def row(p: PreparedComplaint, extract_chars: int = 1000) -> list[str]:
    c = p.complaint
    personal = c.personal if p.contact_released else None
    values: list[Any] = [
        c.source,
        c.report_id,
        c.received_at,
        c.incident_day.isoformat() if c.incident_day else "",
        c.victim_country or "",
        c.victim_age_band or "",
        c.channel or "",
        c.scam_type or "",
        _losses(c),
        "; ".join(c.payment_methods),
        "; ".join(c.tools),
        _indicators(c),
        "yes" if c.consent_to_contact else ("no" if c.consent_to_contact is False else "unknown"),
        personal.name if personal else "",
        personal.email if personal else "",
        personal.phone if personal else "",
        extract(p.masked_narrative, extract_chars),
    ]
    return [cell_safe(v) for v in values]


def render(prepared: Sequence[PreparedComplaint]) -> bytes:
    """The CSV as UTF-8 bytes, CRLF line ends (RFC 4180); no BOM, so header names read plainly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for p in prepared:
        writer.writerow(row(p))
    return buf.getvalue().encode("utf-8")
