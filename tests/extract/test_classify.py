"""Scam type, tech-support flag and score."""

from __future__ import annotations

import pytest

from scamtrace.classify import classify
from tests.extract.helpers import extract, report


@pytest.mark.parametrize(
    ("text", "is_tss", "scam_type"),
    [
        (
            "A popup said my Windows was infected, call Microsoft. He used AnyDesk and showed event viewer errors.",
            True,
            "tech_support",
        ),
        (
            "He connected with AnyDesk and said he refunded $3,000 by mistake and I had to send back $2,700.",
            True,
            "refund",
        ),
        (
            "The IRS called and said there was a warrant for my arrest unless I paid in gift cards.",
            False,
            "government_impersonation",
        ),
        (
            "Text: your USPS package could not be delivered, pay the redelivery fee.",
            False,
            "delivery",
        ),
        (
            "I met a man on a dating site, he said he loves me and needed money for customs.",
            False,
            "romance",
        ),
        (
            "A crypto trading platform promised 30% returns, now I cannot withdraw my profits.",
            False,
            "investment",
        ),
        ("They said I won the lottery and must pay taxes to release the prize.", False, "lottery"),
        (
            "Bank KYC officer said my account will be blocked and asked me to install RustDesk.",
            False,
            "other",
        ),
        ("Not a scam: my computer is slow, nobody has called me.", False, "other"),
    ],
)
def test_types(text: str, is_tss: bool, scam_type: str) -> None:
    c = extract(text).classification
    assert (c.is_tss, c.scam_type) == (is_tss, scam_type)
    assert (c.tss_score >= 0.5) is is_tss
    assert 0.0 <= c.tss_score <= 1.0
    assert c.reasons or scam_type == "other"


def test_classify_works_on_facts_from_elsewhere() -> None:
    r = report("A popup said call Microsoft, the technician used TeamViewer")
    c = classify(r, [], {"tools": ["teamviewer"], "lures": ["popup"]})
    assert c.is_tss and c.scam_type == "tech_support"
