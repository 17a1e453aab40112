"""link, operations, operation, assignments."""

from __future__ import annotations

import csv
import sys
from typing import Annotated, Any

import typer

from scamtrace.cli.app import FormatOpt, app, emit, fail, get_store, run, stderr_json
from scamtrace.cli.output import Format, csv_safe


@app.command()
def link(
    incremental: Annotated[bool, typer.Option("--incremental", help="only update operations around reports stored since the last link")] = False,
) -> None:
    """Build operations from every stored report (ids kept where membership mostly stays).

    Example: scamtrace link   — prints a summary on stderr.
    With --incremental, new reports join, merge or start operations without a full rebuild.
    """
    from scamtrace.services.linking import pending_reports, rebuild, update_for

    store = run(get_store)
    if incremental:
        summary = run(lambda: update_for(store, pending_reports(store)))
    else:
        summary = run(lambda: rebuild(store))
    stderr_json(summary.as_dict())


@app.command()
def operations(
    fmt: FormatOpt = Format.json,
    limit: Annotated[int | None, typer.Option(help="only the N most harmful")] = None,
    tss_only: Annotated[bool, typer.Option("--tss-only", help="tech-support operations only")] = False,
) -> None:
    """Operations ranked by harm, one JSON object per line. Example: scamtrace operations --limit 10 -f table"""
    from scamtrace.services.queries import list_operations

    rows = run(lambda: list_operations(get_store(), limit=limit, tss_only=tss_only))
    if fmt is Format.json:
        emit(rows, fmt)
        return
    emit([_for_people(r) for r in rows], fmt, ["rank", "operation", "type", "reports", "incidents", "active", "losses", "location", "operators' clock"])


def _for_people(op: dict[str, Any]) -> dict[str, Any]:
    """One operation as a person reads it in a table: no nested JSON."""
    ranked = sorted(op["losses"].items(), key=lambda kv: -kv[1])
    losses = "; ".join(f"{cur} {amount:,.0f}" for cur, amount in ranked[:2]) + (" …" if len(ranked) > 2 else "")
    where = ", ".join(
        f"{h.get('city') or h.get('region') or h.get('country')} {round(100 * h['confidence'])}%" for h in op["location"][:2] if h.get("country")
    )
    offset = op.get("utc_offset")
    clock = f"UTC{offset['hours']:+g} ± {offset['plus_minus']:g} h" if offset else ""
    return {
        "rank": op["rank"],
        "operation": op["operation_id"],
        "type": "tech support" if op["is_tss"] else "other",
        "reports": op["reports"],
        "incidents": op["incidents"],
        "active": f"{op['first_seen']} – {op['last_seen']}",
        "losses": losses,
        "location": where or "unknown",
        "operators' clock": clock,
    }


@app.command()
def operation(
    operation_id: Annotated[str, typer.Argument(help="an id from `scamtrace operations`")],
    explain: Annotated[bool, typer.Option("--explain", help="what links it, what was held back, why its neighbours stay apart")] = False,
    path: Annotated[tuple[str, str] | None, typer.Option("--path", help="SOURCE/REPORT_ID SOURCE/REPORT_ID: the evidence chain joining two reports")] = None,
) -> None:
    """One operation with its summary. Example: scamtrace operation op-1a2b3c4d5e --explain"""
    from scamtrace.services.explain import explain_operation, explain_path
    from scamtrace.services.queries import get_operation

    store = run(get_store)
    out = run(lambda: get_operation(store, operation_id))
    if explain:
        out["explain"] = run(lambda: explain_operation(store, operation_id))
    if path:
        keys = []
        for p in path:
            if "/" not in p:
                raise fail(f"{p!r}: give a report as SOURCE/REPORT_ID")
            source, rid = p.split("/", 1)  # sources never contain "/"; report ids may
            keys.append((source, rid))
        out["path"] = run(lambda: explain_path(store, operation_id, keys[0], keys[1]))
    emit([out], Format.json)


@app.command()
def assignments(
    with_source: Annotated[bool, typer.Option("--with-source", help="add a source column (report ids are unique within a source only)")] = False,
) -> None:
    """CSV of report_id,operation_id,is_tss for every stored report. Example: scamtrace assignments > a.csv"""
    from scamtrace.services.queries import iter_assignments

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["source", "report_id", "operation_id", "is_tss"] if with_source else ["report_id", "operation_id", "is_tss"])
    for source, rid, op, is_tss in run(lambda: iter_assignments(get_store())):
        row = [csv_safe(rid), op or "", "1" if is_tss else "0"]
        writer.writerow([csv_safe(source), *row] if with_source else row)
