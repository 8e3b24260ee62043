"""What every supplier-portal page shares: the signed-in contact (its own session cookie,
never a staff session), the language (the page's toggle, else the contact's own), the CSRF
cookie of the portal's forms (path /portal) and the template texts."""
from __future__ import annotations

from functools import lru_cache

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from sva.hq.portal.contacts import session_contact
from sva.hq.programme.figures_render import _labels
from sva.hq.web import csrf
from sva.hq.web.pages import LANG_COOKIE, env, secure, storage_of, strings
from sva.vocabulary import LANGS

PORTAL = "/portal"
COOKIE = "sva_portal"


def contact_of(request: Request) -> dict | None:
    return session_contact(storage_of(request), request.cookies.get(COOKIE))


def lang_for(request: Request, contact: dict | None = None) -> str:
    lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or \
        (contact or {}).get("lang") or "en"
    return lang if lang in LANGS else "en"


@lru_cache(maxsize=len(LANGS))
def texts(lang: str) -> dict:
    """The portal's words: its block of strings.yaml, and the later `portal2` block."""
    doc = strings()
    return {**doc["portal2"][lang], **doc["portal"][lang]}


def csrf_cookie(request: Request) -> tuple[str, bool]:
    value = request.cookies.get(csrf.COOKIE)
    if value and 8 <= len(value) <= 100:
        return value, False
    return csrf.new_cookie(), True


def set_csrf_cookie(request: Request, response, value: str) -> None:
    response.set_cookie(csrf.COOKIE, value, httponly=True, samesite="strict",
                        secure=secure(request), path=PORTAL)


def render(request: Request, template: str, contact: dict | None, status: int = 200,
           *, fresh_csrf: bool = False, **ctx) -> HTMLResponse:
    lang = lang_for(request, contact)
    cookie, fresh = (csrf.new_cookie(), True) if fresh_csrf else csrf_cookie(request)
    html = env().get_template(template).render(
        t=texts(lang), L=_labels()[lang], lang=lang, me=contact, PP=PORTAL, path=request.url.path,
        query=str(request.url.query), csrf_token=csrf.token_for(storage_of(request), cookie),
        **ctx)
    response = HTMLResponse(html, status_code=status)
    if fresh:
        set_csrf_cookie(request, response, cookie)
    if request.query_params.get("lang") in LANGS:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="strict",
                            secure=secure(request), path="/")
    return response


def not_found(request: Request, contact: dict | None):
    """One answer for "does not exist" and "not yours": nothing tells them apart."""
    return render(request, "portal/message.html", contact, status=404,
                  text=texts(lang_for(request, contact))["not_found"])


def to_login(request: Request) -> RedirectResponse:
    return RedirectResponse(f"{PORTAL}/login", status_code=303)


async def posted(request: Request, handler, *args, **form_options):
    """Read the form on the event loop, then do the database work (session, CSRF key, the
    change itself) in the thread pool, never on the loop."""
    form = await request.form(**form_options)
    return await run_in_threadpool(handler, request, form, *args)


def evidence_response(row: dict, path) -> Response:
    return Response(path.read_bytes(), media_type=row["media_type"], headers={
        "Content-Disposition": f'attachment; filename="{row["filename"]}"',
        "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store",
        "Content-Security-Policy": "sandbox; default-src 'none'"})


def form_ok(request: Request, form) -> bool:
    return csrf.valid(storage_of(request), request.cookies.get(csrf.COOKIE),
                      str(form.get(csrf.FIELD, "")), request.headers,
                      request.headers.get("host", ""))


# The staff dashboard's menu names the portal in its own words (texts kept in the portal's
# block of strings.yaml).
env().globals["portal_texts"] = texts
