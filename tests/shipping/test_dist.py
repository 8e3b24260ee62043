"""The built app (packaging/sva.spec, `make dist`) on a laptop with no Python.

The build is made once for this module, copied to another folder outside the checkout (the
build and its work folder are then deleted), and run there with an environment that holds
no Python: `env -i` with a PATH naming only an empty folder, no PYTHONPATH, no venv, a fresh
HOME. It must pass its own --self-check offscreen and on a real X server (Xvfb), run a CLI
command, and open its window and quit on Ctrl+Q like an auditor's.
"""
from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ui.xsession import missing_tools, x_session

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "work"),
         str(ROOT / "packaging" / "sva.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-4000:]
    seconds = time.monotonic() - started
    laptop = tmp_path_factory.mktemp("laptop") / "SVA"
    shutil.copytree(work / "dist" / "sva", laptop, symlinks=True)
    shutil.rmtree(work)
    size = subprocess.run(["du", "-sh", str(laptop)], capture_output=True, text=True).stdout
    print(f"\nbuild: {seconds:.0f} s, {size.split()[0]}")
    return laptop


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """What `env -i` leaves, plus a home, a locale and an empty folder as PATH."""
    (home / "bin").mkdir(parents=True, exist_ok=True)
    (home / "run").mkdir(mode=0o700, exist_ok=True)
    env = {"PATH": str(home / "bin"), "HOME": str(home), "LANG": "C.UTF-8",
           "XDG_RUNTIME_DIR": str(home / "run"), **extra}
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return env


def run(app: Path, *args: str, env: dict, cwd: Path, timeout: int = 300):
    return subprocess.run([str(app / "sva"), *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)


def test_the_build_passes_its_self_check_offscreen_without_python(app, tmp_path):
    done = run(app, "--self-check", env=bare_env(tmp_path), cwd=tmp_path)
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr[-4000:]
    lines = done.stdout.splitlines()
    assert "(frozen build: yes)" in lines[0]
    for step in ("demo data", "guidance PDF (ja)", "Qt modules", "translations",
                 "main window: offscreen"):
        assert any(line.startswith(f"ok   {step}") for line in lines), (step, lines)
    assert lines[-1] == "self-check passed"
    assert not list(tmp_path.glob("sva-self-check-*"))          # it cleans up after itself


@pytest.mark.skipif(bool(missing_tools()), reason=f"needs {missing_tools()}")
def test_the_build_passes_its_self_check_on_an_x_server(app, tmp_path):
    with x_session(tmp_path) as x:
        env = bare_env(tmp_path, DISPLAY=x.display, QT_QPA_PLATFORM="xcb")
        done = run(app, "--self-check", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-4000:]
    assert "ok   main window: xcb:" in done.stdout
    assert "self-check passed" in done.stdout


@pytest.mark.skipif(bool(missing_tools()), reason=f"needs {missing_tools()}")
def test_the_built_app_makes_demo_data_opens_its_window_and_quits(app, tmp_path):
    data = tmp_path / "data"
    made = run(app, "demo", "--data-dir", str(data), env=bare_env(tmp_path), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "18 audits" in made.stdout
    with x_session(tmp_path) as x:
        env = bare_env(tmp_path, DISPLAY=x.display)
        x.app = subprocess.Popen([str(app / "sva"), "--data-dir", str(data)], env=env,
                                 cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        window = x.wait_window("SVA", timeout=60)
        x.run("windowactivate", "--sync", window)
        x.key("ctrl+q")
        assert x.app.wait(timeout=30) == 0, x.app.stderr.read().decode()[-3000:]
    log = (data / "logs" / "sva.log").read_text("utf-8")
    assert "data folder opened: schema" in log and "SVA closed" in log


def test_the_build_holds_what_the_app_needs_and_leaves_out_the_rest(app):
    inside = app / "_internal"
    qt = inside / "PySide6" / "Qt"
    for needed in ("plugins/platforms/libqxcb.so", "plugins/platforms/libqoffscreen.so",
                   "plugins/imageformats/libqjpeg.so", "plugins/multimedia",
                   "plugins/printsupport/libcupsprintersupport.so",
                   "translations/qtbase_ja.qm", "translations/qt_ja.qm"):
        assert (qt / needed).exists(), needed
    for needed in ("translations/sva_ja.qm", "checklists/svr.yaml", "checklists/infosec.yaml",
                   "reports/strings.yaml", "demo.yaml", "fonts/NotoEmoji-Regular.ttf",
                   "fonts/ipagp.ttf", "fonts/ipamp.ttf", "fonts/IPA_Font_License.txt"):
        assert (inside / "resources" / needed).is_file(), needed
    assert (app / "sva.desktop").is_file() and (app / "sva.png").is_file()
    names = {p.name for p in inside.rglob("*")}
    for unused in ("QtQml.abi3.so", "QtQuick.abi3.so", "QtWebEngineCore.abi3.so",
                   "Qt3DCore.abi3.so", "QtCharts.abi3.so", "QtTest.abi3.so",
                   "libqgtk3.so", "libqwayland.so", "libqtvirtualkeyboardplugin.so",
                   "libgtk-3.so.0", "fastapi", "uvicorn", "psycopg", "pytest"):
        assert unused not in names, unused
    assert not [p for p in qt.glob("translations/*.qm") if not p.name.endswith("_ja.qm")]
    dangling = [str(p) for p in inside.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


def test_the_desktop_entry_installs_for_the_user(app, tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    done = subprocess.run([str(app / "install-desktop-entry.sh")], env=env,
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(tmp_path / "share" / "applications" / "sva.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Icon"] == "sva"
    assert desktop["Exec"] == f'"{app / "sva"}"'
    assert desktop["GenericName[ja]"] == "サプライヤー訪問監査"
    assert (tmp_path / "share/icons/hicolor/256x256/apps/sva.png").is_file()
