"""`sva-hq` admin commands: exit codes, --data-dir / SVA_HQ_HOME, nothing stored in clear."""
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


def test_admin_flow_and_bad_input(tmp_path):
    d = tmp_path / "hq"
    assert hq_cli("user", "add", "mika", "--role", "auditor", "--data-dir", d).returncode == 0
    out = hq_cli("enrol-code", "mika", "--data-dir", d)
    assert out.returncode == 0
    code = out.stdout.split(": ")[1].splitlines()[0].strip()
    assert code.encode() not in (d / "hq.db").read_bytes()
    assert hq_cli("enrol-code", "nobody", "--data-dir", d).returncode == 2
    assert hq_cli("user", "add", "mika", "--role", "auditor", "--data-dir", d).returncode == 2
    assert hq_cli("user", "add", "x", "--role", "root", "--data-dir", d).returncode == 2
    checklist = ROOT / "resources" / "checklists" / "svr.yaml"
    assert hq_cli("checklist", "publish", checklist, "--data-dir", d).returncode == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: svr\nversion: 0\n", encoding="utf-8")
    out = hq_cli("checklist", "publish", broken, "--data-dir", d)
    assert out.returncode == 2 and "broken.yaml" in out.stderr
    csv = tmp_path / "s.csv"
    csv.write_text("code,name_en,country\nS9,Nine,JP\nS10,Ten,XX\n", encoding="utf-8")
    out = hq_cli("import", "suppliers", csv, "--data-dir", d)
    assert out.returncode == 2 and "row 3" in out.stderr and "country" in out.stderr
    with sqlite3.connect(d / "hq.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM suppliers").fetchone()[0] == 0
    assert hq_cli("assign", "mika", "S9", "x", "--kind", "svr", "--date", "2026-01-01",
                  "--data-dir", d).returncode == 2
    assert hq_cli("device", "revoke", "no-such-device", "--data-dir", d).returncode == 2
    env = {**os.environ, "SVA_HQ_HOME": str(d)}
    assert "mika" in hq_cli("user", "list", env=env).stdout


def test_newer_hq_database_is_refused_untouched(tmp_path):
    open_storage(tmp_path)
    with sqlite3.connect(tmp_path / "hq.db") as conn:
        conn.execute("PRAGMA user_version = 99")
    before = (tmp_path / "hq.db").read_bytes()
    with pytest.raises(SchemaTooNew):
        open_storage(tmp_path)
    assert (tmp_path / "hq.db").read_bytes() == before
