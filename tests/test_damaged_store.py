"""A damaged store is said clearly and never papered over, through the real `sva` command
line (subprocesses) and the app's start (offscreen).

Truncated, deleted, bit-flipped, a photo deleted or corrupted, a read-only folder and a full
disk (a real 3 MB tmpfs, tests/small_disk.py): each gives one clear line on stderr (exit 1),
no traceback, no write into the damaged database, and nothing replaced. The error names a
backup only when one exists.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from sva.cli.main import build_parser
from tests.small_disk import fill, read_only, tmpfs

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.timeout(300)


def sva(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.launcher", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` and the hash of its bytes. SQLite's shared-memory index and
    an empty write-ahead log, which reading a WAL database may leave, hold no data; logs/
    holds the app's own log of what it refused (sva/logs.py), not data."""
    files = {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(folder.rglob("*"))
             if p.is_file() and p.relative_to(folder).parts[0] != "logs"}
    files.pop("sva.db-shm", None)
    if files.get("sva.db-wal") == hashlib.sha256(b"").hexdigest():
        del files["sva.db-wal"]
    return files


def jpeg_file(path: Path, size=(320, 240), seed=0) -> Path:
    img = Image.frombytes("RGB", size, random.Random(seed).randbytes(size[0] * size[1] * 3))
    img.save(path, "JPEG", quality=90)
    return path


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory):
    """A demo data folder (photos included), its audits, and a CAP workbook exported from
    it while it was intact."""
    from sva.demo import build_demo
    from sva.workspace import Workspace
    base = tmp_path_factory.mktemp("damaged")
    folder = base / "demo"
    build_demo(folder, seed=1)
    with Workspace(folder) as ws:
        audits = ws.queries.audits()
        with_photos = next(a["id"] for a in audits if ws.photos.of_audit(a["id"]))
        photo = ws.photos.of_audit(with_photos)[0]["id"]
    out = sva("cap", "export", with_photos, "-o", base / "cap.xlsx", "--data-dir", folder)
    assert out.returncode == 0, out.stderr
    return {"folder": folder, "audit": with_photos, "photo": photo, "cap": base / "cap.xlsx",
            "photo_file": jpeg_file(base / "new.jpg"), "base": base}


@pytest.fixture
def demo(tmp_path, demo_master):
    folder = tmp_path / "data"
    shutil.copytree(demo_master["folder"], folder)
    return folder


def add_backup(folder: Path) -> Path:
    """A backup as a schema upgrade leaves it (backups/sva-vN-STAMP.db)."""
    from sva.store import SCHEMA_VERSION
    (folder / "backups").mkdir(mode=0o700)
    target = folder / "backups" / f"sva-v{SCHEMA_VERSION}-20260501T080000000000Z.db"
    shutil.copy(folder / "sva.db", target)
    return target


def flip_bits(db: Path) -> None:
    """Flip bits in the b-tree page headers of the last third of the file: the header and
    the schema still read, the tables do not hold together (quick_check fails)."""
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    for n in range(pages * 2 // 3, pages):
        for i in range(8):
            data[n * page + i] ^= 0xA5
    db.write_bytes(bytes(data))
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] > 0      # still opens
        try:
            found = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError:
            found = [("malformed",)]
        assert found != [("ok",)]
    finally:
        conn.close()


def assert_clear_failure(out: subprocess.CompletedProcess, *phrases: str) -> None:
    assert out.returncode == 1, (out.returncode, out.stdout, out.stderr)
    assert "Traceback" not in out.stderr, out.stderr
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), out.stderr
    for phrase in phrases:
        assert phrase in out.stderr, (phrase, out.stderr)


# -- a missing or empty database in a used folder ----------------------------------------

@pytest.mark.parametrize("how", ["deleted", "zero bytes"])
@pytest.mark.parametrize("backup", [False, True], ids=["no backup", "backup"])
def test_a_lost_database_is_not_replaced_by_an_empty_one(demo, demo_master, how, backup):
    saved = add_backup(demo) if backup else None
    db = demo / "sva.db"
    if how == "deleted":
        db.unlink()
    else:
        db.write_bytes(b"")
    before = snapshot(demo)
    for args in (["audits", "list"], ["photo", "list", demo_master["audit"]], ["db", "check"],
                 ["photo", "add", demo_master["audit"], demo_master["photo_file"]]):
        out = sva(*args, "--data-dir", demo)
        assert_clear_failure(out, str(db), "does not start a new, empty database",
                             "photo file(s) in photos/")
        assert ("is missing" if how == "deleted" else "is empty (0 bytes)") in out.stderr
        if saved:
            assert (f"To go back to the newest backup, {saved}, run "
                    f"`sva restore {saved} --data-dir {demo}`") in out.stderr
        else:
            assert "There is no backup" in out.stderr and "backups/sva-v" not in out.stderr
        assert snapshot(demo) == before, args


def test_a_new_folder_still_gets_a_new_database(tmp_path):
    for folder in (tmp_path / "new", tmp_path / "empty-file"):
        if folder.name == "empty-file":
            folder.mkdir()
            (folder / "sva.db").write_bytes(b"")            # nothing else: a new folder
        out = sva("audits", "list", "--data-dir", folder)
        assert out.returncode == 0, out.stderr
        assert (folder / "sva.db").stat().st_size > 0


def test_a_lost_database_with_only_backups_left_is_not_replaced(tmp_path, demo):
    folder = tmp_path / "only-backups"
    folder.mkdir()
    saved = add_backup(demo)
    (folder / "backups").mkdir()
    shutil.copy(saved, folder / "backups" / saved.name)
    out = sva("audits", "list", "--data-dir", folder)
    assert_clear_failure(out, "1 backup(s) in backups/", str(folder / "backups" / saved.name))
    assert not (folder / "sva.db").exists()


# -- flipped bits: every command ---------------------------------------------------------

def leaf_commands(parser=None, prefix=()):
    parser = parser or build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from leaf_commands(sub, (*prefix, name))
            return
    yield " ".join(prefix)


# The arguments each command needs to get as far as the store (real files where it reads
# one first). A new command without an entry here fails test_every_command_is_listed.
def command_args(m: dict, tmp: Path) -> dict[str, list]:
    audit, photo = m["audit"], m["photo"]
    return {
        "demo": ["demo", "--force"],
        "db check": ["db", "check"],
        "db encrypt": ["db", "encrypt"],
        "db unlock": ["db", "unlock"],
        "checklist validate": ["checklist", "validate", ROOT / "resources/checklists/svr.yaml"],
        "checklist new": ["checklist", "new", tmp / "new.yaml"],
        "checklist preview": ["checklist", "preview", ROOT / "resources/checklists/svr.yaml",
                              "-o", tmp / "preview.pdf"],
        "audits list": ["audits", "list"],
        "photo add": ["photo", "add", audit, m["photo_file"]],
        "photo import-folder": ["photo", "import-folder", audit, m["base"]],
        "photo list": ["photo", "list", audit],
        "photo caption": ["photo", "caption", photo, "new caption", "--reason", "typo"],
        "photo link": ["photo", "link", photo, "--reason", "moved"],
        "photo delete": ["photo", "delete", photo, "--reason", "duplicate"],
        "photo render": ["photo", "render", photo, "-o", tmp / "out.jpg"],
        "enrol": ["enrol", "--server", "http://127.0.0.1:9", "--code", "ABC"],
        "sync": ["sync"],
        "bundle export": ["bundle", "export", "-o", tmp / "x.svab"],
        "report guidance": ["report", "guidance", audit, "-o", tmp / "g.pdf"],
        "report record": ["report", "record", audit, "-o", tmp / "r.pdf"],
        "cap export": ["cap", "export", audit, "-o", tmp / "c.xlsx"],
        "cap import": ["cap", "import", m["cap"]],
        "backup": ["backup", "-o", tmp / "b.svab", "--passphrase-env", "SVA_NO_SUCH_VARIABLE"],
        "restore": ["restore", tmp / "none.svab"],
    }


def test_every_command_is_listed(tmp_path, demo_master):
    assert sorted(leaf_commands()) == sorted(command_args(demo_master, tmp_path))


@pytest.mark.parametrize("command", sorted(leaf_commands()))
def test_every_command_refuses_a_bit_flipped_database(demo, demo_master, tmp_path, command):
    flip_bits(demo / "sva.db")
    before = snapshot(demo)
    out = sva(*command_args(demo_master, tmp_path)[command], "--data-dir", demo)
    if command.startswith("checklist "):            # reads no store: unaffected
        assert out.returncode == 0, out.stderr
        return
    if command == "db unlock":                       # a plain folder: nothing to unlock
        assert out.returncode == 2 and "is not encrypted" in out.stderr, out.stderr
        assert snapshot(demo) == before
        return
    if command == "restore":                         # the remedy: it reads no store
        assert out.returncode == 2 and "does not exist" in out.stderr, out.stderr
    elif command == "db check":                      # reports, read-only
        assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
        assert "integrity:" in out.stdout and "integrity: ok" not in out.stdout
        assert "there is no backup" in out.stdout or "newest_backup" not in out.stdout
    else:
        assert_clear_failure(out, "is damaged", "nothing was written to it",
                             "there is no backup")
    assert snapshot(demo) == before                  # nothing written, nothing replaced
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.svab"))


def test_a_damaged_database_names_the_backup_that_exists(demo):
    saved = add_backup(demo)
    flip_bits(demo / "sva.db")
    out = sva("audits", "list", "--data-dir", demo)
    assert_clear_failure(out, "is damaged", f"the newest backup is {saved}: "
                         f"`sva restore {saved} --data-dir {demo}` puts it back")
    check = sva("db", "check", "--data-dir", demo)
    assert check.returncode == 1 and f"newest_backup: {saved}" in check.stdout


def test_a_header_that_is_not_sqlite_is_damage_too(demo):
    db = demo / "sva.db"
    data = bytearray(db.read_bytes())
    data[:16] = b"\xff" * 16
    db.write_bytes(bytes(data))
    before = snapshot(demo)
    out = sva("audits", "list", "--data-dir", demo)
    assert_clear_failure(out, "cannot be opened as an SVA database", "is damaged")
    assert snapshot(demo) == before


# -- photo files -------------------------------------------------------------------------

def test_db_check_verifies_every_photo_file_by_its_hash(demo, demo_master):
    from sva.workspace import Workspace
    out = sva("db", "check", "--data-dir", demo)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 missing, 0 damaged" in out.stdout
    with Workspace(demo) as ws:
        rows = [r for a in ws.queries.audits() for r in ws.photos.of_audit(a["id"])]
        lost, bent = rows[0], next(r for r in rows if r["sha256"] != rows[0]["sha256"])
        ws.photos.path_of(lost["sha256"]).unlink()
        path = ws.photos.path_of(bent["sha256"])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01                       # one flipped bit in the pixels
    path.write_bytes(bytes(data))
    out = sva("db", "check", "--data-dir", demo)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "1 missing, 1 damaged" in out.stdout
    assert f"missing photo file: {demo / 'photos'}" in out.stdout
    assert f"photo {lost['id']} of audit {lost['audit_id']}" in out.stdout
    assert f"photo {bent['id']} of audit {bent['audit_id']}" in out.stdout
    assert "damaged photo file (its bytes no longer match)" in out.stdout


# -- read-only folder, full disk ---------------------------------------------------------

def test_a_read_only_data_folder_is_said_clearly(tmp_path, demo_master):
    with tmpfs(tmp_path / "mnt", "16m") as mnt:
        folder = mnt / "data"
        shutil.copytree(demo_master["folder"], folder)
        before = snapshot(folder)
        read_only(mnt)
        for args in (["audits", "list"], ["photo", "add", demo_master["audit"],
                                          demo_master["photo_file"]]):
            out = sva(*args, "--data-dir", folder)
            assert_clear_failure(out, f"the data folder {folder} cannot be written",
                                 "read-only", "Nothing was changed")
        out = sva("audits", "list", "--data-dir", mnt / "new")
        assert_clear_failure(out, "read-only")
        assert snapshot(folder) == before


def small_store(folder: Path) -> str:
    from sva.workspace import Workspace
    with Workspace(folder) as ws:
        ws.templates.install_shipped()
        sid = ws.suppliers.add(code="S001", name_en="Kanto Parts", country="JP")
        site = ws.suppliers.add_site(sid, name="Plant", country="JP", timezone="Asia/Tokyo")
        audit = ws.audits.create(supplier_id=sid, site_id=site,
                                 template_ref=ws.templates.latest("svr"),
                                 planned_date="2026-05-12", auditors=["Haruka Sato"])
        ws.audits.start(audit)
    return audit


def test_a_full_disk_at_open_is_said_clearly_and_replaces_nothing(tmp_path):
    with tmpfs(tmp_path / "mnt", "3m") as mnt:
        folder = mnt / "data"
        small_store(folder)
        db_before = hashlib.sha256((folder / "sva.db").read_bytes()).hexdigest()
        fill(mnt)
        out = sva("audits", "list", "--data-dir", folder)
        assert_clear_failure(out, f"the disk holding {folder} is full", "nothing was changed")
        out = sva("audits", "list", "--data-dir", mnt / "new")
        assert_clear_failure(out, f"the disk holding {mnt / 'new'} is full")
        assert hashlib.sha256((folder / "sva.db").read_bytes()).hexdigest() == db_before


def test_photo_add_on_a_full_disk_adds_nothing_and_says_so(tmp_path):
    files = [jpeg_file(tmp_path / f"IMG_{n}.JPG", size=(800, 600), seed=n) for n in range(4)]
    with tmpfs(tmp_path / "mnt", "8m") as mnt:
        folder = mnt / "data"
        audit = small_store(folder)
        filler = fill(mnt, leave=700 * 1024)     # room to open, not for four photos
        out = sva("photo", "add", audit, *files, "--data-dir", folder)
        assert_clear_failure(out, f"the disk holding {folder} is full", "no photo was added")
        left = sorted(p.relative_to(folder) for p in folder.rglob("*"))
        assert [str(p) for p in left if not str(p).startswith("sva.db")] == [], left
        filler.unlink()                           # space again: the same command works
        out = sva("photo", "add", audit, *files, "--data-dir", folder)
        assert out.returncode == 0, out.stderr
        listed = sva("photo", "list", audit, "--data-dir", folder)
        assert len(listed.stdout.splitlines()) == 4
