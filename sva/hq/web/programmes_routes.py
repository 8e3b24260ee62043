"""Dashboard pages of the programmes (issue 19): the smelters of a fiscal year across the
suppliers' CMRTs, deduplicated by smelter id, with the suppliers that named each and its
conformance. Managers and admins only, like the figures."""
from __future__ import annotations

from fastapi import APIRouter, Request

from sva.hq.programme.fiscal import fy_label
from sva.hq.programmes.cmrt import METALS
from sva.hq.programmes.cmrt_store import rollup
from sva.hq.programmes.panels import labels
from sva.hq.web import queries
from sva.hq.web.pages import PREFIX, lang_of, page, storage_of, strings, to_login, who

router = APIRouter(include_in_schema=False)


@router.get(f"{PREFIX}/smelters")
def smelters(request: Request, metal: str = ""):
    user = who(request)
    if user is None:
        return to_login(request)
    if not queries.sees_all(user):
        return page(request, "message.html", user, status=403, message_key="manager_only")
    from sva.hq.web.routes import _fy
    with storage_of(request).transaction(write=False) as tx:
        fy, years = _fy(request, tx)
        rows = rollup(tx, fy)
    if metal in METALS:
        rows = [r for r in rows if r["metal"] == metal]
    lang = lang_of(request)
    return page(request, "smelters.html", user, fy=fy, years=years, fy_label=fy_label(fy),
                rows=rows, metal=metal if metal in METALS else "", metals=METALS,
                pt=strings()["programmes"][lang], PL=labels()[lang])
