"""A real X display for tests that drive the app as a user does: Xvfb at 1366×768, a window
manager (openbox), real key presses and mouse strokes through xdotool, screenshots through
ImageMagick's `import`. Everything runs on a private display number and is stopped after.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

TOOLS = ("Xvfb", "openbox", "xdotool", "import")
SCREEN = "1366x768x24"


def missing_tools() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


class XSession:
    def __init__(self, display: str, home: Path):
        self.display, self.home = display, home
        self.env = {**os.environ, "DISPLAY": display, "HOME": str(home),
                    "XDG_CONFIG_HOME": str(home / ".config"),
                    "XDG_DATA_HOME": str(home / ".local" / "share"),
                    "XDG_RUNTIME_DIR": str(home / "run"), "QT_QPA_PLATFORM": "xcb"}
        (home / "run").mkdir(mode=0o700, parents=True, exist_ok=True)
        self.keys_sent = 0          # key presses (a shortcut such as Ctrl+Q counts once)
        self.typed = 0              # characters of free text typed (notes, names, paths)
        self.actions = 0            # mouse strokes
        self.app: subprocess.Popen | None = None

    # -- the app ---------------------------------------------------------------------------
    def launch(self, *args: str, env: dict | None = None) -> subprocess.Popen:
        root = Path(__file__).resolve().parents[2]
        self.app = subprocess.Popen(
            [sys.executable, "-c", "import sys; from ui.launcher import main; sys.exit(main())",
             *args], cwd=str(self.home), env={**self.env, "PYTHONPATH": str(root),
                                             **(env or {})},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return self.app

    def wait_window(self, name: str, timeout: float = 30) -> str:
        """The id of a visible window whose title contains `name`."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.app is not None and self.app.poll() is not None:
                raise RuntimeError(f"the app exited with {self.app.returncode}: "
                                   f"{self.app.stderr.read().decode()[-2000:]}")
            found = self.run("search", "--onlyvisible", "--name", name, check=False)
            if found:
                return found.split()[-1]
            time.sleep(0.2)
        raise TimeoutError(f"no window named {name!r} after {timeout} s")

    def active_title(self) -> str:
        return self.run("getactivewindow", "getwindowname", check=False)

    def wait_active(self, name: str, timeout: float = 15) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if name in self.active_title():
                return
            time.sleep(0.1)
        raise TimeoutError(f"the active window is {self.active_title()!r}, not {name!r}")

    # -- input -----------------------------------------------------------------------------
    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True,
                              timeout=30)
        if check and done.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout.strip()

    def key(self, *keys: str, delay_ms: int = 40) -> None:
        """Key presses as an auditor makes them (each counted)."""
        for key in keys:
            self.run("key", "--clearmodifiers", key)
            self.keys_sent += 1
            time.sleep(delay_ms / 1000)

    def type(self, text: str) -> None:
        """Free text, typed one key per character (counted apart from the key presses)."""
        self.run("type", "--delay", "15", text)
        self.typed += len(text)

    def stroke(self, points: list[tuple[int, int]]) -> None:
        """One mouse stroke through absolute screen points (one action)."""
        self.run("mousemove", str(points[0][0]), str(points[0][1]))
        self.run("mousedown", "1")
        for x, y in points[1:]:
            self.run("mousemove", str(x), str(y))
        self.run("mouseup", "1")
        self.actions += 1

    def screenshot(self, path: Path) -> Path:
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True,
                       timeout=30)
        return path

    def window_geometry(self, window: str) -> tuple[int, int, int, int]:
        out = self.run("getwindowgeometry", "--shell", window)
        values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        return (int(values["X"]), int(values["Y"]), int(values["WIDTH"]),
                int(values["HEIGHT"]))


@contextmanager
def x_session(home: Path):
    """Xvfb + openbox on a free display; yields an XSession; stops everything after."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN,
                             "-nolisten", "tcp"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        raise RuntimeError("Xvfb did not start")
    session = XSession(f":{number}", home)
    wm = subprocess.Popen(["openbox"], env=session.env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    try:
        yield session
    finally:
        for proc in (session.app, wm, xvfb):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
