"""Redaction and GPS at HQ (issue 15, point 4), through a real sync to a real HQ.

A photo taken with a GPS position, with a redaction box over a red sign: what HQ stores and
what its dashboard serves is the redacted rendering — black where the sign was, no EXIF, no
GPS — and never the original's bytes. Only under HQ's policy `photo_originals` does a
full-size copy go too, still without any metadata, and the dashboard still shows only the
rendering. HQ refuses any blob that carries a position.
"""
from __future__ import annotations

import hashlib
import io
import json
import random

import httpx
from PIL import Image, ImageStat

from sva.hq import masterdata
from sva.hq.blobs import BlobStore
from sva.hq.policy import set_policy
from sva.sync.engine import sync
from tests.conftest import PNG_1x1, answer_all
from tests.hq.web import login, web_user

GPS_IFD = 0x8825
SIGN = (0.1, 0.1, 0.4, 0.4)           # where the red sign is (fractions of the image)


def gps_photo(seed: int, size=(800, 600)) -> bytes:
    """Noise with a red square, and EXIF with a GPS position (Tokyo)."""
    rng = random.Random(seed)
    img = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    w, h = size
    img.paste((230, 20, 20), (int(SIGN[0] * w), int(SIGN[1] * h), int(SIGN[2] * w),
                              int(SIGN[3] * h)))
    exif = Image.Exif()
    exif[0x0112] = 1
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (35.0, 39.0, 29.0), 3: "E", 4: (139.0, 44.0, 28.0)})
    out = io.BytesIO()
    img.save(out, "JPEG", quality=92, exif=exif.tobytes())
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)      # it has a position
    return data


def sign_mean(data: bytes) -> tuple:
    """Mean colour inside the sign's area (a little inside its edges)."""
    with Image.open(io.BytesIO(data)) as img:
        w, h = img.size
        box = (int((SIGN[0] + 0.05) * w), int((SIGN[1] + 0.05) * h),
               int((SIGN[2] - 0.05) * w), int((SIGN[3] - 0.05) * h))
        region = img.convert("RGB").crop(box)
        return tuple(ImageStat.Stat(region).mean)


def no_metadata(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as img:
        return not img.getexif() and "exif" not in img.info and "xmp" not in img.info \
            and b"Exif\x00\x00" not in data


def signed_audit_with_redacted_photo(hq, ws, seed: int) -> bytes:
    masterdata.assign(hq.storage, "haruka", "S001", "Kawasaki plant", kind="svr",
                      planned_date="2026-05-12")
    (audit_id,) = sync(ws).new_audits
    answer_all(ws, audit_id)
    original = gps_photo(seed)
    photo_id = ws.photos.add_bytes(audit_id, original, filename="sign.jpg")
    ws.photos.set_annotations(photo_id, [{"kind": "redact", "box": list(SIGN),
                                          "style": "solid"}])
    ws.audits.complete(audit_id)
    ws.audits.sign(audit_id, signer_name="A", role="B", organisation="C", image_png=PNG_1x1)
    return original


def blob_files(hq) -> dict[str, bytes]:
    store = BlobStore(hq.storage.blob_dir)
    with hq.storage.transaction(write=False) as tx:
        return {r["sha256"]: store.final_path(r["sha256"]).read_bytes()
                for r in tx.all("SELECT sha256 FROM blobs")}


def test_hq_gets_and_shows_only_the_redacted_rendering_without_gps(hq, device):
    original = signed_audit_with_redacted_photo(hq, device, 1)
    report = sync(device)
    assert report.push.blobs_uploaded == 1
    held = blob_files(hq)
    assert hashlib.sha256(original).hexdigest() not in held
    ((sha, data),) = held.items()
    assert data != original and no_metadata(data)
    assert max(sign_mean(data)) < 40                   # the sign is painted over
    assert sign_mean(original)[0] > 180                # (it was red in the original)
    with hq.storage.transaction(write=False) as tx:
        doc = json.loads(tx.scalar("SELECT document FROM audits"))
    (photo,) = doc["photos"]
    assert photo["sha256"] == sha and photo["rendering"] == "redacted"
    assert photo["original"] is None
    for path in hq.folder.rglob("*"):                  # nowhere at HQ: not the original,
        if path.is_file():                             # not its GPS block
            content = path.read_bytes()
            assert original[2000:2064] not in content, path
    web_user(hq, "mgr")
    with login(hq.url, "mgr") as web:
        page = web.get(f"/dashboard/audits/{doc['id']}").text
        assert f"/photos/{sha}" in page
        shown = web.get(f"/dashboard/audits/{doc['id']}/photos/{sha}")
        assert shown.content == data


def test_originals_go_only_under_the_policy_and_still_without_gps(hq, device):
    original = signed_audit_with_redacted_photo(hq, device, 2)
    set_policy(hq.storage, "photo_originals", True)
    sync(device)
    with hq.storage.transaction(write=False) as tx:
        doc = json.loads(tx.scalar("SELECT document FROM audits"))
    (photo,) = doc["photos"]
    held = blob_files(hq)
    assert set(held) == {photo["sha256"], photo["original"]["sha256"]}
    full = held[photo["original"]["sha256"]]
    assert no_metadata(full) and hashlib.sha256(original).hexdigest() not in held
    with Image.open(io.BytesIO(full)) as img:
        assert img.size == (800, 600)                  # full size, unredacted pixels
    assert sign_mean(full)[0] > 180
    web_user(hq, "mgr")
    with login(hq.url, "mgr") as web:
        base = f"/dashboard/audits/{doc['id']}/photos/"
        assert web.get(base + photo["original"]["sha256"]).status_code == 404   # never shown
        assert max(sign_mean(web.get(base + photo["sha256"]).content)) < 40


def test_hq_refuses_a_photo_with_a_position(hq):
    token, _ = hq.token_for("kai")
    masterdata.assign(hq.storage, "kai", "S001", "Kawasaki plant", kind="svr",
                      planned_date="2026-05-01")
    data = gps_photo(3)
    sha = hashlib.sha256(data).hexdigest()
    doc = {"id": "gps-1", "supplier_id": "x", "supplier_code": "S001", "site_id": "y",
           "template_ref": "svr@1", "kind": "svr", "planned_date": "2026-05-01",
           "status": "signed", "content_hash": "0" * 64,
           "photos": [{"id": "p-1", "sha256": sha, "size": len(data), "width": 800,
                       "height": 600, "media_type": "image/jpeg", "rendering": "redacted"}]}
    with httpx.Client(base_url=hq.url + "/api/v1", trust_env=False,
                      headers={"Authorization": f"Bearer {token}"}) as c:
        assert c.post("/audits", json=doc).status_code == 200
        r = c.put(f"/blobs/{sha}", content=data,
                  headers={"Content-Range": f"bytes 0-{len(data) - 1}/{len(data)}"})
        assert r.status_code == 422 and "GPS" in r.json()["detail"]
        photo = doc["photos"][0]
        photo["original"] = {"sha256": sha, "size": len(data)}
        r = c.post("/audits", json=doc)                   # originals: the policy is off
        assert r.status_code == 422 and "photo_originals" in r.json()["detail"]
    assert blob_files(hq) == {}
