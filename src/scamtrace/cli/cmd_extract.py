"""extract: stand-alone extraction, no store."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from scamtrace.cli.app import app, dumps, fail
from scamtrace.errors import InputError
from scamtrace.intake import Reject, read_path


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="report JSON Lines; - or nothing for stdin")] = "-",
) -> None:
    """Print indicators and classification for each report, one JSON object per line, same order.

    Needs no store. Example: scamtrace extract reports.jsonl | jq .indicators
    An invalid line prints {"line": N, "error": "..."} in its place and the exit code is 1.
    """
    from scamtrace.extract import extract_report

    bad = 0
    try:
        for item in read_path(path):
            if isinstance(item, Reject):
                bad += 1
                sys.stderr.write(f"{item}\n")
                sys.stdout.write(dumps({"line": item.line, "error": f"{item.field}: {item.reason}"}) + "\n")
                continue
            ex = extract_report(item.report)
            cls = ex.classification
            sys.stdout.write(
                dumps(
                    {
                        "report_id": item.report.report_id,
                        "is_tss": cls.is_tss,
                        "scam_type": cls.scam_type,
                        "tss_score": round(cls.tss_score, 4),
                        "indicators": [i.as_dict() for i in ex.indicators],
                    }
                )
                + "\n"
            )
    except InputError as exc:
        raise fail(str(exc)) from None
    if bad:
        raise typer.Exit(1)
