"""refer, recipients."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Annotated

import typer

from scamtrace.cli.app import FormatOpt, app, emit, get_store, run
from scamtrace.cli.output import Format

RecipientsOpt = Annotated[
    Path | None,
    typer.Option("--recipients", help="recipients configuration (default: $SCAMTRACE_RECIPIENTS, else the packaged example)"),
]


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return os.environ.get("USER") or "unknown"


@app.command()
def refer(
    operation_id: Annotated[str, typer.Argument(help="an id from `scamtrace operations`")],
    out: Annotated[Path, typer.Option("--out", help="folder to write the package to (created if missing)")],
    to: Annotated[str | None, typer.Option("--to", help="recipient id or name (default: the configuration's default_recipient); see `scamtrace recipients`")] = None,
    recipients: RecipientsOpt = None,
    sender: Annotated[Path | None, typer.Option("--from", help="sender details (JSON: organisation, unit, address, investigator, email, phone, custodian)")] = None,
    by: Annotated[str | None, typer.Option("--by", help="who generates the package, for the custody record (default: the login name)")] = None,
    force: Annotated[bool, typer.Option("--force", help="replace a package already in --out")] = False,
) -> None:
    """Write a referral package for police or a partner. Example: scamtrace refer op-1a2b3c4d5e --to kolkata-police-cyber --out ref/

    The folder receives referral.pdf (letter and dossier), bundle.stix.json,
    misp-event.json, evidence.csv, custody.json, certificate-bsa-63.txt and
    MANIFEST.sha256; the referral is recorded in the store. Victims' contacts
    go only to recipients allowed them (police: victims who consented).
    """
    from scamtrace.services.referral import build_referral

    store = run(get_store)
    result = run(
        lambda: build_referral(
            store,
            operation_id,
            to,
            out,
            by or _user(),
            recipients_file=recipients,
            sender_file=sender,
            force=force,
        )
    )
    emit([result.as_dict()], Format.json)


@app.command("recipients")
def list_recipients(
    fmt: FormatOpt = Format.table,
    recipients: RecipientsOpt = None,
) -> None:
    """Configured referral recipients and what personal data each may receive. Example: scamtrace recipients"""
    from scamtrace.refer.recipients import load_config

    config = run(lambda: load_config(recipients))
    rows = [
        {
            "id": r.id,
            "name": r.name,
            "role": r.role.value,
            "jurisdiction": r.jurisdiction,
            "personal_data": r.personal_data.value,
            "tlp": r.tlp,
            "default": r.id == config.default_recipient,
        }
        for r in config.recipients
    ]
    emit(rows, fmt, ["id", "name", "role", "jurisdiction", "personal_data", "tlp", "default"])
