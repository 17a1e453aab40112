"""Sign in and out, change password, API tokens."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from scamtrace.services.accounts import (
    AuthError,
    LockoutPolicy,
    PasswordRejected,
    User,
    authenticate,
    change_password,
    create_session,
    create_token,
    end_session,
    list_tokens,
    revoke_token,
)
from scamtrace.web.auth import (
    SESSION_COOKIE,
    clear_session_cookie,
    client_ip,
    optional_user,
    page,
    session_policy,
    set_session_cookie,
)
from scamtrace.web.csrf import form_guard
from scamtrace.web.deps import limiter, settings_of, store_of
from scamtrace.web.ratelimit import RateLimited
from scamtrace.web.render import render

router = APIRouter()
Guard = Depends(form_guard)


def safe_next(value: str | None) -> str:
    """Only local paths: an attacker's link must not turn sign-in into a redirect to their site."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    if optional_user(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "login.html", {"next": safe_next(next), "error": None, "name": ""})


@router.post("/login", dependencies=[Guard])
def login(
    request: Request,
    name: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    s = settings_of(request)
    name, nxt = name.strip(), safe_next(next)
    try:
        limiter(request, "login").hit(client_ip(request))
    except RateLimited as exc:
        msg = f"Too many sign-in attempts from your connection. Wait {exc.retry_after} seconds and try again."
        return render(request, "login.html", {"next": nxt, "error": msg, "name": name}, status=429)
    policy = LockoutPolicy(max_failures=s.login_max_failures, lock_minutes=s.lockout_minutes)
    try:
        user = authenticate(store_of(request), name, password, ip=client_ip(request), policy=policy)
    except AuthError as exc:
        if exc.locked_until is not None:
            until = exc.locked_until.replace(tzinfo=UTC).strftime("%H:%M UTC")
            msg = f"This account is locked after too many failed attempts. Try again after {until}, or ask an administrator to unlock it."
        else:
            msg = "The name or password is not right."
        return render(request, "login.html", {"next": nxt, "error": msg, "name": name}, status=401)
    # A new session id on every sign-in: a cookie planted before login is worth nothing after it.
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        end_session(store_of(request), old)
    raw = create_session(store_of(request), user, session_policy(request))
    home = "/operations" if user.can("operations:read") else "/report"
    resp = RedirectResponse(nxt if nxt != "/" else home, status_code=303)
    set_session_cookie(request, resp, raw)
    return resp


@router.post("/logout", dependencies=[Guard])
def logout(request: Request) -> Response:
    raw = request.cookies.get(SESSION_COOKIE)
    if raw:
        end_session(store_of(request), raw)
    resp = RedirectResponse("/login", status_code=303)
    clear_session_cookie(resp)
    return resp


def _account(request: Request, user: User, *, message: str | None = None, error: str | None = None, new_token: str | None = None) -> Response:
    ctx = {"tokens": list_tokens(store_of(request), user), "message": message, "error": error, "new_token": new_token}
    return render(request, "account.html", ctx, user=user)


@router.get("/account")
def account(request: Request, user: Annotated[User, Depends(page(None))]) -> Response:
    return _account(request, user)


@router.post("/account/password", dependencies=[Guard])
def password(
    request: Request,
    user: Annotated[User, Depends(page(None))],
    current: Annotated[str, Form(max_length=1000)],
    new: Annotated[str, Form(max_length=1000)],
    confirm: Annotated[str, Form(max_length=1000)],
) -> Response:
    if new != confirm:
        return _account(request, user, error="The two new passwords are not the same.")
    try:
        change_password(store_of(request), user, current, new, keep_session=request.cookies.get(SESSION_COOKIE))
    except PasswordRejected as exc:
        return _account(request, user, error=f"Password not changed: {exc}.")
    return _account(request, user, message=f"Password changed at {datetime.now(UTC):%H:%M} UTC. Your other sessions were signed out.")


@router.post("/account/tokens", dependencies=[Guard])
def new_token(request: Request, user: Annotated[User, Depends(page(None))], label: Annotated[str, Form(max_length=100)] = "web") -> Response:
    raw = create_token(store_of(request), user.name, label=label.strip() or "web")
    return _account(request, user, new_token=raw, message="New API token created. Copy it now: it will not be shown again.")


@router.post("/account/tokens/{token_id}/revoke", dependencies=[Guard])
def revoke(request: Request, user: Annotated[User, Depends(page(None))], token_id: int) -> Response:
    ok = revoke_token(store_of(request), user, token_id)
    return _account(request, user, message="Token revoked." if ok else None, error=None if ok else "No such token.")
