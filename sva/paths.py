"""Where things live: the data directory (platformdirs, SVA_HOME, --data-dir) and resources."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs


def _resources_dir() -> Path:
    """$SVA_RESOURCES, else resources/ of a PyInstaller build (in sys._MEIPASS, the folder
    beside the executable that holds the bundled code, packaging/sva.spec), else of the
    checkout."""
    if os.environ.get("SVA_RESOURCES"):
        return Path(os.environ["SVA_RESOURCES"])
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None) or Path(sys.executable).resolve().parent
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


RESOURCES = _resources_dir()


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The workspace folder: explicit argument, else $SVA_HOME, else the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("SVA_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("sva", appauthor=False))


def shown(path: str | os.PathLike) -> str:
    """A folder as the app shows it: under the user's home folder as `~/...` (shorter in the
    status bar, and a screenshot shows no account name); elsewhere in full."""
    path = Path(path)
    try:
        inside = path.resolve().relative_to(Path.home().resolve())
    except (ValueError, RuntimeError, OSError):   # not under home, or no home folder
        return str(path)
    return str(Path("~") / inside)


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)
