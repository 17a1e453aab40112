"""Bank accounts, UPI, wallets, merchant descriptors and payment facts: only checksum-valid values."""

from __future__ import annotations

import pytest

from scamtrace.domain.indicator import Kind, Role
from scamtrace.extract.banks import aba_ok, iban_ok
from scamtrace.extract.keccak import keccak256
from scamtrace.extract.payments import canonical_merchant
from scamtrace.extract.wallets import canonical_wallet, eip55
from tests.extract.helpers import extract, found


def test_aba_routing_and_account() -> None:
    ex = extract("wire to account 153910237744 routing 121000248 at Wells Fargo")
    assert found(ex, Kind.BANK_ACCOUNT) == {"aba:121000248:153910237744": Role.SCAMMER}


def test_bad_routing_checksum_is_ignored() -> None:
    assert found(extract("routing 121000249 account 153910237744"), Kind.BANK_ACCOUNT) == {}


def test_ifsc_and_account_checked_against_the_list() -> None:
    ex = extract(
        "Rs 25,000 to A/c no. 50100482291177 IFSC HDFC0002617 and Rs 5,000 to account 1234567890 IFSC HDFC0054321",
        country="IN",
    )
    assert found(ex, Kind.BANK_ACCOUNT) == {"ifsc:HDFC0002617:50100482291177": Role.SCAMMER}


def test_sort_code_and_iban() -> None:
    ex = extract(
        "transferred to sort code 30-96-34 account 81234567, and a fee to IBAN GB60 BARC 2000 0055 7799 11",
        country="GB",
    )
    assert set(found(ex, Kind.BANK_ACCOUNT)) == {
        "sortcode:309634:81234567",
        "iban:GB60BARC20000055779911",
    }


def test_victims_own_account_is_the_victims() -> None:
    ex = extract(
        "money left my account 50100482291177 (IFSC HDFC0002617) and went to scam@ybl", country="IN"
    )
    assert found(ex, Kind.BANK_ACCOUNT) == {"ifsc:HDFC0002617:50100482291177": Role.VICTIM}


def test_checksums() -> None:
    assert aba_ok("021000021") and not aba_ok("021000022")
    assert iban_ok("GB29NWBK60161331926819") and not iban_ok("GB29NWBK60161331926818")
    assert (
        keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    )
    assert (
        eip55("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")
        == "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    )


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "btc:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
        (
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        ),
        (
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "btc:bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        ),
        (
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        ),
        (
            "0x52908400098527886e0f7030069857d2e4169ee7",
            "eth:0x52908400098527886e0f7030069857d2e4169ee7",
        ),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "trx:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", None),  # EIP-55 checksum broken
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", None),
        ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", None),
    ],
)
def test_wallets(token: str, value: str | None) -> None:
    assert canonical_wallet(token) == value
    wallets = found(extract(f"send it to {token} at the ATM"), Kind.CRYPTO_WALLET)
    assert wallets == ({value: Role.SCAMMER} if value else {})


def test_merchant_descriptors() -> None:
    ex = extract(
        "On the statement it shows as  'pc   guardian  svcs '. Later he charged me via SQ *FIXMYPCNOW."
    )
    assert set(found(ex, Kind.MERCHANT)) == {"PC GUARDIAN SVCS", "SQ *FIXMYPCNOW"}
    assert canonical_merchant("GLOBAL SOLUTIONS INC. I hope") == "GLOBAL SOLUTIONS INC"
    assert canonical_merchant(canonical_merchant("  tech  fix svcs ") or "") == "TECH FIX SVCS"


def test_payment_facts_and_losses() -> None:
    ex = extract(
        "They asked for $2,000 but I only paid $500 in Target gift cards and sent 0.1 BTC. I refused to pay more."
    )
    assert ex.facts["payments"] == [
        {"method": "gift_card", "amount": 500.0, "currency": "USD", "gift_card_brand": "Target"}
    ]
    assert ex.facts["losses"] == {"USD": 500.0}


def test_structured_payments_win_over_the_narrative() -> None:
    ex = extract(
        "I paid $8,000",
        payments=(
            {
                "method": "wire",
                "amount": 8000,
                "currency": "USD",
                "routing": "026009593",
                "account": "4830 1166 2750",
            },
        ),
    )
    assert ex.facts["losses"] == {"USD": 8000.0}
    assert found(ex, Kind.BANK_ACCOUNT) == {"aba:026009593:483011662750": Role.SCAMMER}
