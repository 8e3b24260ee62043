"""`sva.keys.json`: the plaintext key file of an encrypted data folder.

It says the folder is encrypted and how (format, folder id, ciphers), holds a check value of
the data key (HMAC-SHA256 of a fixed text, so a keyring entry that is not this folder's key
is told apart from a damaged database), and the data key wrapped by the recovery key
(recovery.py). Without the recovery key or the keyring's entry it opens nothing. Backups copy
it as it is; its name and format are stable.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from sva.errors import StoreUnreadable
from sva.owner_only import open_private

KEY_FILE = "sva.keys.json"
FORMAT, VERSION = "sva-keys", 1
DATABASE_CIPHER = "sqlcipher-4/raw-key"        # AES-256-CBC + HMAC-SHA512 per page
PHOTO_CIPHER = "aes-256-gcm/sva-sealed-1"       # sealed.py


def key_check(key: bytes) -> str:
    return hmac.new(key, b"sva data key check", hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True)
class KeyFile:
    folder_id: str
    check: str
    recovery: dict                  # recovery.wrap(...)
    created_at: str = ""

    def matches(self, key: bytes) -> bool:
        return hmac.compare_digest(self.check, key_check(key))

    def as_json(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "folder_id": self.folder_id,
                "database": DATABASE_CIPHER, "photos": PHOTO_CIPHER,
                "key_check": self.check, "recovery": self.recovery,
                "created_at": self.created_at}


def path_of(folder: Path) -> Path:
    return Path(folder) / KEY_FILE


def read(folder: Path) -> KeyFile | None:
    """The folder's key file; None for a plain folder (no file)."""
    path = path_of(folder)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise ValueError("not an SVA key file")
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')} (this SVA reads {VERSION})")
        return KeyFile(str(data["folder_id"]), str(data["key_check"]), dict(data["recovery"]),
                       str(data.get("created_at", "")))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StoreUnreadable(f"{path} cannot be read ({exc}); it was left as it is. It says "
                              "how the data folder is encrypted: put back the copy from a "
                              "backup of this folder.", code="key_file_bad",
                              params={"path": str(path), "detail": str(exc)}) from None


def write(folder: Path, keyfile: KeyFile) -> Path:
    """Write the key file whole or not at all (temp file, fsync, rename), owner-only."""
    path = path_of(folder)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with open_private(tmp) as fh:
            fh.write(json.dumps(keyfile.as_json(), indent=2).encode("utf-8") + b"\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
