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


# -- one refresh path (ui/operations/hub.py) ----------------------------------------------------
# A view refreshes itself when the workspace hub broadcasts what an operation changed; it
# never tells another widget to re-read. Re-reading is `reload*` / `refresh*` on `self`;
# feeding rows is `set_rows` on a model or view the widget owns (`self.<part>`).
_RELOAD = re.compile(r"^(reload|refresh)")
_FEED = ("set_rows", "show_status")
# Not widgets: the sync status keeps the pending audits in a core object it owns.
_ALLOWED = {("ui/sync/controller.py", "self.pending", "reload")}


def refresh_calls_on_others(root: Path) -> list[str]:
    import ast
    found = []
    for path in sorted((root / "ui").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            name, receiver = node.func.attr, node.func.value
            text = ast.unparse(receiver)
            if (rel, text, name) in _ALLOWED:
                continue
            if _RELOAD.match(name) and text != "self":
                found.append(f"{rel}:{node.lineno}: {text}.{name}()")
            own_part = (isinstance(receiver, ast.Attribute)
                        and isinstance(receiver.value, ast.Name) and receiver.value.id == "self")
            if name in _FEED and not (own_part or text in ("self", "super()")):
                found.append(f"{rel}:{node.lineno}: {text}.{name}()")
    return sorted(found, key=lambda f: (f.split(":")[0], int(f.split(":")[1])))


def test_no_widget_refreshes_another_widget():
    assert refresh_calls_on_others(ROOT) == []


def test_the_refresh_rule_catches_a_widget_reaching_into_another(tmp_path):
    """The scan above finds what the sync UI and the editor's life cycle used to do."""
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "bad.py").write_text(
        "class SyncUi:\n"
        "    def done(self):\n"
        "        self.window.refresh()\n"
        "        for editor in self.window.editors():\n"
        "            editor.reload()\n"
        "        self.editor.findings.set_rows([])\n", "utf-8")
    assert refresh_calls_on_others(tmp_path) == [
        "ui/bad.py:3: self.window.refresh()", "ui/bad.py:5: editor.reload()",
        "ui/bad.py:6: self.editor.findings.set_rows()"]


# -- one device connection (sva/store/worker.py) -------------------------------------------------
# The device database is opened by the workspace's store worker only: `open_db` and
# `sqlite3.connect` live in sva/store/ (the workspace hands `open_db` to its worker; HQ's own
# database is in sva/hq/); a Workspace — which
# starts a worker with its own connection — is opened once per process, by its entry point.
_CONNECTS = re.compile(r"\bsqlite3\.connect\(|\bopen_db\(")
_WORKSPACES = re.compile(r"\bWorkspace\(")
WORKSPACE_OPENERS = {"ui/app.py", "ui/main_window.py", "sva/cli/key_cmds.py", "sva/cli/main.py",
                     "sva/cli/photo_cmds.py",
                     "sva/cli/report_cmds.py", "sva/cli/sync_cmds.py", "sva/demo/builder.py",
                     "sva/reports/render_pages.py", "sva/workspace.py",
                     "sva/cli/backup_cmds.py", "ui/self_check.py"}


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
