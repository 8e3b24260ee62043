"""POST /enrol: a one-time code becomes a device token (shown once, stored as a hash)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException

from sva.hq import accounts
from sva.hq.api.deps import get_storage
from sva.hq.api.errors import responses
from sva.hq.api.models import EnrolRequest, EnrolResponse
from sva.hq.storage import Storage

router = APIRouter(tags=["enrolment"])


@router.post("/enrol", response_model=EnrolResponse, responses=responses(401, 413, 422))
def enrol(body: EnrolRequest, storage: Storage = Depends(get_storage)) -> dict:
    try:
        return accounts.enrol(storage, body.code, device_name=body.device_name,
                              public_key=body.public_key)
    except accounts.EnrolRefused:
        raise HTTPException(401, "enrolment code is unknown, already used or expired") from None
