"""Which key opens a data folder, and making one for a new folder.

* A folder with a key file (keyfile.py) is encrypted: its data key comes from the OS keyring
  (sva.sync.credentials refuses missing and plaintext backends). No entry: StoreLocked,
  pointing to `sva db unlock` (the recovery key) or a backup; an entry that is not this
  folder's key: WrongKey. Nothing is created or changed either way.
* A new folder is encrypted when the keyring is usable; on a computer without one it is
  created plain, with a warning in the log, and the app says so (`AtRest.plain_reason`).
"""
from __future__ import annotations

import logging
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, UTC
from pathlib import Path

from sva.atrest import keyfile, recovery
from sva.errors import StoreLocked, WrongKey

log = logging.getLogger(__name__)        # folder ids and backends only, never a key


@dataclass
class AtRest:
    """How a data folder is kept at rest, for the workspace that opened it."""
    key: bytes | None = field(default=None, repr=False)     # None: a plain folder
    folder_id: str | None = None
    plain_reason: str | None = None     # why a new folder was created plain
    converting: bool = False            # `sva db encrypt` interrupted: the database is plain
    _recovery: str | None = field(default=None, repr=False)
    _cipher: object = field(default=None, repr=False)

    @property
    def encrypted(self) -> bool:
        return self.key is not None and not self.converting

    @property
    def db_key(self) -> bytes | None:
        """The key the database file is opened with (None while it is still plain)."""
        return None if self.converting else self.key

    @property
    def photo_cipher(self):
        if self.key is None:
            return None
        if self._cipher is None:
            from sva.atrest.sealed import PhotoCipher
            self._cipher = PhotoCipher(self.key)
        return self._cipher

    def take_recovery_key(self) -> str | None:
        """The recovery key of a folder created just now, once; None ever after."""
        value, self._recovery = self._recovery, None
        return value


def _locked(folder: Path, why: str) -> StoreLocked:
    return StoreLocked(
        f"the data folder {folder} is encrypted, and {why}. Nothing was created or changed. "
        "Enter its recovery key (`sva db unlock --data-dir FOLDER`, or the app's prompt) to "
        "open it on this computer, or restore a backup.", code="store_locked",
        params={"folder": str(folder)})


def resolve(folder: Path) -> AtRest:
    """The key of an existing folder (plain: AtRest() without a key)."""
    from sva.sync import credentials
    from sva.sync.errors import KeyringUnavailable
    folder = Path(folder)
    kf = keyfile.read(folder)
    if kf is None:
        return AtRest()
    try:
        key = credentials.load_data_key(kf.folder_id)
    except KeyringUnavailable as exc:
        raise _locked(folder, "this computer has no usable keyring to hold its key "
                      f"({exc})") from None
    if key is None:
        raise _locked(folder, "this computer's keyring holds no key for it")
    if not kf.matches(key):
        raise WrongKey(f"the key the keyring holds for {folder} is not this folder's key "
                       "(was the key file replaced?); nothing was changed. `sva db unlock` "
                       "with the folder's recovery key stores the right one.",
                       code="keyring_key_wrong", params={"folder": str(folder)})
    return AtRest(key, kf.folder_id)


def create(folder: Path, encrypt: bool | None = None) -> AtRest:
    """Keys for a new folder: a data key in the keyring and a key file wrapping it with a
    fresh recovery key. `encrypt=None`: when the keyring is usable; False: plain; True: the
    keyring's refusal is raised."""
    from sva.sync import credentials
    from sva.sync.errors import KeyringUnavailable
    folder = Path(folder)
    if encrypt is False:
        return AtRest()
    try:
        credentials.backend()
    except KeyringUnavailable as exc:
        if encrypt:
            raise
        return AtRest(plain_reason=str(exc))     # said once the folder exists (connection)
    key, rec = secrets.token_bytes(32), recovery.new()
    folder_id = str(uuid.uuid4())
    kf = keyfile.KeyFile(folder_id, keyfile.key_check(key),
                         recovery.wrap(key, rec, folder_id),
                         datetime.now(UTC).isoformat(timespec="seconds"))
    backend = credentials.store_data_key(folder_id, key)   # first: no key file without it
    keyfile.write(folder, kf)
    log.info("data folder %s encrypted (folder id %s, key in %s)", folder, folder_id, backend)
    return AtRest(key, folder_id, _recovery=rec)


def recover(folder: Path, recovery_key: str) -> bytes:
    """The data key the recovery key unwraps (WrongKey when it does not)."""
    folder = Path(folder)
    kf = keyfile.read(folder)
    if kf is None:
        raise WrongKey(f"{folder} is not encrypted (it has no {keyfile.KEY_FILE}); there is "
                       "nothing to unlock", code="folder_not_encrypted",
                       params={"folder": str(folder)})
    key = recovery.unwrap(kf.recovery, recovery_key, kf.folder_id)
    if not kf.matches(key):
        raise WrongKey("the recovery key unwraps a key that is not this folder's; nothing "
                       "was changed", code="recovery_key_wrong")
    return key


def unlock(folder: Path, recovery_key: str) -> str:
    """Open the folder with its recovery key and keep its data key in this computer's
    keyring again; returns the keyring backend's name."""
    from sva.sync import credentials
    key = recover(folder, recovery_key)
    kf = keyfile.read(folder)
    backend = credentials.store_data_key(kf.folder_id, key)
    log.info("data folder %s unlocked with its recovery key (key stored in %s)", folder,
             backend)
    return backend
