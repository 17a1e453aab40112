"""attribute, attribution, note: where operations sit, and the evidence for it."""

from __future__ import annotations

import getpass
from typing import Annotated

import typer

from scamtrace.cli.app import app, emit, fail, get_store, run, stderr_json
from scamtrace.cli.output import Format


@app.command()
def attribute() -> None:
    """Recompute every operation's place hypotheses and UTC offset from the stored evidence.

    Example: scamtrace attribute   — prints a JSON summary on stderr. `scamtrace link`
    does the same for the operations it touches; this re-runs it for all of them.
    """
    from scamtrace.services.attribution import attribute_all

    store = run(get_store)
    summary = run(lambda: attribute_all(store))
    stderr_json(summary.as_dict())


@app.command()
def attribution(
    operation_id: Annotated[str, typer.Argument(help="an id from `scamtrace operations`")],
) -> None:
    """The evidence chain behind an operation's location, one JSON object per hypothesis.

    Rank 0 (no country) lists what was examined but supports no place.
    Example: scamtrace attribution op-1a2b3c4d5e
    """
    from scamtrace.services.attribution import get_attribution
    from scamtrace.services.queries import get_operation

    store = run(get_store)
    run(lambda: get_operation(store, operation_id))
    rows = run(lambda: get_attribution(store, operation_id))
    if not rows:
        raise fail(f"{operation_id!r} has not been attributed yet; run: scamtrace attribute")
    emit(rows, Format.json)


@app.command()
def note(
    operation_id: Annotated[str, typer.Argument(help="an id from `scamtrace operations`")],
    country: Annotated[str, typer.Option("--country", help="ISO 3166-1 alpha-2 code, e.g. IN")],
    source: Annotated[
        str,
        typer.Option(
            "--source",
            help="who or what established it (police letter, raid report, partner trace)",
        ),
    ],
    text: Annotated[str, typer.Option("--text", help="the finding in your words")] = "",
    region: Annotated[str | None, typer.Option("--region", help="state or province")] = None,
    city: Annotated[str | None, typer.Option("--city")] = None,
    author: Annotated[str | None, typer.Option("--author", help="default: your login name")] = None,
) -> None:
    """Record an investigator's location finding; it becomes evidence with high weight.

    Example: scamtrace note op-1a2b3c4d5e --country IN --city Kolkata --source "WB Police letter 2025-03-02" --text "raided 2025-02-27"
    Prints the operation's new location on stderr.
    """
    from scamtrace.services.attribution import add_note
    from scamtrace.services.queries import get_operation

    store = run(get_store)
    who = author or _login()
    note_id = run(
        lambda: add_note(
            store,
            operation_id,
            country,
            region,
            city,
            text or f"located at {city or region or country}",
            source,
            who,
        )
    )
    op = run(lambda: get_operation(store, operation_id))
    stderr_json(
        {
            "note_id": note_id,
            "operation_id": operation_id,
            "location": op["location"],
            "utc_offset": op["utc_offset"],
        }
    )


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"
