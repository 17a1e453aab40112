"""Readers of the report interchange format: each yields parsed reports or rejects."""

from scamtrace.intake.readers import Reject, Row, read_path
from scamtrace.intake.validate import parse_report

__all__ = ["Reject", "Row", "parse_report", "read_path"]
