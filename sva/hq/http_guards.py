"""ASGI guards around the whole HQ app: security headers on every response, and a nesting
limit on JSON bodies before any parser sees them.

Headers (every response, API and dashboard alike): a strict Content-Security-Policy (only
the dashboard's own scripts, styles and images; no framing; forms post only to HQ),
`X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, `Referrer-Policy: same-origin`,
no caching of dashboard pages, and `Strict-Transport-Security` when the request came over
TLS (directly, or through a reverse proxy whose forwarded headers `sva-hq serve` trusts).

JSON bodies: one that is not UTF-8 is refused with 422 (the framework would answer an
undocumented 400). Depth: Python's parser recurses once per level, so a body of a few
hundred thousand brackets would fail inside the framework (another undocumented 400) and a
deep structure stored as-is could no longer be read back. Bodies nested deeper than
MAX_DEPTH are refused with 422 before parsing.
"""
from __future__ import annotations

import json
import re

MAX_DEPTH = 16
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
# The interactive API docs (Swagger UI) load their script and styles from the CDN FastAPI uses.
DOCS_CSP = ("default-src 'none'; script-src 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src https://cdn.jsdelivr.net; img-src 'self' data: "
            "https://fastapi.tiangolo.com; connect-src 'self'; frame-ancestors 'none'; "
            "base-uri 'none'")
DOCS_PATH = "/api/v1/docs"
HSTS = "max-age=31536000"
_ESCAPES = re.compile(rb"\\.", re.DOTALL)
_STRINGS = re.compile(rb'"[^"]*"')
_BRACKETS = bytes(range(256)).translate(None, b"[]{}")


def nesting_depth(body: bytes) -> int:
    """The deepest nesting of arrays/objects in a JSON text (brackets inside strings do not
    count). Linear, with the byte work done by `re` and `bytes.translate`."""
    structural = _STRINGS.sub(b"", _ESCAPES.sub(b"", body)).translate(None, _BRACKETS)
    depth = deepest = 0
    for ch in structural:
        if ch in (0x5B, 0x7B):
            depth += 1
            if depth > deepest:
                deepest = depth
        else:
            depth -= 1
    return deepest


def _headers(scope, given: list) -> list:
    names = {name.lower() for name, _ in given}
    path = scope.get("path", "")
    extra = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
             (b"referrer-policy", b"same-origin"),
             (b"cross-origin-opener-policy", b"same-origin")]
    if b"content-security-policy" not in names:
        extra.append((b"content-security-policy",
                      (DOCS_CSP if path == DOCS_PATH else CSP).encode()))
    if path.startswith("/dashboard") and b"cache-control" not in names:
        extra.append((b"cache-control", b"no-store"))
    if scope.get("scheme") == "https":
        extra.append((b"strict-transport-security", HSTS.encode()))
    return [*[(n, v) for n, v in given if n.lower() not in {e[0] for e in extra}], *extra]


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": _headers(scope, list(message.get("headers",
                                                                                   [])))}
            await send(message)

        await self.app(scope, receive, with_headers)


class JsonDepthLimit:
    """Refuse JSON bodies nested deeper than MAX_DEPTH (422) before any parser runs."""

    def __init__(self, app, limit: int = MAX_DEPTH):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH") \
                or not _is_json(scope):
            return await self.app(scope, receive, send)
        chunks, more = [], True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return await self.app(scope, _replay([], message, receive), send)
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        detail = None
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            detail = f"the body is not UTF-8 JSON (byte {exc.start})"
        if detail is None and nesting_depth(body) > self.limit:
            detail = f"the JSON body is nested deeper than {self.limit} levels"
        if detail:
            payload = json.dumps({"detail": detail, "field": "body",
                                  "errors": [{"field": "body", "message": detail}]}).encode()
            await send({"type": "http.response.start", "status": 422,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(payload)).encode())]})
            await send({"type": "http.response.body", "body": payload})
            return
        await self.app(scope, _replay(body, None, receive), send)


def _is_json(scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            return b"json" in value.lower()
    return False


def _replay(body, first, receive):
    sent = False

    async def again():
        nonlocal sent
        if not sent:
            sent = True
            if first is not None:
                return first
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()
    return again
