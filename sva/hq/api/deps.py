"""Dependencies of every route: the storage (from app config) and the authenticated device."""
from __future__ import annotations

from fastapi import Depends, HTTPException, Request

from sva.hq.accounts import device_for_token
from sva.hq.audits import Principal
from sva.hq.storage import Storage

UNAUTHORISED = {"WWW-Authenticate": "Bearer"}


def get_storage(request: Request) -> Storage:
    return request.app.state.storage


def current_device(request: Request, storage: Storage = Depends(get_storage)) -> Principal:
    """Checked against the database on every request: a revoked token stops at once."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "missing bearer token", headers=UNAUTHORISED)
    with storage.transaction(write=False) as tx:
        row = device_for_token(tx, token.strip())
    if row is None:
        raise HTTPException(401, "unknown or revoked device token", headers=UNAUTHORISED)
    return Principal(device_id=row["device_id"], user_id=row["user_id"],
                     user_name=row["user_name"], role=row["role"])


def manager(who: Principal = Depends(current_device)) -> Principal:
    if not who.sees_all:
        raise HTTPException(403, "this needs the manager or admin role")
    return who
