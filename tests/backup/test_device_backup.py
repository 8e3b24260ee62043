"""`sva backup` / `sva restore` on real folders, through the real command line."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.backup.backup_tools import PASSPHRASE, blob_hashes, sva, tables, tree_digest

ENV = "SVA_TEST_PASS"


def backup(folder: Path, out: Path, **kw):
    return sva("backup", "--data-dir", folder, "-o", out, "--passphrase-env", ENV, **kw)


def restore(file: Path, folder: Path, *extra, **kw):
    return sva("restore", file, "--data-dir", folder, "--passphrase-env", ENV, *extra, **kw)


def test_backup_wipe_restore_gives_identical_content(demo, tmp_path):
    before_rows, before_blobs = tables(demo / "sva.db"), blob_hashes(demo)
    assert before_blobs and sum(len(r) for r in before_rows.values()) > 500
    out = backup(demo, tmp_path / "visit.svab")
    assert out.returncode == 0, out.stderr
    assert "18 audits" in out.stdout
    shutil.rmtree(demo)                                         # the laptop is lost

    done = restore(tmp_path / "visit.svab", demo)
    assert done.returncode == 0, done.stderr
    assert tables(demo / "sva.db") == before_rows               # every row of every table
    assert blob_hashes(demo) == before_blobs                    # every photo file, by hash
    assert (demo.stat().st_mode & 0o777) == 0o700
    check = sva("db", "check", "--data-dir", demo, passphrase=None)     # a second process
    assert check.returncode == 0, check.stdout + check.stderr
    assert " 0 missing, 0 damaged" in check.stdout
    listed = sva("audits", "list", "--json", "--data-dir", demo, passphrase=None)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 18


def test_the_backup_file_holds_no_readable_data(demo, tmp_path):
    assert backup(demo, tmp_path / "b.svab").returncode == 0
    raw = (tmp_path / "b.svab").read_bytes()
    name = tables(demo / "sva.db")["suppliers"][0]
    for plain in (b"SQLite format 3", b"JFIF\x00", b"\x89PNG\r\n", b"ustar\x00",
                  *(str(v).encode() for v in name if isinstance(v, str) and len(v) > 6)):
        assert plain not in raw
    assert raw.startswith(b"SVABACKUP\x00")


def _truncate_end(data: bytes) -> bytes:
    return data[:-1000]


def _truncate_middle(data: bytes) -> bytes:
    return data[:len(data) // 2]


def _flip_middle(data: bytes) -> bytes:
    i = len(data) // 2
    return data[:i] + bytes([data[i] ^ 0x04]) + data[i + 1:]


def _flip_header(data: bytes) -> bytes:
    i = data.index(b'"created"') + 15                       # a digit of the time stamp
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1:]


def _drop_last_part(data: bytes) -> bytes:
    return data[:-20]


def _cut_before_last_chunk(data: bytes) -> bytes:
    """Cut exactly at a chunk boundary: every chunk left is whole and authentic."""
    import struct
    at = 10 + 6 + struct.unpack(">I", data[12:16])[0]
    at += 1 + data[at]
    starts = []
    while at < len(data):
        starts.append(at)
        at += 4 + struct.unpack(">I", data[at:at + 4])[0]
    assert at == len(data) and len(starts) >= 3
    return data[:starts[-1]]


@pytest.mark.parametrize("damage, words", [
    (None, "passphrase is wrong"),
    (_truncate_end, "damaged or incomplete"),
    (_truncate_middle, "damaged or incomplete"),
    (_flip_middle, "was changed"),
    (_flip_header, "passphrase is wrong (or the backup's header was changed)"),
    (_drop_last_part, "damaged or incomplete"),
    (_cut_before_last_chunk, "it ends before its last part"),
])
def test_a_wrong_passphrase_or_damaged_file_changes_nothing(demo, tmp_path, damage, words):
    file = tmp_path / "b.svab"
    assert backup(demo, file).returncode == 0
    if damage is not None:
        file.write_bytes(damage(file.read_bytes()))
    target = tmp_path / "target"
    shutil.copytree(demo, target)
    (target / "sva.db").write_bytes((target / "sva.db").read_bytes())   # a folder in use
    seen = tree_digest(target)
    kw = {"passphrase": "not the passphrase"} if damage is None else {}
    out = restore(file, target, "--yes", **kw)
    assert out.returncode == 2, out.stdout + out.stderr
    assert words in out.stderr and "Traceback" not in out.stderr
    assert str(file) in out.stderr
    assert tree_digest(target) == seen                          # nothing changed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.svab", "data", "target"]
    empty = tmp_path / "empty"                                  # nor is a new folder made
    assert restore(file, empty, **kw).returncode == 2
    assert not empty.exists()


def test_restore_into_a_non_empty_folder_asks_and_keeps_the_old_one_aside(demo, tmp_path):
    file = tmp_path / "b.svab"
    assert backup(demo, file).returncode == 0
    rows = tables(demo / "sva.db")
    other = tmp_path / "other"
    assert sva("demo", "--data-dir", other, "--seed", "9", passphrase=None).returncode == 0
    old = tree_digest(other)

    refused = restore(file, other)                      # no terminal, no --yes: refused
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert tree_digest(other) == old

    done = restore(file, other, "--yes")
    assert done.returncode == 0, done.stderr
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("other.before-restore-")]
    assert len(aside) == 1 and f"kept in {aside[0]}" in done.stdout
    assert tree_digest(aside[0]) == old                 # the old folder, whole
    assert tables(other / "sva.db") == rows


def test_no_terminal_and_no_variable_is_refused(demo, tmp_path):
    out = sva("backup", "--data-dir", demo, "-o", tmp_path / "b.svab", passphrase=None)
    assert out.returncode == 2 and "--passphrase-env" in out.stderr
    assert not (tmp_path / "b.svab").exists()
    short = backup(demo, tmp_path / "b.svab", passphrase="short")
    assert short.returncode == 2 and "at least 8 characters" in short.stderr
    assert not (tmp_path / "b.svab").exists()


def test_the_passphrase_never_appears_in_output_or_logs(demo, tmp_path):
    file = tmp_path / "b.svab"
    results = [backup(demo, file), restore(file, tmp_path / "new"),
               restore(file, tmp_path / "new", "--yes", passphrase=PASSPHRASE + "x"),
               backup(demo, file)]                         # exists already: refused
    assert [r.returncode for r in results] == [0, 0, 2, 2]
    said = "".join(r.stdout + r.stderr for r in results)
    assert said and PASSPHRASE not in said
    for folder in (demo, tmp_path / "new"):
        for path in folder.rglob("*"):
            if path.is_file():
                assert PASSPHRASE.encode() not in path.read_bytes(), path
    assert PASSPHRASE.encode() not in file.read_bytes()


def test_cancel_leaves_no_partial_file(demo, tmp_path):
    from sva.backup import container
    from sva.backup.device import create_backup
    from sva.workspace import Workspace

    class Stop(Exception):
        pass

    calls = []

    def progress(done, total):
        calls.append(done)
        if len(calls) > 5:
            raise Stop

    with Workspace(demo) as ws:
        with pytest.raises(Stop):
            create_backup(ws, tmp_path / "b.svab", lambda h: container.passphrase_kek("x", h),
                          progress=progress)
        assert ws.queries.audits()                     # the store works on
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    assert [p.name for p in (demo / "backups").iterdir()] == []


def test_the_restored_folder_opens_in_the_app(demo, tmp_path):
    file = tmp_path / "b.svab"
    assert backup(demo, file).returncode == 0
    target = tmp_path / "restored"
    assert restore(file, target).returncode == 0
    from sva.workspace import Workspace
    with Workspace(target) as ws:
        assert len(ws.queries.audits()) == 18
    conn = sqlite3.connect(target / "sva.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_backup_while_another_process_writes_holds_a_prefix_of_the_writes(demo, tmp_path):
    """A consistent copy: the restored database passes its integrity check and holds the
    writer's suppliers 1..k with no gap, k at least what had committed when it started."""
    import subprocess
    import sys

    from tests.backup.backup_tools import ROOT
    child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("writer_child.py")),
                              str(demo), "12"], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                             env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    try:
        committed = []
        while len(committed) < 20:
            committed.append(int(child.stdout.readline()))
        before = committed[-1]
        out = backup(demo, tmp_path / "b.svab")
        assert out.returncode == 0, out.stderr
        for line in child.stdout:                        # the writer went on meanwhile
            committed.append(int(line))
    finally:
        child.wait(timeout=60)
    assert child.returncode == 0
    assert committed[-1] > before + 20
    assert restore(tmp_path / "b.svab", tmp_path / "r").returncode == 0
    conn = sqlite3.connect(tmp_path / "r" / "sva.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    codes = [int(c[1:]) for (c,) in conn.execute(
        "SELECT code FROM suppliers WHERE code LIKE 'W%' ORDER BY code")]
    assert codes == list(range(1, len(codes) + 1))       # a prefix, no gap
    assert before <= len(codes) < committed[-1]
    logged = conn.execute("SELECT COUNT(*) FROM audit_log WHERE entity = 'supplier' AND "
                          "entity_id IN (SELECT id FROM suppliers WHERE code LIKE 'W%')")
    assert logged.fetchone()[0] >= len(codes)            # each with its audit-log row
