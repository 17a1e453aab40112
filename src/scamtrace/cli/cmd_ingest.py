"""ingest, rejects, demo-data."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from scamtrace.cli.app import FormatOpt, app, emit, fail, get_store, run, stderr_json
from scamtrace.cli.output import Format
from scamtrace.errors import InputError


def _total_bytes(paths: list[str]) -> int | None:
    try:
        return sum(Path(p).stat().st_size for p in paths if p != "-")
    except OSError:
        return None


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="report files: .jsonl, .csv, or - for JSON Lines on stdin")],
    batch_size: Annotated[int, typer.Option(help="reports per transaction")] = 1000,
    workers: Annotated[int, typer.Option(help="extraction processes (default: one per core)")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no per-line reject messages")] = False,
) -> None:
    """Store, extract and classify reports. Example: scamtrace ingest reports.jsonl

    Bad lines are reported as PATH:LINE: field: reason and kept aside (see
    `scamtrace rejects`); every good line is stored. Exit 0 when every line was
    stored or unchanged, 1 when some were rejected, 2 on a usage or I/O error.
    """
    from scamtrace.services.ingest import ingest_paths

    for p in paths:
        if p != "-" and not Path(p).is_file():
            raise fail(f"{p}: no such file" if not Path(p).exists() else f"{p}: not a regular file")
    store = run(get_store)
    n_workers = workers or (os.cpu_count() or 1)
    total = _total_bytes(paths)
    show_bar = sys.stderr.isatty() and total
    def on_reject(r: object) -> None:
        if not quiet:
            sys.stderr.write(f"{r}\n")
    try:
        if show_bar:
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                Progress,
                TimeRemainingColumn,
                TransferSpeedColumn,
            )

            with Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn(), transient=True) as bar:
                task = bar.add_task("ingest", total=total)
                summary = ingest_paths(store, paths, on_reject=on_reject, progress=lambda n: bar.advance(task, n), batch_size=batch_size, workers=n_workers)
        else:
            summary = ingest_paths(store, paths, on_reject=on_reject, batch_size=batch_size, workers=n_workers)
    except InputError as exc:
        raise fail(str(exc)) from None
    stderr_json(summary.as_dict())
    if summary.rejected:
        raise typer.Exit(1)


@app.command()
def rejects(
    fmt: FormatOpt = Format.json,
    raw: Annotated[bool, typer.Option("--raw", help="print only the rejected lines, to fix and re-submit")] = False,
    limit: Annotated[int, typer.Option(help="at most this many, newest first")] = 1000,
) -> None:
    """Lines that ingest set aside. Example: scamtrace rejects --raw > fix-me.jsonl"""
    from scamtrace.services.queries import list_rejects

    rows = run(lambda: list_rejects(get_store(), limit=limit))
    if raw:
        for r in rows:
            sys.stdout.write(r["raw"].rstrip("\n") + "\n")
        return
    emit(rows, fmt, ["path", "line", "field", "reason", "created_at"])


@app.command("demo-data")
def demo_data(
    out: Annotated[Path, typer.Option("--out", help="folder to write reports.jsonl, truth.csv, centres.json")] = Path("demo-world"),
    reports: Annotated[int, typer.Option("--reports", min=1, help="number of reports")] = 10_000,
    seed: Annotated[int, typer.Option("--seed", help="random seed; the same seed gives the same files")] = 1,
) -> None:
    """Write a synthetic world with its ground truth. Example: scamtrace demo-data --reports 5000 --seed 7 --out world/"""
    from scamtrace.demo import write_world

    out.mkdir(parents=True, exist_ok=True)
    if sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("demo world", total=reports)
            summary = write_world(out, reports=reports, seed=seed, progress=lambda n: bar.update(task, completed=n))
    else:
        summary = write_world(out, reports=reports, seed=seed)
    emit([summary.as_dict()], Format.json)
