"""`sva-hq` admin commands: exit codes, --data-dir / SVA_HQ_HOME, nothing stored in clear.

Run on SQLite and on PostgreSQL (`--db URL`, the `hq_db` fixture)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sva.errors import SchemaTooNew
from sva.hq.storage import open_storage

ROOT = Path(__file__).resolve().parents[2]


def hq_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "sva.cli.hq", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, env=env)


def _db_bytes(d: Path, hq_db) -> bytes:
    if hq_db.url:
        return hq_db.raw_bytes()
    return b"".join(p.read_bytes() for p in sorted(d.glob("hq.db*")))


def test_admin_flow_and_bad_input(tmp_path, hq_db):
    d = tmp_path / "hq"
    db = hq_db.args
    assert hq_cli("user", "add", "mika", "--role", "auditor", "--data-dir", d, *db).returncode == 0
    out = hq_cli("enrol-code", "mika", "--data-dir", d, *db)
    assert out.returncode == 0
    code = out.stdout.split(": ")[1].splitlines()[0].strip()
    raw = _db_bytes(d, hq_db)
    assert b"mika" in raw                       # the right database was read
    assert code.encode() not in raw
    assert hq_cli("enrol-code", "nobody", "--data-dir", d, *db).returncode == 2
    assert hq_cli("user", "add", "mika", "--role", "auditor", "--data-dir", d, *db).returncode == 2
    assert hq_cli("user", "add", "x", "--role", "root", "--data-dir", d, *db).returncode == 2
    checklist = ROOT / "resources" / "checklists" / "svr.yaml"
    assert hq_cli("checklist", "publish", checklist, "--data-dir", d, *db).returncode == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: svr\nversion: 0\n", encoding="utf-8")
    out = hq_cli("checklist", "publish", broken, "--data-dir", d, *db)
    assert out.returncode == 2 and "broken.yaml" in out.stderr
    csv = tmp_path / "s.csv"
    csv.write_text("code,name_en,country,annual_spend\nS9,Nine,JP,1\nS10,Ten,XX,1\n",
                   encoding="utf-8")
    out = hq_cli("import", "suppliers", csv, "--data-dir", d, *db)
    assert out.returncode == 2 and "row 3" in out.stderr and "country" in out.stderr
    storage = open_storage(d, hq_db.url)
    try:
        with storage.transaction(write=False) as tx:
            assert tx.scalar("SELECT COUNT(*) FROM suppliers") == 0
            assert tx.scalar("SELECT COUNT(*) FROM users") == 1
    finally:
        storage.close()
    assert hq_cli("assign", "mika", "S9", "x", "--kind", "svr", "--date", "2026-01-01",
                  "--data-dir", d, *db).returncode == 2
    assert hq_cli("device", "revoke", "no-such-device", "--data-dir", d, *db).returncode == 2
    env = {**os.environ, "SVA_HQ_HOME": str(d)}
    if hq_db.url:
        env["SVA_HQ_DB"] = hq_db.url
    assert "mika" in hq_cli("user", "list", env=env).stdout


def test_unreachable_postgresql_is_a_clear_failure(tmp_path):
    out = hq_cli("user", "list", "--data-dir", tmp_path,
                 "--db", f"postgresql://postgres:s3cret@/x?host={tmp_path}/nowhere")
    assert out.returncode == 1
    assert "cannot use the HQ database" in out.stderr and "Traceback" not in out.stderr
    assert "s3cret" not in out.stderr


def _pg_snapshot(storage) -> list:
    with storage.transaction(write=False) as tx:
        tables = [r["table_name"] for r in tx.all(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "ORDER BY table_name")]
        versions = [r["version"] for r in tx.all("SELECT version FROM sva_schema")]
    return [tables, versions]


def test_newer_hq_database_is_refused_untouched(tmp_path, hq_db):
    storage = open_storage(tmp_path, hq_db.url)
    if hq_db.url:
        with storage.transaction() as tx:
            tx.execute("UPDATE sva_schema SET version = 99")
        before = _pg_snapshot(storage)
        with pytest.raises(SchemaTooNew):
            open_storage(tmp_path, hq_db.url)
        assert _pg_snapshot(storage) == before and before[1] == [99]
        storage.close()
        return
    storage.close()
    with sqlite3.connect(tmp_path / "hq.db") as conn:
        conn.execute("PRAGMA user_version = 99")
    before = (tmp_path / "hq.db").read_bytes()
    with pytest.raises(SchemaTooNew):
        open_storage(tmp_path)
    assert (tmp_path / "hq.db").read_bytes() == before


def test_servers_migrating_one_postgresql_at_once(tmp_path, pg_cluster):
    """Several instances may start together on one PostgreSQL: one migrates, none fails."""
    from concurrent.futures import ThreadPoolExecutor
    url = pg_cluster.create_database("sva_test")
    with ThreadPoolExecutor(4) as pool:
        storages = list(pool.map(lambda i: open_storage(tmp_path / f"i{i}", url), range(4)))
    with storages[0].transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM sva_schema") == 1
        assert tx.scalar("SELECT COUNT(*) FROM revisions") == 1
    for storage in storages:
        storage.close()
    pg_cluster.drop_database(url)
