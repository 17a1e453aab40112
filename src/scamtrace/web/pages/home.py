"""/ : where each visitor starts; /healthz for scripts waiting on the server."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from scamtrace.web.auth import optional_user
from scamtrace.web.render import render

router = APIRouter()


@router.get("/")
def home(request: Request) -> Response:
    user = optional_user(request)
    if user is None:
        return render(request, "home.html")
    if user.can("operations:read"):
        return RedirectResponse("/operations", status_code=303)
    return RedirectResponse("/report", status_code=303)


@router.get("/healthz")
def healthz() -> Response:
    return JSONResponse({"ok": True})
