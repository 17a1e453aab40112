"""Streaming readers for report files: JSON Lines, a JSON array, and CSV.

Each yields, in file order, a :class:`Row` (a valid report) or a :class:`Reject`
(``PATH:LINE: field: reason``). A bad line never stops the file. Memory does not
grow with the file: lines are read one at a time, and a line longer than
``MAX_LINE_BYTES`` is skipped without being held.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from scamtrace.domain import Report
from scamtrace.errors import InputError, ReportInvalid
from scamtrace.intake.validate import parse_report

MAX_LINE_BYTES = 64 * 1024 * 1024
MAX_KEPT_RAW = 2 * 1024 * 1024
_BOM = codecs.BOM_UTF8


@dataclass(frozen=True, slots=True)
class Row:
    path: str
    line: int
    report: Report


@dataclass(frozen=True, slots=True)
class Reject:
    path: str
    line: int
    field: str
    reason: str
    raw: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.reason}"


Item = Row | Reject
Progress = Callable[[int], None]


class _Counting(io.RawIOBase):
    """Counts bytes handed to the text layer so progress works for CSV too."""

    def __init__(self, raw: IO[bytes], progress: Progress | None) -> None:
        self._raw = raw
        self._progress = progress
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        if self._progress is not None and n:
            self._progress(n)
        return n


def _kept(raw: bytes | str) -> str:
    text = raw if isinstance(raw, str) else raw.decode("utf-8", errors="replace")
    if len(text) > MAX_KEPT_RAW:
        return text[:MAX_KEPT_RAW] + "\n…[truncated: the full line is in the original file]"
    return text


def _parsed(path: str, line: int, obj: Any, raw: bytes | str) -> Item:
    try:
        return Row(path, line, parse_report(obj))
    except ReportInvalid as exc:
        reason = "; ".join(str(e) for e in exc.errors[1:])
        first = exc.errors[0] if exc.errors else None
        field = first.field if first else "(line)"
        msg = first.reason if first else "invalid report"
        if reason:
            msg = f"{msg} (also: {reason})"
        return Reject(path, line, field, msg, _kept(raw))


def read_path(path: str, progress: Progress | None = None) -> Iterator[Item]:
    """Read one report file; ``-`` is JSON Lines on standard input.

    The format follows the suffix: ``.csv`` is CSV, anything else JSON Lines
    (a file whose first character is ``[`` is read as a JSON array).
    Raises :class:`InputError` when the file cannot be opened at all.
    """
    if path == "-":
        yield from _read_json(path, sys.stdin.buffer, progress)
        return
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if not p.is_file():
        raise InputError(f"{path}: not a regular file")
    try:
        handle = p.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot open ({exc.strerror})") from exc
    with handle:
        if p.suffix.lower() == ".csv":
            yield from _read_csv(path, handle, progress)
        else:
            yield from _read_json(path, handle, progress)


def _read_lines(raw: IO[bytes], progress: Progress | None) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, bytes); bytes is None for a line over the size limit."""
    number = 0
    while True:
        chunk = raw.readline(MAX_LINE_BYTES + 1)
        if not chunk:
            return
        number += 1
        if progress is not None:
            progress(len(chunk))
        if len(chunk) > MAX_LINE_BYTES and not chunk.endswith(b"\n"):
            while True:  # drain the rest of the oversized line without keeping it
                rest = raw.readline(MAX_LINE_BYTES)
                if progress is not None:
                    progress(len(rest))
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, chunk


def _read_json(path: str, raw: IO[bytes], progress: Progress | None) -> Iterator[Item]:
    lines = _read_lines(raw, progress)
    seen_content = False
    for number, chunk in lines:
        if chunk is None:
            yield Reject(path, number, "(line)", f"longer than {MAX_LINE_BYTES // (1024 * 1024)} MB; split the report or shorten its narrative")
            seen_content = True
            continue
        if number == 1 and chunk.startswith(_BOM):
            chunk = chunk[len(_BOM):]
        stripped = chunk.strip()
        if not stripped:
            continue
        if not seen_content and stripped.startswith(b"["):
            yield from _read_json_array(path, number, chunk, lines)
            return
        seen_content = True
        try:
            text = stripped.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Reject(path, number, "(line)", f"not valid UTF-8 (byte {exc.start + 1} of the line); re-save the file as UTF-8", _kept(stripped))
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Reject(path, number, "(line)", f"not valid JSON: {exc.msg} at column {exc.colno}", _kept(text))
            continue
        except RecursionError:
            yield Reject(path, number, "(line)", "JSON nested too deeply", _kept(text))
            continue
        yield _parsed(path, number, obj, text)


def _read_json_array(path: str, first_line: int, first: bytes, rest: Iterator[tuple[int, bytes | None]]) -> Iterator[Item]:
    """A file holding one JSON array of reports instead of JSON Lines.

    Accepted, since it is the commonest mistake, but it must fit in memory; each
    element is reported by the line where it starts.
    """
    parts = [first]
    for _number, chunk in rest:
        if chunk is None:
            yield Reject(path, first_line, "(file)", "a JSON array with a line over the size limit; convert it to JSON Lines (jq -c '.[]' FILE)")
            return
        parts.append(chunk)
    data = b"".join(parts)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = first_line + data.count(b"\n", 0, exc.start)
        yield Reject(path, line, "(file)", "not valid UTF-8 inside a JSON array; re-save the file as UTF-8 or convert it to JSON Lines")
        return
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    index = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text):
            yield Reject(path, first_line + text.count("\n", 0, pos), "(file)", "JSON array is not closed with ]")
            return
        if text[pos] == "]":
            return
        line = first_line + text.count("\n", 0, pos)
        try:
            obj, end = decoder.raw_decode(text, pos)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield Reject(path, line, f"[{index}]", f"not valid JSON: {msg}; the rest of the array cannot be read — convert the file to JSON Lines to keep going past bad elements")
            return
        yield _parsed(path, line, obj, text[pos:end])
        pos = end
        index += 1


_LIST_SEPARATORS = str.maketrans({";": "\n", "|": "\n"})


def _unflatten(row: dict[str, str]) -> dict[str, Any]:
    """``caller.phone`` → nested objects; ``payments.0.amount`` → lists. Empty cells are absent."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if value is None or value == "":
            continue
        parts = key.split(".")
        if parts == ["websites"]:
            out["websites"] = [s.strip() for s in value.translate(_LIST_SEPARATORS).split("\n") if s.strip()]
            continue
        node: Any = out
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            nxt = parts[i + 1] if not last else None
            if isinstance(node, list):
                idx = int(part)
                while len(node) <= idx:
                    node.append({} if nxt is not None and not nxt.isdigit() else None)
                if last:
                    node[idx] = value
                else:
                    if node[idx] is None:
                        node[idx] = [] if nxt is not None and nxt.isdigit() else {}
                    node = node[idx]
            else:
                if last:
                    node[part] = value
                else:
                    node = node.setdefault(part, [] if nxt is not None and nxt.isdigit() else {})
    if isinstance(out.get("payments"), list):
        out["payments"] = [p for p in out["payments"] if p is not None]
    if isinstance(out.get("websites"), list):
        out["websites"] = [s for s in out["websites"] if s is not None]
    return out


def _valid_column(name: str) -> bool:
    parts = name.split(".")
    if not parts or not all(parts):
        return False
    return all(p.isdigit() == (i > 0 and parts[0] in ("payments", "websites") and i == 1) for i, p in enumerate(parts))


def _read_csv(path: str, raw: IO[bytes], progress: Progress | None) -> Iterator[Item]:
    counting = _Counting(raw, progress)
    # surrogateescape keeps bad bytes visible per row instead of failing the whole file.
    text = io.TextIOWrapper(io.BufferedReader(counting), encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield Reject(path, 1, "(header)", f"not a readable CSV header: {exc}")
        return
    header = [h.strip() for h in header]
    bad = [h for h in header if not _valid_column(h)]
    if bad:
        yield Reject(path, 1, "(header)", f"column name(s) {', '.join(repr(b) for b in bad)} are not interchange fields; rename them (e.g. caller.phone, payments.0.amount)")
        return
    missing = [h for h in ("report_id", "source", "received_at") if h not in header]
    if missing:
        yield Reject(path, 1, "(header)", f"missing required column(s): {', '.join(missing)}")
        return
    previous_end = reader.line_num
    while True:
        start = previous_end + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            previous_end = reader.line_num
            yield Reject(path, start, "(row)", f"unreadable CSV: {exc}")
            continue
        previous_end = reader.line_num
        raw_row = ",".join(values)
        if not any(v.strip() for v in values):
            continue
        if any("\udc80" <= ch <= "\udcff" for v in values for ch in v):
            yield Reject(path, start, "(row)", "not valid UTF-8; re-save the file as UTF-8", _kept(raw_row.encode("utf-8", "surrogateescape")))
            continue
        if len(values) != len(header):
            yield Reject(path, start, "(row)", f"{len(values)} values but the header has {len(header)} columns", _kept(raw_row))
            continue
        obj = _unflatten(dict(zip(header, values, strict=True)))
        yield _parsed(path, start, obj, raw_row)
