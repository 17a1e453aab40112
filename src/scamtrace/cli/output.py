"""Printing data: JSON by default, ``table`` or ``csv`` for people."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any


class Format(StrEnum):
    json = "json"
    table = "table"
    csv = "csv"


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formula injection: complaint text is attacker-controlled."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def emit(rows: Iterable[dict[str, Any]], fmt: Format, columns: Sequence[str] | None = None, *, lines: bool = True) -> None:
    """Write rows to stdout. JSON output is one object per line when ``lines``."""
    if fmt is Format.json:
        if lines:
            for row in rows:
                sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        else:
            sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, default=str, indent=2) + "\n")
        return
    materialised = list(rows)
    cols = list(columns) if columns else (list(materialised[0]) if materialised else [])
    if fmt is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(cols)
        for row in materialised:
            writer.writerow([csv_safe(_cell(row.get(c))) for c in cols])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*cols, show_lines=False)
    for row in materialised:
        # Markup off: values come from complaints and may contain [bold]-like text.
        table.add_row(*[str(_cell(row.get(c, ""))) if row.get(c) is not None else "" for c in cols])
    # Piped output has no terminal width to follow: do not squeeze the columns to 80.
    width = None if sys.stdout.isatty() else 200
    Console(markup=False, highlight=False, width=width).print(table)
