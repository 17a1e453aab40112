"""Indicators: a normalised fact from a report that may tie it to others.

Vocabulary in ``shared/spec/indicators.md``. The *role* matters more than the
value: the AnyDesk ID a victim reads out is the victim's own and never links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    PHONE = "phone"
    DOMAIN = "domain"
    URL = "url"
    EMAIL = "email"
    IP = "ip"
    REMOTE_ID = "remote_id"
    BANK_ACCOUNT = "bank_account"
    UPI = "upi"
    CRYPTO_WALLET = "crypto_wallet"
    MERCHANT = "merchant"
    BRAND = "brand"
    ALIAS = "alias"


class Role(StrEnum):
    SCAMMER = "scammer"
    VICTIM = "victim"
    LEGIT = "legit"
    UNKNOWN = "unknown"


# A shared value of one of these kinds, in the scammer role, is strong evidence
# that two reports come from one operation.
STRONG_KINDS: frozenset[Kind] = frozenset(
    {
        Kind.PHONE,
        Kind.DOMAIN,
        Kind.URL,
        Kind.EMAIL,
        Kind.IP,
        Kind.REMOTE_ID,
        Kind.BANK_ACCOUNT,
        Kind.UPI,
        Kind.CRYPTO_WALLET,
        Kind.MERCHANT,
    }
)
# Weak kinds may tip a decision together with other evidence, never alone.
WEAK_KINDS: frozenset[Kind] = frozenset({Kind.BRAND, Kind.ALIAS})
LINKING_KINDS: frozenset[Kind] = STRONG_KINDS


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator found in one report.

    ``flags`` carry list memberships and caveats that decide whether the value
    may link (``fictitious``, ``warninglist:<name>``, ``shared_host``, ``toll_free``).
    ``field`` says where it was found (``narrative``, ``caller.phone``,
    ``payments.0.account`` …); ``span`` is its character range in the narrative.
    """

    kind: Kind
    value: str
    role: Role
    flags: frozenset[str] = field(default=frozenset())
    field: str = "narrative"
    span: tuple[int, int] | None = None

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind.value, "value": self.value, "role": self.role.value}
