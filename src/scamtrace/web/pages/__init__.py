"""Server-rendered pages: one module per page type."""

from __future__ import annotations

from fastapi import APIRouter

from scamtrace.web.pages import (
    account,
    cases,
    home,
    lookup,
    operation,
    operations,
    report,
    reports,
    submit,
)

router = APIRouter(include_in_schema=False)
for module in (home, account, operations, operation, reports, report, cases, lookup, submit):
    router.include_router(module.router)
