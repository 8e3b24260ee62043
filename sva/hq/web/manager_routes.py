"""Manager actions on the dashboard (issue 18, point 15): approve a draft plan, close or
reopen a fiscal year. POST forms with the CSRF token (sva.hq.web.csrf), for managers and
admins only; each is the same service call as the CLI's, recorded under the logged-in user."""
from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from sva.errors import BadInput
from sva.hq.programme_closing import close_year, reopen_year
from sva.hq.programme_plans import approve_plan
from sva.hq.web import queries
from sva.hq.web.pages import PREFIX, clean, form_ok, lang_of, page, storage_of, strings, \
    to_login, who

router = APIRouter(include_in_schema=False)


async def _checked(request: Request):
    """(user, form) of an allowed manager POST, or (None, the response to send)."""
    user = who(request)
    if user is None:
        return None, to_login(request)
    form = await request.form()
    t = strings()[lang_of(request)]
    if not form_ok(request, form):
        return None, page(request, "message.html", user, status=403, text=t["csrf_failed"])
    if not queries.sees_all(user):
        return None, page(request, "message.html", user, status=403, message_key="manager_only")
    return user, form


def _fy(form) -> int | None:
    raw = clean(form.get("fy"), 4)
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else None


async def _run(request: Request, user, call, target: str):
    try:
        await run_in_threadpool(call)
    except BadInput as exc:
        return page(request, "message.html", user, status=422, text=exc.message)
    return RedirectResponse(target, status_code=303)


@router.post(f"{PREFIX}/plan/approve")
async def approve(request: Request):
    user, form = await _checked(request)
    if user is None:
        return form
    name = clean(form.get("plan"), 120)
    return await _run(request, user, lambda: approve_plan(storage_of(request), name,
                                                          by=user["name"]),
                      f"{PREFIX}/plan?fy={_fy(form) or ''}")


@router.post(f"{PREFIX}/plan/amend")
async def amend(request: Request):
    """Include or exclude a supplier in a draft plan, with the reason."""
    from sva.hq.programme_plans import amend_draft
    user, form = await _checked(request)
    if user is None:
        return form
    name = clean(form.get("plan"), 120)
    code = clean(form.get("code"), 32).strip()
    reason = clean(form.get("reason"), 500).strip()
    action = clean(form.get("action"), 10)
    if action not in ("include", "exclude") or not code:
        return page(request, "message.html", user, status=422, text="include or exclude whom?")
    given = {code: reason}
    return await _run(request, user, lambda: amend_draft(
        storage_of(request), name, by=user["name"],
        include=given if action == "include" else None,
        exclude=given if action == "exclude" else None),
        f"{PREFIX}/plan?name={quote(name)}")


@router.post(f"{PREFIX}/fy/close")
async def close(request: Request):
    user, form = await _checked(request)
    if user is None:
        return form
    fy = _fy(form)
    if fy is None:
        return page(request, "message.html", user, status=422, text="no fiscal year given")
    return await _run(request, user, lambda: close_year(storage_of(request), fy,
                                                        by=user["name"]), f"{PREFIX}/?fy={fy}")


@router.post(f"{PREFIX}/fy/reopen")
async def reopen(request: Request):
    user, form = await _checked(request)
    if user is None:
        return form
    fy = _fy(form)
    if fy is None:
        return page(request, "message.html", user, status=422, text="no fiscal year given")
    reason = clean(form.get("reason"), 500)
    return await _run(request, user, lambda: reopen_year(storage_of(request), fy,
                                                         by=user["name"], reason=reason),
                      f"{PREFIX}/?fy={fy}")


@router.post(f"{PREFIX}/findings/{{finding_id}}/cap")
async def cap_decision(request: Request, finding_id: str):
    """Accept a submitted CAP, or return it to the supplier with a reason."""
    from sva.hq.audits import Missing, update_cap
    user, form = await _checked(request)
    if user is None:
        return form
    decision = clean(form.get("decision"), 10)
    if decision == "accept":
        fields = {"status": "cap_accepted"}
    elif decision == "return":
        fields = {"status": "cap_rejected", "rejection_reason": clean(form.get("reason"), 500)}
    else:
        return page(request, "message.html", user, status=422, text="accept or return?")
    audit = clean(form.get("audit"), 40)

    def call():
        try:
            update_cap(storage_of(request), user["name"], clean(finding_id, 40), fields)
        except Missing:
            raise BadInput("no such finding", field="finding") from None
    return await _run(request, user, call, f"{PREFIX}/audits/{audit}")
