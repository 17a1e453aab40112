"""case add|show|list|link|accused|arrest|remand|raid|due|disruption."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import typer

from scamtrace.cli.app import FormatOpt, app, dumps, emit, fail, get_store, run
from scamtrace.cli.output import Format
from scamtrace.services.audit import Actor

case_app = typer.Typer(help="Enforcement cases: FIR, raids, custody deadlines, disruption.", no_args_is_help=True)
app.add_typer(case_app, name="case")


def _actor() -> Actor:
    from scamtrace.services.accounts import CLI_ACTOR

    return CLI_ACTOR


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise fail(f"{text!r} is not a date; write YYYY-MM-DD") from None


def _when(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise fail(f"{text!r} is not a date-time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time at the premises)") from None


@case_app.command("add")
def case_add(
    fir: Annotated[str, typer.Option("--fir", help="FIR number/year, e.g. 123/2025")],
    station: Annotated[str, typer.Option("--station", help="police station")],
    district: Annotated[str | None, typer.Option("--district")] = None,
    state_: Annotated[str | None, typer.Option("--state", help="state, e.g. WB")] = None,
    jurisdiction: Annotated[str, typer.Option("--jurisdiction", help="country code")] = "IN",
    section: Annotated[list[str] | None, typer.Option("--section", help="statute and section, e.g. 'BNS 318(4)' (repeatable)")] = None,
    operation: Annotated[list[str] | None, typer.Option("--operation", help="operation id (repeatable)")] = None,
    complaint: Annotated[list[str] | None, typer.Option("--complaint", help="NCRP acknowledgement, Action Fraud ref or IC3 id (repeatable)")] = None,
    officer: Annotated[str | None, typer.Option("--officer", help="investigating officer")] = None,
    complainant: Annotated[str | None, typer.Option("--complainant")] = None,
    period: Annotated[int, typer.Option("--period", help="detention period: 90 for offences punishable with death, life or >= 10 years, else 60")] = 60,
) -> None:
    """Open a case. Example: scamtrace case add --fir 123/2025 --station "Cyber Crime PS, Lalbazar" --district Kolkata --state WB --section "BNS 318(4)" --operation op-1a2b3c4d5e"""
    from scamtrace.services.cases import create_case, parse_section

    number, _, year = fir.partition("/")
    if not number or not year.isdigit():
        raise fail(f"--fir {fir!r}: write NUMBER/YEAR, e.g. 123/2025")
    store = run(get_store)
    sections = run(lambda: [parse_section(s) for s in section or []])
    case_id = run(
        lambda: create_case(
            store, _actor(), fir_number=number, fir_year=int(year), police_station=station, district=district, state=state_,
            jurisdiction=jurisdiction, sections=sections, complainant=complainant, investigating_officer=officer,
            complaint_refs=list(complaint or []), custody_period=period, operation_ids=list(operation or []),
        )
    )  # fmt: skip
    typer.echo(dumps({"case_id": case_id}))


@case_app.command("show")
def case_show(case_id: Annotated[str, typer.Argument(help="a case id")]) -> None:
    """One case with raids, accused, remands and custody status (JSON). Example: scamtrace case show case-0a1b2c3d4e"""
    from scamtrace.services.cases import require_case

    typer.echo(dumps(run(lambda: require_case(get_store(), case_id))))


@case_app.command("list")
def case_list(fmt: FormatOpt = Format.json) -> None:
    """Every case, newest first. Example: scamtrace case list -f table"""
    from scamtrace.services.cases import list_cases

    emit(run(lambda: list_cases(get_store())), fmt)


@case_app.command("link")
def case_link(case_id: str, operation_id: str) -> None:
    """Link an operation to a case. Example: scamtrace case link case-0a1b2c3d4e op-1a2b3c4d5e"""
    from scamtrace.services.cases import link_operation

    run(lambda: link_operation(get_store(), _actor(), case_id, operation_id))


@case_app.command("accused")
def case_accused(
    case_id: str,
    name: Annotated[str, typer.Option("--name")],
    role: Annotated[str, typer.Option("--role", help="owner, manager, telecaller or other")] = "other",
) -> None:
    """Name an accused. Example: scamtrace case accused case-0a1b2c3d4e --name "R. Das" --role manager"""
    from scamtrace.services.cases import add_accused

    typer.echo(dumps({"accused_id": run(lambda: add_accused(get_store(), _actor(), case_id, name=name, role=role))}))


@case_app.command("arrest")
def case_arrest(accused_id: int, at: Annotated[str, typer.Option("--at", help="YYYY-MM-DDTHH:MM")]) -> None:
    """Record an arrest. Example: scamtrace case arrest 3 --at 2025-03-01T06:30"""
    from scamtrace.services.cases import add_arrest

    when = _when(at)
    typer.echo(dumps({"arrest_id": run(lambda: add_arrest(get_store(), _actor(), accused_id, at=when))}))


@case_app.command("remand")
def case_remand(
    case_id: str,
    court: Annotated[str, typer.Option("--court")],
    kind: Annotated[str, typer.Option("--kind", help="police or judicial")],
    from_: Annotated[str, typer.Option("--from", help="first day, YYYY-MM-DD")],
    to: Annotated[str, typer.Option("--to", help="last day, YYYY-MM-DD (inclusive)")],
    accused_id: Annotated[int | None, typer.Option("--accused", help="accused id; omit for the case as a whole")] = None,
    force: Annotated[bool, typer.Option("--force", help="record a police remand even though it breaks s.187 (flagged)")] = False,
) -> None:
    """Record a remand order; refuses police custody beyond BNSS s.187 unless --force.

    Example: scamtrace case remand case-0a1b2c3d4e --court "CJM Alipore" --kind police --from 2025-03-01 --to 2025-03-07
    """
    from scamtrace.services.cases import add_remand

    start, end = _day(from_), _day(to)
    rid, problems = run(lambda: add_remand(get_store(), _actor(), case_id, court=court, kind=kind, start=start, end=end, accused_id=accused_id, force=force))
    typer.echo(dumps({"remand_id": rid, "problems": problems}))


@case_app.command("raid")
def case_raid(
    case_id: str,
    at: Annotated[str, typer.Option("--at", help="YYYY-MM-DD[THH:MM], local time")],
    address: Annotated[str, typer.Option("--address")],
    lat: Annotated[float | None, typer.Option("--lat")] = None,
    lon: Annotated[float | None, typer.Option("--lon")] = None,
    units: Annotated[str | None, typer.Option("--units", help="units that took part")] = None,
) -> None:
    """Record a raid. Example: scamtrace case raid case-0a1b2c3d4e --at 2025-02-28T22:00 --address "Salt Lake Sector V, Kolkata" """
    from scamtrace.services.cases import add_raid

    when = _when(at)
    typer.echo(dumps({"raid_id": run(lambda: add_raid(get_store(), _actor(), case_id, at=when, address=address, lat=lat, lon=lon, units=units))}))


@case_app.command("due")
def case_due(days: Annotated[int, typer.Option("--days", help="look this many days ahead")] = 7, fmt: FormatOpt = Format.json) -> None:
    """Coming custody and charge-sheet deadlines, soonest first. Example: scamtrace case due --days 7"""
    from scamtrace.services.cases import upcoming_deadlines

    emit(run(lambda: upcoming_deadlines(get_store(), days=days)), fmt)


@case_app.command("disruption")
def case_disruption(case_id: str, weeks: Annotated[int, typer.Option("--weeks")] = 8) -> None:
    """Reports per week before/after the first raid, quiet indicators, resurgence. Example: scamtrace case disruption case-0a1b2c3d4e"""
    from scamtrace.services.cases import disruption

    typer.echo(dumps(run(lambda: disruption(get_store(), case_id, weeks=weeks))))
