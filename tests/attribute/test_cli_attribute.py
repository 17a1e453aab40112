"""`scamtrace attribute`, `attribution` and `note` through the real console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import report, write_jsonl

SCAMTRACE = [sys.executable, "-m", "scamtrace"]
TEXTS = [
    "Popup said call 1-844-213-7788. The AnyDesk log showed a connection from 122.160.41.7 and I paid to UPI fix.help@okaxis.",
    "Called 844-213-7788 from a popup, he took over, AnyDesk showed incoming from 122.160.41.9. Sent money to fix.help@okaxis.",
    "The number 1 (844) 213-7788 on a red screen. Paid fix.help@okaxis. Log said 122.160.41.7.",
]


def run(args: list[str], db: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SCAMTRACE_DB=db)
    return subprocess.run([*SCAMTRACE, *args], capture_output=True, text=True, env=env, timeout=300)


def test_attribute_note_and_evidence_chain(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    rows = [
        report(f"r{i}", t, victim={"country": "US", "region": "OH"}) for i, t in enumerate(TEXTS)
    ]
    assert run(["ingest", str(write_jsonl(tmp_path / "in.jsonl", rows))], db).returncode == 0
    assert run(["link"], db).returncode == 0
    res = run(["attribute"], db)
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stderr.strip().splitlines()[-1])
    assert summary["operations"] >= 1
    ops = [json.loads(line) for line in run(["operations"], db).stdout.splitlines()]
    op = ops[0]["operation_id"]
    assert ops[0]["location"] and ops[0]["location"][0]["country"] == "IN"
    chain = [json.loads(line) for line in run(["attribution", op], db).stdout.splitlines()]
    assert chain[0]["rank"] == 1 and {e["signal"] for e in chain[0]["evidence"]} >= {"ip", "money"}
    assert any(e["data_date"] for e in chain[0]["evidence"] if e["signal"] == "ip")
    res = run(
        [
            "note",
            op,
            "--country",
            "IN",
            "--city",
            "Kolkata",
            "--source",
            "WB Police letter",
            "--text",
            "raided",
        ],
        db,
    )
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stderr.strip().splitlines()[-1])
    assert out["location"][0]["country"] == "IN" and out["location"][0]["confidence"] >= 0.9
    assert any(loc["city"] == "Kolkata" for loc in out["location"])
    assert run(["note", "op-missing", "--country", "IN", "--source", "x"], db).returncode == 2
    assert run(["attribution", "op-missing"], db).returncode == 2
