"""An encrypted data folder backed up, the laptop lost, restored on a new one: the backup
holds the folder as it is at rest (database and photos under the folder's key), so the
restored folder opens with the recovery key alone, and only after it."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from tests.backup.backup_tools import PASSPHRASE
from tests.test_encryption import encrypted_demo, plain_demo, sva  # noqa: F401 - fixtures

ENV = "SVA_TEST_PASS"


def files(folder: Path) -> dict[str, str]:
    """The photo store and the key file, by hash (the database is compared by its content:
    a copy re-encrypts every page with fresh IVs)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()
            and p.relative_to(folder).parts[0] in ("photos", "derived", "sva.keys.json")}


def with_pass(*args, keyring_file: Path):
    os.environ[ENV] = PASSPHRASE
    try:
        return sva(*args, "--passphrase-env", ENV, keyring_file=keyring_file)
    finally:
        del os.environ[ENV]


def test_an_encrypted_folder_restored_on_a_new_laptop_opens_with_its_recovery_key(
        encrypted_demo, plain_demo, tmp_path):  # noqa: F811
    source, ring, recovery = encrypted_demo
    folder = tmp_path / "data"
    shutil.copytree(source, folder)
    before = files(folder)
    listed_before = sva("audits", "list", "--json", "--data-dir", folder, keyring_file=ring)
    assert listed_before.returncode == 0, listed_before.stderr

    out = with_pass("backup", "--data-dir", folder, "-o", tmp_path / "visit.svab",
                    keyring_file=ring)
    assert out.returncode == 0, out.stderr
    shutil.rmtree(folder)                                        # the laptop is lost

    new_ring = tmp_path / "new-laptop.json"                      # its keyring is empty
    done = with_pass("restore", tmp_path / "visit.svab", "--data-dir", folder,
                     keyring_file=new_ring)
    assert done.returncode == 0, done.stderr
    assert files(folder) == before                               # photos as they were
    assert b"SQLite format 3" not in (folder / "sva.db").read_bytes()[:16]

    locked = sva("audits", "list", "--data-dir", folder, keyring_file=new_ring)
    assert locked.returncode == 1 and "sva db unlock" in locked.stderr
    unlocked = sva("db", "unlock", "--data-dir", folder, keyring_file=new_ring,
                   stdin=recovery + "\n")
    assert unlocked.returncode == 0, unlocked.stderr
    listed = sva("audits", "list", "--json", "--data-dir", folder, keyring_file=new_ring)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == json.loads(listed_before.stdout)
    check = sva("db", "check", "--data-dir", folder, keyring_file=new_ring)
    assert check.returncode == 0, check.stdout + check.stderr
    assert " 0 missing, 0 damaged" in check.stdout
