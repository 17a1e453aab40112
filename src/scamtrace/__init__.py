"""scamtrace: link tech-support scam complaints into call-centre operations police can act on.

The public API is what ``__all__`` names; every other module is private to the
package and may change.
"""

from scamtrace.domain import Classification, Extraction, Indicator, Kind, Report, Role
from scamtrace.errors import (
    ConfigError,
    FieldError,
    InputError,
    NotFound,
    ReportInvalid,
    ScamtraceError,
    StoreError,
)
from scamtrace.intake import parse_report, read_path
from scamtrace.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Classification",
    "ConfigError",
    "Extraction",
    "FieldError",
    "Indicator",
    "InputError",
    "Kind",
    "NotFound",
    "Report",
    "ReportInvalid",
    "Role",
    "ScamtraceError",
    "Store",
    "StoreError",
    "__version__",
    "open_store",
    "parse_report",
    "read_path",
]
