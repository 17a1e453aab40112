"""The command-line contract (shared/spec/cli.md), through the real console script."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import report, write_jsonl

SCAMTRACE = [sys.executable, "-m", "scamtrace"]
TEXT = "Popup said call Microsoft at 1-844-213-7788, a man called Kevin took over with AnyDesk. Paid $499 in Target gift cards."


def run(args: list[str], db: str, stdin: str | None = None, check: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SCAMTRACE_DB=db)
    return subprocess.run([*SCAMTRACE, *args], capture_output=True, text=True, input=stdin, env=env, timeout=300, check=check)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def test_ingest_exit_codes_and_summary(tmp_path: Path, db: str) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [report("1", TEXT), report("2", TEXT)])
    res = run(["ingest", str(good)], db)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stderr.strip().splitlines()[-1]) == {"read": 2, "stored": 2, "updated": 0, "unchanged": 0, "rejected": 0}
    again = run(["ingest", str(good)], db)
    assert again.returncode == 0 and json.loads(again.stderr.strip().splitlines()[-1])["unchanged"] == 2

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(report("3", TEXT)) + "\n{broken\n")
    res = run(["ingest", str(bad)], db)
    assert res.returncode == 1
    assert f"{bad}:2: (line): not valid JSON" in res.stderr
    assert json.loads(res.stderr.strip().splitlines()[-1])["rejected"] == 1

    missing = run(["ingest", str(tmp_path / "nope.jsonl")], db)
    assert missing.returncode == 2 and "no such file" in missing.stderr
    usage = run(["ingest"], db)
    assert usage.returncode == 2


def test_ingest_from_stdin_and_rejects_raw(tmp_path: Path, db: str) -> None:
    body = json.dumps(report("s1", TEXT)) + "\n" + '{"report_id": "s2"}\n'
    res = run(["ingest", "-"], db, stdin=body)
    assert res.returncode == 1
    raw = run(["rejects", "--raw"], db)
    assert raw.stdout == '{"report_id": "s2"}\n'


def test_bad_database_url_is_a_usage_error(tmp_path: Path) -> None:
    res = run(["operations"], "nosuchdb://x")
    assert res.returncode == 2 and "database" in res.stderr.lower()
    res = run(["operations"], f"sqlite:///{tmp_path}/missing-dir/x.db")
    assert res.returncode == 2 and "does not exist" in res.stderr


def test_extract_needs_no_store_and_keeps_order(tmp_path: Path) -> None:
    rows = [report("e1", TEXT, victim={"country": "US"}), report("e2", "Nothing to see here.")]
    path = write_jsonl(tmp_path / "e.jsonl", rows)
    res = subprocess.run([*SCAMTRACE, "extract", str(path)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["report_id"] for o in out] == ["e1", "e2"]
    assert set(out[0]) == {"report_id", "is_tss", "scam_type", "tss_score", "indicators"}
    assert {"kind": "phone", "value": "+18442137788", "role": "scammer"} in out[0]["indicators"]
    assert out[0]["is_tss"] is True and 0.5 < out[0]["tss_score"] <= 1
    assert not (tmp_path / "scamtrace.db").exists()


def test_link_operations_assignments(tmp_path: Path, db: str) -> None:
    rows = [report(f"r{i}", TEXT, incident_at="2025-03-01") for i in range(3)] + [report("lonely", "A popup, I did not call.")]
    run(["ingest", str(write_jsonl(tmp_path / "r.jsonl", rows))], db, check=True)
    res = run(["link"], db)
    assert res.returncode == 0 and json.loads(res.stderr.strip().splitlines()[-1])["operations"] == 1
    ops = [json.loads(line) for line in run(["operations"], db, check=True).stdout.splitlines()]
    assert len(ops) == 1
    op = ops[0]
    for key in ("operation_id", "reports", "incidents", "first_seen", "last_seen", "losses", "location", "utc_offset"):
        assert key in op
    assert op["reports"] == 3 and op["losses"] == {"USD": 1497.0}
    table = list(csv.reader(io.StringIO(run(["assignments"], db, check=True).stdout)))
    assert table[0] == ["report_id", "operation_id", "is_tss"]
    assert {r[0]: r[1] for r in table[1:]} == {"r0": op["operation_id"], "r1": op["operation_id"], "r2": op["operation_id"], "lonely": ""}
    one = json.loads(run(["operation", op["operation_id"], "--explain"], db, check=True).stdout)
    assert one["explain"]["links"][0]["value"] == "+18442137788"
    table = run(["operations", "--format", "table"], db, check=True).stdout
    assert "operators' clock" in table and op["operation_id"] in table and "USD 1,497" in table
    assert "{" not in table  # no nested JSON in the people's format
    missing = run(["operation", "op-nope"], db)
    assert missing.returncode == 2 and "no operation" in missing.stderr


def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path, db: str) -> None:
    rows = [report(f"k{i:05d}", TEXT + f" Case {i}.") for i in range(6000)]
    path = write_jsonl(tmp_path / "big.jsonl", rows)
    env = dict(os.environ, SCAMTRACE_DB=db)
    proc = subprocess.Popen([*SCAMTRACE, "ingest", "--batch-size", "200", str(path)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db_file = db.removeprefix("sqlite:///")
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db_file, timeout=5) as conn:
                stored = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= 400:
            break
    assert proc.poll() is None, "ingest finished before it could be killed; make the file bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 6000
    res = run(["ingest", str(path)], db)
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stderr.strip().splitlines()[-1])
    assert summary["stored"] + summary["unchanged"] == 6000
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*), count(DISTINCT report_id) FROM reports").fetchone() == (6000, 6000)
        assert conn.execute("SELECT count(*) FROM report_indicators ri LEFT JOIN reports r ON r.id = ri.report_pk WHERE r.id IS NULL").fetchone()[0] == 0
