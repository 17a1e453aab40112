"""Referral packages from the web: call the referral stage, then serve its files as one zip."""

from __future__ import annotations

import io
import re
import secrets
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import HTTPException
from sqlalchemy.exc import IntegrityError

from scamtrace.errors import ConfigError, NotFound
from scamtrace.services import audit
from scamtrace.services.accounts import User
from scamtrace.services.lookup import get_referral, list_referrals
from scamtrace.services.queries import get_operation
from scamtrace.store import Store
from scamtrace.web import optional
from scamtrace.web.settings import Settings


def create_referral(store: Store, settings: Settings, op_id: str, recipient: str | None, user: User, ip: str | None) -> dict[str, Any]:
    builder = optional.referral_builder()
    if builder is None:
        raise HTTPException(501, "referral packages are not available in this installation yet")
    get_operation(store, op_id)  # NotFound → 404 before anything is written
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = Path(settings.referral_dir).resolve()
    base.mkdir(parents=True, exist_ok=True)
    out_dir = base / f"{op_id}-{stamp}-{secrets.token_hex(3)}"
    try:
        result = builder(store, op_id, recipient or None, out_dir, user.name)
    except ConfigError as exc:
        raise HTTPException(422, str(exc)) from None
    except IntegrityError:
        # Referral ids are derived from operation, recipient, membership and the second:
        # the same package asked for twice within a second (a double click) is one package.
        raise HTTPException(409, "this package was made a moment ago for the same operation and recipient; see the list of referral packages") from None
    audit.append(store, user.actor(ip), "referral_created", target=op_id, detail={"recipient": (recipient or "(default)")[:200], "out_dir": str(out_dir)})
    ref_id = getattr(result, "id", None) or (result.get("id") if isinstance(result, dict) else None)
    if ref_id:
        try:
            return get_referral(store, str(ref_id))
        except NotFound:
            pass
    for ref in list_referrals(store, op_id):
        if Path(ref["out_dir"]).resolve() == out_dir:
            return ref
    files = {p.name: None for p in sorted(out_dir.iterdir())} if out_dir.is_dir() else {}
    return {"id": None, "operation_id": op_id, "recipient": recipient or "", "created_by": user.name, "created_at": stamp, "files": files, "out_dir": str(out_dir)}


def referral_zip(store: Store, ref_id: str, user: User, ip: str | None) -> tuple[str, bytes]:
    """(file name, zip bytes) of a referral's recorded files; audited before it is built."""
    ref = get_referral(store, ref_id)
    base = Path(ref["out_dir"]).resolve()
    names = sorted(ref["files"]) if isinstance(ref["files"], dict) else []
    paths = []
    for name in names:
        p = (base / str(name)).resolve()
        # Only files the referral recorded, inside its own folder.
        if p.parent == base and p.is_file():
            paths.append(p)
    if not paths:
        raise NotFound(f"the files of referral {ref_id} are no longer at {base}")
    audit.append(store, user.actor(ip), "referral_downloaded", target=ref_id, detail={"operation_id": ref["operation_id"], "files": [p.name for p in paths]})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for p in paths:
            zf.write(p, arcname=f"{ref_id}/{p.name}")
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", ref_id)[:80]
    return f"referral-{safe}.zip", buf.getvalue()
