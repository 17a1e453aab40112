"""Rule-based scam classification with a calibrated tech-support score.

Each scam type collects weighted cues from the extraction (lures, script
phrases, remote-access tools, impersonated brands) and from the structured
report. Remote access alone is not tech support: bank "KYC" and "safe
account" scams use AnyDesk too, so tools weigh fully only next to a technical
pretext (a technology brand, a pop-up, a sick computer). The margin between
tech-support evidence and the best other type goes through a logistic curve
whose two constants were fitted (Platt scaling) on the development corpus.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from scamtrace.domain.indicator import Indicator, Kind
from scamtrace.domain.report import Report
from scamtrace.domain.result import Classification

TECH_BRANDS = frozenset(
    {
        "microsoft",
        "apple",
        "norton",
        "mcafee",
        "geek_squad",
        "dell",
        "hp",
        "canon",
        "epson",
        "lenovo",
        "google",
    }
)
RETAIL_BRANDS = frozenset({"amazon", "paypal", "flipkart", "ebay"})
TELECOM_BRANDS = frozenset(
    {
        "bt",
        "telstra",
        "nbn",
        "spectrum",
        "comcast",
        "verizon",
        "virgin_media",
        "talktalk",
        "optus",
        "rogers",
        "airtel",
        "jio",
    }
)
GOV_BRANDS = frozenset(
    {
        "irs",
        "ssa",
        "fbi",
        "ftc",
        "hmrc",
        "ato",
        "cra",
        "rbi",
        "cbi",
        "trai",
        "us_marshals",
        "acsc",
        "police",
    }
)
DELIVERY_BRANDS = frozenset(
    {"usps", "fedex", "dhl", "royal_mail", "canada_post", "australia_post", "india_post"}
)
BANK_BRANDS = frozenset(
    {
        "bank_of_america", "chase", "wells_fargo", "citi", "capital_one", "us_bank", "td_bank", "hsbc", "barclays",
        "natwest", "lloyds", "santander", "halifax", "nationwide", "commbank", "westpac", "anz", "nab", "rbc",
        "scotiabank", "bmo", "cibc", "sbi", "hdfc_bank", "icici_bank", "axis_bank", "kotak",
    }
)  # fmt: skip

_DEVICE_RE = re.compile(
    r"\b(?:computer|laptop|pc|desktop|printer|router|macbook|imac|mac|ipad|windows|browser|broadband|internet|wi-?fi"
    r"|tech(?:nical)? support|technician|antivirus|anti-virus|firewall|icloud|driver|modem)\b",
    re.IGNORECASE,
)
_SCRIPT_WEIGHTS: Mapping[str, float] = {
    "event_viewer": 1.5, "netstat": 1.5, "tree_command": 1.5, "command_prompt": 1.0, "virus_detected": 1.0,
    "hackers": 0.7, "firewall_expired": 1.0, "license_expired": 1.0, "ip_compromised": 1.0, "pornographic": 0.8,
    "computer_blocked": 1.5, "do_not_shut_down": 1.5, "syskey_lock": 1.5, "black_screen": 0.8,
    "sending_errors": 1.5, "lifetime_plan": 0.6, "overpaid_refund": 0.8, "banking_at_risk": 0.3,
    "foreign_hackers": 0.3, "computer_problem": 1.0, "account_locked": 0.8, "tss_named": 2.5, "tech_words": 1.0,
}  # fmt: skip
_TECH_PRETEXT_SCRIPT = frozenset(
    {"event_viewer", "netstat", "tree_command", "virus_detected", "firewall_expired", "license_expired",
     "computer_blocked", "do_not_shut_down", "syskey_lock", "sending_errors", "pornographic", "ip_compromised",
     "computer_problem", "tss_named", "tech_words"}
)  # fmt: skip

# Platt constants fitted on tests/corpus/narratives_dev.jsonl (150 reports) with
# `bench/extract_quality.py --fit --corpus tests/corpus/narratives_dev.jsonl`; refit when cues change.
PLATT_A = 1.194
PLATT_B = -0.032
TSS_THRESHOLD = 2.0
TYPE_THRESHOLD = 1.5
REFUND_THRESHOLD = 1.0
_TECH_NAME_RE = re.compile(
    r"micro?s[o0]ft|windows|window-|defender|apple|icloud|i-cloud|norton|mcafee|geek-?squad|macos|outlook"
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Cue scores per scam type, and the cues that fired."""

    scores: dict[str, float]
    reasons: tuple[str, ...]


def _brands(indicators: Iterable[Indicator]) -> set[str]:
    return {i.value for i in indicators if i.kind is Kind.BRAND}


_INFRASTRUCTURE = (Kind.DOMAIN, Kind.URL, Kind.EMAIL)


def _tech_named_infrastructure(indicators: Iterable[Indicator]) -> bool:
    """A scammer's domain or address named after a technology brand ("micros0ft-support.com")."""
    for i in indicators:
        if (
            i.kind in _INFRASTRUCTURE
            and i.role.value == "scammer"
            and _TECH_NAME_RE.search(i.value)
        ):
            return True
    return False


def gather(report: Report, indicators: Iterable[Indicator], facts: Mapping[str, Any]) -> Evidence:
    scores, reasons = _score(report, list(indicators), facts)
    return Evidence(scores, tuple(reasons))


def _score(
    report: Report, indicators: list[Indicator], facts: Mapping[str, Any]
) -> tuple[dict[str, float], list[str]]:
    """Cue scores per scam type and the cues that fired, in the order they fire.

    Each type's score is a running sum kept in a local (the same additions in the same
    order as a dict of scores would make, so the same floats), which is cheaper than
    a closure and a dict update per cue.
    """
    lures = set(facts.get("lures") or ())
    script = set(facts.get("script") or ())
    tools = set(facts.get("tools") or ())
    brands = {i.value for i in indicators if i.kind is Kind.BRAND}
    if "script" in facts:
        device = "device" in script
    else:  # facts from elsewhere, without the vocabulary pass
        device = _DEVICE_RE.search(report.narrative[:20_000]) is not None
    if report.contact.channel == "popup":
        lures.add("popup")
    tss = refund = government = delivery = romance = investment = lottery = other = 0.0
    reasons: list[str] = []
    add = reasons.append

    tech_brands = sorted(brands & TECH_BRANDS) if brands else []
    telecom = sorted(brands & TELECOM_BRANDS) if brands else []
    retail = sorted(brands & RETAIL_BRANDS) if brands else []
    remote = bool(tools) or "remote_access" in lures
    tech_pretext = (
        bool(tech_brands) or "popup" in lures or bool(script & _TECH_PRETEXT_SCRIPT) or device
    )
    tech_pretext = (
        tech_pretext
        or bool((telecom or retail) and remote)
        or ("search_ad" in lures and bool(tools))
    )
    # The refund variant: remote access to the victim's bank screen and an "overpaid refund".
    tech_pretext = tech_pretext or ("overpaid_refund" in script and remote)
    if tech_brands:
        tss += 2.0
        add(f"brand:{tech_brands[0]}")
    if telecom and (device or remote):
        tss += 1.5
        add(f"brand:{telecom[0]}+device")
    if retail:
        tss += 1.0
        add(f"brand:{retail[0]}")
    if not tech_brands and _tech_named_infrastructure(indicators):
        tss += 1.5
        add("infrastructure_named_for_tech_brand")
    if "popup" in lures:
        tss += 2.5
        add("lure:popup")
    if "search_ad" in lures and device:
        tss += 1.0
        add("lure:search_ad")
    if tools:
        tss += 2.0 if tech_pretext else 1.0
        add("tool:" + ",".join(sorted(tools)))
    elif "remote_access" in lures:
        tss += 1.0 if tech_pretext else 0.5
        add("lure:remote_access")
    for cue in sorted(script):
        weight = _SCRIPT_WEIGHTS.get(cue, 0.0)
        if weight:
            tss += weight
            add(f"script:{cue}")
    if device and tss > 0:
        tss += 0.5
        add("device")
    if "overpaid_refund" in script:
        # The refund variant proper: money "sent by mistake" to be sent back.
        refund += 1.5
        add("script:overpaid_refund")
    if "renewal_invoice" in lures:
        tss += 1.0 if (tech_pretext or remote) else 0.8
        add("lure:renewal_invoice")
    if "not_a_scam" in lures:
        other += 4.0
        add("not_a_scam")
        tss -= 4.0
    if brands:
        gov = sorted(brands & GOV_BRANDS)
        if gov:
            government += 3.0
            add(f"brand:{gov[0]}")
    if "government" in lures:
        government += 1.5
        add("lure:government")
    if brands:
        couriers = sorted(brands & DELIVERY_BRANDS)
        if couriers:
            delivery += 2.5
            add(f"brand:{couriers[0]}")
    if "delivery" in lures:
        delivery += 1.5
        add("lure:delivery")
    if "romance" in lures:
        romance += 2.5
        add("lure:romance")
    if "investment" in lures:
        investment += 2.8
        add("lure:investment")
    if "prize" in lures:
        lottery += 3.0
        add("lure:prize")
    if "bank_impersonation" in lures:
        other += 2.5
        add("lure:bank_impersonation")
    if brands:
        banks = sorted(brands & BANK_BRANDS)
        if banks:
            other += 1.5
            add(f"brand:{banks[0]}")
    if "sextortion" in lures:
        other += 3.0
        add("lure:sextortion")
    scores = {
        "tss": tss,
        "refund": refund,
        "government_impersonation": government,
        "delivery": delivery,
        "romance": romance,
        "investment": investment,
        "lottery": lottery,
        "other": other,
    }
    return scores, reasons


_OTHER_TYPES = ("government_impersonation", "delivery", "romance", "investment", "lottery", "other")


def tss_margin(scores: Mapping[str, float]) -> float:
    """Tech-support evidence over the best other type's, the input of the calibration curve."""
    tss = scores["tss"]
    best_other = max(v for k, v in scores.items() if k not in ("tss", "refund"))
    return tss + 0.5 * scores["refund"] * (tss > 0) - best_other


def classify(
    report: Report, indicators: Iterable[Indicator], facts: Mapping[str, Any]
) -> Classification:
    """Scam type, tech-support flag and calibrated score of one report."""
    scores, reasons = _score(report, list(indicators), facts)
    tss = scores["tss"]
    # The best other type: the first of the highest, in the order of the scores.
    best_other = _OTHER_TYPES[0]
    best_other_score = scores[best_other]
    for kind in _OTHER_TYPES[1:]:
        if scores[kind] > best_other_score:
            best_other, best_other_score = kind, scores[kind]
    margin = tss + 0.5 * scores["refund"] * (tss > 0) - best_other_score  # tss_margin(scores)
    probability = 1.0 / (1.0 + math.exp(-(PLATT_A * margin + PLATT_B)))
    is_tss = tss >= TSS_THRESHOLD and tss >= best_other_score
    if is_tss:
        scam_type = "refund" if scores["refund"] >= REFUND_THRESHOLD else "tech_support"
    elif best_other_score >= TYPE_THRESHOLD:
        scam_type = best_other
    else:
        scam_type = "other"
    probability = min(max(probability, 0.001), 0.999)
    if is_tss != (probability >= 0.5):
        # Keep the score on the same side of 0.5 as the decision.
        probability = 0.5 + (0.01 if is_tss else -0.01)
    return Classification(is_tss, scam_type, round(probability, 4), tuple(reasons))
