"""PATCH /findings/{id}: CAP follow-up at HQ (managers); it flows down on the next pull."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Path

from sva.hq import audits as service
from sva.hq.api.deps import get_storage, manager
from sva.hq.api.errors import responses
from sva.hq.api.models import AUDIT_ID, CapUpdate
from sva.hq.audits import Principal
from sva.hq.storage import Storage

router = APIRouter(prefix="/findings", tags=["findings"])


@router.patch("/{finding_id}", operation_id="updateCap",
              responses=responses(401, 403, 404, 409, 413, 422))
def update_cap(body: CapUpdate, finding_id: str = Path(pattern=AUDIT_ID),
               who: Principal = Depends(manager), storage: Storage = Depends(get_storage)) -> dict:
    try:
        return service.update_cap(storage, who, finding_id, body.model_dump(exclude_unset=True))
    except service.Missing:
        raise HTTPException(404, "no such finding") from None
