"""Stages other parts of scamtrace provide (referral packages, cases, feeds), found at call time.

When a stage is not installed yet the web shows an empty state instead of
failing; nothing here implements those stages.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
from collections.abc import Callable
from typing import Any

from scamtrace.store import Store


def _attr(module: str, *names: str) -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    for name in names:
        fn = getattr(mod, name, None)
        if callable(fn):
            return fn
    return None


def plain(obj: Any) -> Any:
    """Dataclasses, objects with ``as_dict``/``model_dump`` and containers of them as plain JSON-able data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {k: plain(v) for k, v in dataclasses.asdict(obj).items()}
    for method in ("as_dict", "model_dump", "_asdict"):
        fn = getattr(obj, method, None)
        if callable(fn):
            return plain(fn())
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        return [plain(v) for v in obj]
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return obj


def referral_builder() -> Callable[..., Any] | None:
    return _attr("scamtrace.services.referral", "build_referral")


def cases_available() -> bool:
    return _attr("scamtrace.services.cases", "list_cases") is not None


def list_cases(store: Store) -> list[dict[str, Any]]:
    fn = _attr("scamtrace.services.cases", "list_cases")
    return [c for c in (plain(fn(store)) if fn else []) if isinstance(c, dict)]


def get_case(store: Store, case_id: str) -> dict[str, Any] | None:
    fn = _attr("scamtrace.services.cases", "get_case")
    if fn is None:
        return None
    got = plain(fn(store, case_id))
    return got if isinstance(got, dict) else None


def deadlines(store: Store, days: int = 30) -> list[dict[str, Any]]:
    """Coming deadlines from the cases stage (``upcoming_deadlines``/``deadlines``), soonest first."""
    fn = _attr("scamtrace.services.cases", "upcoming_deadlines", "deadlines")
    if fn is None:
        return []
    try:
        takes_days = "days" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        takes_days = False
    got = plain(fn(store, days=days) if takes_days else fn(store))
    return [d for d in got if isinstance(d, dict)] if isinstance(got, list) else []


def list_feeds(store: Store) -> list[dict[str, Any]]:
    fn = _attr("scamtrace.services.feeds", "list_feeds")
    return [f for f in (plain(fn(store)) if fn else []) if isinstance(f, dict)]


def feeds_available() -> bool:
    return _attr("scamtrace.services.feeds", "list_feeds") is not None


def referral_recipients() -> list[dict[str, str]]:
    """Configured referral recipients (id, name, jurisdiction, what personal data they may get)."""
    fn = _attr("scamtrace.refer.recipients", "load_config")
    if fn is None:
        return []
    try:
        config = fn()
    except Exception:  # a broken configuration shows as "no recipients"; `scamtrace refer` reports why
        return []
    return [
        {"id": str(r.id), "name": str(r.name), "jurisdiction": str(getattr(r, "jurisdiction", "")), "personal_data": str(getattr(r, "personal_data", ""))}
        for r in getattr(config, "recipients", ())
    ]
