"""Suggested legal provisions per jurisdiction, kept as data in ``scamtrace/data/legal/<CC>.json``."""

from __future__ import annotations

import json
from importlib import resources

from scamtrace.errors import ConfigError
from scamtrace.refer.model import Legal, Provision


def load_legal(jurisdiction: str) -> Legal | None:
    """The provisions on file for an ISO alpha-2 jurisdiction, or None when there are none."""
    code = jurisdiction.strip().upper()
    if len(code) != 2 or not code.isalpha():
        return None
    ref = resources.files("scamtrace.data").joinpath("legal").joinpath(f"{code}.json")
    if not ref.is_file():
        return None
    try:
        data = json.loads(ref.read_text(encoding="utf-8"))
        return Legal(
            jurisdiction=code,
            disclaimer=str(data["disclaimer"]),
            provisions=tuple(
                Provision(
                    id=str(p["id"]),
                    act=str(p["act"]),
                    short=str(p.get("short") or p["act"]),
                    section=str(p["section"]),
                    title=str(p["title"]),
                    summary=str(p["summary"]),
                    relevance=str(p.get("relevance") or ""),
                    source_title=str(p["source"]["title"]),
                    source_url=str(p["source"]["url"]),
                )
                for p in data["provisions"]
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"legal/{code}.json is malformed: {exc}") from exc
