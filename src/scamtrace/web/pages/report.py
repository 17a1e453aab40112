"""/reports/{pk}: one report, its narrative with indicators highlighted; personal data on request (audited)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from scamtrace.services.accounts import User
from scamtrace.services.reports import get_report
from scamtrace.web.auth import Forbidden, client_ip, page
from scamtrace.web.csrf import form_guard
from scamtrace.web.deps import store_of
from scamtrace.web.policy import may_reveal
from scamtrace.web.render import render

router = APIRouter()


def _show(request: Request, pk: int, user: User, reveal: bool) -> Response:
    store = store_of(request)
    allowed = may_reveal(store, user, pk)
    if reveal and not allowed:
        raise Forbidden("personal:read")
    data = get_report(store, pk, reveal_for=user.actor(client_ip(request)) if reveal else None)
    return render(request, "report.html", {"r": data, "may_reveal": allowed}, user=user)


@router.get("/reports/{pk}")
def report(request: Request, user: Annotated[User, Depends(page("reports:read"))], pk: int) -> Response:
    return _show(request, pk, user, reveal=False)


# A POST with a CSRF token, so that a link on another site cannot make an
# analyst's browser write "viewed personal data" entries in their name.
@router.post("/reports/{pk}/reveal", dependencies=[Depends(form_guard)])
def reveal(request: Request, user: Annotated[User, Depends(page("reports:read"))], pk: int) -> Response:
    return _show(request, pk, user, reveal=True)
