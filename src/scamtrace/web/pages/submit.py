"""/report: the public victim form (no account needed), and its thank-you page.

CSRF-protected and rate limited per client address. On success the report is
stored and linked at once, then the browser is sent to a thank-you page
(post/redirect/get, so a reload does not send the report twice).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response

from scamtrace.errors import ReportInvalid
from scamtrace.intake.validate import parse_report
from scamtrace.services.reports import submit_report
from scamtrace.web import csrf, victim_form
from scamtrace.web.auth import client_ip, optional_user
from scamtrace.web.deps import limiter, settings_of, store_of
from scamtrace.web.ratelimit import RateLimited
from scamtrace.web.render import render

router = APIRouter()


def _form(request: Request, values: dict[str, str], errors: dict[str, str], status: int = 200, notice: str | None = None) -> Response:
    ctx = {
        "v": values,
        "errors": errors,
        "notice": notice,
        "how": victim_form.HOW,
        "tools": victim_form.TOOLS,
        "methods": victim_form.PAY_METHODS,
        "currencies": victim_form.CURRENCIES,
        "countries": victim_form.COUNTRIES,
        "ages": victim_form.AGE_BANDS,
    }
    return render(request, "submit.html", ctx, user=optional_user(request), status=status)


@router.get("/report")
def form(request: Request) -> Response:
    return _form(request, {}, {})


async def _posted(request: Request) -> dict[str, str]:
    raw = await request.form()
    return {k: v for k, v in raw.items() if isinstance(v, str)}


@router.post("/report")
def submit(request: Request, posted: Annotated[dict[str, str], Depends(_posted)]) -> Response:
    values = {k: v for k, v in posted.items() if k != csrf.FIELD}
    try:
        csrf.check(request, settings_of(request).secret_key, posted.get(csrf.FIELD))
    except csrf.CSRFError:
        # Keep what the victim typed: an expired form must not cost them their story.
        notice = "For your security, please press “Send my report” once more."
        return _form(request, values, {}, status=403, notice=notice)
    built = victim_form.build_document(values)
    if built.document is None:
        return _form(request, values, built.errors, status=422)
    try:
        report = parse_report(built.document)
    except ReportInvalid as exc:
        errors: dict[str, str] = {}
        for e in exc.errors:
            name, sentence = victim_form.friendly(e)
            errors.setdefault(name, sentence)
        return _form(request, values, errors, status=422)
    # Counted only when a report would be stored: a victim correcting mistakes is never locked out.
    try:
        limiter(request, "form").hit(client_ip(request))
    except RateLimited:
        notice = "We have received several reports from your connection in a short time. Please wait an hour and try again, or call your local police on their non-emergency number."
        return _form(request, values, {}, status=429, notice=notice)
    submit_report(store_of(request), report)
    return RedirectResponse(f"/report/thanks?ref={built.reference}", status_code=303)


@router.get("/report/thanks")
def thanks(request: Request, ref: Annotated[str, Query(max_length=40)] = "") -> Response:
    reference = ref if victim_form.REFERENCE.fullmatch(ref) else None
    return render(request, "thanks.html", {"reference": reference}, user=optional_user(request))
