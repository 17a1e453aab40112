"""The REST API under /api/ (OpenAPI description at /api/openapi.json)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from scamtrace.services import audit
from scamtrace.services.accounts import PERMISSIONS, User
from scamtrace.web.api import cases, feeds, indicators, operations, referrals, reports
from scamtrace.web.api.schemas import MePublic
from scamtrace.web.auth import api
from scamtrace.web.deps import store_of

router = APIRouter()
for module in (reports, operations, referrals, cases, feeds, indicators):
    router.include_router(module.router)

meta = APIRouter(prefix="/api", tags=["account"])


@meta.get("/me", response_model=MePublic)
def me(user: Annotated[User, Depends(api(None))]) -> MePublic:
    """Who the token or session belongs to, and what it may do."""
    return MePublic(name=user.name, role=user.role, permissions=sorted(PERMISSIONS.get(user.role, ())))


@meta.get("/audit/verify", tags=["audit"])
def audit_verify(request: Request, _user: Annotated[User, Depends(api("audit:read"))]) -> dict[str, object]:
    """Recompute the audit log's hash chain: ``ok`` and the first entry that no longer fits."""
    store = store_of(request)
    with store.engine.connect() as conn:
        ok, bad = audit.verify(conn)
    return {"ok": ok, "first_bad_id": bad, "entries": audit.count(store)}


router.include_router(meta)
