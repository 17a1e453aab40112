"""The README's commands name real commands, options and recipients (docs that are tested)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from typer.testing import CliRunner

from scamtrace.cli import app
from scamtrace.refer.recipients import load_config

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands() -> list[list[str]]:
    out = []
    for line in README.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("scamtrace "):
            out.append(shlex.split(line)[1:])
    return out


def test_readme_commands_exist_with_their_options() -> None:
    runner = CliRunner()
    commands = _commands()
    assert len(commands) >= 8
    for args in commands:
        words = [a for a in args if not a.startswith("-")]
        path = [w for w in words[:2] if re.fullmatch(r"[a-z][a-z-]*", w)]
        result = runner.invoke(app, [*path[:2], "--help"]) if path[:1] == ["case"] else runner.invoke(app, [path[0], "--help"])
        assert result.exit_code == 0, (args, result.output)
        for opt in (a.split("=")[0] for a in args if a.startswith("--")):
            assert opt in result.output, (args, opt)


def test_readme_recipients_are_configured() -> None:
    config = load_config(None)
    for rid in re.findall(r"--to ([\w-]+)", README.read_text(encoding="utf-8")):
        assert config.find(rid).id == rid


def test_readme_gives_the_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
