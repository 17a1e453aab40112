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


def _tech_named_infrastructure(indicators: Iterable[Indicator]) -> bool:
    """A scammer's domain or address named after a technology brand ("micros0ft-support.com")."""
    return any(
        i.kind in (Kind.DOMAIN, Kind.URL, Kind.EMAIL)
        and i.role.value == "scammer"
        and _TECH_NAME_RE.search(i.value)
        for i in indicators
    )


def gather(report: Report, indicators: Iterable[Indicator], facts: Mapping[str, Any]) -> Evidence:
    lures = set(facts.get("lures") or ())
    script = set(facts.get("script") or ())
    tools = set(facts.get("tools") or ())
    brands = _brands(indicators)
    if "script" in facts:
        device = "device" in script
    else:  # facts from elsewhere, without the vocabulary pass
        device = _DEVICE_RE.search(report.narrative[:20_000]) is not None
    if report.contact.channel == "popup":
        lures.add("popup")
    scores = {
        t: 0.0
        for t in (
            "tss",
            "refund",
            "government_impersonation",
            "delivery",
            "romance",
            "investment",
            "lottery",
            "other",
        )
    }
    reasons: list[str] = []

    def add(kind: str, weight: float, reason: str) -> None:
        scores[kind] += weight
        reasons.append(reason)

    tech_brands = sorted(brands & TECH_BRANDS)
    telecom = sorted(brands & TELECOM_BRANDS)
    retail = sorted(brands & RETAIL_BRANDS)
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
    for brand in tech_brands:
        add("tss", 2.0, f"brand:{brand}")
        break
    if telecom and (device or remote):
        add("tss", 1.5, f"brand:{telecom[0]}+device")
    for brand in retail:
        add("tss", 1.0, f"brand:{brand}")
        break
    if not tech_brands and _tech_named_infrastructure(indicators):
        add("tss", 1.5, "infrastructure_named_for_tech_brand")
    if "popup" in lures:
        add("tss", 2.5, "lure:popup")
    if "search_ad" in lures and device:
        add("tss", 1.0, "lure:search_ad")
    if tools:
        add("tss", 2.0 if tech_pretext else 1.0, "tool:" + ",".join(sorted(tools)))
    elif "remote_access" in lures:
        add("tss", 1.0 if tech_pretext else 0.5, "lure:remote_access")
    for cue in sorted(script):
        weight = _SCRIPT_WEIGHTS.get(cue, 0.0)
        if weight:
            add("tss", weight, f"script:{cue}")
    if device and scores["tss"] > 0:
        add("tss", 0.5, "device")
    if "overpaid_refund" in script:
        # The refund variant proper: money "sent by mistake" to be sent back.
        add("refund", 1.5, "script:overpaid_refund")
    if "renewal_invoice" in lures:
        add("tss", 1.0 if (tech_pretext or remote) else 0.8, "lure:renewal_invoice")
    if "not_a_scam" in lures:
        add("other", 4.0, "not_a_scam")
        scores["tss"] -= 4.0
    for brand in sorted(brands & GOV_BRANDS):
        add("government_impersonation", 3.0, f"brand:{brand}")
        break
    if "government" in lures:
        add("government_impersonation", 1.5, "lure:government")
    for brand in sorted(brands & DELIVERY_BRANDS):
        add("delivery", 2.5, f"brand:{brand}")
        break
    if "delivery" in lures:
        add("delivery", 1.5, "lure:delivery")
    if "romance" in lures:
        add("romance", 2.5, "lure:romance")
    if "investment" in lures:
        add("investment", 2.8, "lure:investment")
    if "prize" in lures:
        add("lottery", 3.0, "lure:prize")
    if "bank_impersonation" in lures:
        add("other", 2.5, "lure:bank_impersonation")
    for brand in sorted(brands & BANK_BRANDS):
        add("other", 1.5, f"brand:{brand}")
        break
    if "sextortion" in lures:
        add("other", 3.0, "lure:sextortion")
    return Evidence(scores, tuple(reasons))


def tss_margin(scores: Mapping[str, float]) -> float:
    """Tech-support evidence over the best other type's, the input of the calibration curve."""
    tss = scores["tss"]
    best_other = max(v for k, v in scores.items() if k not in ("tss", "refund"))
    return tss + 0.5 * scores["refund"] * (tss > 0) - best_other


def classify(
    report: Report, indicators: Iterable[Indicator], facts: Mapping[str, Any]
) -> Classification:
    """Scam type, tech-support flag and calibrated score of one report."""
    evidence = gather(report, list(indicators), facts)
    scores = evidence.scores
    tss = scores["tss"]
    others = {k: v for k, v in scores.items() if k not in ("tss", "refund")}
    best_other, best_other_score = max(others.items(), key=lambda kv: kv[1])
    margin = tss_margin(scores)
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
    return Classification(is_tss, scam_type, round(probability, 4), evidence.reasons)
