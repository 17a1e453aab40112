"""Pure domain types: no I/O, no database, no third-party services."""

from scamtrace.domain.indicator import (
    LINKING_KINDS,
    STRONG_KINDS,
    WEAK_KINDS,
    Indicator,
    Kind,
    Role,
)
from scamtrace.domain.report import (
    AGE_BANDS,
    CHANNELS,
    DIRECTIONS,
    PAYMENT_METHODS,
    Caller,
    Contact,
    Payment,
    RemoteAccess,
    Report,
    Victim,
)
from scamtrace.domain.result import SCAM_TYPES, Classification, Extraction

__all__ = [
    "AGE_BANDS",
    "CHANNELS",
    "DIRECTIONS",
    "LINKING_KINDS",
    "PAYMENT_METHODS",
    "SCAM_TYPES",
    "STRONG_KINDS",
    "WEAK_KINDS",
    "Caller",
    "Classification",
    "Contact",
    "Extraction",
    "Indicator",
    "Kind",
    "Payment",
    "RemoteAccess",
    "Report",
    "Role",
    "Victim",
]
