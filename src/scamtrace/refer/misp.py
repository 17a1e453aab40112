"""``misp-event.json``: the operation as a MISP event built with PyMISP.

``to_ids`` marks what a receiving system may act on automatically (block a
domain, screen a beneficiary account). It is set only for scammer indicators
still inside their reuse window on the referral date: a callback number last
seen five months ago may belong to someone else by now, and blocking it would
hurt them. Names callers gave, free-text descriptors and remote-access IDs are
context, never ``to_ids``.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, time
from functools import lru_cache
from importlib import resources
from typing import Any

from pymisp import MISPAttribute, MISPEvent, MISPObject

from scamtrace.refer import labels
from scamtrace.refer.model import OperationIndicator, Referral
from scamtrace.refer.stix import VALIDITY_DAYS

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://scamtrace.invalid/misp")
PUSH_METHODS = {"bank_transfer", "wire", "zelle", "upi"}


def muid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "|".join(parts)))


@lru_cache(maxsize=1)
def tag_table() -> list[dict[str, Any]]:
    raw = resources.files("scamtrace.data").joinpath("misp_tags.json").read_text(encoding="utf-8")
    return list(json.loads(raw)["tags"])


def _dt(d: date) -> datetime:
    return datetime.combine(d, time(0, 0), tzinfo=UTC)


def fresh(ind: OperationIndicator, on: date) -> bool:
    """Still inside its reuse window on ``on``: safe to act on automatically."""
    if ind.last_seen is None:
        return False
    return (on - ind.last_seen).days <= VALIDITY_DAYS.get(ind.kind, 90)


def tags_for(referral: Referral) -> list[str]:
    op = referral.operation
    summary = op.summary
    kinds = {i.kind for i in op.indicators}
    channels = {c.channel for c in op.complaints}
    facts = {
        "always": True,
        "tss": op.is_tss,
        "brands": bool(summary.get("brands")),
        "phones": "phone" in kinds or "phone_call" in channels,
        "popup": "popup" in (summary.get("lures") or {}) or "popup" in channels,
        "mule_accounts": bool(kinds & {"bank_account", "upi"}),
        "push_payments": bool(PUSH_METHODS & set(summary.get("payment_methods") or {})),
        f"tlp:{'white' if referral.recipient.tlp == 'clear' else referral.recipient.tlp}": True,
    }
    return [t["tag"] for t in tag_table() if facts.get(t["when"], False)]


def _attr(obj: MISPObject, relation: str, value: str, key: str, *, to_ids: bool = False, comment: str = "", **kw: Any) -> MISPAttribute:
    a = obj.add_attribute(relation, value=value, to_ids=to_ids, comment=comment or None, **kw)
    if a is None:  # PyMISP drops empty values
        raise ValueError(f"empty {relation}")
    attr: MISPAttribute = a[0] if isinstance(a, list) else a
    attr.uuid = muid(key, relation, value)
    return attr


def _object(event: MISPEvent, name: str, key: str, ind: OperationIndicator | None = None, comment: str = "") -> MISPObject:
    obj = MISPObject(name, standalone=False)
    obj.uuid = muid(key, name)
    if comment:
        obj.comment = comment
    if ind is not None and ind.first_seen and ind.last_seen:
        obj.first_seen = _dt(ind.first_seen)
        obj.last_seen = _dt(ind.last_seen)
    event.add_object(obj)
    return obj


def _seen(ind: OperationIndicator) -> str:
    return f"{ind.reports} complaint(s), {labels.iso(ind.first_seen)} to {labels.iso(ind.last_seen)}"


def _add_indicator(event: MISPEvent, op_id: str, ind: OperationIndicator, on: date) -> None:
    key = f"{op_id}|{ind.kind}|{ind.value}"
    act = fresh(ind, on)
    seen = _seen(ind)
    if ind.kind == "phone":
        obj = _object(event, "phone-number", key, ind, comment=f"Callback number; {seen}")
        _attr(obj, "phone-number", ind.value, key, to_ids=act)
        note = labels.phone_note(ind.value)
        if note:
            _attr(obj, "text", note, key)
    elif ind.kind == "domain":
        obj = _object(event, "domain-ip", key, ind, comment=f"Pop-up or support site; {seen}")
        _attr(obj, "domain", ind.value, key, to_ids=act)
    elif ind.kind == "url":
        obj = _object(event, "url", key, ind, comment=f"Pop-up or support page; {seen}")
        _attr(obj, "url", ind.value, key, to_ids=act)
    elif ind.kind == "ip":
        obj = _object(event, "ip-port", key, ind, comment=f"Source of remote-access sessions; {seen}")
        _attr(obj, "ip-src", ind.value, key, to_ids=act)
    elif ind.kind == "remote_id":
        tool, _, ident = ind.value.partition(":")
        if "." in ident:
            obj = _object(event, "domain-ip", key, ind, comment=f"{labels.tool_name(tool)} instance used by the callers; {seen}")
            _attr(obj, "hostname", ident, key, to_ids=act)
        else:
            a = event.add_attribute("text", ident, category="Other", to_ids=False, comment=f"{labels.tool_name(tool)} ID of the callers' side; {seen}")
            _set_uuid(a, key)
    elif ind.kind in ("bank_account", "upi"):
        bank = labels.bank_name(ind.value) if ind.kind == "bank_account" else ""
        obj = _object(event, "bank-account", key, ind, comment=f"Beneficiary (mule) account; {seen}")
        if ind.kind == "upi":
            _attr(obj, "account", ind.value, key, to_ids=act, comment="UPI virtual payment address")
        else:
            scheme, code, account = labels.bank_account(ind.value)
            if scheme == "IBAN":
                _attr(obj, "iban", account, key, to_ids=act)
            else:
                _attr(obj, "account", account, key, to_ids=act)
                if scheme == "ABA routing":
                    _attr(obj, "aba-rtn", code, key)
                elif code:
                    _attr(obj, "institution-code", code, key, comment=scheme)
            if bank:
                _attr(obj, "institution-name", bank, key)
    elif ind.kind == "crypto_wallet":
        chain, _, address = ind.value.partition(":")
        if chain == "btc":
            obj = _object(event, "btc-wallet", key, ind, comment=f"Wallet victims paid into; {seen}")
            _attr(obj, "wallet-address", address, key, to_ids=act)
        else:
            obj = _object(event, "coin-address", key, ind, comment=f"Wallet victims paid into; {seen}")
            _attr(obj, "address-crypto", address, key, to_ids=act)
            _attr(obj, "symbol", chain.upper(), key)
    elif ind.kind == "email":
        a = event.add_attribute("email-src", ind.value, to_ids=act, comment=f"Address used by the callers; {seen}")
        _set_uuid(a, key)
    elif ind.kind == "merchant":
        a = event.add_attribute("text", ind.value, category="Financial fraud", to_ids=False, comment=f"Card statement descriptor; {seen}")
        _set_uuid(a, key)


def _set_uuid(a: MISPAttribute | list[MISPAttribute], key: str) -> None:
    for attr in a if isinstance(a, list) else [a]:
        attr.uuid = muid(key, "attribute")


def _report_markdown(referral: Referral) -> str:
    op = referral.operation
    s = op.summary
    lines = [
        f"# Operation {op.id}",
        "",
        f"- Complaints: {op.reports} ({op.incidents} incidents)",
        f"- Active: {labels.iso(op.first_seen)} to {labels.iso(op.last_seen)}",
        f"- Reported losses: {labels.losses_text(op.losses)}",
        f"- Victims by country: {', '.join(f'{labels.country(k)} {v}' for k, v in (s.get('victims_by_country') or {}).items())}",
        f"- Brands impersonated: {', '.join(labels.brand_name(b) for b in (s.get('brands') or {})) or 'none recorded'}",
        f"- Remote-access tools: {', '.join(labels.tool_name(t) for t in (s.get('tools') or {})) or 'none recorded'}",
        "",
        "## Location hypotheses",
        "",
    ]
    if not op.attributions:
        lines.append("Unknown: no location hypothesis has been recorded for this operation.")
        for e in op.unplaced_evidence:
            lines.append(f"- examined, points nowhere: {e.get('signal', '')}: {e.get('detail', '')}")
    for a in op.attributions:
        lines.append(f"{a.rank}. {a.place} (confidence {a.confidence:.0%})")
        for e in a.evidence:
            if isinstance(e, dict):
                lines.append(f"   - {e.get('signal', '')}: {e.get('detail', '')}")
    return "\n".join(lines) + "\n"


def build_event(referral: Referral) -> MISPEvent:
    op = referral.operation
    event = MISPEvent()
    event.uuid = muid("event", op.id, referral.store_state.membership_sha256)
    countries = ", ".join(labels.country(c) for c in (op.summary.get("victims_by_country") or {}) if c != "unknown")
    kind = "Tech-support scam call-centre" if op.is_tss else "Fraud call-centre"
    event.info = f"{kind} operation {op.id}: {op.reports} complaints from {countries or 'unknown countries'}; losses {labels.losses_text(op.losses)}"
    event.date = op.last_seen or referral.created_at.date()
    event.distribution = 0  # this organisation only: the receiver decides how far it goes
    event.threat_level_id = 2
    event.analysis = 2
    for tag in tags_for(referral):
        event.add_tag(tag)
    on = referral.created_at.date()
    for ind in op.indicators:
        _add_indicator(event, op.id, ind, on)
    for alias in list(op.summary.get("aliases") or {})[:20]:
        key = f"{op.id}|alias|{alias}"
        obj = _object(event, "person", key, comment="Name a caller gave victims (a persona, not an identification)")
        _attr(obj, "alias", alias, key)
        _attr(obj, "role", "telecaller", key)
    report = event.add_event_report(f"Operation {op.id}: summary", _report_markdown(referral))
    report.uuid = muid("report", op.id)
    return event


def render(referral: Referral) -> bytes:
    return (build_event(referral).to_json(indent=2) + "\n").encode("utf-8")
