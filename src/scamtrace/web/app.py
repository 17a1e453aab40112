"""The application factory. Nothing is created at import time: each call builds
its own app on its own store, so tests can give every test a fresh database."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from scamtrace.errors import NotFound
from scamtrace.services.accounts import ensure_first_admin
from scamtrace.store import Store, open_store
from scamtrace.web.auth import Forbidden, LoginRequired, optional_user
from scamtrace.web.csrf import CSRFCookieMiddleware, CSRFError
from scamtrace.web.ratelimit import RateLimited, RateLimiter
from scamtrace.web.render import make_templates, render
from scamtrace.web.security_headers import SecurityHeadersMiddleware
from scamtrace.web.settings import Settings

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_page(request: Request, status: int, title: str, message: str) -> HTMLResponse:
    try:
        user = optional_user(request)
    except Exception:  # the store may be what failed
        user = None
    return render(request, "error.html", {"title": title, "message": message}, user=user, status=status)


def _handlers() -> dict[Any, Callable[..., Any]]:
    def login_required(request: Request, _exc: LoginRequired) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": "sign in: send Authorization: Bearer TOKEN (scamtrace user token NAME)"}, 401, headers={"WWW-Authenticate": "Bearer"})
        nxt = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(nxt, safe='/')}", status_code=303)

    def forbidden(request: Request, exc: Forbidden) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": f"your role may not do this ({exc.permission})"}, 403)
        return _error_page(request, 403, "Not available to your role", "Your account's role does not give access to this page. Ask an administrator if you need it.")

    def csrf_failed(request: Request, _exc: CSRFError) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": "missing or wrong X-CSRF-Token header"}, 403)
        return _error_page(request, 403, "Please try again", "This form had expired or came from another page. Go back, reload the page and send it again.")

    def rate_limited(request: Request, exc: RateLimited) -> Response:
        headers = {"Retry-After": str(exc.retry_after)}
        if _is_api(request):
            return JSONResponse({"detail": f"too many requests; retry after {exc.retry_after} s"}, 429, headers=headers)
        resp = _error_page(request, 429, "Please wait a little", "We have received many forms from your connection in a short time. Please wait a few minutes and try again.")
        resp.headers.update(headers)
        return resp

    def not_found(request: Request, exc: NotFound) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": str(exc)}, 404)
        return _error_page(request, 404, "Not found", str(exc))

    def http_error(request: Request, exc: HTTPException) -> Response:
        if _is_api(request) or exc.status_code < 400:
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=getattr(exc, "headers", None))
        title = "Not found" if exc.status_code == 404 else "Something is not right"
        return _error_page(request, exc.status_code, title, str(exc.detail) if exc.status_code != 404 else "There is no page at this address.")

    return {LoginRequired: login_required, Forbidden: forbidden, CSRFError: csrf_failed, RateLimited: rate_limited, NotFound: not_found, HTTPException: http_error}


def create_app(settings: Settings, *, store: Store | None = None, announce: Callable[[str], None] | None = None) -> FastAPI:
    """Build the web app on ``store`` (opened from ``settings.db_url`` when not given).

    On a store without users the first admin is created and its generated
    password handed to ``announce`` (default: printed to stderr) — once.
    """
    store = store or open_store(settings.db_url)
    app = FastAPI(
        title="scamtrace",
        summary="Reports, operations, referrals and indicator lookup for tech-support scam investigations.",
        version="1",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the hosted Swagger/ReDoc pages need a CDN and inline script
        redoc_url=None,
    )
    app.state.store = store
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.limiters = {
        "form": RateLimiter(settings.form_rate_per_hour, 3600, max_keys=settings.rate_limit_max_clients, name="form"),
        "api": RateLimiter(settings.api_rate_per_minute, 60, max_keys=settings.rate_limit_max_clients, name="api"),
        "login": RateLimiter(settings.login_rate_per_minute, 60, max_keys=settings.rate_limit_max_clients, name="login"),
    }
    for exc_type, handler in _handlers().items():
        app.add_exception_handler(exc_type, handler)

    from scamtrace.web.api import router as api_router
    from scamtrace.web.pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    # Outermost last: headers wrap everything, including errors and static files.
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(CSRFCookieMiddleware, secure=settings.cookie_secure)
    app.add_middleware(SecurityHeadersMiddleware)

    if settings.bootstrap_admin:
        password = ensure_first_admin(store)
        if password is not None:
            (announce or _print_once)(password)
    return app


def _print_once(password: str) -> None:
    # stderr, not the log: log files are kept and shipped; this must be seen once and not stored.
    sys.stderr.write(
        "\nscamtrace: first run, created user 'admin' with password:\n\n"
        f"    {password}\n\n"
        "Sign in and change it under Account. It is not stored anywhere and will not be shown again.\n\n"
    )
    sys.stderr.flush()
