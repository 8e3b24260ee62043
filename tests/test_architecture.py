"""House rules: the core never loads Qt; ui/ never talks SQL."""
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import sva

ROOT = Path(__file__).resolve().parents[1]


def test_no_sva_module_loads_pyside6():
    modules = sorted(m.name for m in pkgutil.walk_packages(sva.__path__, "sva."))
    assert len(modules) > 10
    script = ("import importlib, sys\n"
              f"for name in {modules!r}: importlib.import_module(name)\n"
              "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'PyQt', 'ui')))\n"
              "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == ""


def test_no_qt_import_in_sva_sources():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt\d|ui)\b", re.M)
    offenders = [str(p) for p in (ROOT / "sva").rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


def test_ui_holds_no_sql():
    pattern = re.compile(r"\.execute\(|import sqlite3|sqlite_utils|\bSELECT\b|\bINSERT\b")
    offenders = [str(p) for p in (ROOT / "ui").rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


# -- one device connection (sva/store/worker.py) -------------------------------------------------
# The device database is opened by the workspace's store worker only: `open_db` and
# `sqlite3.connect` live in sva/store/ (the workspace hands `open_db` to its worker; HQ's own
# database is in sva/hq/); a Workspace — which
# starts a worker with its own connection — is opened once per process, by its entry point.
_CONNECTS = re.compile(r"\bsqlite3\.connect\(|\bopen_db\(")
_WORKSPACES = re.compile(r"\bWorkspace\(")
WORKSPACE_OPENERS = {"ui/app.py", "ui/main_window.py", "sva/cli/main.py", "sva/cli/photo_cmds.py",
                     "sva/cli/report_cmds.py", "sva/cli/sync_cmds.py", "sva/demo/builder.py",
                     "sva/reports/render_pages.py", "sva/workspace.py"}


def test_no_device_connection_is_opened_outside_the_store():
    connects, workspaces = [], []
    for path in sorted([*(ROOT / "sva").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]):
        rel = path.relative_to(ROOT).as_posix()
        text = path.read_text("utf-8")
        if _CONNECTS.search(text) and not (rel.startswith(("sva/store/", "sva/hq/"))
                                           or rel == "sva/workspace.py"):
            connects.append(rel)
        if _WORKSPACES.search(text) and rel not in WORKSPACE_OPENERS:
            workspaces.append(rel)
    assert connects == []
    assert workspaces == []
