"""Body size limits for every request, enforced while the body streams in (ASGI middleware).

A declared Content-Length over the limit is refused before reading; a chunked body is
counted and cut off at the limit. Either way the answer is 413.
"""
from __future__ import annotations

import json

from sva.hq.blobs import MAX_CHUNK

DEFAULT_LIMIT = 1 * 1024 * 1024
LIMITS = (("/api/v1/blobs/", MAX_CHUNK + 1024), ("/api/v1/audits", 16 * 1024 * 1024),
          ("/dashboard/cmrt", 21 * 1024 * 1024),     # a CMRT workbook (issue 19), ≤ 20 MB
          ("/portal/upload/", 8 * 1024 * 1024 + 64 * 1024),    # portal evidence (issue 17)
          ("/portal/caps/", 8 * 1024 * 1024 + 64 * 1024))


class TooLarge(Exception):
    """Raised by code that enforces its own, smaller limit while reading."""


def limit_for(path: str) -> int:
    for prefix, limit in LIMITS:
        if path.startswith(prefix):
            return limit
    return DEFAULT_LIMIT


async def send_413(send, limit: int) -> None:
    body = json.dumps({"detail": f"request body is larger than the limit of {limit} bytes"})
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body.encode()})


class BodyLimit:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = limit_for(scope["path"])
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = limit + 1
                if declared > limit:
                    return await send_413(send, limit)
        seen = 0
        started = refused = False

        async def counted_receive():
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    # Answer 413 now; the app sees a disconnect and whatever it tries to
                    # send afterwards is dropped.
                    refused = True
                    if not started:
                        await send_413(send, limit)
                    return {"type": "http.disconnect"}
            return message

        async def watched_send(message):
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counted_receive, watched_send)
