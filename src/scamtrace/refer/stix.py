"""``bundle.stix.json``: the operation as STIX 2.1, built with the ``stix2`` library.

Ids are UUIDv5 of canonical values (``campaign|<operation id>``,
``indicator|<operation id>|<kind>|<value>`` …) and timestamps come from the
complaints, not the clock, so the same store state gives the same bundle byte
for byte. The OASIS validator warns that SDO ids SHOULD be UUIDv4; stable ids
matter more here, because a receiving platform deduplicates on them.

Phone numbers, bank accounts and crypto wallets are custom SCOs following
OpenCTI's conventions (``phone-number``, ``bank-account``, ``cryptocurrency-wallet``,
each with a ``value``), so OpenCTI imports them as its own observable types.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import stix2
from stix2.properties import StringProperty

from scamtrace.refer import labels
from scamtrace.refer.model import OperationIndicator, Referral

# Namespace for scamtrace's deterministic SDO/SRO ids (UUIDv5 of "https://scamtrace.invalid/stix").
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://scamtrace.invalid/stix")
# How long a value stays attributable after its last sighting: numbers and IPs are
# reassigned, domains re-registered (same windows the linker uses to split epochs).
VALIDITY_DAYS = {"phone": 60, "url": 90, "domain": 90, "email": 120, "ip": 30, "remote_id": 120, "bank_account": 180, "upi": 180, "crypto_wallet": 180}


@stix2.v21.CustomObservable("phone-number", [("value", StringProperty(required=True))], ["value"])
class PhoneNumber:
    """OpenCTI's Phone-Number observable: an E.164 number in ``value``."""


@stix2.v21.CustomObservable(
    "bank-account",
    [
        ("value", StringProperty(required=True)),
        ("iban", StringProperty()),
        ("bic", StringProperty()),
        ("account_number", StringProperty()),
        ("bank_code", StringProperty()),
        ("bank_code_type", StringProperty()),
        ("bank_name", StringProperty()),
    ],
    ["value"],
)
class BankAccount:
    """OpenCTI's Bank-Account observable. OpenCTI keys it on ``iban``; Indian, US and UK
    accounts have none, so ``value`` (the canonical scamtrace value) is the key here and
    ``bank_code``/``bank_code_type`` carry the IFSC, ABA routing number or sort code."""


@stix2.v21.CustomObservable("cryptocurrency-wallet", [("value", StringProperty(required=True)), ("chain", StringProperty())], ["value"])
class CryptocurrencyWallet:
    """OpenCTI's Cryptocurrency-Wallet observable: the address in ``value``."""


TLP = {"clear": stix2.TLP_WHITE, "white": stix2.TLP_WHITE, "green": stix2.TLP_GREEN, "amber": stix2.TLP_AMBER, "red": stix2.TLP_RED}
GROUPS = (
    ("contact", ("phone", "email"), "Callback telephone numbers and contact addresses", ["unknown"]),
    ("web", ("domain", "url"), "Pop-up, lure and fake support web sites", ["phishing"]),
    ("remote", ("remote_id", "ip"), "Remote-access infrastructure (sessions, relays, source IPs)", ["command-and-control"]),
    ("payment", ("bank_account", "upi", "crypto_wallet"), "Payment infrastructure (mule accounts, UPI IDs, wallets)", ["unknown"]),
)


def sid(kind: str, *parts: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join((kind, *parts)))}"


def _midnight(d: date) -> datetime:
    return datetime.combine(d, time(0, 0), tzinfo=UTC)


def _stamp(referral: Referral) -> datetime:
    """The newest complaint's receipt time: what this bundle knows, independent of the clock."""
    newest: datetime | None = None
    for c in referral.operation.complaints:
        try:
            t = datetime.fromisoformat(c.received_at)
        except ValueError:
            continue
        t = t.astimezone(UTC) if t.tzinfo else t.replace(tzinfo=UTC)
        newest = t if newest is None or t > newest else newest
    if newest is not None:
        return newest.replace(microsecond=0)
    last = referral.operation.last_seen or date(1970, 1, 1)
    return _midnight(last)


def _sco(cls: Any, **props: Any) -> Any:
    # The CustomObservable decorator builds __init__ at run time; type checkers cannot see its keywords.
    return cls(**props)


def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def observable(ind: OperationIndicator) -> tuple[Any, str] | None:
    """The SCO for an indicator and the STIX pattern that matches it."""
    v = ind.value
    if ind.kind == "phone":
        return _sco(PhoneNumber, value=v), f"[phone-number:value = {_quote(v)}]"
    if ind.kind == "domain":
        return stix2.DomainName(value=v), f"[domain-name:value = {_quote(v)}]"
    if ind.kind == "url":
        return stix2.URL(value=v), f"[url:value = {_quote(v)}]"
    if ind.kind == "email":
        return stix2.EmailAddress(value=v), f"[email-addr:value = {_quote(v)}]"
    if ind.kind == "ip":
        if ":" in v:
            return stix2.IPv6Address(value=v), f"[ipv6-addr:value = {_quote(v)}]"
        return stix2.IPv4Address(value=v), f"[ipv4-addr:value = {_quote(v)}]"
    if ind.kind == "remote_id":
        tool, _, ident = v.partition(":")
        if "." in ident:  # a self-hosted relay or ScreenConnect instance: a host name
            return stix2.DomainName(value=ident), f"[domain-name:value = {_quote(ident)}]"
        return (
            stix2.UserAccount(user_id=ident, account_type=tool, display_name=f"{labels.tool_name(tool)} ID {ident}"),
            f"[user-account:user_id = {_quote(ident)} AND user-account:account_type = {_quote(tool)}]",
        )
    if ind.kind == "bank_account":
        scheme, code, account = labels.bank_account(v)
        props: dict[str, str] = {"value": v}
        if scheme == "IBAN":
            props["iban"] = account
        else:
            props["account_number"] = account
            if code:
                props["bank_code"] = code
                props["bank_code_type"] = v.split(":", 1)[0]
        name = labels.bank_name(v)
        if name:
            props["bank_name"] = name
        return _sco(BankAccount, **props), f"[bank-account:value = {_quote(v)}]"
    if ind.kind == "upi":
        return _sco(BankAccount, value=f"upi:{v}", account_number=v, bank_code_type="upi"), f"[bank-account:value = {_quote('upi:' + v)}]"
    if ind.kind == "crypto_wallet":
        chain, _, address = v.partition(":")
        return _sco(CryptocurrencyWallet, value=address, chain=chain), f"[cryptocurrency-wallet:value = {_quote(address)}]"
    return None


def _describe(ind: OperationIndicator) -> str:
    seen = f"between {labels.iso(ind.first_seen)} and {labels.iso(ind.last_seen)}" if ind.first_seen else "(dates unknown)"
    basis = {"link": "links complaints of this operation", "suspect": "shared with other operations; held back from linking", "seen": "named in complaints of this operation"}[ind.status]
    return f"{labels.KIND_TITLES.get(ind.kind, ind.kind).capitalize()} seen in {ind.reports} complaint(s) {seen}; {basis}."


def build_bundle(referral: Referral) -> stix2.Bundle:
    op = referral.operation
    stamp = _stamp(referral)
    marking = TLP.get(referral.recipient.tlp, stix2.TLP_AMBER)
    common: dict[str, Any] = {"created": stamp, "modified": stamp, "object_marking_refs": [marking]}
    objects: list[Any] = [marking]

    author = stix2.Identity(
        id=sid("identity", "organization", referral.sender.organisation),
        name=referral.sender.organisation,
        identity_class="organization",
        description=referral.sender.unit or None,
        **common,
    )
    objects.append(author)
    common["created_by_ref"] = author.id

    def rel(source: str, rtype: str, target: str, **extra: Any) -> stix2.Relationship:
        return stix2.Relationship(id=sid("relationship", source, rtype, target), relationship_type=rtype, source_ref=source, target_ref=target, **common, **extra)

    summary = op.summary
    first = _midnight(op.first_seen) if op.first_seen else stamp
    last = _midnight(op.last_seen) + timedelta(hours=23, minutes=59, seconds=59) if op.last_seen else stamp
    brands = [labels.brand_name(b) for b in (summary.get("brands") or {})]
    victims = {k: v for k, v in (summary.get("victims_by_country") or {}).items() if k != "unknown"}
    campaign = stix2.Campaign(
        id=sid("campaign", op.id),
        name=f"{'Tech-support scam' if op.is_tss else 'Fraud'} operation {op.id}",
        description=(
            f"Call-centre operation impersonating {', '.join(brands) or ('technical support' if op.is_tss else 'trusted organisations')}: {op.reports} complaints "
            f"({op.incidents} incidents) from victims in {', '.join(labels.country(c) for c in victims) or 'unknown countries'}; "
            f"reported losses {labels.losses_text(op.losses)}."
        ),
        objective="Obtain payments from victims for fictitious technical support, subscriptions or refunds.",
        first_seen=first,
        last_seen=last,
        x_scamtrace_operation_id=op.id,
        x_scamtrace_reports=op.reports,
        x_scamtrace_incidents=op.incidents,
        x_scamtrace_losses={k: round(v, 2) for k, v in sorted(op.losses.items())},
        x_scamtrace_victims_by_country=victims,
        allow_custom=True,
        **common,
    )
    aliases = [a for a in (summary.get("aliases") or {})][:10]
    actor = stix2.ThreatActor(
        id=sid("threat-actor", op.id),
        name=f"Call centre behind operation {op.id}",
        description="The people operating the call centre: telecallers, supervisors and those who control the payment accounts. Aliases are names callers gave victims.",
        threat_actor_types=["criminal"],
        aliases=aliases or None,
        roles=["agent"],
        resource_level="organization",
        primary_motivation="personal-gain",
        first_seen=first,
        last_seen=last,
        **common,
    )
    objects += [campaign, actor, rel(campaign.id, "attributed-to", actor.id)]

    note = stix2.Note(
        id=sid("note", op.id, "impact"),
        abstract="Reported monetary impact",
        content=(
            f"Losses reported by victims, by currency (not converted): {labels.losses_text(op.losses)}. "
            f"Complaints: {op.reports}; incidents after removing duplicates: {op.incidents}; "
            f"share of victims aged 60+: {summary.get('share_60_plus', 'unknown')}."
        ),
        object_refs=[campaign.id],
        x_scamtrace_losses={k: round(v, 2) for k, v in sorted(op.losses.items())},
        allow_custom=True,
        **common,
    )
    objects.append(note)

    for tool in summary.get("tools") or {}:
        t = stix2.Tool(id=sid("tool", tool), name=labels.tool_name(tool), tool_types=["remote-access"], **common)
        objects += [t, rel(actor.id, "uses", t.id), rel(campaign.id, "uses", t.id)]

    group_members: dict[str, list[str]] = defaultdict(list)
    seen_scos: set[str] = set()
    kind_group = {kind: key for key, kinds, _t, _types in GROUPS for kind in kinds}
    for ind in op.indicators:
        made = observable(ind)
        if made is None:
            continue
        sco, pattern = made
        if sco.id not in seen_scos:
            seen_scos.add(sco.id)
            objects.append(sco)
        group_members[kind_group[ind.kind]].append(sco.id)
        valid_from = _midnight(ind.first_seen) if ind.first_seen else first
        valid_until = (_midnight(ind.last_seen) if ind.last_seen else valid_from) + timedelta(days=VALIDITY_DAYS.get(ind.kind, 90))
        indicator = stix2.Indicator(
            id=sid("indicator", op.id, ind.kind, ind.value),
            name=f"{labels.KIND_TITLES.get(ind.kind, ind.kind).capitalize()} {ind.value}",
            description=_describe(ind),
            indicator_types=["malicious-activity", "attribution"],
            pattern=pattern,
            pattern_type="stix",
            valid_from=valid_from,
            valid_until=valid_until,
            **common,
        )
        objects += [indicator, rel(indicator.id, "indicates", campaign.id)]

    for key, _kinds, title, types in GROUPS:
        members = sorted(set(group_members.get(key, ())))
        if not members:
            continue
        infra = stix2.Infrastructure(
            id=sid("infrastructure", op.id, key),
            name=f"{title} — operation {op.id}",
            infrastructure_types=types,
            first_seen=first,
            last_seen=last,
            **common,
        )
        objects += [infra, rel(campaign.id, "uses", infra.id), rel(actor.id, "uses", infra.id)]
        objects += [rel(infra.id, "consists-of", m) for m in members]

    for merchant in op.by_kind("merchant"):
        shell = stix2.Identity(
            id=sid("identity", "merchant", merchant.value),
            name=merchant.value,
            identity_class="organization",
            description=f"Card statement descriptor used to charge victims' cards ({merchant.reports} complaints).",
            **common,
        )
        objects += [shell, rel(campaign.id, "related-to", shell.id, description="charges victims' cards under this descriptor")]

    for a in op.attributions:
        if not a.country:
            continue
        loc = stix2.Location(
            id=sid("location", a.country, a.region or "", a.city or ""),
            name=a.place,
            country=a.country,
            city=a.city or None,
            administrative_area=a.region or None,
            **common,
        )
        signals = "; ".join(str(e.get("detail") or e.get("signal") or "") for e in a.evidence if isinstance(e, dict))
        objects += [loc, rel(actor.id, "located-at", loc.id, confidence=max(0, min(100, round(a.confidence * 100))), description=f"Location hypothesis {a.rank}: {signals}"[:2000])]

    for code in sorted(victims):
        if len(code) != 2:
            continue
        loc = stix2.Location(id=sid("location", code, "", ""), name=labels.country(code), country=code, **common)
        if loc.id not in {getattr(o, "id", None) for o in objects}:
            objects.append(loc)
        objects.append(rel(campaign.id, "targets", loc.id, description=f"{victims[code]} complaints from victims in {labels.country(code)}"))

    refs = [o.id for o in objects if o.type != "marking-definition"]
    report = stix2.Report(
        id=sid("report", op.id, referral.store_state.membership_sha256),
        name=f"{'Tech-support scam' if op.is_tss else 'Fraud'} operation {op.id}: referral evidence",
        description=f"Indicators, infrastructure and location hypotheses of operation {op.id}, built from {op.reports} victim complaints.",
        report_types=["campaign", "threat-actor", "indicator"],
        published=stamp,
        object_refs=refs,
        **common,
    )
    objects.append(report)
    return stix2.Bundle(objects=objects, id=sid("bundle", op.id, referral.store_state.membership_sha256), allow_custom=True)


def render(referral: Referral) -> bytes:
    # stix2's pretty printer orders properties with a quadratic search (minutes for a few
    # thousand objects); its compact output re-indented by json keeps the same order.
    compact = build_bundle(referral).serialize()
    return (json.dumps(json.loads(compact), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
