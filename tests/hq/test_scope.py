"""Scope (issue 15, point 7): an auditor pushes only within its assignments, pulls only what
they need, and sees a photo through an audit only if that audit's device sent its bytes.
Real server, both databases."""
from __future__ import annotations

import hashlib
import uuid

import httpx

from sva.hq import masterdata
from tests.hq.conftest import jpeg
from tests.hq.web import login, web_user

API = "/api/v1"


def client(hq, token) -> httpx.Client:
    return httpx.Client(base_url=hq.url + API, headers={"Authorization": f"Bearer {token}"},
                        trust_env=False, timeout=30)


def doc(supplier="S001", assignment=None, photos=()) -> dict:
    return {"id": str(uuid.uuid4()), "supplier_id": "x", "supplier_code": supplier,
            "site_id": "y", "template_ref": "svr@1", "kind": "svr",
            "assignment_id": assignment, "planned_date": "2026-05-01", "status": "signed",
            "content_hash": "0" * 64,
            "photos": [{"id": str(uuid.uuid4()), "sha256": hashlib.sha256(p).hexdigest(),
                        "size": len(p), "media_type": "image/jpeg", "width": 640,
                        "height": 480, "rendering": "redacted"} for p in photos]}


def audit_count(hq) -> int:
    with hq.storage.transaction(write=False) as tx:
        return tx.scalar("SELECT COUNT(*) FROM audits")


def test_pushes_outside_the_auditors_assignments_are_refused(hq):
    token, _ = hq.token_for("kai")
    other, _ = hq.token_for("rin")
    mine = masterdata.assign(hq.storage, "kai", "S001", "Kawasaki plant", kind="svr",
                             planned_date="2026-05-01")
    theirs = masterdata.assign(hq.storage, "rin", "S002", "Penang fab", kind="svr",
                               planned_date="2026-05-02")
    with client(hq, token) as c:
        for body, words in (
                (doc(supplier="S002"), "not assigned to you"),          # no assignment there
                (doc(supplier="S999"), "not registered"),               # not even a supplier
                (doc(supplier="S002", assignment=theirs), "not one of yours"),
                (doc(supplier="S002", assignment=mine), "another supplier")):
            r = c.post("/audits", json=body)
            assert r.status_code == 403, r.text
            assert words in r.json()["detail"]
        assert audit_count(hq) == 0            # nothing stored: no page, no figure shows it
        assert c.post("/audits", json=doc(assignment=mine)).status_code == 200
        assert c.post("/audits", json=doc()).status_code == 200     # begun on the device
    assert audit_count(hq) == 2


def test_pull_gives_an_auditor_only_its_assigned_suppliers(hq):
    token, _ = hq.token_for("kai")
    with client(hq, token) as c:
        first = c.get("/pull").json()
        assert first["suppliers"] == [] and first["sites"] == []
        masterdata.assign(hq.storage, "kai", "S002", "Penang fab", kind="svr",
                          planned_date="2026-05-01")
        # the supplier did not change since the last cursor, but the new assignment needs it
        later = c.get("/pull", params={"cursor": first["cursor"]}).json()
    assert [s["code"] for s in later["suppliers"]] == ["S002"]
    assert [s["name"] for s in later["sites"]] == ["Penang fab"]
    assert "S001" not in str(later) and "1000000" not in str(later)   # S001's spend


def test_a_known_hash_does_not_open_another_auditors_photo(hq):
    """B names A's photo (hash and size known, bytes not) in its own audit: HQ asks B for
    the bytes, shows nothing through B's audit, and counts B's audit as incomplete."""
    photo = jpeg(42)
    sha = hashlib.sha256(photo).hexdigest()
    token_a, _ = hq.token_for("ana")
    token_b, device_b = hq.token_for("ben")
    for name in ("ana", "ben"):
        masterdata.assign(hq.storage, name, "S001", "Kawasaki plant", kind="svr",
                          planned_date="2026-05-01")
    with client(hq, token_a) as a, client(hq, token_b) as b:
        a.post("/audits", json=doc(photos=[photo])).raise_for_status()
        r = a.put(f"/blobs/{sha}", content=photo,
                  headers={"Content-Range": f"bytes 0-{len(photo) - 1}/{len(photo)}"})
        assert r.status_code == 201
        theirs = doc(photos=[photo])
        answer = b.post("/audits", json=theirs).json()
        assert answer["missing_blobs"] == [sha]               # prove it: send the bytes
        head = b.head(f"/blobs/{sha}")
        assert head.headers["Upload-Complete"] == "0" and head.headers["Upload-Offset"] == "0"
        assert b.post(f"/audits/{theirs['id']}/confirm").json()["complete"] is False
        web_user(hq, "mgr")
        with login(hq.url, "mgr") as manager:
            shown = f"/dashboard/audits/{theirs['id']}/photos/{sha}"
            assert manager.get(shown).status_code == 404        # not through B's audit
            assert sha not in manager.get(f"/dashboard/audits/{theirs['id']}").text
        # a wrong guess of the bytes is refused; the real bytes make B an owner too
        fake = bytes(reversed(photo))
        r = b.put(f"/blobs/{sha}", content=fake,
                  headers={"Content-Range": f"bytes 0-{len(fake) - 1}/{len(fake)}"})
        assert r.status_code == 422
        r = b.put(f"/blobs/{sha}", content=photo,
                  headers={"Content-Range": f"bytes 0-{len(photo) - 1}/{len(photo)}"})
        assert r.status_code == 201
        assert b.post(f"/audits/{theirs['id']}/confirm").json()["complete"] is True
        with login(hq.url, "mgr") as manager:
            assert manager.get(shown).content == photo           # B proved it holds them
    with hq.storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM blob_owners WHERE sha256 = ?", (sha,)) == 2
