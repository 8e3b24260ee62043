"""A signed audit at HQ with one CAP finding and its photos, stored through HQ's own push
path (sva.hq.audits.ingest, blobs recorded as sent by the audit's device), for tests that do
not need a device workspace. Photos are bright pictures with a redaction box over their
top-left quarter; the original HQ holds under the photo_originals policy is bright there."""
from __future__ import annotations

import hashlib
import io
import json
import uuid

from PIL import Image

from sva.hq import accounts, masterdata
from sva.hq import audits as hq_audits
from sva.hq.blobs import BlobStore
from sva.hq.policy import set_policy
from sva.owner_only import make_dir
from tests.hq_programme.conftest import ROOT

REDACT = [{"kind": "redact", "box": [0.0, 0.0, 0.5, 0.5], "style": "solid",
           "color": "#000000"}]
IN_BOX, OUTSIDE = (0.2, 0.2), (0.8, 0.8)        # where to look, as fractions of the picture


def picture(colour=(250, 250, 250), size=(800, 600)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=95)
    return out.getvalue()


def _blob(storage, data: bytes, device: str) -> dict:
    sha = hashlib.sha256(data).hexdigest()
    path = BlobStore(storage.blob_dir).final_path(sha)
    make_dir(path.parent)
    path.write_bytes(data)
    hq_audits.record_blob(storage, sha, len(data), device)
    return {"sha256": sha, "size": len(data)}


def svr_item(storage) -> tuple[str, dict]:
    """(checklist ref, an item with an English and a Japanese question)."""
    ref = masterdata.publish_checklist(storage, ROOT / "resources" / "checklists" / "svr.yaml")
    with storage.transaction(write=False) as tx:
        body = json.loads(tx.scalar("SELECT body FROM checklists WHERE ref = ?", (ref,)))
    item = next(i for s in body["sections"] for i in s["items"]
                if i.get("question", {}).get("ja") and i.get("area"))
    return ref, item


def signed_audit(storage, code: str = "S001", *, requirement: str | None = None) -> dict:
    """Push a signed audit of supplier `code` with one minor finding on an SVR item and two
    photos of it: one the device rendered (its annotations still name the redaction) with
    the unredacted original kept by policy, one from before renderings (HQ draws it)."""
    ref, item = svr_item(storage)
    device = f"dev-{code}"
    with storage.transaction(write=False) as tx:
        uid = tx.scalar("SELECT id FROM users WHERE name = 'pushmgr'")
    if uid is None:
        uid = accounts.add_user(storage, "pushmgr", "manager")
    set_policy(storage, "photo_originals", True, actor="test")
    who = hq_audits.Principal(device, uid, "pushmgr", "manager")
    shade = 250 - 6 * int(code[-1])              # each supplier's pictures are its own bytes
    rendered = _blob(storage, picture((shade, shade, shade)), device)
    original = _blob(storage, picture((shade + 2, shade + 2, shade + 2)), device)
    legacy = _blob(storage, picture((shade - 2, shade - 2, shade - 2)), device)
    audit_id, finding_id = str(uuid.uuid4()), str(uuid.uuid4())
    doc = {"id": audit_id, "supplier_code": code, "kind": "svr", "status": "signed",
           "template_ref": ref, "planned_date": "2026-05-12",
           "started_at": "2026-05-12T01:00:00Z", "signed_at": "2026-05-12T06:00:00Z",
           "findings": [{"id": finding_id, "item_id": item["id"], "area": item["area"],
                         "severity": "minor", "status": "open",
                         "requirement": item["question"]["en"] if requirement is None
                         else requirement,
                         "observed": f"{code}: fire exit blocked by pallets",
                         "required_action": "clear the exit", "due_date": "2026-08-31"}],
           "photos": [
               {"id": str(uuid.uuid4()), "finding_id": finding_id, "caption": "exit",
                "annotations": json.dumps(REDACT), "deleted": 0, "position": 1,
                "rendering": "redacted", "media_type": "image/jpeg", **rendered,
                "original": original},
               {"id": str(uuid.uuid4()), "finding_id": finding_id, "caption": "",
                "annotations": json.dumps(REDACT), "deleted": 0, "position": 2,
                "media_type": "image/jpeg", **legacy}]}
    hq_audits.ingest(storage, who, doc)
    return {"audit_id": audit_id, "finding_id": finding_id, "item": item,
            "rendered": rendered["sha256"], "original": original["sha256"],
            "legacy": legacy["sha256"]}
