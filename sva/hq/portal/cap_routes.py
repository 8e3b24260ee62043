"""The supplier portal's CAP page: the findings of signed audits at the contact's own
supplier that need a corrective action plan, and the answer to each (sva.hq.portal.caps)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from sva.errors import BadInput
from sva.hq import audits as hq_audits
from sva.hq.portal import caps
from sva.hq.portal.pages import (PORTAL, contact_of, form_ok, lang_for, not_found, posted,
                                 render, texts, to_login)
from sva.hq.web.pages import clean, storage_of

router = APIRouter(include_in_schema=False)


@router.get(f"{PORTAL}/caps")
def caps_page(request: Request):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    with storage_of(request).transaction(write=False) as tx:
        rows = caps.findings_of(tx, me["supplier_code"])
    return render(request, "portal/caps.html", me, rows=rows,
                  notice=request.query_params.get("notice", ""))


@router.post(f"{PORTAL}/caps/{{finding_id}}")
async def cap_answer(request: Request, finding_id: str):
    return await posted(request, _cap_answer, finding_id)


def _cap_answer(request: Request, form, finding_id: str):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    t = texts(lang_for(request, me))
    if not form_ok(request, form):
        return render(request, "portal/message.html", me, status=403, text=t["csrf_failed"])
    try:
        caps.answer(storage_of(request), me, finding_id,
                    {k: clean(v, caps.LIMIT) for k, v in form.items() if isinstance(v, str)})
    except hq_audits.Conflict as exc:
        return render(request, "portal/message.html", me, status=409, text=str(exc))
    except BadInput as exc:
        if exc.field == "finding":
            return not_found(request, me)
        with storage_of(request).transaction(write=False) as tx:
            rows = caps.findings_of(tx, me["supplier_code"])
        return render(request, "portal/caps.html", me, status=422, rows=rows,
                      error=str(exc), failed=finding_id)
    return RedirectResponse(f"{PORTAL}/caps?notice=cap_sent", status_code=303)
