"""Stored XSS through a photo (issue 15, point 1), over HTTP on a real server.

HQ keeps only bytes it sniffed as a JPEG, PNG or HEIC, serves a photo with the sniffed type
(never the device's `media_type`), `nosniff`, an inline Content-Disposition and a sandboxing
CSP, and serves nothing that is not an image — even if an older HQ stored it. Every response
carries the security headers. (tests/hq_programme/test_dashboard_attacks_browser.py shows the
same in Chromium.)"""
from __future__ import annotations

import hashlib

import httpx

from tests.hq.conftest import jpeg
from tests.hq.plant import html_payload, plant_photo, svg_payload
from tests.hq.web import login, web_user

API = "/api/v1"
SECURITY_HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
                    "referrer-policy": "same-origin"}


def test_non_images_are_refused_at_upload(hq):
    token, _ = hq.token_for("boss", role="manager")
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=hq.url + API, headers=headers, trust_env=False) as c:
        svg = svg_payload("http://x.invalid/")
        sha = hashlib.sha256(svg).hexdigest()
        doc = {"id": "a-1", "supplier_id": "x", "supplier_code": "S001", "site_id": "y",
               "template_ref": "svr@1", "kind": "svr", "planned_date": "2026-05-01",
               "status": "signed", "content_hash": "0" * 64,
               "photos": [{"id": "p-1", "sha256": sha, "size": len(svg), "width": 1,
                           "height": 1, "media_type": "image/jpeg", "rendering": "redacted"}]}
        assert c.post("/audits", json=doc).status_code == 200
        r = c.put(f"/blobs/{sha}", content=svg,
                  headers={"Content-Range": f"bytes 0-{len(svg) - 1}/{len(svg)}"})
        assert r.status_code == 422 and "not a JPEG, PNG or HEIC" in r.json()["detail"]
        assert c.head(f"/blobs/{sha}").headers["Upload-Complete"] == "0"
        assert c.post("/audits/a-1/confirm").json()["complete"] is False
        doc["photos"][0]["media_type"] = "image/svg+xml"
        r = c.post("/audits", json=doc)
        assert r.status_code == 422 and "media_type" in r.json()["detail"]
        for data in (html_payload("http://x.invalid/"), b"GIF89a" + b"\x00" * 64):
            doc["photos"][0].update(sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                                    media_type="image/jpeg")
            c.post("/audits", json=doc).raise_for_status()
            r = c.put(f"/blobs/{doc['photos'][0]['sha256']}", content=data,
                      headers={"Content-Range": f"bytes 0-{len(data) - 1}/{len(data)}"})
            assert r.status_code == 422
    assert not any(p.is_file() and p.read_bytes() == svg
                   for p in hq.storage.blob_dir.rglob("*"))


def test_dashboard_serves_only_sniffed_images_with_safe_headers(hq):
    token, _ = hq.token_for("boss", role="manager")
    svg_audit, svg_sha, _ = plant_photo(hq, token, svg_payload("http://x.invalid/"),
                                        "image/svg+xml")
    html_audit, html_sha, _ = plant_photo(hq, token, html_payload("http://x.invalid/"),
                                          "text/html")
    photo = jpeg(5)
    jpeg_audit, jpeg_sha, _ = plant_photo(hq, token, photo, "text/html")   # a lying type
    web_user(hq, "mgr")
    with login(hq.url, "mgr") as web:
        for audit_id, sha in ((svg_audit, svg_sha), (html_audit, html_sha)):
            r = web.get(f"/dashboard/audits/{audit_id}/photos/{sha}")
            assert r.status_code == 404 and b"<script" not in r.content
        r = web.get(f"/dashboard/audits/{jpeg_audit}/photos/{jpeg_sha}")
        assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
        assert r.content[:3] == b"\xff\xd8\xff"
        assert r.headers["content-disposition"].startswith("inline; filename=")
        assert "sandbox" in r.headers["content-security-policy"]
        for name, value in SECURITY_HEADERS.items():
            assert r.headers[name] == value
        for path in ("/dashboard/", "/dashboard/caps", f"/dashboard/audits/{jpeg_audit}",
                     "/dashboard/static/app.js", "/dashboard/suppliers/S001",
                     "/dashboard/suppliers", "/dashboard/plan", "/dashboard/figures.csv"):
            r = web.get(path)
            assert r.status_code == 200, path
            csp = r.headers["content-security-policy"]
            assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp, path
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
            for name, value in SECURITY_HEADERS.items():
                assert r.headers[name] == value, (path, name)
            assert "strict-transport-security" not in r.headers       # plain HTTP here
    for r in (httpx.get(hq.url + API + "/health", trust_env=False),
              httpx.get(hq.url + "/dashboard/login", trust_env=False)):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert "default-src 'none'" in r.headers["content-security-policy"]
