"""`sva db encrypt`: encrypt a plain data folder in place, crash-safely.

1. The store is opened (checked, migrated) and copied with the pre-migration backup
   mechanism into `backups/` — the copy a failure falls back to.
2. A data key goes into the keyring, then the key file is written: from here the folder is
   "being encrypted". Opening such a folder works at every later step: a database that is
   still plain SQLite is opened without the key (its header says so), and photo files are
   read sealed or plain (sva/atrest/sealed.py).
3. `sqlcipher_export` writes the encrypted database to `sva.db.encrypting`, fsynced, then
   renamed over `sva.db` (one atomic rename).
4. Photo files (photos/, derived/, cache/, outgoing/) are sealed one by one, each written to
   a temp file, fsynced and renamed over the plain one.
5. Plain backups in backups/ are encrypted the same way, then the check of `sva db check`
   runs on the result; the plain copy of step 1 is removed only when it passed.

A kill at any point leaves a folder that opens; running `sva db encrypt` again finishes the
work (it reuses the key the keyring holds, so the recovery key shown first stays valid).
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sva.atrest import keyfile, keys
from sva.atrest.sealed import PhotoCipher, is_sealed
from sva.errors import BadInput
from sva.owner_only import open_private

log = logging.getLogger(__name__)       # counts and folder names only, never a key
SEALED_FOLDERS = ("photos", "derived", "cache", "outgoing")
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class Encrypted:
    recovery_key: str | None        # None when an interrupted run was finished (shown then)
    photos: int                     # files sealed by this run
    backups: int                    # plain backups encrypted


def is_plain_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _export(source: Path, target: Path, key: bytes, source_key: bytes | None = None) -> None:
    """`target` (new): an encrypted copy of the database file `source`."""
    from sva.store import engine
    target.unlink(missing_ok=True)
    conn = engine.open_file(source, source_key, isolation_level=None)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", [str(target)])
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())


def _seal_file(path: Path, cipher: PhotoCipher) -> bool:
    data = path.read_bytes()
    if is_sealed(data):
        return False
    tmp = path.with_name(f".{path.name}.{os.getpid()}.sealing")
    tmp.unlink(missing_ok=True)
    try:
        with open_private(tmp) as fh:
            fh.write(cipher.seal(data))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return True


def _photo_files(folder: Path) -> list[Path]:
    files = []
    for top in SEALED_FOLDERS:
        for path in sorted((folder / top).rglob("*")):
            if path.is_file() and not path.name.startswith(".") and path.suffix != ".ref" \
                    and not path.name.endswith(".part"):
                files.append(path)
    return files


def encrypt_folder(folder: Path, progress: Callable[[int, int], None] | None = None
                   ) -> Encrypted:
    from sva.store import migrations, open_db
    from sva.store.connection import DB_FILE
    from sva.store.health import check_folder
    from sva.sync import credentials
    folder = Path(folder)
    path = folder / DB_FILE
    if not path.exists() or path.stat().st_size == 0:
        raise BadInput(f"{folder} holds no database to encrypt (a new folder is encrypted "
                       "when it is created)", code="encrypt_no_database",
                       params={"folder": str(folder)})
    kf = keyfile.read(folder)
    if kf is not None and not is_plain_sqlite(path) and not _plain_left(folder):
        raise BadInput(f"{folder} is encrypted already; nothing was changed",
                       code="encrypt_already", params={"folder": str(folder)})
    if is_plain_sqlite(path):
        from sva.store import damage
        with damage.said_clearly(folder):
            damage.verify(folder)         # a damaged store: said first, nothing written
    credentials.backend()                 # no usable keyring: refused before anything
    recovery = None
    plain_copy = None
    if is_plain_sqlite(path):
        db = open_db(folder, encrypt=False)   # checks and migrates the plain store
        try:
            plain_copy = migrations.backup(db, path, migrations.current_version(db))
        finally:
            db.close()
        if kf is None:
            at_rest = keys.create(folder, encrypt=True)
            recovery = at_rest.take_recovery_key()
        at_rest = keys.resolve(folder)
        staged = path.with_name(path.name + ".encrypting")
        _export(path, staged, at_rest.key)
        os.replace(staged, path)              # the encrypted database, in one rename
        for sidecar in ("-wal", "-shm"):
            path.with_name(path.name + sidecar).unlink(missing_ok=True)
        _fsync_dir(folder)
        log.info("database of %s encrypted", folder)
    at_rest = keys.resolve(folder)
    cipher = at_rest.photo_cipher
    files = _photo_files(folder)
    sealed = 0
    for n, file in enumerate(files, 1):
        sealed += _seal_file(file, cipher)
        if progress:
            progress(n, len(files))
    backups = 0
    for backup in sorted((folder / "backups").glob("*.db")):
        if is_plain_sqlite(backup) and backup != plain_copy:
            staged = backup.with_name(backup.name + ".encrypting")
            _export(backup, staged, at_rest.key)
            os.replace(staged, backup)
            backups += 1
    health = check_folder(folder)
    if not health.healthy:
        raise BadInput(f"{folder} was encrypted, but its check found problems: "
                       f"{'; '.join(health.problems)}. The plain copy {plain_copy} was kept.",
                       code="encrypt_check_failed", params={"folder": str(folder)})
    for leftover in (folder / "backups").glob("*.db"):   # the plain copies, now unneeded
        if is_plain_sqlite(leftover):
            leftover.unlink()
    log.info("data folder %s encrypted: %d photo file(s) sealed, %d backup(s)", folder,
             sealed, backups)
    return Encrypted(recovery, sealed, backups)


def _plain_left(folder: Path) -> bool:
    """Photo files or backups not sealed yet (an interrupted `sva db encrypt`)."""
    if any(is_plain_sqlite(b) for b in (folder / "backups").glob("*.db")):
        return True
    for file in _photo_files(folder):
        with open(file, "rb") as fh:
            if not is_sealed(fh.read(len(b"\x89SVAENC\n"))):
                return True
    return False
