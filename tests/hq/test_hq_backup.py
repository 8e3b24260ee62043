"""HQ backup and restore: `sva-hq backup`/`restore` on SQLite while the server runs, and the
README's pg_dump / pg_restore procedure on a throwaway PostgreSQL cluster."""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from sva.sync.engine import sync
from tests.hq.test_roundtrip import assigned_audit, do_audit

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "hq-cellar 42 persimmon"


def sva_hq(*args, passphrase=PASSPHRASE):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SVA_")}
    env["HQ_BACKUP_PASS"] = passphrase
    return subprocess.run([sys.executable, "-m", "sva.cli.hq", *map(str, args)], cwd=ROOT,
                          env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=120)


def sqlite_rows(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}
    finally:
        conn.close()


def blob_hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "partial" not in p.parts}


@pytest.mark.parametrize("hq_db", ["sqlite"], indirect=True)
def test_hq_sqlite_backup_while_serving_then_restore_is_identical(hq, device, tmp_path):
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=3)
    assert sync(device).push.blobs_uploaded == 3
    file = tmp_path / "hq.svab"
    out = sva_hq("backup", "--data-dir", hq.folder, "-o", file, "--by", "ops.tanaka",
                 "--passphrase-env", "HQ_BACKUP_PASS")             # the server is running
    assert out.returncode == 0, out.stderr
    assert "3 photo blobs" in out.stdout
    hq.stop()
    hq.storage.close()
    rows, blobs = sqlite_rows(hq.folder / "hq.db"), blob_hashes(hq.folder / "blobs")
    assert len(blobs) == 3 and rows["audits"]
    # who backed up is logged after the file is written: the live database has the row, the
    # backup (the state when it started) does not
    made = rows["event_log"][-1]
    assert (made[2], made[3], made[5]) == ("ops.tanaka", "backup", "hq.svab"), made
    rows["event_log"] = rows["event_log"][:-1]
    shutil.rmtree(hq.folder)

    wrong = sva_hq("restore", file, "--data-dir", hq.folder, "--passphrase-env",
                   "HQ_BACKUP_PASS", passphrase="not it at all")
    assert wrong.returncode == 2 and "passphrase is wrong" in wrong.stderr
    assert not hq.folder.exists()
    done = sva_hq("restore", file, "--data-dir", hq.folder, "--passphrase-env",
                  "HQ_BACKUP_PASS", "--by", "ops.suzuki")
    assert done.returncode == 0, done.stderr
    restored = sqlite_rows(hq.folder / "hq.db")
    # the restore is the restored database's last event, under the named user
    row = restored["event_log"].pop()
    assert (row[2], row[3], row[5]) == ("ops.suzuki", "restore", "hq.svab"), row
    assert restored == rows
    assert blob_hashes(hq.folder / "blobs") == blobs
    said = out.stdout + out.stderr + done.stdout + done.stderr + wrong.stdout + wrong.stderr
    assert PASSPHRASE not in said

    hq.start()                                          # a new server process on it
    assert httpx.get(hq.url + "/api/v1/health", trust_env=False).status_code == 200
    again = sync(device)                                # the device's token still works
    assert again.push.pushed == [] and again.push.blobs_uploaded == 0


def test_hq_backup_refuses_postgresql_with_the_way_to_do_it(tmp_path):
    out = sva_hq("backup", "--data-dir", tmp_path, "--db", "postgresql://x@/y?host=/nowhere",
                 "-o", tmp_path / "b.svab", "--passphrase-env", "HQ_BACKUP_PASS")
    assert out.returncode == 2 and "pg_dump" in out.stderr
    assert not (tmp_path / "b.svab").exists()


def pg_rows(url: str) -> dict[str, list]:
    import psycopg
    with psycopg.connect(url) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "ORDER BY table_name")]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}


@pytest.mark.parametrize("hq_db", ["postgresql"], indirect=True)
def test_hq_postgresql_pg_dump_and_pg_restore_round_trip(hq, device, tmp_path, pg_cluster):
    """The README procedure: pg_dump -Fc of the database plus a copy of the blob folder;
    pg_restore into an empty database; the server runs on it as before."""
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=2)
    assert sync(device).push.blobs_uploaded == 2
    bindir = pg_cluster.bindir
    dump = tmp_path / "hq.dump"
    subprocess.run([str(bindir / "pg_dump"), "--format=custom", "--no-owner",
                    f"--file={dump}", f"--dbname={hq.db_url}"], check=True, timeout=120)
    shutil.copytree(hq.folder / "blobs", tmp_path / "blobs-copy")
    before, blobs = pg_rows(hq.db_url), blob_hashes(hq.folder / "blobs")
    assert before["audits"] and len(blobs) == 2
    hq.stop()
    hq.storage.close()

    fresh = pg_cluster.create_database("sva_restored")
    try:
        subprocess.run([str(bindir / "pg_restore"), "--no-owner", "--exit-on-error",
                        f"--dbname={fresh}", str(dump)], check=True, timeout=120)
        assert pg_rows(fresh) == before                     # every row of every table
        restored = tmp_path / "hq-restored"
        restored.mkdir()
        shutil.copytree(tmp_path / "blobs-copy", restored / "blobs")
        assert blob_hashes(restored / "blobs") == blobs
        users = sva_hq("user", "list", "--data-dir", restored, "--db", fresh)
        assert users.returncode == 0 and "haruka" in users.stdout
    finally:
        pg_cluster.drop_database(fresh)
