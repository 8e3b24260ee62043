"""What a support request needs to know about this installation (Help → About, the log).

Versions, where the data is, its schema version, whether it is encrypted and which keyring
holds the device's secrets — never a secret or a piece of audit data.
"""
from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from sva import __version__
from sva.logs import logs_dir


@dataclass(frozen=True)
class Facts:
    sva: str
    python: str
    sqlite: str
    system: str
    data_folder: Path
    schema_version: int | None      # of the open database; None without one
    schema_expected: int
    encrypted: bool
    keyring: str                    # the backend's class, e.g. keyring.backends.SecretService
                                    # ('' when not asked)
    keyring_usable: bool            # False: a missing or plaintext backend, refused for secrets
    log_folder: Path
    frozen: bool                    # a PyInstaller build (packaging/)


def _sqlite_version() -> str:
    from sva.store import engine        # the device store's SQLite (SQLCipher's build)
    return engine.SQLITE_VERSION


def keyring_backend() -> tuple[str, bool]:
    """(name, usable) of the keyring the device token would go to."""
    from sva.sync import credentials
    from sva.sync.errors import KeyringUnavailable
    try:
        return credentials.backend_name(credentials.backend()), True
    except KeyringUnavailable as exc:
        return str(exc.params.get("backend") or exc.params.get("error") or exc), False
    except Exception as exc:  # noqa: BLE001 - a broken keyring must not break About
        return f"{type(exc).__name__}: {exc}", False


def facts(ws=None, folder=None, *, keyring: bool = True) -> Facts:
    """The facts for `ws` (an open workspace) or a data `folder` without one. `keyring=False`
    leaves the keyring unasked (it may wait on D-Bus; the app asks it off the UI thread)."""
    from sva.store import SCHEMA_VERSION
    folder = Path(ws.folder if ws is not None else folder)
    version = None
    if ws is not None:
        version = ws.db.execute("PRAGMA user_version").fetchone()[0]
    backend, usable = keyring_backend() if keyring else ("", False)
    return Facts(
        sva=__version__,
        python=f"{platform.python_implementation()} {platform.python_version()}",
        sqlite=_sqlite_version(),
        system=platform.platform(terse=True),
        data_folder=folder,
        schema_version=version,
        schema_expected=SCHEMA_VERSION,
        encrypted=bool(getattr(ws, "encrypted", False)),   # issue 16: encryption at rest
        keyring=backend,
        keyring_usable=usable,
        log_folder=logs_dir(folder),
        frozen=bool(getattr(sys, "frozen", False)),
    )
