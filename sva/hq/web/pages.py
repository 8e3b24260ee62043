"""What every dashboard page shares: templates, language, the signed-in user, the CSRF
cookie and token of its forms, and cleaning of what the browser sends."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import yaml
from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from sva.hq.programme.figures_render import _labels
from sva.hq.web import csrf
from sva.hq.web.auth import COOKIE, session_user
from sva.paths import resource
from sva.vocabulary import LANGS

PREFIX = "/dashboard"
HERE = Path(__file__).parent
LANG_COOKIE = "sva_lang"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@lru_cache(maxsize=1)
def env() -> Environment:
    e = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                    autoescape=select_autoescape(["html"]), trim_blocks=True,
                    lstrip_blocks=True)
    e.filters["yen"] = _yen
    e.globals["P"] = PREFIX
    return e


def _yen(value) -> str:
    try:
        return f"{int(value or 0):,}"
    except (TypeError, ValueError):
        return "–"


@lru_cache(maxsize=1)
def strings() -> dict:
    """{en: {...}, ja: {...}}; a further top-level block holding its own `en` and `ja` (one
    per feature, kept at the end of the file so parallel work merges cleanly) is folded in."""
    doc = yaml.safe_load(resource("web", "strings.yaml").read_text("utf-8"))
    for name, block in list(doc.items()):
        if name not in ("version", *LANGS) and isinstance(block, dict) \
                and set(LANGS) <= set(block):
            for lang in LANGS:      # never over the main block's own words
                for key, text in block[lang].items():
                    doc[lang].setdefault(key, text)
    return doc


def clean(text, limit: int = 200) -> str:
    """What the browser sent, as plain text: no NUL or other control characters, no lone
    surrogates, bounded."""
    text = _CONTROL.sub("", str(text or ""))[:limit]
    return text.encode("utf-8", "ignore").decode("utf-8")


def lang_of(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or "en"
    return lang if lang in LANGS else "en"


def storage_of(request: Request):
    return request.app.state.storage


def who(request: Request) -> dict | None:
    return session_user(storage_of(request), request.cookies.get(COOKIE))


def secure(request: Request) -> bool:
    return request.url.scheme == "https"


def csrf_cookie(request: Request) -> tuple[str, bool]:
    """The browser's CSRF cookie, or a new one (True: it must be set on the response)."""
    value = request.cookies.get(csrf.COOKIE)
    if value and 8 <= len(value) <= 100:
        return value, False
    return csrf.new_cookie(), True


def set_csrf_cookie(request: Request, response, value: str) -> None:
    response.set_cookie(csrf.COOKIE, value, httponly=True, samesite="strict",
                        secure=secure(request), path=csrf.COOKIE_PATH)


def page(request: Request, template: str, user: dict | None, status: int = 200,
         *, csrf_value: str | None = None, **ctx) -> HTMLResponse:
    lang = lang_of(request)
    cookie, fresh = (csrf_value, True) if csrf_value else csrf_cookie(request)
    html = env().get_template(template).render(
        t=strings()[lang], L=_labels()[lang], lang=lang, who=user, request=request,
        path=request.url.path, query=str(request.url.query),
        csrf_token=csrf.token_for(storage_of(request), cookie), **ctx)
    response = HTMLResponse(html, status_code=status)
    if fresh:
        set_csrf_cookie(request, response, cookie)
    if request.query_params.get("lang") in LANGS:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="strict",
                            secure=secure(request), path="/")
    return response


def to_login(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"{PREFIX}/login?next={quote(target)}", status_code=303)


def form_ok(request: Request, form) -> bool:
    """The form's CSRF field matches the browser's cookie, and it came from HQ's own page."""
    return csrf.valid(storage_of(request), request.cookies.get(csrf.COOKIE),
                      str(form.get(csrf.FIELD, "")), request.headers,
                      request.headers.get("host", ""))
