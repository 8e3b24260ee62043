"""What the backup tests share: running `sva`, a demo folder, reading a folder's content."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "kawasaki-plant-7 wisteria"      # a test secret: grepped for in every output


def sva(*args, passphrase: str | None = PASSPHRASE, env: dict | None = None, stdin=None,
        timeout: float = 120):
    env = {**os.environ, **(env or {})}
    env.pop("SVA_TEST_PASS", None)
    if passphrase is not None:
        env["SVA_TEST_PASS"] = passphrase
    return subprocess.run([sys.executable, "-m", "ui.launcher", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, env=env,
                          stdin=stdin if stdin is not None else subprocess.DEVNULL,
                          timeout=timeout)


def tables(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order (read-only)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall()
                for n in names}
    finally:
        conn.close()


def blob_hashes(folder: Path) -> dict[str, str]:
    out = {}
    for sub in ("photos", "derived", "outgoing"):
        for path in sorted((folder / sub).rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                out[path.relative_to(folder).as_posix()] = \
                    hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (names and bytes), to show nothing changed."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
