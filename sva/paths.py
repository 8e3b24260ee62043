"""Where things live: the data directory (platformdirs, SVA_HOME, --data-dir) and resources."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

RESOURCES = Path(os.environ.get("SVA_RESOURCES")
                 or Path(__file__).resolve().parents[1] / "resources")


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The workspace folder: explicit argument, else $SVA_HOME, else the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("SVA_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("sva", appauthor=False))


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)
