"""The public victim form: plain-language fields → an interchange report, and errors → sentences.

Field errors from :func:`scamtrace.intake.validate.parse_report` name fields
of the interchange format (``payments.0.amount``); a victim needs to know which
box to fix and how, so each maps to a form field and a short sentence.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from scamtrace.errors import FieldError

SOURCE = "webform"
REFERENCE = re.compile(r"WF-\d{8}-[A-Z2-9]{6}")
_REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

HOW = {
    "popup": ("A warning appeared on my computer screen (a pop-up)", "popup", "inbound"),
    "they_called": ("Someone phoned me", "phone_call", "outbound"),
    "i_called": ("I searched online for help and phoned a number I found", "search_ad", "inbound"),
    "email": ("An email, for example a bill for something I did not order", "email", None),
    "text": ("A text message", "sms", None),
    "chat": ("A chat window on a website", "chat", None),
    "other": ("Something else", "other", None),
}
TOOLS = ("AnyDesk", "TeamViewer", "UltraViewer", "ScreenConnect", "Quick Assist", "LogMeIn", "Another program", "I am not sure")
PAY_METHODS = {
    "gift_card": "Gift cards (for example Google Play, Apple, Target, Steam)",
    "card": "Credit or debit card",
    "bank_transfer": "Bank transfer",
    "wire": "Wire transfer",
    "zelle": "Zelle",
    "crypto": "Bitcoin or another cryptocurrency (including a Bitcoin ATM)",
    "paypal": "PayPal",
    "cash": "Cash (posted or handed over)",
    "other": "Another way",
}
CURRENCIES = ("USD", "GBP", "CAD", "AUD", "NZD", "EUR", "INR")
COUNTRIES = {"US": "United States", "GB": "United Kingdom", "CA": "Canada", "AU": "Australia", "NZ": "New Zealand", "IE": "Ireland", "IN": "India"}
AGE_BANDS = {"under-30": "Under 30", "30-59": "30 to 59", "60+": "60 or over"}
MAX_NARRATIVE = 20_000
MAX_SHORT = 300

FIELD_OF = {
    "narrative": "what_happened",
    "incident_at": "when",
    "contact.channel": "how",
    "contact.direction": "how",
    "caller.phone": "caller_phone",
    "caller.name": "caller_name",
    "caller.claimed_company": "caller_company",
    "websites": "website",
    "remote_access.tool": "remote_tool",
    "payments.0.method": "pay_method",
    "payments.0.amount": "pay_amount",
    "payments.0.currency": "pay_currency",
    "payments.0.gift_card_brand": "gift_card_brand",
    "victim.country": "country",
    "victim.region": "region",
    "victim.age_band": "age_band",
    "victim.name": "your_name",
    "victim.email": "your_email",
    "victim.phone": "your_phone",
    "victim.consent_to_contact": "consent",
}
FRIENDLY = {
    "what_happened": "Please tell us what happened, in your own words. A few sentences are enough.",
    "when": "Please give the date it happened, or leave this empty if you are not sure.",
    "how": "Please choose one of the answers for how they first contacted you.",
    "caller_phone": "Please check the phone number. Write it as you saw or heard it.",
    "website": "Please check the website address, or leave it empty.",
    "pay_method": "Please choose how you paid from the list.",
    "pay_amount": "Please write the amount as a number, for example 499 or 499.99.",
    "pay_currency": "Please choose the currency from the list.",
    "country": "Please choose your country from the list.",
    "age_band": "Please choose your age group from the list, or leave it empty.",
    "your_email": "This email address does not look complete. It should look like name@example.com. You can also leave it empty.",
    "consent": "Please tick the box or leave it empty.",
}
GENERIC = "Please check this answer."


@dataclass
class FormResult:
    document: dict[str, Any] | None
    errors: dict[str, str] = field(default_factory=dict)  # form field → sentence
    reference: str | None = None


def new_reference(now: datetime) -> str:
    return f"WF-{now:%Y%m%d}-" + "".join(secrets.choice(_REF_ALPHABET) for _ in range(6))


def friendly(error: FieldError) -> tuple[str, str]:
    """(form field, sentence) for a validation error."""
    path = error.field
    name = FIELD_OF.get(path) or ("website" if path.startswith("websites.") else "what_happened" if path == "(line)" else "")
    if "longer than" in error.reason:
        return name or "what_happened", "This answer is too long. Please shorten it."
    return name or "what_happened", FRIENDLY.get(name, GENERIC)


def _get(form: Mapping[str, Any], key: str, limit: int = MAX_SHORT) -> str:
    value = form.get(key)
    return value.strip()[: limit + 1] if isinstance(value, str) else ""


def build_document(form: Mapping[str, Any], now: datetime | None = None) -> FormResult:
    """The interchange document for a filled form, or the sentences to show next to fields."""
    now = now or datetime.now(UTC)
    errors: dict[str, str] = {}
    story = _get(form, "what_happened", MAX_NARRATIVE)
    if not story:
        errors["what_happened"] = FRIENDLY["what_happened"]
    elif len(story) > MAX_NARRATIVE:
        errors["what_happened"] = f"This is longer than we can take in one report ({MAX_NARRATIVE:,} characters). Please shorten it."
    for key in ("caller_phone", "caller_name", "caller_company", "region", "your_name", "your_email", "your_phone", "gift_card_brand"):
        if len(_get(form, key)) > MAX_SHORT:
            errors[key] = "This answer is too long. Please shorten it."
    when = _get(form, "when")
    incident: str | None = None
    if when:
        try:
            day = date.fromisoformat(when)
        except ValueError:
            errors["when"] = "Please give the date as day, month and year, or leave it empty."
        else:
            if day > now.date():
                errors["when"] = "This date is in the future. Please check it, or leave it empty."
            incident = day.isoformat()
    email = _get(form, "your_email")
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        errors["your_email"] = FRIENDLY["your_email"]
    how = _get(form, "how")
    if how and how not in HOW:
        errors["how"] = FRIENDLY["how"]
    amount = _get(form, "pay_amount")
    method = _get(form, "pay_method")
    if method and method not in PAY_METHODS:
        errors["pay_method"] = FRIENDLY["pay_method"]
    currency = _get(form, "pay_currency")
    if currency and currency not in CURRENCIES:
        errors["pay_currency"] = FRIENDLY["pay_currency"]
    country = _get(form, "country")
    if country and country not in COUNTRIES and country != "other":
        errors["country"] = FRIENDLY["country"]
    age = _get(form, "age_band")
    if age and age not in AGE_BANDS:
        errors["age_band"] = FRIENDLY["age_band"]
    if errors:
        return FormResult(None, errors)

    reference = new_reference(now)
    doc: dict[str, Any] = {"report_id": reference, "source": SOURCE, "received_at": now.isoformat(timespec="seconds"), "narrative": story}
    if incident:
        doc["incident_at"] = incident
    victim: dict[str, Any] = {
        "country": country if country in COUNTRIES else None,
        "region": _get(form, "region") or None,
        "age_band": age or None,
        "name": _get(form, "your_name") or None,
        "email": email or None,
        "phone": _get(form, "your_phone") or None,
    }
    if form.get("consent") in ("yes", "on", "1"):
        victim["consent_to_contact"] = True
    doc["victim"] = {k: v for k, v in victim.items() if v is not None}
    if how:
        _label, channel, direction = HOW[how]
        doc["contact"] = {k: v for k, v in (("channel", channel), ("direction", direction)) if v}
    caller = {"phone": _get(form, "caller_phone"), "name": _get(form, "caller_name"), "claimed_company": _get(form, "caller_company")}
    if any(caller.values()):
        doc["caller"] = {k: v for k, v in caller.items() if v}
    sites = [s.strip() for s in _get(form, "website", 2000).splitlines() if s.strip()]
    if sites:
        doc["websites"] = sites[:20]
    tool = _get(form, "remote_tool")
    if tool and tool in TOOLS[:6]:
        doc["remote_access"] = {"tool": tool}
    if method or amount:
        pay = {"method": method or None, "amount": amount or None, "currency": currency or None, "gift_card_brand": _get(form, "gift_card_brand") or None}
        doc["payments"] = [{k: v for k, v in pay.items() if v is not None}]
    return FormResult(doc, {}, reference)
