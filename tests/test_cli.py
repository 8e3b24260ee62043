"""The `sva` command line: documented commands, exit codes, bad input changes nothing."""
import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sva import __version__
from sva.store import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]


def sva(*args, env=None):
    return subprocess.run([sys.executable, "-m", "ui.launcher", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, env=env)


def digest(folder):
    return hashlib.sha256((folder / "sva.db").read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    out = sva("demo", "--data-dir", folder, "--seed", "3")
    assert out.returncode == 0, out.stderr
    assert "18 audits" in out.stdout
    return folder


def test_version():
    out = sva("--version")
    assert (out.returncode, out.stdout.strip()) == (0, f"sva {__version__}")


def test_db_check_reports_integrity_and_schema(demo_dir):
    out = sva("db", "check", "--data-dir", demo_dir)
    assert out.returncode == 0, out.stderr
    assert "integrity: ok" in out.stdout
    assert f"schema_version: {SCHEMA_VERSION}" in out.stdout


def test_audits_list_and_filters(demo_dir):
    out = sva("audits", "list", "--data-dir", demo_dir, "--json")
    rows = json.loads(out.stdout)
    assert len(rows) == 18
    planned = json.loads(sva("audits", "list", "--data-dir", demo_dir, "--json",
                             "--status", "planned").stdout)
    assert planned and all(r["status"] == "planned" for r in planned)
    text = sva("audits", "list", "--data-dir", demo_dir).stdout
    assert rows[0]["id"] in text and rows[0]["supplier_code"] in text


def test_data_dir_from_environment(demo_dir):
    import os
    out = sva("audits", "list", "--json", env={**os.environ, "SVA_HOME": str(demo_dir)})
    assert len(json.loads(out.stdout)) == 18


def test_top_level_data_dir_is_kept_by_subcommands(demo_dir):
    out = sva("--data-dir", demo_dir, "audits", "list", "--json")
    assert len(json.loads(out.stdout)) == 18


@pytest.mark.parametrize("args", [
    ["audits", "list", "--status", "lost"],
    ["demo", "--seed", "x"],
    ["demo"],                     # the folder already holds audits
    ["no-such-command"],
])
def test_bad_input_exits_2_and_changes_nothing(demo_dir, args):
    before = digest(demo_dir)
    out = sva(*args, "--data-dir", demo_dir) if args[0] != "no-such-command" else sva(*args)
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert out.stderr.strip()
    assert digest(demo_dir) == before


def test_a_newer_database_is_refused_untouched(tmp_path):
    conn = sqlite3.connect(tmp_path / "sva.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = digest(tmp_path)
    out = sva("db", "check", "--data-dir", tmp_path)
    assert out.returncode == 1
    assert "newer SVA" in out.stderr
    assert digest(tmp_path) == before


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    for command in ("sva demo", "sva db check", "sva checklist validate", "sva audits list",
                    "make run", "make test", "make bench"):
        assert command in readme, command
