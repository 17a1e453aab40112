"""Linking parameters, with the reason for each default."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# A value unused for longer than this many days starts a new epoch: VOIP and
# toll-free numbers are dropped and reassigned within months, domains re-registered
# after expiry; mule accounts and wallets live longer.
DEFAULT_GAPS: dict[str, int] = {
    "phone": 60,
    "url": 90,
    "domain": 90,
    "email": 120,
    "ip": 30,
    "remote_id": 120,
    "bank_account": 180,
    "upi": 180,
    "crypto_wallet": 180,
    "merchant": 180,
    "transcript": 365,
}

# Flags that stop a value from linking anything, whatever its role.
BLOCKING_FLAGS: tuple[str, ...] = ("warninglist", "fictitious", "shared_host", "legit")


@dataclass(frozen=True)
class LinkParams:
    gaps: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_GAPS))
    # Nodes with at most this many reports are merged directly; larger ones are
    # re-attached one by one with the bridge test.
    direct_max_degree: int = 6
    # A cluster counts as "substantial" for the bridge test from this many reports…
    bridge_min_size: int = 12
    # …and a node is "marginal" to it when it holds less than this share of it
    # (the test used when no weak signals are available).
    bridge_max_share: float = 0.12
    # Two substantial clusters joined by one value must agree this much in their
    # weak-signal profiles (cosine of IDF-weighted aliases, script, shift, countries).
    bridge_min_similarity: float = 0.5
    # Clusters smaller than this are not operations (their reports stay unassigned).
    min_operation_size: int = 2
    roles: tuple[str, ...] = ("scammer", "unknown")

    def gap(self, kind: str) -> int:
        return self.gaps.get(kind, 90)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
