"""Who is asking: a browser session (pages, and the dashboard's own API calls) or a bearer token (API).

Handlers declare what they need with ``Depends(page(PERM))`` or
``Depends(api(PERM))``; permissions come from :mod:`scamtrace.services.accounts`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from fastapi import Request, Response

from scamtrace.services.accounts import SessionPolicy, User, session_user, token_user
from scamtrace.web import csrf
from scamtrace.web.deps import settings_of, store_of

SESSION_COOKIE = csrf.SESSION_COOKIE
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class LoginRequired(Exception):
    """No valid session or token. Pages redirect to /login; the API answers 401."""


class Forbidden(Exception):
    """Signed in, but the role does not allow this. Pages and the API answer 403."""

    def __init__(self, permission: str):
        self.permission = permission
        super().__init__(permission)


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def session_policy(request: Request) -> SessionPolicy:
    s = settings_of(request)
    return SessionPolicy(lifetime=timedelta(hours=s.session_hours), idle=timedelta(minutes=s.session_idle_minutes))


def _session_user(request: Request) -> User | None:
    if "session_user" not in request.state._state:
        raw = request.cookies.get(SESSION_COOKIE)
        request.state.session_user = session_user(store_of(request), raw, session_policy(request)) if raw else None
    return request.state.session_user


def _bearer_user(request: Request) -> User | None:
    header = request.headers.get("authorization", "")
    scheme, _, raw = header.partition(" ")
    if scheme.lower() != "bearer" or not raw.strip():
        return None
    return token_user(store_of(request), raw.strip())


def optional_user(request: Request) -> User | None:
    """The signed-in user of a page request, or None."""
    return _session_user(request)


def page(permission: str | None) -> Callable[[Request], User]:
    """A signed-in browser user holding ``permission`` (any signed-in user when None)."""

    def dependency(request: Request) -> User:
        user = _session_user(request)
        if user is None:
            raise LoginRequired()
        if permission is not None and not user.can(permission):
            raise Forbidden(permission)
        return user

    return dependency


def api(permission: str | None) -> Callable[[Request], User]:
    """Bearer token first; else the session cookie, with a CSRF header on unsafe methods."""

    def dependency(request: Request) -> User:
        if request.headers.get("authorization"):
            user = _bearer_user(request)
            if user is None:
                raise LoginRequired()
        else:
            user = _session_user(request)
            if user is None:
                raise LoginRequired()
            if request.method not in SAFE_METHODS:
                csrf.check(request, settings_of(request).secret_key, request.headers.get(csrf.HEADER))
        if permission is not None and not user.can(permission):
            raise Forbidden(permission)
        return user

    return dependency


def set_session_cookie(request: Request, response: Response, raw: str) -> None:
    s = settings_of(request)
    secure = s.cookie_secure if s.cookie_secure is not None else request.url.scheme == "https"
    response.set_cookie(
        SESSION_COOKIE,
        raw,
        max_age=int(s.session_hours * 3600),
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
