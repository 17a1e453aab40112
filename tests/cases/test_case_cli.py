"""`scamtrace case …` end to end on a SQLite file: add, remand (and a refused one), raid, show, due, disruption."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from scamtrace.cli.app import app


def test_case_commands(tmp_path: Path) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'st.db'}"]
    cli = CliRunner()
    r = cli.invoke(app, [*db, "case", "add", "--fir", "123/2025", "--station", "Cyber Crime PS, Lalbazar", "--district", "Kolkata", "--state", "WB", "--section", "BNS 318(4)", "--section", "IT Act 66D"])
    assert r.exit_code == 0, r.output
    case_id = json.loads(r.stdout)["case_id"]
    r = cli.invoke(app, [*db, "case", "remand", case_id, "--court", "CJM Alipore", "--kind", "police", "--from", "2025-03-01", "--to", "2025-03-07"])
    assert r.exit_code == 0 and json.loads(r.stdout)["problems"] == []
    r = cli.invoke(app, [*db, "case", "remand", case_id, "--court", "CJM Alipore", "--kind", "police", "--from", "2025-03-08", "--to", "2025-03-16"])
    assert r.exit_code == 2 and "15-day limit" in r.output
    assert cli.invoke(app, [*db, "case", "raid", case_id, "--at", "2025-02-28T22:00", "--address", "Sector V"]).exit_code == 0
    r = cli.invoke(app, [*db, "case", "show", case_id])
    shown = json.loads(r.stdout)
    assert shown["sections"] == [{"statute": "BNS", "section": "318(4)"}, {"statute": "IT Act", "section": "66D"}]
    assert shown["custody"][0]["police_days_left"] == 8 and shown["custody"][0]["police_last_day"] == "2025-04-09"
    r = cli.invoke(app, [*db, "case", "due", "--days", "7"])
    assert r.exit_code == 0  # dates in 2025 are past: nothing due, an empty listing
    r = cli.invoke(app, [*db, "case", "disruption", case_id])
    assert r.exit_code == 0 and json.loads(r.stdout) == {"case_id": case_id, "raid_day": "2025-02-28", "operations": []}
    assert cli.invoke(app, [*db, "case", "show", "case-nope"]).exit_code == 2
    assert cli.invoke(app, [*db, "case", "add", "--fir", "123", "--station", "PS"]).exit_code == 2
