"""Authorisation, limits and bad input on the real server."""
from __future__ import annotations

import hashlib
import uuid

import httpx
import pytest

from sva.hq import masterdata
from sva.hq.accounts import revoke_device
from tests.hq.conftest import jpeg

API = "/api/v1"


def client(hq, token=None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=hq.url + API, headers=headers, trust_env=False, timeout=30)


def minimal_audit(audit_id=None, photos=(), supplier="S001", assignment=None) -> dict:
    return {"id": audit_id or str(uuid.uuid4()), "supplier_id": "x", "supplier_code": supplier,
            "site_id": "y", "template_ref": "svr@1", "kind": "svr", "assignment_id": assignment,
            "planned_date": "2026-05-01", "status": "signed", "content_hash": "0" * 64,
            "photos": [{"id": str(uuid.uuid4()), "sha256": hashlib.sha256(p).hexdigest(),
                        "size": len(p), "media_type": "image/jpeg", "width": 1, "height": 1,
                        "rendering": "redacted"} for p in photos]}


def assigned_token(hq, name: str, supplier="S001", site="Kawasaki plant") -> tuple[str, str]:
    """A device token of a new auditor with a visit at `supplier` assigned (HQ refuses
    pushes outside an auditor's assignments)."""
    token, device = hq.token_for(name)
    masterdata.assign(hq.storage, name, supplier, site, kind="svr", planned_date="2026-05-01")
    return token, device


@pytest.mark.parametrize("header", [None, "Bearer nonsense", "Basic abc", "Bearer x y"])
def test_no_or_bad_token_is_401(hq, header):
    headers = {"Authorization": header} if header else {}
    with client(hq) as c:
        for method, path in (("GET", "/pull"), ("POST", "/audits"),
                             ("HEAD", "/blobs/" + "a" * 64)):
            r = c.request(method, path, headers=headers)
            assert r.status_code == 401, (method, path)


def test_revoked_token_is_401_at_once(hq):
    token, device = hq.token_for("ana")
    with client(hq, token) as c:
        assert c.get("/pull").status_code == 200
        revoke_device(hq.storage, device)
        r = c.get("/pull")
    assert r.status_code == 401
    assert token not in r.text


def test_auditor_cannot_see_or_push_another_auditors_audit(hq):
    token_a, _ = assigned_token(hq, "a")
    token_b, _ = assigned_token(hq, "b")
    photo = jpeg(1)
    doc = minimal_audit(photos=[photo])
    sha = doc["photos"][0]["sha256"]
    with client(hq, token_a) as a, client(hq, token_b) as b:
        assert a.post("/audits", json=doc).status_code == 200
        assert b.get(f"/audits/{doc['id']}").status_code == 404
        assert b.post(f"/audits/{doc['id']}/confirm").status_code == 404
        assert b.post("/audits", json=doc).status_code == 403
        assert b.head(f"/blobs/{sha}").status_code == 404
        assert b.put(f"/blobs/{sha}", content=photo,
                     headers={"Content-Range": f"bytes 0-{len(photo) - 1}/{len(photo)}"}
                     ).status_code == 404
        assert a.get(f"/audits/{doc['id']}").status_code == 200
        with hq.storage.transaction(write=False) as tx:
            assert tx.scalar("SELECT pushes FROM audits WHERE id = ?", (doc["id"],)) == 1


def test_auditor_pulls_only_own_assignments(hq):
    token_a, _ = hq.token_for("a")
    token_b, _ = hq.token_for("b")
    masterdata.assign(hq.storage, "a", "S001", "Kawasaki plant", kind="svr",
                      planned_date="2026-05-01")
    with client(hq, token_a) as a, client(hq, token_b) as b:
        assert len(a.get("/pull").json()["assignments"]) == 1
        assert b.get("/pull").json()["assignments"] == []
        # master data only for what the assignments need: no other supplier's spend/level
        assert [s["code"] for s in a.get("/pull").json()["suppliers"]] == ["S001"]
        assert b.get("/pull").json()["suppliers"] == [] and b.get("/pull").json()["sites"] == []


def test_oversized_body_is_413(hq):
    token, _ = hq.token_for("a")
    with client(hq, token) as c:
        assert c.post("/enrol", content=b"x" * (2 * 1024 * 1024),
                      headers={"Content-Type": "application/json"}).status_code == 413
        assert c.post("/audits", content=b"{" + b" " * (17 * 1024 * 1024) + b"}",
                      headers={"Content-Type": "application/json"}).status_code == 413

        def chunked():      # no Content-Length: counted while it streams
            for _ in range(40):
                yield b" " * (512 * 1024)
        assert c.post("/enrol", content=chunked(),
                      headers={"Content-Type": "application/json"}).status_code == 413


def test_oversized_chunk_is_413(hq):
    token, _ = assigned_token(hq, "a")
    big = b"x" * (9 * 1024 * 1024)
    doc = minimal_audit(photos=[big])
    sha = doc["photos"][0]["sha256"]
    with client(hq, token) as c:
        c.post("/audits", json=doc).raise_for_status()
        r = c.put(f"/blobs/{sha}", content=big,
                  headers={"Content-Range": f"bytes 0-{len(big) - 1}/{len(big)}"})
    assert r.status_code == 413


@pytest.mark.parametrize("name", ["../../etc/passwd", "ABC", "a" * 63, "g" * 64,
                                  "%2e%2e%2fhq.db", "A" * 64])
def test_bad_blob_name_is_refused(hq, name):
    token, _ = hq.token_for("a")
    with client(hq, token) as c:
        r = c.put(f"/blobs/{name}", content=b"x", headers={"Content-Range": "bytes 0-0/1"})
    assert r.status_code in (404, 422)
    assert not (hq.storage.blob_dir / "partial").exists() or \
        list((hq.storage.blob_dir / "partial").iterdir()) == []


def test_wrong_bytes_fail_the_hash_check(hq):
    token, _ = assigned_token(hq, "a")
    photo = jpeg(2)
    doc = minimal_audit(photos=[photo])
    sha = doc["photos"][0]["sha256"]
    with client(hq, token) as c:
        c.post("/audits", json=doc).raise_for_status()
        fake = bytes(reversed(photo))
        r = c.put(f"/blobs/{sha}", content=fake,
                  headers={"Content-Range": f"bytes 0-{len(fake) - 1}/{len(fake)}"})
        assert r.status_code == 422 and "SHA-256" in r.json()["detail"]
        assert c.post(f"/audits/{doc['id']}/confirm").json()["complete"] is False
        assert c.head(f"/blobs/{sha}").headers["Upload-Offset"] == "0"
        r = c.put(f"/blobs/{sha}?offset=5&total={len(photo)}", content=photo[5:])
        assert r.status_code == 409 and r.headers["Upload-Offset"] == "0"
        r = c.put(f"/blobs/{sha}?offset=0&total={len(photo)}", content=photo)
        assert r.status_code == 201
        assert c.post(f"/audits/{doc['id']}/confirm").json()["complete"] is True


def test_chunks_repeated_after_the_upload_finished_leave_no_partial_file(hq):
    """A proxy that replays, or a client that retries after a cut, sends chunks of an
    upload HQ has finished meanwhile — one at a time and at the same moment as the last
    chunk: HQ answers "complete" and leaves no new partial file behind."""
    import concurrent.futures

    token, _ = assigned_token(hq, "a")
    photo = jpeg(3, size=(320, 240))
    doc = minimal_audit(photos=[photo])
    sha, size = doc["photos"][0]["sha256"], len(photo)
    half = size // 2
    partial = hq.storage.blob_dir / "partial"
    with client(hq, token) as c:
        c.post("/audits", json=doc).raise_for_status()
        assert c.put(f"/blobs/{sha}?offset=0&total={size}",
                     content=photo[:half]).status_code == 200
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            last = [pool.submit(c.put, f"/blobs/{sha}?offset={half}&total={size}",
                                content=photo[half:]) for _ in range(4)]
            first = [pool.submit(c.put, f"/blobs/{sha}?offset=0&total={size}",
                                 content=photo[:half]) for _ in range(4)]
            codes = sorted(f.result().status_code for f in last + first)
        assert 201 in codes and set(codes) <= {200, 201, 409}, codes
        # after it finished: a late first chunk and a late second chunk
        for offset, part in ((0, photo[:half]), (half, photo[half:])):
            r = c.put(f"/blobs/{sha}?offset={offset}&total={size}", content=part)
            assert r.status_code == 201 and r.headers["Upload-Complete"] == "1"
        assert c.head(f"/blobs/{sha}").headers["Upload-Complete"] == "1"
    assert not partial.exists() or list(partial.iterdir()) == []


@pytest.mark.parametrize("body, field", [
    ({"code": 5}, "code"),
    ({}, "code"),
    ({"code": "ABCD-EFGH", "extra": 1}, "extra"),
])
def test_malformed_enrol_body_is_422_naming_the_field(hq, body, field):
    with client(hq) as c:
        r = c.post("/enrol", json=body)
    assert r.status_code == 422
    assert field in r.json()["detail"]


def test_malformed_audit_is_422_naming_the_field(hq):
    token, _ = assigned_token(hq, "a")
    doc = minimal_audit()
    doc["findings"] = [{"id": "f1", "area": "NOPE", "severity": "minor", "status": "open"}]
    with client(hq, token) as c:
        r = c.post("/audits", json=doc)
        assert r.status_code == 422 and "findings.0.area" in r.json()["detail"]
        r = c.post("/audits", content=b"{not json", headers={"Content-Type": "application/json"})
        assert r.status_code == 422


def test_enrol_code_is_one_time_and_only_hashes_are_stored(hq):
    code = hq.auditor("z")
    with client(hq) as c:
        first = c.post("/enrol", json={"code": code})
        second = c.post("/enrol", json={"code": code})
    assert first.status_code == 200 and second.status_code == 401
    token = first.json()["token"]
    raw = hq.database_bytes()
    assert len(raw) > 10_000          # the database really was read
    assert token.encode() not in raw and code.encode() not in raw
    assert token not in hq.log.read_text()


def test_openapi_is_published(hq):
    with client(hq) as c:
        spec = c.get("/openapi.json").json()
    assert "/api/v1/audits" in spec["paths"] and "/api/v1/blobs/{sha256}" in spec["paths"]
