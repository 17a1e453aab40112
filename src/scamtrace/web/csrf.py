"""CSRF protection for forms (and for API calls made with a session cookie).

Every browser gets a random ``st_csrf`` cookie (HttpOnly). A form's hidden
token is HMAC(secret, cookie value, hash of the session cookie): a page on
another site can neither read the cookie nor compute the token, and a token
stops working when the session it was issued in changes (login, logout).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "st_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"
SESSION_COOKIE = "st_session"


class CSRFError(Exception):
    """The form's token is missing or does not match this browser."""


class CSRFCookieMiddleware:
    """Give each browser its CSRF cookie on first contact."""

    def __init__(self, app: ASGIApp, *, secure: bool | None = None) -> None:
        self.app = app
        self.secure = secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        existing = _cookie(scope, COOKIE)
        seed = existing if existing and len(existing) >= 32 else secrets.token_urlsafe(32)
        state["csrf_seed"] = seed
        if seed == existing:
            await self.app(scope, receive, send)
            return
        secure = self.secure if self.secure is not None else scope.get("scheme") == "https"
        cookie = f"{COOKIE}={seed}; Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if secure else "")

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie.encode("latin-1"))]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _cookie(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                k, _, v = part.strip().partition("=")
                if k == name:
                    return v
    return None


def _seed(request: Request) -> str:
    seed = getattr(request.state, "csrf_seed", None)
    if not seed:  # pragma: no cover - the middleware always sets it
        raise CSRFError("no CSRF cookie")
    return str(seed)


def token_for(request: Request, secret: str) -> str:
    session = request.cookies.get(SESSION_COOKIE, "")
    bound = hashlib.sha256(session.encode("utf-8")).hexdigest()
    msg = f"csrf|{_seed(request)}|{bound}".encode()
    return hmac.new(secret.encode("utf-8"), msg, hashlib.sha256).hexdigest()


def check(request: Request, secret: str, supplied: str | None) -> None:
    """Raise :class:`CSRFError` unless ``supplied`` is this browser's token."""
    if not request.cookies.get(COOKIE):
        # A fresh cookie was just minted for this request: the form was not issued to it.
        raise CSRFError("no CSRF cookie")
    if not supplied or not hmac.compare_digest(supplied, token_for(request, secret)):
        raise CSRFError("CSRF token missing or wrong")


async def check_form(request: Request, secret: str) -> None:
    form = await request.form()
    value = form.get(FIELD)
    check(request, secret, value if isinstance(value, str) else None)


async def form_guard(request: Request) -> None:
    """FastAPI dependency: the posted form must carry this browser's token."""
    await check_form(request, request.app.state.settings.secret_key)
