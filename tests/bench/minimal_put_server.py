"""The baseline of bench_sync.py: the smallest uvicorn endpoint that takes an HTTP PUT.

`python tests/bench/minimal_put_server.py PORT FOLDER` — a raw ASGI app (no framework, no
auth, no database, no hashing, no fsync) that writes each PUT body to FOLDER/<last path
part>, served by uvicorn exactly like `sva-hq serve` (same loop, HTTP implementation, log
settings). Loopback only.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def make_app(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        status, size = 200, 0
        if scope["method"] == "PUT":
            name = scope["path"].rsplit("/", 1)[-1] or "body"
            fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                more = True
                while more:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return
                    os.write(fd, message.get("body", b""))
                    size += len(message.get("body", b""))
                    more = message.get("more_body", False)
            finally:
                os.close(fd)
            status = 201
        body = b'{"size": %d}' % size
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    return app


def main() -> None:
    import uvicorn
    port, folder = int(sys.argv[1]), Path(sys.argv[2])
    uvicorn.run(make_app(folder), host="127.0.0.1", port=port, log_level="warning",
                access_log=False)


if __name__ == "__main__":
    main()
