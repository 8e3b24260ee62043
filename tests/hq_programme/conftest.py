"""Programme tests on a real HQ data folder: the `sva-hq` CLI in a subprocess, a demo data set
built once per session (copied for tests that change it), helpers to write registry files."""
from __future__ import annotations

import csv
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sva.hq.storage import open_storage

ROOT = Path(__file__).resolve().parents[2]
REGISTRY_HEADER = ["code", "name_en", "name_ja", "country", "categories", "annual_spend",
                   "large_amount", "rare_product", "hard_to_replace", "declaration_date",
                   "declaration_scope"]


def hq_cli(*args, stdin: str | None = None):
    return subprocess.run([sys.executable, "-m", "sva.cli.hq", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, input=stdin)


def write_csv(path: Path, header, rows) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    """One demo HQ for the session (read-only: copy it with `demo_copy` to change it)."""
    folder = tmp_path_factory.mktemp("hq-demo")
    out = hq_cli("demo", "--data-dir", folder, "--seed", "7")
    assert out.returncode == 0, out.stderr
    return folder


@pytest.fixture
def demo_copy(demo_master, tmp_path) -> Path:
    """A consistent copy (SQLite backup API, not a file copy of a live WAL database)."""
    folder = tmp_path / "hq"
    shutil.copytree(demo_master / "blobs", folder / "blobs")
    src = sqlite3.connect(demo_master / "hq.db")
    dst = sqlite3.connect(folder / "hq.db")
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return folder


@pytest.fixture(scope="session")
def demo_storage(demo_master):
    return open_storage(demo_master)
