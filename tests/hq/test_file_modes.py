"""Owner-only files (issue 15, point 9): the HQ database (it holds the session key and the
device-token hashes that are bundle key material), HQ's photo blobs, the device database and
its photos are created 0600 in 0700 folders whatever the umask, and a database found readable
by others is tightened when it is opened."""
from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
import uuid

import httpx
import pytest

from sva.hq import masterdata
from sva.hq.storage import open_storage
from sva.workspace import Workspace
from tests.hq.conftest import HQ, ROOT, jpeg


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def loose_umask():
    """The usual 022: new files would be world-readable unless created otherwise."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_hq_database_and_blobs_are_owner_only(tmp_path, loose_umask):
    folder = tmp_path / "srv" / "hq"
    out = subprocess.run([sys.executable, "-m", "sva.cli.hq", "user", "add", "kai", "--role",
                          "auditor", "--data-dir", str(folder)], cwd=ROOT, capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr
    assert mode(folder) == 0o700 and mode(folder / "hq.db") == 0o600
    server = HQ(folder)
    server.master_data(tmp_path)
    server.start()
    try:
        token, _ = server.token_for("ana")
        masterdata.assign(server.storage, "ana", "S001", "Kawasaki plant", kind="svr",
                          planned_date="2026-05-01")
        photo = jpeg(9)
        sha = hashlib.sha256(photo).hexdigest()
        doc = {"id": str(uuid.uuid4()), "supplier_id": "x", "supplier_code": "S001",
               "site_id": "y", "template_ref": "svr@1", "kind": "svr",
               "planned_date": "2026-05-01", "status": "signed", "content_hash": "0" * 64,
               "photos": [{"id": "p", "sha256": sha, "size": len(photo), "width": 640,
                           "height": 480, "media_type": "image/jpeg",
                           "rendering": "redacted"}]}
        with httpx.Client(base_url=server.url + "/api/v1", trust_env=False,
                          headers={"Authorization": f"Bearer {token}"}) as c:
            c.post("/audits", json=doc).raise_for_status()
            half = len(photo) // 2
            c.put(f"/blobs/{sha}?offset=0&total={len(photo)}", content=photo[:half])
            partials = list((folder / "blobs" / "partial").iterdir())
            assert [mode(p) for p in partials] == [0o600]
            r = c.put(f"/blobs/{sha}?offset={half}&total={len(photo)}", content=photo[half:])
            assert r.status_code == 201
    finally:
        server.stop()
    blob = folder / "blobs" / sha[:2] / sha
    assert mode(blob) == 0o600
    for d in (folder / "blobs", blob.parent, folder / "blobs" / "partial"):
        assert mode(d) == 0o700, d
    for path in folder.glob("hq.db*"):
        assert mode(path) == 0o600, path


def test_a_readable_hq_database_is_tightened_on_open(tmp_path, loose_umask):
    folder = tmp_path / "hq"
    open_storage(folder).close()
    os.chmod(folder / "hq.db", 0o644)
    open_storage(folder).close()
    assert mode(folder / "hq.db") == 0o600


def test_device_database_photos_and_what_they_send_are_owner_only(tmp_path, loose_umask):
    from sva.sync import outgoing
    folder = tmp_path / "laptop" / "sva"
    ws = Workspace(folder)
    try:
        ws.templates.install_shipped()
        supplier = ws.suppliers.add(code="S1", name_en="One", country="JP")
        site = ws.suppliers.add_site(supplier, name="Plant", country="JP",
                                     timezone="Asia/Tokyo")
        audit = ws.audits.create(supplier_id=supplier, site_id=site,
                                 template_ref=ws.templates.latest("svr"),
                                 planned_date="2026-05-01", auditors=["kai"])
        ws.photos.add_bytes(audit, jpeg(3), filename="a.jpg")
        sent = outgoing.files_of(ws, audit)
    finally:
        ws.close()
    assert mode(folder) == 0o700
    for path in folder.rglob("*"):
        if path.is_dir():
            assert mode(path) == 0o700, path
        else:
            assert mode(path) == 0o600, path
    assert sent and all(mode(p) == 0o600 for p in sent.values())
    os.chmod(folder / "sva.db", 0o644)
    Workspace(folder).close()
    assert mode(folder / "sva.db") == 0o600
