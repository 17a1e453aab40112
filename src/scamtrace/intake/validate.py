"""Turn one decoded report object into a :class:`Report`, or say precisely what is wrong.

Errors name the field with the dotted path of the interchange format
(``payments.0.amount``) so a user can find and fix the line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from scamtrace.domain import (
    AGE_BANDS,
    CHANNELS,
    DIRECTIONS,
    PAYMENT_METHODS,
    Caller,
    Contact,
    Payment,
    RemoteAccess,
    Report,
    Victim,
)
from scamtrace.errors import FieldError, ReportInvalid

MAX_NARRATIVE_CHARS = 1_000_000
MAX_ID_CHARS = 200
MAX_SHORT_CHARS = 2_000
MAX_LIST_ITEMS = 200

_COUNTRY = re.compile(r"[A-Z]{2}")
_CURRENCY = re.compile(r"[A-Z]{3}")
_LANG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,6}")
_TOP_FIELDS = frozenset(
    {
        "report_id",
        "source",
        "received_at",
        "incident_at",
        "language",
        "victim",
        "contact",
        "caller",
        "websites",
        "remote_access",
        "payments",
        "narrative",
    }
)
_VICTIM = ("country", "region", "age_band", "name", "email", "phone")
_CONTACT = ("channel", "direction")
_CALLER = ("phone", "name", "claimed_company")
_REMOTE = ("tool", "id")
_PAYMENT_TEXT = (
    "method",
    "currency",
    "paid_at",
    "beneficiary",
    "account",
    "ifsc",
    "routing",
    "iban",
    "upi",
    "wallet",
    "merchant",
    "gift_card_brand",
)


class _Collector:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, reason: str) -> None:
        self.errors.append(FieldError(field, reason))

    def text(self, obj: Mapping[str, Any], key: str, path: str, limit: int = MAX_SHORT_CHARS) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.add(path, f"expected text, got {_type_name(value)}")
            return None
        text = str(value).strip()
        if "\x00" in text:
            self.add(path, "contains a NUL character")
            return None
        if len(text) > limit:
            self.add(path, f"longer than {limit:,} characters ({len(text):,})")
            return None
        return text or None

    def mapping(self, obj: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = obj.get(key)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.add(key, f"expected an object, got {_type_name(value)}")
            return {}
        return value

    def choice(self, value: str | None, allowed: tuple[str, ...], path: str) -> str | None:
        if value is None:
            return None
        norm = value.lower().replace(" ", "_") if path != "victim.age_band" else value.replace(" ", "")
        if norm not in allowed:
            self.add(path, f"{value!r} is not one of {', '.join(allowed)}")
            return None
        return norm


def _type_name(value: object) -> str:
    return {dict: "an object", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)


def parse_datetime(text: str) -> datetime:
    """ISO 8601 date-time; a trailing ``Z`` means UTC. Raises ValueError."""
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


def _parse_incident(text: str) -> datetime | date:
    if len(text) == 10:
        return date.fromisoformat(text)
    return parse_datetime(text)


def parse_report(obj: Any) -> Report:
    """Validate one decoded report. Raises :class:`ReportInvalid` with every problem found."""
    c = _Collector()
    if not isinstance(obj, Mapping):
        raise ReportInvalid([FieldError("(line)", f"expected a JSON object, got {_type_name(obj)}")])

    report_id = c.text(obj, "report_id", "report_id", MAX_ID_CHARS)
    if report_id is None and not any(e.field == "report_id" for e in c.errors):
        c.add("report_id", "required")
    source = c.text(obj, "source", "source", MAX_ID_CHARS)
    if source is None and not any(e.field == "source" for e in c.errors):
        c.add("source", "required")

    received_at: datetime | None = None
    raw_received = c.text(obj, "received_at", "received_at", 64)
    if raw_received is None:
        if not any(e.field == "received_at" for e in c.errors):
            c.add("received_at", "required")
    else:
        try:
            received_at = parse_datetime(raw_received)
        except ValueError:
            c.add("received_at", f"{raw_received!r} is not an ISO 8601 date-time")
        else:
            if received_at.tzinfo is None:
                c.add("received_at", f"{raw_received!r} has no UTC offset (add +00:00 or Z)")

    incident_at: datetime | date | None = None
    raw_incident = c.text(obj, "incident_at", "incident_at", 64)
    if raw_incident is not None:
        try:
            incident_at = _parse_incident(raw_incident)
        except ValueError:
            c.add("incident_at", f"{raw_incident!r} is not an ISO 8601 date or date-time")

    language = c.text(obj, "language", "language", 35) or "en"
    if not _LANG.fullmatch(language):
        c.add("language", f"{language!r} is not a BCP 47 language tag")

    v = c.mapping(obj, "victim")
    vt = {k: c.text(v, k, f"victim.{k}") for k in _VICTIM}
    country = vt["country"].upper() if vt["country"] else None
    if country is not None and not _COUNTRY.fullmatch(country):
        c.add("victim.country", f"{vt['country']!r} is not an ISO 3166-1 alpha-2 code such as US or GB")
        country = None
    if country == "UK":  # the common mistake; ISO says GB
        country = "GB"
    consent = v.get("consent_to_contact")
    if isinstance(consent, str) and consent.strip().lower() in ("true", "yes", "1", "false", "no", "0"):
        consent = consent.strip().lower() in ("true", "yes", "1")
    if consent is not None and not isinstance(consent, bool):
        c.add("victim.consent_to_contact", f"expected true or false, got {consent!r}")
        consent = None
    victim = Victim(
        consent_to_contact=consent,
        country=country,
        region=vt["region"],
        age_band=c.choice(vt["age_band"], AGE_BANDS, "victim.age_band"),
        name=vt["name"],
        email=vt["email"],
        phone=vt["phone"],
    )

    ct = c.mapping(obj, "contact")
    contact = Contact(
        channel=c.choice(c.text(ct, "channel", "contact.channel"), CHANNELS, "contact.channel"),
        direction=c.choice(c.text(ct, "direction", "contact.direction"), DIRECTIONS, "contact.direction"),
    )
    cl = c.mapping(obj, "caller")
    caller = Caller(**{k: c.text(cl, k, f"caller.{k}") for k in _CALLER})
    ra = c.mapping(obj, "remote_access")
    remote = RemoteAccess(**{k: c.text(ra, k, f"remote_access.{k}") for k in _REMOTE})

    websites: list[str] = []
    raw_sites = obj.get("websites")
    if isinstance(raw_sites, str):
        raw_sites = [raw_sites]
    if raw_sites is not None:
        if not isinstance(raw_sites, list):
            c.add("websites", f"expected a list of text, got {_type_name(raw_sites)}")
        elif len(raw_sites) > MAX_LIST_ITEMS:
            c.add("websites", f"more than {MAX_LIST_ITEMS} entries")
        else:
            for i, site in enumerate(raw_sites):
                if not isinstance(site, str):
                    c.add(f"websites.{i}", f"expected text, got {_type_name(site)}")
                elif site.strip():
                    websites.append(site.strip()[:MAX_SHORT_CHARS])

    payments: list[Payment] = []
    raw_pay = obj.get("payments")
    if raw_pay is not None:
        if not isinstance(raw_pay, list):
            c.add("payments", f"expected a list of objects, got {_type_name(raw_pay)}")
        elif len(raw_pay) > MAX_LIST_ITEMS:
            c.add("payments", f"more than {MAX_LIST_ITEMS} entries")
        else:
            for i, p in enumerate(raw_pay):
                payment = _payment(c, p, f"payments.{i}")
                if payment is not None:
                    payments.append(payment)

    narrative = ""
    raw_narr = obj.get("narrative")
    if raw_narr is not None:
        if not isinstance(raw_narr, str):
            c.add("narrative", f"expected text, got {_type_name(raw_narr)}")
        elif len(raw_narr) > MAX_NARRATIVE_CHARS:
            c.add("narrative", f"longer than {MAX_NARRATIVE_CHARS:,} characters ({len(raw_narr):,}); split or shorten it")
        elif "\x00" in raw_narr:
            c.add("narrative", "contains a NUL character")
        else:
            narrative = raw_narr

    unknown = sorted(k for k in obj if k not in _TOP_FIELDS)
    if unknown:
        # Unknown top-level fields are refused, not dropped, so a misspelt field is noticed.
        c.add(unknown[0], "unknown field (see shared/spec/reports.md)")

    if c.errors or report_id is None or source is None or received_at is None:
        raise ReportInvalid(c.errors)
    return Report(
        report_id=report_id,
        source=source,
        received_at=received_at,
        incident_at=incident_at,
        language=language,
        victim=victim,
        contact=contact,
        caller=caller,
        websites=tuple(websites),
        remote_access=remote,
        payments=tuple(payments),
        narrative=narrative,
    )


def _payment(c: _Collector, p: Any, path: str) -> Payment | None:
    if not isinstance(p, Mapping):
        c.add(path, f"expected an object, got {_type_name(p)}")
        return None
    t = {k: c.text(p, k, f"{path}.{k}") for k in _PAYMENT_TEXT}
    amount: float | None = None
    raw_amount = p.get("amount")
    if raw_amount is not None and raw_amount != "":
        try:
            if isinstance(raw_amount, bool):
                raise ValueError
            amount = float(str(raw_amount).replace(",", "").lstrip("$£€₹"))
        except ValueError:
            c.add(f"{path}.amount", f"{raw_amount!r} is not a number")
        else:
            if not math.isfinite(amount) or amount < 0:
                c.add(f"{path}.amount", f"{raw_amount!r} must be a non-negative number")
                amount = None
    currency = t["currency"].upper() if t["currency"] else None
    if currency is not None and not _CURRENCY.fullmatch(currency):
        c.add(f"{path}.currency", f"{t['currency']!r} is not an ISO 4217 code such as USD")
        currency = None
    return Payment(
        method=c.choice(t["method"], PAYMENT_METHODS, f"{path}.method"),
        amount=amount,
        currency=currency,
        paid_at=t["paid_at"],
        beneficiary=t["beneficiary"],
        account=t["account"],
        ifsc=t["ifsc"].upper() if t["ifsc"] else None,
        routing=t["routing"],
        iban=t["iban"],
        upi=t["upi"],
        wallet=t["wallet"],
        merchant=t["merchant"],
        gift_card_brand=t["gift_card_brand"],
    )
