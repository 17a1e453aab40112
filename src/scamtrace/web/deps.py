"""Typed access to what ``create_app`` put on ``app.state``: the store, settings, templates, limiters."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import Request

from scamtrace.store import Store

if TYPE_CHECKING:
    from fastapi.templating import Jinja2Templates

    from scamtrace.web.ratelimit import RateLimiter
    from scamtrace.web.settings import Settings


def store_of(request: Request) -> Store:
    return request.app.state.store


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def templates_of(request: Request) -> Jinja2Templates:
    return request.app.state.templates


def limiter(request: Request, name: str) -> RateLimiter:
    return request.app.state.limiters[name]


def get_store(request: Request) -> Store:
    """FastAPI dependency form of :func:`store_of`."""
    return store_of(request)


def state(request: Request) -> dict[str, Any]:
    return request.state._state
