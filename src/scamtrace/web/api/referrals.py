"""/api/referrals: create a referral package for police (when the referral stage is installed), list, download."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from scamtrace.services.accounts import User
from scamtrace.services.lookup import get_referral, list_referrals
from scamtrace.web.api.schemas import ReferralCreate, ReferralPublic
from scamtrace.web.auth import api, client_ip
from scamtrace.web.deps import settings_of, store_of
from scamtrace.web.referral_files import create_referral, referral_zip

router = APIRouter(prefix="/api/referrals", tags=["referrals"])


@router.post("", status_code=201, response_model=ReferralPublic, responses={501: {"description": "the referral stage is not installed"}})
def create(body: ReferralCreate, request: Request, user: Annotated[User, Depends(api("referrals:create"))]) -> Any:
    """Build the referral package (PDF, STIX, MISP, evidence CSV, manifest) for one operation."""
    return create_referral(store_of(request), settings_of(request), body.operation_id, body.recipient, user, client_ip(request))


@router.get("", response_model=list[ReferralPublic])
def listing(request: Request, _user: Annotated[User, Depends(api("referrals:read"))], operation_id: Annotated[str | None, Query()] = None) -> Any:
    return list_referrals(store_of(request), operation_id)


@router.get("/{ref_id}", response_model=ReferralPublic)
def one(ref_id: str, request: Request, _user: Annotated[User, Depends(api("referrals:read"))]) -> Any:
    return get_referral(store_of(request), ref_id)


@router.get("/{ref_id}/download", response_class=Response, responses={200: {"content": {"application/zip": {}}}})
def download(ref_id: str, request: Request, user: Annotated[User, Depends(api("referrals:read"))]) -> Response:
    """The package as a zip (audited: it may hold contacts of victims who agreed to be contacted)."""
    name, data = referral_zip(store_of(request), ref_id, user, client_ip(request))
    return Response(data, media_type="application/zip", headers={"Content-Disposition": f'attachment; filename="{name}"'})
