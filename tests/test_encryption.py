"""Encryption at rest (issue 16): what is on disk, wrong and missing keys, the recovery key in
a second process, `sva db encrypt` on a plain demo folder (interrupted too), damaged and busy
encrypted stores, and logs free of keys.

Subprocesses share the test's keyring through a file (tests/keyrings.py: FileKeyring)."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from tests.keyrings import FileKeyring, MemoryKeyring

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.timeout(600)
RECOVERY = re.compile(r"\b([A-Z2-7]{5}(?:-[A-Z2-7]{5}){7})\b")
SQLITE_HEADER, JPEG_MARKER = b"SQLite format 3", b"\xff\xd8\xff"
# Ciphertext is random: any 3 bytes turn up once in ~16 MB of it, so FF D8 FF is looked for
# where a JPEG file or an embedded JPEG would put it — at a file's start, and followed by
# the segment a JPEG opens with (APP0 JFIF, APP1 Exif, DQT) — plus the JFIF/Exif labels.
JPEG_STARTS = (b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xe1", b"\xff\xd8\xff\xdb", b"JFIF\x00",
               b"Exif\x00\x00")


def sva(*args, keyring_file: Path | None = None, stdin: str | None = None):
    env = dict(os.environ)
    env.pop("SVA_KEYRING_BACKEND", None)
    if keyring_file is not None:
        env.update(PYTHON_KEYRING_BACKEND="tests.keyrings.FileKeyring",
                   SVA_TEST_KEYRING=str(keyring_file))
    else:
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run([sys.executable, "-m", "ui.launcher", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, env=env,
                          input=stdin if stdin is not None else "")


def snapshot(folder: Path) -> dict[str, str]:
    files = {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(folder.rglob("*")) if p.is_file()}
    files.pop("sva.db-shm", None)
    if files.get("sva.db-wal") == hashlib.sha256(b"").hexdigest():
        del files["sva.db-wal"]
    return files


def data_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()
            and (p.name.startswith("sva.db") or p.relative_to(folder).parts[0]
                 in ("photos", "derived", "cache", "outgoing", "backups"))
            and p.suffix != ".ref"]


@pytest.fixture(scope="module")
def plain_demo(tmp_path_factory):
    """A plain demo folder (no keyring in this process), its supplier names and photos."""
    from sva.demo import build_demo
    folder = tmp_path_factory.mktemp("plain") / "demo"
    build_demo(folder, seed=1)
    conn = sqlite3.connect(folder / "sva.db")
    names = [n for (n,) in conn.execute("SELECT name_en FROM suppliers") if n]
    names += [n for (n,) in conn.execute("SELECT name_ja FROM suppliers") if n]
    photos = {sha for (sha,) in conn.execute("SELECT sha256 FROM photos")}
    audit = conn.execute("SELECT id FROM audits WHERE status IN ('signed', 'completed') "
                         "LIMIT 1").fetchone()[0]
    conn.close()
    assert len(names) > 5 and photos
    return folder, names, photos, audit


@pytest.fixture(scope="module")
def encrypted_demo(plain_demo, tmp_path_factory):
    """The same folder after `sva db encrypt` (a real subprocess), with its keyring file and
    the recovery key the command printed."""
    base = tmp_path_factory.mktemp("enc")
    folder = base / "demo"
    shutil.copytree(plain_demo[0], folder)
    ring = base / "keyring.json"
    out = sva("db", "encrypt", "--data-dir", folder, keyring_file=ring)
    assert out.returncode == 0, out.stderr
    assert "Write it down" in out.stderr
    recovery = RECOVERY.search(out.stderr).group(1)
    return folder, ring, recovery


def assert_unreadable(folder: Path, names: list[str]) -> None:
    files = data_files(folder)
    assert any(p.relative_to(folder).parts[0] == "photos" for p in files)
    assert any(p.relative_to(folder).parts[0] == "derived" for p in files)
    for path in files:
        raw = path.read_bytes()
        assert SQLITE_HEADER not in raw, path
        assert not raw.startswith(JPEG_MARKER), path
        assert not any(marker in raw for marker in JPEG_STARTS), path
        for name in names:
            assert name.encode("utf-8") not in raw, (path, name)


def test_encrypted_files_hold_no_supplier_name_sqlite_header_or_jpeg_marker(
        plain_demo, encrypted_demo):
    folder, names, _, _ = plain_demo
    assert SQLITE_HEADER in (folder / "sva.db").read_bytes()[:16]      # the plain original
    plain_photos = [p for p in (folder / "photos").rglob("*") if p.is_file()]
    assert any(p.read_bytes().startswith(JPEG_MARKER) for p in plain_photos)   # the checks bite
    assert any(name.encode() in (folder / "sva.db").read_bytes() for name in names)
    assert_unreadable(encrypted_demo[0], names)
    key_file = (encrypted_demo[0] / "sva.keys.json").read_text("utf-8")
    assert not any(name in key_file for name in names)


def test_a_new_folder_is_encrypted_when_a_keyring_is_usable(tmp_path, plain_demo):
    ring = tmp_path / "keyring.json"
    out = sva("demo", "--data-dir", tmp_path / "new", keyring_file=ring)
    assert out.returncode == 0, out.stderr
    assert RECOVERY.search(out.stderr) and "shown only this once" in out.stderr
    assert_unreadable(tmp_path / "new", plain_demo[1])
    again = sva("audits", "list", "--data-dir", tmp_path / "new", keyring_file=ring)
    assert again.returncode == 0 and "Kanto" in again.stdout or again.stdout.count("\n") > 3
    assert not RECOVERY.search(again.stderr)                           # shown once only


def test_without_a_keyring_a_new_folder_is_plain_and_says_so(tmp_path):
    out = sva("audits", "list", "--data-dir", tmp_path / "new")
    assert out.returncode == 0, out.stderr
    assert "NOT encrypted" in out.stderr and "sva db encrypt" in out.stderr
    assert (tmp_path / "new" / "sva.db").read_bytes()[:15] == SQLITE_HEADER
    assert not (tmp_path / "new" / "sva.keys.json").exists()


def test_a_missing_key_fails_clearly_and_changes_nothing(encrypted_demo, tmp_path):
    folder = encrypted_demo[0]
    before = snapshot(folder)
    for ring in (tmp_path / "empty.json", None):       # an empty keyring, and none at all
        out = sva("audits", "list", "--data-dir", folder, keyring_file=ring)
        assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
        assert "is encrypted" in out.stderr and "sva db unlock" in out.stderr
        assert "Nothing was created or changed" in out.stderr
    assert snapshot(folder) == before


def test_a_wrong_key_in_the_keyring_fails_clearly_and_changes_nothing(encrypted_demo,
                                                                       tmp_path):
    folder, ring, _ = encrypted_demo
    wrong = tmp_path / "wrong.json"
    text = ring.read_text("utf-8")
    key = re.search(r'"sva\\ndata-key:[^"]+": "([^"]+)"', text).group(1)
    import base64
    wrong.write_text(text.replace(key, base64.b64encode(b"\x01" * 32).decode()), "utf-8")
    before = snapshot(folder)
    out = sva("audits", "list", "--data-dir", folder, keyring_file=wrong)
    assert out.returncode == 2 and "is not this folder's key" in out.stderr, out.stderr
    assert snapshot(folder) == before


def test_a_wrong_recovery_key_is_refused_and_changes_nothing(encrypted_demo, tmp_path):
    folder, _, recovery = encrypted_demo
    ring = tmp_path / "new-laptop.json"
    before = snapshot(folder)
    flipped = ("A" if recovery[0] != "A" else "B") + recovery[1:]
    for typed, why in ((flipped, "does not open this data folder"),
                       ("ABCDE-12345", "8 groups of 5")):
        out = sva("db", "unlock", "--data-dir", folder, keyring_file=ring, stdin=typed + "\n")
        assert out.returncode == 2 and why in out.stderr, out.stderr
    assert not ring.exists()                                   # nothing stored
    assert snapshot(folder) == before


def test_the_recovery_key_opens_it_in_a_second_process_and_restores_the_key(
        encrypted_demo, tmp_path, plain_demo):
    folder = tmp_path / "copy"
    shutil.copytree(encrypted_demo[0], folder)
    ring = tmp_path / "new-laptop.json"                        # a keyring without the key
    locked = sva("audits", "list", "--data-dir", folder, keyring_file=ring)
    assert locked.returncode == 1 and "sva db unlock" in locked.stderr
    typed = encrypted_demo[2].lower().replace("-", " ")          # as a person may type it
    out = sva("db", "unlock", "--data-dir", folder, keyring_file=ring, stdin=typed + "\n")
    assert out.returncode == 0 and "unlocked" in out.stdout, out.stderr
    assert "data-key:" in ring.read_text("utf-8")
    listed = sva("audits", "list", "--data-dir", folder, keyring_file=ring)
    assert listed.returncode == 0, listed.stderr
    assert plain_demo[3] in listed.stdout


def test_an_encrypted_demo_reads_everything_back(encrypted_demo, plain_demo, tmp_path):
    """Audits, every photo (by its hash), a guidance PDF and `sva db check`."""
    folder, ring, _ = encrypted_demo
    plain, _, photos, audit = plain_demo
    pdf = tmp_path / "guidance.pdf"
    out = sva("report", "guidance", audit, "--lang", "ja", "-o", pdf, "--data-dir", folder,
              keyring_file=ring)
    assert out.returncode == 0, out.stderr
    from pypdf import PdfReader
    assert len(PdfReader(pdf).pages) >= 2
    check = sva("db", "check", "--data-dir", folder, keyring_file=ring)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "encrypted: yes" in check.stdout and "0 missing, 0 damaged" in check.stdout
    os.environ["SVA_TEST_KEYRING"] = str(ring)
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    try:
        from sva.workspace import Workspace
        with Workspace(folder) as ws:
            assert ws.encrypted
            for sha in photos:
                assert hashlib.sha256(ws.photos.original(sha)).hexdigest() == sha
                assert ws.photos.original(sha) == (plain / "photos" / sha[:2] / sha).read_bytes()
            assert ws.queries.audit(audit)["status"] in ("signed", "completed")
    finally:
        keyring.set_keyring(previous)
        del os.environ["SVA_TEST_KEYRING"]


def test_encrypt_interrupted_half_way_leaves_a_folder_that_opens_then_finishes(
        plain_demo, tmp_path, monkeypatch):
    from sva.store import encrypt as convert
    from sva.workspace import Workspace
    plain, names, photos, audit = plain_demo
    folder = tmp_path / "demo"
    shutil.copytree(plain, folder)
    monkeypatch.setattr(keyring, "get_keyring", lambda: ring)
    ring = MemoryKeyring()
    sealed, real = [], convert._seal_file

    def killed_after_five(path, cipher):
        if len(sealed) == 5:
            raise KeyboardInterrupt          # the process dies here
        sealed.append(path)
        return real(path, cipher)
    monkeypatch.setattr(convert, "_seal_file", killed_after_five)
    with pytest.raises(KeyboardInterrupt):
        convert.encrypt_folder(folder)
    with Workspace(folder) as ws:             # opens: database encrypted, photos mixed
        assert ws.encrypted
        assert {hashlib.sha256(ws.photos.original(s)).hexdigest() for s in photos} == photos
        assert ws.queries.audit(audit)
    monkeypatch.setattr(convert, "_seal_file", real)
    done = convert.encrypt_folder(folder)     # run again: finishes with the same key
    assert done.recovery_key is None and done.photos > 0
    assert_unreadable(folder, names)
    with Workspace(folder) as ws:
        assert {hashlib.sha256(ws.photos.original(s)).hexdigest() for s in photos} == photos


def test_a_damaged_encrypted_store_is_said_clearly(tmp_path, monkeypatch):
    from sva.errors import StoreDamaged
    from sva.workspace import Workspace
    monkeypatch.setattr(keyring, "get_keyring", lambda: ring)
    ring = MemoryKeyring()
    folder = tmp_path / "data"
    with Workspace(folder) as ws:
        ws.templates.install_shipped()
        assert ws.encrypted
    path = folder / "sva.db"
    data = bytearray(path.read_bytes())
    for i in range(4096 * 3, 4096 * 3 + 64):      # a page of the tables, its HMAC broken
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StoreDamaged, match="cannot be opened as an SVA database"):
        Workspace(folder)
    assert path.read_bytes() == before


def test_a_busy_encrypted_store_says_busy(tmp_path, monkeypatch):
    from sva.errors import StoreBusy
    from sva.store import engine
    from sva.workspace import Workspace
    monkeypatch.setattr(keyring, "get_keyring", lambda: ring)
    ring = MemoryKeyring()
    with Workspace(tmp_path / "data") as ws:
        ws.templates.install_shipped()
        other = engine.open_file(ws.path, ws.at_rest.key, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            ws.run(lambda: ws.db.conn.execute("PRAGMA busy_timeout=200"))
            with pytest.raises(StoreBusy, match="busy"):
                ws.suppliers.add(code="S9", name_en="Busy Co", country="JP")
        finally:
            other.execute("ROLLBACK")
            other.close()


def test_logs_hold_no_key_or_recovery_key(plain_demo, tmp_path, monkeypatch):
    import base64

    from sva import logs
    from sva.atrest import keys
    from sva.store import encrypt as convert
    from sva.workspace import Workspace
    monkeypatch.setattr(keyring, "get_keyring", lambda: ring)
    ring = MemoryKeyring()
    folder = tmp_path / "demo"
    shutil.copytree(plain_demo[0], folder)
    logs.start(folder, level="DEBUG")
    try:
        done = convert.encrypt_folder(folder)
        with Workspace(folder) as ws:
            key = ws.at_rest.key
        ring.items.clear()
        keys.unlock(folder, done.recovery_key)
        with Workspace(folder):
            pass
    finally:
        logs.stop()                                      # the hooks and files put back
    text = "\n".join(p.read_text("utf-8", "replace") for p in (folder / "logs").rglob("*")
                     if p.is_file())
    assert "encrypted" in text                       # the log did record the work
    for secret in (done.recovery_key, done.recovery_key.replace("-", ""), key.hex(),
                   base64.b64encode(key).decode()):
        assert secret not in text


def test_a_lost_database_of_an_encrypted_folder_is_not_replaced(tmp_path, monkeypatch):
    """No photo yet, only the key file: still a used folder, never a fresh empty store."""
    from sva.errors import StoreMissing
    from sva.workspace import Workspace
    monkeypatch.setattr(keyring, "get_keyring", lambda: ring)
    ring = MemoryKeyring()
    folder = tmp_path / "data"
    with Workspace(folder) as ws:
        ws.suppliers.add(code="S1", name_en="Kanto Parts", country="JP")
    for name in ("sva.db", "sva.db-wal", "sva.db-shm"):
        (folder / name).unlink(missing_ok=True)
    before = snapshot(folder)
    with pytest.raises(StoreMissing, match="encryption key file"):
        Workspace(folder)
    assert snapshot(folder) == before and not (folder / "sva.db").exists()
