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
