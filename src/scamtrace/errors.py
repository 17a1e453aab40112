"""Exceptions raised by scamtrace.

Every error a user can meet says what went wrong and what to do next.

    ScamtraceError
    ├── ConfigError           bad setting or database URL
    ├── InputError            a file cannot be read at all (missing, not a file, unreadable)
    ├── ReportInvalid         one report fails validation; carries FieldError items
    ├── StoreError            the database refused or is not at the expected schema
    └── NotFound              an operation, report or recipient that does not exist
"""

from __future__ import annotations

from dataclasses import dataclass


class ScamtraceError(Exception):
    """Base of every error scamtrace raises on purpose."""


class ConfigError(ScamtraceError):
    pass


class InputError(ScamtraceError):
    pass


class StoreError(ScamtraceError):
    pass


class NotFound(ScamtraceError):
    pass


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


class ReportInvalid(ScamtraceError):
    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))
