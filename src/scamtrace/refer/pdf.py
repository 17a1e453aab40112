"""``referral.pdf``: a complaint letter and dossier typeset with typst.

Python prepares every string (dates, money, masked extracts) as JSON; the
template in ``templates/referral.typ`` only lays them out. Typst inserts JSON
strings as text, so a narrative containing ``#`` or ``*`` stays text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any

from scamtrace.domain.money import usd_estimate
from scamtrace.errors import ScamtraceError
from scamtrace.refer import labels
from scamtrace.refer.evidence_csv import PreparedComplaint
from scamtrace.refer.masking import extract
from scamtrace.refer.model import Attribution, Complaint, OperationIndicator, Referral
from scamtrace.refer.recipients import PersonalData, Role

# How the attribution stage's signals read in the letter ("… from the IP addresses …").
SIGNAL_NOUNS = {
    "ip": "the IP addresses the remote sessions came from",
    "phone": "the callers' telephone numbers",
    "money": "the banks holding the mule accounts",
    "timing": "the hours the callers work",
    "note": "investigators' notes",
}
MAX_TABLE_ROWS = 40
MAX_COMPLAINTS = 6


@dataclass(frozen=True, slots=True)
class Exhibit:
    no: str
    file: str
    description: str
    sha256: str = ""


def _pct(x: float) -> str:
    return f"{x:.0%}"


def _trend(summary: dict[str, Any]) -> str:
    recent = int(summary.get("recent_28d") or 0)
    before = int(summary.get("previous_28d") or 0)
    if recent == 0 and before == 0:
        return "quiet: no complaints in the last 56 days of data"
    if recent == 0:
        return f"quiet: no complaints in the last 28 days (previous 28 days: {before})"
    if before == 0:
        return f"new or resumed: {_n(recent, 'complaint')} in the last 28 days, none in the 28 before"
    change = (recent - before) / before
    word = "rising" if change > 0.2 else "falling" if change < -0.2 else "steady"
    return f"{word}: {_n(recent, 'complaint')} in the last 28 days against {before} in the 28 before ({change:+.0%})"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _top(counts: dict[str, Any], n: int, fmt: Any = str) -> str:
    items = [(k, v) for k, v in counts.items() if k != "unknown"][:n]
    return ", ".join(f"{fmt(k)} ({v})" for k, v in items) or "none recorded"


def _weeks(summary: dict[str, Any], first: date | None, last: date | None) -> dict[str, Any]:
    raw = {date.fromisoformat(k): int(v) for k, v in (summary.get("reports_per_week") or {}).items()}
    if not raw:
        return {"counts": [0], "first": labels.iso(first), "middle": "", "last": labels.iso(last), "caption": "No dated complaints."}
    start, end = min(raw), max(raw)
    days = []
    d = start
    while d <= end:
        days.append(d)
        d += timedelta(days=7)
    counts = [raw.get(d, 0) for d in days]
    busiest = max(range(len(counts)), key=lambda i: counts[i])
    return {
        "counts": counts,
        "first": start.isoformat(),
        "middle": days[len(days) // 2].isoformat() if len(days) > 2 else "",
        "last": days[-1].isoformat(),
        "caption": f"Complaints by week of the incident, {len(days)} weeks from {start.isoformat()}; busiest week {days[busiest].isoformat()} ({counts[busiest]} complaints).",
    }


def _countries(summary: dict[str, Any]) -> tuple[list[dict[str, Any]], str]:
    counts = {k: int(v) for k, v in (summary.get("victims_by_country") or {}).items()}
    total = sum(counts.values()) or 1
    ranked = sorted(counts.items(), key=lambda kv: (kv[0] == "unknown", -kv[1], kv[0]))
    shown, rest = ranked[:8], ranked[8:]
    rows = [{"name": labels.country(k), "count": v, "share": _pct(v / total)} for k, v in shown]
    if rest:
        other = sum(v for _k, v in rest)
        rows.append({"name": f"{len(rest)} other countries", "count": other, "share": _pct(other / total)})
    return rows, f"Complaints by the victim's country of residence ({total} complaints)."


def _facts(referral: Referral) -> list[list[str]]:
    op = referral.operation
    s = op.summary
    days = (op.last_seen - op.first_seen).days + 1 if op.first_seen and op.last_seen else 0
    top = op.attributions[0] if op.attributions else None
    rows = [
        ["Operation reference", op.id],
        ["Complaints", f"{op.reports} complaints describing {op.incidents} distinct incidents"],
        ["Active period", f"{labels.long_date(op.first_seen)} to {labels.long_date(op.last_seen)} ({days} days)"],
        ["Trend", _trend(s)],
        ["Victims by country", _top(s.get("victims_by_country") or {}, 8, labels.country)],
        ["Victims aged 60 or over", f"{_pct(float(s.get('share_60_plus') or 0))} of victims whose age is known"],
        ["Reported losses", labels.losses_text(op.losses) + " (as reported by victims, by currency, not converted)"],
        ["Brands impersonated", _top(s.get("brands") or {}, 6, labels.brand_name)],
        ["Remote-access tools", _top(s.get("tools") or {}, 6, labels.tool_name)],
        ["Payment methods", _top(s.get("payment_methods") or {}, 6, lambda m: m.replace("_", " "))],
        ["Names given by callers", _top(s.get("aliases") or {}, 8)],
        ["Likely location", f"{_place(top)} (confidence {_pct(top.confidence)})" if top else "unknown"],
    ]
    offset = _utc_offset(op.utc_offset)
    if offset:
        rows.append(["Call hours suggest", offset])
    return rows


def _utc_offset(value: dict[str, Any] | None) -> str:
    if not value or value.get("hours") is None:
        return ""
    hours = float(value["hours"])
    sign = "+" if hours >= 0 else "−"
    h, m = divmod(round(abs(hours) * 60), 60)
    pm = value.get("plus_minus")
    spread = f" ± {float(pm):g} h" if pm is not None else ""
    return f"operator's clock at UTC{sign}{h}:{m:02d}{spread}"


def _cited(reports: Any) -> str:
    # the attribution stage cites report ids, capped at 25 per item
    if isinstance(reports, list | tuple):
        return f"{len(reports)}+" if len(reports) >= 25 else str(len(reports)) if reports else ""
    return str(reports or "")


def _evidence_rows(items: Sequence[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for e in items:
        detail = str(e.get("detail") or e.get("rule") or "")
        values = list(e.get("values") or [])
        if values:
            shown = ", ".join(str(v) for v in values[:4])
            detail = f"{detail} [{shown}{' …' if len(values) > 4 else ''}]"
        if e.get("data_date"):
            detail += f" (reference data of {e['data_date']})"
        rows.append([str(e.get("signal") or "").replace("_", " "), detail, _cited(e.get("reports"))])
    return rows


def _locations(referral: Referral) -> list[dict[str, Any]]:
    return [
        {"rank": str(a.rank), "place": _place(a), "confidence": _pct(a.confidence), "evidence": _evidence_rows(a.evidence)}
        for a in referral.operation.attributions
    ]


def _place(a: Attribution) -> str:
    return labels.place(a.city, a.region, a.country)


def _mark(ind: OperationIndicator) -> str:
    return " †" if ind.status == "suspect" else ""


def _table(title: str, note: str, header: list[str], columns: list[str], align: list[str], inds: list[OperationIndicator], cells: Any) -> dict[str, Any] | None:
    if not inds:
        return None
    ordered = sorted(inds, key=lambda i: (-i.reports, labels.iso(i.first_seen), i.value))
    rows = [cells(i) for i in ordered[:MAX_TABLE_ROWS]]
    more = f"… and {len(ordered) - MAX_TABLE_ROWS} more in bundle.stix.json and misp-event.json." if len(ordered) > MAX_TABLE_ROWS else ""
    return {"title": title, "note": note, "header": header, "columns": columns, "align": align, "rows": rows, "more": more}


def _seen(i: OperationIndicator) -> list[str]:
    return [labels.iso(i.first_seen), labels.iso(i.last_seen), str(i.reports)]


def _indicator_tables(referral: Referral) -> list[dict[str, Any]]:
    op = referral.operation
    date_cols = ["First seen", "Last seen", "Compl."]
    date_w = ["1.75", "1.75", "1.2"]
    date_a = ["left", "left", "right"]
    tables = [
        _table(
            "Callback telephone numbers",
            "Numbers victims called or were called from. Numbers are reassigned after they are dropped: read each with its dates.",
            ["Number", "Country · type · allocated operator", *date_cols],
            ["3.3", "1fr", *date_w],
            ["left", "left", *date_a],
            op.by_kind("phone"),
            lambda i: [i.value + _mark(i), labels.phone_note(i.value), *_seen(i)],
        ),
        _table(
            "Web sites: pop-up pages, lures and fake support sites",
            "",
            ["Domain or URL", "Kind", *date_cols],
            ["1fr", "1.4", *date_w],
            ["left", "left", *date_a],
            op.by_kind("domain", "url"),
            lambda i: [i.value + _mark(i), labels.KIND_TITLES[i.kind], *_seen(i)],
        ),
        _table(
            "Email addresses used by the callers",
            "",
            ["Address", *date_cols],
            ["1fr", *date_w],
            ["left", *date_a],
            op.by_kind("email"),
            lambda i: [i.value + _mark(i), *_seen(i)],
        ),
        _table(
            "Mule accounts and payment destinations",
            "Accounts into which victims paid. Bank names for Indian accounts are from the IFSC directory.",
            ["Account", "Bank / type", *date_cols],
            ["1fr", "3.2", *date_w],
            ["left", "left", *date_a],
            op.by_kind("bank_account", "upi"),
            lambda i: [_account_cell(i) + _mark(i), _account_type(i), *_seen(i)],
        ),
        _table(
            "Card statement descriptors",
            "Names under which victims' cards were charged: shell companies or payment-processor sub-merchants, traceable through the card schemes.",
            ["Descriptor", *date_cols],
            ["1fr", *date_w],
            ["left", *date_a],
            op.by_kind("merchant"),
            lambda i: [i.value + _mark(i), *_seen(i)],
        ),
        _table(
            "Cryptocurrency wallets",
            "",
            ["Wallet", "Chain", *date_cols],
            ["1fr", "1.2", *date_w],
            ["left", "left", *date_a],
            op.by_kind("crypto_wallet"),
            lambda i: [i.value.partition(":")[2] + _mark(i), i.value.partition(":")[0].upper(), *_seen(i)],
        ),
        _table(
            "Remote-access infrastructure",
            "Remote-access IDs and hosts on the callers' side, and IP addresses the sessions came from (from victims' connection logs).",
            ["ID, host or IP address", "Tool", *date_cols],
            ["1fr", "2.4", *date_w],
            ["left", "left", *date_a],
            op.by_kind("remote_id", "ip"),
            lambda i: [i.value.partition(":")[2] if i.kind == "remote_id" else i.value, labels.tool_name(i.value.partition(":")[0]) if i.kind == "remote_id" else "IP address", *_seen(i)],
        ),
    ]
    return [t for t in tables if t]


def _account_cell(i: OperationIndicator) -> str:
    if i.kind != "bank_account":
        return i.value
    scheme, code, account = labels.bank_account(i.value)
    return account if scheme == "IBAN" else f"{account} ({scheme} {code})"


def _account_type(i: OperationIndicator) -> str:
    if i.kind == "upi":
        return "UPI ID"
    return labels.bank_name(i.value) or labels.bank_account(i.value)[0]


def _usd(c: Complaint) -> float:
    return usd_estimate(c.losses)


def representative(prepared: Sequence[PreparedComplaint], k: int = MAX_COMPLAINTS) -> list[PreparedComplaint]:
    """A few complaints that show the operation: the costliest, the first, the latest, then one per country."""
    pool = [p for p in prepared if len(p.complaint.narrative.strip()) >= 60] or list(prepared)
    if not pool:
        return []
    chosen: list[PreparedComplaint] = []

    def take(p: PreparedComplaint | None) -> None:
        if p is not None and p not in chosen and len(chosen) < k:
            chosen.append(p)

    def day(p: PreparedComplaint) -> date:
        return p.complaint.incident_day or date.min

    def richness(p: PreparedComplaint) -> tuple[int, str, str]:
        return (-len(p.complaint.indicators), p.complaint.source, p.complaint.report_id)

    take(max(pool, key=lambda p: (_usd(p.complaint), p.complaint.report_id)))
    take(min(pool, key=lambda p: (day(p), p.complaint.report_id)))
    take(max(pool, key=lambda p: (day(p), p.complaint.report_id)))
    covered = {p.complaint.victim_country for p in chosen}
    for p in sorted(pool, key=richness):
        if p.complaint.victim_country not in covered:
            take(p)
            covered.add(p.complaint.victim_country)
    for p in sorted(pool, key=richness):
        take(p)
    return sorted(chosen, key=lambda p: (day(p), p.complaint.report_id))


def _complaint_block(p: PreparedComplaint) -> dict[str, str]:
    c = p.complaint
    bits = [
        f"received {c.received_at[:10]}",
        f"incident {labels.iso(c.incident_day)}" if c.incident_day else "",
        (f"victim in {labels.country(c.victim_country)}" if c.victim_country else "victim's country unknown") + (f", aged {c.victim_age_band}" if c.victim_age_band else ""),
        f"first contact: {c.channel.replace('_', ' ')}" if c.channel else "",
        f"loss {labels.losses_text(c.losses)}" if c.losses else "no loss reported",
    ]
    return {"ref": f"Complaint {c.source}/{c.report_id}", "meta": " · ".join(b for b in bits if b), "text": "“" + extract(p.masked_narrative, 700) + "”"}


def _letter(referral: Referral, contacts_released: int, complaints: int) -> dict[str, Any]:
    op = referral.operation
    s = op.summary
    r = referral.recipient
    sender = referral.sender
    countries = [labels.country(c) for c in (s.get("victims_by_country") or {}) if c != "unknown"]
    brands = [labels.brand_name(b) for b in list(s.get("brands") or {})[:3]]
    linked = {i.kind for i in op.indicators if i.status == "link"}
    link_kinds = list(dict.fromkeys(noun for kind, noun in labels.LINK_NOUNS.items() if kind in linked))
    top = op.attributions[0] if op.attributions else None
    share60 = float(s.get("share_60_plus") or 0)
    if op.is_tss:
        modus = (
            f"poses as technical support for {_join(brands) or 'well-known companies'}, gains remote access to their computers and takes "
            "payment for fictitious repairs, subscriptions or refunds."
        )
    else:
        types = [t.replace("_", " ") for t in (s.get("scam_types") or {}) if t not in ("unknown", "other")][:2]
        modus = f"impersonates {_join(brands) or 'trusted organisations'} and takes payments from them" + (f" ({_join(types)} fraud)." if types else ".")
    paragraphs = [
        (
            f"{sender.organisation} investigates fraud reported to it by the public. We write about an organised "
            f"call-centre operation, referred to here as operation {op.id}, that contacts people in {_join(countries) or 'several countries'}, "
            + modus
        ),
        (
            f"Between {labels.long_date(op.first_seen)} and {labels.long_date(op.last_seen)} we received {op.reports} complaints "
            f"({op.incidents} distinct incidents) that our analysis links to this operation through shared {_join(link_kinds) or 'indicators'}. "
            f"Victims reported losses of {labels.losses_text(op.losses)}."
            + (f" {_pct(share60)} of the victims whose age is known were 60 or older." if share60 else "")
            + f" Activity is {_trend(s)}."
        ),
    ]
    if top:
        signals = list(dict.fromkeys(SIGNAL_NOUNS.get(str(e.get("signal")), str(e.get("signal") or "").replace("_", " ")) for e in top.evidence))
        paragraphs.append(
            f"The evidence points to a call centre in {_place(top)} (confidence {_pct(top.confidence)})"
            + (f", from {_join([x for x in signals if x])}." if any(signals) else ".")
            + " Section 3 of the enclosed dossier sets out each location hypothesis with its evidence."
        )
    else:
        paragraphs.append(
            "We have not been able to establish where the call centre operates. The telephone numbers, payment accounts and "
            "remote-access records in Section 4 of the enclosed dossier can be traced through the providers concerned."
        )
    if r.role is Role.POLICE:
        request = (
            "We respectfully request that you examine this complaint and, if it discloses cognisable offences, register a First "
            "Information Report and investigate. "
        )
        if referral.legal:
            request += "Section 6 lists provisions that may apply; they are suggestions for your consideration, not legal advice."
        paragraphs.append(request)
    elif r.role is Role.PARTNER:
        paragraphs.append(
            "We share this intelligence so that you can review and, where your own policies allow, block or monitor the accounts, "
            "numbers and sites listed. It contains no personal data of victims: extracts are anonymised and contact details withheld."
        )
    else:
        paragraphs.append("This package is prepared for internal legal review before any referral to law enforcement.")
    enclosure = (
        f"The enclosed files hold the same evidence in machine-readable form (STIX 2.1 and MISP), the list of the {complaints} "
        "complaints with anonymised extracts (evidence.csv), and a chain-of-custody record with a certificate under section 63(4)(c) "
        "of the Bharatiya Sakshya Adhiniyam, 2023, ready for signature."
    )
    if r.personal_data is PersonalData.CONSENTED_CONTACTS and contacts_released:
        enclosure += (
            f" Contact details are included for the {contacts_released} victims who agreed to be contacted by police; "
            "the others can be reached through us."
        )
    elif r.personal_data is PersonalData.CONSENTED_CONTACTS:
        enclosure += " None of the victims has yet agreed to be contacted by police; all of them can be reached through us."
    elif r.personal_data is PersonalData.CONTACTS:
        enclosure += f" Contact details of {contacts_released} victims are included for internal use only."
    paragraphs.append(enclosure)
    poc = sender.investigator or "Our investigator"
    paragraphs.append(
        f"{poc} is our point of contact for this matter"
        + (f" ({', '.join(x for x in (sender.email, sender.phone) if x)})" if sender.email or sender.phone else "")
        + " and can provide witness statements, the original records and further analysis on request."
    )
    what = "technical-support fraud" if op.is_tss else "fraud"
    if r.role is Role.POLICE:
        subject = f"Complaint regarding an organised {what} call centre (operation {op.id}): request for registration of FIR and investigation"
    elif r.role is Role.PARTNER:
        subject = f"Fraud intelligence: {what} operation {op.id}"
    else:
        subject = f"Internal referral review: {what} operation {op.id}"
    return {
        "subject": subject,
        "salutation": f"Dear {r.salutation},",
        "paragraphs": paragraphs,
        "closing": "Yours faithfully," if r.role is Role.POLICE else "Yours sincerely,",
        "signature": [x for x in (sender.investigator, sender.title, sender.organisation) if x],
        "enclosures": ["Dossier (this document, pages 2 ff.)", "evidence.csv", "bundle.stix.json", "misp-event.json", "custody.json", "certificate-bsa-63.txt", "MANIFEST.sha256"],
    }


def _join(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _legal(referral: Referral) -> dict[str, Any]:
    legal = referral.legal
    if legal is None:
        return {
            "disclaimer": "Whether any offence is made out is for the competent authorities to decide.",
            "provisions": [],
            "none": f"No provisions are on file for the recipient's jurisdiction ({referral.recipient.jurisdiction}).",
        }
    return {
        "disclaimer": legal.disclaimer,
        "provisions": [
            {
                "heading": f"{p.short} s. {p.section}: {p.title} (suggested)",
                "summary": p.summary,
                "relevance": p.relevance,
                "source": p.source_title,
                "url": p.source_url,
            }
            for p in legal.provisions
        ],
        "none": "",
    }


def _method(referral: Referral) -> list[dict[str, str]]:
    r = referral.recipient
    masking = {
        PersonalData.NONE: "No contact details of victims are included.",
        PersonalData.CONSENTED_CONTACTS: "Contact details are included in evidence.csv only for victims who agreed to be contacted by police.",
        PersonalData.CONTACTS: "Contact details of all victims are included for internal use only.",
    }[r.personal_data]
    items = [
        "How complaints were linked. Each complaint is read for the callers' telephone numbers, web sites, email addresses, payment "
        "accounts, wallets and remote-access IDs, and for the role each plays (the caller's, the victim's own, or a genuine company's). "
        "Two complaints are linked when they share one of the callers' indicators within a time window; brand names and names given "
        "by callers never link complaints on their own. Numbers and domains are recycled, so every indicator is listed with the dates "
        "it was seen. Indicators marked † also appear in other operations and were not used to link this one.",
        "Victims' personal data. Names, email addresses, telephone numbers and account numbers of victims are replaced by labels such as "
        f"[VICTIM NAME] in every extract; the callers' indicators are kept. {masking}",
        "Figures. Losses are as reported by victims, summed by currency and not converted; they have not been confirmed with the "
        "payment providers. Location hypotheses are scored inferences from the evidence listed with them, not findings.",
        f"Integrity. MANIFEST.sha256 lists the SHA-256 value of every file in this package; custody.json records who generated it, "
        f"when, and from which state of our complaint store (store membership hash {referral.store_state.membership_sha256[:16]}…).",
    ]
    return [{"lead": text.split(". ", 1)[0] + ".", "text": text.split(". ", 1)[1]} for text in items]


def document(referral: Referral, prepared: Sequence[PreparedComplaint], exhibits: Sequence[Exhibit]) -> dict[str, Any]:
    """Everything the template shows, as JSON-ready values."""
    op = referral.operation
    r = referral.recipient
    sender = referral.sender
    contacts = sum(1 for p in prepared if p.contact_released)
    countries, countries_caption = _countries(op.summary)
    return {
        "meta": {
            "title": f"Referral {referral.id}: operation {op.id}",
            "referral_id": referral.id,
            "operation_id": op.id,
            "date_long": labels.long_date(referral.created_at.date()),
            "classification": f"CONFIDENTIAL · TLP:{r.tlp.upper()}",
        },
        "sender": {"organisation": sender.organisation, "unit": sender.unit, "address": list(sender.address), "email": sender.email, "phone": sender.phone},
        "recipient": {"address": list(r.address) or [r.name]},
        "letter": _letter(referral, contacts, len(prepared)),
        "facts": _facts(referral),
        "weeks": _weeks(op.summary, op.first_seen, op.last_seen),
        "countries": countries,
        "countries_caption": countries_caption,
        "locations": _locations(referral),
        "unplaced": _evidence_rows(op.unplaced_evidence),
        "location_unknown": (
            "The evidence examined, listed below, points to no place. " if op.unplaced_evidence else "No location hypothesis has been recorded for this operation. "
        )
        + "The indicators in Section 4 can be traced through the telephone, payment and hosting providers concerned.",
        "utc_offset": ("Call times reported by victims suggest the " + _utc_offset(op.utc_offset) + ".") if _utc_offset(op.utc_offset) else "",
        "location_note": "Confidence is the weight of the evidence listed, from 0% to 100%; it is an inference for investigators to test, not a finding.",
        "indicator_intro": f"The callers' indicators found in the {op.reports} complaints, with the first and last day each was seen and the number of complaints naming it. The full lists are in bundle.stix.json and misp-event.json.",
        "indicator_tables": _indicator_tables(referral),
        "complaints_intro": "Extracts of a few complaints, in the victims' own words. Victims' names, email addresses, telephone numbers and account numbers are replaced by labels; the callers' numbers, sites and accounts are kept.",
        "complaints": [_complaint_block(p) for p in representative(prepared)],
        "legal": _legal(referral),
        "contact": [
            ["Investigator", ", ".join(x for x in (sender.investigator, sender.title) if x) or "—"],
            ["Organisation", ", ".join(x for x in (sender.organisation, sender.unit) if x)],
            ["Email", sender.email or "—"],
            ["Telephone", sender.phone or "—"],
            ["Person in charge of the records", sender.person_in_charge or "—"],
            ["Recipient's contact", ", ".join(x for x in (r.contact.name, r.contact.email, r.contact.phone) if x) or "—"],
        ],
        "exhibits": [{"no": e.no, "file": e.file, "description": e.description, "sha256": e.sha256} for e in exhibits],
        "method": _method(referral),
    }


def render(doc: dict[str, Any], referral: Referral) -> bytes:
    import typst

    template = resources.files("scamtrace.refer").joinpath("templates").joinpath("referral.typ").read_bytes()
    try:
        pdf = typst.compile(
            template,
            sys_inputs={"data": json.dumps(doc, ensure_ascii=False)},
            ignore_system_fonts=True,  # embedded fonts only: the same PDF on every machine
            timestamp=referral.created_at,
        )
    except typst.TypstError as exc:
        raise ScamtraceError(f"typesetting the referral failed: {exc.message} {exc.diagnostic}".strip()) from exc
    if not isinstance(pdf, bytes):
        raise ScamtraceError("typesetting the referral produced no PDF")
    return pdf
