"""Dashboard pages of the programmes (issue 19): the smelters of a fiscal year across the
suppliers' CMRTs, deduplicated by smelter id, with the suppliers that named each and its
conformance. Managers and admins only, like the figures."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from sva.errors import BadInput

from sva.hq.programme.fiscal import fy_label
from sva.hq.programmes.cmrt import METALS
from sva.hq.programmes.cmrt_store import import_cmrt, rollup
from sva.hq.programmes.panels import labels
from sva.hq.web import queries
from sva.hq.web.pages import (PREFIX, clean, form_ok, lang_of, page, storage_of, strings,
                              to_login, who)

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


@router.post(f"{PREFIX}/cmrt")
async def cmrt_upload(request: Request):
    """A supplier's CMRT uploaded by a manager: checked and kept exactly as `sva-hq cmrt
    import` does; the problems (sheet and cell) shown when it is refused."""
    user = who(request)
    if user is None:
        return to_login(request)
    t = strings()[lang_of(request)]
    if not queries.sees_all(user):
        return page(request, "message.html", user, status=403, message_key="manager_only")
    form = await request.form()
    if not form_ok(request, form):
        return page(request, "message.html", user, status=403, text=t["csrf_failed"])
    upload, supplier = form.get("file"), clean(form.get("supplier", ""), 40)
    fy_text = str(form.get("fy", ""))
    lines: list[str] = []
    if not supplier:
        lines.append("supplier: empty")
    if not (fy_text.isdigit() and 2000 <= int(fy_text) <= 2100):
        lines.append(f"fy: {fy_text[:10]!r} is not a fiscal year")
    if upload is None or not hasattr(upload, "read"):
        lines.append("file: none was sent")
    status, ok = 422, False
    if not lines:
        name = re.sub(r"[^\w.\-]+", "_", Path(str(upload.filename or "cmrt.xlsx")).name)[:120]
        data = await upload.read()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / (name or "cmrt.xlsx")
            path.write_bytes(data)
            try:
                out = await run_in_threadpool(import_cmrt, storage_of(request), path,
                                              supplier=supplier, fy=int(fy_text),
                                              actor=user["name"])
                lines, status, ok = [strings()["programmes"][lang_of(request)]["cmrt_kept"]
                                     .format(**out)], 200, True
            except BadInput as exc:
                lines = exc.message.splitlines()
    return page(request, "cmrt_result.html", user, status=status, lines=lines, ok=ok,
                fy=int(fy_text) if fy_text.isdigit() else "", pt=strings()["programmes"][
                    lang_of(request)])
