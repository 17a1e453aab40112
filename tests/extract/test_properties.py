"""Properties on arbitrary input: never raise, never hang, canonical forms are fixed points."""

from __future__ import annotations

import time

import phonenumbers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scamtrace.domain.indicator import Kind
from scamtrace.extract.payments import canonical_merchant
from scamtrace.extract.wallets import canonical_wallet
from scamtrace.extract.web import canonical_url, to_ascii_host
from tests.extract.helpers import extract

# Pieces of real narratives, glued at random: reaches far more branches than random characters.
FRAGMENTS = [
    "call",
    "Microsoft",
    "1-8OO-",
    "(844) 213-",
    "7788",
    "+44 (0)20 ",
    "0800 ",
    "+91 98300 ",
    "ext. 5",
    "\n",
    "AnyDesk",
    "TeamViewer ID",
    "1 245 876 330",
    "812 345 678",
    "hxxps://",
    "[.]",
    "(dot)",
    " dot ",
    ".com",
    "www.",
    "@",
    "[at]",
    "okaxis",
    "bc1q",
    "0x",
    "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "IFSC ",
    "HDFC0002617",
    "A/c ",
    "routing ",
    "021000021",
    "sort code 30-96-34",
    "IBAN GB29 NWBK 6016 1331 9268 19",
    "$",
    "£",
    "₹",
    "1,299.99",
    "statement shows",
    "'",
    '"',
    "SQ *",
    "named",
    "Kevin",
    "Mr.",
    "my number",
    "his phone",
    "log",
    "incoming connection from",
    "192.168.0.1",
    "2401:4900::1b",
    "::",
    "...",
    "  ",
    "ü",
    "İ",
    "\u200b",
    "-",
    "/",
]
narratives = st.one_of(
    st.text(max_size=600),
    st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=60).map(" ".join),
)
countries = st.sampled_from(["US", "GB", "CA", "AU", "IN", None, "ZZ"])


@settings(max_examples=300, deadline=1000, suppress_health_check=[HealthCheck.too_slow])
@given(narratives, countries)
def test_extraction_never_raises_and_phones_are_valid(text: str, country: str | None) -> None:
    ex = extract(text, country=country)
    for ind in ex.indicators:
        if ind.kind is Kind.PHONE:
            number = phonenumbers.parse(ind.value, None)
            assert phonenumbers.is_valid_number(number)
            assert (
                phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == ind.value
            )
        if ind.span is not None:
            assert 0 <= ind.span[0] <= ind.span[1] <= len(text)
    assert 0.0 <= ex.classification.tss_score <= 1.0


@settings(max_examples=200, deadline=1000)
@given(narratives)
def test_structured_fields_never_raise(text: str) -> None:
    extract(
        text,
        caller={"phone": text[:40], "name": text[:30], "claimed_company": text[:20]},
        victim={"email": text[:40], "phone": text[-30:]},
        websites=(text[:80],),
        remote_access={"tool": text[:15], "id": text[:25]},
        payments=(
            {
                "account": text[:20],
                "ifsc": text[:11],
                "routing": text[:9],
                "iban": text[:30],
                "upi": text[:20],
                "wallet": text[:42],
                "merchant": text[:30],
            },
        ),
    )


def test_adversarial_inputs_finish_quickly() -> None:
    # Long runs of what the patterns match one step at a time: no regex may backtrack on them.
    for text in (
        "1 " * 40_000,
        "a." * 40_000,
        "@" * 20_000,
        "[.]" * 20_000,
        "x" * 100_000,
        "1-" * 40_000,
        "A" * 80_000,
        ". " * 40_000,
    ):
        started = time.perf_counter()
        extract(text)
        assert time.perf_counter() - started < 10, text[:10]


@given(st.text(max_size=60))
def test_merchant_normalisation_is_idempotent(raw: str) -> None:
    once = canonical_merchant(raw)
    if once is not None:
        assert canonical_merchant(once) == once


@given(
    st.from_regex(
        r"https?://[a-zA-Zäö0-9.\-]{1,30}\.[a-z]{2,6}(/[A-Za-z0-9/?=&]{0,20})?", fullmatch=True
    )
)
def test_url_normalisation_is_idempotent(raw: str) -> None:
    once = canonical_url(raw)
    if once is not None:
        assert canonical_url(once[0]) == once
        assert to_ascii_host(once[1]) == once[1]


@given(
    st.sampled_from(
        [
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        ]
    )
)
def test_wallet_normalisation_is_idempotent(token: str) -> None:
    value = canonical_wallet(token)
    assert value is not None
    _chain, _, address = value.partition(":")
    assert canonical_wallet(address) == value


@given(st.text(alphabet="0123456789 ()+-.", min_size=8, max_size=30), countries)
def test_phone_values_are_fixed_points(raw: str, country: str | None) -> None:
    for ind in extract(f"call {raw} now", country=country).indicators:
        if ind.kind is Kind.PHONE:
            again = extract(f"call {ind.value} now", country=country)
            assert ind.value in {i.value for i in again.indicators if i.kind is Kind.PHONE}
