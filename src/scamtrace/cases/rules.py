"""Deadline rules per jurisdiction, read from ``scamtrace/data/legal/deadlines-<CC>.json``."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from scamtrace.cases.deadlines import CustodyRules
from scamtrace.errors import ConfigError


@lru_cache(maxsize=8)
def raw_rules(jurisdiction: str = "IN") -> dict[str, Any]:
    code = jurisdiction.strip().upper()
    ref = resources.files("scamtrace.data").joinpath("legal").joinpath(f"deadlines-{code}.json")
    if not (code.isalpha() and len(code) == 2 and ref.is_file()):
        raise ConfigError(f"no deadline rules on file for jurisdiction {jurisdiction!r}")
    data: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    return data


def custody_rules(jurisdiction: str = "IN") -> CustodyRules:
    data = raw_rules(jurisdiction)
    try:
        pc = data["police_custody"]
        return CustodyRules(
            max_police_days=int(pc["max_days"]),
            window_days=tuple(sorted((int(p), int(w)) for p, w in pc["window_days"].items())),
            warn_days=int(data.get("warn_days", 3)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"deadline rules for {jurisdiction!r} are malformed: {exc}") from exc
