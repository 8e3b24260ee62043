"""A small HTTP client for the HQ API; transport and status problems become SyncErrors.

The token goes only into the Authorization header; no message built here contains it.
Environment proxies are ignored (trust_env=False): the device talks to the HQ URL it
enrolled with and nothing else.
"""
from __future__ import annotations

import threading
from urllib.parse import urlsplit

import httpx

from sva.errors import BadInput
from sva.sync.errors import AuthFailed, Offline, ServerError

API = "/api/v1"
TIMEOUT = httpx.Timeout(60.0, connect=10.0)


def check_url(url: str) -> str:
    parts = urlsplit((url or "").strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadInput(f"server URL {url!r} must look like https://hq.example.com",
                       field="--server", code="hq_url_invalid", params={"url": url or ""})
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
        detail = body.get("detail") if isinstance(body, dict) else None
        return str(detail or body)[:300]
    except ValueError:
        return response.text[:300]


class HqClient:
    def __init__(self, url: str, token: str | None = None, *, transport=None):
        self.url = check_url(url)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.http = httpx.Client(base_url=self.url + API, headers=headers, timeout=TIMEOUT,
                                 trust_env=False, transport=transport)
        self.bytes_sent = 0
        self._count_lock = threading.Lock()

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> HqClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def request(self, method: str, path: str, *, ok=(200, 201), **kw) -> httpx.Response:
        try:
            response = self.http.request(method, path, **kw)
        except httpx.TransportError as exc:
            raise Offline(f"cannot reach HQ at {self.url} ({type(exc).__name__}); everything "
                          "stays queued on this device — run `sva sync` again when online",
                          code="hq_unreachable",
                          params={"url": self.url, "error": type(exc).__name__}) from None
        if response.status_code in ok:
            return response
        if response.status_code == 401:
            raise AuthFailed("HQ refused this device (token revoked or unknown); ask HQ for a "
                             "new enrolment code and run `sva enrol` again. Nothing was lost.",
                             code="hq_token_refused")
        if response.status_code >= 500:
            raise ServerError(f"HQ failed ({response.status_code}: {_detail(response)}); "
                              "everything stays queued — try `sva sync` again later",
                              code="hq_failed", params={"status": response.status_code,
                                                        "detail": _detail(response)})
        raise ServerError(f"HQ refused {method} {path.split('?')[0]} "
                          f"({response.status_code}: {_detail(response)})",
                          code="hq_refused", params={
                              "request": f"{method} {path.split('?')[0]}",
                              "status": response.status_code, "detail": _detail(response)})

    # -- API calls ----------------------------------------------------------------------
    def enrol(self, code: str, device_name: str, public_key: str) -> dict:
        try:
            return self.request("POST", "/enrol", json={
                "code": code, "device_name": device_name, "public_key": public_key}).json()
        except AuthFailed:
            raise AuthFailed("HQ refused the enrolment code: unknown, already used or "
                             "expired; ask HQ for a new one", code="hq_code_refused") from None

    def pull(self, cursor: int) -> dict:
        return self.request("GET", "/pull", params={"cursor": cursor}).json()

    def push(self, document: dict) -> dict:
        return self.request("POST", "/audits", json=document).json()

    def confirm(self, audit_id: str) -> dict:
        return self.request("POST", f"/audits/{audit_id}/confirm").json()

    def blob_offset(self, sha: str) -> tuple[int, bool]:
        r = self.request("HEAD", f"/blobs/{sha}")
        return int(r.headers["Upload-Offset"]), r.headers.get("Upload-Complete") == "1"

    def put_chunk(self, sha: str, offset: int, data: bytes, total: int) -> tuple[int, bool]:
        """Send bytes at `offset`; on 409 returns where HQ really is."""
        with self._count_lock:          # photos may go up from two threads
            self.bytes_sent += len(data)
        r = self.request("PUT", f"/blobs/{sha}", ok=(200, 201, 409), content=data, headers={
            "Content-Range": f"bytes {offset}-{offset + len(data) - 1}/{total}",
            "Content-Type": "application/octet-stream"})
        return int(r.headers["Upload-Offset"]), r.headers.get("Upload-Complete") == "1"
