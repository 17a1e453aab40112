"""Rendering pages: the Jinja environment (autoescape everywhere) and the common context."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from scamtrace.services.accounts import User
from scamtrace.web import csrf
from scamtrace.web.deps import settings_of, templates_of

TEMPLATES = Path(__file__).parent / "templates"

NAV = (
    ("/operations", "Operations", "operations:read"),
    ("/reports", "Reports", "reports:read"),
    ("/cases", "Cases", "cases:read"),
    ("/lookup", "Lookup", "indicators:lookup"),
    ("/report", "Submit a report", "reports:submit"),
)


def _money(losses: dict[str, float] | None) -> str:
    if not losses:
        return "—"
    return ", ".join(f"{cur} {amount:,.0f}" for cur, amount in sorted(losses.items(), key=lambda kv: -kv[1]))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, dict | list) else str(value)


def make_templates() -> Jinja2Templates:
    # autoescape=True for every template, not only *.html: narratives are attacker-written.
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["money"] = _money
    env.filters["pct"] = _pct
    env.filters["compact"] = _compact
    return Jinja2Templates(env=env)


def render(request: Request, name: str, context: dict[str, Any] | None = None, *, user: User | None = None, status: int = 200) -> HTMLResponse:
    s = settings_of(request)
    nav = [(href, label) for href, label, perm in NAV if user is not None and user.can(perm)]
    ctx: dict[str, Any] = {
        "user": user,
        "nav": nav,
        "path": request.url.path,
        "csrf_token": csrf.token_for(request, s.secret_key),
        "csrf_field": csrf.FIELD,
        "dev": not s.production,
    }
    ctx.update(context or {})
    ctx["can"] = (lambda perm: bool(user is not None and user.can(perm)))
    return templates_of(request).TemplateResponse(request, name, ctx, status_code=status)
