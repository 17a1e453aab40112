"""One report in, its indicators with roles, its facts and its classification out.

Order matters: URLs, e-mails, IPs, wallets, bank accounts and remote-access
IDs are found first and masked, so that the phone pass never reads an IP, an
account or an AnyDesk ID as a phone number.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from scamtrace.classify import classify
from scamtrace.domain.indicator import Kind, Role
from scamtrace.domain.report import Report
from scamtrace.domain.result import Extraction
from scamtrace.extract import roles
from scamtrace.extract.aliases import ALIAS_ANCHORS, ALIAS_BACK_ANCHORS, AliasFinder
from scamtrace.extract.banks import BankFinder, structured_accounts
from scamtrace.extract.brands import BrandFinder
from scamtrace.extract.email_ip import Dotless, find_emails, find_ips
from scamtrace.extract.hits import CUED, DEFAULT, Hit
from scamtrace.extract.lures import LURES, SCRIPT
from scamtrace.extract.payments import (
    MERCHANT_ANCHORS,
    PAYMENT_WORDS,
    canonical_merchant,
    losses,
    merchant_hits,
    narrative_payments,
    structured_payments,
    upi_hits,
    wallet_hits,
)
from scamtrace.extract.phones import PhoneFinder
from scamtrace.extract.refang import Refanged, prepare
from scamtrace.extract.refdata import RefData
from scamtrace.extract.remote import RemoteFinder
from scamtrace.extract.scan import Scan, Vocabulary
from scamtrace.extract.wallets import canonical_wallet
from scamtrace.extract.web import WebFinder

_new = tuple.__new__

# Longer narratives are cut: nothing a victim writes needs more, and it bounds
# the time any one report can take.
MAX_NARRATIVE = 100_000
_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|sir|officer|agent|technician|tech|supervisor|sergeant|sgt|general|gen|captain|capt|inspector"
    r"|detective|colonel|col|major|maj|lieutenant|lt|prof)\.?\s+)+",
    re.IGNORECASE,
)
_PHONE_PAYEES = frozenset({"zelle", "paypal", "other", "upi"})
_SPOOFED = re.compile(r"(?i)\bspoof(?:ed|ing)?\b")
_CHANNEL_LURES = {"popup": "popup", "search_ad": "search_ad", "email": "email", "sms": "sms"}


def _spoofed(text: str, span: tuple[int, int]) -> bool:
    """Does the sentence holding this number say the caller ID was spoofed?"""
    start = roles.clause_start(text, span[0], 80)
    end = text.find(". ", span[1], span[1] + 60)
    return _SPOOFED.search(text, start, end if end >= 0 else span[1] + 60) is not None


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if end <= pos:
            continue
        start = max(start, pos)
        parts.append(text[pos:start])
        parts.append("_" * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


# When a report does not say where the victim lives, its source and wording
# usually do; the region decides how "098300 12345" or "7738280618" parse.
REGION_WORDS: dict[str, tuple[str, ...]] = {
    "IN": (
        "rupees", "inr", "upi", "lakh", "lakhs", "crore", "aadhaar", "ifsc", "respected sir", "respected madam",
        "kolkata", "delhi", "mumbai", "noida", "gurugram", "gurgaon", "bangalore", "bengaluru", "hyderabad", "chennai",
        "pune", "jaipur", "lucknow", "rajasthan", "uttar pradesh", "maharashtra", "gujarat", "kerala", "punjab", "bihar",
        "west bengal", "tamil nadu", "karnataka", "trai", "cbi", "digital arrest", "cyber cell", "pan card", "rs",
    ),
    "GB": ("gbp", "pounds", "quid", "hmrc", "nhs", "action fraud", "royal mail", "sort code"),
    "AU": ("aud", "centrelink", "telstra", "nbn", "scamwatch", "optus", "australia post", "bsb", "payid"),
    "CA": ("cad", "cra", "rcmp", "interac", "canada post", "ontario", "quebec", "alberta"),
}  # fmt: skip
_REGION_ORDER = ("IN", "GB", "AU", "CA")
_REGION_SYMBOLS = (("IN", "₹"), ("GB", "£"), ("AU", "A$"), ("CA", "C$"))
_SOURCE_REGION = (
    (
        "IN",
        (
            "cybercrime.gov.in",
            "ncrp",
            "partner:sbi",
            "partner:hdfc",
            "partner:icici",
            "partner:axis",
        ),
    ),
    (
        "GB",
        (
            "actionfraud",
            "partner:barclays",
            "partner:hsbcuk",
            "partner:lloyds",
            "partner:natwest",
            "partner:santander",
        ),
    ),
    ("AU", ("partner:commbank", "partner:westpac", "partner:anz", "partner:nab", "scamwatch")),
    (
        "CA",
        (
            "partner:rbc",
            "partner:td",
            "partner:scotiabank",
            "partner:bmo",
            "partner:cibc",
            "partner:cafc",
        ),
    ),
)


@lru_cache(maxsize=1024)
def _source_region(source: str) -> str | None:
    """The region a report's source implies, if any (sources are few: remembered)."""
    source = source.lower()
    for region, markers in _SOURCE_REGION:
        if any(m in source for m in markers):
            return region
    return None


def _region(report: Report, scan: Scan) -> str:
    country = (report.victim.country or "").strip().upper()
    if len(country) == 2 and country.isalpha():
        return country
    by_source = _source_region(report.source)
    if by_source is not None:
        return by_source
    for region, symbol in _REGION_SYMBOLS:
        if symbol in scan.text:
            return region
    hinted = scan.labels("region")
    for region in _REGION_ORDER:
        if region in hinted:
            return region
    return "US"


class Extractor:
    """Extracts and classifies reports; reference data is loaded once, here."""

    def __init__(self, refdata: RefData | None = None) -> None:
        self.ref = refdata or RefData.load()
        self.web = WebFinder(self.ref)
        self.phones = PhoneFinder(self.ref)
        self.banks = BankFinder(self.ref)
        self.remote = RemoteFinder(self.ref)
        self.brands = BrandFinder()
        self.aliases = AliasFinder()
        self._site_cache: dict[
            tuple[str, str], tuple[tuple[Kind, str, frozenset[str], Role | None, int], ...]
        ] = {}
        self.vocabulary = Vocabulary(
            {
                "lure": LURES,
                "script": SCRIPT,
                "tool": self.remote.table(),
                "brand": self.brands.table(),
                "alias_anchor": {"x": ALIAS_ANCHORS, "back": ALIAS_BACK_ANCHORS},
                "merchant_anchor": {"x": MERCHANT_ANCHORS},
                "cue": roles.ROLE_CUES,
                "region": REGION_WORDS,
                "pay": PAYMENT_WORDS,
            },
            label_only=("lure", "script", "region"),
        )

    def extract(self, report: Report) -> Extraction:
        text = prepare(report.narrative[:MAX_NARRATIVE]) if report.narrative else ""
        scan = self.vocabulary.scan(text)
        region = _region(report, scan)
        hits: list[Hit] = self._structured(report, region)
        facts: dict[str, Any] = {}
        tools: set[str] = set()
        if report.remote_access.tool:
            tool = self.remote.canonical_tool(report.remote_access.tool)
            tools.add(tool or re.sub(r"[^a-z0-9]", "", report.remote_access.tool.lower()))
        narrative_hits, mentions_tools, brand_spans = self._narrative(text, scan, region)
        hits.extend(narrative_hits)
        tools.update(mentions_tools)
        hits.extend(
            self.brands.narrative_hits(text, scan, *brand_spans, report.caller.claimed_company)
            if text
            else self.brands.hits([], report.caller.claimed_company)
        )
        self._apply_lists(hits, text)
        cues = [_new(roles.Cue, (f.label, f.start, f.end)) for f in scan.of("cue")]
        indicators = roles.resolve(hits, text, cues)
        facts["tools"] = sorted(tools)
        facts["lures"] = sorted(self._lures(report, scan, bool(tools)))
        facts["script"] = sorted(scan.labels("script"))
        if report.payments and any(p.amount is not None for p in report.payments):
            payments = structured_payments(report.payments, region)
        else:
            payments = narrative_payments(text, region, scan) if text else []
        facts["payments"] = payments
        facts["losses"] = losses(payments) if payments else {}
        classification = classify(report, indicators, facts)
        return Extraction(tuple(indicators), classification, facts)

    # -- narrative -------------------------------------------------------------

    def _narrative(
        self, text: str, scan: Scan, region: str
    ) -> tuple[list[Hit], set[str], tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
        """Hits, tool names, and the spans brand mentions are judged against (skipped, legitimate)."""
        if not text:
            return [], set(), ([], [])
        refanged = Refanged(text)
        rtext = refanged.text
        changed = refanged.changed  # else every offset maps to itself
        if "@" in rtext:
            email_hits, dotless_raw, email_spans = find_emails(rtext, self.web)
        else:
            email_hits, dotless_raw, email_spans = [], [], []
        web_hits, web_spans = self.web.find(rtext, exclude=email_spans)
        ip_hits, ip_spans = find_ips(rtext)
        covered = web_spans + email_spans
        if ip_hits and web_spans:
            ip_hits = [
                h
                for h in ip_hits
                if h.span is None or not any(s <= h.span[0] < e for s, e in web_spans)
            ]
        hits: list[Hit] = [*email_hits, *web_hits, *ip_hits]
        if changed:
            for hit in hits:
                if hit.span is not None:
                    hit.span = refanged.to_original(*hit.span)
            dotless = [
                Dotless(d.local, d.handle, refanged.to_original(*d.span)) for d in dotless_raw
            ]
            mask_spans = [refanged.to_original(s, e) for s, e in (*covered, *ip_spans)]
        else:
            dotless = dotless_raw
            mask_spans = [*covered, *ip_spans]
        if dotless:
            mask_spans.extend(d.span for d in dotless)
        words = scan.tokens.words
        if "0x" in text or "0X" in text or (words and max(map(len, words)) >= 25):
            # A wallet is one long run of letters and digits, or starts with "0x".
            wallet = wallet_hits(_mask(text, mask_spans))
            hits.extend(wallet)
            mask_spans.extend(h.span for h in wallet if h.span)
        if self.banks.may_find(text):
            bank_hits, bank_spans = self.banks.find(_mask(text, mask_spans))
            hits.extend(bank_hits)
            mask_spans.extend(bank_spans)
        if dotless:
            hits.extend(upi_hits(dotless, text, self.ref))
            hits.extend(self.remote.alias_hits(dotless))
        mentions = self.remote.mentions(scan)
        if mentions and self.remote.may_find_ids(mentions):
            id_hits = self.remote.find_ids(_mask(text, mask_spans), mentions, region)
            hits.extend(id_hits)
            mask_spans.extend(h.span for h in id_hits if h.span)
        if "*" in text or scan.of("merchant_anchor"):  # else merchant_hits finds nothing
            merchants = merchant_hits(text, scan)
            if merchants:
                hits.extend(merchants)
                hits.extend(self._descriptor_phones(text, merchants, region))
        hits.extend(self.phones.find(_mask(text, mask_spans), region))
        skip_spans = [refanged.to_original(s, e) for s, e in covered] if changed else covered
        legit_spans = [
            h.span
            for h in (*email_hits, *web_hits)
            if h.span is not None and self._is_legit_address(h)
        ]
        hits.extend(self.aliases.hits(text, scan))
        return hits, {m.tool for m in mentions}, (skip_spans, legit_spans)

    def _descriptor_phones(self, text: str, merchants: list[Hit], region: str) -> list[Hit]:
        """The phone printed after a descriptor ("PAYPAL *SHOP 4029357733"): words before it say "card", not "call"."""
        out: list[Hit] = []
        for hit in merchants:
            if hit.span is None:
                continue
            start, end = hit.span
            tail = re.search(
                r"(\+?\d[\d\-. ]{6,16}\d)\s*['\")]?$", text[start : end + 16].split("\n")[0]
            )
            if tail is None:
                continue
            raw = tail.group(1)
            for phone in self.phones.find(raw, region, field="descriptor"):
                phone.field = "narrative"
                offset = start + tail.start(1)
                phone.span = (offset, offset + len(raw))
                out.append(phone)
        return out

    def _is_legit_address(self, hit: Hit) -> bool:
        if hit.role is Role.LEGIT:
            return True
        if hit.kind is not Kind.EMAIL:
            return False
        domain = hit.value.rsplit("@", 1)[1]
        registrable = self.ref.registrable(domain) or domain
        return registrable in self.ref.strictly_legit and registrable not in self.ref.freemail

    def _apply_lists(self, hits: list[Hit], text: str) -> None:
        """Curated legitimate numbers and organisations' own mail domains override context."""
        ref = self.ref
        # "spoof" needs p, o, o, f in a row, which IGNORECASE matches only as themselves in either case.
        may_spoof: bool | None = None
        for hit in hits:
            if hit.role is Role.VICTIM and hit.field.startswith("victim."):
                continue
            if hit.kind is Kind.PHONE:
                if hit.value in ref.legit_phones:
                    hit.fix(Role.LEGIT)
                elif hit.span is not None:
                    if may_spoof is None:
                        may_spoof = "poof" in text.lower()
                    if may_spoof and _spoofed(text, hit.span):
                        # A borrowed caller ID belongs to nobody in the report.
                        hit.fix(Role.UNKNOWN, CUED)
            elif hit.kind is Kind.EMAIL and self._is_legit_address(hit):
                hit.fix(Role.LEGIT)

    # -- structured fields -----------------------------------------------------

    def _structured(self, report: Report, region: str) -> list[Hit]:
        hits: list[Hit] = []
        ref = self.ref
        if report.caller.phone:
            for hit in self.phones.find_field(prepare(report.caller.phone), region, "caller.phone"):
                if hit.value in ref.legit_phones:
                    hit.fix(Role.LEGIT)
                elif report.source == "honeypot":
                    hit.fix(Role.UNKNOWN, CUED)  # robocall caller IDs are spoofed
                else:
                    hit.fix(Role.SCAMMER, CUED)
                hits.append(hit)
        if report.caller.name:
            name = _TITLES.sub("", " ".join(report.caller.name.split()))
            if name and any(c.isalpha() for c in name):
                value = " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
                hits.append(Hit(Kind.ALIAS, value, "caller.name").fix(Role.SCAMMER))
        if report.victim.phone:
            for hit in self.phones.find(prepare(report.victim.phone), region, field="victim.phone"):
                hits.append(hit.fix(Role.VICTIM))
        if report.victim.email:
            email_hits, _, _ = find_emails(
                prepare(report.victim.email.strip()), self.web, field="victim.email"
            )
            hits.extend(h.fix(Role.VICTIM) for h in email_hits)
        for i, site in enumerate(report.websites):
            hits.extend(self._website(site, f"websites.{i}"))
        if report.remote_access.id:
            hits.extend(self._remote_id(report.remote_access.tool, report.remote_access.id))
        for i, payment in enumerate(report.payments):
            field = f"payments.{i}"
            hits.extend(
                self._payee_address(payment.account, payment.method, f"{field}.account", region)
            )
            for hit in structured_accounts(
                self.banks,
                account=payment.account,
                ifsc=payment.ifsc,
                routing=payment.routing,
                iban=payment.iban,
                field=field,
            ):
                hits.append(hit.fix(Role.SCAMMER, CUED))
            if payment.upi and "@" in payment.upi:
                hits.append(
                    Hit(Kind.UPI, payment.upi.strip().lower(), f"{field}.upi").fix(
                        Role.SCAMMER, CUED
                    )
                )
            if payment.wallet:
                wallet = canonical_wallet(payment.wallet.strip())
                if wallet:
                    hits.append(
                        Hit(Kind.CRYPTO_WALLET, wallet, f"{field}.wallet").fix(Role.SCAMMER, CUED)
                    )
            if payment.merchant:
                merchant = canonical_merchant(payment.merchant)
                if merchant:
                    hits.append(
                        Hit(Kind.MERCHANT, merchant, f"{field}.merchant").fix(Role.SCAMMER, CUED)
                    )
        return hits

    def _payee_address(
        self, account: str | None, method: str | None, field: str, region: str
    ) -> list[Hit]:
        """Zelle, PayPal and Interac payees are named by an e-mail or a phone number, not a bank account."""
        if not account:
            return []
        if not any(c.isalpha() or c in "@+" for c in account) and method not in _PHONE_PAYEES:
            return []  # digits for a bank transfer: an account number, read with its bank below
        text = prepare(account.strip())
        if "@" in text:
            emails, dotless, _ = find_emails(text, self.web, field=field)
            out = [h.fix(Role.SCAMMER, CUED) for h in emails]
            out.extend(h.fix(Role.SCAMMER, CUED) for h in upi_hits(dotless, "upi", self.ref, field))
            return out
        return [h.fix(Role.SCAMMER, CUED) for h in self.phones.find_field(text, region, field)]

    def _website(self, site: str, field: str) -> list[Hit]:
        """Hits of a reported web address; each distinct (address, field) is read once."""
        key = (site, field)
        found = self._site_cache.get(key)
        if found is None:
            found = tuple(
                (h.kind, h.value, frozenset(h.flags), h.role, h.strength)
                for h in self._read_website(site, field)
            )
            if len(self._site_cache) > 20_000:  # bounded: memory stays flat
                self._site_cache.clear()
            self._site_cache[key] = found
        return [
            Hit(kind, value, field, None, set(flags), role, strength)
            for kind, value, flags, role, strength in found
        ]

    def _read_website(self, site: str, field: str) -> list[Hit]:
        text = Refanged(prepare(site.strip())).text
        if "://" not in text and re.match(r"(?i)^[a-z][a-z0-9+.-]*:", text) is None and "/" in text:
            hits, _ = self.web.find(text, field=field)
        elif "://" in text:
            hits = self.web.url_hits(text.split()[0], field, None)
        else:
            hits, _ = self.web.find(text, field=field)
        for hit in hits:
            hit.span = None
            if hit.role is None:
                hit.fix(Role.SCAMMER, CUED)
        return hits

    def _remote_id(self, tool_name: str | None, raw_id: str) -> list[Hit]:
        tool = self.remote.canonical_tool(tool_name) if tool_name else None
        raw_id = raw_id.strip()
        compact = (
            re.sub(r"[\s\-]", "", raw_id)
            if re.fullmatch(r"[\d\s\-]+", raw_id)
            else re.sub(r"\s", "", raw_id)
        )
        if not compact:
            return []
        if tool is None:
            tool = re.sub(r"[^a-z0-9]", "", (tool_name or "unknown").lower()) or "unknown"
        if "." in compact and not compact.replace(".", "").isdigit():
            hits, _ = self.web.find(compact, field="remote_access.id")
            for hit in hits:
                hit.span = None
                if hit.role is None:
                    hit.fix(Role.SCAMMER, CUED)
            return hits
        value = f"{tool}:{compact}"  # the tool in lower case; the ID as the victim wrote it
        return [Hit(Kind.REMOTE_ID, value, "remote_access.id").fix(Role.VICTIM, DEFAULT)]

    def _lures(self, report: Report, scan: Scan, has_tools: bool) -> set[str]:
        lures = scan.labels("lure")
        channel = report.contact.channel
        if channel in _CHANNEL_LURES:
            lures.add(_CHANNEL_LURES[channel])
        if channel == "phone_call" and report.contact.direction == "outbound":
            lures.add("cold_call")
        if has_tools:
            lures.add("remote_access")
        return lures
