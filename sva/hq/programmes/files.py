"""Documents a programme keeps with its records (a supplier's CMRT workbook, a scanned
declaration), stored once by SHA-256 under the HQ blob folder's `documents/`.

Photos go through `sva.hq.blobs` (resumable uploads, image sniffing); documents arrive whole
from an import on the HQ itself, so they are written in one go: a temporary file, fsync,
rename. The same bytes imported twice are stored once."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sva.hq.blobs import BlobStore
from sva.hq.storage import Storage
from sva.owner_only import make_dir


def documents(storage: Storage) -> BlobStore:
    return BlobStore(Path(storage.blob_dir) / "documents")


def keep(storage: Storage, data: bytes) -> str:
    """Store `data`; returns its SHA-256 (the name it is found under)."""
    sha = hashlib.sha256(data).hexdigest()
    final = documents(storage).final_path(sha)
    if final.exists():
        return sha
    make_dir(final.parent)
    tmp = final.with_name(final.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, final)
    return sha


def read(storage: Storage, sha: str) -> bytes:
    return documents(storage).final_path(sha).read_bytes()
