"""GET /pull: master data, checklists, own assignments and CAP changes since a cursor."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from sva.hq import pull as pull_service
from sva.hq.api.deps import current_device, get_storage
from sva.hq.api.errors import responses
from sva.hq.audits import Principal
from sva.hq.storage import Storage

router = APIRouter(tags=["sync"])


@router.get("/pull", responses=responses(401, 422))
def pull(cursor: int = Query(0, ge=0, le=2**62), who: Principal = Depends(current_device),
         storage: Storage = Depends(get_storage)) -> dict:
    return pull_service.pull(storage, who, cursor)
